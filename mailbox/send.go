package mailbox

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/textproto"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"

	"sandboxbot/internal/crashpoint"
)

// SenderOptions configures a [Sender]. Only URL and Outbox are required;
// zero values take the defaults named on each field.
type SenderOptions struct {
	// URL is the submission server:
	// "smtp://user:pass@host:port?tls=none|starttls|implicit".
	URL string
	// Outbox holds the rows to send.
	Outbox Outbox
	// Logger receives a line per letter sent, retried or failed. Nil
	// discards.
	Logger *slog.Logger
	// TLSConfig is used for STARTTLS and implicit TLS; nil means the
	// system's roots and the URL's host name.
	TLSConfig *tls.Config
	// AllowClearText permits a password over an unencrypted connection to
	// a host that is not loopback. Off by default: ErrClearText.
	AllowClearText bool
	// HELO is the name given in EHLO. Default "localhost".
	HELO string
	// Now is the clock. Default time.Now.
	Now func() time.Time

	// Lease is how long a claimed row is reserved for this sender. Default
	// 10 minutes, well above Timeout.
	Lease time.Duration
	// PollInterval is the pause between looks at an empty outbox; Wake
	// cuts it short. Default 5 s.
	PollInterval time.Duration
	// Timeout bounds connecting, and each letter's exchange. Default 2
	// minutes.
	Timeout time.Duration
	// MinRetry and MaxRetry bound the delay before a row that failed
	// temporarily is due again: MinRetry doubled per attempt. Defaults 1
	// minute and 1 hour. They also bound the pause after the server could
	// not be reached.
	MinRetry, MaxRetry time.Duration
	// MaxAttempts is how many temporary failures make a permanent one.
	// Default 100: at the default delays, about four days (RFC 5321
	// s4.5.4.1 suggests giving up after four or five).
	MaxAttempts int
}

// Sender sends outbox rows through one SMTP server, one letter at a time,
// reusing the connection while rows keep coming.
type Sender struct {
	opts   SenderOptions
	url    ServerURL
	client *gomail.Client
	log    *slog.Logger
	wake   chan struct{}
}

// NewSender checks opts. Errors wrap ErrBadURL or ErrClearText.
func NewSender(opts SenderOptions) (*Sender, error) {
	u, err := ParseServerURL(opts.URL)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "smtp" {
		return nil, fmt.Errorf("mailbox: sender URL is %s, not smtp: %w", u.Scheme, ErrBadURL)
	}
	if u.ClearTextCredentials() && !opts.AllowClearText {
		return nil, fmt.Errorf("mailbox: sender %s: %w", u.Redacted(), ErrClearText)
	}
	if opts.Outbox == nil {
		return nil, errors.New("mailbox: sender without an outbox")
	}
	opts = opts.withDefaults()
	client, err := newSMTPClient(u, opts)
	if err != nil {
		return nil, err
	}
	return &Sender{opts: opts, url: u, client: client, log: opts.Logger,
		wake: make(chan struct{}, 1)}, nil
}

