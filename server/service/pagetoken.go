package service

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"

	"github.com/entitygraph/entitygraph/server/apierr"
)

// A page token is opaque to clients: base64url of a version byte, the offset
// of the next item, a fingerprint of the request's filters, so that a token
// from one query cannot be replayed against another (AIP-158), and one of
// the snapshot it was read from, so that a token from another snapshot — the
// graph reloaded since, or another replica serving another one mid rolling
// reload — is refused instead of giving a page of a listing that differs.
const pageTokenVersion = 2

var errBadPageToken = errors.New("page token is malformed or belongs to a different query; start again without one")

// errStalePageToken is a page token of another snapshot than the one
// serving the call.
var errStalePageToken = errors.New("page token is from another snapshot of the graph")

// fingerprint condenses the filter fields of a list request, or the
// snapshot a listing was read from.
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

// encodePageToken writes the token of the page at offset of the listing fp
// reads from snapshot (an index version, or a vocabulary digest for the
// vocabulary's listings).
func encodePageToken(offset int, fp [8]byte, snapshot string) string {
	snap := fingerprint(snapshot)
	buf := make([]byte, 0, 1+binary.MaxVarintLen64+len(fp)+len(snap))
	buf = append(buf, pageTokenVersion)
	buf = binary.AppendUvarint(buf, uint64(offset))
	buf = append(buf, fp[:]...)
	buf = append(buf, snap[:]...)
	return base64.RawURLEncoding.EncodeToString(buf)
}

// decodePageToken returns the offset a token carries; the empty token means
// the first page. A token of another query, or none at all, is
// errBadPageToken; one of this query from another snapshot is
// errStalePageToken.
func decodePageToken(token string, fp [8]byte, snapshot string) (int, error) {
	if token == "" {
		return 0, nil
	}
	buf, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || len(buf) < 2 || buf[0] != pageTokenVersion {
		return 0, errBadPageToken
	}
	offset, n := binary.Uvarint(buf[1:])
	rest := buf[1+max(n, 0):]
	if n <= 0 || offset > 1<<31 || len(rest) != 2*len(fp) || [8]byte(rest[:8]) != fp {
		return 0, errBadPageToken
	}
	if [8]byte(rest[8:]) != fingerprint(snapshot) {
		return 0, errStalePageToken
	}
	return int(offset), nil
}

// pageOffset decodes a request's page token (see decodePageToken): a bad
// token is a violation of page_token, recorded in v; a stale one is
// returned as a FAILED_PRECONDITION error that tells the client to restart
// the listing, since its pages so far came from a graph no longer served.
func pageOffset(v *violations, token string, fp [8]byte, snapshot string) (int, error) {
	offset, err := decodePageToken(token, fp, snapshot)
	switch {
	case errors.Is(err, errStalePageToken):
		return 0, apierr.StalePageToken(errStalePageToken.Error(), snapshot)
	case err != nil:
		v.Add("page_token", err.Error())
	}
	return offset, nil
}
