package mailstack

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// ErrNotInstalled means Dovecot or Postfix is missing on this machine.
var ErrNotInstalled = errors.New(
	"mailstack: dovecot or postfix is not installed: run .ci/mailstack install as root")

// maxDirLen is the longest stack directory the script accepts: Dovecot's
// and Postfix's Unix sockets live below it and their paths may not exceed
// 107 bytes.
const maxDirLen = 70

// Stack is a running Dovecot and Postfix. Its fields are set by [Start] and
// must not be changed. Its methods are safe for concurrent use.
type Stack struct {
	// Dir holds the configs, logs, queue and Maildirs of the stack.
	Dir string
	// IMAP and SMTP are plain-text listeners as "127.0.0.1:port".
	IMAP, SMTP string
	// IMAPS and SMTPS are implicit-TLS listeners, empty when openssl was
	// missing at start. Postfix's SMTP also offers STARTTLS then.
	IMAPS, SMTPS string
	// CAFile is the self-signed certificate of both TLS listeners (for
	// "localhost" and 127.0.0.1), empty without TLS.
	CAFile string
	// Users are the accounts the stack started with, all with the password
	// "secret": bot@sandbox.test, officer@sandbox.test,
	// applicant@example.test, other@example.test.
	Users []User

	script string
	mu     sync.Mutex // serialises changes to the users file
	seq    int
	pool   []User // spare users for NewUser
}

// User is a mailbox on the stack: its IMAP login is the full address.
type User struct {
	Address  string
	Password string
}

// Start starts a stack in dir, which must exist, be empty or hold a stopped
// stack, and be at most 70 characters long. It returns when Dovecot and
// Postfix accept connections. The caller must call [Stack.Stop].
func Start(ctx context.Context, dir string) (*Stack, error) {
	if len(dir) > maxDirLen {
		return nil, fmt.Errorf("mailstack: starting in %s: path longer than %d bytes",
			dir, maxDirLen)
	}
	if !installed() {
		return nil, ErrNotInstalled
	}
	script, err := findScript()
	if err != nil {
		return nil, err
	}

	s := &Stack{Dir: dir, script: script}
	out, err := s.run(ctx, "start", dir)
	if err != nil {
		// The script stops what it started when it fails, but not when it
		// is killed because ctx ended.
		err = fmt.Errorf("mailstack: starting in %s: %w\n%s", dir, err, s.logTail())
		return nil, errors.Join(err, s.Stop(context.WithoutCancel(ctx)))
	}
	if err := s.parseEnv(out); err != nil {
		return nil, errors.Join(err, s.Stop(context.WithoutCancel(ctx)))
	}
	users, err := readUsers(filepath.Join(dir, "users"))
	if err != nil {
		return nil, errors.Join(err, s.Stop(context.WithoutCancel(ctx)))
	}
	for _, u := range users {
		if strings.HasPrefix(u.Address, "pool-") {
			s.pool = append(s.pool, u)
		} else {
			s.Users = append(s.Users, u)
		}
	}
	return s, nil
}

// Stop stops Dovecot and Postfix and waits until their ports are closed. The
// directory is left in place. Stopping a stopped stack does nothing.
func (s *Stack) Stop(ctx context.Context) error {
	if _, err := s.run(ctx, "stop", s.Dir); err != nil {
		return fmt.Errorf("mailstack: stopping %s: %w", s.Dir, err)
	}
	return nil
}

// installed reports whether the Dovecot and Postfix binaries are present.
func installed() bool {
	for _, bin := range []string{"dovecot", "postfix", "doveadm"} {
		if _, err := exec.LookPath(bin); err == nil {
			continue
		}
		if _, err := os.Stat(filepath.Join("/usr/sbin", bin)); err != nil {
			return false
		}
	}
	return true
}

// findScript returns MAILSTACK_SCRIPT if set, else .ci/mailstack in the
// nearest parent of the working directory that has one.
func findScript() (string, error) {
	if p := os.Getenv("MAILSTACK_SCRIPT"); p != "" {
		return p, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("mailstack: finding .ci/mailstack: %w", err)
	}
	for {
		p := filepath.Join(dir, ".ci", "mailstack")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("mailstack: no .ci/mailstack above the working directory")
		}
		dir = parent
	}
}

// run runs the script with args and returns its standard output.
func (s *Stack) run(ctx context.Context, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "bash", append([]string{s.script}, args...)...)
	cmd.Env = append(os.Environ(), "PATH="+os.Getenv("PATH")+":/usr/sbin:/sbin",
		"MAILSTACK_USERS="+startUsers())
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s %s: %w: %s", filepath.Base(s.script), args[0], err,
			strings.TrimSpace(stderr.String()))
	}
	return stdout.Bytes(), nil
}

// parseEnv reads the MAILSTACK_*=value lines the script prints.
func (s *Stack) parseEnv(out []byte) error {
	fields := map[string]*string{
		"MAILSTACK_IMAP": &s.IMAP, "MAILSTACK_SMTP": &s.SMTP,
		"MAILSTACK_IMAPS": &s.IMAPS, "MAILSTACK_SMTPS": &s.SMTPS,
		"MAILSTACK_CA": &s.CAFile,
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if p := fields[k]; ok && p != nil {
			*p = v
		}
	}
	if s.IMAP == "" || s.SMTP == "" {
		return fmt.Errorf("mailstack: no addresses in the script's output %q", out)
	}
	return nil
}

// readUsers reads a users file: one "address:password" a line.
func readUsers(path string) ([]User, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("mailstack: reading users: %w", err)
	}
	var users []User
	for line := range strings.Lines(string(b)) {
		addr, pass, ok := strings.Cut(strings.TrimSpace(line), ":")
		if ok {
			users = append(users, User{Address: addr, Password: pass})
		}
	}
	return users, nil
}

// logTail returns the last lines of the stack's logs, for error messages.
func (s *Stack) logTail() string {
	var b strings.Builder
	for _, name := range []string{"dovecot.log", "postfix.log", "postfix.out"} {
		data, err := os.ReadFile(filepath.Join(s.Dir, "log", name))
		if err != nil || len(data) == 0 {
			continue
		}
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		lines = lines[max(0, len(lines)-10):]
		fmt.Fprintf(&b, "--- %s\n%s\n", name, strings.Join(lines, "\n"))
	}
	return b.String()
}

// TLSConfig returns a client TLS config that trusts the stack's certificate,
// or nil when the stack has no TLS.
func (s *Stack) TLSConfig() *tls.Config {
	if s.CAFile == "" {
		return nil
	}
	pem, err := os.ReadFile(s.CAFile)
	if err != nil {
		return nil
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	return &tls.Config{RootCAs: pool, ServerName: "localhost"}
}

// IMAPURL returns "imap://user:pass@host:port/INBOX" for u on the plain
// listener.
func (s *Stack) IMAPURL(u User) string {
	return (&url.URL{Scheme: "imap", User: url.UserPassword(u.Address, u.Password),
		Host: s.IMAP, Path: "/INBOX"}).String()
}

// SMTPURL returns "smtp://user:pass@host:port?tls=none" for u on the plain
// listener.
func (s *Stack) SMTPURL(u User) string {
	return (&url.URL{Scheme: "smtp", User: url.UserPassword(u.Address, u.Password),
		Host: s.SMTP, RawQuery: "tls=none"}).String()
}
