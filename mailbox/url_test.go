package mailbox

import (
	"errors"
	"strings"
	"testing"
)

func TestParseServerURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw  string
		want ServerURL
	}{
		{"imap://bot%40sandbox.test:p%3Ass@127.0.0.1:1143/INBOX?tls=none", ServerURL{
			Scheme: "imap", Host: "127.0.0.1", Port: 1143, TLS: TLSNone,
			Username: "bot@sandbox.test", Password: "p:ss", Mailbox: "INBOX"}},
		{"imaps://u:p@mail.example.org/Intake/Forms", ServerURL{
			Scheme: "imap", Host: "mail.example.org", Port: 993, TLS: TLSImplicit,
			Username: "u", Password: "p", Mailbox: "Intake/Forms"}},
		{"imap://u:p@mail.example.org", ServerURL{
			Scheme: "imap", Host: "mail.example.org", Port: 143, TLS: TLSStartTLS,
			Username: "u", Password: "p", Mailbox: "INBOX"}},
		{"smtp://u:p@[::1]:2525?tls=none", ServerURL{
			Scheme: "smtp", Host: "::1", Port: 2525, TLS: TLSNone, Username: "u", Password: "p"}},
		{"smtp://relay.example.org", ServerURL{
			Scheme: "smtp", Host: "relay.example.org", Port: 587, TLS: TLSStartTLS}},
		{"smtp://relay.example.org:465", ServerURL{
			Scheme: "smtp", Host: "relay.example.org", Port: 465, TLS: TLSImplicit}},
		{"smtps://relay.example.org", ServerURL{
			Scheme: "smtp", Host: "relay.example.org", Port: 465, TLS: TLSImplicit}},
		{"smtp://relay.example.org?tls=none", ServerURL{
			Scheme: "smtp", Host: "relay.example.org", Port: 25, TLS: TLSNone}},
	}
	for _, tt := range tests {
		got, err := ParseServerURL(tt.raw)
		if err != nil {
			t.Errorf("ParseServerURL(%q): %v", tt.raw, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseServerURL(%q)\n got %+v\nwant %+v", tt.raw, got, tt.want)
		}
	}
}

func TestParseServerURLRefusals(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{
		"http://host", "imap://", "imap://h:0", "imap://h:99999", "imap://h:x",
		"smtp://h?tls=maybe", "smtp://h?foo=1", "imaps://h?tls=none", "smtp://h/path",
		"imap://u:secret@h:1%zz",
	} {
		_, err := ParseServerURL(raw)
		if !errors.Is(err, ErrBadURL) {
			t.Errorf("ParseServerURL(%q): %v, want ErrBadURL", raw, err)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("error shows the password: %v", err)
		}
	}
}

func TestServerURLRedactedAndClearText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw      string
		redacted string
		clear    bool
	}{
		{"imap://u:pw@127.0.0.1:143/INBOX?tls=none", "imap://u@127.0.0.1:143/INBOX?tls=none", false},
		{"imap://u:pw@10.0.0.1/INBOX?tls=none", "imap://u@10.0.0.1:143/INBOX?tls=none", true},
		{"smtp://u:pw@localhost:25?tls=none", "smtp://u@localhost:25?tls=none", false},
		{"smtp://u:pw@relay.example.org?tls=starttls",
			"smtp://u@relay.example.org:587?tls=starttls", false},
		{"smtp://relay.example.org?tls=none", "smtp://relay.example.org:25?tls=none", false},
	}
	for _, tt := range tests {
		u, err := ParseServerURL(tt.raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := u.Redacted(); got != tt.redacted {
			t.Errorf("%s: Redacted %q, want %q", tt.raw, got, tt.redacted)
		}
		if got := u.ClearTextCredentials(); got != tt.clear {
			t.Errorf("%s: ClearTextCredentials %v, want %v", tt.raw, got, tt.clear)
		}
	}
}

func FuzzParseServerURL(f *testing.F) {
	f.Add("imap://u:p@127.0.0.1:143/INBOX?tls=none")
	f.Add("smtps://u:p@h")
	f.Add("smtp://[::1]:25?tls=implicit")
	f.Fuzz(func(t *testing.T, raw string) {
		u, err := ParseServerURL(raw)
		if err != nil {
			if !errors.Is(err, ErrBadURL) {
				t.Fatalf("error %v does not wrap ErrBadURL", err)
			}
			return
		}
		if u.Port <= 0 || u.Port > 65535 || u.TLS == "" || u.Host == "" {
			t.Fatalf("parsed %q into %+v", raw, u)
		}
		back, err := ParseServerURL(u.Redacted())
		if err != nil {
			t.Fatalf("Redacted %q does not parse: %v", u.Redacted(), err)
		}
		if back.Password != "" {
			t.Fatalf("Redacted %q keeps the password", u.Redacted())
		}
	})
}
