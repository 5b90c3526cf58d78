package cases

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"strings"
	"testing"
)

// auditedHarness is a harness with a few cases' worth of audit trail, and
// the sequence number of the entry that holds the text marker.
func auditedHarness(t *testing.T) (*harness, int64) {
	t.Helper()
	h := newHarness(t)
	h.reach(Decision)
	ref := h.reach(Screening)
	h.do(ref, Event{Kind: AskMoreInfo, Text: "marker-financial-statements-2568"})
	h.reach(Testing)
	hist, _ := h.store.History(h.ctx, ref)
	for _, e := range hist {
		if e.Kind == string(AskMoreInfo) {
			return h, e.Seq
		}
	}
	t.Fatal("no more_info entry in the history")
	return nil, 0
}

func (h *harness) exec(query string, args ...any) {
	h.t.Helper()
	if _, err := h.store.db.(*sqliteDB).db.Exec(query, args...); err != nil {
		h.t.Fatal(err)
	}
}

func wantBroken(t *testing.T, h *harness, firstBad int64, problem string) {
	t.Helper()
	rep, err := h.store.Verify(h.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK || rep.FirstBad != firstBad || !strings.Contains(rep.Problem, problem) {
		t.Fatalf("verify = %+v, want entry %d failing with %q", rep, firstBad, problem)
	}
}

func TestAuditTamperingDetected(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		tamper  func(h *harness, seq int64)
		bad     func(seq, last int64) int64
		problem string
	}{
		{"edit", func(h *harness, seq int64) {
			h.exec("UPDATE audit SET detail = replace(detail, 'marker', 'MARKER') WHERE seq = ?",
				seq)
		}, func(seq, _ int64) int64 { return seq }, "altered"},
		{"delete", func(h *harness, seq int64) {
			h.exec("DELETE FROM audit WHERE seq = ?", seq)
		}, func(seq, _ int64) int64 { return seq }, "missing"},
		{"reorder", func(h *harness, seq int64) {
			h.exec("UPDATE audit SET seq = -1 WHERE seq = ?", seq)
			h.exec("UPDATE audit SET seq = ? WHERE seq = ?", seq, seq+1)
			h.exec("UPDATE audit SET seq = ? WHERE seq = -1", seq+1)
		}, func(seq, _ int64) int64 { return seq }, "does not follow"},
		{"cut the end", func(h *harness, seq int64) {
			h.exec("DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)")
		}, func(_, last int64) int64 { return last }, "sealed at entry"},
		{"rewrite the chain", func(h *harness, seq int64) {
			h.rechain(seq)
		}, func(_, last int64) int64 { return last }, "audit key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h, seq := auditedHarness(t)
			last := h.auditLen()
			tt.tamper(h, seq)
			wantBroken(t, h, tt.bad(seq, last), tt.problem)
		})
	}
}

// rechain edits entry seq and recomputes every hash after it, and the seal,
// as someone who can write the database but lacks the audit key would.
func (h *harness) rechain(seq int64) {
	h.exec("UPDATE audit SET detail = replace(detail, 'marker', 'MARKER') WHERE seq = ?", seq)
	var entries []AuditEntry
	v, _ := h.store.db.reader(h.ctx)
	v.eachAudit(h.ctx, func(e AuditEntry) bool { entries = append(entries, e); return true })
	v.done()
	prev := genesisHash
	for _, e := range entries {
		e.PrevHash = prev
		e.Hash = chainHash(prev, e)
		h.exec("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", e.PrevHash, e.Hash, e.Seq)
		prev = e.Hash
	}
	last := entries[len(entries)-1]
	guess := sealMAC([]byte("guess"), last.Seq, prev)
	h.exec("UPDATE audit_seal SET hash = ?, mac = ?", prev, guess)
}

// TestAuditFileTampering edits the bytes of the database file itself, as
// someone with the file and a hex editor would, and sees Verify fail at the
// entry whose bytes changed.
func TestAuditFileTampering(t *testing.T) {
	t.Parallel()
	h, seq := auditedHarness(t)
	if err := h.store.Close(); err != nil { // checkpoints the WAL into the file
		t.Fatal(err)
	}
	b, err := os.ReadFile(h.path)
	if err != nil {
		t.Fatal(err)
	}
	// Stale copies of a page may linger in free pages: change every copy,
	// as a tamperer who does not know which is live would.
	marker := []byte(`"text":"marker-financial-statements-2568"`)
	if bytes.Count(b, marker) == 0 {
		t.Fatal("the audit entry's bytes are not in the database file")
	}
	b = bytes.ReplaceAll(b, marker, []byte(`"text":"marker-financial-statements-2569"`))
	if err := os.WriteFile(h.path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := OpenSQLite(context.Background(), h.path, Options{AuditKey: []byte("test audit key"),
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h.store = s
	wantBroken(t, h, seq, "altered")
}

func TestAuditWholeWithoutTampering(t *testing.T) {
	t.Parallel()
	h, _ := auditedHarness(t)
	rep, err := h.store.Verify(h.ctx)
	if err != nil || !rep.OK || !rep.Sealed || rep.Entries < 15 {
		t.Fatalf("verify = %+v, %v", rep, err)
	}
}
