package service

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
)

// A page token is opaque to clients: base64url of a version byte, the offset
// of the next item, and a fingerprint of the request's filters, so that a
// token from one query cannot be replayed against another (AIP-158).
const pageTokenVersion = 1

var errBadPageToken = errors.New("page token is malformed or belongs to a different query; start again without one")

// fingerprint condenses the filter fields of a list request.
func fingerprint(parts ...string) [8]byte {
	h := sha256.New()
	for _, p := range parts {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(p)))
		h.Write(n[:])
		h.Write([]byte(p))
	}
	var fp [8]byte
	copy(fp[:], h.Sum(nil))
	return fp
}

func encodePageToken(offset int, fp [8]byte) string {
	buf := make([]byte, 0, 1+binary.MaxVarintLen64+len(fp))
	buf = append(buf, pageTokenVersion)
	buf = binary.AppendUvarint(buf, uint64(offset))
	buf = append(buf, fp[:]...)
	return base64.RawURLEncoding.EncodeToString(buf)
}

// decodePageToken returns the offset a token carries; the empty token means
// the first page.
func decodePageToken(token string, fp [8]byte) (int, error) {
	if token == "" {
		return 0, nil
	}
	buf, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || len(buf) < 2 || buf[0] != pageTokenVersion {
		return 0, errBadPageToken
	}
	offset, n := binary.Uvarint(buf[1:])
	rest := buf[1+max(n, 0):]
	if n <= 0 || offset > 1<<31 || len(rest) != len(fp) || [8]byte(rest) != fp {
		return 0, errBadPageToken
	}
	return int(offset), nil
}
