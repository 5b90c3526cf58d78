package cases

import (
	"errors"
	"testing"
	"time"
)

func TestMailCheckpointMovesWithCommits(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	const mb = "imap://bot@127.0.0.1:143/INBOX"
	note := func(validity, uid uint32, sha string) error {
		in := &Inbound{Mailbox: mb, UIDValidity: validity, UID: uid, SHA256: sha,
			ReceivedAt: h.clock.Now()}
		err := h.store.Note(h.ctx, in, Ref{}, "", nil)
		return err
	}
	steps := []struct {
		validity, uid uint32
		sha           string
		wantErr       error
		wantV, wantU  uint32
	}{
		{7, 3, "a", nil, 7, 3},
		{7, 2, "b", nil, 7, 3},            // an older UID never moves it back
		{7, 5, "c", nil, 7, 5},            // forward
		{7, 5, "d", ErrDuplicate, 7, 5},   // the same UID twice
		{7, 9, "c", ErrDuplicate, 7, 5},   // the same bytes twice
		{8, 1, "e", nil, 8, 1},            // a new UIDVALIDITY starts again
		{7, 6, "f", nil, 7, 6},            // and back (the server was restored)
		{0, 0, "g", nil, 7, 6},            // no UID: not a mailbox message
		{7, 6, "h", ErrDuplicate, 7, 6},   // UID 6 of 7 was taken
		{0, 0, "h2", nil, 7, 6},           // several without a UID are fine
		{0, 0, "h3", nil, 7, 6},           //
		{7, 10, "i", nil, 7, 10},          //
		{9, 10, "j", nil, 9, 10},          // same UID, other UIDVALIDITY
		{9, 11, "j", ErrDuplicate, 9, 10}, //
	}
	for i, st := range steps {
		err := note(st.validity, st.uid, st.sha)
		if !errors.Is(err, st.wantErr) || (st.wantErr == nil && err != nil) {
			t.Fatalf("step %d: %v, want %v", i, err, st.wantErr)
		}
		v, u, err := h.store.MailCheckpoint(h.ctx, mb)
		if err != nil || v != st.wantV || u != st.wantU {
			t.Fatalf("step %d: checkpoint %d/%d %v, want %d/%d", i, v, u, err, st.wantV,
				st.wantU)
		}
	}
	if v, u, _ := h.store.MailCheckpoint(h.ctx, "imap://other/INBOX"); v != 0 || u != 0 {
		t.Fatalf("another mailbox has checkpoint %d/%d", v, u)
	}
	// The same UID in another mailbox is another message.
	in := &Inbound{Mailbox: "imap://other/INBOX", UIDValidity: 7, UID: 3, SHA256: "k"}
	if err := h.store.Note(h.ctx, in, Ref{}, "", nil); err != nil {
		t.Fatalf("UID 3 of another mailbox: %v", err)
	}
}

func TestReceivedBySHAOrMessageID(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	in := &Inbound{Mailbox: "m", UIDValidity: 1, UID: 1, SHA256: "abc",
		MessageID: "x@corp.test", Disposition: "quarantine"}
	if err := h.store.Note(h.ctx, in, Ref{}, "", nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sha, id string
		ok      bool
	}{
		{"abc", "", true}, {"abc", "other@x", true}, {"zzz", "x@corp.test", true},
		{"zzz", "", false}, {"zzz", "y@corp.test", false},
	}
	for _, tt := range tests {
		d, ok, err := h.store.Received(h.ctx, tt.sha, tt.id)
		if err != nil || ok != tt.ok || (ok && d != "quarantine") {
			t.Errorf("Received(%q, %q) = %q %v %v", tt.sha, tt.id, d, ok, err)
		}
	}
}

