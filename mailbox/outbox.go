package mailbox

import (
	"context"
	"time"
)

// OutboxRow is one letter waiting in the outbox, written by the case store
// in the same transaction as the change that caused it.
type OutboxRow struct {
	ID int64
	// MessageID was fixed when the row was written, without angle
	// brackets. It is in Raw already; the sender only logs it.
	MessageID string
	// From is the envelope sender (MAIL FROM); empty sends "<>".
	From string
	// To are the envelope recipients (RCPT TO), at least one.
	To []string
	// Raw is the whole message with CRLF line ends, sent byte for byte.
	Raw []byte
	// Attempts counts the earlier attempts that failed temporarily.
	Attempts int
}

// Outbox is the sender's view of the outbox table. The case store
// implements it; its methods must be safe for concurrent use, as several
// senders may share one outbox.
type Outbox interface {
	// Claim returns the next row due at now, if any, and marks it claimed
	// until now+lease so that no other sender takes it meanwhile. A row
	// whose claim ran out (its sender died) is due again. It returns nil
	// and no error when nothing is due.
	Claim(ctx context.Context, now time.Time, lease time.Duration) (*OutboxRow, error)
	// Sent records that the server accepted row id, with its reply to the
	// final "." (e.g. "250 2.0.0 Ok: queued as 3F2A1"). The row is done.
	Sent(ctx context.Context, id int64, reply string, at time.Time) error
	// Retry records a temporary failure of row id, the server's reply or
	// the network error, and when the row is due again; it adds one to the
	// row's attempts and ends the claim.
	Retry(ctx context.Context, id int64, reply string, next time.Time) error
	// Failed records a permanent failure of row id. The sender calls it
	// once per row; the store then tells the officers. The row is done.
	Failed(ctx context.Context, id int64, reply string, at time.Time) error
}
