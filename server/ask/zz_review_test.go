package ask_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/entitygraph/entitygraph/server/app"
	"github.com/entitygraph/entitygraph/server/ask"
	"github.com/entitygraph/entitygraph/server/budget"
	"github.com/entitygraph/entitygraph/server/pattern"
)

func TestZZReview(t *testing.T) {
	data, err := os.ReadFile("/tmp/review/q.txt")
	if err != nil {
		t.Skip()
	}
	ixs := map[string]interface{}{}
	_ = ixs
	seed, err := app.LoadIndex("")
	if err != nil {
		t.Fatal(err)
	}
	hw, err := app.LoadIndex("../../seeds/harbor-wind")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ix := seed
		tag := "seed"
		if strings.HasPrefix(line, "H:") {
			ix, tag, line = hw, "hw", strings.TrimSpace(line[2:])
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Logf("[%s] %s\n  PANIC %v", tag, line, r)
				}
			}()
			res, err := ask.Ask(ix, line, budget.New(context.Background(), 1_000_000), 100, pattern.Options{})
			if err != nil {
				t.Logf("[%s] %s\n  ERR %v", tag, line, err)
				return
			}
			t.Logf("[%s] %s\n  %s\n  %s verdict=%v", tag, line, res.Interpretation, res.Text, res.Verdict)
			for _, a := range res.Answers {
				t.Logf("  - %s", a.Sentence)
			}
		}()
	}
}
