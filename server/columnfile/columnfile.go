// Package columnfile is the container format of entitygraph's binary
// snapshot files: a header naming the format, then a sequence of typed
// arrays (integers of a fixed width, or bytes), each with its length and a
// CRC-32C of its contents. It knows nothing of graphs; package index
// decides which arrays a snapshot holds and in what order, and reads them
// back in that order.
//
// Arrays are little-endian and unaligned, so that a snapshot is a plain
// stream: it is written in one pass and read in one pass, and reading it
// decodes each array straight into the slice the index keeps. A reader
// checks every length against what is left of the file and every checksum,
// so a truncated or corrupt file fails to load instead of serving garbage.
package columnfile

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"math"
	"unsafe"
)

// Magic starts every snapshot file; the last byte is the format version.
const Magic = "EGSNAP\x00\x05"

// FileExt is the extension of snapshot files.
const FileExt = ".egsnap"

// ErrCorrupt is returned, wrapped, when a snapshot is truncated, fails a
// checksum, or holds an array of the wrong kind or size.
var ErrCorrupt = errors.New("corrupt snapshot")

// kind tags each array with the width of its elements, so that reading an
// array as the wrong type fails instead of misreading it.
type kind byte

const (
	kindBytes  kind = 1
	kindUint16 kind = 2
	kindUint32 kind = 4
	kindUint64 kind = 8
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// chunk is how many bytes are encoded or decoded at a time.
const chunk = 64 << 10

// Writer writes a snapshot. Errors are sticky: after the first, every
// method does nothing, and [Writer.Close] returns it.
type Writer struct {
	w   *bufio.Writer
	crc hash.Hash32
	buf []byte
	n   int64
	err error
}

// NewWriter writes the snapshot header to w and returns a Writer for the
// arrays that follow.
func NewWriter(w io.Writer) *Writer {
	sw := &Writer{w: bufio.NewWriterSize(w, 1<<20), crc: crc32.New(castagnoli), buf: make([]byte, 0, chunk)}
	sw.raw([]byte(Magic))
	return sw
}

func (w *Writer) raw(b []byte) {
	if w.err != nil {
		return
	}
	var n int
	n, w.err = w.w.Write(b)
	w.n += int64(n)
}

func (w *Writer) begin(k kind, count int) {
	var hdr [binary.MaxVarintLen64 + 1]byte
	hdr[0] = byte(k)
	n := binary.PutUvarint(hdr[1:], uint64(count))
	w.raw(hdr[:1+n])
	w.crc.Reset()
}

func (w *Writer) payload(b []byte) {
	w.crc.Write(b)
	w.raw(b)
}

func (w *Writer) end() {
	var sum [4]byte
	binary.LittleEndian.PutUint32(sum[:], w.crc.Sum32())
	w.raw(sum[:])
}

// Bytes writes an array of bytes.
func (w *Writer) Bytes(b []byte) {
	w.begin(kindBytes, len(b))
	w.payload(b)
	w.end()
}

// String writes an array of bytes from a string.
func (w *Writer) String(s string) {
	w.begin(kindBytes, len(s))
	for len(s) > 0 {
		n := min(len(s), chunk)
		w.payload(append(w.buf[:0], s[:n]...))
		s = s[n:]
	}
	w.end()
}

// Join writes one array of bytes made of parts, in order, without joining
// them in memory first.
func (w *Writer) Join(parts ...string) {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	w.begin(kindBytes, n)
	for _, s := range parts {
		for len(s) > 0 {
			k := min(len(s), chunk)
			w.payload(append(w.buf[:0], s[:k]...))
			s = s[k:]
		}
	}
	w.end()
}

// Uint16s writes an array of uint16.
func (w *Writer) Uint16s(xs []uint16) { writeInts(w, kindUint16, xs) }

// Uint32s writes an array of uint32.
func (w *Writer) Uint32s(xs []uint32) { writeInts(w, kindUint32, xs) }

// Int32s writes an array of int32 (as uint32).
func (w *Writer) Int32s(xs []int32) { writeInts(w, kindUint32, xs) }

// Uint64s writes an array of uint64.
func (w *Writer) Uint64s(xs []uint64) { writeInts(w, kindUint64, xs) }

// Uint64 writes one uint64, as an array of one.
func (w *Writer) Uint64(x uint64) { w.Uint64s([]uint64{x}) }

type integer interface {
	~uint16 | ~uint32 | ~int32 | ~uint64
}

func writeInts[T integer](w *Writer, k kind, xs []T) {
	w.begin(k, len(xs))
	per := chunk / int(k)
	for len(xs) > 0 {
		n := min(len(xs), per)
		b := w.buf[:0]
		for _, x := range xs[:n] {
			switch k {
			case kindUint16:
				b = binary.LittleEndian.AppendUint16(b, uint16(x))
			case kindUint32:
				b = binary.LittleEndian.AppendUint32(b, uint32(x))
			default:
				b = binary.LittleEndian.AppendUint64(b, uint64(x))
			}
		}
		w.payload(b)
		xs = xs[n:]
	}
	w.end()
}

// Close flushes what is buffered and returns the first error met, if any.
// It does not close the underlying writer.
func (w *Writer) Close() error {
	if w.err == nil {
		w.err = w.w.Flush()
	}
	return w.err
}

// Size returns the number of bytes written so far.
func (w *Writer) Size() int64 { return w.n }

// Reader reads a snapshot's arrays in the order they were written. Errors
// are sticky: after the first, every method returns zero values, and
// [Reader.Err] returns it.
type Reader struct {
	r        io.Reader
	crc      hash.Hash32
	buf      []byte
	off      int64 // bytes consumed
	size     int64 // total size, bounding every length
	progress func(done, total int64)
	err      error
}

// NewReader checks the header of a snapshot of size bytes read from r, and
// returns a Reader of its arrays. progress, if not nil, is told how far the
// reading has got after each array.
func NewReader(r io.Reader, size int64, progress func(done, total int64)) (*Reader, error) {
	sr := &Reader{r: r, crc: crc32.New(castagnoli), buf: make([]byte, chunk), size: size, progress: progress}
	var magic [len(Magic)]byte
	if _, err := io.ReadFull(r, magic[:]); err != nil || string(magic[:]) != Magic {
		return nil, fmt.Errorf("%w: not an entitygraph snapshot (format %q)", ErrCorrupt, Magic)
	}
	sr.off = int64(len(Magic))
	return sr, nil
}

// Err returns the first error met.
func (r *Reader) Err() error { return r.err }

// Offset returns the number of bytes read so far.
func (r *Reader) Offset() int64 { return r.off }

func (r *Reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("%w at byte %d: %s", ErrCorrupt, r.off, fmt.Sprintf(format, args...))
	}
}

