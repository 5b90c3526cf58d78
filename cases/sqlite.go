package cases

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"sandboxbot/internal/crashpoint"
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
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	// Checkpoints by themselves only past 10,000 pages (40 MB); the
	// scheduler calls Checkpoint when idle.
	q.Add("_pragma", "wal_autocheckpoint(10000)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("cases: opening %s: %w", path, err)
	}
	// A fixed pool whose connections stay open: statements are prepared
	// once per connection and kept (see prepared).
	db.SetMaxOpenConns(sqliteConns)
	db.SetMaxIdleConns(sqliteConns)
	b := &sqliteDB{db: db, auditKey: o.AuditKey}
	// WAL is a property of the file, set once here: as a per-connection
	// pragma it would take a lock each time the pool opens a connection.
	if _, err := db.ExecContext(ctx, "PRAGMA journal_mode = WAL"); err != nil {
		db.Close()
		return nil, fmt.Errorf("cases: setting WAL mode on %s: %w", path, err)
	}
	if err := b.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return newStore(b, o), nil
}

// sqliteConns is the size of the connection pool: one writer at a time and
// a few readers beside it (WAL lets them read while it writes).
const sqliteConns = 4

// sqliteDB is the SQLite backend.
type sqliteDB struct {
	db       *sql.DB
	auditKey []byte
	stmts    sync.Map // query text → *sql.Stmt
}

// prepared returns the statement for query, prepared once.
func (b *sqliteDB) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := b.stmts.Load(query); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := b.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("cases: preparing %q: %w", firstLine(query), err)
	}
	if prev, loaded := b.stmts.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func (b *sqliteDB) close() error {
	b.stmts.Range(func(_, st any) bool {
		st.(*sql.Stmt).Close()
		return true
	})
	return b.db.Close()
}

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

func (b *sqliteDB) checkpoint(ctx context.Context) error {
	if _, err := b.db.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)"); err != nil {
		return fmt.Errorf("cases: checkpointing: %w", err)
	}
	return nil
}

func (b *sqliteDB) begin(ctx context.Context) (tx, error) {
	t, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("cases: beginning a transaction: %w", err)
	}
	st := &sqliteTx{sqliteView: sqliteView{db: b, q: t}, tx: t}
	st.writer = st
	return st, nil
}

func (b *sqliteDB) reader(ctx context.Context) (view, error) {
	t, err := b.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("cases: beginning a read: %w", err)
	}
	return &sqliteView{db: b, q: t, end: func() { t.Rollback() }}, nil
}

func (b *sqliteDB) dueWindows(ctx context.Context, now time.Time, after int64,
	limit int) ([]int64, error) {
	// INDEXED BY: without it the planner may walk the whole table in id
	// order to satisfy ORDER BY … LIMIT, which costs the total, not the due.
	st, err := b.prepared(ctx, `
		SELECT id FROM windows INDEXED BY windows_next
		WHERE next_at <= ? AND id > ?
		ORDER BY id
		LIMIT ?`)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, now.UnixNano(), after, limit)
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

// sqliteView reads through a transaction.
type sqliteView struct {
	db  *sqliteDB
	q   *sql.Tx
	end func()
	// stmts are the transaction's handles on prepared statements.
	stmts map[string]*sql.Stmt
	// writer is the write transaction the view reads in, nil for a
	// read-only view: its buffered window changes are written before
	// windows are read.
	writer *sqliteTx
}

// stmt returns the transaction's handle on the prepared statement for
// query. Preparing costs more than running most of these statements, so
// each is prepared once per connection (sqliteDB.prepared), and its handle
// made once per transaction.
func (v *sqliteView) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := v.stmts[query]; ok {
		return st, nil
	}
	p, err := v.db.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	if v.stmts == nil {
		v.stmts = map[string]*sql.Stmt{}
	}
	st := v.q.StmtContext(ctx, p)
	v.stmts[query] = st
	return st, nil
}

func (v *sqliteView) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := v.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (v *sqliteView) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := v.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// scanner is a row to scan: *sql.Row, *sql.Rows, or a failed preparation.
type scanner interface{ Scan(...any) error }

type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

func (v *sqliteView) queryRow(ctx context.Context, query string, args ...any) scanner {
	st, err := v.stmt(ctx, query)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
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
	// sealDue is set when the transaction appended to the audit trail.
	sealDue bool
	// buf holds the rows written at the end.
	buf appends
	// inbound is set when the transaction records an inbound message.
	inbound bool
	// noProposals, once known, says the proposals table is empty.
	noProposals *bool
	// counters are the values the transaction gave out, by name and year,
	// written back at commit (see nextNumber).
	counters map[counterKey]int
}

type counterKey struct {
	name string
	year int
}

func (t *sqliteTx) commit() error {
	ctx := context.Background()
	err := t.flush(ctx)
	if err == nil {
		err = t.writeCounters(ctx)
	}
	if err == nil {
		err = t.writeSeal(ctx)
	}
	if err != nil {
		t.tx.Rollback()
		return err
	}
	if t.inbound {
		crashpoint.Hit("before_commit")
	}
	if err := t.tx.Commit(); err != nil {
		return fmt.Errorf("cases: committing: %w", err)
	}
	return nil
}

func (t *sqliteTx) rollback() error { return t.tx.Rollback() }

// nextNumber takes the next number of a counter. The first take in a
// transaction writes it; later ones count in memory and the last value is
// written at commit. Numbers stay gapless: the counter is written in the
// same transaction as everything that used its numbers.
func (t *sqliteTx) nextNumber(ctx context.Context, counter string, year int) (int, error) {
	k := counterKey{counter, year}
	if n, ok := t.counters[k]; ok {
		t.counters[k] = n + 1
		return n + 1, nil
	}
	var n int
	err := t.queryRow(ctx, `
		INSERT INTO counters (name, year, value) VALUES (?, ?, 1)
		ON CONFLICT (name, year) DO UPDATE SET value = value + 1
		RETURNING value`, counter, year).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("cases: numbering %s %d: %w", counter, year, err)
	}
	if t.counters == nil {
		t.counters = map[counterKey]int{}
	}
	t.counters[k] = n
	return n, nil
}

// writeCounters writes back the counters taken more than once.
func (t *sqliteTx) writeCounters(ctx context.Context) error {
	for k, n := range t.counters {
		_, err := t.exec(ctx, `UPDATE counters SET value = ? WHERE name = ? AND year = ?
			AND value < ?`, n, k.name, k.year, n)
		if err != nil {
			return fmt.Errorf("cases: numbering %s %d: %w", k.name, k.year, err)
		}
	}
	t.counters = nil
	return nil
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
