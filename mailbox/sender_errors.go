package mailbox

import (
	"errors"
	"fmt"
)

// Errors of proving a message's sender. [ProveSender] returns a
// *[SenderError] that wraps ErrUnauthenticated and one of the others; test
// with errors.Is.
var (
	// ErrUnauthenticated: nothing proves that the From address sent the
	// message. Every *SenderError wraps it.
	ErrUnauthenticated = errors.New("sender not authenticated")
	// ErrFromHeader: the From or Sender header cannot name one sender: none,
	// two From headers, several mailboxes, a Sender that differs.
	ErrFromHeader = errors.New("from header does not name one sender")
	// ErrNoSignature: the message carries no DKIM signature.
	ErrNoSignature = errors.New("no dkim signature")
	// ErrSignatureDomain: a valid signature is of a domain not aligned with
	// the From domain.
	ErrSignatureDomain = errors.New("dkim signature not aligned with from")
	// ErrBadSignature: the signatures do not verify.
	ErrBadSignature = errors.New("dkim signature does not verify")
	// ErrDMARCFail: our own server's Authentication-Results say dmarc=fail.
	ErrDMARCFail = errors.New("dmarc failed")
	// ErrSenderTemporary: a signature's key could not be fetched for now
	// (a DNS timeout); checking the message again later may succeed.
	ErrSenderTemporary = errors.New("sender check failed temporarily")
)

// SenderError says why a message's sender is not proven, in English and in
// Thai, for the log and for a reply to the address in From.
type SenderError struct {
	// Address is the From address, or "" when there is none to name.
	Address string
	// Err is ErrFromHeader, ErrNoSignature, ErrSignatureDomain,
	// ErrBadSignature, ErrDMARCFail or ErrSenderTemporary.
	Err error
	// Reason and ReasonTH say exactly what is missing or wrong.
	Reason, ReasonTH string
}

// Error returns "mailbox: proving sender <address>: " and the reason.
func (e *SenderError) Error() string {
	if e.Address == "" {
		return "mailbox: proving sender: " + e.Reason
	}
	return fmt.Sprintf("mailbox: proving sender %s: %s", e.Address, e.Reason)
}

// Unwrap returns ErrUnauthenticated and the sentinel that says why.
func (e *SenderError) Unwrap() []error { return []error{ErrUnauthenticated, e.Err} }

// refusal builds a *SenderError; both formats take the same arguments.
func refusal(addr string, err error, en, th string, args ...any) *SenderError {
	return &SenderError{Address: addr, Err: err, Reason: fmt.Sprintf(en, args...),
		ReasonTH: fmt.Sprintf(th, args...)}
}
