package cases

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// OpenSQLite opens (creating it if need be) the SQLite database at path and
// brings its schema up to date. The database runs in WAL mode with a busy
// timeout, and every write transaction takes the write lock when it begins
// (BEGIN IMMEDIATE), so that two writers never deadlock on an upgrade.
func OpenSQLite(ctx context.Context, path string, o Options) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("cases: creating the data directory: %w", err)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("cases: opening %s: %w", path, err)
	}
	b := &sqliteDB{db: db}
	if err := b.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return newStore(b, o), nil
}

// sqliteDB is the SQLite backend.
type sqliteDB struct {
	db *sql.DB
}

func (b *sqliteDB) close() error { return b.db.Close() }

// migrate applies the migrations the database lacks, each in its own
// transaction with the user_version that records it.
func (b *sqliteDB) migrate(ctx context.Context) error {
	var have int
	if err := b.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return fmt.Errorf("cases: reading the schema version: %w", err)
	}
	if have > len(migrations) {
		return fmt.Errorf("cases: the database has schema %d, newer than this program's %d",
			have, len(migrations))
	}
	for i := have; i < len(migrations); i++ {
		tx, err := b.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("cases: migrating: %w", err)
		}
		_, err = tx.ExecContext(ctx, migrations[i])
		if err == nil {
			_, err = tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1))
		}
		if err == nil {
			err = tx.Commit()
		} else {
			tx.Rollback()
		}
		if err != nil {
			return fmt.Errorf("cases: applying migration %d: %w", i+1, err)
		}
	}
	return nil
}

func (b *sqliteDB) begin(ctx context.Context) (tx, error) {
	t, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("cases: beginning a transaction: %w", err)
	}
	return &sqliteTx{sqliteView: sqliteView{q: t}, tx: t}, nil
}

func (b *sqliteDB) reader(ctx context.Context) (view, error) {
	t, err := b.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("cases: beginning a read: %w", err)
	}
	return &sqliteView{q: t, end: func() { t.Rollback() }}, nil
}

func (b *sqliteDB) dueWindows(ctx context.Context, now time.Time, after int64,
	limit int) ([]int64, error) {
	rows, err := b.db.QueryContext(ctx, `
		SELECT id FROM windows
		WHERE next_at <= ? AND id > ?
		ORDER BY id
		LIMIT ?`, now.UnixNano(), after, limit)
	if err != nil {
		return nil, fmt.Errorf("cases: finding due windows: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// querier is what both a transaction and a read need.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// sqliteView reads through a transaction.
type sqliteView struct {
	q   querier
	end func()
}

func (v *sqliteView) done() {
	if v.end != nil {
		v.end()
	}
}

// sqliteTx is one write transaction.
type sqliteTx struct {
	sqliteView
	tx *sql.Tx
	// head caches the audit chain's head within the transaction.
	head *auditSeal
}

func (t *sqliteTx) commit() error {
	if err := t.tx.Commit(); err != nil {
		return fmt.Errorf("cases: committing: %w", err)
	}
	return nil
}

func (t *sqliteTx) rollback() error { return t.tx.Rollback() }

func (t *sqliteTx) savepoint(ctx context.Context) error {
	_, err := t.tx.ExecContext(ctx, "SAVEPOINT step")
	return err
}

func (t *sqliteTx) release(ctx context.Context) error {
	_, err := t.tx.ExecContext(ctx, "RELEASE step")
	return err
}

func (t *sqliteTx) rollbackTo(ctx context.Context) error {
	t.head = nil
	if _, err := t.tx.ExecContext(ctx, "ROLLBACK TO step"); err != nil {
		return err
	}
	return t.release(ctx)
}

func (t *sqliteTx) nextNumber(ctx context.Context, counter string, year int) (int, error) {
	var n int
	err := t.tx.QueryRowContext(ctx, `
		INSERT INTO counters (name, year, value) VALUES (?, ?, 1)
		ON CONFLICT (name, year) DO UPDATE SET value = value + 1
		RETURNING value`, counter, year).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("cases: numbering %s %d: %w", counter, year, err)
	}
	return n, nil
}

// isConstraint reports whether err is a UNIQUE or PRIMARY KEY violation.
func isConstraint(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	c := se.Code()
	return c == sqlite3.SQLITE_CONSTRAINT_UNIQUE || c == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}

// nanos stores an instant as Unix nanoseconds; the zero time as 0.
func nanos(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// fromNanos reads an instant stored by nanos, in Bangkok.
func fromNanos(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).In(Bangkok)
}

// nullNanos stores the zero time as NULL.
func nullNanos(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixNano()
}

func parseStoredDate(s string) Date {
	if s == "" {
		return Date{}
	}
	d, _ := ParseDate(s)
	return d
}
