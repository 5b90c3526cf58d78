package cases

import (
	"context"
	"fmt"
	"strings"
)

// rowChunks are the sizes of the multi-row INSERT statements rows are
// written in: few enough distinct statements to keep each prepared once.
var rowChunks = []int{64, 16, 4, 1}

// insertRows writes rows into table in multi-row INSERT statements. It is
// how the transaction writes what it buffered (see appends): one statement
// for many rows costs far less than one each.
func (t *sqliteTx) insertRows(ctx context.Context, table string, cols []string,
	rows [][]any) error {
	for len(rows) > 0 {
		n := chunk(len(rows))
		args := make([]any, 0, n*len(cols))
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		if _, err := t.exec(ctx, insertSQL(table, cols, n), args...); err != nil {
			return fmt.Errorf("cases: writing %d rows to %s: %w", n, table, err)
		}
		rows = rows[n:]
	}
	return nil
}

// chunk returns the largest of rowChunks that left rows fill.
func chunk(left int) int {
	for _, c := range rowChunks {
		if left >= c {
			return c
		}
	}
	return rowChunks[len(rowChunks)-1]
}

// insertSQL returns INSERT INTO table (cols) VALUES (?, …), … for n rows.
func insertSQL(table string, cols []string, n int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	vals := strings.TrimSuffix(strings.Repeat(one+", ", n), ", ")
	return "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " + vals
}

// appends are rows a transaction writes only at its end, because nothing
// reads or changes them before: audit entries and outbox rows. Their keys
// (sequence, id) are given in memory, which is safe because the transaction
// holds the write lock.
type appends struct {
	audit  [][]any
	outbox [][]any
	// nextOutbox is the id the next outbox row takes; 0 until read.
	nextOutbox int64
	// windows are changed windows by id, in windowOrder (see
	// updateWindow); unlike the rows above they are read back, so they
	// are written before any read of the windows table.
	windows     map[int64][]any
	windowOrder []int64
}

var (
	auditInsertColumns = []string{"seq", "at", "case_ref", "actor", "by_whom", "kind",
		"detail", "prev_hash", "hash"}
	outboxInsertColumns = []string{"id", "message_id", "case_ref", "notice", "letter_no",
		"env_from", "rcpt_to", "raw", "state", "next_attempt", "created_at"}
)

// flush writes the buffered rows.
func (t *sqliteTx) flush(ctx context.Context) error {
	if err := t.flushWindows(ctx); err != nil {
		return err
	}
	if err := t.insertRows(ctx, "audit", auditInsertColumns, t.buf.audit); err != nil {
		return err
	}
	if err := t.insertRows(ctx, "outbox", outboxInsertColumns, t.buf.outbox); err != nil {
		return err
	}
	t.buf.audit, t.buf.outbox = nil, nil
	return nil
}
