package cases

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
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
	if v.writer != nil {
		if err := v.writer.flushWindows(ctx); err != nil {
			return nil, err
		}
	}
	rows, err := v.query(ctx,
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

func (t *sqliteTx) anchoredTo(ctx context.Context, outboxID int64) ([]Window, error) {
	return t.openWindows(ctx, "WHERE anchor_outbox = ? AND closed_at IS NULL", outboxID)
}

func (t *sqliteTx) insertWindow(ctx context.Context, w *Window, opened, next time.Time) error {
	res, err := t.exec(ctx, `
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

// updateWindow buffers the change of a window; the buffer is written
// before the windows table is next read or changed, and at commit, in
// multi-row statements (a sweep changes hundreds of windows).
func (t *sqliteTx) updateWindow(ctx context.Context, w *Window, next time.Time) error {
	if t.buf.windows == nil {
		t.buf.windows = map[int64][]any{}
	}
	if _, ok := t.buf.windows[w.ID]; !ok {
		t.buf.windowOrder = append(t.buf.windowOrder, w.ID)
	}
	t.buf.windows[w.ID] = []any{w.ID, w.Start.String(), w.Due.String(), w.Pending,
		w.Remind, nullID(w.anchorNotice), nullNanos(next)}
	return nil
}

// flushWindows writes the buffered window changes.
func (t *sqliteTx) flushWindows(ctx context.Context) error {
	rows := make([][]any, 0, len(t.buf.windowOrder))
	for _, id := range t.buf.windowOrder {
		if r, ok := t.buf.windows[id]; ok {
			rows = append(rows, r)
		}
	}
	t.buf.windows, t.buf.windowOrder = nil, nil
	for len(rows) > 0 {
		n := chunk(len(rows))
		args := make([]any, 0, n*7)
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		if _, err := t.exec(ctx, updateWindowsSQL(n), args...); err != nil {
			return fmt.Errorf("cases: updating %d windows: %w", n, err)
		}
		rows = rows[n:]
	}
	return nil
}

// updateWindowsSQL updates n windows from a VALUES list (UPDATE FROM,
// SQLite 3.33), the columns of each row in the order updateWindow gives.
func updateWindowsSQL(n int) string {
	vals := strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?), ", n), ", ")
	return `UPDATE windows SET start_on = v.column2, due_on = v.column3,
		pending = v.column4, remind = v.column5, anchor_outbox = v.column6,
		next_at = v.column7
	FROM (VALUES ` + vals + `) AS v
	WHERE windows.id = v.column1`
}

// closeWindows closes the windows in one statement per way of closing.
func (t *sqliteTx) closeWindows(ctx context.Context, ws []Window, at time.Time) error {
	// A buffered change of a window being closed is moot; the others wait.
	for _, w := range ws {
		delete(t.buf.windows, w.ID)
	}
	ids := map[string][]int64{}
	for _, w := range ws {
		ids[w.ClosedHow] = append(ids[w.ClosedHow], w.ID)
	}
	for how, list := range ids {
		js, _ := json.Marshal(list)
		_, err := t.exec(ctx, `
			UPDATE windows SET closed_at = ?, closed_how = ?, next_at = NULL
			WHERE id IN (SELECT value FROM json_each(?))`, nanos(at), how, string(js))
		if err != nil {
			return fmt.Errorf("cases: closing windows %v: %w", list, err)
		}
	}
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// dueBatch reads the open windows among ids and their cases in three
// queries, the ids passed as one JSON array.
func (t *sqliteTx) dueBatch(ctx context.Context, ids []int64) ([]dueWindow, map[Ref]*Case,
	error) {
	if err := t.flushWindows(ctx); err != nil {
		return nil, nil, err
	}
	list, _ := json.Marshal(ids)
	rows, err := t.query(ctx, "SELECT "+windowColumns+` FROM windows
		WHERE id IN (SELECT value FROM json_each(?)) AND closed_at IS NULL
		ORDER BY id`, string(list))
	if err != nil {
		return nil, nil, fmt.Errorf("cases: reading due windows: %w", err)
	}
	var due []dueWindow
	var refs []string
	for rows.Next() {
		w, next, err := scanWindow(rows)
		if err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("cases: reading due windows: %w", err)
		}
		due = append(due, dueWindow{w, next})
		refs = append(refs, w.Case.String())
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	cases, err := t.casesByRef(ctx, refs)
	return due, cases, err
}

// casesByRef loads cases, without their windows.
func (t *sqliteTx) casesByRef(ctx context.Context, refs []string) (map[Ref]*Case, error) {
	list, _ := json.Marshal(refs)
	rows, err := t.query(ctx, "SELECT "+caseColumns+` FROM cases
		WHERE ref IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, fmt.Errorf("cases: reading cases: %w", err)
	}
	out := map[Ref]*Case{}
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("cases: reading cases: %w", err)
		}
		out[c.Ref] = c
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func (t *sqliteTx) caseWindows(ctx context.Context, ref Ref) ([]Window, error) {
	return t.openWindows(ctx, "WHERE case_ref = ? AND closed_at IS NULL", ref.String())
}

// openWindowsOf returns the open windows of the cases, by case, read in
// one query; a case with none has an empty, non-nil list.
func (t *sqliteTx) openWindowsOf(ctx context.Context, refs []Ref) (map[Ref][]Window, error) {
	out := make(map[Ref][]Window, len(refs))
	if len(refs) == 0 {
		return out, nil
	}
	list := make([]string, len(refs))
	for i, r := range refs {
		list[i] = r.String()
		out[r] = []Window{}
	}
	js, _ := json.Marshal(list)
	ws, err := t.openWindows(ctx, `WHERE case_ref IN (SELECT value FROM json_each(?))
		AND closed_at IS NULL`, string(js))
	if err != nil {
		return nil, err
	}
	for _, w := range ws {
		out[w.Case] = append(out[w.Case], w)
	}
	return out, nil
}
