// Package auth checks the bearer tokens that callers send in the
// "authorization" metadata ("Bearer <token>"), against a file of named
// tokens that can be reloaded while the server runs.
//
// The token file has one client per line, its name and then its token,
// separated by white space; blank lines and lines starting with # are
// ignored:
//
//	# client    token
//	search-api  3b5c0d9e6f0c4c1f9a7d2e8b41f6a0c7
//
// Tokens are compared in constant time, as SHA-256 digests, and must be at
// least [MinTokenLen] bytes long.
package auth

import (
	"bufio"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/logging"

	"github.com/entitygraph/entitygraph/server/apierr"
)

// MinTokenLen is the shortest token a token file may hold.
const MinTokenLen = 16

// Tokens is an immutable set of named bearer tokens.
type Tokens struct {
	clients []client
}

type client struct {
	name   string
	digest [sha256.Size]byte
}

// Len returns how many tokens the set holds.
func (t *Tokens) Len() int { return len(t.clients) }

// ParseTokens reads a token file (see the package documentation).
func ParseTokens(r io.Reader) (*Tokens, error) {
	t := &Tokens{}
	names := map[string]bool{}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Fields(text)
		switch {
		case len(fields) != 2:
			return nil, fmt.Errorf("line %d: want a client name and a token, got %d fields", line, len(fields))
		case len(fields[1]) < MinTokenLen:
			return nil, fmt.Errorf("line %d: token of %s is shorter than %d bytes", line, fields[0], MinTokenLen)
		case names[fields[0]]:
			return nil, fmt.Errorf("line %d: client %s appears twice", line, fields[0])
		}
		names[fields[0]] = true
		t.clients = append(t.clients, client{name: fields[0], digest: sha256.Sum256([]byte(fields[1]))})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(t.clients) == 0 {
		return nil, fmt.Errorf("no tokens")
	}
	return t, nil
}

// LoadTokens reads the token file at path.
func LoadTokens(path string) (*Tokens, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, err := ParseTokens(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}

// lookup returns the client whose token this is. Every token is compared,
// so the time taken does not say which one, if any, matched.
func (t *Tokens) lookup(token string) (string, bool) {
	d := sha256.Sum256([]byte(token))
	name, found := "", false
	for _, c := range t.clients {
		if subtle.ConstantTimeCompare(d[:], c.digest[:]) == 1 {
			name, found = c.name, true
		}
	}
	return name, found
}

// Authenticator checks bearer tokens against the token file it was loaded
// from; [Authenticator.Reload] rereads the file, and calls in flight keep
// the set they started with.
type Authenticator struct {
	path   string
	tokens atomic.Pointer[Tokens]
}

// NewAuthenticator loads the token file at path.
func NewAuthenticator(path string) (*Authenticator, error) {
	t, err := LoadTokens(path)
	if err != nil {
		return nil, err
	}
	a := &Authenticator{path: path}
	a.tokens.Store(t)
	return a, nil
}

// Reload rereads the token file. On error the tokens in use stay.
func (a *Authenticator) Reload() (*Tokens, error) {
	t, err := LoadTokens(a.path)
	if err != nil {
		return nil, err
	}
	a.tokens.Store(t)
	return t, nil
}

type clientKey struct{}

// ClientFromContext returns the name of the client a call authenticated
// as, if it did.
func ClientFromContext(ctx context.Context) (string, bool) {
	name, ok := ctx.Value(clientKey{}).(string)
	return name, ok
}

// Authenticate is a go-grpc-middleware [auth.AuthFunc]: it accepts a call
// whose bearer token is in the set, records the client's name in the
// context and in the call's log fields, and refuses any other call with
// UNAUTHENTICATED.
func (a *Authenticator) Authenticate(ctx context.Context) (context.Context, error) {
	token, err := auth.AuthFromMD(ctx, "bearer")
	if err != nil {
		return nil, apierr.Unauthenticated("missing bearer token: send the metadata \"authorization: Bearer <token>\"")
	}
	name, ok := a.tokens.Load().lookup(token)
	if !ok {
		return nil, apierr.Unauthenticated("invalid bearer token")
	}
	logging.AddFields(ctx, logging.Fields{"client", name})
	return context.WithValue(ctx, clientKey{}, name), nil
}
