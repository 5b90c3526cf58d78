package cases

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"
)

// The status reads of a Status (status.go), each one statement streamed
// row by row inside the read transaction.

// eachCase merges two ordered cursors, the cases and their open windows,
// so that no case's windows are held longer than the case. Both are in
// case_ref order (the windows through the windows_open index).
func (v *sqliteView) eachCase(ctx context.Context, fn func(*Case) error) error {
	rows, err := v.query(ctx, "SELECT "+caseColumns+" FROM cases ORDER BY ref")
	if err != nil {
		return statusErr("cases", err)
	}
	defer rows.Close()
	ws, err := v.query(ctx, "SELECT "+windowColumns+` FROM windows
		WHERE closed_at IS NULL
		ORDER BY case_ref, id`)
	if err != nil {
		return statusErr("windows", err)
	}
	defer ws.Close()
	var next *Window // the window read ahead, not yet given to its case
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return statusErr("cases", err)
		}
		ref := c.Ref.String()
		for {
			if next == nil {
				if !ws.Next() {
					break
				}
				w, _, err := scanWindow(ws)
				if err != nil {
					return statusErr("windows", err)
				}
				next = &w
			}
			cmp := strings.Compare(next.Case.String(), ref)
			if cmp > 0 {
				break
			}
			if cmp == 0 {
				c.Windows = append(c.Windows, *next)
			}
			next = nil
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	if err := ws.Err(); err != nil {
		return statusErr("windows", err)
	}
	if err := rows.Err(); err != nil {
		return statusErr("cases", err)
	}
	return nil
}

