package cases

import "fmt"

// Stage is where a case stands in the guideline's process. A request for
// more information pauses a stage without leaving it (Case.Paused).
type Stage string

// The stages, in the order of the guideline's steps.
const (
	// None is no case yet: the stage an expression of interest starts from.
	None Stage = "none"
	// Screening: step 1, officers judge the expression of interest.
	Screening Stage = "screening"
	// AwaitingApplication: step 2, the applicant has 30 days to apply.
	AwaitingApplication Stage = "awaiting_application"
	// ApplicationReview: step 2, officers check completeness and eligibility.
	ApplicationReview Stage = "application_review"
	// TestPlan: step 3, the applicant presents its test plan.
	TestPlan Stage = "test_plan"
	// Decision: step 4, the agency decides within 30 days.
	Decision Stage = "decision"
	// Agreement: step 5, both sides sign within 15 days of the approval.
	Agreement Stage = "agreement"
	// Testing: step 6, the participant tests and reports.
	Testing Stage = "testing"
	// ExitReview: step 7, testing has ended; officers judge the result.
	ExitReview Stage = "exit_review"
	// Appeal: step 7.3, a partial-success or failure result may be appealed
	// within 15 days (ขอทบทวน).
	Appeal Stage = "appeal"
	// PostExit: step 7.4, the participant reports after leaving.
	PostExit Stage = "post_exit"
	// Closed: the case is over; its Outcome says how.
	Closed Stage = "closed"
)

// Stages lists every stage a case can be in, in process order.
var Stages = []Stage{
	Screening, AwaitingApplication, ApplicationReview, TestPlan, Decision,
	Agreement, Testing, ExitReview, Appeal, PostExit, Closed,
}

// ParseStage reads a stage name such as "testing".
func ParseStage(s string) (Stage, error) {
	for _, st := range Stages {
		if string(st) == s {
			return st, nil
		}
	}
	return "", fmt.Errorf("cases: %q is not a stage (one of %v)", s, Stages)
}

// Outcome is how a case left the process.
type Outcome string

// The outcomes recorded when a case closes or leaves testing.
const (
	OutOfScope     Outcome = "out_of_scope"
	Lapsed         Outcome = "lapsed"
	Rejected       Outcome = "rejected"
	Withdrawn      Outcome = "withdrawn"
	Expelled       Outcome = "expelled"
	Success        Outcome = "success"
	PartialSuccess Outcome = "partial_success"
	Failure        Outcome = "failure"
)

// Outcomes lists every outcome.
var Outcomes = []Outcome{
	OutOfScope, Lapsed, Rejected, Withdrawn, Expelled, Success, PartialSuccess, Failure,
}

// ParseOutcome reads an outcome name such as "partial_success".
func ParseOutcome(s string) (Outcome, error) {
	for _, o := range Outcomes {
		if string(o) == s {
			return o, nil
		}
	}
	return "", fmt.Errorf("cases: %q is not an outcome (one of %v)", s, Outcomes)
}

// Actor is who may cause an event.
type Actor string

const (
	// ByApplicant: the applicant, by sending a form or a reply.
	ByApplicant Actor = "applicant"
	// ByOfficer: an officer of the agency, by a command.
	ByOfficer Actor = "officer"
	// ByClock: the passing of time, through a sweep.
	ByClock Actor = "clock"
)
