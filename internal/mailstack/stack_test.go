package mailstack

import (
	"context"
	"crypto/tls"
	"fmt"
	"net/smtp"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// TestDelivery sends through Postfix and reads the message back from
// Dovecot, for a user added after the start.
func TestDelivery(t *testing.T) {
	t.Parallel()
	s := Shared(t)
	u := NewUser(t, s, "example.test")
	raw := "From: a@example.test\r\nTo: " + u.Address +
		"\r\nSubject: delivery\r\nMessage-ID: <d1@example.test>\r\n\r\nhello\r\n"

	start := time.Now()
	if err := s.Send(t.Context(), "a@example.test", []string{u.Address}, []byte(raw)); err != nil {
		t.Fatal(err)
	}
	accepted := time.Since(start)

	c := Login(t, s, u)
	defer c.Close()
	var n uint32
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		data, err := c.Status("INBOX", &imap.StatusOptions{NumMessages: true}).Wait()
		if err != nil {
			t.Fatal(err)
		}
		if n = *data.NumMessages; n > 0 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if n != 1 {
		t.Fatalf("inbox has %d messages, want 1", n)
	}
	t.Logf("accepted in %v, in the inbox after %v", accepted, time.Since(start))

	caps := c.Caps()
	for _, want := range []imap.Cap{imap.CapIdle, imap.CapMove, imap.CapUIDPlus} {
		if !caps.Has(want) {
			t.Errorf("Dovecot lacks %s", want)
		}
	}
}

// TestRefusals checks that only test domains are accepted and that the two
// answering domains answer as documented.
func TestRefusals(t *testing.T) {
	t.Parallel()
	s := Shared(t)
	tests := []struct {
		rcpt string
		code string
	}{
		{"x@tempfail.test", "451"},
		{"x@reject.test", "550"},
		{"nobody@sandbox.test", "550"},
		{"someone@example.com", "550"},
	}
	for _, tt := range tests {
		t.Run(tt.rcpt, func(t *testing.T) {
			t.Parallel()
			err := s.Send(t.Context(), "a@example.test", []string{tt.rcpt}, []byte("\r\n"))
			if err == nil || !strings.Contains(err.Error(), tt.code) {
				t.Fatalf("send to %s: %v, want a %s answer", tt.rcpt, err, tt.code)
			}
		})
	}
}

// TestTLSAndAuth logs in over implicit TLS to both servers and over
// STARTTLS to Postfix with the stack's certificate.
func TestTLSAndAuth(t *testing.T) {
	t.Parallel()
	s := Shared(t)
	cfg := s.TLSConfig()
	if cfg == nil {
		t.Fatal("stack has no TLS: is openssl installed?")
	}
	u := s.Users[0]

	c, err := imapclient.DialTLS(s.IMAPS, &imapclient.Options{TLSConfig: cfg})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(u.Address, u.Password).Wait(); err != nil {
		t.Fatal(err)
	}

	conn, err := tls.Dial("tcp", s.SMTPS, cfg)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := smtp.NewClient(conn, "localhost")
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()
	if err := sc.Auth(smtp.PlainAuth("", u.Address, u.Password, "localhost")); err != nil {
		t.Fatal(err)
	}

	plain, err := smtp.Dial(s.SMTP)
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	if err := plain.StartTLS(cfg); err != nil {
		t.Fatal(err)
	}
	if err := plain.Auth(smtp.PlainAuth("", u.Address, "wrong", "localhost")); err == nil {
		t.Fatal("a wrong password was accepted")
	}
}

func TestDoveadm(t *testing.T) {
	t.Parallel()
	s := Shared(t)
	out, err := s.Doveadm(t.Context(), "mailbox", "status", "-u", s.Users[0].Address,
		"uidvalidity", "INBOX")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "uidvalidity=") {
		t.Fatalf("doveadm said %q", out)
	}
}

func TestSanitize(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"TestDelivery", "testdelivery"},
		{"TestX/sub_test#01", "testx-sub-test-01"},
		{"///", "user"},
		{strings.Repeat("a", 40), strings.Repeat("a", 24)},
	}
	for _, tt := range tests {
		if got := sanitize(tt.in); got != tt.want {
			t.Errorf("sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStartRefusesLongDir(t *testing.T) {
	t.Parallel()
	_, err := Start(context.Background(), "/tmp/"+strings.Repeat("d", 80))
	if err == nil || !strings.Contains(err.Error(), "longer than") {
		t.Fatalf("Start with a long dir: %v", err)
	}
}

// TestOwnStack starts a second stack next to the shared one, checking that
// two stacks do not clash, and that New stops it.
func TestOwnStack(t *testing.T) {
	t.Parallel()
	s := New(t)
	if s.IMAP == Shared(t).IMAP {
		t.Fatal("two stacks share a port")
	}
	raw := fmt.Sprintf("Subject: own\r\nTo: %s\r\n\r\nx\r\n", s.Users[0].Address)
	if err := s.Send(t.Context(), "", []string{s.Users[0].Address}, []byte(raw)); err != nil {
		t.Fatal(err)
	}
	if err := s.WaitQueue(t.Context(), 5*time.Second); err != nil {
		t.Fatal(err)
	}
}

// TestAddUserLogsInAtOnce adds two users within one second, the case
// Dovecot's once-a-second reread of its user list would miss, and logs in
// as each at once.
func TestAddUserLogsInAtOnce(t *testing.T) {
	t.Parallel()
	s := Shared(t)
	for i := range 2 {
		u, err := s.AddUser(t.Context(), fmt.Sprintf("added-%d-%d@example.test", i,
			time.Now().UnixNano()), "pw")
		if err != nil {
			t.Fatal(err)
		}
		c, err := imapclient.DialInsecure(s.IMAP, nil)
		if err != nil {
			t.Fatal(err)
		}
		err = c.Login(u.Address, u.Password).Wait()
		c.Close()
		if err != nil {
			t.Fatalf("login as %s right after AddUser: %v", u.Address, err)
		}
	}
}
