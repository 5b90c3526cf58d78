package main

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"fmt"
	"mime"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-msgauth/dkim"

	"sandboxbot/mailbox"
)

// TestOfficerReplyThroughPostfix: an officer's DKIM-signed reply, sent
// through Postfix to the reply address of the bot's mail, moves the case,
// and the applicant receives the letter. The bot finds the public key in
// its TXT records file, as it would in DNS.
func TestOfficerReplyThroughPostfix(t *testing.T) {
	t.Parallel()
	_, key, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	txt := filepath.Join(t.TempDir(), "txt")
	pub := base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey))
	if err := os.WriteFile(txt, []byte("sel._domainkey.sandbox.test v=DKIM1; k=ed25519; p="+
		pub+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	w := newWorld(t, worldOptions{mail: fmt.Sprintf("txt_records = %q\n", txt)})
	b := w.start()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("the bot's log:\n%s", tail(b.stderr.String(), 4000))
		}
	})
	if err := w.stack.Send(t.Context(), w.applicant.Address, []string{w.bot.Address},
		w.submission(interestWorkbook(t, w.applicant.Address))); err != nil {
		t.Fatal(err)
	}

	// The officer's copy of the submission carries the reply address.
	var notice *mailbox.Message
	waitFor(t, 30*time.Second, "the officer's notice", func() bool {
		for _, raw := range w.bodies(w.officer, "INBOX") {
			if m, err := mailbox.ReadMessage(raw, mailbox.Limits{}); err == nil {
				notice = m
			}
		}
		return notice != nil
	})
	rt, err := mail.ParseAddress(notice.Header.Get("Reply-To"))
	if err != nil || !strings.HasPrefix(rt.Address, strings.Split(w.bot.Address, "@")[0]+"+") {
		t.Fatalf("the officer's notice has Reply-To %q", notice.Header.Get("Reply-To"))
	}
	if len(notice.Attachments) != 1 || notice.Attachments[0].Name != "interest.xlsx" {
		t.Errorf("the officer's notice lacks the original form: %v", notice.Attachments)
	}

	// The officer answers IN SCOPE from their mail client, signed.
	body := fmt.Sprintf("From: Officer <%s>\r\nTo: %s\r\nSubject: %s\r\n"+
		"Message-ID: <officer.%d@sandbox.test>\r\nIn-Reply-To: <%s>\r\n"+
		"Date: %s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"+
		"Content-Transfer-Encoding: 8bit\r\n\r\n"+
		"อยู่ในขอบข่าย\r\n\r\nOn Monday the bot wrote:\r\n> a new submission\r\n",
		w.officer.Address, rt.Address, mime.QEncoding.Encode("utf-8", "Re: "+notice.Subject),
		time.Now().UnixNano(),
		notice.MessageID, time.Now().Format(time.RFC1123Z))
	var signed bytes.Buffer
	if err := dkim.Sign(&signed, strings.NewReader(body), &dkim.SignOptions{
		Domain: "sandbox.test", Selector: "sel", Signer: key}); err != nil {
		t.Fatal(err)
	}
	if err := w.stack.Send(t.Context(), w.officer.Address, []string{rt.Address},
		signed.Bytes()); err != nil {
		t.Fatal(err)
	}

	db := w.db()
	waitFor(t, 30*time.Second, "the case in scope", func() bool {
		return count(t, db, "SELECT count(*) FROM cases WHERE stage = 'awaiting_application'") == 1
	})
	waitFor(t, 30*time.Second, "the letter delivered", func() bool {
		for _, raw := range w.bodies(w.applicant, "INBOX") {
			m, err := mailbox.ReadMessage(raw, mailbox.Limits{})
			if err == nil && strings.Contains(m.MessageID, "in_scope") &&
				len(m.Attachments) == 1 && m.Attachments[0].ContentType == "application/pdf" {
				return true
			}
		}
		return false
	})
	if n := count(t, db, "SELECT count(*) FROM outbox WHERE notice = 'confirmation'"); n != 1 {
		t.Errorf("%d confirmations to the officer, want 1", n)
	}

	// REPORT in a new mail (a query needs no token) brings the workbook.
	report := fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: report please\r\n"+
		"Message-ID: <report.%d@sandbox.test>\r\nDate: %s\r\n\r\nREPORT\r\n",
		w.officer.Address, w.bot.Address, time.Now().UnixNano(),
		time.Now().Format(time.RFC1123Z))
	signed.Reset()
	if err := dkim.Sign(&signed, strings.NewReader(report), &dkim.SignOptions{
		Domain: "sandbox.test", Selector: "sel", Signer: key}); err != nil {
		t.Fatal(err)
	}
	if err := w.stack.Send(t.Context(), w.officer.Address, []string{w.bot.Address},
		signed.Bytes()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 30*time.Second, "the workbook delivered to the officer", func() bool {
		for _, raw := range w.bodies(w.officer, "INBOX") {
			m, err := mailbox.ReadMessage(raw, mailbox.Limits{})
			if err == nil && strings.Contains(m.MessageID, "status_report") &&
				len(m.Attachments) == 1 && strings.HasSuffix(m.Attachments[0].Name, ".xlsx") {
				return true
			}
		}
		return false
	})
}
