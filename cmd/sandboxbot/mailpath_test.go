package main

import (
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"sandboxbot/internal/mailstack"
)

// TestLoopsGetNoAnswer sends the bot what must never be answered, through
// Postfix and Dovecot, and one ordinary question that must be, once.
func TestLoopsGetNoAnswer(t *testing.T) {
	t.Parallel()
	w := newWorld(t, worldOptions{})
	head := func(extra, subject string) []byte {
		return []byte(fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: %s\r\n"+
			"Message-ID: <%s.%d@example.test>\r\n%s\r\nbody\r\n", w.applicant.Address,
			w.bot.Address, subject, strings.ReplaceAll(subject, " ", "-"),
			time.Now().UnixNano(), extra))
	}
	raws := [][]byte{
		head("Auto-Submitted: auto-replied\r\n", "Out of office"),
		head("X-Autoreply: yes\r\n", "Vacation"),
		head("List-Id: <news.example.test>\r\n", "Newsletter"),
		head("Precedence: bulk\r\n", "Bulk"),
		[]byte(fmt.Sprintf("From: MAILER-DAEMON@example.test\r\nTo: %s\r\n"+
			"Subject: Undelivered Mail\r\nContent-Type: multipart/report; "+
			"report-type=delivery-status; boundary=r\r\n\r\n--r\r\nContent-Type: text/plain"+
			"\r\n\r\nfailed\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\n"+
			"Action: failed\r\nStatus: 5.1.1\r\n\r\n--r--\r\n", w.bot.Address)),
		head("", "What is this mailbox"),
	}
	if err := w.stack.SendAll(t.Context(), w.applicant.Address, []string{w.bot.Address},
		raws); err != nil {
		t.Fatal(err)
	}
	w.start()
	db := w.db()
	waitFor(t, 30*time.Second, "six messages read", func() bool {
		return count(t, db, "SELECT count(*) FROM inbound") == len(raws)
	})
	waitFor(t, 30*time.Second, "the answer sent", func() bool {
		return count(t, db, "SELECT count(*) FROM outbox WHERE state = 'sent'") >= 1
	})
	time.Sleep(500 * time.Millisecond) // anything more would be on its way by now
	if n := count(t, db, "SELECT count(*) FROM outbox"); n != 1 {
		t.Fatalf("%d messages sent, want one: the answer to the question", n)
	}
	if n := count(t, db, "SELECT count(*) FROM outbox WHERE notice = 'how_to'"); n != 1 {
		t.Fatalf("the one message is not the explanation")
	}
	waitFor(t, 30*time.Second, "the answer delivered", func() bool {
		return len(w.messageIDs(w.applicant, "INBOX")) == 1
	})
	if q := len(w.messageIDs(w.bot, "Quarantine")); q != len(raws)-1 {
		t.Errorf("%d messages in Quarantine, want %d", q, len(raws)-1)
	}
}

// smtpProxy forwards connections to an SMTP server, or, while down, hangs
// up on every connection at once, as a server that is down would.
type smtpProxy struct {
	ln     net.Listener
	target string
	up     atomic.Bool
	wg     sync.WaitGroup
}

func newSMTPProxy(t *testing.T, target string) *smtpProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &smtpProxy{ln: ln, target: target}
	p.wg.Go(p.serve)
	t.Cleanup(func() { ln.Close(); p.wg.Wait() })
	return p
}

func (p *smtpProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		if !p.up.Load() {
			c.Close()
			continue
		}
		p.wg.Go(func() {
			defer c.Close()
			s, err := net.DialTimeout("tcp", p.target, 5*time.Second)
			if err != nil {
				return
			}
			defer s.Close()
			done := make(chan struct{}, 2)
			go func() { io.Copy(s, c); done <- struct{}{} }()
			go func() { io.Copy(c, s); done <- struct{}{} }()
			<-done
		})
	}
}