func (r *Reader) full(b []byte) bool {
	if r.err != nil {
		return false
	}
	n, err := io.ReadFull(r.r, b)
	r.off += int64(n)
	if err != nil {
		r.fail("truncated: %v", err)
		return false
	}
	return true
}

func (r *Reader) readByte() byte {
	var b [1]byte
	r.full(b[:])
	return b[0]
}

// begin reads an array's header, checking its kind and that its payload
// fits in what is left of the file.
func (r *Reader) begin(want kind) int {
	k := kind(r.readByte())
	count, err := binary.ReadUvarint(byteReader{r})
	if r.err != nil {
		return 0
	}
	if err != nil {
		r.fail("bad array length: %v", err)
		return 0
	}
	if k != want {
		r.fail("array of %d-byte elements, want %d-byte", k, want)
		return 0
	}
	if left := r.size - r.off - 4; count > math.MaxInt32*4 || left < 0 || int64(count)*int64(k) > left {
		r.fail("array of %d elements does not fit in the %d bytes left", count, max(left, 0))
		return 0
	}
	r.crc.Reset()
	return int(count)
}

func (r *Reader) payload(b []byte) bool {
	if !r.full(b) {
		return false
	}
	r.crc.Write(b)
	return true
}

func (r *Reader) end() {
	var sum [4]byte
	want := r.crc.Sum32()
	if r.full(sum[:]) && binary.LittleEndian.Uint32(sum[:]) != want {
		r.fail("checksum mismatch")
	}
	if r.err == nil && r.progress != nil {
		r.progress(r.off, r.size)
	}
}

