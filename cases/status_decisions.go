package cases

import (
	"iter"
	"time"
)

// AgencyDecision is a decision of the agency on an application, set against the
// 30 days it has from the complete application (guideline step 4): an
// approval, a rejection, or a finding that the applicant is not eligible
// (step 2), which ends the application as a rejection does.
type AgencyDecision struct {
	Case Ref
	// Kind is Approve, Reject or FindIneligible.
	Kind EventKind
	// Received is when the complete application arrived: the latest
	// submission before the officer found the application complete (for
	// an approval or a rejection) or ineligible. The decision window
	// counts from its day (Case.LastSubmission).
	Received time.Time
	// Decided is when the officer gave the decision.
	Decided time.Time
}

// Due returns the agency's last day to decide: 30 days from the day the
// application arrived, a day that stands even on a holiday (APA s.64
// para 2; see Calendar.Due).
func (d AgencyDecision) Due() Date {
	return DateOf(d.Received).AddDays(windowRules[WindowDecision].days)
}

// Days returns the days the agency took: from the day the application
// arrived to the day of the decision, both in Bangkok.
func (d AgencyDecision) Days() int { return DateOf(d.Received).DaysUntil(DateOf(d.Decided)) }

// InTime reports whether the decision came on or before its last day.
func (d AgencyDecision) InTime() bool { return !DateOf(d.Decided).After(d.Due()) }

// decisionEntry is an audit entry decisions are derived from.
type decisionEntry struct {
	ref  Ref
	kind EventKind
	at   time.Time
}

// Decisions yields every decision of the trail, in the order they were
// given, derived from the audit trail: each application's last submission
// (interest, application, info) before it was found complete (or
// ineligible), and the decision. It keeps
// one small entry per undecided case while it reads.
func (st *Status) Decisions() iter.Seq2[AgencyDecision, error] {
	return seq(func(yield func(AgencyDecision) error) error {
		type pending struct{ last, received int64 } // Unix ns
		cases := map[Ref]*pending{}
		return st.r.eachDecisionEntry(st.ctx, func(e decisionEntry) error {
			p := cases[e.ref]
			if p == nil {
				p = &pending{}
				cases[e.ref] = p
			}
			switch e.kind {
			case SubmitInterest, SubmitApplication, SendInfo:
				p.last = e.at.UnixNano()
				return nil
			case FindComplete:
				p.received = p.last
				return nil
			case FindIneligible:
				p.received = p.last
			}
			received := p.received
			if received == 0 {
				received = p.last
			}
			delete(cases, e.ref)
			return yield(AgencyDecision{Case: e.ref, Kind: e.kind, Received: fromNanos(received),
				Decided: e.at.In(Bangkok)})
		})
	})
}
