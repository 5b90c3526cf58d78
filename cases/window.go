package cases

import (
	"fmt"
	"time"
)

// WindowKind names a statutory or agreed period (DESIGN.md, "Statutory
// windows").
type WindowKind string

// The windows of the guideline.
const (
	WindowApplication    WindowKind = "application"      // step 2: 30 days to apply
	WindowDecision       WindowKind = "decision"         // step 4: 30 days to decide
	WindowRoundChange    WindowKind = "round_change"     // step 4: 5 days to ask
	WindowAgreement      WindowKind = "agreement"        // step 5: 15 days to sign
	WindowTesting        WindowKind = "testing"          // step 6: the test period
	WindowExtension      WindowKind = "extension"        // step 6.2: ≥ 30 days before the end
	WindowReport         WindowKind = "report"           // step 6: periodic reports
	WindowFixes          WindowKind = "fixes"            // step 7: fix by a set day
	WindowAppeal         WindowKind = "appeal"           // step 7.3: 15 days to appeal
	WindowPostExitReport WindowKind = "post_exit_report" // step 7.4
	WindowMoreInfo       WindowKind = "more_info"        // information asked for
)

// anchor says from what a window's days are counted.
type anchor int

const (
	// fromNotice: from the day the letter of the transition that opened
	// it was accepted for delivery ("told"); pending until then.
	fromNotice anchor = iota
	// fromSubmission: from the day the case's latest submission arrived.
	fromSubmission
	// beforeTestEnd: "at least N days before" the end of testing.
	beforeTestEnd
	// untilTestEnd: runs to the end of testing.
	untilTestEnd
	// onEventDate: to the day the officer's event names.
	onEventDate
	// everyPeriod: one reporting period from the end of the last.
	everyPeriod
)

// windowRule is how a kind of window is counted and what its end does.
type windowRule struct {
	party    Party
	anchor   anchor
	days     int
	remindTo []Recipient // who is reminded before it closes; none when empty
	onExpiry EventKind   // raised when it runs out; "" closes it quietly
	th, en   string
}

var windowRules = map[WindowKind]windowRule{
	WindowApplication: {Applicant, fromNotice, 30, toApplicant, ApplicationLapses,
		"ยื่นคำขอเข้าร่วมทดสอบ", "submit the application"},
	WindowDecision: {Agency, fromSubmission, 30, toOfficers, DecisionOverdue,
		"แจ้งผลการพิจารณา", "decide on the application"},
	WindowRoundChange: {Applicant, fromNotice, 5, toApplicant, "",
		"ขอเปลี่ยนแปลงรอบการทดสอบ", "ask for another testing round"},
	WindowAgreement: {Applicant, fromNotice, 15, toBoth, AgreementLapses,
		"ลงนามในข้อตกลงเข้าร่วมทดสอบ", "sign the participation agreement"},
	WindowTesting: {Agency, untilTestEnd, 0, toOfficers, TestingEnds,
		"ระยะเวลาการทดสอบ", "the test period"},
	WindowExtension: {Applicant, beforeTestEnd, 30, toApplicant, "",
		"ขอขยายระยะเวลาการทดสอบ", "ask for an extension"},
	WindowReport: {Applicant, everyPeriod, 0, toApplicant, ReportOverdue,
		"ส่งรายงานความคืบหน้า", "send the progress report"},
	WindowFixes: {Applicant, onEventDate, 0, toApplicant, FixesOverdue,
		"ดำเนินการแก้ไข", "make the fixes"},
	WindowAppeal: {Applicant, fromNotice, 15, toApplicant, AppealLapses,
		"ยื่นขอทบทวนผลการพิจารณา", "appeal the result"},
	WindowPostExitReport: {Applicant, everyPeriod, 0, toApplicant, ReportOverdue,
		"ส่งรายงานหลังออกจากการทดสอบ", "send the post-exit report"},
	WindowMoreInfo: {Applicant, onEventDate, 15, toApplicant, InfoOverdue,
		"ส่งข้อมูลเพิ่มเติม", "send the information asked for"},
}

var (
	toApplicant = []Recipient{ToApplicant}
	toOfficers  = []Recipient{ToOfficers}
	toBoth      = []Recipient{ToApplicant, ToOfficers}
)

// Title returns what the window is for, in Thai and in English.
func (k WindowKind) Title() (th, en string) {
	r := windowRules[k]
	return r.th, r.en
}

// Party returns whose deadline the window is.
func (k WindowKind) Party() Party { return windowRules[k].party }

// Window is one open (or closed) period of a case.
type Window struct {
	ID    int64
	Case  Ref
	Kind  WindowKind
	Party Party
	// Start is the day the period is counted from; Due is its last day.
	// Both are zero while the window waits for its notice to be delivered
	// (Pending).
	Start Date
	Due   Date
	// Seq numbers the windows of a periodic kind: report 1, 2, …
	Seq int
	// Pending is true until the notice the window counts from has been
	// accepted for delivery.
	Pending bool
	// Days is the length of a window counted from a notice, kept for when
	// the notice is delivered.
	Days int
	// Remind is the smallest reminder offset (days before Due) already
	// sent or passed; reminders at this offset or more are not owed.
	// 0 means none has been.
	Remind int
	Closed bool
	// How it closed: "expired", "done" (closed by a transition).
	ClosedHow string
	// anchorNotice is the outbox row whose delivery starts a pending window.
	anchorNotice int64
}

