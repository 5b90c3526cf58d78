package mailbox

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/mail"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sandboxbot/cases"
)

// deskHarness is a Desk on a real case store in a temporary directory, with
// a composer that writes real MIME and a renderer that writes the notice
// kind and reason as text.
type deskHarness struct {
	t     *testing.T
	ctx   context.Context
	store *cases.Store
	clock *cases.ManualClock
	desk  *Desk
	uid   uint32
}

// testRenderer renders "kind to reason" as subject and body.
var testRenderer = RendererFunc(func(_ context.Context, n cases.Notice) (*Rendered, error) {
	subject := fmt.Sprintf("%s %s", n.Case.Ref.Tag(), n.Kind)
	return &Rendered{Subject: subject, Body: n.Reason + "\n" + n.ReasonTH + "\n"}, nil
})

// testDirectory has one officer on duty.
type testDirectory []string

func (d testDirectory) OfficersFor(cases.Stage) []string { return d }
func (d testDirectory) IsOfficer(addr string) bool {
	for _, a := range d {
		if strings.EqualFold(a, addr) {
			return true
		}
	}
	return false
}

// testForms reads an attachment whose name ends in .form: its bytes are
// the JSON of the event; "broken.form" is a form with problems and
// "locked.form" an encrypted one.
var testForms = FormReaderFunc(func(_ context.Context, a Attachment, _ []string,
	_ cases.Date) (cases.Event, error) {
	switch {
	case a.Name == "broken.form":
		return cases.Event{}, &FormError{Kind: cases.SubmitApplication,
			Case: cases.Ref{Year: 2569, Seq: 1}, Reason: "juristic_id: not 13 digits",
			ReasonTH: "เลขทะเบียนนิติบุคคลไม่ครบ 13 หลัก"}
	case a.Name == "locked.form":
		return cases.Event{}, &FormError{Unreadable: true, Reason: "locked.form has a password",
			ReasonTH: "locked.form มีรหัสผ่าน"}
	case !strings.HasSuffix(a.Name, ".form"):
		return cases.Event{}, ErrNotAForm
	}
	var e cases.Event
	if err := json.Unmarshal(a.Data, &e); err != nil {
		return cases.Event{}, err
	}
	return e, nil
})

