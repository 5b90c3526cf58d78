package mailstack

import (
	"context"
	"fmt"
	"net"
	"net/smtp"
	"time"
)

// Send hands raw to Postfix on the plain SMTP listener without
// authentication, from the envelope sender from to the recipients to. It
// returns once Postfix has answered the final "." with 250; delivery to
// Dovecot follows within milliseconds. An empty from sends a bounce ("<>").
func (s *Stack) Send(ctx context.Context, from string, to []string, raw []byte) error {
	return s.SendAll(ctx, from, to, [][]byte{raw})
}

// SendAll is [Stack.Send] for many messages over one SMTP connection, which
// is faster: each connection starts a new Postfix smtpd.
func (s *Stack) SendAll(ctx context.Context, from string, to []string, raws [][]byte) error {
	d := net.Dialer{Timeout: 5 * time.Second}
	conn, err := d.DialContext(ctx, "tcp", s.SMTP)
	if err != nil {
		return fmt.Errorf("mailstack: sending: %w", err)
	}
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(30 * time.Second)
	}
	if err := conn.SetDeadline(deadline); err != nil {
		conn.Close()
		return fmt.Errorf("mailstack: sending: %w", err)
	}
	c, err := smtp.NewClient(conn, "127.0.0.1")
	if err != nil {
		conn.Close()
		return fmt.Errorf("mailstack: sending: %w", err)
	}
	defer c.Close()
	for _, raw := range raws {
		if err := sendOn(c, from, to, raw); err != nil {
			return fmt.Errorf("mailstack: sending: %w", err)
		}
	}
	return c.Quit()
}

func sendOn(c *smtp.Client, from string, to []string, raw []byte) error {
	if err := c.Mail(from); err != nil {
		return err
	}
	for _, rcpt := range to {
		if err := c.Rcpt(rcpt); err != nil {
			return fmt.Errorf("rcpt %s: %w", rcpt, err)
		}
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(raw); err != nil {
		return err
	}
	return w.Close()
}
