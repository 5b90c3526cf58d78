package mailbox

import (
	"bytes"
	"crypto/subtle"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// embeddedIMAP keeps the mailboxes of the embedded server: go-imap's memory
// backend, one user per address, created on first login or delivery.
type embeddedIMAP struct {
	server   *imapserver.Server
	password string
	base     uint32 // added to every UIDVALIDITY of the memory backend
	log      *slog.Logger

	mu    sync.Mutex
	users map[string]*embeddedUser // by lower-cased address
}

type embeddedUser struct {
	mem *imapmemserver.User

	mu      sync.Mutex
	created int           // mailboxes created, each taking a UIDVALIDITY
	changed chan struct{} // closed and replaced on every change
}

// watch returns a channel that is closed at the next change of any of the
// user's mailboxes.
func (u *embeddedUser) watch() <-chan struct{} {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.changed
}

// notify wakes every IDLE session of the user.
func (u *embeddedUser) notify() {
	u.mu.Lock()
	defer u.mu.Unlock()
	close(u.changed)
	u.changed = make(chan struct{})
}

func newEmbeddedIMAP(password string, base uint32, log *slog.Logger) *embeddedIMAP {
	s := &embeddedIMAP{password: password, base: base, log: log,
		users: make(map[string]*embeddedUser)}
	s.server = imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return &embeddedSession{srv: s}, nil, nil
		},
		// IMAP4rev1 with the extensions the intake needs: MOVE (RFC 6851),
		// UIDPLUS (RFC 4315); IDLE (RFC 2177) comes with IMAP4rev1 here.
		Caps: imap.CapSet{
			imap.CapIMAP4rev1: {}, imap.CapMove: {}, imap.CapUIDPlus: {},
			imap.CapNamespace: {},
		},
		Logger:       slogPrintf{log},
		InsecureAuth: true, // loopback only, see listenLoopback
	})
	return s
}

// user returns the user of address, creating it with an INBOX if needed.
func (s *embeddedIMAP) user(address string) *embeddedUser {
	key := strings.ToLower(strings.TrimSpace(address))
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.users[key]; u != nil {
		return u
	}
	u := &embeddedUser{mem: imapmemserver.NewUser(key, s.password),
		changed: make(chan struct{})}
	u.create("INBOX")
	s.users[key] = u
	return u
}

// create makes a mailbox unless this run has used up its UIDVALIDITY values
// for the user (see uidValidityStride).
func (u *embeddedUser) create(name string) error {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.created >= uidValidityStride-1 {
		return &imap.Error{Type: imap.StatusResponseTypeNo, Code: imap.ResponseCodeLimit,
			Text: "too many mailboxes created since the server started"}
	}
	if err := u.mem.Create(name, nil); err != nil {
		return err
	}
	u.created++
	return nil
}

// deliver appends raw to the INBOX of every recipient, after a Return-Path
// and a Received field (RFC 5321 s4.4).
func (s *embeddedIMAP) deliver(from string, to []string, raw []byte, now time.Time) error {
	for _, rcpt := range to {
		var msg bytes.Buffer
		fmt.Fprintf(&msg, "Return-Path: <%s>\r\n", from)
		fmt.Fprintf(&msg, "Received: by sandboxbot-embedded for <%s>; %s\r\n", rcpt,
			now.Format(time.RFC1123Z))
		msg.Write(raw)

		u := s.user(rcpt)
		opts := &imap.AppendOptions{Time: now}
		if _, err := u.mem.Append("INBOX", bytes.NewReader(msg.Bytes()), opts); err != nil {
			// The owner deleted the INBOX: make it again.
			if cerr := u.create("INBOX"); cerr != nil {
				return fmt.Errorf("mailbox: delivering to %s: %w", rcpt, err)
			}
			if _, err := u.mem.Append("INBOX", bytes.NewReader(msg.Bytes()), opts); err != nil {
				return fmt.Errorf("mailbox: delivering to %s: %w", rcpt, err)
			}
		}
		u.notify()
	}
	s.log.Debug("embedded delivery", "recipients", len(to), "size", len(raw))
	return nil
}

// embeddedSession is one IMAP connection. It wraps the memory backend's
// session to add the run's UIDVALIDITY base wherever a UIDVALIDITY is
// shown, to create users on login, and to implement MOVE itself.
type embeddedSession struct {
	srv  *embeddedIMAP
	user *embeddedUser
	*imapmemserver.UserSession
}

