package cases

import (
	"slices"
	"testing"
	"time"
)

func TestOutboxClaimLeaseAndRetry(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.interest() // two rows: acknowledgement and officers' notice
	rows, err := h.store.ClaimOutbox(h.ctx, time.Minute, 10)
	if err != nil || len(rows) != 2 {
		t.Fatalf("claim: %d rows, %v", len(rows), err)
	}
	if again, _ := h.store.ClaimOutbox(h.ctx, time.Minute, 10); len(again) != 0 {
		t.Fatalf("claimed rows claimed again before the lease ran out: %v", again)
	}
	// A sender that died: the lease runs out and the rows come back.
	h.clock.Advance(2 * time.Minute)
	rows, _ = h.store.ClaimOutbox(h.ctx, time.Minute, 10)
	if len(rows) != 2 {
		t.Fatalf("after the lease: %d rows", len(rows))
	}
	next := h.clock.Now().Add(10 * time.Minute)
	if err := h.store.MarkRetry(h.ctx, rows[0].ID, "451 try later", next); err != nil {
		t.Fatal(err)
	}
	if err := h.store.MarkSent(h.ctx, rows[1].ID, "250 ok", h.clock.Now()); err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(2 * time.Minute)
	if got, _ := h.store.ClaimOutbox(h.ctx, time.Minute, 10); len(got) != 0 {
		t.Fatalf("a retry came back before its time, or a sent row came back: %v", got)
	}
	h.clock.Advance(10 * time.Minute)
	got, _ := h.store.ClaimOutbox(h.ctx, time.Minute, 10)
	if len(got) != 1 || got[0].ID != rows[0].ID || got[0].Attempts != 1 ||
		got[0].LastReply != "451 try later" {
		t.Fatalf("the retry: %+v", got)
	}
	if !slices.Equal(got[0].Raw, rows[0].Raw) || got[0].MessageID != rows[0].MessageID {
		t.Fatal("a retried message is not the same message")
	}
}

func TestOutboxFailedOnce(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.interest()
	rows, _ := h.store.ClaimOutbox(h.ctx, time.Minute, 1)
	h.take()
	for i := 0; i < 3; i++ {
		if err := h.store.MarkFailed(h.ctx, rows[0].ID, "550 no such user"); err != nil {
			t.Fatal(err)
		}
	}
	wantNotices(t, h, "delivery_failed>officers")
	r, err := h.store.Outbox(h.ctx, rows[0].ID)
	if err != nil || r.State != Failed || r.Attempts != 1 {
		t.Fatalf("failed row: %+v %v", r, err)
	}
	// The failure notice itself failing does not start a loop.
	next, _ := h.store.ClaimOutbox(h.ctx, time.Minute, 10)
	for _, n := range next {
		if n.Notice == NoticeDeliveryFailed {
			h.store.MarkFailed(h.ctx, n.ID, "550 officers gone")
		}
	}
	wantNotices(t, h)
}

func TestReleaseClaims(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.interest()
	rows, _ := h.store.ClaimOutbox(h.ctx, time.Hour, 1)
	if len(rows) != 1 {
		t.Fatalf("claimed %d", len(rows))
	}
	if n, err := h.store.ReleaseClaims(h.ctx); err != nil || n != 1 {
		t.Fatalf("released %d, %v", n, err)
	}
	again, _ := h.store.ClaimOutbox(h.ctx, time.Hour, 10)
	if len(again) != 2 {
		t.Fatalf("after the release %d rows are due, want both", len(again))
	}
}
