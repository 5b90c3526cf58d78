package mailbox

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"sandboxbot/cases"
)

// Officers configure the command path of a Desk: who the officers are,
// what proves a sender, and the key of the reply tokens.
type Officers struct {
	// Roster names the officers and what each may command.
	Roster *Roster
	// Sender is what proves that a command comes from its From address.
	Sender SenderPolicy
	// TokenKey signs the reply tokens (at least MinTokenKey bytes); the
	// composer issues them with the same key.
	TokenKey []byte
	// Bot is the bot's address, whose sub-address carries the token.
	Bot string
	// Report writes the notice that answers REPORT from officer: the
	// status workbook (cases.NoticeStatusReport to cases.ToActor); nil
	// answers that reports are not available.
	Report func(ctx context.Context, officer string) (cases.Notice, error)
}

// command acts on a message from an address on the roster, in the order
// that lets nothing unproven change a case (FORMS.md, "Officer commands"):
//
//  1. the sender is proven (ProveSender): our server's DKIM verdict or a
//     signature checked here; a Reply-To elsewhere is refused;
//  2. the command is read above the quoted text (ReadCommand);
//  3. the officer may give it (Roster.May);
//  4. a query (HELP, STATUS, REPORT) is answered at once;
//  5. a decision needs the reply token of the bot's mail about the case,
//     issued to this officer for the case's present stage (VerifyToken);
//  6. the event is applied with the token, which the store uses up in the
//     same transaction; a refusal is recorded and the officer told why.
//
// Every refusal is recorded in the audit trail and answered; what failed
// steps 1 or 5 is quarantined for a person to look at.
func (d *Desk) command(ctx context.Context, in *cases.Inbound, m *Message, raw []byte) (
	Destination, error) {
	o := d.o.Officers
	officer, _ := o.Roster.Lookup(in.From)
	ref, _ := d.caseOf(ctx, m)
	e := cases.Event{Case: ref, Actor: cases.ByOfficer, By: officer.Address,
		At: in.ReceivedAt, Source: in}

	proof, err := ProveSender(ctx, raw, o.Sender)
	var se *SenderError
	switch {
	case errors.As(err, &se) && errors.Is(err, ErrSenderTemporary):
		return 0, err // DNS trouble: the message stays in the inbox for later
	case errors.As(err, &se):
		return d.quarantineCommand(ctx, in, e, "sender_unproven", se.Reason, se.ReasonTH)
	case err != nil:
		return 0, err
	case !strings.EqualFold(proof.Address, officer.Address):
		return d.quarantineCommand(ctx, in, e, "sender_unproven",
			"the proven sender "+proof.Address+" is not the officer "+officer.Address,
			"ผู้ส่งที่พิสูจน์ได้ "+proof.Address+" ไม่ใช่เจ้าหน้าที่ "+officer.Address)
	}
	if rt := replyToElsewhere(m); rt != "" {
		return d.quarantineCommand(ctx, in, e, "reply_to_elsewhere",
			fmt.Sprintf("the command's Reply-To is %s, not the officer's own address; "+
				"commands are taken only from mail whose answers go back to its sender", rt),
			fmt.Sprintf("ที่อยู่ Reply-To ของคำสั่งคือ %s ไม่ใช่อีเมลของเจ้าหน้าที่เอง "+
				"ระบบรับคำสั่งเฉพาะอีเมลที่คำตอบส่งกลับถึงผู้ส่งเท่านั้น", rt))
	}

	cmd, err := ReadCommand(m.Text)
	var ce *CommandError
	if errors.As(err, &ce) {
		return d.refuseCommand(ctx, in, e, ce.Reason, ce.ReasonTH)
	} else if err != nil {
		return 0, err
	}
	e = d.commandEvent(cmd, e)
	if !o.Roster.May(officer, cmd) {
		return d.refuseCommand(ctx, in, e,
			fmt.Sprintf("%s may not give %s (roles: %s); reply HELP for the commands you may "+
				"give", officer.Address, cmd.Word, strings.Join(officer.Roles, ", ")),
			fmt.Sprintf("%s ไม่มีสิทธิ์สั่ง %s (บทบาท: %s) ตอบกลับด้วยคำว่า ช่วยเหลือ "+
				"เพื่อดูคำสั่งที่ท่านใช้ได้", officer.Address, cmd.Word,
				strings.Join(officer.Roles, ", ")))
	}
	if cmd.IsQuery() {
		return d.query(ctx, in, officer, cmd, ref)
	}
	return d.decide(ctx, in, m, officer, e)
}

// commandEvent fills e with the command's event.
func (d *Desk) commandEvent(cmd Command, e cases.Event) cases.Event {
	ce := cmd.Event()
	ce.Case, ce.Actor, ce.By, ce.At, ce.Source = e.Case, e.Actor, e.By, e.At, e.Source
	return ce
}

// replyToElsewhere returns the first Reply-To address that is not the
// sender's, or "".
func replyToElsewhere(m *Message) string {
	v := m.Header.Get("Reply-To")
	if v == "" {
		return ""
	}
	for _, a := range addressesIn(headerText(v)) {
		if !strings.EqualFold(a, m.From[0].Address) {
			return a
		}
	}
	return ""
}