func newDeskHarness(t *testing.T) *deskHarness {
	t.Helper()
	ctx := context.Background()
	clock := cases.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, cases.Bangkok))
	dir := testDirectory{"officer@etda.test"}
	comp, err := NewComposer(ComposerOptions{Renderer: testRenderer, Directory: dir,
		From: mail.Address{Name: "Sandbox", Address: "bot@etda.test"}})
	if err != nil {
		t.Fatal(err)
	}
	s := newTestStore(t, cases.Options{Clock: clock, Composer: comp})
	d, err := NewDesk(DeskOptions{Store: s, Forms: testForms,
		BlankForms: []cases.File{{Name: "interest.pdf", ContentType: "application/pdf",
			Data: []byte("%PDF-1.7 blank")}},
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	return &deskHarness{t: t, ctx: ctx, store: s, clock: clock, desk: d}
}

// newTestStore is a case store in a temporary directory with o, whose
// round 1 takes e-documents all through 2026.
func newTestStore(t *testing.T, o cases.Options) *cases.Store {
	t.Helper()
	o.Logger = slog.New(slog.DiscardHandler)
	s, err := cases.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "db"), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	err = s.PutRound(context.Background(), cases.Round{Number: 1,
		Opens: cases.NewDate(2026, 1, 1), Closes: cases.NewDate(2026, 12, 31),
		Categories: []string{"e-document"}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// commit hands raw to the desk as the next message of the mailbox.
func (h *deskHarness) commit(raw string) Destination {
	h.t.Helper()
	h.uid++
	b := []byte(strings.ReplaceAll(raw, "\n", "\r\n"))
	m := &Inbound{Mailbox: "imap://bot@test/INBOX", UIDValidity: 1, UID: h.uid,
		SHA256: sha256.Sum256(b), MessageID: MessageID(b), Raw: b, Size: int64(len(b)),
		Received: h.clock.Now()}
	d, err := h.desk.Commit(h.ctx, m)
	if err != nil {
		h.t.Fatalf("commit: %v", err)
	}
	return d
}

// outbox claims every queued row and returns "notice>recipient" for each.
func (h *deskHarness) outbox() []string {
	h.t.Helper()
	rows, err := h.store.ClaimOutbox(h.ctx, time.Hour, 100)
	if err != nil {
		h.t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, string(r.Notice)+">"+strings.Join(r.To, ","))
		if err := h.store.MarkSent(h.ctx, r.ID, "250 ok", h.clock.Now()); err != nil {
			h.t.Fatal(err)
		}
	}
	return out
}

// bodyOf returns the text of an outbox message, decoded.
func bodyOf(t *testing.T, r cases.OutboxRow) string {
	t.Helper()
	m, err := ReadMessage(r.Raw, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return m.Text
}

func (h *deskHarness) rows() []cases.OutboxRow {
	rows, _ := h.store.ClaimOutbox(h.ctx, time.Hour, 100)
	return rows
}

// withForm is a message from addr with one attachment.
func withForm(from, subject, name string, data string, extra ...string) string {
	return fmt.Sprintf(`From: %s
To: bot@etda.test
Subject: %s
Message-ID: <%d.%s@corp.test>
MIME-Version: 1.0
%sContent-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain; charset=utf-8

Please find the form attached.
--b
Content-Type: application/octet-stream
Content-Disposition: attachment; filename="%s"

%s
--b--
`, from, subject, time.Now().UnixNano(), name, strings.Join(extra, ""), name, data)
}

func interestJSON() string {
	b, _ := json.Marshal(cases.Event{Kind: cases.SubmitInterest,
		Applicant: &cases.ApplicantInfo{OrgName: "บริษัท ทดสอบ จำกัด",
			ContactEmail: "apply@corp.test", Solution: "e-Sign", Category: "e-document"}})
	return string(b)
}

func want(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("outbox %v, want %v", got, want)
	}
}

func TestDeskOpensACaseOnce(t *testing.T) {
	t.Parallel()
	h := newDeskHarness(t)
	raw := withForm("Somchai <apply@corp.test>", "แบบแจ้งความประสงค์", "interest.form",
		interestJSON())
	if d := h.commit(raw); d != Processed {
		t.Fatalf("destination %v", d)
	}
	want(t, h.outbox(), "acknowledgement>apply@corp.test", "submission>officer@etda.test")
	// The same bytes again, under another UID: nothing new.
	if d := h.commit(raw); d != Processed {
		t.Fatalf("second delivery: %v", d)
	}
	want(t, h.outbox())
	list, _ := h.store.Cases(h.ctx)
	if len(list) != 1 || list[0].Applicant.ContactEmail != "apply@corp.test" {
		t.Fatalf("cases %v", list)
	}
	v, u, _ := h.store.MailCheckpoint(h.ctx, "imap://bot@test/INBOX")
	if v != 1 || u != 1 {
		t.Fatalf("checkpoint %d/%d, want 1/1 (the duplicate commits nothing)", v, u)
	}
	sha := sha256.Sum256([]byte(strings.ReplaceAll(raw, "\n", "\r\n")))
	if d, ok, _ := h.desk.Committed(h.ctx, &Inbound{SHA256: sha}); !ok || d != Processed {
		t.Fatalf("Committed: %v %v", d, ok)
	}
}

func TestDeskAnswersStrangersAtMostFiveTimesAnHour(t *testing.T) {
	t.Parallel()
	h := newDeskHarness(t)
	for i := range 7 {
		raw := fmt.Sprintf("From: someone@example.com\nSubject: hello %d\n"+
			"Message-ID: <hello%d@example.com>\n\nWhat is this?\n", i, i)
		if d := h.commit(raw); d != Processed {
			t.Fatalf("destination %v", d)
		}
	}
	rows := h.rows()
	if len(rows) != 5 {
		t.Fatalf("%d answers in an hour, want 5", len(rows))
	}
	r := rows[0]
	for _, w := range []string{"Auto-Submitted: auto-replied", "In-Reply-To: <hello0@example.com>",
		"filename=interest.pdf", "X-Auto-Response-Suppress: All"} {
		if !strings.Contains(string(r.Raw), w) {
			t.Errorf("the answer lacks %q:\n%s", w, r.Raw)
		}
	}
	for _, r := range rows {
		h.store.MarkSent(h.ctx, r.ID, "250 ok", h.clock.Now())
	}
	if !strings.Contains(bodyOf(t, r), "no form was attached") {
		t.Errorf("the answer does not say what was wrong: %s", bodyOf(t, r))
	}
	h.clock.Advance(61 * time.Minute)
	h.commit("From: someone@example.com\nSubject: again\nMessage-ID: <again@x>\n\nhi\n")
	if len(h.rows()) != 1 {
		t.Fatal("no answer an hour later")
	}
}

func TestDeskNeverAnswersMachines(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, header string
	}{
		{"auto-replied", "Auto-Submitted: auto-replied\n"},
		{"auto-generated", "Auto-Submitted: auto-generated\n"},
		{"vacation", "X-Autoreply: yes\n"},
		{"null sender", "Return-Path: <>\n"},
		{"list", "List-Id: <news.corp.test>\n"},
		{"bulk", "Precedence: bulk\n"},
		{"junk", "Precedence: junk\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newDeskHarness(t)
			raw := "From: apply@corp.test\n" + tt.header + "Subject: Out of office\n\nAway.\n"
			if d := h.commit(raw); d != Quarantine {
				t.Fatalf("destination %v, want quarantine", d)
			}
			want(t, h.outbox())
		})
	}
	h := newDeskHarness(t)
	h.commit("From: MAILER-DAEMON@corp.test\nSubject: x\n\ny\n")
	want(t, h.outbox())
}

