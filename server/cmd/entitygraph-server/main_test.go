package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// helpText is what --help prints.
func helpText(t *testing.T) string {
	t.Helper()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"--help"}, &out, nil); err != nil {
		t.Fatalf("--help: %v", err)
	}
	return out.String()
}

// flagNames lists the flags in help.
func flagNames(t *testing.T, help string) []string {
	t.Helper()
	var names []string
	for _, line := range strings.Split(help, "\n") {
		if strings.HasPrefix(line, "  -") {
			names = append(names, strings.Fields(line)[0][1:])
		}
	}
	if len(names) < 10 {
		t.Fatalf("--help lists %d flags:\n%s", len(names), help)
	}
	return names
}

// TestHelpNamesEveryEnvironmentVariable checks that --help gives each flag
// its environment variable.
func TestHelpNamesEveryEnvironmentVariable(t *testing.T) {
	help := helpText(t)
	for _, name := range flagNames(t, help) {
		if !strings.Contains(help, "($"+envName(name)+")") {
			t.Errorf("--help does not name $%s for --%s", envName(name), name)
		}
	}
}

// TestREADMEDocumentsEveryFlag checks that README.md's table of flags has a
// row for every flag, with its environment variable.
func TestREADMEDocumentsEveryFlag(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range flagNames(t, helpText(t)) {
		row := "| `--" + name + "` | `" + envName(name) + "` |"
		if !bytes.Contains(readme, []byte(row)) {
			t.Errorf("README.md has no row starting %s", row)
		}
	}
}

func TestBadFlagsAndEnvironment(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"bad env duration", nil, map[string]string{"ENTITYGRAPH_SHUTDOWN_GRACE": "soon"}, "$ENTITYGRAPH_SHUTDOWN_GRACE"},
		{"bad log level", []string{"--log-level", "loud"}, nil, "--log-level"},
		{"bad log format", []string{"--log-format", "xml"}, nil, "--log-format"},
		{"negative rate", []string{"--rate-limit", "-1"}, nil, "--rate-limit"},
		{"zero streams", []string{"--max-concurrent-streams", "0"}, nil, "--max-concurrent-streams"},
		{"stray argument", []string{"serve"}, nil, "unexpected arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			var out bytes.Buffer
			err := run(context.Background(), tt.args, &out, nil)
			if err == nil || !strings.Contains(err.Error()+out.String(), tt.want) {
				t.Errorf("run(%q) = %v, want an error mentioning %s", tt.args, err, tt.want)
			}
		})
	}
}
