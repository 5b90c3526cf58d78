package cases

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// AuditEntry is one entry of the audit trail. Entries form a hash chain:
// each Hash covers the previous entry's Hash and this entry's canonical
// bytes, so deleting, editing or reordering any entry breaks the chain at
// that entry. The last entry's hash is sealed with an HMAC under a key kept
// outside the database, so cutting entries off the end, or rewriting the
// whole chain, is detected too.
type AuditEntry struct {
	Seq    int64
	At     time.Time
	Case   Ref
	Actor  Actor
	By     string
	Kind   string
	Detail json.RawMessage
	// PrevHash and Hash are lowercase hex SHA-256.
	PrevHash string
	Hash     string
}

// auditDomain separates the audit hash from any other use of SHA-256, and
// versions the canonical form.
const auditDomain = "sandboxbot audit v1\n"

// genesisHash is the PrevHash of the first entry.
var genesisHash = hex.EncodeToString(make([]byte, sha256.Size))

// canonical returns the bytes the entry's hash covers: its fields as JSON in
// a fixed order, the time in UTC with nanoseconds.
func (e AuditEntry) canonical() []byte {
	detail := e.Detail
	if len(detail) == 0 {
		detail = json.RawMessage("{}")
	}
	b, _ := json.Marshal(struct {
		Seq    int64           `json:"seq"`
		At     string          `json:"at"`
		Case   string          `json:"case"`
		Actor  string          `json:"actor"`
		By     string          `json:"by"`
		Kind   string          `json:"kind"`
		Detail json.RawMessage `json:"detail"`
	}{e.Seq, formatAuditTime(e.At), e.Case.String(), string(e.Actor), e.By, e.Kind, detail})
	return b
}

func formatAuditTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// chainHash returns the hash of an entry that follows prev.
func chainHash(prev string, e AuditEntry) string {
	h := sha256.New()
	h.Write([]byte(auditDomain))
	h.Write([]byte(prev))
	h.Write([]byte{'\n'})
	h.Write(e.canonical())
	return hex.EncodeToString(h.Sum(nil))
}

// sealMAC returns the HMAC-SHA256 of the chain's head under key, or "" when
// there is no key.
func sealMAC(key []byte, seq int64, hash string) string {
	if len(key) == 0 {
		return ""
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(strconv.FormatInt(seq, 10) + ":" + hash))
	return hex.EncodeToString(m.Sum(nil))
}

// auditSeal is the chain's head as last written, with its MAC.
type auditSeal struct {
	Seq  int64
	Hash string
	MAC  string
}

// VerifyReport is the result of checking the audit trail.
type VerifyReport struct {
	Entries int64 // entries read
	OK      bool
	// FirstBad is the sequence number of the first entry that fails, or
	// of the entry where the chain stops early; 0 when OK.
	FirstBad int64
	Problem  string
	// Sealed is false when the store has no audit key: the chain then
	// shows edits, deletions and reordering, but not a whole chain
	// rewritten from the start or cut at the end.
	Sealed bool
}

// chainChecker checks entries one at a time, in sequence order.
type chainChecker struct {
	report VerifyReport
	prev   string
}

func newChainChecker() *chainChecker {
	return &chainChecker{prev: genesisHash, report: VerifyReport{OK: true}}
}

// next checks one entry; it returns false once the chain has failed.
func (k *chainChecker) next(e AuditEntry) bool {
	want := k.report.Entries + 1
	switch {
	case e.Seq != want:
		k.fail(want, fmt.Sprintf("entry %d is missing or out of order (found %d)", want, e.Seq))
	case e.PrevHash != k.prev:
		k.fail(e.Seq, fmt.Sprintf("entry %d does not follow entry %d: its previous hash differs",
			e.Seq, e.Seq-1))
	case chainHash(e.PrevHash, e) != e.Hash:
		k.fail(e.Seq, fmt.Sprintf("entry %d was altered: its content does not match its hash",
			e.Seq))
	default:
		k.report.Entries, k.prev = e.Seq, e.Hash
		return true
	}
	return false
}

func (k *chainChecker) fail(seq int64, problem string) {
	k.report.OK, k.report.FirstBad, k.report.Problem = false, seq, problem
}

// finish checks the seal against the last entry read.
func (k *chainChecker) finish(seal *auditSeal, key []byte) VerifyReport {
	r := &k.report
	r.Sealed = len(key) > 0
	if !r.OK {
		return *r
	}
	switch {
	case seal == nil && r.Entries > 0:
		k.fail(r.Entries, "the seal of the audit trail is missing")
	case seal == nil:
	case seal.Seq != r.Entries:
		k.fail(min(seal.Seq, r.Entries)+1, fmt.Sprintf(
			"the trail ends at entry %d but was sealed at entry %d", r.Entries, seal.Seq))
	case seal.Hash != k.prev:
		k.fail(r.Entries, fmt.Sprintf("entry %d is not the entry that was sealed", r.Entries))
	case r.Sealed && !hmac.Equal([]byte(seal.MAC), []byte(sealMAC(key, seal.Seq, seal.Hash))):
		k.fail(r.Entries, "the seal does not match the audit key: the trail was rewritten")
	}
	return *r
}
