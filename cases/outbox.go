package cases

import (
	"context"
	"fmt"
	"time"
)

// OutboxState is where an outbox row is in its sending.
type OutboxState string

const (
	// Queued: waiting to be sent, now or at NextAttempt.
	Queued OutboxState = "queued"
	// Sending: claimed by a sender until its lease runs out; a row whose
	// lease ran out (the sender died) is claimed again.
	Sending OutboxState = "sending"
	// Sent: the server accepted it.
	Sent OutboxState = "sent"
	// Failed: the server refused it for good; officers were told.
	Failed OutboxState = "failed"
)

// OutboxRow is one message waiting to leave, or that left. Its Message-ID
// and bytes are fixed when it is written, so a message sent twice after a
// crash is the same message twice, which receivers can recognise.
type OutboxRow struct {
	ID        int64
	MessageID string
	Case      Ref
	Notice    NoticeKind
	LetterNo  string
	From      string
	To        []string
	Raw       []byte

	State       OutboxState
	Attempts    int
	NextAttempt time.Time
	LastReply   string // the server's last answer, for the operator
	Created     time.Time
	SentAt      time.Time
}

// ClaimOutbox claims up to limit rows that are ready to send now (queued and
// due, or sending with a lapsed lease) for lease, and returns them. A
// sender calls it before dialing so that two senders never send the same
// row at once.
func (s *Store) ClaimOutbox(ctx context.Context, lease time.Duration, limit int) (
	[]OutboxRow, error) {
	now := s.clock.Now()
	var rows []OutboxRow
	err := s.inTx(ctx, func(t tx) error {
		var err error
		rows, err = t.claimOutbox(ctx, now, now.Add(lease), limit)
		return err
	})
	return rows, err
}

// MarkSent records that the server accepted row id at the given instant
// with the given reply. Windows counted from the notice start on that day:
// the day the applicant was told.
func (s *Store) MarkSent(ctx context.Context, id int64, reply string, at time.Time) error {
	return s.inTx(ctx, func(t tx) error {
		r, err := t.outbox(ctx, id)
		if err != nil {
			return err
		}
		if r.State == Sent {
			return nil
		}
		r.State, r.LastReply, r.SentAt = Sent, reply, at
		r.Attempts++
		if err := t.updateOutbox(ctx, r); err != nil {
			return err
		}
		return s.startWindows(ctx, t, r, at)
	})
}

// startWindows counts the windows waiting for a delivered notice.
func (s *Store) startWindows(ctx context.Context, t tx, r *OutboxRow, at time.Time) error {
	ws, err := t.anchoredTo(ctx, r.ID)
	if err != nil {
		return err
	}
	x := s.env(ctx, t)
	for i := range ws {
		w := &ws[i]
		if !w.Pending {
			continue
		}
		startPending(w, at, x)
		if err := t.updateWindow(ctx, w, x.policy.nextCheck(*w, x.now)); err != nil {
			return err
		}
		err := s.audit(ctx, t, AuditEntry{At: x.now, Case: w.Case, Actor: ByClock,
			By: "outbox", Kind: "window_started"}, map[string]any{
			"window": w.Kind, "told": w.Start, "due": w.Due, "message_id": r.MessageID})
		if err != nil {
			return err
		}
	}
	return nil
}

// MarkRetry records a temporary failure of row id: it is tried again at
// next.
func (s *Store) MarkRetry(ctx context.Context, id int64, reply string, next time.Time) error {
	return s.inTx(ctx, func(t tx) error {
		r, err := t.outbox(ctx, id)
		if err != nil {
			return err
		}
		if r.State == Sent || r.State == Failed {
			return nil
		}
		r.State, r.LastReply, r.NextAttempt = Queued, reply, next
		r.Attempts++
		return t.updateOutbox(ctx, r)
	})
}

// MarkFailed records that the server refused row id for good. It is marked
// once: the audit entry, and the notice to officers when the composer
// writes one, come with the first call only.
func (s *Store) MarkFailed(ctx context.Context, id int64, reply string) error {
	return s.inTx(ctx, func(t tx) error {
		r, err := t.outbox(ctx, id)
		if err != nil {
			return err
		}
		if r.State == Sent || r.State == Failed {
			return nil
		}
		r.Attempts++
		return s.fail(ctx, t, r, reply)
	})
}

// fail marks row r failed for good, with its audit entry and one notice to
// the officers (none about a failure notice itself).
func (s *Store) fail(ctx context.Context, t tx, r *OutboxRow, reply string) error {
	r.State, r.LastReply = Failed, reply
	if err := t.updateOutbox(ctx, r); err != nil {
		return err
	}
	now := s.clock.Now()
	err := s.audit(ctx, t, AuditEntry{At: now, Case: r.Case, Actor: ByClock,
		By: "outbox", Kind: "delivery_failed"}, map[string]any{
		"message_id": r.MessageID, "to": r.To, "reply": reply})
	if err != nil || r.Notice == NoticeDeliveryFailed {
		return err // never a failure notice about a failure notice
	}
	c := Case{Ref: r.Case, Stage: None}
	if !r.Case.IsZero() {
		got, err := t.loadCase(ctx, r.Case)
		if err != nil {
			return err
		}
		c = *got
	}
	_, err = s.compose(ctx, t, Notice{Kind: NoticeDeliveryFailed, To: ToOfficers, Case: c,
		From: c.Stage, Reason: fmt.Sprintf("%s to %v: %s", r.MessageID, r.To, reply),
		At: now})
	return err
}

// Outbox returns one outbox row.
func (s *Store) Outbox(ctx context.Context, id int64) (*OutboxRow, error) {
	v, err := s.db.reader(ctx)
	if err != nil {
		return nil, err
	}
	defer v.done()
	return v.outbox(ctx, id)
}

func (r OutboxRow) String() string {
	return fmt.Sprintf("outbox %d %s %s to %v", r.ID, r.MessageID, r.State, r.To)
}

// ReleaseClaims makes every row claimed by a sender due again now: for a
// bot that starts while no other sender can be running (the command line
// holds a lock on the data directory), a claimed row was claimed by a
// sender that died. It returns how many rows it released.
func (s *Store) ReleaseClaims(ctx context.Context) (int, error) {
	var n int
	err := s.inTx(ctx, func(t tx) error {
		var err error
		n, err = t.releaseClaims(ctx, s.clock.Now())
		return err
	})
	return n, err
}
