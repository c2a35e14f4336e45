// Package seeds embeds the curated seed graph (the source documents and
// their `*.txtpb` graph files) so that the server binary can serve it from
// anywhere; `--data DIR` serves a directory instead.
package seeds

import "embed"

// FS holds the seed documents and graph files.
//
//go:embed *.txt *.txtpb
var FS embed.FS
