package mailbox

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"sandboxbot/cases"
	"sandboxbot/internal/crashpoint"
)

// FormReader reads an attachment as one of the sandbox's forms. Package
// forms does it; the command line adapts forms.Parse to this interface.
type FormReader interface {
	// ReadForm reads f, one of the attachments of a message received on
	// the given day; others are the names of the message's other
	// attachments (a form may require them). It returns the event the
	// form carries, ready but for who sent it and when. It fails with
	// ErrNotAForm when f is an ordinary document, and with a *FormError
	// when f is a form that cannot be acted on (invalid values, encrypted,
	// macros …), saying why in both languages.
	ReadForm(ctx context.Context, f Attachment, others []string, received cases.Date) (
		cases.Event, error)
}

// FormReaderFunc adapts a function to FormReader.
type FormReaderFunc func(ctx context.Context, f Attachment, others []string,
	received cases.Date) (cases.Event, error)

// ReadForm calls f.
func (fn FormReaderFunc) ReadForm(ctx context.Context, f Attachment, others []string,
	received cases.Date) (cases.Event, error) {
	return fn(ctx, f, others, received)
}

// FormError is a form the desk cannot act on, and why.
type FormError struct {
	// Kind is the event the form would have caused, when known.
	Kind cases.EventKind
	// Case is the case the form names, when it could be read.
	Case cases.Ref
	// Unreadable is set when the file could not be read at all
	// (encrypted, damaged, hostile), as opposed to read with problems.
	Unreadable       bool
	Reason, ReasonTH string
}

func (e *FormError) Error() string { return "mailbox: form refused: " + e.Reason }

// DeskOptions configure a Desk.
type DeskOptions struct {
	// Store is the case store. Required.
	Store *cases.Store
	// Forms reads attachments; nil treats every attachment as a document
	// and answers a mail without a case as unreadable.
	Forms FormReader
	// Officers configure the command path; with no Roster every sender
	// is an applicant.
	Officers Officers
	// Limits bound the messages read.
	Limits Limits
	// MaxMessageBytes is the size limit named in replies; it should be the
	// intake's (default 25 MB).
	MaxMessageBytes int64
	// RepliesPerHour is how many of its own answers (explanations,
	// refusals) the desk sends one sender per hour; more are recorded
	// unanswered (default 5). Acknowledgements of accepted forms are not
	// counted against it: each needs a valid form.
	RepliesPerHour int
	// BlankForms are attached to the explanation sent to a stranger: the
	// blank expression of interest, for example.
	BlankForms []cases.File
	// Logger receives the desk's log; default slog.Default().
	Logger *slog.Logger
}

// Desk is the InboundStore of the intake: it reads each message, decides
// what it is, and commits what it causes in the case store, one
// transaction per message (the inbound record, the event, the outbox rows,
// the checkpoint). It is safe for concurrent use.
type Desk struct {
	o   DeskOptions
	log *slog.Logger
}

// NewDesk checks the options and returns a Desk.
func NewDesk(o DeskOptions) (*Desk, error) {
	if o.Store == nil {
		return nil, errors.New("mailbox: desk needs a case store")
	}
	if o.MaxMessageBytes <= 0 {
		o.MaxMessageBytes = DefaultMaxMessageBytes
	}
	if o.RepliesPerHour <= 0 {
		o.RepliesPerHour = 5
	}
	if o.Officers.Roster != nil && len(o.Officers.TokenKey) < MinTokenKey {
		return nil, fmt.Errorf("mailbox: desk: the reply token key has %d bytes, fewer "+
			"than %d", len(o.Officers.TokenKey), MinTokenKey)
	}
	d := &Desk{o: o, log: o.Logger}
	if d.log == nil {
		d.log = slog.Default()
	}
	return d, nil
}

// Checkpoint returns the store's checkpoint of mailbox.
func (d *Desk) Checkpoint(ctx context.Context, mailbox string) (Checkpoint, error) {
	v, u, err := d.o.Store.MailCheckpoint(ctx, mailbox)
	return Checkpoint{UIDValidity: v, LastUID: u}, err
}

// Committed reports whether m was committed before: by its SHA-256, and by
// its Message-ID after a UIDVALIDITY change.
func (d *Desk) Committed(ctx context.Context, m *Inbound) (Destination, bool, error) {
	id := ""
	if m.Resync {
		id = m.MessageID
	}
	disp, ok, err := d.o.Store.Received(ctx, hex.EncodeToString(m.SHA256[:]), id)
	if err != nil || !ok {
		return 0, false, err
	}
	return destination(disp), true, nil
}

