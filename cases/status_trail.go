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
	// Received is the day the complete application arrived: for an
	// approval or a rejection, the day the case's decision window counts
	// from (the latest submission before the officer found the application
	// complete); for a finding of ineligibility, the day of the case's
	// latest submission. Zero when the store holds no decision window for
	// an approval or a rejection, which the workflow never leaves so.
	Received Date
	// Decided is when the officer gave the decision.
	Decided time.Time
}

// Due returns the agency's last day to decide: 30 days from the day the
// application arrived, a day that stands even on a holiday (APA s.64
// para 2; see Calendar.Due). Zero when Received is.
func (d AgencyDecision) Due() Date {
	if d.Received.IsZero() {
		return Date{}
	}
	return d.Received.AddDays(windowRules[WindowDecision].days)
}

// Days returns the days the agency took, from the day the application
// arrived to the day of the decision in Bangkok; 0 when Received is zero.
func (d AgencyDecision) Days() int {
	if d.Received.IsZero() {
		return 0
	}
	return d.Received.DaysUntil(DateOf(d.Decided))
}

// InTime reports whether the decision came on or before its last day;
// false when Received is zero.
func (d AgencyDecision) InTime() bool {
	return !d.Received.IsZero() && !DateOf(d.Decided).After(d.Due())
}

// trailEntry is a decision's audit entry.
type trailEntry struct {
	ref  Ref
	kind EventKind
	at   time.Time
	// last is, for a finding of ineligibility, the case's latest
	// submission.
	last time.Time
}

// trail is what a Status derives from one reading of the audit trail: the
// decisions, one small entry each.
type trail struct {
	decisions []AgencyDecision
}

// readTrail reads the trail the first time it is needed: the decision
// windows (their first days), then the decisions.
func (st *Status) readTrail() (*trail, error) {
	st.trailMu.Lock()
	defer st.trailMu.Unlock()
	if st.trail != nil {
		return st.trail, nil
	}
	received := map[Ref]Date{}
	err := st.r.eachDecisionWindow(st.ctx, func(ref Ref, start Date) error {
		received[ref] = start
		return nil
	})
	if err != nil {
		return nil, err
	}
	t := &trail{}
	err = st.r.eachTrailEntry(st.ctx, func(e trailEntry) error {
		d := AgencyDecision{Case: e.ref, Kind: e.kind, Received: received[e.ref],
			Decided: e.at}
		if e.kind == FindIneligible && !e.last.IsZero() {
			d.Received = DateOf(e.last)
		}
		t.decisions = append(t.decisions, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	st.trail = t
	return t, nil
}

// Decisions yields every decision of the trail, in the order they were
// given (see AgencyDecision for where their days come from). The trail is
// read once per Status, for this and Participants, and its decisions are
// held in memory: one small entry each.
func (st *Status) Decisions() iter.Seq2[AgencyDecision, error] {
	return func(yield func(AgencyDecision, error) bool) {
		t, err := st.readTrail()
		if err != nil {
			yield(AgencyDecision{}, err)
			return
		}
		for _, d := range t.decisions {
			if !yield(d, nil) {
				return
			}
		}
	}
}
