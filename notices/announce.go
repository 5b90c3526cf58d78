package notices

import (
	"slices"
	"time"

	"sandboxbot/cases"
)

// participant is one row of the public announcement of participants
// (DESIGN.md, "Announcement"): number, organisation, solution, date
// approved, testing status.
type participant struct {
	approved time.Time
	ref      cases.Ref
	org      string
	orgEN    string
	solution string
	status   label
}

func participantOf(p cases.Participant) participant {
	a := p.Case.Applicant
	return participant{approved: p.Approved, ref: p.Case.Ref, org: a.OrgName,
		orgEN: a.OrgNameEN, solution: a.Solution, status: testingLabel(p.Case)}
}

// byApproval puts participants in the order they were approved, the
// announcement's numbering: those approved at the same instant, and
// those whose approval is not known (last), by reference.
func byApproval(ps []participant) {
	slices.SortStableFunc(ps, func(a, b participant) int {
		switch {
		case a.approved.IsZero() != b.approved.IsZero():
			if a.approved.IsZero() {
				return 1
			}
			return -1
		case !a.approved.Equal(b.approved):
			return a.approved.Compare(b.approved)
		}
		return compareRefs(a.ref, b.ref)
	})
}

func compareRefs(a, b cases.Ref) int {
	if a.Year != b.Year {
		return a.Year - b.Year
	}
	return a.Seq - b.Seq
}
