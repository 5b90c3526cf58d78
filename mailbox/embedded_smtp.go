package mailbox

import (
	"bytes"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// embeddedSMTP accepts mail for any address and hands it to embeddedIMAP.
type embeddedSMTP struct {
	server *smtp.Server
	imap   *embeddedIMAP
}

func newEmbeddedSMTP(imap *embeddedIMAP, maxBytes int64, log *slog.Logger) *embeddedSMTP {
	s := &embeddedSMTP{imap: imap}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &embeddedSMTPSession{srv: s}, nil
	}))
	srv.Domain = "sandboxbot-embedded"
	srv.MaxMessageBytes = maxBytes
	srv.MaxRecipients = 100
	srv.AllowInsecureAuth = true // loopback only, see listenLoopback
	srv.ReadTimeout = 5 * time.Minute
	srv.WriteTimeout = time.Minute
	srv.EnableSMTPUTF8 = true
	srv.ErrorLog = slogPrintf{log}
	s.server = srv
	return s
}

// embeddedSMTPSession is one SMTP transaction at a time. Authentication is
// accepted but not required.
type embeddedSMTPSession struct {
	srv  *embeddedSMTP
	from string
	to   []string
}

var _ smtp.AuthSession = (*embeddedSMTPSession)(nil)

func (s *embeddedSMTPSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *embeddedSMTPSession) Auth(mech string) (sasl.Server, error) {
	if mech != sasl.Plain {
		return nil, smtp.ErrAuthUnknownMechanism
	}
	return sasl.NewPlainServer(func(_, _, password string) error {
		if password != s.srv.imap.password {
			return smtp.ErrAuthFailed
		}
		return nil
	}), nil
}

func (s *embeddedSMTPSession) Mail(from string, _ *smtp.MailOptions) error {
	s.from = from
	return nil
}

func (s *embeddedSMTPSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	if !strings.Contains(to, "@") {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 3},
			Message: "recipient needs a domain"}
	}
	s.to = append(s.to, to)
	return nil
}

func (s *embeddedSMTPSession) Data(r io.Reader) error {
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(r); err != nil {
		return err // smtp.ErrDataTooLarge among others: answered as is
	}
	return s.srv.imap.deliver(s.from, s.to, buf.Bytes(), time.Now())
}

func (s *embeddedSMTPSession) Reset() { s.from, s.to = "", nil }

func (s *embeddedSMTPSession) Logout() error { return nil }
