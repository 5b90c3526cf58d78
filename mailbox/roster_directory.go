package mailbox

import "sandboxbot/cases"

// OfficersFor returns the addresses of the officers told of what happens to
// a case in the stage (OnDutyAt): the Directory the composer writes to. A
// nil roster has none.
func (r *Roster) OfficersFor(stage cases.Stage) []string {
	if r == nil {
		return nil
	}
	var out []string
	for _, o := range r.OnDutyAt(stage) {
		out = append(out, o.Address)
	}
	return out
}

// IsOfficer reports whether addr belongs to an officer of the roster.
func (r *Roster) IsOfficer(addr string) bool {
	if r == nil {
		return false
	}
	_, ok := r.Lookup(addr)
	return ok
}
