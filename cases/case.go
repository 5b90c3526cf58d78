package cases

import "time"

// Case is one applicant's way through the process, from its expression of
// interest to its close.
type Case struct {
	Ref   Ref
	Stage Stage
	// Paused is true while the agency waits for information it asked for;
	// the stage stays the same.
	Paused bool
	// Outcome is set when the case leaves testing or closes.
	Outcome Outcome

	Applicant ApplicantInfo
	// Round is the testing round the case was approved into; 0 before.
	Round int
	// Plan is the schedule of the latest test plan, as agreed and extended.
	Plan Plan
	// Requests are the applicant's requests waiting for a decision.
	Requests Requests
	// Waivers are the rules the agency has waived for this case (step
	// 6.3: a waiver has no effect until it is granted).
	Waivers []string
	// ReportsReceived and ReportsMissed count progress and post-exit
	// reports that arrived, and periods that ran out without one.
	ReportsReceived int
	ReportsMissed   int
	// FixesOverdue is true when a notice to fix ran out unanswered: the
	// ground for an expulsion after notice.
	FixesOverdue bool
	// ExitedOn is the day the participant left testing; post-exit reports
	// count from it.
	ExitedOn Date
	// LastReport numbers the latest reporting window opened: progress
	// reports during testing, post-exit reports after.
	LastReport int

	Opened     time.Time // when the expression of interest arrived
	StageSince time.Time // when the case entered its stage
	// LastSubmission is when the latest submission of the applicant
	// arrived: the day the decision window counts from.
	LastSubmission time.Time
	Updated        time.Time

	// Windows are the case's open windows.
	Windows []Window
}

// Requests are an applicant's requests the agency has yet to decide.
type Requests struct {
	RoundChange int    `json:"round_change,omitempty"` // the round asked for
	Extension   Date   `json:"extension,omitzero"`     // the end date asked for
	Waiver      string `json:"waiver,omitempty"`       // the rule asked to be waived
	Appeal      bool   `json:"appeal,omitempty"`       // an appeal is under review
}

// Window returns the case's open window of a kind, if it has one.
func (c *Case) Window(k WindowKind) (Window, bool) {
	for _, w := range c.Windows {
		if w.Kind == k && !w.Closed {
			return w, true
		}
	}
	return Window{}, false
}

// NextDue returns the open window that runs out first, if any is counting.
func (c *Case) NextDue() (Window, bool) {
	var best Window
	found := false
	for _, w := range c.Windows {
		if w.Closed || w.Pending {
			continue
		}
		if !found || w.Due.Before(best.Due) {
			best, found = w, true
		}
	}
	return best, found
}

func (c *Case) clone() *Case {
	d := *c
	d.Windows = append([]Window(nil), c.Windows...)
	d.Waivers = append([]string(nil), c.Waivers...)
	return &d
}
