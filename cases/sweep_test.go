package cases

import (
	"slices"
	"testing"
	"time"
)

func TestSweepRemindsThenExpires(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ref := h.reach(AwaitingApplication) // told Mon 5 Jan 2026: due Wed 4 Feb
	h.take()
	steps := []struct {
		at      time.Time
		notices []string
	}{
		{at(2026, 1, 28, 7, 59), nil},
		{at(2026, 1, 28, 8, 0), []string{"reminder>applicant"}},
		{at(2026, 1, 28, 8, 0), nil}, // the same instant again: nothing
		{at(2026, 1, 30, 12, 0), nil},
		{at(2026, 2, 1, 9, 0), []string{"reminder>applicant"}},
		{at(2026, 2, 3, 8, 0), []string{"reminder>applicant"}},
		{at(2026, 2, 4, 23, 59), nil}, // the last day is whole
		{at(2026, 2, 5, 0, 0), []string{"application_lapsed>applicant",
			"officer_prompt>officers"}},
		{at(2026, 2, 5, 0, 0), nil},
		{at(2026, 3, 1, 0, 0), nil},
	}
	for _, s := range steps {
		h.clock.Set(s.at)
		h.sweep()
		if got := h.mail.take(); !slices.Equal(got, s.notices) {
			t.Fatalf("at %s: notices %v, want %v", s.at, got, s.notices)
		}
	}
	c := h.wantStage(ref, Closed)
	if c.Outcome != Lapsed {
		t.Fatalf("outcome %s, want lapsed", c.Outcome)
	}
}

func TestSweepAfterDowntime(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	late := h.reach(AwaitingApplication) // due Wed 4 Feb 2026
	h.take()

	// Down from before the first reminder until the day before the end:
	// only the latest owed reminder (1 day) is sent.
	h.clock.Set(at(2026, 2, 3, 10, 0))
	if rep := h.sweep(); rep.Reminders != 1 || rep.Expired != 0 {
		t.Fatalf("after downtime: %+v", rep)
	}
	reminders := h.remindersSent(late)
	if !slices.Equal(reminders, []int{1}) {
		t.Fatalf("reminders sent %v, want only the 1-day one", reminders)
	}

	// Down again past the end: the expiry fires once, no reminder.
	h.clock.Set(at(2026, 2, 20, 10, 0))
	if rep := h.sweep(); rep.Reminders != 0 || rep.Expired != 1 {
		t.Fatalf("past the end: %+v", rep)
	}
	if rep := h.sweep(); rep.Checked != 0 {
		t.Fatalf("second sweep did something: %+v", rep)
	}
	h.wantStage(late, Closed)
}

// remindersSent returns the offsets of the reminders in a case's history.
func (h *harness) remindersSent(ref Ref) []int {
	h.t.Helper()
	hist, err := h.store.History(h.ctx, ref)
	if err != nil {
		h.t.Fatal(err)
	}
	var out []int
	for _, e := range hist {
		if e.Kind == "reminder" {
			var d struct {
				Days int `json:"days_before"`
			}
			mustUnmarshal(h.t, e.Detail, &d)
			out = append(out, d.Days)
		}
	}
	return out
}

func TestSweepAgencyDeadline(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ref := h.reach(TestPlan) // complete set received Mon 5 Jan: decide by Wed 4 Feb
	h.take()
	h.clock.Set(at(2026, 2, 3, 9, 0))
	h.sweep()
	if got := h.mail.take(); !slices.Equal(got, []string{"reminder>officers"}) {
		t.Fatalf("before the agency's deadline: %v", got)
	}
	h.clock.Set(at(2026, 2, 5, 0, 0))
	h.sweep()
	want := []string{"decision_overdue>officers", "decision_overdue>management"}
	if got := h.mail.take(); !slices.Equal(got, want) {
		t.Fatalf("after the agency's deadline: %v, want %v", got, want)
	}
	// Never decided by itself: the case waits, and can still be decided.
	h.wantStage(ref, TestPlan)
	h.do(ref, Event{Kind: SubmitTestPlan, Plan: testPlan})
	h.do(ref, Event{Kind: Approve, Round: 1})
}

func TestSweepReportsChainAfterDowntime(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ref := h.reach(Testing) // monthly from 2 March 2026 to 31 August
	h.take()
	// Report 1 covers 2 March to 1 April, due 15 days after (Thu 16 April,
	// Songkran ends the 15th). Down until mid-June: reports 1 and 2 ran
	// out, each once; report 3 is reminded at most once.
	h.clock.Set(at(2026, 6, 15, 9, 0))
	rep := h.sweep()
	c := h.load(ref)
	if c.ReportsMissed != 2 || rep.Expired != 2 {
		t.Fatalf("missed %d, expired %d, want 2 and 2 (%+v)", c.ReportsMissed, rep.Expired, rep)
	}
	w, _ := c.Window(WindowReport)
	if w.Seq != 3 {
		t.Fatalf("open report window is number %d, want 3", w.Seq)
	}
	if rep := h.sweep(); rep.Checked != 0 {
		t.Fatalf("second sweep: %+v", rep)
	}
}

func TestLateRequestRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ref := h.reach(Agreement) // told Mon 5 Jan: round change by Mon 12 Jan (day 5 is Sat)
	h.clock.Set(at(2026, 1, 12, 23, 0))
	if _, err := h.try(ref, Event{Kind: RequestRoundChange, Round: 2}); err != nil {
		t.Fatalf("request on the last day: %v", err)
	}
	ref = h.reach(Agreement)
	h.clock.Set(at(2026, 1, 18, 9, 0))
	h.do(ref, Event{Kind: Withdraw}) // another case; keeps the clock honest
	ref = h.reach(Agreement)         // told Sun 18 Jan: day 5 is Fri 23 Jan
	h.clock.Set(at(2026, 1, 24, 0, 0))
	r := wantRefused(t, errOf(h.try(ref, Event{Kind: RequestRoundChange, Round: 2})), ErrLate)
	if r.ReasonTH == "" || r.Reason != "the time to ask for another testing round has ended "+
		"(the last day was 2026-01-23)" {
		t.Fatalf("reason %q / %q", r.Reason, r.ReasonTH)
	}
}

func TestExtensionAtLeast30DaysBefore(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ref := h.reach(Testing) // ends Mon 31 Aug 2026: ask by Sat 1 Aug, so Fri 31 July
	c := h.load(ref)
	w, _ := c.Window(WindowExtension)
	if w.Due != NewDate(2026, 7, 31) {
		t.Fatalf("extension window due %s, want 2026-07-31", w.Due)
	}
	h.clock.Set(at(2026, 8, 1, 9, 0))
	_, err := h.try(ref, Event{Kind: RequestExtension, Date: NewDate(2026, 11, 30)})
	wantRefused(t, err, ErrLate)
	h.clock.Set(at(2026, 7, 31, 16, 0))
	h.do(ref, Event{Kind: RequestExtension, Date: NewDate(2026, 11, 30)})
	c = h.do(ref, Event{Kind: GrantExtension})
	tw, _ := c.Window(WindowTesting)
	if c.Plan.End != NewDate(2026, 11, 30) || tw.Due != c.Plan.End {
		t.Fatalf("after the extension: end %s, testing window due %s", c.Plan.End, tw.Due)
	}
	if ew, _ := c.Window(WindowExtension); ew.Due != NewDate(2026, 10, 30) {
		t.Fatalf("new extension deadline %s, want 2026-10-30", ew.Due)
	}
}