func (o SenderOptions) withDefaults() SenderOptions {
	def := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.Lease, 10*time.Minute)
	def(&o.PollInterval, 5*time.Second)
	def(&o.Timeout, 2*time.Minute)
	def(&o.MinRetry, time.Minute)
	def(&o.MaxRetry, time.Hour)
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 100
	}
	if o.HELO == "" {
		o.HELO = "localhost"
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// newSMTPClient sets up go-mail's client for u: TLS policy, authentication.
// PLAIN is used for a password; over an unencrypted connection go-mail
// allows it only to localhost unless AllowClearText.
func newSMTPClient(u ServerURL, o SenderOptions) (*gomail.Client, error) {
	opts := []gomail.Option{
		gomail.WithPort(u.Port), gomail.WithTimeout(o.Timeout), gomail.WithHELO(o.HELO),
		gomail.WithTLSConfig(tlsConfigFor(o.TLSConfig, u.Host)),
	}
	switch u.TLS {
	case TLSNone:
		opts = append(opts, gomail.WithTLSPortPolicy(gomail.NoTLS))
	case TLSStartTLS:
		opts = append(opts, gomail.WithTLSPortPolicy(gomail.TLSMandatory))
	case TLSImplicit:
		opts = append(opts, gomail.WithSSL())
	}
	if u.Username != "" {
		auth := gomail.SMTPAuthPlain
		if u.ClearTextCredentials() {
			auth = gomail.SMTPAuthPlainNoEnc // allowed by NewSender's check
		}
		opts = append(opts, gomail.WithSMTPAuth(auth),
			gomail.WithUsername(u.Username), gomail.WithPassword(u.Password))
	}
	if crashpoint.Armed("after_dot") {
		opts = append(opts, gomail.WithDialContextFunc(dialWatchingDot))
	}
	c, err := gomail.NewClient(u.Host, opts...)
	if err != nil {
		return nil, fmt.Errorf("mailbox: setting up smtp client: %w", err)
	}
	return c, nil
}

// Wake tells the sender that a row was written, so it looks now rather
// than after PollInterval. It never blocks.
func (s *Sender) Wake() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Run sends due rows until ctx ends, then returns nil. Errors of the
// outbox store and of the server are logged and retried; Run itself never
// gives up.
func (s *Sender) Run(ctx context.Context) error {
	down := newBackoff(s.opts.MinRetry, s.opts.MaxRetry)
	for {
		pause := s.opts.PollInterval
		switch err := s.drain(ctx); {
		case ctx.Err() != nil:
			return nil
		case errors.Is(err, errUnreachable):
			pause = down.Next()
			s.log.Warn("outbox server unreachable", "server", s.url.Redacted(),
				"err", err, "retry_in", pause)
		case err != nil:
			pause = down.Next()
			s.log.Error("outbox store failed", "err", err, "retry_in", pause)
		default:
			down.Reset()
		}
		t := time.NewTimer(pause)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-s.wake:
		case <-t.C:
		}
		t.Stop()
	}
}

// errUnreachable marks a failure to connect, log in or start TLS: the
// server's fault or the configuration's, not the letter's.
var errUnreachable = errors.New("smtp server unreachable")

// drain claims and sends rows until none is due, over one connection.
func (s *Sender) drain(ctx context.Context) error {
	var conn *smtp.Client
	defer func() {
		if conn != nil {
			conn.Quit()
		}
	}()
	for ctx.Err() == nil {
		row, err := s.opts.Outbox.Claim(ctx, s.opts.Now(), s.opts.Lease)
		if err != nil {
			return fmt.Errorf("mailbox: claiming an outbox row: %w", err)
		}
		if row == nil {
			return nil
		}
		crashpoint.Hit("before_smtp")
		if conn == nil {
			if conn, err = s.dial(ctx); err != nil {
				return errors.Join(err, s.retry(ctx, row, err.Error()))
			}
		}
		broken, err := s.send(ctx, conn, row)
		if err != nil {
			return err
		}
		if broken {
			conn.Close()
			conn = nil
		}
	}
	return nil
}

// dial connects, says EHLO, starts TLS and logs in, within Timeout.
func (s *Sender) dial(ctx context.Context) (*smtp.Client, error) {
	ctx, cancel := context.WithTimeout(ctx, s.opts.Timeout)
	defer cancel()
	c, err := s.client.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return nil, fmt.Errorf("mailbox: connecting to %s: %w: %w", s.url.Addr(), errUnreachable, err)
	}
	return c, nil
}

// send sends one row and records the outcome. broken reports that the
// connection is no longer usable; err is an error of the outbox store.
func (s *Sender) send(ctx context.Context, c *smtp.Client,
	row *OutboxRow) (broken bool, err error) {
	if err := c.UpdateDeadline(s.opts.Timeout); err != nil {
		return true, s.retry(ctx, row, err.Error())
	}
	stop := closeAfter(ctx, c.Close)
	defer stop()

	reply, err := transmit(c, row)
	switch {
	case err == nil:
		s.log.Info("outbox sent", "row_id", row.ID, "message_id", row.MessageID,
			"reply", reply)
		if err := s.opts.Outbox.Sent(ctx, row.ID, reply, s.opts.Now()); err != nil {
			// The server has the letter; after the lease the row is sent
			// again, with the same Message-ID.
			return false, fmt.Errorf("mailbox: recording row %d as sent: %w", row.ID, err)
		}
		return false, nil
	case permanent(err):
		c.Reset()
		return false, s.fail(ctx, row, replyText(err))
	default:
		_, isReply := err.(*textproto.Error)
		if isReply {
			c.Reset()
		}
		return !isReply, s.retry(ctx, row, replyText(err))
	}
}

