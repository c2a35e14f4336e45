package app_test

import (
	"net"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/http2"
)

// pingClient is a bare HTTP/2 connection to the server that sends PINGs
// and records a GOAWAY, as any gRPC client's keepalive does beneath the
// library (grpc-go's client will not ping more often than every 10 s,
// but grpcio and grpc-java clients may).
type pingClient struct {
	conn   net.Conn
	fr     *http2.Framer
	mu     sync.Mutex
	goaway *http2.GoAwayFrame
	debug  string
	done   chan struct{}
}

func dialPings(t *testing.T, addr string) *pingClient {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if _, err := conn.Write([]byte(http2.ClientPreface)); err != nil {
		t.Fatal(err)
	}
	c := &pingClient{conn: conn, fr: http2.NewFramer(conn, conn), done: make(chan struct{})}
	c.mu.Lock()
	err = c.fr.WriteSettings()
	c.mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(c.done)
		for {
			f, err := c.fr.ReadFrame()
			if err != nil {
				return
			}
			switch f := f.(type) {
			case *http2.SettingsFrame:
				if !f.IsAck() {
					c.mu.Lock()
					_ = c.fr.WriteSettingsAck()
					c.mu.Unlock()
				}
			case *http2.GoAwayFrame:
				c.mu.Lock()
				c.goaway, c.debug = f, string(f.DebugData())
				c.mu.Unlock()
			}
		}
	}()
	return c
}

func (c *pingClient) ping(t *testing.T) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.fr.WritePing(false, [8]byte{1}); err != nil && c.goaway == nil {
		t.Fatal(err)
	}
}

func (c *pingClient) goneAway() (bool, string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.goaway != nil, c.debug
}

// TestKeepaliveAcceptsCommonClients checks that a client pinging an idle
// connection every 2.5 s — twice as often as a 5 s keepalive, the shortest
// that common clients are configured with — is never sent away, and that
// a flood of pings still is, with too_many_pings.
func TestKeepaliveAcceptsCommonClients(t *testing.T) {
	t.Parallel()
	t.Run("every 2.5s", func(t *testing.T) {
		t.Parallel()
		_, addr := serve(t)
		c := dialPings(t, addr)
		for range 5 {
			c.ping(t)
			time.Sleep(2500 * time.Millisecond)
		}
		if gone, debug := c.goneAway(); gone {
			t.Fatalf("the server sent GOAWAY (%q) to a client pinging every 2.5s", debug)
		}
	})
	t.Run("flood", func(t *testing.T) {
		t.Parallel()
		_, addr := serve(t)
		c := dialPings(t, addr)
		for range 10 {
			c.ping(t)
		}
		select {
		case <-c.done:
		case <-time.After(10 * time.Second):
			t.Fatal("the connection is still open after a flood of pings")
		}
		if gone, debug := c.goneAway(); !gone || debug != "too_many_pings" {
			t.Fatalf("after a flood of pings: GOAWAY %v, debug data %q; want too_many_pings", gone, debug)
		}
	})
}
