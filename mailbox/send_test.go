package mailbox

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// scriptedSMTP is an SMTP server whose answer to DATA follows a script:
// one entry per transaction, "" for acceptance.
type scriptedSMTP struct {
	mu       sync.Mutex
	script   []string
	received [][]byte
	addr     string
}

func startScriptedSMTP(t *testing.T, script ...string) *scriptedSMTP {
	t.Helper()
	s := &scriptedSMTP{script: script}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &scriptedSession{srv: s}, nil
	}))
	srv.Domain = "scripted.test"
	srv.ErrorLog = slogPrintf{slog.New(slog.DiscardHandler)}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.addr = ln.Addr().String()
	done := make(chan struct{})
	go func() { srv.Serve(ln); close(done) }()
	t.Cleanup(func() { srv.Close(); ln.Close(); <-done })
	return s
}

type scriptedSession struct{ srv *scriptedSMTP }

func (s *scriptedSession) Reset()                               {}
func (s *scriptedSession) Logout() error                        { return nil }
func (s *scriptedSession) Mail(string, *smtp.MailOptions) error { return nil }
func (s *scriptedSession) Rcpt(string, *smtp.RcptOptions) error { return nil }

func (s *scriptedSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.srv.mu.Lock()
	defer s.srv.mu.Unlock()
	answer := ""
	if len(s.srv.script) > 0 {
		answer, s.srv.script = s.srv.script[0], s.srv.script[1:]
	}
	if answer == "" {
		s.srv.received = append(s.srv.received, b)
		return nil
	}
	var code int
	fmt.Sscanf(answer, "%d", &code)
	return &smtp.SMTPError{Code: code, Message: answer[4:]}
}

func (s *scriptedSMTP) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.received)
}

// fakeClock is a clock tests move by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func runSender(t *testing.T, opts SenderOptions) *Sender {
	t.Helper()
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(testWriter{t}, nil))
	}
	if opts.PollInterval == 0 {
		opts.PollInterval = 10 * time.Millisecond
	}
	s, err := NewSender(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Run did not stop within 10 s of cancel")
		}
	})
	return s
}

func letter(to, id string) OutboxRow {
	raw := fmt.Sprintf("From: bot@sandbox.test\r\nTo: %s\r\nSubject: [DSS-2568-0001] ack\r\n"+
		"Date: Mon, 30 Mar 2026 09:00:00 +0700\r\nMessage-ID: <%s>\r\n"+
		"Auto-Submitted: auto-replied\r\n\r\n.leading dot\r\nbody\r\n",
		to, id)
	return OutboxRow{MessageID: id, From: "bot@sandbox.test", To: []string{to},
		Raw: []byte(raw)}
}

// TestSenderRetriesThenSends: two 4xx answers, then acceptance; each retry
// waits longer; the letter arrives once and byte for byte.
func TestSenderRetriesThenSends(t *testing.T) {
	t.Parallel()
	srv := startScriptedSMTP(t, "451 try later", "421 busy", "")
	out := &fakeOutbox{}
	row := out.add(letter("applicant@example.test", "r1@sandbox.test"))
	clock := &fakeClock{now: time.Date(2026, 3, 30, 9, 0, 0, 0, time.UTC)}
	s := runSender(t, SenderOptions{URL: "smtp://" + srv.addr + "?tls=none", Outbox: out,
		Now: clock.Now, MinRetry: time.Minute})

	waitFor(t, 5*time.Second, "the first retry", func() bool {
		return len(out.snapshot(row.ID).retries) == 1
	})
	first := out.snapshot(row.ID).next
	clock.Add(time.Minute)
	s.Wake()
	waitFor(t, 5*time.Second, "the second retry", func() bool {
		return len(out.snapshot(row.ID).retries) == 2
	})
	second := out.snapshot(row.ID).next
	if got := second.Sub(clock.Now()); got != 2*time.Minute {
		t.Errorf("second retry after %v, want 2m (first was at %v)", got, first)
	}
	clock.Add(2 * time.Minute)
	s.Wake()
	waitFor(t, 5*time.Second, "the letter sent", func() bool {
		return len(out.snapshot(row.ID).sent) == 1
	})

	got := out.snapshot(row.ID)
	if !strings.HasPrefix(got.retries[0], "451 ") ||
		!strings.HasSuffix(got.retries[0], "try later") || len(got.failed) != 0 {
		t.Errorf("retries %q, failed %q", got.retries, got.failed)
	}
	if srv.count() != 1 || string(srv.received[0]) != string(row.Raw) {
		t.Errorf("server received %d letters; first %q", srv.count(), srv.received)
	}
}

