package client

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

// An Option configures [Dial].
type Option interface {
	apply(*config)
}

// config is what the options of [Dial] set.
type config struct {
	transportCredentials credentials.TransportCredentials
	dialOptions          []grpc.DialOption
	bearerToken          string
}

// newConfig applies opts over the defaults: plaintext, no token.
func newConfig(opts []Option) *config {
	cfg := &config{transportCredentials: insecure.NewCredentials()}
	for _, opt := range opts {
		opt.apply(cfg)
	}
	return cfg
}

// grpcDialOptions turns the configuration into options for [grpc.NewClient],
// with [ServiceConfig] as the default service config (a resolver's own
// config wins over it). Options given with [WithDialOptions] come last so
// that they win.
func (c *config) grpcDialOptions() []grpc.DialOption {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(c.transportCredentials), grpc.WithDefaultServiceConfig(ServiceConfig)}
	if c.bearerToken != "" {
		opts = append(opts, grpc.WithPerRPCCredentials(bearerToken(c.bearerToken)))
	}
	return append(opts, c.dialOptions...)
}

type optionFunc func(*config)

func (f optionFunc) apply(cfg *config) { f(cfg) }

// WithTransportCredentials makes [Dial] secure the connection with creds,
// for example credentials.NewTLS(&tls.Config{}). Without it the connection
// is plaintext.
func WithTransportCredentials(creds credentials.TransportCredentials) Option {
	return optionFunc(func(cfg *config) { cfg.transportCredentials = creds })
}

// WithDialOptions passes opts on to [grpc.NewClient], after the options
// [Dial] derives from its other settings, so these take precedence.
func WithDialOptions(opts ...grpc.DialOption) Option {
	return optionFunc(func(cfg *config) { cfg.dialOptions = append(cfg.dialOptions, opts...) })
}

// WithBearerToken sends token as "authorization: Bearer <token>" metadata on
// every call. The token is sent on plaintext connections too, so that it
// works against a local server; use [WithTransportCredentials] to protect it
// on a network.
func WithBearerToken(token string) Option {
	return optionFunc(func(cfg *config) { cfg.bearerToken = token })
}

// bearerToken is a [credentials.PerRPCCredentials] that sends a fixed token
// and, unlike the oauth package's, does not insist on a secure transport.
type bearerToken string

// GetRequestMetadata returns the authorization header for a call.
func (t bearerToken) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + string(t)}, nil
}

// RequireTransportSecurity reports false: the token may go over plaintext.
func (bearerToken) RequireTransportSecurity() bool { return false }
