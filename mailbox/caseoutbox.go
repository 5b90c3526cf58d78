package mailbox

import (
	"context"
	"strings"
	"time"

	"sandboxbot/cases"
)

// CaseOutbox is the case store's outbox as a Sender sees it. Claim takes
// the store's own clock for now; the other methods pass their times on.
type CaseOutbox struct {
	Store *cases.Store
}

// Claim claims the next due row for lease (cases.Store.ClaimOutbox).
func (o CaseOutbox) Claim(ctx context.Context, _ time.Time, lease time.Duration) (*OutboxRow,
	error) {
	rows, err := o.Store.ClaimOutbox(ctx, lease, 1)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	r := rows[0]
	return &OutboxRow{ID: r.ID, MessageID: strings.Trim(r.MessageID, "<>"), From: r.From,
		To: r.To, Raw: r.Raw, Attempts: r.Attempts}, nil
}

// Sent records the server's acceptance (cases.Store.MarkSent).
func (o CaseOutbox) Sent(ctx context.Context, id int64, reply string, at time.Time) error {
	return o.Store.MarkSent(ctx, id, reply, at)
}

// Retry records a temporary failure (cases.Store.MarkRetry).
func (o CaseOutbox) Retry(ctx context.Context, id int64, reply string, next time.Time) error {
	return o.Store.MarkRetry(ctx, id, reply, next)
}

// Failed records a permanent failure (cases.Store.MarkFailed).
func (o CaseOutbox) Failed(ctx context.Context, id int64, reply string, _ time.Time) error {
	return o.Store.MarkFailed(ctx, id, reply)
}
