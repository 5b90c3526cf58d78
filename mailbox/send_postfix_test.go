package mailbox

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"sandboxbot/internal/mailstack"
)

// inboxBodies returns the raw messages in u's INBOX on the stack.
func inboxBodies(t *testing.T, s *mailstack.Stack, u mailstack.User) [][]byte {
	t.Helper()
	c := mailstack.Login(t, s, u)
	defer c.Close()
	sel, err := c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil || sel.NumMessages == 0 {
		return nil
	}
	msgs, err := c.Fetch(imap.SeqSet{{Start: 1, Stop: 0}}, &imap.FetchOptions{
		BodySection: []*imap.FetchItemBodySection{{Peek: true}}}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for _, m := range msgs {
		out = append(out, m.FindBodySection(&imap.FetchItemBodySection{}))
	}
	return out
}

// TestSenderPostfix sends through Postfix in each TLS mode, with and
// without a login, and finds each letter in Dovecot byte for byte.
func TestSenderPostfix(t *testing.T) {
	t.Parallel()
	s := mailstack.Shared(t)
	rcpt := mailstack.NewUser(t, s, "example.test")
	login := s.Users[0] // bot@sandbox.test
	auth := url.UserPassword(login.Address, login.Password).String() + "@"
	tests := []struct{ name, url string }{
		{"plain", "smtp://" + s.SMTP + "?tls=none"},
		{"plain-auth", "smtp://" + auth + s.SMTP + "?tls=none"},
		{"starttls-auth", "smtp://" + auth + s.SMTP + "?tls=starttls"},
		{"implicit-auth", "smtp://" + auth + s.SMTPS + "?tls=implicit"},
	}
	out := &fakeOutbox{}
	var rows []*fakeRow
	for _, tt := range tests {
		rows = append(rows, out.add(letter(rcpt.Address, tt.name+"@sandbox.test")))
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runSender(t, SenderOptions{URL: tt.url, Outbox: &oneRow{out, rows[i].ID},
				TLSConfig: s.TLSConfig()})
			waitFor(t, 10*time.Second, "the letter sent", func() bool {
				return out.snapshot(rows[i].ID).done
			})
			r := out.snapshot(rows[i].ID)
			if len(r.sent) != 1 || !strings.HasPrefix(r.sent[0], "250 2.0.0 Ok: queued as ") {
				t.Fatalf("row: sent %q, retries %q, failed %q", r.sent, r.retries, r.failed)
			}
		})
	}
	if err := s.WaitQueue(t.Context(), 10*time.Second); err != nil {
		t.Fatal(err)
	}
	got := inboxBodies(t, s, rcpt)
	if len(got) != len(tests) {
		t.Fatalf("INBOX has %d letters, want %d", len(got), len(tests))
	}
	for _, body := range got {
		found := false
		for _, r := range rows {
			found = found || bytes.HasSuffix(body, r.Raw)
		}
		if !found {
			t.Errorf("delivered letter does not end with a row's bytes:\n%s", body)
		}
	}
}

// oneRow limits an outbox to one of its rows, so that parallel senders
// each take their own.
type oneRow struct {
	*fakeOutbox
	id int64
}

func (o *oneRow) Claim(_ context.Context, now time.Time, lease time.Duration) (*OutboxRow, error) {
	o.mu.Lock()
	r := o.row(o.id)
	due := !r.done && !r.due.After(now) && !r.claimedUntil.After(now)
	if due {
		r.claimedUntil = now.Add(lease)
	}
	row := r.OutboxRow
	o.mu.Unlock()
	if !due {
		return nil, nil
	}
	return &row, nil
}

// TestSenderPostfixAnswers checks Postfix's 4xx and 5xx at RCPT time and a
// refused login: a retry, one failure, a retry.
func TestSenderPostfixAnswers(t *testing.T) {
	t.Parallel()
	s := mailstack.Shared(t)
	out := &fakeOutbox{}
	temp := out.add(letter("someone@tempfail.test", "t@sandbox.test"))
	perm := out.add(letter("someone@reject.test", "p@sandbox.test"))
	runSender(t, SenderOptions{URL: "smtp://" + s.SMTP + "?tls=none", Outbox: out})
	waitFor(t, 10*time.Second, "both answers", func() bool {
		return len(out.snapshot(temp.ID).retries) == 1 && out.snapshot(perm.ID).done
	})
	if r := out.snapshot(temp.ID); !strings.HasPrefix(r.retries[0], "451 4.3.0") || r.done {
		t.Errorf("tempfail row: %+v", r)
	}
	r := out.snapshot(perm.ID)
	if len(r.failed) != 1 || !strings.HasPrefix(r.failed[0], "550 5.1.1") {
		t.Errorf("reject row: %+v", r)
	}

	badLogin := &fakeOutbox{}
	row := badLogin.add(letter(s.Users[2].Address, "b@sandbox.test"))
	runSender(t, SenderOptions{Outbox: badLogin,
		URL: fmt.Sprintf("smtp://%s@%s?tls=none", url.UserPassword(s.Users[0].Address,
			"wrong").String(), s.SMTP)})
	waitFor(t, 10*time.Second, "a retry", func() bool {
		return len(badLogin.snapshot(row.ID).retries) == 1
	})
	if r := badLogin.snapshot(row.ID); r.done || strings.Contains(r.retries[0], "wrong") {
		t.Errorf("row after a refused login: %+v", r)
	}
}
