package cases

import (
	"errors"
	"fmt"
	"slices"
	"testing"
)

func TestTransitionsWellFormed(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, tr := range transitions {
		if len(tr.From) == 0 || tr.By == "" || tr.Doc == "" {
			t.Errorf("%s: row lacks From, By or Doc", tr.On)
		}
		for _, s := range tr.From {
			key := string(s) + "/" + string(tr.On)
			if seen[key] {
				t.Errorf("(%s, %s) has two rows", s, tr.On)
			}
			seen[key] = true
			if s == Closed {
				t.Errorf("%s leaves a closed case", tr.On)
			}
		}
		if tr.To == Closed && !slices.Contains(tr.Closes, everyWindow) {
			t.Errorf("%s closes the case but leaves windows open", tr.On)
		}
		if tr.To == Closed && tr.Outcome == "" && tr.On != CloseCase {
			t.Errorf("%s closes the case without an outcome", tr.On)
		}
		for _, k := range append(slices.Clone(tr.Opens), tr.Closes...) {
			if _, ok := windowRules[k]; !ok && k != everyWindow {
				t.Errorf("%s names unknown window %s", tr.On, k)
			}
		}
	}
	// Every window that runs out has a row for its event somewhere.
	for k, r := range windowRules {
		if r.onExpiry != "" && !seen[fmt.Sprint(expiryStage(r.onExpiry))+"/"+string(r.onExpiry)] {
			t.Errorf("window %s raises %s, which no row handles", k, r.onExpiry)
		}
	}
}

// expiryStage returns a stage in which an expiry event has a row.
func expiryStage(k EventKind) Stage {
	for _, tr := range transitions {
		if tr.On == k {
			return tr.From[0]
		}
	}
	return ""
}

// eventArgs gives each event kind the fields its row needs.
var eventArgs = map[EventKind]Event{
	FindOutOfScope:     {Text: "not an electronic transaction service"},
	AskMoreInfo:        {Text: "the company certificate"},
	FindIncomplete:     {Text: "the financial statements"},
	FindIneligible:     {Text: "less than two years of experience"},
	Approve:            {Round: 1},
	Reject:             {Text: "risks to consumers"},
	RequestRoundChange: {Round: 2},
	RequestExtension:   {Date: NewDate(2026, 10, 31)},
	RequestWaiver:      {Text: "clause 4.2"},
	NoticeToFix:        {Date: NewDate(2026, 9, 30), Text: "complaint handling"},
	Expel:              {Text: "complaints not fixed"},
	ExpelAtOnce:        {Text: "severe harm to users"},
	ExitPartial:        {Date: NewDate(2026, 9, 30)},
	LodgeAppeal:        {Text: "the KPIs were met"},
	AllowAppeal:        {Outcome: Success},
	SubmitTestPlan:     {Plan: testPlan},
}

// preludes are what must happen before an event its guard allows.
var preludes = map[EventKind][]Event{
	GrantRoundChange:  {{Kind: RequestRoundChange, Round: 2}},
	RefuseRoundChange: {{Kind: RequestRoundChange, Round: 2}},
	GrantExtension:    {{Kind: RequestExtension, Date: NewDate(2026, 10, 31)}},
	RefuseExtension:   {{Kind: RequestExtension, Date: NewDate(2026, 10, 31)}},
	GrantWaiver:       {{Kind: RequestWaiver, Text: "clause 4.2"}},
	RefuseWaiver:      {{Kind: RequestWaiver, Text: "clause 4.2"}},
	ConfirmFixed:      {{Kind: NoticeToFix, Date: NewDate(2026, 9, 30), Text: "x"}},
	Expel: {{Kind: NoticeToFix, Date: NewDate(2026, 9, 30), Text: "x"},
		{Kind: FixesOverdue}},
	UpholdResult: {{Kind: LodgeAppeal, Text: "x"}},
	AllowAppeal:  {{Kind: LodgeAppeal, Text: "x"}},
}

// TestEveryTransition applies every row of the table in every stage it
// names, and checks the stage, the outcome, the windows and the notices.
func TestEveryTransition(t *testing.T) {
	t.Parallel()
	for _, tr := range transitions {
		for _, from := range tr.From {
			if from == None {
				continue // TestWalkToSuccess opens cases
			}
			t.Run(string(from)+"/"+string(tr.On), func(t *testing.T) {
				t.Parallel()
				h := newHarness(t)
				ref := h.reach(from)
				for _, p := range preludes[tr.On] {
					h.do(ref, p)
				}
				before := h.load(ref)
				h.take()
				e := eventArgs[tr.On]
				e.Kind = tr.On
				after := h.do(ref, e)
				checkTransition(t, tr, before, after, h.mail.take())
			})
		}
	}
}

