package cases

import (
	"slices"
	"testing"
	"time"
)

// TestWalkToSuccess walks one case through the whole process, step by step,
// to a full success and its close, checking stages, windows and notices.
func TestWalkToSuccess(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ref := h.interest()
	if ref.String() != "DSS-2569-0001" {
		t.Fatalf("first case of 2026 is %s, want DSS-2569-0001", ref)
	}
	wantNotices(t, h, "acknowledgement>applicant", "submission>officers")

	c := h.do(ref, Event{Kind: FindInScope})
	wantNotices(t, h, "in_scope>applicant", "confirmation>actor")
	w, ok := c.Window(WindowApplication)
	if !ok || w.Pending {
		t.Fatalf("application window after delivery: %+v, %v", w, ok)
	}
	// Told Mon 5 Jan 2026: day 30 is Wed 4 Feb, a working day.
	if w.Due != NewDate(2026, 2, 4) {
		t.Fatalf("application due %s, want 2026-02-04", w.Due)
	}

	h.clock.Advance(48 * time.Hour)
	h.do(ref, Event{Kind: SubmitApplication})
	h.do(ref, Event{Kind: AskMoreInfo, Text: "financial statements 2025"})
	if !h.load(ref).Paused {
		t.Fatal("more information did not pause the stage")
	}
	h.do(ref, Event{Kind: SendInfo})
	c = h.do(ref, Event{Kind: FindComplete})
	if c.Stage != TestPlan || c.Paused {
		t.Fatalf("after complete: %s paused=%v", c.Stage, c.Paused)
	}
	w, _ = c.Window(WindowDecision)
	// Counted from the last submission (Wed 7 Jan 2026), agency's days: the
	// 30th day, Fri 6 Feb, stands.
	if w.Due != NewDate(2026, 2, 6) || w.Party != Agency {
		t.Fatalf("decision window %+v", w)
	}
	h.take()

	h.do(ref, Event{Kind: SubmitTestPlan, Plan: testPlan})
	c = h.do(ref, Event{Kind: Approve, Round: 1})
	if c.Stage != Agreement || c.Round != 1 {
		t.Fatalf("after approval: %s round %d", c.Stage, c.Round)
	}
	if _, ok := c.Window(WindowDecision); ok {
		t.Fatal("decision window still open after the decision")
	}
	for _, k := range []WindowKind{WindowRoundChange, WindowAgreement} {
		if _, ok := c.Window(k); !ok {
			t.Fatalf("approval did not open %s", k)
		}
	}
	c = h.do(ref, Event{Kind: RecordSigned})
	if c.Stage != Testing {
		t.Fatalf("after signing: %s", c.Stage)
	}
	for _, k := range []WindowKind{WindowTesting, WindowExtension, WindowReport} {
		if _, ok := c.Window(k); !ok {
			t.Fatalf("signing did not open %s", k)
		}
	}
	c = h.do(ref, Event{Kind: SubmitProgressReport})
	r, _ := c.Window(WindowReport)
	if r.Seq != 2 || c.ReportsReceived != 1 {
		t.Fatalf("after the first report: window seq %d, received %d", r.Seq, c.ReportsReceived)
	}
	h.take()
	c = h.do(ref, Event{Kind: ExitSuccess})
	if c.Stage != PostExit || c.Outcome != Success {
		t.Fatalf("after success: %s %s", c.Stage, c.Outcome)
	}
	if _, ok := c.Window(WindowPostExitReport); !ok || len(c.Windows) != 1 {
		t.Fatalf("after exit the open windows are %v", c.Windows)
	}
	wantNotices(t, h, "exit_success>applicant", "confirmation>actor")
	c = h.do(ref, Event{Kind: CloseCase})
	if c.Stage != Closed || c.Outcome != Success || len(c.Windows) != 0 {
		t.Fatalf("closed case: %s %s %v", c.Stage, c.Outcome, c.Windows)
	}
	if rep, err := h.store.Verify(h.ctx); err != nil || !rep.OK {
		t.Fatalf("audit after the walk: %+v %v", rep, err)
	}
}

func wantNotices(t *testing.T, h *harness, want ...string) {
	t.Helper()
	got := h.mail.take()
	if !slices.Equal(got, want) {
		t.Fatalf("notices %v, want %v", got, want)
	}
}

func (h *harness) take() { h.mail.take() }

// TestNumbersGapless checks that case references and letter numbers are
// gapless within a year: a refused event takes no number, and a new year
// starts again at 1.
func TestNumbersGapless(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	first := h.interest()
	bad := testApplicant
	bad.Category = "e-payment"
	if _, err := h.store.Apply(h.ctx, Event{Kind: SubmitInterest, Actor: ByApplicant,
		Applicant: &bad}); err == nil {
		t.Fatal("an interest in a category no round takes was accepted")
	}
	second := h.interest()
	if first.Seq != 1 || second.Seq != 2 {
		t.Fatalf("references %s, %s: a refused interest took a number", first, second)
	}
	h.do(first, Event{Kind: FindInScope})
	if _, err := h.try(second, Event{Kind: Approve, Round: 1}); err == nil {
		t.Fatal("approval in screening was accepted")
	}
	h.do(second, Event{Kind: FindOutOfScope, Text: "x"})
	h.clock.Set(at(2027, 1, 4, 9, 0)) // a new Buddhist Era year: 2570
	err := h.store.PutRound(h.ctx, Round{Number: 9, Opens: NewDate(2027, 1, 1),
		Closes: NewDate(2027, 12, 31), Categories: []string{"e-document"}})
	if err != nil {
		t.Fatal(err)
	}
	third := h.interest()
	h.do(third, Event{Kind: FindInScope})
	if third.String() != "DSS-2570-0001" {
		t.Fatalf("first case of 2570 is %s", third)
	}
	var letters []string
	rows, _ := h.store.db.(*sqliteDB).db.Query(
		"SELECT letter_no FROM outbox WHERE letter_no != '' ORDER BY id")
	for rows.Next() {
		var n string
		rows.Scan(&n)
		letters = append(letters, n)
	}
	rows.Close()
	want := []string{"สพธอ. 1/2569", "สพธอ. 2/2569", "สพธอ. 1/2570"}
	if !slices.Equal(letters, want) {
		t.Fatalf("letter numbers %v, want %v", letters, want)
	}
}
