package cases

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// testComposer records every notice and writes one small message for each.
type testComposer struct {
	mu      sync.Mutex
	notices []Notice
}

func (c *testComposer) Compose(ctx context.Context, n Notice) ([]Message, error) {
	c.mu.Lock()
	c.notices = append(c.notices, n)
	c.mu.Unlock()
	to := map[Recipient]string{ToApplicant: n.Case.Applicant.ContactEmail,
		ToOfficers: "officers@etda.test", ToManagement: "management@etda.test",
		ToActor: n.Event.By}[n.To]
	if to == "" {
		return nil, nil
	}
	id := NewMessageID(n.Case.Ref, n.Kind, "etda.test")
	raw := fmt.Sprintf("Message-ID: %s\r\nTo: %s\r\nSubject: %s %s\r\n\r\n%s\r\n",
		id, to, n.Case.Ref.Tag(), n.Kind, n.LetterNo)
	return []Message{{MessageID: id, From: "bot@etda.test", To: []string{to},
		Raw: []byte(raw)}}, nil
}

// kinds returns the notices recorded since the last call, as "kind>to".
func (c *testComposer) take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, n := range c.notices {
		out = append(out, string(n.Kind)+">"+string(n.To))
	}
	c.notices = nil
	return out
}

// harness is a store on a temporary database with a manual clock.
type harness struct {
	t     *testing.T
	ctx   context.Context
	store *Store
	clock *ManualClock
	mail  *testComposer
	path  string
}

// at is a time in Bangkok.
func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, Bangkok)
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	h := &harness{t: t, ctx: context.Background(), mail: &testComposer{},
		clock: NewManualClock(at(2026, time.January, 5, 10, 0)),
		path:  filepath.Join(t.TempDir(), "sandboxbot.db")}
	s, err := OpenSQLite(h.ctx, h.path, Options{Clock: h.clock, Composer: h.mail,
		AuditKey: []byte("test audit key"),
		Logger:   slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	h.store = s
	err = s.PutRound(h.ctx, Round{Number: 1, Opens: NewDate(2026, 1, 1),
		Closes:     NewDate(2026, 12, 31),
		Categories: []string{"e-document", "e-meeting", "digital-id"}})
	if err == nil {
		err = s.PutRound(h.ctx, Round{Number: 2, Opens: NewDate(2027, 1, 1),
			Closes: NewDate(2027, 6, 30), Categories: []string{"e-document", "digital-id"}})
	}
	if err != nil {
		t.Fatal(err)
	}
	return h
}

var testApplicant = ApplicantInfo{OrgName: "บริษัท ทดสอบ จำกัด", ContactEmail: "apply@corp.test",
	Solution: "e-Sign", Category: "e-document"}

// interest opens a case.
func (h *harness) interest() Ref {
	h.t.Helper()
	a := testApplicant
	r, err := h.store.Apply(h.ctx, Event{Kind: SubmitInterest, Actor: ByApplicant,
		By: a.ContactEmail, Applicant: &a})
	if err != nil {
		h.t.Fatal(err)
	}
	return r.Case.Ref
}

// do applies an event and fails the test if it is refused.
func (h *harness) do(ref Ref, e Event) *Case {
	h.t.Helper()
	c, err := h.try(ref, e)
	if err != nil {
		h.t.Fatalf("%s: %v", e.Kind, err)
	}
	return c
}

func (h *harness) try(ref Ref, e Event) (*Case, error) {
	e.Case = ref
	if e.Actor == "" {
		e.Actor = actorOf(e.Kind)
	}
	if e.By == "" {
		e.By = map[Actor]string{ByApplicant: "apply@corp.test",
			ByOfficer: "officer@etda.test", ByClock: "clock"}[e.Actor]
	}
	r, err := h.store.Apply(h.ctx, e)
	if err != nil {
		return nil, err
	}
	h.deliverAll()
	return h.load(r.Case.Ref), nil
}

// actorOf returns who causes an event kind, from the table.
func actorOf(k EventKind) Actor {
	for _, t := range transitions {
		if t.On == k {
			return t.By
		}
	}
	return ""
}

// deliverAll marks every queued outbox row sent now, as a sender would.
func (h *harness) deliverAll() {
	h.t.Helper()
	rows, err := h.store.ClaimOutbox(h.ctx, time.Minute, 1000)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, r := range rows {
		if err := h.store.MarkSent(h.ctx, r.ID, "250 ok", h.clock.Now()); err != nil {
			h.t.Fatal(err)
		}
	}
}

func (h *harness) load(ref Ref) *Case {
	h.t.Helper()
	c, err := h.store.Case(h.ctx, ref)
	if err != nil {
		h.t.Fatal(err)
	}
	return c
}

func (h *harness) sweep() SweepReport {
	h.t.Helper()
	rep, err := h.store.Sweep(h.ctx)
	if err != nil {
		h.t.Fatal(err)
	}
	if rep.Failed > 0 {
		h.t.Fatalf("sweep: %d steps failed", rep.Failed)
	}
	h.deliverAll()
	return rep
}

func (h *harness) wantStage(ref Ref, want Stage) *Case {
	h.t.Helper()
	c := h.load(ref)
	if c.Stage != want {
		h.t.Fatalf("%s is in %s, want %s", ref, c.Stage, want)
	}
	return c
}

func wantRefused(t *testing.T, err error, sentinel error) *RefusedError {
	t.Helper()
	var r *RefusedError
	if !errors.As(err, &r) || !errors.Is(err, sentinel) {
		t.Fatalf("got %v, want a refusal wrapping %v", err, sentinel)
	}
	return r
}

var testPlan = &Plan{Start: NewDate(2026, 3, 2), End: NewDate(2026, 8, 31), Every: "monthly"}

// reach walks a new case to a stage along the main path and returns it.
func (h *harness) reach(s Stage) Ref {
	h.t.Helper()
	ref := h.interest()
	steps := []struct {
		stage Stage
		e     Event
	}{
		{AwaitingApplication, Event{Kind: FindInScope}},
		{ApplicationReview, Event{Kind: SubmitApplication}},
		{TestPlan, Event{Kind: FindComplete}},
		{Decision, Event{Kind: SubmitTestPlan, Plan: testPlan}},
		{Agreement, Event{Kind: Approve, Round: 1}},
		{Testing, Event{Kind: RecordSigned}},
		{ExitReview, Event{Kind: TestingEnds}},
		{Appeal, Event{Kind: ExitFailure}},
		{PostExit, Event{Kind: AppealLapses}},
		{Closed, Event{Kind: CloseCase}},
	}
	if s == Screening {
		return ref
	}
	for _, st := range steps {
		h.do(ref, st.e)
		if st.stage == s {
			return ref
		}
	}
	h.t.Fatalf("cannot reach %s", s)
	return ref
}

func mustUnmarshal(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatal(err)
	}
}
