package index

import (
	"os"
	"runtime"
	"unsafe"

	"github.com/blevesearch/mmap-go"
)

// textStore holds the text of every document, back to back. A snapshot
// built in memory keeps it on the heap; one loaded from a file maps it from
// the file, so that the corpus, which is far larger than the index and
// mostly cold, stays in the page cache and out of the Go heap.
type textStore interface {
	// view returns text[from:to] without copying; it must not outlive
	// the index or escape it.
	view(from, to uint64) []byte
	// copy returns text[from:to] as a new string.
	copy(from, to uint64) string
	len() uint64
}

// heapText is text held in memory.
type heapText string

func (t heapText) view(from, to uint64) []byte {
	if from == to {
		return nil
	}
	// No copy: views are read-only by contract, only counted or copied.
	s := string(t[from:to])
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

func (t heapText) copy(from, to uint64) string { return string(t[from:to]) }
func (t heapText) len() uint64                 { return uint64(len(t)) }

// mappedText is text mapped read-only from a snapshot file. The mapping is
// released when the index that holds it becomes unreachable: nothing else
// ever refers to the mapped bytes, since text leaves the index only copied.
type mappedText struct {
	m    mmap.MMap // the mapped pages, from a page boundary
	skip uint64    // bytes of m before the text
	n    uint64
}

func (t *mappedText) view(from, to uint64) []byte { return t.m[t.skip+from : t.skip+to] }
func (t *mappedText) copy(from, to uint64) string { return string(t.view(from, to)) }
func (t *mappedText) len() uint64                 { return t.n }

// mapText maps length bytes of f from offset. It returns nil when the
// platform or file cannot be mapped, for the caller to read the text
// instead.
func mapText(ix *Index, f *os.File, offset, length int64) textStore {
	if length == 0 {
		return heapText("")
	}
	page := int64(os.Getpagesize())
	start := offset / page * page
	m, err := mmap.MapRegion(f, int(offset-start+length), mmap.RDONLY, 0, start)
	if err != nil {
		return nil
	}
	t := &mappedText{m: m, skip: uint64(offset - start), n: uint64(length)}
	runtime.AddCleanup(ix, func(m mmap.MMap) { _ = m.Unmap() }, m)
	return t
}

// subText is the part [from, to) of a text store, sharing its memory.
func subText(t textStore, from, to uint64) textStore {
	switch t := t.(type) {
	case heapText:
		return t[from:to]
	case *mappedText:
		return &mappedText{m: t.m, skip: t.skip + from, n: to - from}
	}
	panic("index: unknown text store")
}
