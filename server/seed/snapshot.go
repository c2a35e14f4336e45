package seed

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/entitygraph/entitygraph/server/columnfile"
)

// SnapshotFile returns the binary snapshot file (see package index) that a
// data location names: data itself when it is a file, or the one
// `*.egsnap` file of the directory data when it holds one and no
// `*.txtpb` graph file. It returns "" when data is empty or a directory
// of graph files to load with [LoadFS], and fails when a directory holds
// more than one snapshot, or snapshots and graph files both.
func SnapshotFile(data string) (string, error) {
	if data == "" {
		return "", nil
	}
	info, err := os.Stat(data)
	if err != nil {
		return "", err
	}
	if !info.IsDir() {
		return data, nil
	}
	snaps, err := filepath.Glob(filepath.Join(data, "*"+columnfile.FileExt))
	if err != nil {
		return "", err
	}
	graphs, err := filepath.Glob(filepath.Join(data, "*"+GraphFileExt))
	if err != nil {
		return "", err
	}
	switch {
	case len(snaps) == 0:
		return "", nil
	case len(snaps) > 1:
		return "", fmt.Errorf("%s holds %d %s snapshots; want at most one", data, len(snaps), columnfile.FileExt)
	case len(graphs) > 0:
		return "", fmt.Errorf("%s holds both a snapshot (%s) and %s graph files; want one or the other", data, filepath.Base(snaps[0]), GraphFileExt)
	}
	return snaps[0], nil
}
