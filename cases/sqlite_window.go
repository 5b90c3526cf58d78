package cases

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

const windowColumns = `id, case_ref, kind, party, seq, start_on, due_on, days, pending,
	remind, anchor_outbox, closed_at, closed_how, next_at`

func scanWindow(sc interface{ Scan(...any) error }) (Window, time.Time, error) {
	var w Window
	var ref, kind, party, start, due, how string
	var anchor, closed, next sql.NullInt64
	err := sc.Scan(&w.ID, &ref, &kind, &party, &w.Seq, &start, &due, &w.Days, &w.Pending,
		&w.Remind, &anchor, &closed, &how, &next)
	if err != nil {
		return w, time.Time{}, err
	}
	if w.Case, err = ParseRef(ref); err != nil {
		return w, time.Time{}, err
	}
	w.Kind, w.Party, w.ClosedHow = WindowKind(kind), Party(party), how
	w.Start, w.Due = parseStoredDate(start), parseStoredDate(due)
	w.anchorNotice, w.Closed = anchor.Int64, closed.Valid
	return w, fromNanos(next.Int64), nil
}

func (v *sqliteView) openWindows(ctx context.Context, where string, args ...any) (
	[]Window, error) {
	rows, err := v.q.QueryContext(ctx,
		"SELECT "+windowColumns+" FROM windows "+where+" ORDER BY id", args...)
	if err != nil {
		return nil, fmt.Errorf("cases: reading windows: %w", err)
	}
	defer rows.Close()
	var out []Window
	for rows.Next() {
		w, _, err := scanWindow(rows)
		if err != nil {
			return nil, fmt.Errorf("cases: reading windows: %w", err)
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

func (t *sqliteTx) window(ctx context.Context, id int64) (Window, time.Time, error) {
	row := t.tx.QueryRowContext(ctx, "SELECT "+windowColumns+" FROM windows WHERE id = ?", id)
	w, next, err := scanWindow(row)
	if errors.Is(err, sql.ErrNoRows) {
		return w, next, fmt.Errorf("cases: no window %d", id)
	}
	return w, next, err
}

func (t *sqliteTx) anchoredTo(ctx context.Context, outboxID int64) ([]Window, error) {
	return t.openWindows(ctx, "WHERE anchor_outbox = ? AND closed_at IS NULL", outboxID)
}

func (t *sqliteTx) insertWindow(ctx context.Context, w *Window, opened, next time.Time) error {
	res, err := t.tx.ExecContext(ctx, `
		INSERT INTO windows (case_ref, kind, party, seq, start_on, due_on, days, pending,
			remind, anchor_outbox, next_at, opened_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		w.Case.String(), string(w.Kind), string(w.Party), w.Seq, w.Start.String(),
		w.Due.String(), w.Days, w.Pending, w.Remind, nullID(w.anchorNotice), nullNanos(next),
		nanos(opened))
	if err != nil {
		return fmt.Errorf("cases: opening window %s of %s: %w", w.Kind, w.Case, err)
	}
	w.ID, err = res.LastInsertId()
	return err
}

func (t *sqliteTx) updateWindow(ctx context.Context, w *Window, next time.Time) error {
	_, err := t.tx.ExecContext(ctx, `
		UPDATE windows SET start_on = ?, due_on = ?, pending = ?, remind = ?,
			anchor_outbox = ?, next_at = ?
		WHERE id = ?`, w.Start.String(), w.Due.String(), w.Pending, w.Remind,
		nullID(w.anchorNotice), nullNanos(next), w.ID)
	if err != nil {
		return fmt.Errorf("cases: updating window %d: %w", w.ID, err)
	}
	return nil
}

func (t *sqliteTx) closeWindow(ctx context.Context, w *Window, at time.Time) error {
	_, err := t.tx.ExecContext(ctx, `
		UPDATE windows SET closed_at = ?, closed_how = ?, next_at = NULL
		WHERE id = ?`, nanos(at), w.ClosedHow, w.ID)
	if err != nil {
		return fmt.Errorf("cases: closing window %d: %w", w.ID, err)
	}
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
