package cases

import (
	"log/slog"
	"path/filepath"
	"testing"
)

func fourEyesHarness(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t)
	s, err := OpenSQLite(h.ctx, filepath.Join(t.TempDir(), "4e.db"), Options{Clock: h.clock,
		Composer: h.mail, Policy: Policy{FourEyes: true},
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, r := range []int{1, 2} {
		rs, _ := h.store.Rounds(h.ctx)
		if err := s.PutRound(h.ctx, rs[r-1]); err != nil {
			t.Fatal(err)
		}
	}
	h.store = s
	return h
}

func TestFourEyes(t *testing.T) {
	t.Parallel()
	h := fourEyesHarness(t)
	ref := h.reach(Decision)
	h.take()

	approve := func(by string, round int) (*Case, error) {
		return h.try(ref, Event{Kind: Approve, Round: round, By: by})
	}
	c, err := approve("somchai@etda.test", 1)
	if err != nil || c.Stage != Decision {
		t.Fatalf("first approval: %v, stage %v", err, c.Stage)
	}
	wantNotices(t, h, "proposal>officers", "proposal>actor")
	if ps, _ := h.store.Proposals(h.ctx, ref); len(ps) != 1 || ps[0].By != "somchai@etda.test" {
		t.Fatalf("proposals %+v", ps)
	}
	_, err = approve("SOMCHAI@etda.test", 1)
	wantRefused(t, err, ErrNotAllowed)
	_, err = approve("malee@etda.test", 2)
	wantRefused(t, err, ErrInvalid)

	c, err = approve("malee@etda.test", 1)
	if err != nil || c.Stage != Agreement {
		t.Fatalf("seconded approval: %v, stage %v", err, c.Stage)
	}
	hist, _ := h.store.History(h.ctx, ref)
	var d struct {
		ProposedBy string `json:"proposed_by"`
	}
	for _, e := range hist {
		if e.Kind == string(Approve) {
			mustUnmarshal(t, e.Detail, &d)
		}
	}
	if d.ProposedBy != "somchai@etda.test" {
		t.Fatalf("the approval's audit entry does not name who proposed it: %+v", d)
	}
	if ps, _ := h.store.Proposals(h.ctx, ref); len(ps) != 0 {
		t.Fatalf("proposal left after the decision: %+v", ps)
	}
}

func TestFourEyesProposalMootAfterStageChange(t *testing.T) {
	t.Parallel()
	h := fourEyesHarness(t)
	ref := h.reach(TestPlan)
	if _, err := h.try(ref, Event{Kind: Reject, Text: "risks", By: "a@etda.test"}); err != nil {
		t.Fatal(err)
	}
	h.do(ref, Event{Kind: SubmitTestPlan, Plan: testPlan})
	if ps, _ := h.store.Proposals(h.ctx, ref); len(ps) != 0 {
		t.Fatalf("a proposal survived the stage change: %+v", ps)
	}
}

func TestTokenSingleUse(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ref := h.reach(Screening)
	if _, err := h.try(ref, Event{Kind: AskMoreInfo, Text: "x", Token: "tok-1"}); err != nil {
		t.Fatal(err)
	}
	_, err := h.try(ref, Event{Kind: FindInScope, Token: "tok-1"})
	wantRefused(t, err, ErrTokenUsed)
	h.wantStage(ref, Screening)
	if _, err := h.try(ref, Event{Kind: FindInScope, Token: "tok-2"}); err != nil {
		t.Fatal(err)
	}
}

func TestNotify(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids, err := h.store.Notify(h.ctx, Notice{Kind: "status_report", To: ToManagement,
		Files: []File{{Name: "status.xlsx", Data: []byte("PK")}}})
	if err != nil || len(ids) != 1 {
		t.Fatalf("notify: %v %v", ids, err)
	}
	if h.auditLen() != 1 {
		t.Fatal("notify wrote no audit entry")
	}
}