// Expires returns the instant the window runs out: the end of its last day
// in Bangkok (CCC s.193/5). It is the zero time while the window is pending.
func (w Window) Expires() time.Time {
	if w.Due.IsZero() {
		return time.Time{}
	}
	return w.Due.End()
}

// DaysLeft returns the number of days from today to the last day: 0 on the
// last day, negative once it has passed.
func (w Window) DaysLeft(today Date) int { return today.DaysUntil(w.Due) }

// String describes the window for logs and the command line.
func (w Window) String() string {
	if w.Pending {
		return fmt.Sprintf("%s (%d days from delivery of the notice)", w.Kind, w.Days)
	}
	return fmt.Sprintf("%s due %s", w.Kind, w.Due)
}

// Policy holds the settings of the process that are the agency's to choose.
// The zero Policy is DefaultPolicy.
type Policy struct {
	// ReminderDays are the offsets, in days before a window's last day, at
	// which reminders are sent. Default 7, 3, 1.
	ReminderDays []int
	// ReminderHour is the hour of the day (Bangkok) reminders are sent
	// from. Default 8.
	ReminderHour int
	// MoreInfoDays is the time given for information an officer asks for
	// without naming a day. Default 15.
	MoreInfoDays int
	// ReportGraceDays is how long after the end of a reporting period its
	// report is due. Default 15.
	ReportGraceDays int
	// PostExitEvery is the period of post-exit reports: "monthly" or
	// "quarterly". Default quarterly.
	PostExitEvery string
	// MessageDomain is the domain of the Message-IDs of outgoing mail.
	// Default "sandboxbot.invalid".
	MessageDomain string
	// FourEyes makes approvals, rejections and expulsions (the rows marked
	// FourEyes) take two different officers: the first proposes, the
	// second agrees by giving the same command.
	FourEyes bool
	// LetterPrefix starts every letter number of the outgoing register,
	// as in "สพธอ. 12/2569". Default "สพธอ.".
	LetterPrefix string
}

// DefaultPolicy is the policy when nothing is configured.
var DefaultPolicy = Policy{
	ReminderDays:    []int{7, 3, 1},
	ReminderHour:    8,
	MoreInfoDays:    15,
	ReportGraceDays: 15,
	PostExitEvery:   "quarterly",
	MessageDomain:   "sandboxbot.invalid",
	LetterPrefix:    "สพธอ.",
}

// withDefaults fills the zero fields of p from DefaultPolicy.
func (p Policy) withDefaults() Policy {
	d := DefaultPolicy
	if p.ReminderDays == nil {
		p.ReminderDays = d.ReminderDays
	}
	if p.ReminderHour == 0 {
		p.ReminderHour = d.ReminderHour
	}
	if p.MoreInfoDays == 0 {
		p.MoreInfoDays = d.MoreInfoDays
	}
	if p.ReportGraceDays == 0 {
		p.ReportGraceDays = d.ReportGraceDays
	}
	if p.PostExitEvery == "" {
		p.PostExitEvery = d.PostExitEvery
	}
	if p.LetterPrefix == "" {
		p.LetterPrefix = d.LetterPrefix
	}
	if p.MessageDomain == "" {
		p.MessageDomain = d.MessageDomain
	}
	return p
}

// reminderAt returns when the reminder k days before the window's last day
// is owed: from ReminderHour on that day, in Bangkok.
func (p Policy) reminderAt(w Window, k int) time.Time {
	return w.Due.AddDays(-k).Start().Add(time.Duration(p.ReminderHour) * time.Hour)
}

// startReminders sets w.Remind so that no reminder whose time has already
// come at now is owed: a five-day window opened today owes no "seven days
// left" reminder.
func (p Policy) startReminders(w *Window, now time.Time) {
	w.Remind = 0
	for _, k := range p.ReminderDays {
		if !p.reminderAt(*w, k).After(now) && (w.Remind == 0 || k < w.Remind) {
			w.Remind = k
		}
	}
}

// owedReminder returns the reminder owed for w at now, the one closest to
// the last day of those whose time has come and that were not sent, and
// whether one is owed. After days of downtime only that latest one is owed.
func (p Policy) owedReminder(w Window, now time.Time) (int, bool) {
	if len(windowRules[w.Kind].remindTo) == 0 || w.Pending || !now.Before(w.Expires()) {
		return 0, false
	}
	best := 0
	for _, k := range p.ReminderDays {
		if (w.Remind == 0 || k < w.Remind) && !p.reminderAt(w, k).After(now) {
			if best == 0 || k < best {
				best = k
			}
		}
	}
	return best, best != 0
}

// nextCheck returns when a sweep must next look at w: its next reminder or
// its expiry. The zero time means never (pending or closed).
func (p Policy) nextCheck(w Window, now time.Time) time.Time {
	if w.Closed || w.Pending {
		return time.Time{}
	}
	next := w.Expires()
	if len(windowRules[w.Kind].remindTo) == 0 {
		return next
	}
	for _, k := range p.ReminderDays {
		if w.Remind != 0 && k >= w.Remind {
			continue
		}
		if t := p.reminderAt(w, k); t.After(now) && t.Before(next) {
			next = t
		}
	}
	return next
}
