// Package e2e holds the end-to-end tests: they build the real server and
// CLI binaries, start the server on a free loopback port, and drive it with
// the pinned grpcurl and the CLI, running every example in README.md.
package e2e
