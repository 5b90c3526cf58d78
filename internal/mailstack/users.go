package mailstack

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// AddUser adds a mailbox with the given address and password and returns
// once Dovecot accepts the login: it rereads its user list at most once a
// second. Postfix accepts mail for the address at once.
func (s *Stack) AddUser(ctx context.Context, address, password string) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.run(ctx, "adduser", s.Dir, address, password); err != nil {
		return User{}, fmt.Errorf("mailstack: adding user %s: %w", address, err)
	}
	for deadline := time.Now().Add(5 * time.Second); ; {
		_, err := s.run(ctx, "doveadm", s.Dir, "auth", "test", address, password)
		if err == nil {
			return User{Address: address, Password: password}, nil
		}
		if time.Now().After(deadline) {
			return User{}, fmt.Errorf("mailstack: dovecot does not know %s: %w", address, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// NewUser returns a mailbox at domain (sandbox.test when empty) that no
// other caller got, so that a test has an inbox of its own. It hands out
// the mailboxes made at start (poolSize per pool domain) first, which costs
// nothing; after them, or at another domain, it adds one named after
// prefix with AddUser.
func (s *Stack) NewUser(ctx context.Context, prefix, domain string) (User, error) {
	if domain == "" {
		domain = "sandbox.test"
	}
	s.mu.Lock()
	for i, u := range s.pool {
		if strings.HasSuffix(u.Address, "@"+domain) {
			s.pool = append(s.pool[:i], s.pool[i+1:]...)
			s.mu.Unlock()
			return u, nil
		}
	}
	s.seq++
	n := s.seq
	s.mu.Unlock()
	local := fmt.Sprintf("%s-%d-%d", sanitize(prefix), n, time.Now().UnixNano()%1e6)
	return s.AddUser(ctx, local+"@"+domain, "pw-"+local)
}

// poolSize is how many spare mailboxes a stack starts with at each of
// poolDomains, for NewUser.
const poolSize = 30

var poolDomains = []string{"sandbox.test", "example.test"}

// startUsers is the MAILSTACK_USERS list a stack starts with: the four
// documented users, then the pool.
func startUsers() string {
	users := []string{"bot@sandbox.test:secret", "officer@sandbox.test:secret",
		"applicant@example.test:secret", "other@example.test:secret"}
	for _, d := range poolDomains {
		for i := range poolSize {
			users = append(users, fmt.Sprintf("pool-%02d@%s:pool-pw-%02d", i, d, i))
		}
	}
	return strings.Join(users, " ")
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
