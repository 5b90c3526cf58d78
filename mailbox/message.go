package mailbox

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/mail"
	"net/url"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/emersion/go-message"
	gomail "github.com/emersion/go-message/mail"
	"golang.org/x/text/encoding/charmap"
)

// go-message decodes the charset of text parts through one package-wide
// reader; it is ours (CharsetReader), which knows the labels Thai clients
// write (x-cp874, tis-620, windows-874).
func init() { message.CharsetReader = CharsetReader }

// Limits bound what a message may hold before the desk reads it. The zero
// value of a field takes the default given.
type Limits struct {
	// MaxParts is the most MIME parts a message may have (default 100).
	MaxParts int
	// MaxDepth is how deep multiparts may nest (default 8).
	MaxDepth int
}

func (l Limits) withDefaults() Limits {
	if l.MaxParts <= 0 {
		l.MaxParts = 100
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = 8
	}
	return l
}

// LimitError says which limit a message went over; it wraps ErrOverLimit.
type LimitError struct {
	What  string // "size", "parts" or "depth"
	Limit int64
	Got   int64
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("mailbox: message over the %s limit: %d, limit %d", e.What, e.Got,
		e.Limit)
}

// Unwrap returns ErrOverLimit.
func (e *LimitError) Unwrap() error { return ErrOverLimit }

// Message is an inbound mail read for the desk: who sent it, what it
// answers, its text and its files. Header values are decoded to UTF-8
// (RFC 2047, RFC 2231, and raw TIS-620 from clients that send 8-bit
// headers).
type Message struct {
	Header message.Header
	// From holds every mailbox of every From field; a message from one
	// person has exactly one (RFC 5322 s3.6.2).
	From       []*mail.Address
	Subject    string
	MessageID  string   // without angle brackets
	InReplyTo  []string // message ids, without angle brackets
	References []string
	// Recipients are the addresses of Delivered-To and X-Original-To
	// (written by the receiving server), then To and Cc, lowercased: where
	// an officer's reply token is found (FindToken).
	Recipients []string
	// Text is the first text/plain part that is not an attachment, or the
	// first such text/html part turned into text (HTML is then true).
	Text string
	HTML bool
	// Attachments are the files, in order, with safe names.
	Attachments []Attachment
	// Report is set for a delivery status notification (RFC 3464).
	Report *DeliveryReport
}

// Attachment is one file of a message. Name is for people and messages
// only: it is never used as a path.
type Attachment struct {
	Name        string
	ContentType string
	Data        []byte
}

// DeliveryReport is what the desk needs of a delivery status notification
// (RFC 3464): the message it reports on and whether delivery failed.
type DeliveryReport struct {
	// MessageID is the Message-ID of the returned message, with angle
	// brackets, found in its returned headers; empty when none was.
	MessageID string
	// Action and Status of the first recipient (s2.3.3, s2.3.4), such as
	// "failed" and "5.1.1".
	Action, Status string
	// Diagnostic is the remote server's answer (s2.3.6), if given.
	Diagnostic string
}

// Failed reports whether the report says delivery failed for good.
func (r *DeliveryReport) Failed() bool {
	return strings.EqualFold(r.Action, "failed") || strings.HasPrefix(r.Status, "5")
}

// ReadMessage reads a raw message (RFC 5322, MIME RFC 2045-2049). It fails
// with a *LimitError when the message has more parts or deeper nesting than
// lim allows, and with ErrUnreadable when its header cannot be read. A part
// in an unknown charset or transfer encoding is kept as it is.
func ReadMessage(raw []byte, lim Limits) (*Message, error) {
	lim = lim.withDefaults()
	e, err := message.Read(bytes.NewReader(raw))
	if e == nil {
		return nil, fmt.Errorf("mailbox: reading the header: %v: %w", err, ErrUnreadable)
	}
	m := &Message{Header: e.Header}
	m.readHeader()
	w := &walker{m: m, lim: lim}
	if err := w.walk(e, 0); err != nil {
		return nil, err
	}
	return m, nil
}

// readHeader fills the fields taken from the header.
func (m *Message) readHeader() {
	h := gomail.Header{Header: m.Header}
	for f := h.FieldsByKey("From"); f.Next(); {
		list, err := mail.ParseAddressList(headerText(f.Value()))
		if err != nil {
			// An unreadable From still counts: it is a From field.
			list = []*mail.Address{{Address: headerText(f.Value())}}
		}
		m.From = append(m.From, list...)
	}
	m.Subject = headerText(h.Get("Subject"))
	m.MessageID = msgID(h.Get("Message-Id"))
	m.InReplyTo = msgIDs(h.Get("In-Reply-To"))
	m.References = msgIDs(h.Get("References"))
	for _, key := range []string{"Delivered-To", "X-Original-To", "To", "Cc"} {
		for f := h.FieldsByKey(key); f.Next(); {
			list, err := mail.ParseAddressList(headerText(f.Value()))
			if err != nil {
				continue
			}
			for _, a := range list {
				m.Recipients = append(m.Recipients, strings.ToLower(a.Address))
			}
		}
	}
}

// msgIDs returns the message ids of an In-Reply-To or References field
// (RFC 5322 s3.6.4), without angle brackets.
func msgIDs(v string) []string {
	var out []string
	for {
		i := strings.IndexByte(v, '<')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(v[i:], '>')
		if j < 0 {
			return out
		}
		if id := strings.TrimSpace(v[i+1 : i+j]); id != "" {
			out = append(out, id)
		}
		v = v[i+j+1:]
	}
}