func TestSenderPermanentFailureOnce(t *testing.T) {
	t.Parallel()
	srv := startScriptedSMTP(t, "550 no such user", "")
	out := &fakeOutbox{}
	bad := out.add(letter("gone@example.test", "p1@sandbox.test"))
	good := out.add(letter("applicant@example.test", "p2@sandbox.test"))
	runSender(t, SenderOptions{URL: "smtp://" + srv.addr + "?tls=none", Outbox: out})
	waitFor(t, 5*time.Second, "both rows done", func() bool {
		return out.snapshot(bad.ID).done && out.snapshot(good.ID).done
	})
	time.Sleep(50 * time.Millisecond) // a second Failed would come now
	b := out.snapshot(bad.ID)
	if len(b.failed) != 1 || !strings.HasPrefix(b.failed[0], "550 ") ||
		!strings.HasSuffix(b.failed[0], "no such user") ||
		len(b.retries) != 0 {
		t.Errorf("bad row: failed %q, retries %q", b.failed, b.retries)
	}
	if g := out.snapshot(good.ID); len(g.sent) != 1 {
		t.Errorf("good row after a 5xx on the same connection: %+v", g)
	}
}

// TestSenderServerDown: nothing listens; the row is retried, never failed,
// and goes out once a server appears at the address.
func TestSenderServerDown(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	out := &fakeOutbox{}
	row := out.add(letter("applicant@example.test", "d1@sandbox.test"))
	clock := &fakeClock{now: time.Date(2026, 3, 30, 9, 0, 0, 0, time.UTC)}
	s := runSender(t, SenderOptions{URL: "smtp://" + addr + "?tls=none", Outbox: out,
		Now: clock.Now, MinRetry: 10 * time.Millisecond, MaxRetry: 20 * time.Millisecond})
	waitFor(t, 5*time.Second, "two retries", func() bool {
		clock.Add(time.Second)
		return len(out.snapshot(row.ID).retries) >= 2
	})
	if r := out.snapshot(row.ID); r.done || !strings.Contains(r.retries[0], "refused") {
		t.Fatalf("row while the server is down: %+v", r)
	}

	srv := startScriptedSMTPAt(t, addr)
	waitFor(t, 5*time.Second, "the letter sent", func() bool {
		clock.Add(time.Second)
		s.Wake()
		return out.snapshot(row.ID).done
	})
	if r := out.snapshot(row.ID); len(r.sent) != 1 || len(r.failed) != 0 || srv.count() != 1 {
		t.Errorf("row %+v, server got %d", r, srv.count())
	}
}

// startScriptedSMTPAt is startScriptedSMTP on a given address, retried
// briefly in case the port is not free yet.
func startScriptedSMTPAt(t *testing.T, addr string) *scriptedSMTP {
	t.Helper()
	s := &scriptedSMTP{addr: addr}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &scriptedSession{srv: s}, nil
	}))
	srv.ErrorLog = slogPrintf{slog.New(slog.DiscardHandler)}
	var ln net.Listener
	var err error
	for range 50 {
		if ln, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { srv.Serve(ln); close(done) }()
	t.Cleanup(func() { srv.Close(); ln.Close(); <-done })
	return s
}

func TestSenderGivesUpAfterMaxAttempts(t *testing.T) {
	t.Parallel()
	srv := startScriptedSMTP(t, "451 a", "451 b", "451 c", "")
	out := &fakeOutbox{}
	row := out.add(letter("applicant@example.test", "m1@sandbox.test"))
	clock := &fakeClock{now: time.Date(2026, 3, 30, 9, 0, 0, 0, time.UTC)}
	s := runSender(t, SenderOptions{URL: "smtp://" + srv.addr + "?tls=none", Outbox: out,
		Now: clock.Now, MaxAttempts: 3})
	waitFor(t, 5*time.Second, "the row to fail", func() bool {
		clock.Add(time.Hour)
		s.Wake()
		return out.snapshot(row.ID).done
	})
	r := out.snapshot(row.ID)
	if len(r.failed) != 1 || len(r.retries) != 2 || !strings.HasSuffix(r.failed[0], " c") {
		t.Errorf("retries %q, failed %q", r.retries, r.failed)
	}
}

func TestNewSenderRefusals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		url  string
		want error
	}{
		{"smtp://u:p@relay.example.org?tls=none", ErrClearText},
		{"imap://u:p@127.0.0.1/INBOX", ErrBadURL},
		{"smtp://relay.example.org:0", ErrBadURL},
	}
	for _, tt := range tests {
		_, err := NewSender(SenderOptions{URL: tt.url, Outbox: &fakeOutbox{}})
		if !errors.Is(err, tt.want) {
			t.Errorf("NewSender(%q): %v, want %v", tt.url, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), ":p@") {
			t.Errorf("error shows the password: %v", err)
		}
	}
}
