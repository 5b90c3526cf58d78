package cases

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// env is what deciding an event needs besides the case and the event.
type env struct {
	ctx    context.Context
	now    time.Time
	today  Date
	cal    *Calendar
	policy Policy
	rounds rounds
}

// Change is what an accepted event does to a case: the state it leaves, the
// windows it opens and closes, and the notices it owes. Stores persist a
// Change in one transaction.
type Change struct {
	Rule   *Transition
	Event  Event
	From   Stage
	After  *Case
	Opened []Window
	Closed []Window
	Owed   []Owed
	// ProposedBy is the officer who proposed the decision a second one
	// made, under the four-eyes rule.
	ProposedBy string
}

// decide applies the transition table to one event. It changes nothing: it
// returns the Change, or a *RefusedError saying why the event is refused.
// c is nil for an expression of interest.
func decide(c *Case, e Event, x *env) (*Change, error) {
	if c == nil {
		c = &Case{Stage: None}
	}
	t := byStage[c.Stage][e.Kind]
	if t == nil {
		return nil, notValidHere(c, &e)
	}
	if e.Actor != t.By {
		return nil, refuse(c, &e, ErrNotAllowed, enOnly("only %s may cause %s"), actorName(t.By),
			e.Kind)
	}
	if err := needs(c, &e, t.Needs); err != nil {
		return nil, err
	}
	if t.guard != nil {
		if err := t.guard(c, &e, x); err != nil {
			return nil, err
		}
	}

	n := c.clone()
	ch := &Change{Rule: t, Event: e, From: c.Stage, After: n, Owed: t.Owes}
	if t.To != "" && t.To != n.Stage {
		n.Stage, n.StageSince = t.To, e.At
	}
	n.Paused = (n.Paused || t.Pause) && !t.Resume
	if t.Outcome != "" {
		n.Outcome = t.Outcome
	}
	if t.effect != nil {
		t.effect(n, &e, x)
	}

	// Close before opening: a report window closes and the next one opens.
	ch.Closed = closeWindows(n, t.Closes, "done")
	for _, k := range t.Opens {
		if w, ok := openWindow(n, k, &e, x); ok {
			n.Windows = append(n.Windows, w)
			ch.Opened = append(ch.Opened, w)
		}
	}
	n.Updated = e.At
	return ch, nil
}

// notValidHere refuses an event the table has no row for in the case's
// stage, listing what the actor could do instead.
func notValidHere(c *Case, e *Event) error {
	if c.Stage == None {
		return refuse(c, e, ErrNotFound, enOnly("%s needs an existing case"), e.Kind)
	}
	var valid []string
	for _, t := range Allowed(c.Stage, e.Actor) {
		valid = append(valid, string(t.On))
	}
	also := "nothing"
	if len(valid) > 0 {
		also = strings.Join(valid, ", ")
	}
	if c.Stage == Closed {
		return refuse(c, e, ErrNotAllowed, both("the case is closed (%s)",
			"กรณีนี้ปิดแล้ว (%s)"), c.Outcome)
	}
	return refuse(c, e, ErrNotAllowed, enOnly("%s is not valid while the case is in %s; "+
		"valid now: %s"), e.Kind, c.Stage, also)
}

func actorName(a Actor) string {
	switch a {
	case ByApplicant:
		return "the applicant"
	case ByOfficer:
		return "an officer"
	}
	return "the passing of time"
}

func needs(c *Case, e *Event, n Needs) error {
	var missing []string
	if n&NeedRound != 0 && e.Round <= 0 {
		missing = append(missing, "a round number (ROUND 2)")
	}
	if n&NeedDate != 0 && e.Date.IsZero() {
		missing = append(missing, "a date (YYYY-MM-DD)")
	}
	if n&NeedText != 0 && strings.TrimSpace(e.Text) == "" {
		missing = append(missing, "a reason or description")
	}
	if n&NeedOutcome != 0 && e.Outcome == "" {
		missing = append(missing, "an outcome")
	}
	if len(missing) > 0 {
		return refuse(c, e, ErrInvalid, enOnly("%s needs %s"), e.Kind, strings.Join(missing, ", "))
	}
	return nil
}

