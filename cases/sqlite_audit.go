package cases

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

func (t *sqliteTx) auditHead(ctx context.Context) (int64, string, error) {
	if t.head != nil {
		return t.head.Seq, t.head.Hash, nil
	}
	var seq int64
	var hash string
	err := t.queryRow(ctx,
		"SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").Scan(&seq, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, genesisHash, nil
	}
	if err != nil {
		return 0, "", fmt.Errorf("cases: reading the audit head: %w", err)
	}
	t.head = &auditSeal{Seq: seq, Hash: hash}
	return seq, hash, nil
}

// insertAudit buffers the entry; the transaction writes it when it ends.
func (t *sqliteTx) insertAudit(ctx context.Context, e AuditEntry) error {
	t.buf.audit = append(t.buf.audit, []any{e.Seq, formatAuditTime(e.At), e.Case.String(),
		string(e.Actor), e.By, e.Kind, string(e.Detail), e.PrevHash, e.Hash})
	t.head = &auditSeal{Seq: e.Seq, Hash: e.Hash}
	t.sealDue = true
	return nil
}

// writeSeal seals the chain's head under the audit key, before commit.
func (t *sqliteTx) writeSeal(ctx context.Context) error {
	if !t.sealDue {
		return nil
	}
	seq, hash, err := t.auditHead(ctx)
	if err != nil {
		return err
	}
	_, err = t.exec(ctx, `
		INSERT INTO audit_seal (id, seq, hash, mac) VALUES (1, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,
			mac = excluded.mac`, seq, hash, sealMAC(t.db.auditKey, seq, hash))
	if err != nil {
		return fmt.Errorf("cases: sealing the audit trail at entry %d: %w", seq, err)
	}
	return nil
}

const auditColumns = "seq, at, case_ref, actor, by_whom, kind, detail, prev_hash, hash"

func scanAudit(sc interface{ Scan(...any) error }) (AuditEntry, error) {
	var e AuditEntry
	var at, ref, actor, detail string
	err := sc.Scan(&e.Seq, &at, &ref, &actor, &e.By, &e.Kind, &detail, &e.PrevHash, &e.Hash)
	if err != nil {
		return e, err
	}
	e.At, _ = time.Parse(time.RFC3339Nano, at)
	e.At = e.At.In(Bangkok)
	if ref != "" {
		e.Case, _ = ParseRef(ref)
	}
	e.Actor, e.Detail = Actor(actor), []byte(detail)
	return e, nil
}

func (v *sqliteView) history(ctx context.Context, ref Ref) ([]AuditEntry, error) {
	var out []AuditEntry
	err := v.auditRows(ctx, "WHERE case_ref = ?", []any{ref.String()}, func(e AuditEntry) bool {
		out = append(out, e)
		return true
	})
	return out, err
}

func (v *sqliteView) eachAudit(ctx context.Context, fn func(AuditEntry) bool) error {
	return v.auditRows(ctx, "", nil, fn)
}

func (v *sqliteView) auditRows(ctx context.Context, where string, args []any,
	fn func(AuditEntry) bool) error {
	rows, err := v.query(ctx,
		"SELECT "+auditColumns+" FROM audit "+where+" ORDER BY seq", args...)
	if err != nil {
		return fmt.Errorf("cases: reading the audit trail: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return fmt.Errorf("cases: reading the audit trail: %w", err)
		}
		if !fn(e) {
			break
		}
	}
	return rows.Err()
}

func (v *sqliteView) seal(ctx context.Context) (*auditSeal, error) {
	var s auditSeal
	err := v.queryRow(ctx, "SELECT seq, hash, mac FROM audit_seal WHERE id = 1").
		Scan(&s.Seq, &s.Hash, &s.MAC)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cases: reading the audit seal: %w", err)
	}
	return &s, nil
}
