package cases

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// NoticeKind names a message the process owes someone: a letter, an
// acknowledgement, a reminder, an alert. The transition table says which a
// transition owes and to whom; package notices writes them.
type NoticeKind string

// Notices to the applicant. Those marked letter are official letters with
// a number from the outgoing register.
const (
	NoticeAcknowledgement   NoticeKind = "acknowledgement"
	NoticeInScope           NoticeKind = "in_scope"     // letter
	NoticeOutOfScope        NoticeKind = "out_of_scope" // letter
	NoticeMoreInfo          NoticeKind = "more_info"    // letter
	NoticeIncomplete        NoticeKind = "incomplete"   // letter
	NoticeIneligible        NoticeKind = "ineligible"   // letter
	NoticeComplete          NoticeKind = "complete"     // letter
	NoticeApproval          NoticeKind = "approval"     // letter, with the agreement
	NoticeRejection         NoticeKind = "rejection"    // letter
	NoticeRoundChangeGrant  NoticeKind = "round_change_granted"
	NoticeRoundChangeRefuse NoticeKind = "round_change_refused"
	NoticeApplicationLapsed NoticeKind = "application_lapsed"
	NoticeApprovalLapsed    NoticeKind = "approval_lapsed"
	NoticeTestingStarts     NoticeKind = "testing_starts"
	NoticeExtensionGrant    NoticeKind = "extension_granted"
	NoticeExtensionRefuse   NoticeKind = "extension_refused"
	NoticeWaiverGrant       NoticeKind = "waiver_granted"
	NoticeWaiverRefuse      NoticeKind = "waiver_refused"
	NoticeToFixLetter       NoticeKind = "notice_to_fix"
	NoticeFixesAccepted     NoticeKind = "fixes_accepted"
	NoticeExpulsion         NoticeKind = "expulsion"
	NoticeExitSuccess       NoticeKind = "exit_success"
	NoticeExitPartial       NoticeKind = "exit_partial"
	NoticeExitFailure       NoticeKind = "exit_failure"
	NoticeWithdrawal        NoticeKind = "withdrawal_acknowledged"
	NoticeTestingEnded      NoticeKind = "testing_ended"
	NoticeAppealUpheld      NoticeKind = "appeal_upheld"
	NoticeAppealAllowed     NoticeKind = "appeal_allowed"
	NoticeResultFinal       NoticeKind = "result_final"
	NoticeReportOverdue     NoticeKind = "report_overdue"
	NoticeCaseClosed        NoticeKind = "case_closed"
	NoticeReminder          NoticeKind = "reminder"
)

// Notices to officers, management and the officer who acted.
const (
	// NoticeSubmission tells the officers on duty of a submission or reply.
	NoticeSubmission NoticeKind = "submission"
	// NoticeConfirmation tells the officer who gave a command what it did.
	NoticeConfirmation NoticeKind = "confirmation"
	// NoticeOfficerPrompt tells officers that a window ran out and they
	// must decide what follows.
	NoticeOfficerPrompt NoticeKind = "officer_prompt"
	// NoticeDecisionOverdue alerts officers and management that the
	// agency's own 30-day decision window has run out.
	NoticeDecisionOverdue NoticeKind = "decision_overdue"
	// NoticeRefusal answers an event that was refused, saying why.
	NoticeRefusal NoticeKind = "refusal"
	// NoticeProposal tells officers that a decision awaits a second
	// officer under the four-eyes rule (Notice.Proposal), and the officer
	// who proposed it that it was recorded.
	NoticeProposal NoticeKind = "proposal"
	// NoticeDeliveryFailed tells officers that a message could not be
	// delivered for good (Notice.Reason holds the server's answer).
	NoticeDeliveryFailed NoticeKind = "delivery_failed"
	// NoticeHowTo answers a mail the bot could not act on (no form, an
	// unreadable attachment, over a limit) with what it accepts and how to
	// send it; Notice.Reason and ReasonTH say what was wrong, Notice.Files
	// may carry blank forms.
	NoticeHowTo NoticeKind = "how_to"
	// NoticeCommandReply answers an officer's query (HELP, STATUS) with the
	// text in Notice.Reason (English) and Notice.ReasonTH (Thai).
	NoticeCommandReply NoticeKind = "command_reply"
	// NoticeStatusReport carries the status workbook (Notice.Files) to
	// management, or to the officer who asked for it (ToActor, Event.By);
	// Notice.Reason and ReasonTH sum it up.
	NoticeStatusReport NoticeKind = "status_report"
	// NoticeDigest lists for the officers, first due first, what the
	// agency has to do (Notice.Reason in English, ReasonTH in Thai), with
	// the same rows in Notice.Files when asked.
	NoticeDigest NoticeKind = "digest"
)