// decide applies an officer's decision that came with a valid token.
func (d *Desk) decide(ctx context.Context, in *cases.Inbound, m *Message, officer Officer,
	e cases.Event) (Destination, error) {
	o := d.o.Officers
	if e.Case.IsZero() {
		return d.refuseCommand(ctx, in, e, "the command names no case: reply to the bot's "+
			"mail about the case, keeping its reference (like [DSS-2569-0001]) in the subject",
			"คำสั่งไม่ได้ระบุเรื่อง กรุณาตอบกลับอีเมลของระบบเกี่ยวกับเรื่องนั้น "+
				"โดยคงเลขที่เรื่อง (เช่น [DSS-2569-0001]) ไว้ในหัวเรื่อง")
	}
	c, err := d.o.Store.Case(ctx, e.Case)
	if errors.Is(err, cases.ErrNotFound) {
		return d.refuseCommand(ctx, in, e, fmt.Sprintf("there is no case %s", e.Case),
			fmt.Sprintf("ไม่พบเรื่องเลขที่ %s", e.Case))
	} else if err != nil {
		return 0, err
	}
	raw, ok := FindToken(o.Bot, m.Recipients)
	if !ok {
		return d.quarantineCommand(ctx, in, e, "no_token", "the command carries no reply "+
			"token: reply to the bot's own mail about the case (its reply address holds the "+
			"token); a new mail cannot give commands",
			"คำสั่งไม่มีรหัสตอบกลับ กรุณาตอบกลับอีเมลของระบบเกี่ยวกับเรื่องนั้น "+
				"(ที่อยู่ตอบกลับมีรหัสอยู่) อีเมลที่เขียนใหม่ใช้สั่งการไม่ได้")
	}
	tok, err := VerifyToken(o.TokenKey, raw, d.o.Store.Clock().Now(), officer.Address,
		c.Ref, c.Stage)
	var te *TokenError
	if errors.As(err, &te) {
		return d.quarantineCommand(ctx, in, e, "bad_token", te.Reason, te.ReasonTH)
	} else if err != nil {
		return 0, err
	}
	e.Token = tok.ID()
	res, err := d.apply(ctx, in, e)
	if err != nil {
		return 0, err
	}
	if res != nil {
		d.log.Info("command accepted", "case_ref", e.Case.String(),
			"event", string(e.Kind), "by", officer.Address, "proposal", res.Proposal != nil)
	}
	return Processed, nil
}

// refuseCommand records a command refused by the desk and tells the
// officer why.
func (d *Desk) refuseCommand(ctx context.Context, in *cases.Inbound, e cases.Event, en,
	th string) (Destination, error) {
	return d.refused(ctx, in, e, &cases.RefusedError{Case: e.Case, Event: e.Kind,
		Err: cases.ErrNotAllowed, Reason: en, ReasonTH: th})
}

// quarantineCommand refuses a command whose sender or token does not hold
// and puts it in Quarantine.
func (d *Desk) quarantineCommand(ctx context.Context, in *cases.Inbound, e cases.Event,
	kind, en, th string) (Destination, error) {
	in.Disposition = "quarantine"
	d.log.Warn("command refused", "why", kind, "from", in.From, "message_id", in.MessageID,
		"reason", en)
	_, err := d.refuseCommand(ctx, in, e, en, th)
	return Quarantine, err
}

// query answers HELP, STATUS and REPORT.
func (d *Desk) query(ctx context.Context, in *cases.Inbound, officer Officer, cmd Command,
	ref cases.Ref) (Destination, error) {
	c := &cases.Case{Stage: cases.None}
	if !ref.IsZero() {
		got, err := d.o.Store.Case(ctx, ref)
		if err != nil && !errors.Is(err, cases.ErrNotFound) {
			return 0, err
		}
		if got != nil {
			c = got
		}
	}
	n := cases.Notice{Kind: cases.NoticeCommandReply, To: cases.ToActor, Case: *c,
		From: c.Stage, Event: cases.Event{Case: c.Ref, Actor: cases.ByOfficer,
			By: officer.Address, Source: in}}
	today := cases.DateOf(d.o.Store.Clock().Now())
	switch cmd.Query {
	case QueryHelp:
		n.Reason = HelpText(c.Stage, c.Paused, officer, d.o.Officers.Roster)
	case QueryStatus:
		n.Reason = StatusText(c, today)
	case QueryReport:
		if d.o.Officers.Report == nil {
			n.Reason = "Reports are not available from this bot.\n" +
				"รายงานไม่พร้อมให้บริการจากระบบนี้"
			break
		}
		report, err := d.o.Officers.Report(ctx, officer.Address)
		if err != nil {
			return 0, err
		}
		report.Event.Source = in
		n = report
	}
	if _, err := d.o.Store.Reply(ctx, in, n, "query", map[string]any{
		"query": cmd.Query, "message_id": in.MessageID}); err != nil {
		return 0, err
	}
	return Processed, nil
}
