package main

import (
	"fmt"
	"net/mail"
	"strings"
	"time"

	"sandboxbot/mailbox"
)

// MailConfig is the [mail] section: the servers, the bot's address and who
// gets what.
type MailConfig struct {
	Intake               string   `toml:"intake" help:"The intake mailbox as a URL: imap://user:pass@host:143/INBOX (STARTTLS unless ?tls=none) or imaps://user:pass@host:993/INBOX. Empty: run the embedded mail server on loopback, for trying the bot."`
	SMTP                 string   `toml:"smtp" help:"The submission server as a URL: smtp://user:pass@host:587?tls=starttls (or tls=implicit on 465, tls=none on loopback). Required with intake."`
	Address              string   `toml:"address" help:"The bot's own address: the From of its mail, and where replies and delivery reports come back (the intake mailbox's address)."`
	Name                 string   `toml:"name" help:"The display name of the bot's mail."`
	Management           []string `toml:"management" help:"Addresses of the management list: the weekly workbook and the agency's overdue decisions."`
	AllowClearText       bool     `toml:"allow_clear_text" help:"Allow passwords over unencrypted connections to hosts that are not loopback. Leave off."`
	MaxMessageMB         int      `toml:"max_message_mb" help:"The largest message read, in MiB; a larger one is quarantined and its sender told."`
	RepliesPerHour       int      `toml:"replies_per_hour" help:"How many explanations and refusals one sender gets per hour; more are recorded unanswered (a guard against mail loops)."`
	RetryFirst           string   `toml:"retry_first" help:"Delay before the first retry of a letter the server refused for now (4xx) or could not take; it doubles each time (a Go duration: 30s, 1m, 2h)."`
	RetryMax             string   `toml:"retry_max" help:"The longest delay between retries of a letter."`
	RetryAttempts        int      `toml:"retry_attempts" help:"Temporary failures after which a letter fails for good and the officers are told."`
	EmbeddedIMAP         string   `toml:"embedded_imap" help:"Listening address of the embedded IMAP server (loopback only)."`
	EmbeddedSMTP         string   `toml:"embedded_smtp" help:"Listening address of the embedded SMTP server (loopback only)."`
	AuthServID           string   `toml:"authserv_id" help:"The authserv-id your own receiving server writes in the Authentication-Results header it adds (RFC 8601); only its verdict is trusted. Empty: DKIM is verified by the bot itself."`
	AllowUnauthenticated bool     `toml:"allow_unauthenticated" help:"Accept officers' commands whose sender cannot be proven by DKIM. Only for trying the bot; a warning is logged at every start."`
	TXTRecords           string   `toml:"txt_records" help:"File of DNS TXT records (one 'name value' a line) used before DNS for DKIM keys: for a closed network or tests."`
	TokenKeyFile         string   `toml:"token_key_file" help:"File of the key that signs officers' reply tokens; default reply.key in the data directory, made on first start."`
	TokenDays            int      `toml:"token_days" help:"Days an officer's reply address stays valid."`
	DKIMDomain           string   `toml:"dkim_domain" help:"Sign outgoing mail with DKIM for this domain (d=); empty: no signing."`
	DKIMSelector         string   `toml:"dkim_selector" help:"The DKIM selector (s=) whose TXT record holds the public key."`
	DKIMKeyFile          string   `toml:"dkim_key_file" help:"PEM file of the DKIM private key (RSA or Ed25519, PKCS#8 or PKCS#1)."`
}

func defaultMail() MailConfig {
	return MailConfig{Address: "sandbox@sandboxbot.test", Name: "ETDA Digital Service Sandbox",
		MaxMessageMB: 25, RepliesPerHour: 5, RetryFirst: "1m", RetryMax: "1h",
		RetryAttempts: 100, TokenDays: 30, EmbeddedIMAP: "127.0.0.1:1143",
		EmbeddedSMTP: "127.0.0.1:1025"}
}

// validate checks what the types do not, naming the key and a right value.
func (m MailConfig) validate() error {
	if _, err := mail.ParseAddress(m.Address); err != nil || !strings.Contains(m.Address, "@") {
		return fmt.Errorf("config mail.address: %q is not an address like "+
			"sandbox@etda.or.th", m.Address)
	}
	if m.Intake != "" {
		if _, err := mailbox.ParseServerURL(m.Intake); err != nil {
			return fmt.Errorf("config mail.intake: %w", err)
		}
		if m.SMTP == "" {
			return fmt.Errorf("config mail.smtp: required when mail.intake is set, like " +
				"smtp://user:pass@mail.example.org:587?tls=starttls")
		}
	}
	if m.SMTP != "" {
		if _, err := mailbox.ParseServerURL(m.SMTP); err != nil {
			return fmt.Errorf("config mail.smtp: %w", err)
		}
	}
	for _, a := range m.Management {
		if _, err := mail.ParseAddress(a); err != nil {
			return fmt.Errorf("config mail.management: %q is not an address", a)
		}
	}
	for key, v := range map[string]string{"retry_first": m.RetryFirst,
		"retry_max": m.RetryMax} {
		if d, err := time.ParseDuration(v); err != nil || d <= 0 {
			return fmt.Errorf("config mail.%s: %q is not a duration like 1m or 2h", key, v)
		}
	}
	if m.TokenDays < 1 {
		return fmt.Errorf("config mail.token_days: %d; give 1 or more", m.TokenDays)
	}
	if m.RetryAttempts < 1 {
		return fmt.Errorf("config mail.retry_attempts: %d; give 1 or more", m.RetryAttempts)
	}
	if m.MaxMessageMB < 1 {
		return fmt.Errorf("config mail.max_message_mb: %d; give a size in MiB, 1 or more",
			m.MaxMessageMB)
	}
	if (m.DKIMDomain == "") != (m.DKIMKeyFile == "") ||
		(m.DKIMDomain != "" && m.DKIMSelector == "") {
		return fmt.Errorf("config mail: DKIM signing needs dkim_domain, dkim_selector and " +
			"dkim_key_file together")
	}
	return nil
}

// retries returns the sender's retry delays, validated.
func (m MailConfig) retries() (first, most time.Duration) {
	first, _ = time.ParseDuration(m.RetryFirst)
	most, _ = time.ParseDuration(m.RetryMax)
	return first, most
}
