package cases

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

func (t *sqliteTx) insertInbound(ctx context.Context, in *Inbound, ref Ref) error {
	disp := in.Disposition
	if disp == "" {
		disp = "processed"
	}
	_, err := t.exec(ctx, `
		INSERT INTO inbound (mailbox, uidvalidity, uid, sha256, message_id, sender,
			received_at, case_ref, disposition, replied)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, in.Mailbox, in.UIDValidity, in.UID, in.SHA256,
		in.MessageID, in.From, nanos(in.ReceivedAt), ref.String(), disp, in.Replied)
	if isConstraint(err) {
		return fmt.Errorf("%w: uid %d/%d sha256 %s", ErrDuplicate, in.UIDValidity, in.UID,
			in.SHA256)
	}
	if err != nil {
		return fmt.Errorf("cases: recording inbound message: %w", err)
	}
	t.inbound = true
	if in.Mailbox == "" || in.UID == 0 {
		return nil
	}
	// The checkpoint moves forward only, except when UIDVALIDITY changed
	// (RFC 3501 s2.3.1.1): then the old UIDs mean nothing.
	_, err = t.exec(ctx, `
		INSERT INTO checkpoints (mailbox, uidvalidity, last_uid) VALUES (?, ?, ?)
		ON CONFLICT (mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity,
			last_uid = excluded.last_uid
		WHERE checkpoints.uidvalidity != excluded.uidvalidity
			OR checkpoints.last_uid < excluded.last_uid`, in.Mailbox, in.UIDValidity, in.UID)
	if err != nil {
		return fmt.Errorf("cases: moving the checkpoint of %s: %w", in.Mailbox, err)
	}
	return nil
}

func (v *sqliteView) mailCheckpoint(ctx context.Context, mailbox string) (uint32, uint32,
	error) {
	var validity, last uint32
	err := v.queryRow(ctx, `
		SELECT uidvalidity, last_uid FROM checkpoints WHERE mailbox = ?`, mailbox).
		Scan(&validity, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, fmt.Errorf("cases: reading the checkpoint of %s: %w", mailbox, err)
	}
	return validity, last, nil
}

func (v *sqliteView) received(ctx context.Context, sha256, messageID string) (string, bool,
	error) {
	var disp string
	err := v.queryRow(ctx, `SELECT disposition FROM inbound WHERE sha256 = ?`, sha256).
		Scan(&disp)
	if errors.Is(err, sql.ErrNoRows) && messageID != "" {
		err = v.queryRow(ctx, `
			SELECT disposition FROM inbound WHERE message_id = ? ORDER BY id LIMIT 1`,
			messageID).Scan(&disp)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("cases: looking up an inbound message: %w", err)
	}
	return disp, true, nil
}

func (v *sqliteView) caseOfMessage(ctx context.Context, messageID string) (Ref, bool,
	error) {
	var ref string
	err := v.queryRow(ctx, `SELECT case_ref FROM outbox WHERE message_id = ?`, messageID).
		Scan(&ref)
	if errors.Is(err, sql.ErrNoRows) {
		return Ref{}, false, nil
	}
	if err != nil {
		return Ref{}, false, fmt.Errorf("cases: looking up message %s: %w", messageID, err)
	}
	r, err := ParseRef(ref)
	if err != nil {
		return Ref{}, false, nil // a message about no case
	}
	return r, true, nil
}

func (v *sqliteView) repliesSince(ctx context.Context, sender string, since time.Time) (int,
	error) {
	var n int
	err := v.queryRow(ctx, `
		SELECT count(*) FROM inbound
		WHERE sender = ? AND received_at >= ? AND replied = 1`, sender, nanos(since)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("cases: counting replies to %s: %w", sender, err)
	}
	return n, nil
}

func (v *sqliteView) outboxByMessageID(ctx context.Context, messageID string) (*OutboxRow,
	error) {
	row := v.queryRow(ctx, "SELECT "+outboxColumns+" FROM outbox WHERE message_id = ?",
		messageID)
	r, err := scanOutbox(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cases: reading outbox message %s: %w", messageID, err)
	}
	return r, nil
}

func (v *sqliteView) lastRun(ctx context.Context, job string) (time.Time, error) {
	var n int64
	err := v.queryRow(ctx, `SELECT last_run FROM job_runs WHERE job = ?`, job).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("cases: reading the last run of %s: %w", job, err)
	}
	return fromNanos(n), nil
}

func (t *sqliteTx) recordRun(ctx context.Context, job string, at time.Time) error {
	_, err := t.exec(ctx, `
		INSERT INTO job_runs (job, last_run) VALUES (?, ?)
		ON CONFLICT (job) DO UPDATE SET last_run = excluded.last_run
		WHERE job_runs.last_run < excluded.last_run`, job, nanos(at))
	if err != nil {
		return fmt.Errorf("cases: recording a run of %s: %w", job, err)
	}
	return nil
}
