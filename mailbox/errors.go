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
