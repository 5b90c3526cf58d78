package mailbox

import (
	"context"
	"crypto"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"sandboxbot/cases"
)

// Renderer writes the text and the files of a notice. Package notices does
// it; the command line adapts notices.Render to this interface, so that
// mailbox and notices know nothing of each other.
type Renderer interface {
	Render(ctx context.Context, n cases.Notice) (*Rendered, error)
}

// RendererFunc adapts a function to Renderer.
type RendererFunc func(ctx context.Context, n cases.Notice) (*Rendered, error)

// Render calls f.
func (f RendererFunc) Render(ctx context.Context, n cases.Notice) (*Rendered, error) {
	return f(ctx, n)
}

// Rendered is a notice as text and files, before any MIME.
type Rendered struct {
	Subject string // one line, with the case's tag
	Body    string // plain UTF-8 text, lines ending in "\n"
	Files   []cases.File
}

// Directory says who the officers are. A *Roster is one.
type Directory interface {
	// OfficersFor returns the addresses of the officers told of
	// submissions, prompts and alerts about a case in the stage.
	OfficersFor(stage cases.Stage) []string
	// IsOfficer reports whether addr belongs to an officer.
	IsOfficer(addr string) bool
}

// ComposerOptions configure a Composer.
type ComposerOptions struct {
	// Renderer writes each notice's text and files. Required.
	Renderer Renderer
	// From is the bot's address: the From and envelope sender of every
	// message, so that replies and delivery reports come back to the
	// intake. Required.
	From mail.Address
	// Directory names the officers; required for notices to officers.
	Directory Directory
	// Management are the addresses of the management list.
	Management []string
	// ReplyTo returns the Reply-To address of a message to an officer
	// about a case in a stage: the bot's address with a reply token
	// (IssueToken). Nil: no Reply-To. Messages about no case have none.
	ReplyTo func(ref cases.Ref, officer string, stage cases.Stage) (string, error)
	// MessageDomain is the domain of Message-IDs; default From's domain.
	MessageDomain string
	// DKIM, when set, signs every message as it is written (RFC 6376).
	DKIM *DKIMKey
}

// DKIMKey is a DKIM signing identity: the d= domain, the s= selector and
// the private key (RSA or Ed25519).
type DKIMKey struct {
	Domain   string
	Selector string
	Signer   crypto.Signer
}

// Composer writes the messages of owed notices (cases.Composer): one
// message per recipient, each complete and with its Message-ID fixed, so
// that the outbox sends exactly these bytes. It is safe for concurrent use.
type Composer struct {
	o ComposerOptions
}

// NewComposer checks the options and returns a Composer.
func NewComposer(o ComposerOptions) (*Composer, error) {
	if o.Renderer == nil {
		return nil, errors.New("mailbox: composer needs a renderer")
	}
	if !strings.Contains(o.From.Address, "@") {
		return nil, fmt.Errorf("mailbox: composer needs the bot's address, not %q",
			o.From.Address)
	}
	if o.MessageDomain == "" {
		_, o.MessageDomain, _ = strings.Cut(o.From.Address, "@")
	}
	return &Composer{o: o}, nil
}

// Compose renders n and writes one message per recipient. It writes none
// when n has nobody to go to (no contact address, no officer on duty).
func (c *Composer) Compose(ctx context.Context, n cases.Notice) ([]cases.Message, error) {
	to := c.recipients(n)
	if len(to) == 0 {
		return nil, nil
	}
	r, err := c.o.Renderer.Render(ctx, n)
	if err != nil {
		return nil, err
	}
	files := append(append([]cases.File(nil), r.Files...), n.Files...)
	if n.To == cases.ToOfficers && n.Kind == cases.NoticeSubmission {
		files = append(files, n.Event.Files...) // the original documents
	}
	var out []cases.Message
	for _, addr := range to {
		m, err := c.message(n, r, files, addr)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// recipients returns the addresses n goes to, one message each.
func (c *Composer) recipients(n cases.Notice) []string {
	var to []string
	switch n.To {
	case cases.ToApplicant:
		to = []string{n.Case.Applicant.ContactEmail}
		if to[0] == "" && n.Event.Applicant != nil {
			to[0] = n.Event.Applicant.ContactEmail
		}
	case cases.ToActor:
		to = []string{n.Event.By}
	case cases.ToOfficers:
		if c.o.Directory != nil {
			to = c.o.Directory.OfficersFor(n.Case.Stage)
		}
	case cases.ToManagement:
		to = c.o.Management
	}
	var out []string
	for _, a := range to {
		if strings.Contains(a, "@") && !strings.EqualFold(a, c.o.From.Address) {
			out = append(out, a)
		}
	}
	return out
}

// message writes the message of n to addr.
func (c *Composer) message(n cases.Notice, r *Rendered, files []cases.File, addr string) (
	cases.Message, error) {
	id := cases.NewMessageID(n.Case.Ref, n.Kind, c.o.MessageDomain)
	o := outgoing{id: id, from: c.o.From, to: addr, subject: r.Subject, body: r.Body,
		files: files, date: n.At}
	if o.date.IsZero() {
		o.date = time.Now()
	}
	// A notice caused by a message answers it (RFC 5322 s3.6.4).
	if src := n.Event.Source; src != nil && src.MessageID != "" &&
		(n.To == cases.ToActor || (n.To == cases.ToApplicant &&
			strings.EqualFold(src.From, addr))) {
		o.inReplyTo = src.MessageID
	}
	if c.o.ReplyTo != nil && c.o.Directory != nil && c.o.Directory.IsOfficer(addr) &&
		!n.Case.Ref.IsZero() {
		rt, err := c.o.ReplyTo(n.Case.Ref, addr, n.Case.Stage)
		if err != nil {
			return cases.Message{}, fmt.Errorf("mailbox: reply token for %s: %w", addr, err)
		}
		o.replyTo = rt
	}
	raw, err := o.bytes()
	if err != nil {
		return cases.Message{}, err
	}
	if c.o.DKIM != nil {
		if raw, err = signDKIM(raw, c.o.DKIM); err != nil {
			return cases.Message{}, err
		}
	}
	return cases.Message{MessageID: id, From: c.o.From.Address, To: []string{addr},
		Raw: raw}, nil
}
