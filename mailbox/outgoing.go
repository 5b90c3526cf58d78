package mailbox

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"net/mail"
	"strings"
	"time"

	gomail "github.com/emersion/go-message/mail"
	"github.com/emersion/go-msgauth/dkim"

	"sandboxbot/cases"
)

// outgoing is one message the bot writes.
type outgoing struct {
	id        string // Message-ID with angle brackets
	from      mail.Address
	to        string
	replyTo   string
	subject   string
	body      string
	files     []cases.File
	date      time.Time
	inReplyTo string // the Message-ID answered, without angle brackets
}

// bytes writes the message: a text/plain part in UTF-8, quoted-printable,
// and the files base64-encoded beside it in a multipart/mixed, with CRLF
// line ends (RFC 5322 s2.1).
func (o outgoing) bytes() ([]byte, error) {
	// go-message puts each field set before the ones set earlier, so they
	// are set from the last to the first.
	var h gomail.Header
	h.Set("MIME-Version", "1.0")
	h.Set("X-Auto-Response-Suppress", "All")
	// RFC 3834 s5: a response to a message is auto-replied, the rest
	// auto-generated; Exchange honours X-Auto-Response-Suppress instead.
	if o.inReplyTo != "" {
		h.Set("Auto-Submitted", "auto-replied")
		h.SetMsgIDList("References", []string{o.inReplyTo})
		h.SetMsgIDList("In-Reply-To", []string{o.inReplyTo})
	} else {
		h.Set("Auto-Submitted", "auto-generated")
	}
	h.SetMessageID(strings.Trim(o.id, "<>"))
	h.SetSubject(o.subject)
	if o.replyTo != "" {
		h.SetAddressList("Reply-To", []*gomail.Address{{Name: o.from.Name,
			Address: o.replyTo}})
	}
	h.SetAddressList("To", []*gomail.Address{{Address: o.to}})
	h.SetAddressList("From", []*gomail.Address{{Name: o.from.Name, Address: o.from.Address}})
	h.SetDate(o.date)

	var buf bytes.Buffer
	if len(o.files) == 0 {
		h.SetContentType("text/plain", map[string]string{"charset": "utf-8"})
		h.Set("Content-Transfer-Encoding", "quoted-printable")
		w, err := gomail.CreateSingleInlineWriter(&buf, h)
		if err != nil {
			return nil, fmt.Errorf("mailbox: writing message %s: %w", o.id, err)
		}
		return finish(&buf, w, o.body, o.id)
	}
	mw, err := gomail.CreateWriter(&buf, h)
	if err != nil {
		return nil, fmt.Errorf("mailbox: writing message %s: %w", o.id, err)
	}
	var th gomail.InlineHeader
	th.SetContentType("text/plain", map[string]string{"charset": "utf-8"})
	th.Set("Content-Transfer-Encoding", "quoted-printable")
	tw, err := mw.CreateSingleInline(th)
	if err != nil {
		return nil, fmt.Errorf("mailbox: writing message %s: %w", o.id, err)
	}
	if _, err := io.WriteString(tw, o.body); err != nil {
		return nil, err
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	for _, f := range o.files {
		if err := attach(mw, f); err != nil {
			return nil, fmt.Errorf("mailbox: attaching %q to %s: %w", f.Name, o.id, err)
		}
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func finish(buf *bytes.Buffer, w io.WriteCloser, body, id string) ([]byte, error) {
	if _, err := io.WriteString(w, body); err != nil {
		return nil, fmt.Errorf("mailbox: writing message %s: %w", id, err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("mailbox: writing message %s: %w", id, err)
	}
	return buf.Bytes(), nil
}

// attach adds one file, its name encoded for any reader (RFC 2231 by
// go-message's writer; RFC 2047 in the Content-Type name for old ones).
func attach(mw *gomail.Writer, f cases.File) error {
	ct := f.ContentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	var ah gomail.AttachmentHeader
	ah.SetContentType(ct, map[string]string{"name": mime.BEncoding.Encode("utf-8", f.Name)})
	ah.SetFilename(f.Name)
	ah.Set("Content-Transfer-Encoding", "base64")
	w, err := mw.CreateAttachment(ah)
	if err != nil {
		return err
	}
	if _, err := w.Write(f.Data); err != nil {
		return err
	}
	return w.Close()
}

// signDKIM adds a DKIM-Signature (RFC 6376) over the fields a reader sees.
func signDKIM(raw []byte, k *DKIMKey) ([]byte, error) {
	var out bytes.Buffer
	err := dkim.Sign(&out, bytes.NewReader(raw), &dkim.SignOptions{
		Domain: k.Domain, Selector: k.Selector, Signer: k.Signer,
		HeaderKeys: []string{"From", "To", "Subject", "Date", "Message-Id", "Reply-To",
			"In-Reply-To", "References", "Mime-Version", "Content-Type", "Auto-Submitted"},
	})
	if err != nil {
		return nil, fmt.Errorf("mailbox: signing with DKIM (d=%s s=%s): %w", k.Domain,
			k.Selector, err)
	}
	return out.Bytes(), nil
}