// ReportNotices are the notices the scheduler, or an officer, asks for
// with Store.Notify: the status workbook and the officers' digest.
var ReportNotices = []NoticeKind{NoticeStatusReport, NoticeDigest}

// DeskNotices are the notices the mail intake owes by itself, beside those
// of the workflow and the store: explanations to senders and answers to
// officers' queries.
var DeskNotices = []NoticeKind{NoticeHowTo, NoticeCommandReply}

// StoreNotices are the notices the store owes by itself, beside those the
// transition table owes: reminders, refusals, delivery failures and
// four-eyes proposals.
var StoreNotices = []NoticeKind{NoticeReminder, NoticeRefusal, NoticeDeliveryFailed,
	NoticeProposal}

// Recipient is to whom a notice goes; the composer turns it into addresses.
type Recipient string

const (
	ToApplicant  Recipient = "applicant"  // the case's contact address
	ToOfficers   Recipient = "officers"   // the officers on duty
	ToManagement Recipient = "management" // the management list
	ToActor      Recipient = "actor"      // whoever caused the event (Event.By)
)

// Owed is one notice a transition owes.
type Owed struct {
	Kind NoticeKind
	To   Recipient
	// Letter marks an official letter: it takes the next number of the
	// outgoing register (ที่ …/ปี).
	Letter bool
}

// Notice is everything a composer needs to write one owed notice.
type Notice struct {
	Kind     NoticeKind
	To       Recipient
	LetterNo string // the register number, for a letter; "" otherwise
	// Case is the case as the transition left it.
	Case Case
	// Event is what caused the notice; for a reminder its Kind is empty.
	Event Event
	// From is the stage the case was in before the event.
	From Stage
	// Window is the window a reminder or an expiry is about.
	Window *Window
	// Windows are the windows the transition opened. A pending window's
	// Start and Due are given as if the notice is delivered today, which
	// is what the letter states; the store counts the window from the day
	// it really is.
	Windows []Window
	// records reads the latest forms of the case; see Record.
	records func(ctx context.Context) (map[EventKind]json.RawMessage, error)
	// Proposal is the four-eyes proposal a NoticeProposal is about.
	Proposal *Proposal
	// Files are extra files to attach, given by whoever asked for a notice
	// no event causes (Store.Notify): the status workbook, a digest.
	Files []File
	// Reason says why an event was refused (NoticeRefusal), in English;
	// ReasonTH says it in Thai when the refusal has a Thai wording.
	Reason   string
	ReasonTH string
	// At is when the notice was written.
	At time.Time
}

// Records returns the latest form of each kind the applicant submitted for
// the case, as the JSON the event carried (Event.Form): what a letter or
// the agreement quotes, such as the test plan annexed to the agreement. Only
// letters have records (nil otherwise). The first call reads the database
// within the store's transaction, so call it from Compose, not later.
func (n Notice) Records(ctx context.Context) (map[EventKind]json.RawMessage, error) {
	if n.records == nil {
		return nil, nil
	}
	return n.records(ctx)
}

// SetRecords gives the notice its records, for notices built outside the
// store (samples, tests) or already read.
func (n *Notice) SetRecords(m map[EventKind]json.RawMessage) {
	n.records = func(context.Context) (map[EventKind]json.RawMessage, error) { return m, nil }
}

// File is a file attached to a notice.
type File struct {
	Name        string
	ContentType string
	Data        []byte
}

// Message is one outgoing mail, complete, as the outbox stores and sends it.
type Message struct {
	// MessageID is the Message-ID written in Raw, with angle brackets
	// (RFC 5322 s.3.6.4). It must be unique; see NewMessageID.
	MessageID string
	From      string   // envelope sender
	To        []string // envelope recipients
	Raw       []byte   // the whole message, headers and body
}

// A Composer writes the messages for a notice. It is called inside the
// transaction that owes the notice, so what it returns is stored with the
// state change or not at all. It returns no messages when there is nobody to
// send the notice to. Implementations must not send anything themselves.
type Composer interface {
	Compose(ctx context.Context, n Notice) ([]Message, error)
}

// ComposerFunc adapts a function to the Composer interface.
type ComposerFunc func(ctx context.Context, n Notice) ([]Message, error)

// Compose calls f.
func (f ComposerFunc) Compose(ctx context.Context, n Notice) ([]Message, error) {
	return f(ctx, n)
}

// NewMessageID returns a new random Message-ID in the given domain, with
// the case reference in its local part when there is one, for example
// <DSS-2563-0001.in_scope.3f9a…@etda.or.th>.
func NewMessageID(ref Ref, kind NoticeKind, domain string) string {
	var b [12]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	local := hex.EncodeToString(b[:])
	if kind != "" {
		local = string(kind) + "." + local
	}
	if !ref.IsZero() {
		local = ref.String() + "." + local
	}
	return fmt.Sprintf("<%s@%s>", local, strings.Trim(domain, "<>@ "))
}
