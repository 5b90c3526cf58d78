package mailbox

import "errors"

// Errors callers branch on. They are wrapped with context; test with
// errors.Is.
var (
	// ErrNotLoopback means an address that must be on loopback is not.
	ErrNotLoopback = errors.New("not a loopback address")
	// ErrUIDValidityExhausted means the embedded server's state file holds
	// a UIDVALIDITY base so high that no run can follow; delete the file.
	ErrUIDValidityExhausted = errors.New("uidvalidity values exhausted")
)

// Errors of server URLs and of connections to servers.
var (
	// ErrBadURL means a server URL cannot be used; the wrapping error says
	// which part, never the password.
	ErrBadURL = errors.New("bad server URL")
	// ErrClearText means a password would travel unencrypted to a server
	// that is not on loopback, which is refused unless allowed explicitly.
	ErrClearText = errors.New("password would be sent in clear text to a non-loopback host")
	// ErrMissingCapability means the IMAP server lacks an extension the
	// intake needs (MOVE, UIDPLUS): without them moving a message could
	// EXPUNGE other mail.
	ErrMissingCapability = errors.New("imap server lacks a required capability")
)

// Errors of reading inbound messages.
var (
	// ErrOverLimit means a message is larger, has more parts or nests
	// deeper than the desk's limits; the wrapping *LimitError says which.
	ErrOverLimit = errors.New("message over a limit")
	// ErrUnreadable means a message's header cannot be read at all.
	ErrUnreadable = errors.New("message cannot be read")
)

// ErrNotAForm means an attachment is an ordinary document, not one of the
// sandbox's forms (see FormReader).
var ErrNotAForm = errors.New("attachment is not a form")