func destination(disp string) Destination {
	if disp == "quarantine" {
		return Quarantine
	}
	return Processed
}

// Commit acts on m (see the package doc, "The desk").
func (d *Desk) Commit(ctx context.Context, m *Inbound) (Destination, error) {
	in := d.record(m)
	dest, err := d.commit(ctx, m, in)
	if errors.Is(err, cases.ErrDuplicate) {
		// Committed before under another UID, or raced: where it went.
		dest, _, err = d.Committed(ctx, &Inbound{SHA256: m.SHA256})
		if dest == 0 {
			dest = Processed
		}
		return dest, err
	}
	return dest, err
}

func (d *Desk) commit(ctx context.Context, m *Inbound, in *cases.Inbound) (Destination,
	error) {
	if m.Truncated {
		msg, _ := ReadMessage(m.Raw, d.o.Limits) // the header is all there is
		return d.overLimit(ctx, in, msg, &LimitError{What: "size",
			Limit: d.o.MaxMessageBytes, Got: m.Size})
	}
	msg, err := ReadMessage(m.Raw, d.o.Limits)
	crashpoint.Hit("after_parse")
	var lim *LimitError
	switch {
	case errors.As(err, &lim):
		hdr, _ := ReadMessage(headerOnly(m.Raw), d.o.Limits)
		return d.overLimit(ctx, in, hdr, lim)
	case err != nil:
		return d.ignore(ctx, in, nil, "unreadable", err.Error())
	}
	if len(msg.From) > 0 {
		in.From = strings.ToLower(msg.From[0].Address)
	}
	if why := Classify(msg); why != Answerable {
		return d.loop(ctx, in, msg, why)
	}
	for _, f := range msg.From {
		if d.o.Officers.Roster.IsOfficer(f.Address) {
			// Even beside another From: the command path refuses that,
			// tells the officer named, and records it against the case.
			in.From = strings.ToLower(f.Address)
			return d.command(ctx, in, msg, m.Raw)
		}
	}
	if len(msg.From) != 1 {
		return d.ignore(ctx, in, msg, "several_senders",
			fmt.Sprintf("%d From mailboxes (RFC 5322 s3.6.2 allows one sender here)",
				len(msg.From)))
	}
	return d.applicant(ctx, in, msg)
}

// record is the inbound record of m, as the case store keeps it.
func (d *Desk) record(m *Inbound) *cases.Inbound {
	at := d.o.Store.Clock().Now()
	if !m.Received.IsZero() && m.Received.Before(at) {
		at = m.Received // the day the mail arrived, not when the bot read it
	}
	return &cases.Inbound{Mailbox: m.Mailbox, UIDValidity: m.UIDValidity, UID: m.UID,
		SHA256: hex.EncodeToString(m.SHA256[:]), MessageID: m.MessageID,
		ReceivedAt: at.In(cases.Bangkok), Disposition: "processed"}
}

// loop records a message that must not be answered; a delivery report is
// recorded against the message it reports on.
func (d *Desk) loop(ctx context.Context, in *cases.Inbound, m *Message, why NoReply) (
	Destination, error) {
	if why == Report && m.Report != nil && m.Report.MessageID != "" && m.Report.Failed() {
		status := strings.TrimSpace(m.Report.Status + " " + m.Report.Diagnostic)
		ref, err := d.o.Store.Bounce(ctx, in, m.Report.MessageID, status)
		if err == nil {
			d.log.Info("delivery report", "case_ref", ref.String(), "message_id",
				m.Report.MessageID, "status", m.Report.Status)
		}
		return Processed, err
	}
	in.Disposition = "quarantine"
	return d.ignore(ctx, in, m, "not_answered", string(why))
}

// ignore records a message that gets no answer at all.
func (d *Desk) ignore(ctx context.Context, in *cases.Inbound, m *Message, kind,
	why string) (Destination, error) {
	in.Disposition = "quarantine"
	detail := map[string]any{"why": why, "message_id": in.MessageID}
	if m != nil {
		detail["subject"] = m.Subject
	}
	if err := d.o.Store.Note(ctx, in, cases.Ref{}, kind, detail); err != nil {
		return 0, err
	}
	d.log.Info("message not answered", "message_id", in.MessageID, "why", why)
	return Quarantine, nil
}

