package mailbox

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

const botAddr = "bot@sandbox.test"

// intakeURL is the URL of bot's INBOX on the embedded server at addr.
func intakeURL(e *Embedded, addr string) string {
	return (&url.URL{Scheme: "imap", User: url.UserPassword(botAddr, e.Password),
		Host: addr, Path: "/INBOX", RawQuery: "tls=none"}).String()
}

// runIntake runs an intake until the end of the test and returns it with a
// channel that receives Run's result.
func runIntake(t *testing.T, opts IntakeOptions) (*Intake, <-chan error) {
	t.Helper()
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{
			Level: slog.LevelDebug}))
	}
	if opts.MinBackoff == 0 {
		opts.MinBackoff = 20 * time.Millisecond
	}
	in, err := NewIntake(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- in.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run after cancel: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Run did not stop within 10 s of cancel")
		}
	})
	return in, done
}

// testWriter sends log lines to t.Log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// waitFor polls cond until it holds or fails the test after timeout.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); {
		if cond() {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("timed out after %v waiting for %s", timeout, what)
}

// folderState returns the messages of folder as UID → flags, seen by
// another client.
func folderState(t *testing.T, e *Embedded, folder string) map[imap.UID][]imap.Flag {
	t.Helper()
	c, err := imapclient.DialInsecure(e.IMAPAddr, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(botAddr, e.Password).Wait(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return nil
	}
	msgs, err := c.Fetch(imap.SeqSet{{Start: 1, Stop: 0}}, &imap.FetchOptions{UID: true,
		Flags: true}).Collect()
	if err != nil && !strings.Contains(err.Error(), "Invalid") {
		t.Fatal(err)
	}
	out := map[imap.UID][]imap.Flag{}
	for _, m := range msgs {
		out[m.UID] = m.Flags
	}
	return out
}

func deliver(t *testing.T, e *Embedded, subject string) {
	t.Helper()
	if err := e.Deliver("applicant@example.test", []string{botAddr},
		testMessage(botAddr, subject)); err != nil {
		t.Fatal(err)
	}
}

func TestIntakeCommitsThenMoves(t *testing.T) {
	t.Parallel()
	e := startEmbedded(t, EmbeddedOptions{})
	for _, s := range []string{"one", "two", "quarantine", "four"} {
		deliver(t, e, s)
	}
	store := newFakeStore()
	in, _ := runIntake(t, IntakeOptions{URL: intakeURL(e, e.IMAPAddr), Store: store})

	waitFor(t, 5*time.Second, "four commits", func() bool { return len(store.committed()) == 4 })
	deliver(t, e, "five") // arrives during IDLE
	waitFor(t, 5*time.Second, "the INBOX to empty", func() bool {
		return len(store.committed()) == 5 && len(folderState(t, e, "INBOX")) == 0
	})

	processed, quarantined := folderState(t, e, "Processed"), folderState(t, e, "Quarantine")
	if len(processed) != 4 || len(quarantined) != 1 {
		t.Fatalf("Processed %d, Quarantine %d; want 4 and 1", len(processed), len(quarantined))
	}
	for uid, flags := range processed {
		if len(flags) != 0 {
			t.Errorf("Processed uid %d has flags %v: the fetch was not a PEEK", uid, flags)
		}
	}
	cp, _ := store.Checkpoint(t.Context(), in.Mailbox())
	if cp.LastUID != 5 || cp.UIDValidity == 0 {
		t.Errorf("checkpoint %+v, want last uid 5", cp)
	}
	for i, m := range store.committed() {
		if m.UID != uint32(i+1) || m.Mailbox != in.Mailbox() || m.Resync ||
			m.SHA256 != sha256.Sum256(m.Raw) || !strings.HasSuffix(m.MessageID, "@example.test") {
			t.Errorf("commit %d: %+v", i, m)
		}
	}
	if strings.Contains(in.Mailbox(), e.Password) {
		t.Errorf("mailbox identity %q holds the password", in.Mailbox())
	}
}

// TestIntakeMovesCommittedOnStart is the crash between commit and move: the
// store knows the message, the server still has it in the INBOX.
func TestIntakeMovesCommittedOnStart(t *testing.T) {
	t.Parallel()
	e := startEmbedded(t, EmbeddedOptions{})
	deliver(t, e, "committed-before-crash")
	deliver(t, e, "new")

	// What the store holds for the first message, as the server has it.
	c := login(t, e, botAddr, nil)
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	msgs, err := c.Fetch(imap.UIDSetNum(1), &imap.FetchOptions{
		BodySection: []*imap.FetchItemBodySection{{Peek: true}}}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	store := newFakeStore()
	store.byHash[sha256.Sum256(msgs[0].FindBodySection(&imap.FetchItemBodySection{}))] = Processed

	runIntake(t, IntakeOptions{URL: intakeURL(e, e.IMAPAddr), Store: store})
	waitFor(t, 5*time.Second, "the INBOX to empty", func() bool {
		return len(folderState(t, e, "INBOX")) == 0
	})
	got := store.committed()
	if len(got) != 1 || !strings.Contains(string(got[0].Raw), "Subject: new") {
		t.Fatalf("commits %d, want only the new message", len(got))
	}
	if n := len(folderState(t, e, "Processed")); n != 2 {
		t.Errorf("Processed has %d, want 2", n)
	}
}

// TestIntakeResyncsAfterUIDValidityChange: the checkpoint names another
// UIDVALIDITY; a message known by Message-ID is moved, not committed again,
// and the new one is committed with Resync set.
func TestIntakeResyncsAfterUIDValidityChange(t *testing.T) {
	t.Parallel()
	e := startEmbedded(t, EmbeddedOptions{})
	deliver(t, e, "old") // Message-ID <old@example.test>
	deliver(t, e, "fresh")

	store := newFakeStore()
	id := intakeURL(e, e.IMAPAddr)
	u, _ := ParseServerURL(id)
	store.cp[u.Redacted()] = Checkpoint{UIDValidity: 7, LastUID: 40}
	store.byMsgID["old@example.test"] = Processed

	runIntake(t, IntakeOptions{URL: id, Store: store})
	waitFor(t, 5*time.Second, "the INBOX to empty", func() bool {
		return len(folderState(t, e, "INBOX")) == 0
	})
	got := store.committed()
	if len(got) != 1 || got[0].MessageID != "fresh@example.test" || !got[0].Resync {
		t.Fatalf("commits %+v, want only fresh, with Resync", got)
	}
	cp := store.cp[u.Redacted()]
	if cp.UIDValidity == 7 || cp.LastUID != 2 {
		t.Errorf("checkpoint %+v after resync", cp)
	}
}

func TestIntakeRetriesAfterStoreError(t *testing.T) {
	t.Parallel()
	e := startEmbedded(t, EmbeddedOptions{})
	deliver(t, e, "retry-me")
	store := newFakeStore()
	store.failNext = 2
	runIntake(t, IntakeOptions{URL: intakeURL(e, e.IMAPAddr), Store: store})
	waitFor(t, 5*time.Second, "the INBOX to empty", func() bool {
		return len(folderState(t, e, "INBOX")) == 0
	})
	if n := len(store.committed()); n != 1 {
		t.Fatalf("%d commits, want 1", n)
	}
}

func TestIntakePolling(t *testing.T) {
	t.Parallel()
	e := startEmbedded(t, EmbeddedOptions{})
	store := newFakeStore()
	runIntake(t, IntakeOptions{URL: intakeURL(e, e.IMAPAddr), Store: store,
		ForcePolling: true, PollInterval: 30 * time.Millisecond})
	time.Sleep(50 * time.Millisecond)
	deliver(t, e, "polled")
	waitFor(t, 5*time.Second, "a commit", func() bool { return len(store.committed()) == 1 })
}

// TestIntakeIdleRestart makes IDLE short and checks that mail still comes
// through after several restarts.
func TestIntakeIdleRestart(t *testing.T) {
	t.Parallel()
	e := startEmbedded(t, EmbeddedOptions{})
	store := newFakeStore()
	var logs syncBuffer
	runIntake(t, IntakeOptions{URL: intakeURL(e, e.IMAPAddr), Store: store,
		IdleRestart: 20 * time.Millisecond,
		Logger:      slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	waitFor(t, 5*time.Second, "three IDLE restarts", func() bool {
		return strings.Count(logs.String(), "reason=restart") >= 3
	})
	deliver(t, e, "after-restarts")
	waitFor(t, 5*time.Second, "a commit", func() bool { return len(store.committed()) == 1 })
	if n := strings.Count(logs.String(), "level=INFO msg=\"intake idle\""); n > 1 {
		t.Errorf("state idle logged at Info %d times, want 1", n)
	}
}

// syncBuffer is a strings.Builder safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestIntakeTruncatesOversize(t *testing.T) {
	t.Parallel()
	e := startEmbedded(t, EmbeddedOptions{})
	big := testMessage(botAddr, "big")
	big = append(big, []byte(strings.Repeat("x", 4000)+"\r\n")...)
	if err := e.Deliver("a@example.test", []string{botAddr}, big); err != nil {
		t.Fatal(err)
	}
	store := newFakeStore()
	runIntake(t, IntakeOptions{URL: intakeURL(e, e.IMAPAddr), Store: store,
		MaxMessageBytes: 1000})
	waitFor(t, 5*time.Second, "a commit", func() bool { return len(store.committed()) == 1 })
	m := store.committed()[0]
	if !m.Truncated || m.Size < 4000 || len(m.Raw) > 1000 || m.MessageID != "big@example.test" {
		t.Fatalf("oversize message committed as %+v", m)
	}
	waitFor(t, 5*time.Second, "the move to Quarantine", func() bool {
		return len(folderState(t, e, "Quarantine")) == 1
	})
}

// TestIntakeReconnects cuts the connection through a proxy and checks that
// the intake comes back and carries on.
func TestIntakeReconnects(t *testing.T) {
	t.Parallel()
	e := startEmbedded(t, EmbeddedOptions{})
	p := startProxy(t, e.IMAPAddr)
	store := newFakeStore()
	runIntake(t, IntakeOptions{URL: intakeURL(e, p.addr), Store: store})
	deliver(t, e, "before-cut")
	waitFor(t, 5*time.Second, "a commit", func() bool { return len(store.committed()) == 1 })

	p.cut()
	deliver(t, e, "after-cut")
	waitFor(t, 5*time.Second, "a second commit", func() bool {
		return len(store.committed()) == 2
	})
	if p.accepted() < 2 {
		t.Errorf("proxy saw %d connections, want a reconnection", p.accepted())
	}
}

func TestIntakeRefusesServerWithoutMove(t *testing.T) {
	t.Parallel()
	mem := imapmemserver.New()
	user := imapmemserver.NewUser(botAddr, "pw")
	user.Create("INBOX", nil)
	mem.AddUser(user)
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps:         imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapUIDPlus: {}},
		InsecureAuth: true,
		Logger:       slogPrintf{slog.New(slog.DiscardHandler)},
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close(); ln.Close() })

	in, err := NewIntake(IntakeOptions{
		URL:   fmt.Sprintf("imap://%s:pw@%s/INBOX?tls=none", url.PathEscape(botAddr), ln.Addr()),
		Store: newFakeStore(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	err = in.Run(ctx)
	if !errors.Is(err, ErrMissingCapability) || !strings.Contains(err.Error(), "MOVE") {
		t.Fatalf("Run: %v, want ErrMissingCapability naming MOVE", err)
	}
}

func TestNewIntakeRefusesClearTextToRemote(t *testing.T) {
	t.Parallel()
	_, err := NewIntake(IntakeOptions{URL: "imap://u:p@mail.example.org/INBOX?tls=none",
		Store: newFakeStore()})
	if !errors.Is(err, ErrClearText) {
		t.Fatalf("NewIntake: %v, want ErrClearText", err)
	}
	_, err = NewIntake(IntakeOptions{URL: "imap://u:p@mail.example.org/INBOX?tls=none",
		Store: newFakeStore(), AllowClearText: true})
	if err != nil {
		t.Fatalf("NewIntake with AllowClearText: %v", err)
	}
}

// proxy forwards TCP connections to a target and can cut them all.
type proxy struct {
	addr  string
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
	n     int
}

func startProxy(t *testing.T, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{addr: ln.Addr().String(), ln: ln}
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); p.cut(); wg.Wait() })
	wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, u)
			p.n++
			p.mu.Unlock()
			wg.Go(func() { io.Copy(u, c); u.Close() })
			wg.Go(func() { io.Copy(c, u); c.Close() })
		}
	})
	return p
}

func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *proxy) accepted() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.n
}

// TestIntakePoisonDoesNotBlock: a message the store always refuses stays
// in the INBOX and the messages after it are still committed and moved.
func TestIntakePoisonDoesNotBlock(t *testing.T) {
	t.Parallel()
	e := startEmbedded(t, EmbeddedOptions{})
	deliver(t, e, "poison")
	deliver(t, e, "healthy")
	store := newFakeStore()
	runIntake(t, IntakeOptions{URL: intakeURL(e, e.IMAPAddr),
		Store: poisonStore{store, "Subject: poison"}})
	waitFor(t, 5*time.Second, "the healthy message moved", func() bool {
		return len(folderState(t, e, "Processed")) == 1
	})
	if n := len(folderState(t, e, "INBOX")); n != 1 {
		t.Errorf("INBOX has %d messages, want the poison one", n)
	}
}