// transmit runs one SMTP transaction for row (RFC 5321 s3.3) and returns
// the server's answer to the final ".".
func transmit(c *smtp.Client, row *OutboxRow) (string, error) {
	if len(row.To) == 0 {
		return "", &textproto.Error{Code: 554, Msg: "5.5.1 outbox row has no recipient"}
	}
	if err := c.Mail("<" + row.From + ">"); err != nil {
		return "", err
	}
	for _, rcpt := range row.To {
		if err := c.Rcpt("<" + rcpt + ">"); err != nil {
			return "", err
		}
	}
	w, err := c.Data()
	if err != nil {
		return "", err
	}
	if _, err := w.Write(row.Raw); err != nil {
		w.Close()
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	reply := "250"
	if dc, ok := w.(*smtp.DataCloser); ok {
		reply += " " + dc.ServerResponse()
	}
	return reply, nil
}

// permanent reports whether err is a 5xx reply (RFC 5321 s4.2.1); anything
// else, a 4xx reply or a network error, may pass.
func permanent(err error) bool {
	var tp *textproto.Error
	return errors.As(err, &tp) && tp.Code >= 500 && tp.Code < 600
}

// replyText is the server's reply as "code text", or the error's text.
func replyText(err error) string {
	var tp *textproto.Error
	if errors.As(err, &tp) {
		return fmt.Sprintf("%d %s", tp.Code, strings.ReplaceAll(tp.Msg, "\n", " "))
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "timeout: " + err.Error()
	}
	return err.Error()
}

// retry schedules row again after MinRetry doubled per attempt, capped at
// MaxRetry, or fails it once it has had MaxAttempts.
func (s *Sender) retry(ctx context.Context, row *OutboxRow, reply string) error {
	attempts := row.Attempts + 1
	if attempts >= s.opts.MaxAttempts {
		return s.fail(ctx, row, fmt.Sprintf("gave up after %d attempts: %s", attempts, reply))
	}
	delay := s.opts.MinRetry << min(row.Attempts, 30)
	if delay <= 0 || delay > s.opts.MaxRetry {
		delay = s.opts.MaxRetry
	}
	next := s.opts.Now().Add(delay)
	s.log.Warn("outbox retry", "row_id", row.ID, "message_id", row.MessageID,
		"attempts", attempts, "reply", reply, "next_attempt", next)
	if err := s.opts.Outbox.Retry(ctx, row.ID, reply, next); err != nil {
		return fmt.Errorf("mailbox: recording a retry of row %d: %w", row.ID, err)
	}
	return nil
}

// fail records a permanent failure of row.
func (s *Sender) fail(ctx context.Context, row *OutboxRow, reply string) error {
	s.log.Error("outbox failed", "row_id", row.ID, "message_id", row.MessageID,
		"reply", reply)
	if err := s.opts.Outbox.Failed(ctx, row.ID, reply, s.opts.Now()); err != nil {
		return fmt.Errorf("mailbox: recording row %d as failed: %w", row.ID, err)
	}
	return nil
}

// dialWatchingDot dials a connection that hits the "after_dot" crash point
// right after the end of a message's data, "\r\n.\r\n" (RFC 5321 s4.1.1.4),
// has been written and before the server's answer is read. Dot-stuffing
// keeps that sequence out of the data itself.
func dialWatchingDot(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	return &dotConn{Conn: c}, nil
}

type dotConn struct {
	net.Conn
	tail []byte // the last bytes written, across writes
}

func (c *dotConn) Write(b []byte) (int, error) {
	n, err := c.Conn.Write(b)
	c.tail = append(c.tail, b[:n]...)
	if len(c.tail) > 5 {
		c.tail = c.tail[len(c.tail)-5:]
	}
	if string(c.tail) == "\r\n.\r\n" {
		crashpoint.Hit("after_dot")
	}
	return n, err
}