var _ imapserver.SessionIMAP4rev2 = (*embeddedSession)(nil)

// Login accepts any address with the server's password.
func (s *embeddedSession) Login(username, password string) error {
	if !strings.Contains(username, "@") ||
		subtle.ConstantTimeCompare([]byte(password), []byte(s.srv.password)) != 1 {
		return imapserver.ErrAuthFailed
	}
	s.user = s.srv.user(username)
	s.UserSession = imapmemserver.NewUserSession(s.user.mem)
	return nil
}

func (s *embeddedSession) Create(name string, _ *imap.CreateOptions) error {
	return s.user.create(name)
}

// Idle reports changes until stop is closed. It polls the backend's queue
// whenever the user's mailboxes change, and once at the start: the memory
// backend's own Idle would leave updates queued before IDLE unsent until
// the next change.
func (s *embeddedSession) Idle(w *imapserver.UpdateWriter, stop <-chan struct{}) error {
	for {
		changed := s.user.watch() // before Poll, so no change slips between
		if err := s.UserSession.Poll(w, true); err != nil {
			return err
		}
		select {
		case <-changed:
		case <-stop:
			return nil
		}
	}
}

// changed runs a mutating command and wakes the user's IDLE sessions.
func (s *embeddedSession) changed(err error) error {
	if err == nil {
		s.user.notify()
	}
	return err
}

func (s *embeddedSession) Store(w *imapserver.FetchWriter, numSet imap.NumSet,
	flags *imap.StoreFlags, opts *imap.StoreOptions) error {
	return s.changed(s.UserSession.Store(w, numSet, flags, opts))
}

func (s *embeddedSession) Expunge(w *imapserver.ExpungeWriter, uids *imap.UIDSet) error {
	return s.changed(s.UserSession.Expunge(w, uids))
}

func (s *embeddedSession) Select(name string, opts *imap.SelectOptions) (*imap.SelectData, error) {
	data, err := s.UserSession.Select(name, opts)
	if err != nil {
		return nil, err
	}
	data.UIDValidity += s.srv.base
	return data, nil
}

func (s *embeddedSession) Status(name string, opts *imap.StatusOptions) (*imap.StatusData, error) {
	data, err := s.UserSession.Status(name, opts)
	if err != nil {
		return nil, err
	}
	if data.UIDValidity != 0 {
		data.UIDValidity += s.srv.base
	}
	return data, nil
}

func (s *embeddedSession) Append(name string, r imap.LiteralReader,
	opts *imap.AppendOptions) (*imap.AppendData, error) {
	data, err := s.UserSession.Append(name, r, opts)
	if err != nil {
		return nil, err
	}
	s.user.notify()
	data.UIDValidity += s.srv.base
	return data, nil
}

func (s *embeddedSession) Copy(numSet imap.NumSet, dest string) (*imap.CopyData, error) {
	data, err := s.UserSession.Copy(numSet, dest)
	if err != nil {
		return nil, err
	}
	s.user.notify()
	data.UIDValidity += s.srv.base
	return data, nil
}

// Move is COPY, then \Deleted and EXPUNGE of the source messages (RFC 6851
// s3.3 allows a server to do so as long as the client sees one command).
// The EXPUNGE responses reach the client through the poll that precedes the
// tagged OK.
func (s *embeddedSession) Move(w *imapserver.MoveWriter, numSet imap.NumSet, dest string) error {
	data, err := s.Copy(numSet, dest)
	if err != nil {
		return err
	}
	if len(data.SourceUIDs) == 0 {
		return nil
	}
	deleted := &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true,
		Flags: []imap.Flag{imap.FlagDeleted}}
	if err := s.UserSession.Store(nil, data.SourceUIDs, deleted, nil); err != nil {
		return err
	}
	if err := s.Expunge(nil, &data.SourceUIDs); err != nil {
		return err
	}
	return w.WriteCopyData(data)
}

// slogPrintf lets the go-imap and go-smtp servers log through slog, at
// Warn: they only log failures of a connection.
type slogPrintf struct{ log *slog.Logger }

func (l slogPrintf) Printf(format string, args ...any) {
	l.log.Warn("embedded server", "detail", fmt.Sprintf(format, args...))
}

func (l slogPrintf) Println(args ...any) {
	l.log.Warn("embedded server", "detail", strings.TrimSpace(fmt.Sprintln(args...)))
}
