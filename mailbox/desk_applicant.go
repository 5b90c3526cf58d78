package mailbox

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"sandboxbot/cases"
)

// applicant acts on a message from anyone who is not an officer: a form
// opens or moves a case; a reply to a case without a form is information
// for it; anything else gets an explanation.
func (d *Desk) applicant(ctx context.Context, in *cases.Inbound, m *Message) (Destination,
	error) {
	ref, threaded := d.caseOf(ctx, m)
	read := d.readForms(ctx, in, m)
	switch {
	case len(read.forms) > 1:
		var names []string
		for _, f := range read.forms {
			names = append(names, f.name)
		}
		return Processed, d.explain(ctx, in, m, "several_forms",
			fmt.Sprintf("the e-mail carries %d forms (%s); send one form per e-mail, "+
				"each with the documents it names", len(names), strings.Join(names, ", ")),
			fmt.Sprintf("อีเมลมีแบบฟอร์ม %d ฉบับ (%s) โปรดส่งหนึ่งแบบฟอร์มต่อหนึ่งอีเมล "+
				"พร้อมเอกสารที่แบบฟอร์มนั้นอ้างถึง", len(names), strings.Join(names, ", ")))
	case len(read.forms) == 1:
		return d.submit(ctx, in, m, read.forms[0], ref, threaded)
	case read.invalid() != nil:
		return d.refuseForm(ctx, in, m, read.invalid(), ref)
	case threaded:
		// Files that could not be read may be documents, not forms (a
		// scanned certificate with a password): the officers get them.
		return d.inform(ctx, in, m, ref)
	case len(read.refused) > 0:
		return d.refuseForm(ctx, in, m, read.refused[0], ref)
	}
	en, th := "no form was attached", "ไม่พบแบบฟอร์มที่แนบมากับอีเมล"
	if len(m.Attachments) > 0 {
		en = "none of the attachments is one of the sandbox's forms"
		th = "ไฟล์แนบไม่ใช่แบบฟอร์มของโครงการ"
	}
	return Processed, d.explain(ctx, in, m, "no_form", en, th)
}

// readForm is an attachment read as a form.
type readForm struct {
	name  string
	event cases.Event
}

// readAttachments are the attachments of a message, sorted.
type readAttachments struct {
	forms   []readForm
	refused []*FormError // forms, or files that may be, that cannot be acted on
}

// invalid returns the first form that was read but cannot be acted on.
func (r readAttachments) invalid() *FormError {
	for _, fe := range r.refused {
		if !fe.Unreadable {
			return fe
		}
	}
	return nil
}

// readForms reads every attachment that may be a form.
func (d *Desk) readForms(ctx context.Context, in *cases.Inbound, m *Message) readAttachments {
	var out readAttachments
	if d.o.Forms == nil {
		return out
	}
	for i, a := range m.Attachments {
		var others []string
		for j, b := range m.Attachments {
			if j != i {
				others = append(others, b.Name)
			}
		}
		e, err := d.o.Forms.ReadForm(ctx, a, others, cases.DateOf(in.ReceivedAt))
		var fe *FormError
		switch {
		case err == nil:
			out.forms = append(out.forms, readForm{name: a.Name, event: e})
		case errors.As(err, &fe):
			out.refused = append(out.refused, fe)
		case errors.Is(err, ErrNotAForm):
		default:
			out.refused = append(out.refused, &FormError{Unreadable: true,
				Reason:   fmt.Sprintf("the attachment %s could not be read (%v)", a.Name, err),
				ReasonTH: fmt.Sprintf("ไม่สามารถอ่านไฟล์แนบ %s ได้", a.Name)})
		}
	}
	return out
}

// submit applies the event a form carries, or records why it is refused.
func (d *Desk) submit(ctx context.Context, in *cases.Inbound, m *Message, f readForm,
	ref cases.Ref, threaded bool) (Destination, error) {
	e := f.event
	e.Actor, e.By, e.At, e.Source, e.Files = cases.ByApplicant, in.From, in.ReceivedAt, in,
		files(m)
	if e.Kind != cases.SubmitInterest {
		if e.Case.IsZero() {
			e.Case = ref
		}
		if threaded && !ref.IsZero() && e.Case != ref {
			return d.refuseEvent(ctx, in, e, fmt.Sprintf("the form is for case %s but the "+
				"e-mail answers case %s; send each case's forms in reply to its own e-mails",
				e.Case, ref), fmt.Sprintf("แบบฟอร์มระบุเรื่อง %s แต่อีเมลนี้ตอบเรื่อง %s "+
				"โปรดส่งแบบฟอร์มของแต่ละเรื่องโดยตอบกลับอีเมลของเรื่องนั้น", e.Case, ref))
		}
		if en, th, ok := d.senderOfCase(ctx, e.Case, in.From); !ok {
			return d.refuseEvent(ctx, in, e, en, th)
		}
	}
	res, err := d.apply(ctx, in, e)
	if err != nil {
		return 0, err
	}
	if res != nil {
		d.log.Info("form received", "case_ref", res.Case.Ref.String(),
			"event", string(e.Kind), "message_id", in.MessageID)
	}
	return Processed, nil
}

// apply applies e; a refusal is recorded and its sender told (refused),
// and then the result is nil. An error means nothing was committed.
func (d *Desk) apply(ctx context.Context, in *cases.Inbound, e cases.Event) (*cases.Result,
	error) {
	res, err := d.o.Store.Apply(ctx, e)
	var refused *cases.RefusedError
	if errors.As(err, &refused) {
		_, err = d.refused(ctx, in, e, err)
		return nil, err
	}
	return res, err
}

