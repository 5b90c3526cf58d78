package cases

// Transition is one row of the workflow: in the stages From, the event On,
// caused by By, moves the case To a stage (or leaves it where it is), opens
// and closes windows, owes notices, and may record an outcome. Guards refuse
// an event the row matches but the case does not allow (a request after its
// window closed, a full round).
type Transition struct {
	From []Stage
	On   EventKind
	By   Actor
	// To is the next stage; "" leaves the case in its stage.
	To Stage
	// Pause and Resume set and clear Case.Paused.
	Pause, Resume bool
	Opens         []WindowKind
	// Closes lists the windows the transition ends; everyWindow ends all.
	Closes  []WindowKind
	Owes    []Owed
	Outcome Outcome
	// Needs says which event fields must be given.
	Needs Needs
	// FourEyes marks decisions that the four-eyes rule, when configured,
	// makes two different officers agree on.
	FourEyes bool
	// Doc says what the row means, in a line.
	Doc string

	guard  func(c *Case, e *Event, x *env) error
	effect func(c *Case, e *Event, x *env)
}

// Needs is a set of event fields a transition requires.
type Needs uint8

const (
	NeedRound   Needs = 1 << iota // Event.Round
	NeedDate                      // Event.Date
	NeedText                      // Event.Text
	NeedOutcome                   // Event.Outcome
)

// everyWindow in Closes ends every open window of the case.
const everyWindow WindowKind = "*"

// Stage groups used by several rows.
var (
	beforeTesting = []Stage{Screening, AwaitingApplication, ApplicationReview, TestPlan,
		Decision, Agreement}
	open = []Stage{Screening, AwaitingApplication, ApplicationReview, TestPlan, Decision,
		Agreement, Testing, ExitReview, Appeal, PostExit}
	askable    = []Stage{Screening, ApplicationReview, TestPlan, Decision, Testing, ExitReview}
	running    = []Stage{Testing, ExitReview}
	underWatch = []Stage{Testing, ExitReview, Appeal, PostExit}
	deciding   = []Stage{TestPlan, Decision}
)

func in(s ...Stage) []Stage                { return s }
func windows(k ...WindowKind) []WindowKind { return k }

