package mailbox

import (
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// TLSMode says how a connection to a mail server is protected.
type TLSMode string

// The TLS modes of a server URL's "tls" parameter.
const (
	TLSNone     TLSMode = "none"     // plain text throughout
	TLSStartTLS TLSMode = "starttls" // plain text upgraded by STARTTLS, required
	TLSImplicit TLSMode = "implicit" // TLS from the first byte (imaps, smtps)
)

// ServerURL is a parsed mail server URL: imap://, imaps://, smtp:// or
// smtps://, with the user and password, if any, percent-encoded in it.
type ServerURL struct {
	Scheme   string  // "imap" or "smtp"; imaps and smtps become TLSImplicit
	Host     string  // host name or IP, without port
	Port     int     // never zero: defaults by scheme and TLS mode
	TLS      TLSMode // never empty
	Username string  // empty for no authentication
	Password string
	Mailbox  string // IMAP only: the path, "INBOX" when empty
}

// Addr returns "host:port".
func (u ServerURL) Addr() string { return net.JoinHostPort(u.Host, strconv.Itoa(u.Port)) }

// Redacted returns the URL without the password, for logs and as the
// identity of an intake mailbox.
func (u ServerURL) Redacted() string {
	v := url.URL{Scheme: u.Scheme, Host: u.Addr(), RawQuery: "tls=" + string(u.TLS)}
	if u.Username != "" {
		v.User = url.User(u.Username)
	}
	if u.Scheme == "imap" {
		v.Path = "/" + u.Mailbox
	}
	return v.String()
}

// Loopback reports whether Host is a loopback address or "localhost".
func (u ServerURL) Loopback() bool {
	if u.Host == "localhost" {
		return true
	}
	ip := net.ParseIP(u.Host)
	return ip != nil && ip.IsLoopback()
}

// ClearTextCredentials reports whether a password would cross the network
// unencrypted: a password, TLS off, and a host that is not loopback.
func (u ServerURL) ClearTextCredentials() bool {
	return u.Password != "" && u.TLS == TLSNone && !u.Loopback()
}

// ParseServerURL parses an imap, imaps, smtp or smtps URL:
//
//	imap://user:pass@host:port/INBOX[?tls=none|starttls]
//	imaps://user:pass@host:port/INBOX
//	smtp://user:pass@host:port[?tls=none|starttls|implicit]
//
// Without a "tls" parameter, imap means STARTTLS on port 143 and smtp means
// STARTTLS on port 587 (implicit TLS when the port is 465); imaps and smtps
// mean implicit TLS on 993 and 465. Errors wrap [ErrBadURL].
func ParseServerURL(raw string) (ServerURL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		// url.Parse quotes the whole URL, password included: say less.
		return ServerURL{}, fmt.Errorf("mailbox: parsing server URL: %w", ErrBadURL)
	}
	var s ServerURL
	switch u.Scheme {
	case "imap", "smtp":
		s.Scheme = u.Scheme
	case "imaps", "smtps":
		s.Scheme, s.TLS = strings.TrimSuffix(u.Scheme, "s"), TLSImplicit
	default:
		return ServerURL{}, fmt.Errorf("mailbox: server URL scheme %q: %w", u.Scheme, ErrBadURL)
	}
	if err := s.setTLS(u.Query()); err != nil {
		return ServerURL{}, err
	}
	if err := s.setHost(u); err != nil {
		return ServerURL{}, err
	}
	if u.User != nil {
		s.Username = u.User.Username()
		s.Password, _ = u.User.Password()
	}
	if s.Scheme == "imap" {
		s.Mailbox = strings.TrimPrefix(u.Path, "/")
		if s.Mailbox == "" {
			s.Mailbox = "INBOX"
		}
	} else if u.Path != "" && u.Path != "/" {
		return ServerURL{}, fmt.Errorf("mailbox: smtp URL with a path: %w", ErrBadURL)
	}
	return s, nil
}

func (s *ServerURL) setTLS(q url.Values) error {
	for k := range q {
		if k != "tls" {
			return fmt.Errorf("mailbox: server URL parameter %q: %w", k, ErrBadURL)
		}
	}
	mode := TLSMode(q.Get("tls"))
	switch {
	case mode == "":
	case s.TLS == TLSImplicit && mode != TLSImplicit:
		return fmt.Errorf("mailbox: %ss URL with tls=%s: %w", s.Scheme, mode, ErrBadURL)
	case mode == TLSNone, mode == TLSStartTLS, mode == TLSImplicit:
		s.TLS = mode
	default:
		return fmt.Errorf("mailbox: server URL tls=%q: want none, starttls or implicit: %w",
			mode, ErrBadURL)
	}
	return nil
}

func (s *ServerURL) setHost(u *url.URL) error {
	host, port := u.Hostname(), u.Port()
	if net.ParseIP(host) == nil && !hostName(host) {
		return fmt.Errorf("mailbox: server URL without a host: %w", ErrBadURL)
	}
	s.Host = host
	if port != "" {
		p, err := strconv.Atoi(port)
		if err != nil || p <= 0 || p > 65535 {
			return fmt.Errorf("mailbox: server URL port %q: %w", port, ErrBadURL)
		}
		s.Port = p
	}
	if s.TLS == "" {
		s.TLS = TLSStartTLS
		if s.Scheme == "smtp" && s.Port == 465 {
			s.TLS = TLSImplicit
		}
	}
	if s.Port == 0 {
		s.Port = defaultPort(s.Scheme, s.TLS)
	}
	return nil
}

// hostName reports whether s looks like a DNS name: letters, digits, '-',
// '_' and '.', not empty.
func hostName(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			r == '-' || r == '_' || r == '.'
		if !ok {
			return false
		}
	}
	return true
}

// defaultPort is the IANA port of a service: RFC 9051 s1 (143, 993),
// RFC 6409 s3.1 (587), RFC 8314 s3.3 (465), RFC 5321 (25).
func defaultPort(scheme string, mode TLSMode) int {
	switch {
	case scheme == "imap" && mode == TLSImplicit:
		return 993
	case scheme == "imap":
		return 143
	case mode == TLSImplicit:
		return 465
	case mode == TLSNone:
		return 25
	default:
		return 587
	}
}
