package service_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's tests if any goroutine outlives them: every
// server and stream the tests start must be stopped.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