func TestCaseOfMessageAndReplies(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ref := h.interest()
	rows, err := h.store.ClaimOutbox(h.ctx, time.Minute, 10)
	if err != nil || len(rows) == 0 {
		t.Fatalf("claim: %v %v", rows, err)
	}
	id := rows[0].MessageID[1 : len(rows[0].MessageID)-1]
	got, ok, err := h.store.CaseOfMessage(h.ctx, []string{"unknown@x", id})
	if err != nil || !ok || got != ref {
		t.Fatalf("CaseOfMessage: %v %v %v, want %v", got, ok, err, ref)
	}
	if _, ok, _ := h.store.CaseOfMessage(h.ctx, []string{"unknown@x"}); ok {
		t.Fatal("an unknown Message-ID found a case")
	}

	since := h.clock.Now()
	for i, replied := range []bool{true, false, true} {
		in := &Inbound{SHA256: string(rune('a' + i)), From: "loop@corp.test",
			ReceivedAt: h.clock.Now(), Replied: replied}
		if err := h.store.Note(h.ctx, in, Ref{}, "", nil); err != nil {
			t.Fatal(err)
		}
		h.clock.Advance(time.Minute)
	}
	if n, err := h.store.RepliesSince(h.ctx, "loop@corp.test", since); err != nil || n != 2 {
		t.Fatalf("RepliesSince: %d %v, want 2", n, err)
	}
	if n, _ := h.store.RepliesSince(h.ctx, "loop@corp.test", h.clock.Now()); n != 0 {
		t.Fatalf("RepliesSince now: %d, want 0", n)
	}
}

func TestBounceFailsTheRowOnce(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ref := h.interest()
	rows, _ := h.store.ClaimOutbox(h.ctx, time.Minute, 10)
	if err := h.store.MarkSent(h.ctx, rows[0].ID, "250 ok", h.clock.Now()); err != nil {
		t.Fatal(err)
	}
	h.take()
	for i, sha := range []string{"dsn1", "dsn2"} {
		got, err := h.store.Bounce(h.ctx, &Inbound{SHA256: sha}, rows[0].MessageID,
			"5.1.1 user unknown")
		if err != nil || got != ref {
			t.Fatalf("bounce %d: %v %v", i, got, err)
		}
	}
	wantNotices(t, h, "delivery_failed>officers")
	r, _ := h.store.Outbox(h.ctx, rows[0].ID)
	if r.State != Failed {
		t.Fatalf("bounced row is %s", r.State)
	}
	if _, err := h.store.Bounce(h.ctx, &Inbound{SHA256: "dsn3"}, "<not-ours@x>",
		"5.0.0"); err != nil {
		t.Fatalf("a report about no message of ours: %v", err)
	}
	if _, err := h.store.Bounce(h.ctx, &Inbound{SHA256: "dsn3"}, rows[0].MessageID,
		"5.0.0"); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("the same report twice: %v", err)
	}
	hist, _ := h.store.History(h.ctx, ref)
	bounces := 0
	for _, e := range hist {
		if e.Kind == "bounce" {
			bounces++
		}
	}
	if bounces != 2 {
		t.Fatalf("%d bounce entries in the history, want 2", bounces)
	}
}

func TestRunLog(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	if at, err := h.store.LastRun(h.ctx, "workbook"); err != nil || !at.IsZero() {
		t.Fatalf("never run: %v %v", at, err)
	}
	t1 := at(2026, 3, 2, 8, 0)
	for _, run := range []time.Time{t1, t1.Add(-time.Hour)} {
		if err := h.store.RecordRun(h.ctx, "workbook", run); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := h.store.LastRun(h.ctx, "workbook"); !got.Equal(t1) {
		t.Fatalf("LastRun %v, want %v (an earlier run never moves it back)", got, t1)
	}
}

func TestApplicationOfAnotherJuristicPerson(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	a := testApplicant
	a.JuristicID = "0105561234567"
	r, err := h.store.Apply(h.ctx, Event{Kind: SubmitInterest, Actor: ByApplicant,
		By: a.ContactEmail, Applicant: &a})
	if err != nil {
		t.Fatal(err)
	}
	ref := r.Case.Ref
	h.do(ref, Event{Kind: FindInScope, By: "officer@etda.test"})
	_, err = h.try(ref, Event{Kind: SubmitApplication,
		Applicant: &ApplicantInfo{JuristicID: "0-1055-99999-99-9"}})
	var refused *RefusedError
	if !errors.As(err, &refused) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("another juristic person's application: %v", err)
	}
	c := h.do(ref, Event{Kind: SubmitApplication,
		Applicant: &ApplicantInfo{JuristicID: "0-1055-61234-56-7"}})
	if c.Stage != ApplicationReview {
		t.Fatalf("stage %s", c.Stage)
	}
}
