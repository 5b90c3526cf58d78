package cases

import (
	"context"
	"time"
)

// This file is the store's side of the mail path: what the intake asks
// before and after it commits a message (checkpoints, messages already
// recorded, which case a reply is about, how often a sender was answered),
// delivery reports, and the scheduler's record of its runs.

// MailCheckpoint returns the UIDVALIDITY of a mailbox and the highest UID
// committed under it (RFC 3501 s2.3.1.1), zeros before the first commit.
// Every Apply, Refuse or Note whose Inbound names the mailbox moves it in
// the same transaction.
func (s *Store) MailCheckpoint(ctx context.Context, mailbox string) (validity, lastUID uint32,
	err error) {
	err = s.read(ctx, func(v view) error {
		validity, lastUID, err = v.mailCheckpoint(ctx, mailbox)
		return err
	})
	return validity, lastUID, err
}

// Received reports whether an inbound message was recorded before, found by
// the hex SHA-256 of its bytes or, when messageID is not empty, by its
// Message-ID (for a mailbox whose UIDs were reset), and its disposition
// ("processed" or "quarantine").
func (s *Store) Received(ctx context.Context, sha256, messageID string) (disposition string,
	ok bool, err error) {
	err = s.read(ctx, func(v view) error {
		disposition, ok, err = v.received(ctx, sha256, messageID)
		return err
	})
	return disposition, ok, err
}

// CaseOfMessage returns the case of the first of messageIDs (without angle
// brackets) that names a message the bot sent about a case: how a reply is
// threaded to its case by In-Reply-To and References (RFC 5322 s3.6.4).
func (s *Store) CaseOfMessage(ctx context.Context, messageIDs []string) (Ref, bool, error) {
	var ref Ref
	var ok bool
	err := s.read(ctx, func(v view) error {
		for _, id := range messageIDs {
			var err error
			if ref, ok, err = v.caseOfMessage(ctx, "<"+id+">"); err != nil || ok {
				return err
			}
		}
		return nil
	})
	return ref, ok, err
}

// RepliesSince counts the messages from sender received since t that the
// bot answered with a message of its own (Inbound.Replied): what limits how
// often it answers one sender.
func (s *Store) RepliesSince(ctx context.Context, sender string, since time.Time) (int,
	error) {
	var n int
	err := s.read(ctx, func(v view) error {
		var err error
		n, err = v.repliesSince(ctx, sender, since)
		return err
	})
	return n, err
}

// Bounce records a delivery report (RFC 3464) in one transaction: the
// inbound message that carried it, an audit entry against the outbox row
// of messageID (with angle brackets, as stored), and, when the row had not
// failed before, its failure with one notice to the officers, as
// MarkFailed does. A report about no message of ours is recorded alone. It
// returns the case the bounced message was about, if any.
func (s *Store) Bounce(ctx context.Context, in *Inbound, messageID, status string) (Ref,
	error) {
	var ref Ref
	err := s.inTx(ctx, func(t tx) error {
		r, err := t.outboxByMessageID(ctx, messageID)
		if err != nil {
			return err
		}
		if r != nil {
			ref = r.Case
		}
		if err := t.insertInbound(ctx, in, ref); err != nil {
			return err
		}
		detail := map[string]any{"message_id": messageID, "status": status,
			"known": r != nil}
		err = s.audit(ctx, t, AuditEntry{At: s.clock.Now(), Case: ref, Actor: ByClock,
			By: "mail", Kind: "bounce"}, detail)
		if err != nil || r == nil || r.State == Failed {
			return err
		}
		return s.fail(ctx, t, r, "bounced: "+status)
	})
	return ref, err
}

// LastRun returns the scheduled time at which job last ran to its end, the
// zero time if it never did.
func (s *Store) LastRun(ctx context.Context, job string) (time.Time, error) {
	var at time.Time
	err := s.read(ctx, func(v view) error {
		var err error
		at, err = v.lastRun(ctx, job)
		return err
	})
	return at, err
}

// RecordRun stores that job ran for the scheduled time at; an earlier time
// than the one stored is ignored.
func (s *Store) RecordRun(ctx context.Context, job string, at time.Time) error {
	return s.inTx(ctx, func(t tx) error { return t.recordRun(ctx, job, at) })
}

// read runs fn on a read-only view of the latest committed state.
func (s *Store) read(ctx context.Context, fn func(view) error) error {
	v, err := s.db.reader(ctx)
	if err != nil {
		return err
	}
	defer v.done()
	return fn(v)
}

// Reply records a received message that causes no event and answers it
// with a notice, in one transaction: the inbound record, an audit entry of
// the given kind and detail, and the messages the composer writes for n
// (usually NoticeHowTo or NoticeCommandReply to the actor). n.At defaults
// to the clock's now.
func (s *Store) Reply(ctx context.Context, in *Inbound, n Notice, kind string,
	detail any) ([]int64, error) {
	if n.At.IsZero() {
		n.At = s.clock.Now()
	}
	var ids []int64
	err := s.inTx(ctx, func(t tx) error {
		if err := t.insertInbound(ctx, in, n.Case.Ref); err != nil {
			return err
		}
		err := s.audit(ctx, t, AuditEntry{At: n.At, Case: n.Case.Ref, Actor: n.Event.Actor,
			By: n.Event.By, Kind: kind}, detail)
		if err != nil {
			return err
		}
		ids, err = s.compose(ctx, t, n)
		return err
	})
	return ids, err
}
