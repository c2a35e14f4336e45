package app

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/entitygraph/entitygraph/server/index"
)

// reloader loads a new graph, checks it and swaps it in. Calls in flight
// keep the snapshot they started with (see index.Holder); a graph that
// fails to load is rejected and the old snapshot keeps serving.
type reloader struct {
	dir     string
	holder  *index.Holder
	metrics *Metrics
	logger  *slog.Logger

	mu sync.Mutex // serialises reloads
}

// reload loads the graph again and serves it if it is valid.
func (r *reloader) reload() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	start := time.Now()
	old := r.holder.Current()
	ix, err := loadIndex(context.Background(), r.dir, r.logger)
	if err != nil {
		r.metrics.reloaded(ReloadFailure, time.Now())
		r.logger.Error("graph reload rejected; still serving the previous snapshot",
			"snapshot", old.Version(), "error", err)
		return err
	}
	if ix.Version() == old.Version() {
		r.metrics.reloaded(ReloadUnchanged, time.Now())
		r.logger.Info("graph reloaded; unchanged", "snapshot", old.Version(), "took", time.Since(start).Round(time.Microsecond))
		return nil
	}
	r.holder.Swap(ix)
	r.metrics.reloaded(ReloadSuccess, time.Now())
	st := ix.Stats()
	r.logger.Info("graph reloaded", "snapshot", ix.Version(), "previous", old.Version(),
		"entities", st.Entities, "relations", st.Relations, "documents", st.Documents,
		"took", time.Since(start).Round(time.Microsecond))
	return nil
}

// dirFingerprint condenses the names, sizes and modification times of the
// files under dir, so that polling can tell when they change.
func dirFingerprint(dir string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00", path, info.Size(), info.ModTime().UnixNano())
		return nil
	})
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}

// watch calls trigger whenever the files under dir change from the
// fingerprint last, checking every interval until ctx ends.
func watch(ctx context.Context, dir, last string, interval time.Duration, trigger func(), logger *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		fp, err := dirFingerprint(dir)
		if err != nil {
			logger.Warn("cannot watch data directory", "dir", dir, "error", err)
			continue
		}
		if fp != last {
			last = fp
			logger.Info("data files changed; reloading", "dir", dir)
			trigger()
		}
	}
}
