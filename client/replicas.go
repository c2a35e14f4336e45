package client

import (
	"fmt"
	"strings"

	"google.golang.org/grpc"
	_ "google.golang.org/grpc/health" // client-side health checking, which ServiceConfig turns on
	"google.golang.org/grpc/resolver"
	"google.golang.org/grpc/resolver/manual"
)

// ServiceConfig is the gRPC service config [Dial] and [DialReplicas] use
// (https://github.com/grpc/grpc/blob/master/doc/service_config.md), for a
// server that runs as several replicas of one snapshot:
//
//   - round_robin over every address the target resolves to (a dns:/// name
//     with one A record per replica, or the list DialReplicas is given);
//   - client-side health checking over grpc.health.v1: a replica that says
//     NOT_SERVING — while it drains for shutdown — gets no new calls;
//   - a retry policy for UNAVAILABLE, which every entitygraph RPC may take,
//     since all of them are reads: up to 4 attempts, backing off from 50 ms
//     to 1 s. A call that fails on a replica that went away is retried on
//     another.
//
// A caller that makes its own connection for [New] can pass it to
// grpc.WithDefaultServiceConfig; the TypeScript SDK documents the same.
const ServiceConfig = `{
  "loadBalancingConfig": [{"round_robin": {}}],
  "healthCheckConfig": {"serviceName": ""},
  "methodConfig": [{
    "name": [
      {"service": "entitygraph.v1.EntityService"},
      {"service": "entitygraph.v1.QueryService"},
      {"service": "entitygraph.v1.VocabularyService"}
    ],
    "retryPolicy": {
      "maxAttempts": 4,
      "initialBackoff": "0.05s",
      "maxBackoff": "1s",
      "backoffMultiplier": 2,
      "retryableStatusCodes": ["UNAVAILABLE"]
    }
  }]
}`

// replicasScheme is the resolver scheme of DialReplicas' targets.
const replicasScheme = "entitygraph-replicas"

// DialReplicas returns a [Client] that spreads its calls over the servers
// at addrs ("127.0.0.1:50051", "127.0.0.2:50051", ...), replicas serving
// one snapshot, with [ServiceConfig]: round robin, health checking and
// retries on another replica. For replicas behind one DNS name, [Dial] a
// "dns:///name:port" target instead, which does the same.
func DialReplicas(addrs []string, opts ...Option) (*Client, error) {
	if len(addrs) == 0 {
		return nil, fmt.Errorf("dial replicas: no addresses")
	}
	r := manual.NewBuilderWithScheme(replicasScheme)
	state := resolver.State{}
	for _, a := range addrs {
		state.Addresses = append(state.Addresses, resolver.Address{Addr: a})
	}
	r.InitialState(state)
	return dial(replicasScheme+":///"+strings.Join(addrs, ","), "replicas "+strings.Join(addrs, ", "), opts, grpc.WithResolvers(r))
}
