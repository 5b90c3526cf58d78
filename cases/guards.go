package cases

import (
	"fmt"
	"strings"
)

// Guards refuse an event that its transition row matches but the case does
// not allow. Each returns a *RefusedError (or an error from the store).

func interestGuard(c *Case, e *Event, x *env) error {
	a := e.Applicant
	if a == nil || a.OrgName == "" || a.ContactEmail == "" || a.Category == "" {
		return refuse(c, e, ErrInvalid, both(
			"an expression of interest needs the organisation, a contact e-mail "+
				"address and the category",
			"แบบแจ้งความประสงค์ต้องระบุชื่อหน่วยงาน อีเมลผู้ติดต่อ และประเภทนวัตกรรม"))
	}
	all, err := x.rounds.all(x.ctx)
	if err != nil {
		return err
	}
	for _, r := range all {
		if r.Takes(a.Category, x.today) {
			return nil
		}
	}
	return refuse(c, e, ErrLate, both(
		"no testing round takes expressions of interest for %s on %s%s",
		"ไม่มีรอบการทดสอบที่เปิดรับการแจ้งความประสงค์สำหรับ %s ในวันที่ %s%s"),
		a.Category, x.today, nextRound(all, a.Category, x.today))
}

// nextRound names the next round that will take the category, if any.
func nextRound(all []Round, category string, today Date) string {
	for _, r := range all {
		if r.Opens.After(today) && r.Takes(category, r.Opens) {
			return fmt.Sprintf(" (round %d opens %s)", r.Number, r.Opens)
		}
	}
	return ""
}

// applicationGuard refuses an application whose juristic person is not the
// case's (FORMS.md: the application's juristic_id must match the case).
func applicationGuard(c *Case, e *Event, x *env) error {
	if e.Applicant == nil || e.Applicant.JuristicID == "" || c.Applicant.JuristicID == "" {
		return nil
	}
	if digitsOnly(e.Applicant.JuristicID) == digitsOnly(c.Applicant.JuristicID) {
		return nil
	}
	return refuse(c, e, ErrInvalid, both(
		"the application names juristic ID %s, but case %s belongs to juristic ID %s; "+
			"send the application of the organisation that expressed interest",
		"คำขอระบุเลขทะเบียนนิติบุคคล %s แต่เรื่อง %s เป็นของนิติบุคคลเลขที่ %s "+
			"โปรดส่งคำขอของนิติบุคคลที่แจ้งความประสงค์ไว้"),
		e.Applicant.JuristicID, c.Ref, c.Applicant.JuristicID)
}

func digitsOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

func planGuard(c *Case, e *Event, x *env) error {
	p := e.Plan
	if p == nil || p.Start.IsZero() || p.End.IsZero() {
		return refuse(c, e, ErrInvalid, both("a test plan needs its start and end dates",
			"แผนการทดสอบต้องระบุวันเริ่มและวันสิ้นสุดการทดสอบ"))
	}
	if !p.End.After(p.Start) {
		return refuse(c, e, ErrInvalid, both("the test plan ends (%s) before it starts (%s)",
			"วันสิ้นสุดการทดสอบ (%s) อยู่ก่อนวันเริ่ม (%s)"), p.End, p.Start)
	}
	if p.Every != "monthly" && p.Every != "quarterly" {
		return refuse(c, e, ErrInvalid, both(
			"the reporting period %q is neither monthly nor quarterly",
			"รอบการรายงาน %q ต้องเป็นรายเดือน (monthly) หรือรายไตรมาส (quarterly)"), p.Every)
	}
	return nil
}

func futureDate(c *Case, e *Event, x *env) error {
	if !e.Date.After(x.today) {
		return refuse(c, e, ErrInvalid, enOnly("the date %s is not after today (%s)"),
			e.Date, x.today)
	}
	return nil
}

func futureDateIfGiven(c *Case, e *Event, x *env) error {
	if e.Date.IsZero() {
		return nil
	}
	return futureDate(c, e, x)
}

// openAt refuses a request whose window has closed or run out. A request is
// in time until the end of the window's last day (CCC s.193/5).
func openAt(c *Case, e *Event, x *env, k WindowKind) error {
	th, en := k.Title()
	w, ok := c.Window(k)
	if ok && (w.Pending || x.now.Before(w.Expires())) {
		return nil
	}
	r := &RefusedError{Case: c.Ref, Stage: c.Stage, Event: e.Kind, Err: ErrLate,
		Reason: "the time to " + en + " has ended", ReasonTH: "พ้นกำหนดเวลา" + th + "แล้ว"}
	if ok {
		r.Reason += " (the last day was " + w.Due.String() + ")"
		r.ReasonTH += " (วันสุดท้ายคือ " + w.Due.String() + ")"
	}
	return r
}

