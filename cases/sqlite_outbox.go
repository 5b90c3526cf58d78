package cases

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

const outboxColumns = `id, message_id, case_ref, notice, letter_no, env_from, rcpt_to, raw,
	state, attempts, next_attempt, last_reply, created_at, sent_at`

func scanOutbox(sc interface{ Scan(...any) error }) (*OutboxRow, error) {
	var r OutboxRow
	var ref, notice, to, state string
	var next, created int64
	var sent sql.NullInt64
	err := sc.Scan(&r.ID, &r.MessageID, &ref, &notice, &r.LetterNo, &r.From, &to, &r.Raw,
		&state, &r.Attempts, &next, &r.LastReply, &created, &sent)
	if err != nil {
		return nil, err
	}
	if ref != "" {
		r.Case, _ = ParseRef(ref)
	}
	if err := json.Unmarshal([]byte(to), &r.To); err != nil {
		return nil, fmt.Errorf("cases: outbox %d recipients: %w", r.ID, err)
	}
	r.Notice, r.State = NoticeKind(notice), OutboxState(state)
	r.NextAttempt, r.Created, r.SentAt = fromNanos(next), fromNanos(created),
		fromNanos(sent.Int64)
	return &r, nil
}

func (v *sqliteView) outbox(ctx context.Context, id int64) (*OutboxRow, error) {
	row := v.queryRow(ctx, "SELECT "+outboxColumns+" FROM outbox WHERE id = ?", id)
	r, err := scanOutbox(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("cases: no outbox row %d", id)
	}
	if err != nil {
		return nil, fmt.Errorf("cases: reading outbox row %d: %w", id, err)
	}
	return r, nil
}

// insertOutbox gives the row the next id and buffers it; the transaction
// writes it when it ends. A Message-ID written twice fails the commit.
func (t *sqliteTx) insertOutbox(ctx context.Context, r *OutboxRow) error {
	if t.buf.nextOutbox == 0 {
		err := t.queryRow(ctx, "SELECT coalesce(max(id), 0) + 1 FROM outbox").
			Scan(&t.buf.nextOutbox)
		if err != nil {
			return fmt.Errorf("cases: numbering the outbox: %w", err)
		}
	}
	r.ID = t.buf.nextOutbox
	t.buf.nextOutbox++
	to, _ := json.Marshal(r.To)
	t.buf.outbox = append(t.buf.outbox, []any{r.ID, r.MessageID, r.Case.String(),
		string(r.Notice), r.LetterNo, r.From, string(to), r.Raw, string(r.State),
		nanos(r.NextAttempt), nanos(r.Created)})
	return nil
}

func (t *sqliteTx) releaseClaims(ctx context.Context, now time.Time) (int, error) {
	res, err := t.exec(ctx, `
		UPDATE outbox SET state = 'queued', next_attempt = ?
		WHERE state = 'sending'`, nanos(now))
	if err != nil {
		return 0, fmt.Errorf("cases: releasing claimed outbox rows: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}

func (t *sqliteTx) wroteOutbox() bool { return len(t.buf.outbox) > 0 }

func (t *sqliteTx) updateOutbox(ctx context.Context, r *OutboxRow) error {
	_, err := t.exec(ctx, `
		UPDATE outbox SET state = ?, attempts = ?, next_attempt = ?, last_reply = ?,
			sent_at = ?
		WHERE id = ?`, string(r.State), r.Attempts, nanos(r.NextAttempt), r.LastReply,
		nullNanos(r.SentAt), r.ID)
	if err != nil {
		return fmt.Errorf("cases: updating outbox row %d: %w", r.ID, err)
	}
	return nil
}

func (t *sqliteTx) claimOutbox(ctx context.Context, now, lease time.Time, limit int) (
	[]OutboxRow, error) {
	rows, err := t.query(ctx, `
		UPDATE outbox SET state = 'sending', next_attempt = ?
		WHERE id IN (
			SELECT id FROM outbox
			WHERE state IN ('queued', 'sending') AND next_attempt <= ?
			ORDER BY next_attempt, id
			LIMIT ?)
		RETURNING `+outboxColumns, nanos(lease), nanos(now), limit)
	if err != nil {
		return nil, fmt.Errorf("cases: claiming outbox rows: %w", err)
	}
	defer rows.Close()
	var out []OutboxRow
	for rows.Next() {
		r, err := scanOutbox(rows)
		if err != nil {
			return nil, fmt.Errorf("cases: claiming outbox rows: %w", err)
		}
		out = append(out, *r)
	}
	return out, rows.Err()
}