type byteReader struct{ r *Reader }

func (b byteReader) ReadByte() (byte, error) {
	c := b.r.readByte()
	return c, b.r.err
}

// Bytes reads an array of bytes.
func (r *Reader) Bytes() []byte {
	n := r.begin(kindBytes)
	if r.err != nil {
		return nil
	}
	out := make([]byte, n)
	for done := 0; done < n; done += chunk {
		if !r.payload(out[done:min(n, done+chunk)]) {
			return nil
		}
	}
	r.end()
	return out
}

// String reads an array of bytes as a string.
func (r *Reader) String() string {
	b := r.Bytes()
	// b is new and nothing else holds it: the string may share its memory.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// Tail reads the header of the last array of the snapshot, an array of
// bytes, and returns where in the file its payload starts and how long it
// is, so that the caller may map that range of the file instead of reading
// it. With verify set it reads the payload through to check its checksum.
func (r *Reader) Tail(verify bool) (offset, length int64) {
	n := r.begin(kindBytes)
	if r.err != nil {
		return 0, 0
	}
	offset = r.off
	if r.off+int64(n)+4 != r.size {
		r.fail("the last array ends %d bytes before the end of the file", r.size-r.off-int64(n)-4)
		return 0, 0
	}
	if verify {
		for done := 0; done < n; done += chunk {
			if !r.payload(r.buf[:min(n-done, chunk)]) {
				return 0, 0
			}
		}
		r.end()
	}
	return offset, int64(n)
}

// Uint16s reads an array of uint16.
func (r *Reader) Uint16s() []uint16 { return readInts[uint16](r, kindUint16) }

// Uint32s reads an array of uint32.
func (r *Reader) Uint32s() []uint32 { return readInts[uint32](r, kindUint32) }

// Int32s reads an array of int32.
func (r *Reader) Int32s() []int32 { return readInts[int32](r, kindUint32) }

// Uint64s reads an array of uint64.
func (r *Reader) Uint64s() []uint64 { return readInts[uint64](r, kindUint64) }

// Uint64 reads one uint64 written by [Writer.Uint64].
func (r *Reader) Uint64() uint64 {
	xs := r.Uint64s()
	if r.err == nil && len(xs) != 1 {
		r.fail("want one value, got %d", len(xs))
	}
	if r.err != nil {
		return 0
	}
	return xs[0]
}

func readInts[T integer](r *Reader, k kind) []T {
	n := r.begin(k)
	if r.err != nil {
		return nil
	}
	out := make([]T, n)
	if littleEndian && int(unsafe.Sizeof(out[0])) == int(k) {
		// The file's byte order is the machine's: read the payload
		// straight into the integers' memory.
		raw := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(out))), n*int(k))
		if !r.payload(raw) {
			return nil
		}
		r.end()
		return out
	}
	per := chunk / int(k)
	for done := 0; done < n; done += per {
		m := min(n-done, per)
		b := r.buf[:m*int(k)]
		if !r.payload(b) {
			return nil
		}
		dst := out[done : done+m]
		switch k {
		case kindUint16:
			for i := range dst {
				dst[i] = T(binary.LittleEndian.Uint16(b[2*i:]))
			}
		case kindUint32:
			for i := range dst {
				dst[i] = T(binary.LittleEndian.Uint32(b[4*i:]))
			}
		default:
			for i := range dst {
				dst[i] = T(binary.LittleEndian.Uint64(b[8*i:]))
			}
		}
	}
	r.end()
	return out
}

// littleEndian reports whether the machine stores integers least
// significant byte first, as the file does.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()