// TestSMTPTrouble runs the bot while its SMTP server is down, then up with
// a recipient answered 451 and another 550: nothing is lost, the 451 is
// retried, the 550 fails once and the officers are told once.
func TestSMTPTrouble(t *testing.T) {
	t.Parallel()
	proxy := newSMTPProxy(t, mailstackSMTP(t))
	w := newWorld(t, worldOptions{smtp: proxy.ln.Addr().String(),
		mail: "retry_first = \"300ms\"\nretry_max = \"1s\"\nretry_attempts = 1000\n"})
	var raws [][]byte
	for _, contact := range []string{w.applicant.Address, "someone@tempfail.test",
		"someone@reject.test"} {
		raws = append(raws, w.submission(interestWorkbook(t, contact)))
	}
	if err := w.stack.SendAll(t.Context(), w.applicant.Address, []string{w.bot.Address},
		raws); err != nil {
		t.Fatal(err)
	}
	w.start()
	db := w.db()
	waitFor(t, 30*time.Second, "three cases", func() bool {
		return count(t, db, "SELECT count(*) FROM cases") == 3
	})
	waitFor(t, 30*time.Second, "retries while the server is down", func() bool {
		return count(t, db, "SELECT min(attempts) FROM outbox") >= 2
	})
	if n := count(t, db, "SELECT count(*) FROM outbox WHERE state != 'queued'"); n != 0 {
		t.Fatalf("%d rows left the queue while the server was down", n)
	}

	proxy.up.Store(true)
	t.Cleanup(func() {
		if t.Failed() {
			rows, _ := db.Query("SELECT notice, rcpt_to, state, attempts, last_reply FROM outbox")
			for rows.Next() {
				var n, r, st, reply string
				var a int
				rows.Scan(&n, &r, &st, &a, &reply)
				t.Logf("%s %s %s %d %q", n, r, st, a, reply)
			}
			rows.Close()
		}
	})
	waitFor(t, 30*time.Second, "the server's answers", func() bool {
		return count(t, db, `SELECT count(*) FROM outbox WHERE state = 'sent'
			AND notice != 'delivery_failed'`) == 4 &&
			count(t, db, "SELECT count(*) FROM outbox WHERE state = 'failed'") == 1 &&
			count(t, db, `SELECT count(*) FROM outbox WHERE notice = 'delivery_failed'
				AND state = 'sent'`) == 1
	})
	// The 451 goes on being retried; the failure is not told twice.
	before := count(t, db, "SELECT attempts FROM outbox WHERE rcpt_to LIKE '%tempfail%'")
	waitFor(t, 30*time.Second, "two more attempts at the 451", func() bool {
		return count(t, db, "SELECT attempts FROM outbox WHERE rcpt_to LIKE '%tempfail%'") >=
			before+2
	})
	if n := count(t, db, "SELECT count(*) FROM outbox WHERE notice = 'delivery_failed'"); n != 1 {
		t.Fatalf("%d failure notices, want one", n)
	}
	var reply string
	db.QueryRow("SELECT last_reply FROM outbox WHERE rcpt_to LIKE '%tempfail%'").Scan(&reply)
	if !strings.HasPrefix(reply, "451") {
		t.Errorf("the 451 row's last reply is %q", reply)
	}
	db.QueryRow("SELECT last_reply FROM outbox WHERE state = 'failed'").Scan(&reply)
	if !strings.HasPrefix(reply, "550") {
		t.Errorf("the failed row's reply is %q", reply)
	}
}

// mailstackSMTP is the shared stack's SMTP address.
func mailstackSMTP(t *testing.T) string { return mailstack.Shared(t).SMTP }

// TestUIDValidityReset restores a processed message into the intake and
// changes the mailbox's UIDVALIDITY while the bot is stopped: on restart
// exactly the new mail is processed.
func TestUIDValidityReset(t *testing.T) {
	t.Parallel()
	w := newWorld(t, worldOptions{})
	form := interestWorkbook(t, w.applicant.Address)
	send := func(n int) {
		var raws [][]byte
		for range n {
			raws = append(raws, w.submission(form))
		}
		if err := w.stack.SendAll(t.Context(), w.applicant.Address, []string{w.bot.Address},
			raws); err != nil {
			t.Fatal(err)
		}
	}
	send(2)
	b := w.start()
	db := w.db()
	waitFor(t, 30*time.Second, "two cases", func() bool {
		return count(t, db, "SELECT count(*) FROM cases") == 2 &&
			len(w.messageIDs(w.bot, "INBOX")) == 0
	})
	b.stop()

	c := mailstack.Login(t, w.stack, w.bot)
	defer c.Close()
	if _, err := c.Select("Processed", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Copy(imap.SeqSetNum(1), "INBOX").Wait(); err != nil {
		t.Fatal(err)
	}
	send(1)
	if err := w.stack.WaitQueue(t.Context(), 10*time.Second); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 10*time.Second, "the new mail delivered", func() bool {
		return len(w.messageIDs(w.bot, "INBOX")) == 2
	})
	if out, err := w.stack.Doveadm(t.Context(), "mailbox", "update", "-u", w.bot.Address,
		"--uid-validity", "777", "INBOX"); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	w.start()
	waitFor(t, 30*time.Second, "the inbox emptied", func() bool {
		return len(w.messageIDs(w.bot, "INBOX")) == 0
	})
	if n := count(t, db, "SELECT count(*) FROM cases"); n != 3 {
		t.Fatalf("%d cases, want 3: the restored copy was processed again or the new "+
			"mail skipped", n)
	}
	if n := count(t, db, "SELECT count(*) FROM inbound"); n != 3 {
		t.Fatalf("%d inbound records, want 3", n)
	}
}