func approveGuard(c *Case, e *Event, x *env) error {
	r, used, ok, err := x.rounds.round(x.ctx, e.Round)
	if err != nil {
		return err
	}
	if !ok {
		return refuse(c, e, ErrInvalid, enOnly("there is no testing round %d"), e.Round)
	}
	if !containsFold(r.Categories, c.Applicant.Category) {
		return refuse(c, e, ErrInvalid, enOnly("round %d does not take %s (it takes %s)"),
			r.Number, c.Applicant.Category, strings.Join(r.Categories, ", "))
	}
	if r.Capacity > 0 && used >= r.Capacity {
		return refuse(c, e, ErrRoundFull, enOnly("round %d is full (%d of %d places taken)"),
			r.Number, used, r.Capacity)
	}
	return nil
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

func requestRoundChangeGuard(c *Case, e *Event, x *env) error {
	if err := openAt(c, e, x, WindowRoundChange); err != nil {
		return err
	}
	if e.Round == c.Round {
		return refuse(c, e, ErrInvalid, both("the case is already in round %d",
			"กรณีนี้อยู่ในรอบการทดสอบที่ %d อยู่แล้ว"), e.Round)
	}
	return nil
}

func pendingRoundChange(c *Case, e *Event, x *env) error {
	if c.Requests.RoundChange == 0 {
		return refuse(c, e, ErrNotAllowed, enOnly("the applicant has not asked for another round"))
	}
	return nil
}

func grantRoundChangeGuard(c *Case, e *Event, x *env) error {
	if err := pendingRoundChange(c, e, x); err != nil {
		return err
	}
	want := e.Round
	if want == 0 {
		want = c.Requests.RoundChange
	}
	return approveGuard(c, &Event{Kind: e.Kind, Round: want}, x)
}

func signedGuard(c *Case, e *Event, x *env) error {
	p := signedPlan(c, e)
	if p.Start.IsZero() || p.End.IsZero() || !p.End.After(p.Start) {
		return refuse(c, e, ErrInvalid, enOnly("the test period is not known: give the "+
			"start and end dates (SIGNED 2027-01-04 2027-06-30) or have the applicant send "+
			"a test plan"))
	}
	if !p.End.After(x.today) {
		return refuse(c, e, ErrInvalid, enOnly("the test period ends %s, not after today"), p.End)
	}
	return nil
}

func requestExtensionGuard(c *Case, e *Event, x *env) error {
	if err := openAt(c, e, x, WindowExtension); err != nil {
		return err
	}
	if !e.Date.After(c.Plan.End) {
		return refuse(c, e, ErrInvalid, both("the new end date %s is not after the current one, %s",
			"วันสิ้นสุดใหม่ %s ต้องอยู่หลังวันสิ้นสุดเดิม %s"), e.Date, c.Plan.End)
	}
	return nil
}

func pendingExtension(c *Case, e *Event, x *env) error {
	if c.Requests.Extension.IsZero() {
		return refuse(c, e, ErrNotAllowed, enOnly("the participant has not asked for an extension"))
	}
	return nil
}

func grantExtensionGuard(c *Case, e *Event, x *env) error {
	if err := pendingExtension(c, e, x); err != nil {
		return err
	}
	if !e.Date.IsZero() && !e.Date.After(c.Plan.End) {
		return refuse(c, e, ErrInvalid, enOnly("the new end date %s is not after the "+
			"current one, %s"), e.Date, c.Plan.End)
	}
	return nil
}

func pendingWaiver(c *Case, e *Event, x *env) error {
	if c.Requests.Waiver == "" {
		return refuse(c, e, ErrNotAllowed, enOnly("the participant has not asked for a waiver"))
	}
	return nil
}

func fixesAsked(c *Case, e *Event, x *env) error {
	if _, ok := c.Window(WindowFixes); !ok && !c.FixesOverdue {
		return refuse(c, e, ErrNotAllowed, enOnly("no notice to fix is outstanding"))
	}
	return nil
}

func expelGuard(c *Case, e *Event, x *env) error {
	if !c.FixesOverdue {
		return refuse(c, e, ErrNotAllowed, enOnly("expulsion after notice needs a notice "+
			"to fix whose day has passed unanswered; for a severe case or defects that "+
			"cannot be fixed, use expulsion at once"))
	}
	return nil
}

func appealGuard(c *Case, e *Event, x *env) error {
	if c.Requests.Appeal {
		return refuse(c, e, ErrNotAllowed, both("an appeal is already under review",
			"มีคำขอทบทวนที่อยู่ระหว่างการพิจารณาแล้ว"))
	}
	return openAt(c, e, x, WindowAppeal)
}

func appealLodged(c *Case, e *Event, x *env) error {
	if !c.Requests.Appeal {
		return refuse(c, e, ErrNotAllowed, enOnly("no appeal has been lodged"))
	}
	return nil
}

func allowAppealGuard(c *Case, e *Event, x *env) error {
	if err := appealLodged(c, e, x); err != nil {
		return err
	}
	if e.Outcome != Success && e.Outcome != PartialSuccess {
		return refuse(c, e, ErrInvalid, enOnly("an allowed appeal changes the result to "+
			"success or partial_success, not %q"), e.Outcome)
	}
	if e.Outcome == c.Outcome {
		return refuse(c, e, ErrInvalid, enOnly("the result is already %s"), e.Outcome)
	}
	return nil
}