// senderOfCase checks that a form for an existing case comes from its
// contact: the same address, or an address of the same domain (a colleague
// of the contact). A form from anyone else could withdraw or change a case
// that is not theirs.
func (d *Desk) senderOfCase(ctx context.Context, ref cases.Ref, from string) (en, th string,
	ok bool) {
	c, err := d.o.Store.Case(ctx, ref)
	if err != nil {
		return fmt.Sprintf("there is no case %s; check the case reference in the form "+
				"(it is in the subject of our e-mails, like [DSS-2569-0001])", ref),
			fmt.Sprintf("ไม่พบเรื่องเลขที่ %s โปรดตรวจสอบเลขที่เรื่องในแบบฟอร์ม "+
				"(อยู่ในหัวเรื่องอีเมลของสำนักงาน เช่น [DSS-2569-0001])", ref), false
	}
	contact := strings.ToLower(c.Applicant.ContactEmail)
	_, cd, _ := strings.Cut(contact, "@")
	_, fd, _ := strings.Cut(from, "@")
	if from == contact || (cd != "" && cd == fd && !freeMail[cd]) {
		return "", "", true
	}
	// The contact's address is not named: the sender may be anyone.
	return fmt.Sprintf("forms and replies for case %s are accepted only from the "+
			"address of its contact person or from the same organisation's domain; this "+
			"e-mail came from %s", ref, from),
		fmt.Sprintf("แบบฟอร์มและการตอบกลับของเรื่อง %s รับจากอีเมลของผู้ติดต่อ หรือจากโดเมน"+
			"ของหน่วยงานเดียวกันเท่านั้น แต่อีเมลนี้ส่งจาก %s", ref, from), false
}

// freeMail are domains whose users are not one organisation.
var freeMail = map[string]bool{"gmail.com": true, "hotmail.com": true, "outlook.com": true,
	"yahoo.com": true, "live.com": true, "icloud.com": true, "googlemail.com": true,
	"hotmail.co.th": true, "yahoo.co.th": true, "msn.com": true, "proton.me": true}

// refuseForm answers a form that could not be acted on.
func (d *Desk) refuseForm(ctx context.Context, in *cases.Inbound, m *Message, fe *FormError,
	ref cases.Ref) (Destination, error) {
	if fe.Unreadable {
		in.Disposition = "quarantine"
		return Quarantine, d.explain(ctx, in, m, "unreadable_form", fe.Reason, fe.ReasonTH)
	}
	if fe.Kind == "" {
		return Processed, d.explain(ctx, in, m, "unreadable_form", fe.Reason, fe.ReasonTH)
	}
	e := cases.Event{Kind: fe.Kind, Case: fe.Case, Actor: cases.ByApplicant, By: in.From,
		At: in.ReceivedAt, Source: in}
	if e.Case.IsZero() && e.Kind != cases.SubmitInterest {
		e.Case = ref
	}
	return d.refuseEvent(ctx, in, e, fe.Reason, fe.ReasonTH)
}

// refuseEvent records an applicant's event refused by the desk itself.
func (d *Desk) refuseEvent(ctx context.Context, in *cases.Inbound, e cases.Event, en,
	th string) (Destination, error) {
	return d.refused(ctx, in, e, &cases.RefusedError{Case: e.Case, Event: e.Kind,
		Err: cases.ErrInvalid, Reason: en, ReasonTH: th})
}

// refused records a refused event and, within the hourly limit, tells
// the sender why.
func (d *Desk) refused(ctx context.Context, in *cases.Inbound, e cases.Event, why error) (
	Destination, error) {
	ok, err := d.mayAnswer(ctx, in.From)
	if err != nil {
		return 0, err
	}
	if !ok {
		err := d.o.Store.Note(ctx, in, e.Case, "refused_unanswered",
			map[string]any{"event": e.Kind, "reason": why.Error()})
		return Processed, err
	}
	in.Replied = true
	e.Source = in
	if _, err := d.o.Store.Refuse(ctx, e, why); err != nil {
		return 0, err
	}
	d.log.Info("form refused", "case_ref", e.Case.String(), "event", string(e.Kind),
		"message_id", in.MessageID, "reason", why.Error())
	return Processed, nil
}

// inform applies a reply to a case that carries no form: information or
// documents for the officers, which resumes a paused stage.
func (d *Desk) inform(ctx context.Context, in *cases.Inbound, m *Message, ref cases.Ref) (
	Destination, error) {
	e := cases.Event{Kind: cases.SendInfo, Case: ref, Actor: cases.ByApplicant, By: in.From,
		At: in.ReceivedAt, Source: in, Text: writtenText(m.Text), Files: files(m)}
	if en, th, ok := d.senderOfCase(ctx, ref, in.From); !ok {
		return d.refuseEvent(ctx, in, e, en, th)
	}
	if _, err := d.apply(ctx, in, e); err != nil {
		return 0, err
	}
	return Processed, nil
}

// writtenText is what the applicant wrote above the text they quote
// (AboveQuote), at most 4,000 characters: the information for the officers.
func writtenText(text string) string {
	s := strings.TrimSpace(AboveQuote(text))
	if r := []rune(s); len(r) > 4000 {
		s = string(r[:4000]) + " …"
	}
	return s
}

// files are a message's attachments as the case store passes them on.
func files(m *Message) []cases.File {
	var out []cases.File
	for _, a := range m.Attachments {
		out = append(out, cases.File{Name: a.Name, ContentType: a.ContentType, Data: a.Data})
	}
	return out
}