// qualified prefixes each column of a column list with a table alias.
func qualified(alias, columns string) string {
	cols := strings.Split(columns, ",")
	for i, c := range cols {
		cols[i] = alias + "." + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ")
}

var dueWindowsSQL = "SELECT " + qualified("w", windowColumns) + `,
		c.org_name, c.org_name_en, c.solution, c.stage, c.paused
	FROM windows w JOIN cases c ON c.ref = w.case_ref
	WHERE w.closed_at IS NULL AND w.pending = 0 AND w.due_on != ''
		AND w.due_on >= ? AND w.due_on <= ?
	ORDER BY w.due_on, w.case_ref, w.id`

func (v *sqliteView) eachDueWindow(ctx context.Context, from, to Date,
	fn func(CaseWindow) error) error {
	hi := "9999-12-31"
	if !to.IsZero() {
		hi = to.String()
	}
	rows, err := v.query(ctx, dueWindowsSQL, from.String(), hi)
	if err != nil {
		return statusErr("deadlines", err)
	}
	defer rows.Close()
	for rows.Next() {
		var cw CaseWindow
		var stage string
		w, _, err := scanWindow(extraScan{rows, []any{&cw.Org, &cw.OrgEN, &cw.Solution,
			&stage, &cw.Paused}})
		if err != nil {
			return statusErr("deadlines", err)
		}
		cw.Window, cw.Stage = w, Stage(stage)
		if err := fn(cw); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return statusErr("deadlines", err)
	}
	return nil
}

// extraScan scans the columns a scan function knows, then extra ones.
type extraScan struct {
	rows  *sql.Rows
	extra []any
}

func (e extraScan) Scan(dest ...any) error { return e.rows.Scan(append(dest, e.extra...)...) }

// eachDecisionEntry reads the whole trail in sequence order, which costs a
// scan of the audit table: its only index is by case.
func (v *sqliteView) eachDecisionEntry(ctx context.Context, fn func(decisionEntry) error) error {
	rows, err := v.query(ctx, `
		SELECT case_ref, kind, at FROM audit
		WHERE kind IN ('interest', 'application', 'info', 'complete',
			'approve', 'reject', 'ineligible')
		ORDER BY seq`)
	if err != nil {
		return statusErr("decisions", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ref, kind, at string
		if err := rows.Scan(&ref, &kind, &at); err != nil {
			return statusErr("decisions", err)
		}
		e := decisionEntry{kind: EventKind(kind)}
		if e.ref, err = ParseRef(ref); err != nil {
			continue // an entry of no case
		}
		if e.at, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return statusErr("decisions", err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return statusErr("decisions", err)
	}
	return nil
}

// participantsSQL selects the cases holding a place in a round (as
// sqliteTx.round counts them), each with its approval and its latest test
// plan and progress report, in the order of approval.
var participantsSQL = `
	SELECT p.*, coalesce(a.at, '') FROM (
		SELECT ` + caseColumns + `,
			(SELECT max(seq) FROM audit
				WHERE audit.case_ref = cases.ref AND audit.kind = 'approve') AS approved_seq,
			coalesce((SELECT record FROM submissions s
				WHERE s.case_ref = cases.ref AND s.kind = 'test_plan'
				ORDER BY s.id DESC LIMIT 1), '') AS plan,
			coalesce((SELECT record FROM submissions s
				WHERE s.case_ref = cases.ref AND s.kind = 'progress_report'
				ORDER BY s.id DESC LIMIT 1), '') AS report
		FROM cases
		WHERE round > 0 AND NOT (stage = 'closed' AND outcome IN ('lapsed', 'withdrawn')
			AND exited_on = '')
	) AS p LEFT JOIN audit a ON a.seq = p.approved_seq
	ORDER BY p.approved_seq, p.ref`

func (v *sqliteView) eachParticipant(ctx context.Context, fn func(Participant) error) error {
	rows, err := v.query(ctx, participantsSQL)
	if err != nil {
		return statusErr("participants", err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq sql.NullInt64
		var plan, report, approved string
		c, err := scanCase(extraScan{rows, []any{&seq, &plan, &report, &approved}})
		if err != nil {
			return statusErr("participants", err)
		}
		p := Participant{Case: c}
		if approved != "" {
			t, err := time.Parse(time.RFC3339Nano, approved)
			if err != nil {
				return statusErr("participants", err)
			}
			p.Approved = t.In(Bangkok)
		}
		pf, rf := parseForm(plan), parseForm(report)
		p.KPIs = kpisOf(pf, rf)
		p.ReportFrom, p.ReportTo = formDate(rf.fields["period_from"]),
			formDate(rf.fields["period_to"])
		if err := fn(p); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return statusErr("participants", err)
	}
	return nil
}

// eachAuditBetween narrows the scan by the stored text of the time (RFC
// 3339 in UTC, whose fraction of a second is of varying length) to whole
// seconds, then keeps the entries exactly in [from, to).
func (v *sqliteView) eachAuditBetween(ctx context.Context, from, to time.Time,
	fn func(AuditEntry) error) error {
	lo, hi := "", auditSecond(to.Add(time.Second))
	if !from.IsZero() {
		lo = auditSecond(from)
	}
	rows, err := v.query(ctx, "SELECT "+auditColumns+` FROM audit
		WHERE at >= ? AND at < ?
		ORDER BY seq`, lo, hi)
	if err != nil {
		return statusErr("audit", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return statusErr("audit", err)
		}
		if e.At.Before(from) || !e.At.Before(to) {
			continue
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return statusErr("audit", err)
	}
	return nil
}

// auditSecond is the stored form of t cut to its second, without the zone:
// a prefix of every stored time in that second.
func auditSecond(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05") }

func (v *sqliteView) lastExpiry(ctx context.Context, ref Ref, kind EventKind) (Date,
	time.Time, error) {
	var at, detail string
	err := v.queryRow(ctx, `
		SELECT at, detail FROM audit
		WHERE case_ref = ? AND kind = ?
		ORDER BY seq DESC LIMIT 1`, ref.String(), string(kind)).Scan(&at, &detail)
	if errors.Is(err, sql.ErrNoRows) {
		return Date{}, time.Time{}, nil
	}
	if err != nil {
		return Date{}, time.Time{}, statusErr("the "+string(kind)+" of "+ref.String(), err)
	}
	var d struct {
		Due Date `json:"due"`
	}
	_ = json.Unmarshal([]byte(detail), &d) // an odd detail gives no day
	t, _ := time.Parse(time.RFC3339Nano, at)
	if !t.IsZero() {
		t = t.In(Bangkok)
	}
	return d.Due, t, nil
}

func (v *sqliteView) eachTaskCase(ctx context.Context, until Date, fn func(*Case) error) error {
	rows, err := v.query(ctx, "SELECT "+caseColumns+` FROM cases
		WHERE stage IN ('screening', 'application_review', 'test_plan', 'decision',
				'exit_review')
			OR paused = 1 OR fixes_overdue = 1 OR requests != '{}'
			OR (stage = 'testing' AND plan_end <= ?)
		ORDER BY ref`, until.String())
	if err != nil {
		return statusErr("tasks", err)
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return statusErr("tasks", err)
		}
		c.Windows, err = v.openWindows(ctx, "WHERE case_ref = ? AND closed_at IS NULL",
			c.Ref.String())
		if err != nil {
			return err
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return statusErr("tasks", err)
	}
	return nil
}