// headerText decodes a header value: encoded words (RFC 2047) in any
// charset go-message knows, and raw 8-bit TIS-620 that some Thai clients
// write.
func headerText(v string) string {
	if !utf8.ValidString(v) {
		if s, err := charmap.Windows874.NewDecoder().String(v); err == nil {
			v = s
		}
	}
	dec := mime.WordDecoder{CharsetReader: CharsetReader}
	if s, err := dec.DecodeHeader(v); err == nil {
		v = s
	}
	return strings.TrimSpace(v)
}

// walker goes through the MIME tree once, counting parts and depth.
type walker struct {
	m     *Message
	lim   Limits
	parts int
}

func (w *walker) walk(e *message.Entity, depth int) error {
	w.parts++
	if w.parts > w.lim.MaxParts {
		return &LimitError{What: "parts", Limit: int64(w.lim.MaxParts), Got: int64(w.parts)}
	}
	if depth > w.lim.MaxDepth {
		return &LimitError{What: "depth", Limit: int64(w.lim.MaxDepth), Got: int64(depth)}
	}
	mt, params, _ := e.Header.ContentType()
	if mr := e.MultipartReader(); mr != nil {
		if mt == "multipart/report" && strings.EqualFold(params["report-type"],
			"delivery-status") && w.m.Report == nil {
			w.m.Report = &DeliveryReport{}
		}
		for {
			p, err := mr.NextPart()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil && p == nil {
				return nil // a broken multipart ends where it breaks
			}
			if err := w.walk(p, depth+1); err != nil {
				return err
			}
		}
	}
	return w.leaf(e, mt)
}

// leaf takes in one part that is not a multipart.
func (w *walker) leaf(e *message.Entity, mt string) error {
	body, _ := io.ReadAll(e.Body) // a part cut short keeps what was read
	disp, dparams, _ := e.Header.ContentDisposition()
	name := attachmentName(e.Header, dparams)
	isFile := strings.EqualFold(disp, "attachment") || name != ""
	switch {
	case w.m.Report != nil && (mt == "message/delivery-status"):
		w.m.Report.read(body)
		return nil
	case w.m.Report != nil && (mt == "message/rfc822-headers" || mt == "text/rfc822-headers" ||
		mt == "message/rfc822"):
		if w.m.Report.MessageID == "" {
			if id := MessageID(body); id != "" {
				w.m.Report.MessageID = "<" + id + ">"
			}
		}
		return nil
	case !isFile && mt == "text/plain" && (w.m.Text == "" || w.m.HTML):
		w.m.Text, w.m.HTML = string(body), false
		return nil
	case !isFile && mt == "text/html" && w.m.Text == "":
		w.m.Text, w.m.HTML = HTMLText(string(body)), true
		return nil
	case !isFile && (strings.HasPrefix(mt, "text/") || mt == ""):
		return nil // other inline text: alternatives, calendars
	}
	if name == "" {
		name = "attachment-" + fmt.Sprint(len(w.m.Attachments)+1)
	}
	w.m.Attachments = append(w.m.Attachments, Attachment{Name: name, ContentType: mt,
		Data: body})
	return nil
}

// attachmentName returns a part's file name, decoded and made safe to show:
// from Content-Disposition filename (RFC 2183, RFC 2231 in any charset),
// else Content-Type name; no directories, no control characters, at most
// 200 characters.
func attachmentName(h message.Header, dparams map[string]string) string {
	name := dparams["filename"]
	if name == "" {
		name = rfc2231Param(h.Get("Content-Disposition"), "filename")
	}
	if name == "" {
		_, tparams, _ := h.ContentType()
		name = tparams["name"]
	}
	if name == "" {
		name = rfc2231Param(h.Get("Content-Type"), "name")
	}
	return safeName(headerText(name))
}

// rfc2231Param decodes param*=charset'lang'%XX… (RFC 2231 s4) in the
// charsets the standard library's parser refuses, such as windows-874.
func rfc2231Param(field, param string) string {
	i := strings.Index(asciiLower(field), asciiLower(param)+"*=")
	if i < 0 {
		return ""
	}
	v := field[i+len(param)+2:]
	if j := strings.IndexByte(v, ';'); j >= 0 {
		v = v[:j]
	}
	parts := strings.SplitN(strings.Trim(strings.TrimSpace(v), `"`), "'", 3)
	if len(parts) != 3 {
		return ""
	}
	raw, err := url.PathUnescape(parts[2])
	if err != nil {
		return ""
	}
	r, err := CharsetReader(parts[0], strings.NewReader(raw))
	if err != nil {
		return raw
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return ""
	}
	return string(out)
}

// asciiLower lowers ASCII letters only, so that byte offsets stay those of
// s (strings.ToLower may change the length of invalid UTF-8).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// safeName keeps the last element of a path and drops what could mislead:
// control and format characters (bidi overrides), leading dots.
func safeName(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	name = path.Base("/" + name)
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, name)
	name = strings.TrimLeft(strings.TrimSpace(name), ".")
	if r := []rune(name); len(r) > 200 {
		name = string(r[:200])
	}
	if name == "/" {
		return ""
	}
	return name
}

// read takes the first recipient's fields of a message/delivery-status
// body (RFC 3464 s2.1: per-message fields, then per-recipient groups).
func (r *DeliveryReport) read(body []byte) {
	for _, line := range strings.Split(strings.ReplaceAll(string(body), "\r\n", "\n"), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "action":
			if r.Action == "" {
				r.Action = v
			}
		case "status":
			if r.Status == "" {
				r.Status = v
			}
		case "diagnostic-code":
			if r.Diagnostic == "" {
				r.Diagnostic = v
			}
		}
	}
}