// closeWindows closes the case's open windows of the given kinds and
// returns them.
func closeWindows(c *Case, kinds []WindowKind, how string) []Window {
	var closed []Window
	keep := c.Windows[:0]
	for _, w := range c.Windows {
		if matchesKind(w.Kind, kinds) {
			w.Closed, w.ClosedHow = true, how
			closed = append(closed, w)
			continue
		}
		keep = append(keep, w)
	}
	c.Windows = keep
	return closed
}

func matchesKind(k WindowKind, kinds []WindowKind) bool {
	for _, x := range kinds {
		if x == k || x == everyWindow {
			return true
		}
	}
	return false
}

// openWindow counts a new window of kind k for case c; ok is false when the
// window has nothing left to count (no reporting period before the end of
// testing, an extension that can no longer be asked for).
func openWindow(c *Case, k WindowKind, e *Event, x *env) (Window, bool) {
	r := windowRules[k]
	w := Window{Case: c.Ref, Kind: k, Party: r.party, Start: x.today}
	switch r.anchor {
	case fromNotice:
		w.Start, w.Pending, w.Days = Date{}, true, r.days
	case fromSubmission:
		if !c.LastSubmission.IsZero() {
			w.Start = DateOf(c.LastSubmission)
		}
		w.Due = x.cal.Due(w.Start, r.days, r.party)
	case beforeTestEnd:
		w.Due = x.cal.LatestBefore(c.Plan.End, r.days)
		if w.Due.Before(x.today) {
			return w, false
		}
	case untilTestEnd:
		w.Start, w.Due = c.Plan.Start, c.Plan.End
	case onEventDate:
		if e.Date.IsZero() {
			w.Start, w.Pending, w.Days = Date{}, true, x.policy.MoreInfoDays
		} else {
			w.Due = x.cal.Due(e.Date, 0, r.party)
		}
	case everyPeriod:
		if !nextPeriod(c, &w, x) {
			return w, false
		}
	}
	if !w.Pending {
		x.policy.startReminders(&w, x.now)
	}
	return w, true
}

// nextPeriod counts the next reporting window: a report for each period of
// the test plan (monthly or quarterly from the start of testing, the last
// one cut at its end) or of the post-exit schedule (from the day of exit),
// each due ReportGraceDays after its period ends.
func nextPeriod(c *Case, w *Window, x *env) bool {
	base, months := c.Plan.Start, c.Plan.months()
	if w.Kind == WindowPostExitReport {
		base, months = c.ExitedOn, Plan{Every: x.policy.PostExitEvery}.months()
	}
	seq := c.LastReport + 1
	from := base.AddMonths((seq - 1) * months)
	to := base.AddMonths(seq * months).AddDays(-1)
	if w.Kind == WindowReport {
		if !from.Before(c.Plan.End) {
			return false
		}
		if to.After(c.Plan.End) {
			to = c.Plan.End
		}
	}
	c.LastReport = seq
	w.Seq, w.Start = seq, to
	w.Due = x.cal.Due(to, x.policy.ReportGraceDays, w.Party)
	return true
}

// startPending counts a pending window from the day its notice was accepted
// for delivery: the day the applicant was told.
func startPending(w *Window, told time.Time, x *env) {
	w.Pending = false
	w.Start = DateOf(told)
	w.Due = x.cal.Due(w.Start, w.Days, w.Party)
	x.policy.startReminders(w, x.now)
}

// provisional returns w as its notice states it: a pending window counted
// as if the notice were delivered today.
func provisional(w Window, x *env) Window {
	if w.Pending {
		startPending(&w, x.now, x)
		w.Pending = true
	}
	return w
}

func (e Event) describe() string {
	var b strings.Builder
	b.WriteString(string(e.Kind))
	if e.Round != 0 {
		fmt.Fprintf(&b, " round %d", e.Round)
	}
	if !e.Date.IsZero() {
		fmt.Fprintf(&b, " %s", e.Date)
	}
	return b.String()
}
