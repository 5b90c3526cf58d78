package cases

import (
	"encoding/json"
	"time"
)

// EventKind names something that happens to a case: a submission, an
// officer's decision, a request, or time running out. What each may do in
// each stage is the transition table (transitions.go).
type EventKind string

// Submissions and requests by the applicant.
const (
	SubmitInterest       EventKind = "interest"         // step 1, แจ้งความประสงค์
	SubmitApplication    EventKind = "application"      // step 2, ยื่นคำขอ
	SubmitTestPlan       EventKind = "test_plan"        // step 3, เสนอแผนการทดสอบ
	SendInfo             EventKind = "info"             // documents or answers asked for
	RequestRoundChange   EventKind = "round_change"     // step 4, within 5 days
	SubmitProgressReport EventKind = "progress_report"  // step 6
	RequestExtension     EventKind = "extension"        // step 6.2, ≥ 30 days before the end
	RequestWaiver        EventKind = "waiver"           // step 6.3
	Withdraw             EventKind = "withdrawal"       // step 7.1
	LodgeAppeal          EventKind = "appeal"           // step 7.3, within 15 days
	SubmitPostExitReport EventKind = "post_exit_report" // step 7.4
)

// Decisions by an officer.
const (
	FindInScope       EventKind = "in_scope"
	FindOutOfScope    EventKind = "out_of_scope"
	AskMoreInfo       EventKind = "more_info"
	FindIncomplete    EventKind = "incomplete"
	FindIneligible    EventKind = "ineligible"
	FindComplete      EventKind = "complete"
	Approve           EventKind = "approve"
	Reject            EventKind = "reject"
	GrantRoundChange  EventKind = "round_change_grant"
	RefuseRoundChange EventKind = "round_change_refuse"
	RecordSigned      EventKind = "signed"
	GrantExtension    EventKind = "extension_grant"
	RefuseExtension   EventKind = "extension_refuse"
	GrantWaiver       EventKind = "waiver_grant"
	RefuseWaiver      EventKind = "waiver_refuse"
	NoticeToFix       EventKind = "notice_to_fix"
	ConfirmFixed      EventKind = "fixed"
	Expel             EventKind = "expel"
	ExpelAtOnce       EventKind = "expel_now"
	ExitSuccess       EventKind = "exit_success"
	ExitPartial       EventKind = "exit_partial"
	ExitFailure       EventKind = "exit_failure"
	UpholdResult      EventKind = "appeal_uphold"
	AllowAppeal       EventKind = "appeal_allow"
	CloseCase         EventKind = "close"
)

// Time running out, raised by a sweep when a window expires.
const (
	ApplicationLapses EventKind = "application_lapsed"
	DecisionOverdue   EventKind = "decision_overdue"
	AgreementLapses   EventKind = "agreement_lapsed"
	AppealLapses      EventKind = "appeal_lapsed"
	FixesOverdue      EventKind = "fixes_overdue"
	ReportOverdue     EventKind = "report_overdue"
	InfoOverdue       EventKind = "more_info_overdue"
	TestingEnds       EventKind = "testing_ended"
)

// Event is one thing that happens to a case. Which fields matter depends on
// the kind; the transition table says which are required (Transition.Needs)
// and Apply refuses an event that lacks them.
type Event struct {
	Kind EventKind
	// Case is the case the event is about; zero for an expression of
	// interest, which opens a new case.
	Case Ref
	// At is when the event happened: when a mail was received, when a
	// window ran out. Zero means the store's clock at Apply.
	At time.Time
	// Actor is who caused it; By names them (an e-mail address, or
	// "clock").
	Actor Actor
	By    string

	Round   int     // a testing round: approval, round change
	Date    Date    // a day: fix-by, new end date, information due
	Text    string  // a reason, what is missing, the grounds of an appeal
	Outcome Outcome // the result an allowed appeal gives

	// Applicant describes the applicant: an expression of interest
	// carries the whole of it; an application only its JuristicID, which
	// must be the case's.
	Applicant *ApplicantInfo
	// Plan is the test plan's schedule; a test plan carries it.
	Plan *Plan
	// Form is the parsed form as JSON, kept with the case's submissions.
	Form json.RawMessage
	// Token identifies the single-use reply token an officer's command came
	// with; an accepted event uses it up in its transaction, and a second
	// event with the same token is refused (ErrTokenUsed). Empty: none.
	Token string
	// Files are the attachments of the message that carried the event.
	// They reach composers (Notice.Event) so that officers get the
	// original documents; the store does not keep them.
	Files []File
	// Source is the inbound message that carried the event, if any; the
	// store records it in the same transaction so that a second delivery
	// of the same message is refused with ErrDuplicate.
	Source *Inbound

	// window is the window whose expiry raised a clock event.
	window *Window
}

// ApplicantInfo is what the expression of interest says of the applicant.
type ApplicantInfo struct {
	OrgName      string `json:"org_name"`
	OrgNameEN    string `json:"org_name_en,omitempty"`
	OrgType      string `json:"org_type,omitempty"`
	JuristicID   string `json:"juristic_id,omitempty"`
	ContactName  string `json:"contact_name,omitempty"`
	ContactEmail string `json:"contact_email"`
	ContactPhone string `json:"contact_phone,omitempty"`
	Solution     string `json:"solution_name"`
	Category     string `json:"category"`
	// Lang is the language the applicant writes in, "th" or "en"; letters
	// follow it.
	Lang string `json:"lang,omitempty"`
}

// Plan is the schedule part of a test plan.
type Plan struct {
	Start Date `json:"start_date"`
	End   Date `json:"end_date"`
	// Every is the reporting period: "monthly" or "quarterly".
	Every string `json:"report_every"`
}

// months returns the length of the reporting period in months.
func (p Plan) months() int {
	if p.Every == "quarterly" {
		return 3
	}
	return 1
}

// Inbound identifies a received message: where it was in the mailbox and
// what it was, so that a second delivery of it is recognised.
type Inbound struct {
	// Mailbox names the intake mailbox (its URL without the password);
	// when set, the message's UID becomes the mailbox's checkpoint in the
	// same transaction (see Store.MailCheckpoint).
	Mailbox     string
	UIDValidity uint32
	UID         uint32
	SHA256      string // hex of the raw message
	MessageID   string
	From        string
	ReceivedAt  time.Time
	// Disposition is where the message goes after the commit:
	// "processed" or "quarantine".
	Disposition string
	// Replied says the bot answered the sender with a message of its own
	// (a refusal, an explanation); Store.RepliesSince counts them.
	Replied bool
}