func TestDeskRecordsBounces(t *testing.T) {
	t.Parallel()
	h := newDeskHarness(t)
	h.commit(withForm("apply@corp.test", "interest", "interest.form", interestJSON()))
	rows := h.rows()
	var ack cases.OutboxRow
	for _, r := range rows {
		if r.Notice == cases.NoticeAcknowledgement {
			ack = r
		}
		h.store.MarkSent(h.ctx, r.ID, "250 ok", h.clock.Now())
	}
	dsn := `From: MAILER-DAEMON@mx.corp.test
Return-Path: <>
Subject: Undelivered Mail Returned to Sender
Content-Type: multipart/report; report-type=delivery-status; boundary="r"

--r
Content-Type: text/plain

The mail system could not deliver your message.
--r
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.corp.test

Final-Recipient: rfc822; apply@corp.test
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 User unknown
--r
Content-Type: text/rfc822-headers

Message-ID: ` + ack.MessageID + `
Subject: acknowledgement
--r--
`
	if d := h.commit(dsn); d != Processed {
		t.Fatalf("destination %v", d)
	}
	want(t, h.outbox(), "delivery_failed>officer@etda.test")
	r, _ := h.store.Outbox(h.ctx, ack.ID)
	if r.State != cases.Failed || !strings.Contains(r.LastReply, "5.1.1") {
		t.Fatalf("bounced row: %s %q", r.State, r.LastReply)
	}
}

func TestDeskLimits(t *testing.T) {
	t.Parallel()
	h := newDeskHarness(t)
	// Over the size limit: only the header was fetched.
	hdr := "From: apply@corp.test\r\nSubject: big\r\nMessage-ID: <big@corp.test>\r\n\r\n"
	m := &Inbound{Mailbox: "imap://bot@test/INBOX", UIDValidity: 1, UID: 99,
		SHA256: sha256.Sum256([]byte(hdr)), Raw: []byte(hdr), Size: 40 << 20,
		Truncated: true, Received: h.clock.Now()}
	if d, err := h.desk.Commit(h.ctx, m); err != nil || d != Quarantine {
		t.Fatalf("big: %v %v", d, err)
	}
	rows := h.rows()
	if len(rows) != 1 || !strings.Contains(bodyOf(t, rows[0]), "limit of 25 MB") {
		t.Fatalf("big: %d answers %q", len(rows), rows)
	}
	// Too many parts.
	var b strings.Builder
	b.WriteString("From: apply@corp.test\nSubject: many\nContent-Type: multipart/mixed; " +
		"boundary=\"b\"\n\n")
	for i := range 120 {
		fmt.Fprintf(&b, "--b\nContent-Type: text/plain\n\npart %d\n", i)
	}
	b.WriteString("--b--\n")
	if d := h.commit(b.String()); d != Quarantine {
		t.Fatalf("many parts: %v", d)
	}
	rows = h.rows()
	if len(rows) != 1 || !strings.Contains(bodyOf(t, rows[0]), "more than 100 parts") {
		t.Fatalf("many parts: %q", rows)
	}
	// Nested too deep.
	deep := "From: apply@corp.test\nSubject: deep\n"
	for i := range 12 {
		deep += fmt.Sprintf("Content-Type: multipart/mixed; boundary=\"b%d\"\n\n--b%d\n", i, i)
	}
	deep += "Content-Type: text/plain\n\nx\n"
	if d := h.commit(deep); d != Quarantine {
		t.Fatalf("deep: %v", d)
	}
	if rows := h.rows(); len(rows) != 1 || !strings.Contains(bodyOf(t, rows[0]), "deep") {
		t.Fatalf("deep: %q", rows)
	}
}

