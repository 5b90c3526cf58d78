package mailbox

import (
	"context"
	"sync"
	"time"
)

// fakeOutbox is an Outbox in memory that records every call.
type fakeOutbox struct {
	mu   sync.Mutex
	rows []*fakeRow
}

type fakeRow struct {
	OutboxRow
	due          time.Time
	claimedUntil time.Time
	done         bool
	sent         []string // replies recorded by Sent
	retries      []string // replies recorded by Retry
	failed       []string // replies recorded by Failed
	next         time.Time
}

func (o *fakeOutbox) add(row OutboxRow) *fakeRow {
	o.mu.Lock()
	defer o.mu.Unlock()
	r := &fakeRow{OutboxRow: row}
	r.ID = int64(len(o.rows) + 1)
	o.rows = append(o.rows, r)
	return r
}

func (o *fakeOutbox) Claim(_ context.Context, now time.Time,
	lease time.Duration) (*OutboxRow, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, r := range o.rows {
		if r.done || r.due.After(now) || r.claimedUntil.After(now) {
			continue
		}
		r.claimedUntil = now.Add(lease)
		row := r.OutboxRow
		return &row, nil
	}
	return nil, nil
}

func (o *fakeOutbox) row(id int64) *fakeRow { return o.rows[id-1] }

func (o *fakeOutbox) Sent(_ context.Context, id int64, reply string, _ time.Time) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	r := o.row(id)
	r.sent = append(r.sent, reply)
	r.done = true
	return nil
}

func (o *fakeOutbox) Retry(_ context.Context, id int64, reply string, next time.Time) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	r := o.row(id)
	r.retries = append(r.retries, reply)
	r.Attempts++
	r.due, r.next, r.claimedUntil = next, next, time.Time{}
	return nil
}

func (o *fakeOutbox) Failed(_ context.Context, id int64, reply string, _ time.Time) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	r := o.row(id)
	r.failed = append(r.failed, reply)
	r.done = true
	return nil
}

// snapshot returns a copy of row id.
func (o *fakeOutbox) snapshot(id int64) fakeRow {
	o.mu.Lock()
	defer o.mu.Unlock()
	r := *o.row(id)
	r.sent = append([]string(nil), r.sent...)
	r.retries = append([]string(nil), r.retries...)
	r.failed = append([]string(nil), r.failed...)
	return r
}
