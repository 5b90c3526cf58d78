package mailbox

import (
	"context"
	"errors"
	"fmt"
	"net/smtp"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// startEmbedded starts an embedded server for one test and closes it at
// the end of the test.
func startEmbedded(t *testing.T, opts EmbeddedOptions) *Embedded {
	t.Helper()
	e, err := StartEmbedded(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		e.Close()
		e.Wait()
	})
	return e
}

// login connects to the embedded server's IMAP as address.
func login(t *testing.T, e *Embedded, address string,
	opts *imapclient.Options) *imapclient.Client {
	t.Helper()
	c, err := imapclient.DialInsecure(e.IMAPAddr, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if err := c.Login(address, e.Password).Wait(); err != nil {
		t.Fatal(err)
	}
	return c
}

func testMessage(to, subject string) []byte {
	return fmt.Appendf(nil, "From: applicant@example.test\r\nTo: %s\r\nSubject: %s\r\n"+
		"Message-ID: <%s@example.test>\r\n\r\nbody of %s\r\n", to, subject, subject, subject)
}

func TestEmbeddedSMTPToIMAP(t *testing.T) {
	t.Parallel()
	e := startEmbedded(t, EmbeddedOptions{})
	to := "Bot@Sandbox.test"
	err := smtp.SendMail(e.SMTPAddr, nil, "applicant@example.test", []string{to},
		testMessage(to, "first"))
	if err != nil {
		t.Fatal(err)
	}

	c := login(t, e, "bot@sandbox.test", nil)
	for _, want := range []imap.Cap{imap.CapIdle, imap.CapMove, imap.CapUIDPlus} {
		if !c.Caps().Has(want) {
			t.Errorf("capability %s missing", want)
		}
	}
	sel, err := c.Select("INBOX", nil).Wait()
	if err != nil {
		t.Fatal(err)
	}
	if sel.NumMessages != 1 {
		t.Fatalf("INBOX has %d messages, want 1", sel.NumMessages)
	}
	msgs, err := c.Fetch(imap.SeqSetNum(1), &imap.FetchOptions{
		Flags: true, BodySection: []*imap.FetchItemBodySection{{Peek: true}},
	}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	body := string(msgs[0].FindBodySection(&imap.FetchItemBodySection{}))
	if !strings.HasPrefix(body, "Return-Path: <applicant@example.test>\r\n") ||
		!strings.Contains(body, "Subject: first") {
		t.Errorf("delivered message is %q", body)
	}
	if len(msgs[0].Flags) != 0 {
		t.Errorf("BODY.PEEK[] set flags %v", msgs[0].Flags)
	}
}

func TestEmbeddedLoginRefusals(t *testing.T) {
	t.Parallel()
	e := startEmbedded(t, EmbeddedOptions{Password: "right"})
	tests := []struct{ user, pass string }{
		{"bot@sandbox.test", "wrong"},
		{"no-domain", "right"},
		{"bot@sandbox.test", ""},
	}
	for _, tt := range tests {
		c, err := imapclient.DialInsecure(e.IMAPAddr, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Login(tt.user, tt.pass).Wait(); err == nil {
			t.Errorf("login %q/%q accepted", tt.user, tt.pass)
		}
		c.Close()
	}
}

// TestEmbeddedIdleAndMove checks that a delivery wakes an IDLE client and
// that UID MOVE answers COPYUID with the destination's UIDVALIDITY.
func TestEmbeddedIdleAndMove(t *testing.T) {
	t.Parallel()
	e := startEmbedded(t, EmbeddedOptions{})
	exists := make(chan uint32, 10)
	c := login(t, e, "bot@sandbox.test", &imapclient.Options{
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			Mailbox: func(d *imapclient.UnilateralDataMailbox) {
				if d.NumMessages != nil {
					exists <- *d.NumMessages
				}
			},
		},
	})
	if err := c.Create("Processed", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	idle, err := c.Idle()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := e.Deliver("a@example.test", []string{"bot@sandbox.test"},
		testMessage("bot@sandbox.test", "idle")); err != nil {
		t.Fatal(err)
	}
	select {
	case n := <-exists:
		if n != 1 {
			t.Fatalf("EXISTS %d, want 1", n)
		}
		t.Logf("IDLE woke after %v", time.Since(start))
	case <-time.After(5 * time.Second):
		t.Fatal("IDLE did not report the delivery")
	}
	if err := idle.Close(); err != nil {
		t.Fatal(err)
	}
	if err := idle.Wait(); err != nil {
		t.Fatal(err)
	}

	st, err := c.Status("Processed", &imap.StatusOptions{UIDValidity: true}).Wait()
	if err != nil {
		t.Fatal(err)
	}
	moved, err := c.Move(imap.UIDSetNum(1), "Processed").Wait()
	if err != nil {
		t.Fatal(err)
	}
	if moved.UIDValidity != st.UIDValidity || moved.UIDValidity <= 2 {
		t.Errorf("COPYUID uidvalidity %d, Processed has %d", moved.UIDValidity, st.UIDValidity)
	}
	if got := c.Mailbox().NumMessages; got != 0 {
		t.Errorf("INBOX has %d messages after MOVE, want 0", got)
	}
	sel, err := c.Select("Processed", nil).Wait()
	if err != nil {
		t.Fatal(err)
	}
	if sel.NumMessages != 1 {
		t.Errorf("Processed has %d messages, want 1", sel.NumMessages)
	}
}

// TestEmbeddedRestartNewUIDValidity checks that a second run of the server
// with the same state file shows a different UIDVALIDITY for INBOX.
func TestEmbeddedRestartNewUIDValidity(t *testing.T) {
	t.Parallel()
	state := filepath.Join(t.TempDir(), "uidvalidity")
	validity := func() uint32 {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		e, err := StartEmbedded(ctx, EmbeddedOptions{StateFile: state})
		if err != nil {
			t.Fatal(err)
		}
		c, err := imapclient.DialInsecure(e.IMAPAddr, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if err := c.Login("bot@sandbox.test", e.Password).Wait(); err != nil {
			t.Fatal(err)
		}
		sel, err := c.Select("INBOX", nil).Wait()
		if err != nil {
			t.Fatal(err)
		}
		cancel()
		e.Wait() // ctx ended: the server stops by itself
		return sel.UIDValidity
	}
	first, second := validity(), validity()
	if second < first+uidValidityStride {
		t.Fatalf("UIDVALIDITY %d then %d: the restart may reuse values", first, second)
	}
}

func TestEmbeddedRefusesNonLoopback(t *testing.T) {
	t.Parallel()
	for _, addr := range []string{"0.0.0.0:0", "192.0.2.1:25", ":1143", "example.org:25"} {
		_, err := StartEmbedded(t.Context(), EmbeddedOptions{IMAPAddr: addr})
		if !errors.Is(err, ErrNotLoopback) {
			t.Errorf("IMAPAddr %q: err %v, want ErrNotLoopback", addr, err)
		}
	}
}

func TestUIDValidityBase(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_800_000_000, 0)
	tests := []struct {
		name  string
		state string // content of the state file; "-" for none
		want  uint32
	}{
		{"first run", "-", 1_800_000_000},
		{"after an older run", "1700000000\n", 1_800_000_000},
		{"after a run this second", "1800000000\n", 1_800_000_000 + uidValidityStride},
		{"clock went back", "1900000000\n", 1_900_000_000 + uidValidityStride},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "state")
			if tt.state != "-" {
				if err := writeFileAtomic(path, []byte(tt.state)); err != nil {
					t.Fatal(err)
				}
			}
			got, err := uidValidityBase(path, now)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("base %d, want %d", got, tt.want)
			}
			again, err := uidValidityBase(path, now)
			if err != nil || again != got+uidValidityStride {
				t.Errorf("next base %d, %v; want %d", again, err, got+uidValidityStride)
			}
		})
	}
	late := time.Unix(1<<32-10, 0)
	if _, err := uidValidityBase(filepath.Join(t.TempDir(), "x"), late); !errors.Is(err,
		ErrUIDValidityExhausted) {
		t.Errorf("near the end of uint32: %v", err)
	}
}

func TestEmbeddedInstructionsNameThePorts(t *testing.T) {
	t.Parallel()
	e := startEmbedded(t, EmbeddedOptions{Password: "pw123"})
	text := e.Instructions("bot@sandbox.test")
	_, port, _ := strings.Cut(e.IMAPAddr, ":")
	for _, want := range []string{port, "pw123", "bot@sandbox.test"} {
		if !strings.Contains(text, want) {
			t.Errorf("instructions lack %q:\n%s", want, text)
		}
	}
}

func TestEmbeddedCloseIsClean(t *testing.T) {
	t.Parallel()
	e, err := StartEmbedded(t.Context(), EmbeddedOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	e.Wait()
	if err := smtp.SendMail(e.SMTPAddr, nil, "a@b.test", []string{"c@d.test"},
		[]byte("\r\n")); err == nil {
		t.Error("SMTP still answers after Close")
	}
}
