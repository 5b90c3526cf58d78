package mailbox

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// imapConn is one logged-in IMAP connection with the intake mailbox
// selected.
type imapConn struct {
	c           *imapclient.Client
	idle        bool   // the server offers IDLE (RFC 2177)
	uidValidity uint32 // of the selected mailbox, from SELECT
	// updates receives a value, without blocking, whenever the server
	// reports new messages (EXISTS), so that a waiting intake wakes up.
	updates chan struct{}
}

// dialIMAP connects to u, logs in, checks the server's extensions, makes the
// destination folders if missing, and selects u.Mailbox. Each step is bounded
// by timeout and by ctx.
func dialIMAP(ctx context.Context, u ServerURL, tlsConfig *tls.Config, timeout time.Duration,
	folders []string) (*imapConn, error) {
	conn := &imapConn{updates: make(chan struct{}, 1)}
	opts := &imapclient.Options{
		TLSConfig: tlsConfigFor(tlsConfig, u.Host),
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			Mailbox: func(d *imapclient.UnilateralDataMailbox) {
				if d.NumMessages != nil {
					conn.wake()
				}
			},
		},
	}
	c, err := dialClient(ctx, u, opts, timeout)
	if err != nil {
		return nil, err
	}
	conn.c = c
	if err := conn.setUp(ctx, u, timeout, folders); err != nil {
		c.Close()
		return nil, err
	}
	return conn, nil
}

func (conn *imapConn) wake() {
	select {
	case conn.updates <- struct{}{}:
	default:
	}
}

// dialClient opens the TCP (and TLS) connection and waits for the greeting.
func dialClient(ctx context.Context, u ServerURL, opts *imapclient.Options,
	timeout time.Duration) (*imapclient.Client, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	d := &net.Dialer{KeepAlive: 30 * time.Second}
	var nc net.Conn
	var err error
	if u.TLS == TLSImplicit {
		nc, err = (&tls.Dialer{NetDialer: d, Config: opts.TLSConfig}).DialContext(ctx, "tcp", u.Addr())
	} else {
		nc, err = d.DialContext(ctx, "tcp", u.Addr())
	}
	if err != nil {
		return nil, fmt.Errorf("mailbox: connecting to %s: %w", u.Addr(), err)
	}
	stop := closeAfter(ctx, nc.Close)
	defer stop()

	var c *imapclient.Client
	if u.TLS == TLSStartTLS {
		c, err = imapclient.NewStartTLS(nc, opts)
	} else {
		c = imapclient.New(nc, opts)
		err = c.WaitGreeting()
	}
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("mailbox: greeting from %s: %w", u.Addr(), err)
	}
	return c, nil
}

// setUp logs in, checks capabilities, makes folders and selects the mailbox.
func (conn *imapConn) setUp(ctx context.Context, u ServerURL, timeout time.Duration,
	folders []string) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	stop := closeAfter(ctx, conn.c.Close)
	defer stop()

	if err := conn.c.Login(u.Username, u.Password).Wait(); err != nil {
		return fmt.Errorf("mailbox: logging in to %s as %s: %w", u.Addr(), u.Username, err)
	}
	if err := conn.checkCaps(); err != nil {
		return fmt.Errorf("mailbox: %s: %w", u.Addr(), err)
	}
	for _, f := range folders {
		if err := conn.ensureFolder(f); err != nil {
			return fmt.Errorf("mailbox: creating folder %q: %w", f, err)
		}
	}
	sel, err := conn.c.Select(u.Mailbox, nil).Wait()
	if err != nil {
		return fmt.Errorf("mailbox: selecting %q: %w", u.Mailbox, err)
	}
	conn.uidValidity = sel.UIDValidity
	return nil
}

// checkCaps refuses a server without MOVE (RFC 6851) or UIDPLUS (RFC 4315):
// without MOVE the client library falls back to COPY, STORE \Deleted and
// EXPUNGE, and without UID EXPUNGE that EXPUNGE would remove every message
// anyone else had marked \Deleted. IMAP4rev2 (RFC 9051) includes both.
func (conn *imapConn) checkCaps() error {
	caps := conn.c.Caps()
	rev2 := caps.Has(imap.CapIMAP4rev2)
	for _, want := range []imap.Cap{imap.CapMove, imap.CapUIDPlus} {
		if !rev2 && !caps.Has(want) {
			return fmt.Errorf("%w: %s", ErrMissingCapability, want)
		}
	}
	conn.idle = rev2 || caps.Has(imap.CapIdle)
	return nil
}

// ensureFolder creates folder unless it exists.
func (conn *imapConn) ensureFolder(folder string) error {
	found, err := conn.c.List("", folder, nil).Collect()
	if err != nil {
		return err
	}
	if len(found) > 0 {
		return nil
	}
	err = conn.c.Create(folder, nil).Wait()
	var imapErr *imap.Error
	if errors.As(err, &imapErr) && imapErr.Code == imap.ResponseCodeAlreadyExists {
		return nil // created meanwhile by another client
	}
	return err
}

// Close ends the connection without LOGOUT: it is only called on the way
// out or after an error.
func (conn *imapConn) Close() error { return conn.c.Close() }

// closeAfter calls closeFn when ctx ends, unless the returned stop is called
// first. go-imap's client takes no context: closing its connection is what
// interrupts a command that hangs.
func closeAfter(ctx context.Context, closeFn func() error) (stop func() bool) {
	return context.AfterFunc(ctx, func() { closeFn() })
}

// tlsConfigFor returns base, or an empty config, with ServerName set to host
// when base does not name one.
func tlsConfigFor(base *tls.Config, host string) *tls.Config {
	var c *tls.Config
	if base != nil {
		c = base.Clone()
	} else {
		c = &tls.Config{}
	}
	if c.ServerName == "" {
		c.ServerName = host
	}
	return c
}
