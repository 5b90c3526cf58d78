package cases

import "testing"

// TestEveryExit walks a case from testing through each way out of the
// sandbox to its close, and the ways a case ends before testing.
func TestEveryExit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		from    Stage
		steps   []Event
		stage   Stage
		outcome Outcome
	}{
		{"out of scope", Screening,
			[]Event{{Kind: FindOutOfScope, Text: "not electronic"}}, Closed, OutOfScope},
		{"application lapses", AwaitingApplication,
			[]Event{{Kind: ApplicationLapses}}, Closed, Lapsed},
		{"ineligible", ApplicationReview,
			[]Event{{Kind: FindIneligible, Text: "one year of experience"}}, Closed, Rejected},
		{"rejected", Decision, []Event{{Kind: Reject, Text: "risks"}}, Closed, Rejected},
		{"approval lapses", Agreement, []Event{{Kind: AgreementLapses}}, Closed, Lapsed},
		{"withdrawn before testing", Agreement, []Event{{Kind: Withdraw}}, Closed, Withdrawn},
		{"full success", Testing, []Event{{Kind: TestingEnds}, {Kind: ExitSuccess},
			{Kind: SubmitPostExitReport}, {Kind: CloseCase}}, Closed, Success},
		{"partial success, fixed, no appeal", Testing, []Event{
			{Kind: ExitPartial, Date: NewDate(2026, 6, 30)}, {Kind: ConfirmFixed},
			{Kind: AppealLapses}, {Kind: CloseCase}}, Closed, PartialSuccess},
		{"failure, appeal dismissed", ExitReview, []Event{{Kind: ExitFailure},
			{Kind: LodgeAppeal, Text: "KPIs met"}, {Kind: UpholdResult}, {Kind: CloseCase}},
			Closed, Failure},
		{"failure, appeal allowed", ExitReview, []Event{{Kind: ExitFailure},
			{Kind: LodgeAppeal, Text: "KPIs met"}, {Kind: AllowAppeal, Outcome: PartialSuccess},
			{Kind: CloseCase}}, Closed, PartialSuccess},
		{"withdrawn during testing", Testing, []Event{{Kind: Withdraw},
			{Kind: SubmitPostExitReport}, {Kind: CloseCase}}, Closed, Withdrawn},
		{"expelled after notice", Testing, []Event{
			{Kind: NoticeToFix, Date: NewDate(2026, 4, 30), Text: "complaints"},
			{Kind: FixesOverdue}, {Kind: Expel, Text: "not fixed"}, {Kind: CloseCase}},
			Closed, Expelled},
		{"expelled at once", Testing, []Event{{Kind: ExpelAtOnce, Text: "severe"}},
			PostExit, Expelled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t)
			ref := h.reach(tt.from)
			for _, e := range tt.steps {
				h.do(ref, e)
			}
			c := h.wantStage(ref, tt.stage)
			if c.Outcome != tt.outcome {
				t.Fatalf("outcome %s, want %s", c.Outcome, tt.outcome)
			}
			if tt.stage == Closed && len(c.Windows) != 0 {
				t.Fatalf("closed with open windows %v", c.Windows)
			}
			if _, err := h.try(ref, Event{Kind: SendInfo}); tt.stage == Closed && err == nil {
				t.Fatal("a closed case took information")
			}
		})
	}
}
