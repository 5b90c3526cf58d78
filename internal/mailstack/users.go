package mailstack

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// AddUser adds a mailbox with the given address and password. Postfix is
// reloaded so that it accepts mail for the address at once.
func (s *Stack) AddUser(ctx context.Context, address, password string) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.run(ctx, "adduser", s.Dir, address, password); err != nil {
		return User{}, fmt.Errorf("mailstack: adding user %s: %w", address, err)
	}
	return User{Address: address, Password: password}, nil
}

// NewUser adds a mailbox with a fresh address at domain (sandbox.test when
// empty), named after prefix, so that a test has an inbox no other test
// writes to.
func (s *Stack) NewUser(ctx context.Context, prefix, domain string) (User, error) {
	if domain == "" {
		domain = "sandbox.test"
	}
	s.mu.Lock()
	s.seq++
	n := s.seq
	s.mu.Unlock()
	local := fmt.Sprintf("%s-%d-%d", sanitize(prefix), n, time.Now().UnixNano()%1e6)
	return s.AddUser(ctx, local+"@"+domain, "pw-"+local)
}

// sanitize keeps the letters and digits of a test name, lower-cased, for use
// in a mailbox name.
func sanitize(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
		if b.Len() >= 24 {
			break
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		return "user"
	}
	return out
}

// Flush asks Postfix to retry its deferred mail now.
func (s *Stack) Flush(ctx context.Context) error {
	if _, err := s.run(ctx, "flush", s.Dir); err != nil {
		return fmt.Errorf("mailstack: flushing the queue: %w", err)
	}
	return nil
}

// WaitQueue waits up to timeout for Postfix's queue to be empty, that is
// for everything it accepted to be delivered or bounced.
func (s *Stack) WaitQueue(ctx context.Context, timeout time.Duration) error {
	secs := fmt.Sprint(max(1, int(timeout.Seconds())))
	if _, err := s.run(ctx, "wait-queue", s.Dir, secs); err != nil {
		return fmt.Errorf("mailstack: waiting for the queue: %w", err)
	}
	return nil
}

// Doveadm runs doveadm against the stack's Dovecot and returns its output,
// e.g. Doveadm(ctx, "mailbox", "status", "-u", addr, "messages", "INBOX").
func (s *Stack) Doveadm(ctx context.Context, args ...string) (string, error) {
	out, err := s.run(ctx, append([]string{"doveadm", s.Dir}, args...)...)
	if err != nil {
		return "", fmt.Errorf("mailstack: doveadm %s: %w", strings.Join(args, " "), err)
	}
	return string(out), nil
}