// overLimit quarantines a message over a limit and tells the sender which.
func (d *Desk) overLimit(ctx context.Context, in *cases.Inbound, hdr *Message,
	lim *LimitError) (Destination, error) {
	in.Disposition = "quarantine"
	if hdr == nil || Classify(hdr) != Answerable || len(hdr.From) != 1 {
		return d.ignore(ctx, in, hdr, "not_answered", lim.Error())
	}
	in.From = strings.ToLower(hdr.From[0].Address)
	en, th := limitText(lim)
	return Quarantine, d.explain(ctx, in, hdr, "over_limit", en, th)
}

// limitText says which limit a message went over, in both languages.
func limitText(lim *LimitError) (en, th string) {
	switch lim.What {
	case "size":
		mb := float64(lim.Limit) / (1 << 20)
		return fmt.Sprintf("the e-mail is %.1f MB, over the limit of %.0f MB; send the "+
				"documents in several e-mails, or smaller", float64(lim.Got)/(1<<20), mb),
			fmt.Sprintf("อีเมลมีขนาด %.1f MB เกินขนาดสูงสุด %.0f MB โปรดแบ่งส่งเอกสารเป็น"+
				"หลายอีเมล หรือลดขนาดไฟล์", float64(lim.Got)/(1<<20), mb)
	case "parts":
		return fmt.Sprintf("the e-mail has more than %d parts (attachments and texts); "+
				"send fewer files in one e-mail", lim.Limit),
			fmt.Sprintf("อีเมลมีส่วนประกอบ (ไฟล์แนบและข้อความ) เกิน %d ส่วน "+
				"โปรดแบ่งส่งไฟล์เป็นหลายอีเมล", lim.Limit)
	}
	return fmt.Sprintf("the e-mail nests messages more than %d deep; attach the files "+
			"themselves rather than forwarded messages", lim.Limit),
		fmt.Sprintf("อีเมลซ้อนข้อความไว้ลึกเกิน %d ชั้น โปรดแนบไฟล์โดยตรงแทนการส่งต่ออีเมล",
			lim.Limit)
}

// explain answers the sender with what the bot accepts and why it could not
// act, at most RepliesPerHour times an hour.
func (d *Desk) explain(ctx context.Context, in *cases.Inbound, m *Message, kind, en,
	th string) error {
	c := cases.Case{Stage: cases.None}
	if ref, ok := d.caseOf(ctx, m); ok {
		if got, err := d.o.Store.Case(ctx, ref); err == nil &&
			strings.EqualFold(got.Applicant.ContactEmail, in.From) {
			c = *got
		}
	}
	detail := map[string]any{"why": en, "message_id": in.MessageID}
	if ok, err := d.mayAnswer(ctx, in.From); err != nil || !ok {
		if err != nil {
			return err
		}
		err = d.o.Store.Note(ctx, in, c.Ref, kind+"_unanswered", detail)
		return err
	}
	in.Replied = true
	n := cases.Notice{Kind: cases.NoticeHowTo, To: cases.ToActor, Case: c, From: c.Stage,
		Event:  cases.Event{Actor: cases.ByApplicant, By: in.From, Source: in},
		Reason: en, ReasonTH: th}
	if c.Ref.IsZero() {
		n.Files = d.o.BlankForms
	}
	_, err := d.o.Store.Reply(ctx, in, n, kind, detail)
	return err
}

// mayAnswer reports whether the desk may send addr one more answer of its
// own this hour.
func (d *Desk) mayAnswer(ctx context.Context, addr string) (bool, error) {
	since := d.o.Store.Clock().Now().Add(-time.Hour)
	n, err := d.o.Store.RepliesSince(ctx, addr, since)
	return n < d.o.RepliesPerHour, err
}

// caseOf finds the case a message is about: a reference in the subject, or
// one of our Message-IDs in In-Reply-To or References.
func (d *Desk) caseOf(ctx context.Context, m *Message) (cases.Ref, bool) {
	if m == nil {
		return cases.Ref{}, false
	}
	if ref, ok := cases.FindRef(m.Subject); ok {
		return ref, true
	}
	ids := append(append([]string(nil), m.InReplyTo...), m.References...)
	if len(ids) == 0 {
		return cases.Ref{}, false
	}
	ref, ok, err := d.o.Store.CaseOfMessage(ctx, ids)
	if err != nil {
		d.log.Warn("threading a reply", "message_id", m.MessageID, "err", err)
	}
	return ref, ok && err == nil
}