// owes gathers notices; received, letter and prompt build the usual ones.
func owes(groups ...[]Owed) []Owed {
	var out []Owed
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// received: the applicant's submission is acknowledged and shown to the
// officers on duty.
var received = []Owed{{NoticeAcknowledgement, ToApplicant, false},
	{NoticeSubmission, ToOfficers, false}}

// decided: an officer's decision reaches the applicant as a numbered letter
// and the officer as a confirmation.
func decided(k NoticeKind) []Owed {
	return []Owed{{k, ToApplicant, true}, {NoticeConfirmation, ToActor, false}}
}

// noted: an officer's act that owes the applicant nothing is confirmed.
var noted = []Owed{{NoticeConfirmation, ToActor, false}}

// lapsed: time ran out; the applicant gets a letter, the officers a prompt.
func lapsed(k NoticeKind) []Owed {
	return []Owed{{k, ToApplicant, true}, {NoticeOfficerPrompt, ToOfficers, false}}
}

var prompt = []Owed{{NoticeOfficerPrompt, ToOfficers, false}}

// transitions is the workflow of the guideline, step by step. Every
// (stage, event) pair appears at most once; TestTransitionsUnique checks.
var transitions = []Transition{
	// Step 1: expression of interest and screening.
	{From: in(None), On: SubmitInterest, By: ByApplicant, To: Screening,
		Owes: received, guard: interestGuard, effect: setApplicant,
		Doc: "an expression of interest opens a case"},
	{From: in(Screening), On: FindInScope, By: ByOfficer, To: AwaitingApplication,
		Resume: true, Closes: windows(WindowMoreInfo), Opens: windows(WindowApplication),
		Owes: decided(NoticeInScope),
		Doc:  "in scope: the applicant has 30 days to apply"},
	{From: in(Screening), On: FindOutOfScope, By: ByOfficer, To: Closed,
		Outcome: OutOfScope, Needs: NeedText, Closes: windows(everyWindow),
		Owes: decided(NoticeOutOfScope), Doc: "out of scope: the case closes"},
	{From: askable, On: AskMoreInfo, By: ByOfficer, Pause: true, Needs: NeedText,
		Closes: windows(WindowMoreInfo), Opens: windows(WindowMoreInfo),
		Owes: decided(NoticeMoreInfo), guard: futureDateIfGiven,
		Doc: "asks the applicant for more information; the stage pauses"},
	{From: open, On: SendInfo, By: ByApplicant, Resume: true,
		Closes: windows(WindowMoreInfo), Owes: received, effect: noteSubmission,
		Doc: "the applicant sends information or documents"},
	{From: open, On: InfoOverdue, By: ByClock, Owes: prompt,
		Doc: "the information asked for did not arrive in time"},

	// Step 2: the application, within 30 days of being told "in scope".
	{From: in(AwaitingApplication), On: SubmitApplication, By: ByApplicant,
		To: ApplicationReview, Closes: windows(WindowApplication), Owes: received,
		guard: applicationGuard, effect: noteSubmission, Doc: "the application arrives"},
	{From: in(ApplicationReview), On: SubmitApplication, By: ByApplicant, Resume: true,
		Closes: windows(WindowMoreInfo), Owes: received, guard: applicationGuard,
		effect: noteSubmission, Doc: "a corrected application arrives"},
	{From: in(AwaitingApplication), On: ApplicationLapses, By: ByClock, To: Closed,
		Outcome: Lapsed, Closes: windows(everyWindow),
		Owes: lapsed(NoticeApplicationLapsed),
		Doc:  "no application within 30 days: the agency ends its consideration"},
	{From: in(ApplicationReview), On: FindIncomplete, By: ByOfficer, Pause: true,
		Needs: NeedText, Closes: windows(WindowMoreInfo), Opens: windows(WindowMoreInfo),
		Owes: decided(NoticeIncomplete), guard: futureDateIfGiven,
		Doc: "the application lacks documents; the applicant is told what"},
	{From: in(ApplicationReview), On: FindIneligible, By: ByOfficer, To: Closed,
		Outcome: Rejected, Needs: NeedText, FourEyes: true, Closes: windows(everyWindow),
		Owes: decided(NoticeIneligible),
		Doc:  "the applicant does not meet the eligibility rules"},
	{From: in(ApplicationReview), On: FindComplete, By: ByOfficer, To: TestPlan,
		Resume: true, Closes: windows(WindowMoreInfo), Opens: windows(WindowDecision),
		Owes: decided(NoticeComplete),
		Doc:  "the application is complete: the agency's 30 days to decide begin"},

	// Steps 3 and 4: the test plan and the decision.
	{From: in(TestPlan), On: SubmitTestPlan, By: ByApplicant, To: Decision,
		Resume: true, Closes: windows(WindowMoreInfo), Owes: received, effect: setPlan,
		guard: planGuard, Doc: "the test plan arrives"},
	{From: in(Decision), On: SubmitTestPlan, By: ByApplicant, Resume: true,
		Closes: windows(WindowMoreInfo), Owes: received, effect: setPlan,
		guard: planGuard, Doc: "a revised test plan arrives"},
	{From: deciding, On: DecisionOverdue, By: ByClock,
		Owes: []Owed{{NoticeDecisionOverdue, ToOfficers, false},
			{NoticeDecisionOverdue, ToManagement, false}},
		Doc: "the agency's 30 days ran out: alert, never decide by itself"},
	{From: in(Decision), On: Approve, By: ByOfficer, To: Agreement, Resume: true,
		Needs: NeedRound, FourEyes: true,
		Closes: windows(WindowDecision, WindowMoreInfo),
		Opens:  windows(WindowRoundChange, WindowAgreement),
		Owes:   decided(NoticeApproval), guard: approveGuard, effect: setRound,
		Doc: "approved into a round: 5 days to ask for another, 15 to sign"},
	{From: deciding, On: Reject, By: ByOfficer, To: Closed, Outcome: Rejected,
		Needs: NeedText, FourEyes: true, Closes: windows(everyWindow),
		Owes: decided(NoticeRejection), Doc: "not approved: the case closes"},

	// Steps 4 and 5: another round, and the agreement within 15 days.
	{From: in(Agreement), On: RequestRoundChange, By: ByApplicant, Needs: NeedRound,
		Closes: windows(WindowRoundChange), Owes: received,
		guard: requestRoundChangeGuard, effect: requestRoundChange,
		Doc: "the applicant asks for another round, within 5 days"},
	{From: in(Agreement), On: GrantRoundChange, By: ByOfficer,
		Owes: decided(NoticeRoundChangeGrant), guard: grantRoundChangeGuard,
		effect: grantRoundChange, Doc: "the other round is granted"},
	{From: in(Agreement), On: RefuseRoundChange, By: ByOfficer,
		Owes: decided(NoticeRoundChangeRefuse), guard: pendingRoundChange,
		effect: clearRoundChange, Doc: "the other round is refused"},
	{From: in(Agreement), On: RecordSigned, By: ByOfficer, To: Testing,
		Closes: windows(WindowAgreement, WindowRoundChange),
		Opens:  windows(WindowTesting, WindowExtension, WindowReport),
		Owes:   decided(NoticeTestingStarts), guard: signedGuard, effect: setSignedPlan,
		Doc: "both sides signed: testing begins"},
	{From: in(Agreement), On: AgreementLapses, By: ByClock, To: Closed, Outcome: Lapsed,
		Closes: windows(everyWindow), Owes: lapsed(NoticeApprovalLapsed),
		Doc: "not signed within 15 days: the approval lapses"},

	// Step 6: testing.
	{From: running, On: SubmitProgressReport, By: ByApplicant,
		Closes: windows(WindowReport), Opens: windows(WindowReport), Owes: received,
		effect: reportReceived, Doc: "a progress report arrives"},
	{From: running, On: ReportOverdue, By: ByClock, Opens: windows(WindowReport),
		Owes: []Owed{{NoticeReportOverdue, ToApplicant, false},
			{NoticeOfficerPrompt, ToOfficers, false}},
		effect: reportMissed, Doc: "a progress report is overdue"},
	{From: in(Testing), On: RequestExtension, By: ByApplicant, Needs: NeedDate,
		Owes: received, guard: requestExtensionGuard, effect: requestExtension,
		Doc: "asks to extend testing, at least 30 days before the end"},
	{From: in(Testing), On: GrantExtension, By: ByOfficer,
		Closes: windows(WindowTesting, WindowExtension),
		Opens:  windows(WindowTesting, WindowExtension),
		Owes:   decided(NoticeExtensionGrant), guard: grantExtensionGuard,
		effect: grantExtension, Doc: "the extension is granted: a new end date"},
	{From: in(Testing), On: RefuseExtension, By: ByOfficer,
		Owes: decided(NoticeExtensionRefuse), guard: pendingExtension,
		effect: clearExtension, Doc: "the extension is refused"},
	{From: in(Testing), On: RequestWaiver, By: ByApplicant, Needs: NeedText,
		Owes: received, effect: requestWaiver,
		Doc: "asks for a waiver; it has no effect until granted"},
	{From: in(Testing), On: GrantWaiver, By: ByOfficer, Owes: decided(NoticeWaiverGrant),
		guard: pendingWaiver, effect: grantWaiver,
		Doc: "the waiver is granted by a specific notice"},
	{From: in(Testing), On: RefuseWaiver, By: ByOfficer, Owes: decided(NoticeWaiverRefuse),
		guard: pendingWaiver, effect: clearWaiver, Doc: "the waiver is refused"},
	{From: in(Testing), On: TestingEnds, By: ByClock, To: ExitReview,
		Closes: windows(WindowExtension),
		Owes: []Owed{{NoticeTestingEnded, ToApplicant, false},
			{NoticeOfficerPrompt, ToOfficers, false}},
		Doc: "the test period is over: officers judge the result"},

	// Step 7: fixes and expulsion.
	{From: underWatch, On: NoticeToFix, By: ByOfficer, Needs: NeedDate | NeedText,
		Closes: windows(WindowFixes), Opens: windows(WindowFixes),
		Owes: decided(NoticeToFixLetter), guard: futureDate, effect: clearFixesOverdue,
		Doc: "tells the participant what to fix, and by when"},
	{From: underWatch, On: ConfirmFixed, By: ByOfficer, Closes: windows(WindowFixes),
		Owes: decided(NoticeFixesAccepted), guard: fixesAsked, effect: clearFixesOverdue,
		Doc: "the fixes are accepted"},
	{From: underWatch, On: FixesOverdue, By: ByClock, Owes: prompt, effect: markFixesOverdue,
		Doc: "the fixes were not made in time: officers decide"},
	{From: running, On: Expel, By: ByOfficer, To: PostExit, Outcome: Expelled,
		Needs: NeedText, FourEyes: true, Closes: windows(everyWindow),
		Opens: windows(WindowPostExitReport), Owes: decided(NoticeExpulsion),
		guard: expelGuard, effect: exited,
		Doc: "expelled after a notice to fix that was not complied with"},
	{From: running, On: ExpelAtOnce, By: ByOfficer, To: PostExit, Outcome: Expelled,
		Needs: NeedText, FourEyes: true, Closes: windows(everyWindow),
		Opens: windows(WindowPostExitReport), Owes: decided(NoticeExpulsion),
		effect: exited,
		Doc:    "expelled at once: a severe case, or defects that cannot be fixed"},

	// Step 7: the exits.
	{From: running, On: ExitSuccess, By: ByOfficer, To: PostExit, Outcome: Success,
		Closes: windows(everyWindow), Opens: windows(WindowPostExitReport),
		Owes: decided(NoticeExitSuccess), effect: exited,
		Doc: "full success: the participant follows its exit plan"},
	{From: running, On: ExitPartial, By: ByOfficer, To: Appeal, Outcome: PartialSuccess,
		Needs: NeedDate, Closes: windows(everyWindow),
		Opens: windows(WindowAppeal, WindowFixes), Owes: decided(NoticeExitPartial),
		guard: futureDate, effect: exited,
		Doc: "partial success: fixes by a day under supervision; 15 days to appeal"},
	{From: running, On: ExitFailure, By: ByOfficer, To: Appeal, Outcome: Failure,
		Closes: windows(everyWindow), Opens: windows(WindowAppeal),
		Owes: decided(NoticeExitFailure), effect: exited,
		Doc: "failure: stop serving, tell users, follow the exit plan; 15 days to appeal"},
	{From: beforeTesting, On: Withdraw, By: ByApplicant, To: Closed, Outcome: Withdrawn,
		Closes: windows(everyWindow),
		Owes:   owes(received, []Owed{{NoticeWithdrawal, ToApplicant, true}}),
		Doc:    "the applicant withdraws before testing: the case closes"},
	{From: running, On: Withdraw, By: ByApplicant, To: PostExit, Outcome: Withdrawn,
		Closes: windows(everyWindow), Opens: windows(WindowPostExitReport),
		Owes:   owes(received, []Owed{{NoticeWithdrawal, ToApplicant, true}}),
		effect: exited, Doc: "the participant withdraws: it follows its exit plan"},

	// Step 7.3: the appeal, within 15 days of the result.
	{From: in(Appeal), On: LodgeAppeal, By: ByApplicant, Needs: NeedText,
		Closes: windows(WindowAppeal), Owes: received, guard: appealGuard,
		effect: lodgeAppeal, Doc: "the participant appeals the result"},
	{From: in(Appeal), On: AppealLapses, By: ByClock, To: PostExit,
		Opens: windows(WindowPostExitReport), Owes: []Owed{{NoticeResultFinal, ToApplicant, true}},
		Doc: "no appeal within 15 days: the result is final"},
	{From: in(Appeal), On: UpholdResult, By: ByOfficer, To: PostExit,
		Opens: windows(WindowPostExitReport), Owes: decided(NoticeAppealUpheld),
		guard: appealLodged, effect: decideAppeal,
		Doc: "the appeal is dismissed: the result stands"},
	{From: in(Appeal), On: AllowAppeal, By: ByOfficer, To: PostExit, Needs: NeedOutcome,
		Opens: windows(WindowPostExitReport), Owes: decided(NoticeAppealAllowed),
		guard: allowAppealGuard, effect: allowAppeal,
		Doc: "the appeal is allowed: the result changes"},

	// Step 7.4: post-exit reports, and the close.
	{From: in(PostExit), On: SubmitPostExitReport, By: ByApplicant,
		Closes: windows(WindowPostExitReport), Opens: windows(WindowPostExitReport),
		Owes: received, effect: reportReceived, Doc: "a post-exit report arrives"},
	{From: in(PostExit, Appeal), On: ReportOverdue, By: ByClock,
		Opens: windows(WindowPostExitReport),
		Owes: []Owed{{NoticeReportOverdue, ToApplicant, false},
			{NoticeOfficerPrompt, ToOfficers, false}},
		effect: reportMissed, Doc: "a post-exit report is overdue"},
	{From: in(PostExit), On: CloseCase, By: ByOfficer, To: Closed,
		Closes: windows(everyWindow), Owes: decided(NoticeCaseClosed),
		Doc: "the case closes with its outcome"},
}

// Transitions returns a copy of the workflow table, for documentation,
// help replies and tests.
func Transitions() []Transition {
	return append([]Transition(nil), transitions...)
}

// byStage indexes the table by (stage, event).
var byStage = func() map[Stage]map[EventKind]*Transition {
	m := map[Stage]map[EventKind]*Transition{}
	for i := range transitions {
		t := &transitions[i]
		for _, s := range t.From {
			if m[s] == nil {
				m[s] = map[EventKind]*Transition{}
			}
			m[s][t.On] = t
		}
	}
	return m
}()

// Allowed returns the events valid in a stage, caused by the given actor, in
// table order: what an officer's HELP reply lists.
func Allowed(s Stage, by Actor) []Transition {
	var out []Transition
	for _, t := range transitions {
		if t.By != by {
			continue
		}
		for _, f := range t.From {
			if f == s {
				out = append(out, t)
				break
			}
		}
	}
	return out
}
