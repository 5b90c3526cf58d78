package mailbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"sync"
	"time"
)

// EmbeddedOptions configures [StartEmbedded]. The zero value is usable.
type EmbeddedOptions struct {
	// IMAPAddr and SMTPAddr are where the servers listen. They must be
	// loopback addresses, since logins travel without TLS. Empty means
	// "127.0.0.1:0", a free port.
	IMAPAddr, SMTPAddr string
	// Password is the one password of every mailbox. Empty means a random
	// one, readable from [Embedded.Password].
	Password string
	// StateFile keeps the UIDVALIDITY base between runs so that a restarted
	// server never reuses a (UIDVALIDITY, UID) pair; see [uidValidityBase].
	// Empty means the base is the start time in seconds.
	StateFile string
	// MaxMessageBytes bounds one message over SMTP. Zero means 50 MiB.
	MaxMessageBytes int64
	// Logger receives the servers' events. Nil discards them.
	Logger *slog.Logger
}

// Embedded is a mail server on loopback for trying the bot with no mail
// account: an IMAP server and an SMTP server in the same process, where
// any address gets a mailbox (a "mail catcher"). Mail sent over SMTP to any
// recipient lands in that recipient's INBOX; IMAP offers IDLE, MOVE and
// UIDPLUS.
//
// Nothing survives a restart: mailboxes live in memory. Each run takes new
// UIDVALIDITY values (RFC 3501 s2.3.1.1), so a client, the bot's intake
// among them, resynchronises instead of trusting old UIDs.
type Embedded struct {
	// IMAPAddr and SMTPAddr are the listening addresses, with the ports
	// actually bound.
	IMAPAddr, SMTPAddr string
	// Password is the password of every mailbox.
	Password string

	imap      *embeddedIMAP
	smtp      *embeddedSMTP
	listeners []net.Listener
	log       *slog.Logger

	stopOnce sync.Once
	stopErr  error
	done     chan struct{} // closed when Close has finished
	wg       sync.WaitGroup
}

// StartEmbedded starts the IMAP and SMTP servers and returns once both
// listen. They run until [Embedded.Close] is called or ctx is cancelled.
func StartEmbedded(ctx context.Context, opts EmbeddedOptions) (*Embedded, error) {
	opts = opts.withDefaults()
	base, err := uidValidityBase(opts.StateFile, time.Now())
	if err != nil {
		return nil, err
	}
	imapLn, err := listenLoopback(ctx, opts.IMAPAddr)
	if err != nil {
		return nil, err
	}
	smtpLn, err := listenLoopback(ctx, opts.SMTPAddr)
	if err != nil {
		imapLn.Close()
		return nil, err
	}

	e := &Embedded{
		IMAPAddr:  imapLn.Addr().String(),
		SMTPAddr:  smtpLn.Addr().String(),
		Password:  opts.Password,
		listeners: []net.Listener{imapLn, smtpLn},
		log:       opts.Logger,
		done:      make(chan struct{}),
	}
	e.imap = newEmbeddedIMAP(opts.Password, base, opts.Logger)
	e.smtp = newEmbeddedSMTP(e.imap, opts.MaxMessageBytes, opts.Logger)
	e.serve(imapLn, smtpLn)

	// Stop with ctx, so that no server outlives its caller.
	e.wg.Go(func() {
		select {
		case <-ctx.Done():
			e.Close()
		case <-e.done:
		}
	})
	e.log.Info("embedded mail server started", "imap_addr", e.IMAPAddr,
		"smtp_addr", e.SMTPAddr, "uidvalidity_base", base)
	return e, nil
}

func (o EmbeddedOptions) withDefaults() EmbeddedOptions {
	if o.IMAPAddr == "" {
		o.IMAPAddr = "127.0.0.1:0"
	}
	if o.SMTPAddr == "" {
		o.SMTPAddr = "127.0.0.1:0"
	}
	if o.Password == "" {
		b := make([]byte, 6)
		rand.Read(b)
		o.Password = hex.EncodeToString(b)
	}
	if o.MaxMessageBytes == 0 {
		o.MaxMessageBytes = 50 << 20
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// listenLoopback listens on addr, which must name a loopback IP.
func listenLoopback(ctx context.Context, addr string) (net.Listener, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("mailbox: embedded server address %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("mailbox: embedded server address %q: %w", addr,
			ErrNotLoopback)
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("mailbox: embedded server: %w", err)
	}
	return ln, nil
}

func (e *Embedded) serve(imapLn, smtpLn net.Listener) {
	e.wg.Go(func() {
		if err := e.imap.server.Serve(imapLn); err != nil && !isClosed(err) {
			e.log.Error("embedded imap server stopped", "err", err)
		}
	})
	e.wg.Go(func() {
		if err := e.smtp.server.Serve(smtpLn); err != nil && !isClosed(err) {
			e.log.Error("embedded smtp server stopped", "err", err)
		}
	})
}

// isClosed reports whether err only says that a server was closed.
func isClosed(err error) bool {
	return errors.Is(err, net.ErrClosed) || strings.Contains(err.Error(), "server closed")
}

// Close stops both servers, closes their connections and waits for their
// goroutines. The mail they held is gone. Calling Close again returns the
// first result.
func (e *Embedded) Close() error {
	e.stopOnce.Do(func() {
		// The servers close only the listeners their Serve has seen: close
		// ours too, or a Serve that had not begun yet would block for ever.
		for _, ln := range e.listeners {
			ln.Close()
		}
		for _, err := range []error{e.imap.server.Close(), e.smtp.server.Close()} {
			if err != nil && !isClosed(err) {
				e.stopErr = errors.Join(e.stopErr, err)
			}
		}
		close(e.done)
		e.log.Info("embedded mail server stopped")
	})
	return e.stopErr
}

// Wait blocks until every goroutine of the server has returned, which is
// after [Embedded.Close] or the end of the context given to StartEmbedded.
func (e *Embedded) Wait() { e.wg.Wait() }

// Deliver puts raw into the INBOX of each recipient, as the SMTP server
// does, without a network round trip.
func (e *Embedded) Deliver(from string, to []string, raw []byte) error {
	return e.imap.deliver(from, to, raw, time.Now())
}

// Instructions tells a person how to point a mail client at the server and
// how to send the bot (at address bot) a first message. It holds the
// password, so print it to the operator's terminal, never to a log.
func (e *Embedded) Instructions(bot string) string {
	ih, ip, _ := net.SplitHostPort(e.IMAPAddr)
	sh, sp, _ := net.SplitHostPort(e.SMTPAddr)
	return fmt.Sprintf(`Embedded mail server (loopback only, mail kept in memory until exit)
  IMAP    %s port %s, no encryption, normal password
  SMTP    %s port %s, no encryption, no authentication needed
  Login   any address, e.g. applicant@example.test; password %s
Every address gets a mailbox: send mail to %s from any address,
then read the answer in that address's INBOX. With swaks:
  swaks --server %s --to %s --from applicant@example.test
`, ih, ip, sh, sp, e.Password, bot, e.SMTPAddr, bot)
}