func TestDeskThreadsRepliesToTheirCase(t *testing.T) {
	t.Parallel()
	h := newDeskHarness(t)
	h.commit(withForm("apply@corp.test", "interest", "interest.form", interestJSON()))
	var ackID string
	for _, r := range h.rows() {
		if r.Notice == cases.NoticeAcknowledgement {
			ackID = r.MessageID
		}
	}
	// A reply with documents, no form, no reference in the subject.
	reply := withForm("apply@corp.test", "Re: thank you", "certificate.pdf", "%PDF-1.4",
		"In-Reply-To: "+ackID+"\n")
	if d := h.commit(reply); d != Processed {
		t.Fatalf("reply: %v", d)
	}
	want(t, h.outbox(), "acknowledgement>apply@corp.test", "submission>officer@etda.test")
	hist, _ := h.store.History(h.ctx, cases.Ref{Year: 2569, Seq: 1})
	if last := hist[len(hist)-1]; last.Kind != string(cases.SendInfo) {
		t.Fatalf("last entry %s %s", last.Kind, last.Detail)
	}
	// The same reply from someone else is refused.
	other := withForm("mallory@evil.test", "Re: [DSS-2569-0001] thank you", "x.pdf", "x")
	h.commit(other)
	rows := h.rows()
	if len(rows) != 2 || rows[0].Notice != cases.NoticeRefusal ||
		!strings.Contains(bodyOf(t, rows[0]), "address of its contact person") ||
		strings.Contains(bodyOf(t, rows[0]), "apply@corp.test") {
		t.Fatalf("a stranger's reply: %v %s", rows, bodyOf(t, rows[0]))
	}
	if rows[1].Notice != cases.NoticeSubmission || rows[1].To[0] != "officer@etda.test" {
		t.Fatalf("the officers are not told of the stranger's reply: %v", rows[1])
	}
}

func TestDeskRefusesBadForms(t *testing.T) {
	t.Parallel()
	h := newDeskHarness(t)
	h.commit(withForm("apply@corp.test", "interest", "interest.form", interestJSON()))
	h.outbox()
	if d := h.commit(withForm("apply@corp.test", "[DSS-2569-0001] application",
		"broken.form", "")); d != Processed {
		t.Fatalf("broken: %v", d)
	}
	rows := h.rows()
	if len(rows) != 2 || rows[0].Notice != cases.NoticeRefusal ||
		!strings.Contains(bodyOf(t, rows[0]), "not 13 digits") ||
		rows[1].Notice != cases.NoticeSubmission ||
		!strings.Contains(bodyOf(t, rows[1]), "not 13 digits") {
		t.Fatalf("broken form: the applicant and the officers must be told: %v", rows)
	}
	h.outbox()
	// A file that cannot be read, in no case's thread: quarantined and
	// explained.
	if d := h.commit(withForm("apply@corp.test", "application", "locked.form",
		"")); d != Quarantine {
		t.Fatalf("locked: %v", d)
	}
	rows = h.rows()
	if len(rows) != 1 || rows[0].Notice != cases.NoticeHowTo ||
		!strings.Contains(bodyOf(t, rows[0]), "password") {
		t.Fatalf("locked form: %v", rows)
	}
	h.outbox()
	// In a case's thread it may be a document: the officers get it.
	if d := h.commit(withForm("apply@corp.test", "[DSS-2569-0001] documents",
		"locked.form", "")); d != Processed {
		t.Fatalf("locked document: %v", d)
	}
	want(t, h.outbox(), "acknowledgement>apply@corp.test", "submission>officer@etda.test")
}

func TestReadMessageThaiCharsets(t *testing.T) {
	t.Parallel()
	// "ทดสอบ" in TIS-620 is B7 B4 CA CD BA.
	raw := "From: =?TIS-620?B?t7TKzbo=?= <a@corp.test>\r\n" +
		"Subject: =?x-cp874?Q?=B7=B4=CA=CD=BA?= [DSS-2569-0001]\r\n" +
		"Content-Type: multipart/mixed; boundary=b\r\n\r\n" +
		"--b\r\nContent-Type: text/plain; charset=windows-874\r\n" +
		"Content-Transfer-Encoding: quoted-printable\r\n\r\n=B7=B4=CA=CD=BA\r\n" +
		"--b\r\nContent-Type: application/pdf\r\n" +
		"Content-Disposition: attachment; filename*=windows-874''%B7%B4%CA%CD%BA.pdf\r\n" +
		"\r\n%PDF\r\n" +
		"--b\r\nContent-Type: application/pdf; name=\"=?tis-620?B?t7TKzbo=?=2.pdf\"\r\n" +
		"Content-Disposition: attachment\r\n\r\n%PDF\r\n" +
		"--b\r\nContent-Type: application/pdf\r\n" +
		"Content-Disposition: attachment; filename=\"../../etc/passwd\"\r\n\r\nx\r\n--b--\r\n"
	m, err := ReadMessage([]byte(raw), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "ทดสอบ [DSS-2569-0001]" || m.From[0].Name != "ทดสอบ" ||
		strings.TrimSpace(m.Text) != "ทดสอบ" {
		t.Fatalf("subject %q, from %q, text %q", m.Subject, m.From[0].Name, m.Text)
	}
	var names []string
	for _, a := range m.Attachments {
		names = append(names, a.Name)
	}
	if strings.Join(names, "|") != "ทดสอบ.pdf|ทดสอบ2.pdf|passwd" {
		t.Fatalf("names %q", names)
	}
}
