package mailbox

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"sandboxbot/internal/mailstack"
)

// dovecotURL is the intake URL of u's INBOX on the stack's Dovecot.
func dovecotURL(s *mailstack.Stack, u mailstack.User) string {
	return (&url.URL{Scheme: "imap", User: url.UserPassword(u.Address, u.Password),
		Host: s.IMAP, Path: "/INBOX", RawQuery: "tls=none"}).String()
}

// dovecotCounts returns the number of messages in each folder of u and
// how many of them carry \Seen.
func dovecotCounts(t testing.TB, s *mailstack.Stack, u mailstack.User,
	folders ...string) (counts []int, seen int) {
	t.Helper()
	c := mailstack.Login(t, s, u)
	defer c.Close()
	for _, f := range folders {
		st, err := c.Status(f, &imap.StatusOptions{NumMessages: true, NumUnseen: true}).Wait()
		if err != nil {
			counts = append(counts, -1)
			continue
		}
		counts = append(counts, int(*st.NumMessages))
		seen += int(*st.NumMessages - *st.NumUnseen)
	}
	return counts, seen
}

func sendTo(t *testing.T, s *mailstack.Stack, to, subject string) {
	t.Helper()
	if err := s.Send(t.Context(), "applicant@example.test", []string{to},
		testMessage(to, subject)); err != nil {
		t.Fatal(err)
	}
}

// TestIntakeDovecot runs the intake against Dovecot with mail delivered by
// Postfix: every message committed once, moved, never marked \Seen.
func TestIntakeDovecot(t *testing.T) {
	t.Parallel()
	s := mailstack.Shared(t)
	u := mailstack.NewUser(t, s, "sandbox.test")
	for i := range 20 {
		subject := fmt.Sprintf("before-%d", i)
		if i == 7 {
			subject = "quarantine"
		}
		sendTo(t, s, u.Address, subject)
	}
	store := newFakeStore()
	runIntake(t, IntakeOptions{URL: dovecotURL(s, u), Store: store})
	waitFor(t, 15*time.Second, "20 commits", func() bool { return len(store.committed()) == 20 })

	// One more during IDLE, timed from Postfix's 250 to the commit.
	start := time.Now()
	sendTo(t, s, u.Address, "during-idle")
	waitFor(t, 10*time.Second, "the 21st commit", func() bool {
		return len(store.committed()) == 21
	})
	t.Logf("Postfix accepted to committed: %v", time.Since(start))

	waitFor(t, 10*time.Second, "an empty INBOX", func() bool {
		counts, _ := dovecotCounts(t, s, u, "INBOX")
		return counts[0] == 0
	})
	counts, seen := dovecotCounts(t, s, u, "INBOX", "Processed", "Quarantine")
	if !slices.Equal(counts, []int{0, 20, 1}) || seen != 0 {
		t.Errorf("INBOX, Processed, Quarantine = %v, %d seen; want [0 20 1], 0 seen",
			counts, seen)
	}
	if store.commitErr != nil {
		t.Error(store.commitErr)
	}
}

// TestIntakeDovecotUIDValidityReset changes the INBOX's UIDVALIDITY while
// the intake is stopped, with one old message restored into the INBOX and
// one new one: exactly the new one is committed.
func TestIntakeDovecotUIDValidityReset(t *testing.T) {
	t.Parallel()
	s := mailstack.Shared(t)
	u := mailstack.NewUser(t, s, "sandbox.test")
	store := newFakeStore()
	run := func(want int) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		in, err := NewIntake(IntakeOptions{URL: dovecotURL(s, u), Store: store,
			MinBackoff: 20 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- in.Run(ctx) }()
		waitFor(t, 15*time.Second, fmt.Sprintf("%d commits", want), func() bool {
			counts, _ := dovecotCounts(t, s, u, "INBOX")
			return len(store.committed()) == want && counts[0] == 0
		})
		cancel()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	sendTo(t, s, u.Address, "a")
	sendTo(t, s, u.Address, "b")
	run(2)

	// The server "restores" message a into the INBOX, takes new mail, and
	// gets a new UIDVALIDITY, as after a rebuild of its indexes.
	c := mailstack.Login(t, s, u)
	defer c.Close()
	if _, err := c.Select("Processed", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Copy(imap.SeqSetNum(1), "INBOX").Wait(); err != nil {
		t.Fatal(err)
	}
	sendTo(t, s, u.Address, "c")
	if err := s.WaitQueue(t.Context(), 10*time.Second); err != nil {
		t.Fatal(err)
	}
	out, err := s.Doveadm(t.Context(), "mailbox", "update", "-u", u.Address,
		"--uid-validity", "12345", "INBOX")
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}

	run(3)
	got := store.committed()
	last := got[2]
	if !last.Resync || last.UIDValidity != 12345 || !strings.Contains(last.MessageID, "c@") {
		t.Errorf("third commit %+v, want message c with Resync under 12345", last)
	}
	counts, seen := dovecotCounts(t, s, u, "INBOX", "Processed")
	if !slices.Equal(counts, []int{0, 4}) || seen != 0 {
		t.Errorf("INBOX, Processed = %v (%d seen), want [0 4]: a restored copy is moved too",
			counts, seen)
	}
}