func checkTransition(t *testing.T, tr Transition, before, after *Case, notices []string) {
	t.Helper()
	want := tr.To
	if want == "" {
		want = before.Stage
	}
	if after.Stage != want {
		t.Errorf("stage %s, want %s", after.Stage, want)
	}
	if tr.Outcome != "" && after.Outcome != tr.Outcome {
		t.Errorf("outcome %q, want %q", after.Outcome, tr.Outcome)
	}
	if tr.Pause && !after.Paused || tr.Resume && after.Paused {
		t.Errorf("paused %v after a row with pause=%v resume=%v", after.Paused, tr.Pause,
			tr.Resume)
	}
	for _, k := range tr.Closes {
		if k == everyWindow {
			for _, w := range after.Windows {
				if !slices.Contains(tr.Opens, w.Kind) {
					t.Errorf("window %s still open", w.Kind)
				}
			}
		} else if _, open := after.Window(k); open && !slices.Contains(tr.Opens, k) {
			t.Errorf("window %s still open", k)
		}
	}
	for _, k := range tr.Opens {
		if _, open := after.Window(k); !open && !mayStayShut(k, after) {
			t.Errorf("window %s not open", k)
		}
	}
	var want2 []string
	for _, o := range tr.Owes {
		want2 = append(want2, string(o.Kind)+">"+string(o.To))
	}
	if !slices.Equal(notices, want2) {
		t.Errorf("notices %v, want %v", notices, want2)
	}
}

// mayStayShut reports whether a window a row opens may have nothing to
// count: a report period after testing has ended.
func mayStayShut(k WindowKind, c *Case) bool {
	return k == WindowReport && c.Stage == ExitReview
}

// TestRefusedEverywhere applies every event that has no row in a stage, in
// that stage, and checks that it is refused and changes nothing.
func TestRefusedEverywhere(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	refs := map[Stage]Ref{}
	for _, s := range Stages {
		refs[s] = h.reach(s)
	}
	for _, s := range Stages {
		for _, k := range allEventKinds() {
			if byStage[s][k] != nil {
				continue
			}
			before := h.load(refs[s])
			audit := h.auditLen()
			e := eventArgs[k]
			e.Kind = k
			_, err := h.try(refs[s], e)
			if k == SubmitInterest {
				wantRefused(t, err, ErrNotAllowed)
			} else if !errors.Is(err, ErrNotAllowed) {
				t.Errorf("%s in %s: got %v, want a refusal", k, s, err)
			}
			if after := h.load(refs[s]); fmt.Sprint(after) != fmt.Sprint(before) {
				t.Errorf("%s in %s changed the case", k, s)
			}
			if h.auditLen() != audit {
				t.Errorf("%s in %s wrote to the audit trail", k, s)
			}
		}
	}
}

func allEventKinds() []EventKind {
	var out []EventKind
	for _, tr := range transitions {
		if !slices.Contains(out, tr.On) {
			out = append(out, tr.On)
		}
	}
	return out
}

func (h *harness) auditLen() int64 {
	h.t.Helper()
	rep, err := h.store.Verify(h.ctx)
	if err != nil || !rep.OK {
		h.t.Fatalf("audit: %+v %v", rep, err)
	}
	return rep.Entries
}

// TestGuards checks the refusals that depend on the case, not the stage.
func TestGuards(t *testing.T) {
	t.Parallel()
	h := newHarness(t)

	t.Run("actor", func(t *testing.T) {
		ref := h.reach(Screening)
		_, err := h.try(ref, Event{Kind: FindInScope, Actor: ByApplicant})
		wantRefused(t, err, ErrNotAllowed)
	})
	t.Run("missing reason", func(t *testing.T) {
		ref := h.reach(Screening)
		r := wantRefused(t, errOf(h.try(ref, Event{Kind: FindOutOfScope})), ErrInvalid)
		if r.Reason != "out_of_scope needs a reason or description" {
			t.Errorf("reason %q", r.Reason)
		}
	})
	t.Run("no open round", func(t *testing.T) {
		a := testApplicant
		a.Category = "e-meeting"
		h.clock.Set(at(2027, 2, 1, 9, 0))
		defer h.clock.Set(at(2026, 1, 5, 10, 0))
		_, err := h.store.Apply(h.ctx, Event{Kind: SubmitInterest, Actor: ByApplicant,
			Applicant: &a})
		r := wantRefused(t, err, ErrLate)
		if r.ReasonTH == "" {
			t.Error("an applicant's refusal has no Thai reason")
		}
	})
	t.Run("round full", func(t *testing.T) {
		err := h.store.PutRound(h.ctx, Round{Number: 3, Opens: NewDate(2026, 1, 1),
			Closes: NewDate(2026, 12, 31), Capacity: 1, Categories: []string{"e-document"}})
		if err != nil {
			t.Fatal(err)
		}
		h.do(h.reach(Decision), Event{Kind: Approve, Round: 3})
		_, err = h.try(h.reach(Decision), Event{Kind: Approve, Round: 3})
		wantRefused(t, err, ErrRoundFull)
	})
	t.Run("round does not take the category", func(t *testing.T) {
		err := h.store.PutRound(h.ctx, Round{Number: 4, Opens: NewDate(2026, 1, 1),
			Closes: NewDate(2026, 12, 31), Categories: []string{"e-meeting"}})
		if err != nil {
			t.Fatal(err)
		}
		_, err = h.try(h.reach(Decision), Event{Kind: Approve, Round: 4})
		wantRefused(t, err, ErrInvalid)
	})
	t.Run("expel needs an unanswered notice to fix", func(t *testing.T) {
		ref := h.reach(Testing)
		_, err := h.try(ref, Event{Kind: Expel, Text: "x"})
		wantRefused(t, err, ErrNotAllowed)
		h.do(ref, Event{Kind: ExpelAtOnce, Text: "severe"})
	})
	t.Run("grant without request", func(t *testing.T) {
		_, err := h.try(h.reach(Testing), Event{Kind: GrantExtension})
		wantRefused(t, err, ErrNotAllowed)
	})
}

func errOf(_ *Case, err error) error { return err }
