package cases

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The status reads of a Status (status.go), each one statement streamed
// row by row inside the read transaction. They run once per report, so
// they are not kept prepared (sqliteView.query, whose cache is not safe for
// the concurrent use a Status allows): preparing costs little beside
// reading every case.

// The driver costs about a fifth of a microsecond for each column of each
// row (two calls into SQLite, each taking its mutex), which over 100,000
// cases is more than the rest of a read. So the columns of a report's row
// that hold no free text (numbers, dates, names of stages and kinds) are
// read as one, separated by spaces (packed), and split here.

// statusCaseColumns are the columns of a case a report reads (see
// Status.Cases): not the contact's details, which reports do not carry.
const statusCaseColumns = `ref, org_name, org_name_en, solution, category, requests,
	printf('%s %d %s %d %s %s %d %d %d %d %d %d %d', stage, paused, outcome, round,
		plan_start, plan_end, reports_received, reports_missed, fixes_overdue, opened_at,
		stage_since, last_submission_at, updated_at)`

// scanStatusCase reads one row of statusCaseColumns, and the reference as
// stored.
func scanStatusCase(sc scanner) (*Case, string, error) {
	var c Case
	var ref, req, packed string
	a := &c.Applicant
	err := sc.Scan(&ref, &a.OrgName, &a.OrgNameEN, &a.Solution, &a.Category, &req, &packed)
	if err != nil {
		return nil, "", err
	}
	if c.Ref, err = quickRef(ref); err != nil {
		return nil, "", err
	}
	var f [13]string
	if n := unpack(packed, f[:]); n != len(f) {
		return nil, "", fmt.Errorf("cases: %s: %d packed columns, want %d", ref, n, len(f))
	}
	c.Stage, c.Paused, c.Outcome = Stage(f[0]), f[1] == "1", Outcome(f[2])
	c.Plan.Start, c.Plan.End = quickDate(f[4]), quickDate(f[5])
	c.FixesOverdue = f[8] == "1"
	ints := []*int{&c.Round, nil, nil, &c.ReportsReceived, &c.ReportsMissed}
	times := []*time.Time{&c.Opened, &c.StageSince, &c.LastSubmission, &c.Updated}
	for k, p := range ints {
		if p != nil {
			*p, _ = strconv.Atoi(f[3+k])
		}
	}
	for k, p := range times {
		n, _ := strconv.ParseInt(f[9+k], 10, 64)
		*p = fromNanos(n)
	}
	if req != "{}" {
		if err := json.Unmarshal([]byte(req), &c.Requests); err != nil {
			return nil, "", fmt.Errorf("cases: %s requests: %w", ref, err)
		}
	}
	return &c, ref, nil
}

// unpack splits packed columns into f and returns how many there were
// (more than len(f) counts as len(f)+1).
func unpack(packed string, f []string) int {
	n := 0
	for n < len(f) {
		i := strings.IndexByte(packed, ' ')
		if i < 0 {
			f[n] = packed
			return n + 1
		}
		f[n], packed = packed[:i], packed[i+1:]
		n++
	}
	return n + 1
}

// statusWindowColumns are the columns of an open window a report reads.
const statusWindowColumns = `case_ref,
	printf('%d %s %s %d %s %s %d %d %d', id, kind, party, seq, start_on, due_on, days,
		pending, remind)`

// scanStatusWindow reads one row of statusWindowColumns and the window's
// case reference as stored; the window's Case is left for the caller.
func scanStatusWindow(sc scanner) (Window, string, error) {
	var w Window
	var ref, packed string
	if err := sc.Scan(&ref, &packed); err != nil {
		return w, "", err
	}
	var f [9]string
	if n := unpack(packed, f[:]); n != len(f) {
		return w, "", fmt.Errorf("cases: a window of %s: %d packed columns, want %d", ref,
			n, len(f))
	}
	w.ID, _ = strconv.ParseInt(f[0], 10, 64)
	w.Kind, w.Party = WindowKind(f[1]), Party(f[2])
	w.Seq, _ = strconv.Atoi(f[3])
	w.Start, w.Due = quickDate(f[4]), quickDate(f[5])
	w.Days, _ = strconv.Atoi(f[6])
	w.Pending = f[7] == "1"
	w.Remind, _ = strconv.Atoi(f[8])
	return w, ref, nil
}

// eachCase merges two ordered cursors, the cases and their open windows,
// so that no case's windows are held longer than the case. Both are in
// case_ref order (the windows through the windows_open index).
func (v *sqliteView) eachCase(ctx context.Context, fn func(*Case) error) error {
	rows, err := v.q.QueryContext(ctx, "SELECT "+statusCaseColumns+" FROM cases ORDER BY ref")
	if err != nil {
		return statusErr("cases", err)
	}
	defer rows.Close()
	ws, err := v.q.QueryContext(ctx, "SELECT "+statusWindowColumns+` FROM windows
		WHERE closed_at IS NULL
		ORDER BY case_ref, id`)
	if err != nil {
		return statusErr("windows", err)
	}
	defer ws.Close()
	var next *Window // the window read ahead, not yet given to its case
	var nextRef string
	for rows.Next() {
		c, ref, err := scanStatusCase(rows)
		if err != nil {
			return statusErr("cases", err)
		}
		for {
			if next == nil {
				if !ws.Next() {
					break
				}
				w, wref, err := scanStatusWindow(ws)
				if err != nil {
					return statusErr("windows", err)
				}
				next, nextRef = &w, wref
			}
			cmp := strings.Compare(nextRef, ref)
			if cmp > 0 {
				break
			}
			if cmp == 0 {
				next.Case = c.Ref
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

// quickRef reads a reference as the store writes it (DSS-2569-0001)
// without a regular expression, and anything else with ParseRef.
func quickRef(s string) (Ref, error) {
	if len(s) >= 13 && s[:4] == "DSS-" && s[8] == '-' {
		y, okY := digits(s[4:8])
		n, okN := digits(s[9:])
		if okY && okN {
			return Ref{Year: y, Seq: n}, nil
		}
	}
	return ParseRef(s)
}

// quickDate reads a day as the store writes it (YYYY-MM-DD); the zero
// Date for "" or anything else.
func quickDate(s string) Date {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return parseStoredDate(s)
	}
	y, ok1 := digits(s[:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > 31 {
		return parseStoredDate(s)
	}
	return Date{y, time.Month(m), d}
}

// quickAuditTime reads a time as the audit trail stores it (RFC 3339 in
// UTC, with or without a fraction of a second: formatAuditTime), in
// Bangkok, without time.Parse's generality; anything else goes to it.
func quickAuditTime(s string) (time.Time, error) {
	if len(s) >= 20 && s[len(s)-1] == 'Z' && s[4] == '-' && s[7] == '-' && s[10] == 'T' &&
		s[13] == ':' && s[16] == ':' && (len(s) == 20 || s[19] == '.') {
		y, ok1 := digits(s[:4])
		mo, ok2 := digits(s[5:7])
		d, ok3 := digits(s[8:10])
		h, ok4 := digits(s[11:13])
		mi, ok5 := digits(s[14:16])
		sec, ok6 := digits(s[17:19])
		ns, ok7 := 0, true
		if len(s) > 20 {
			frac := s[20 : len(s)-1]
			ns, ok7 = digits(frac)
			for i := len(frac); i < 9 && ok7; i++ {
				ns *= 10
			}
		}
		if ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7 {
			return time.Date(y, time.Month(mo), d, h, mi, sec, ns, time.UTC).In(Bangkok), nil
		}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	return t.In(Bangkok), err
}

// digits reads a non-empty run of ASCII digits, at most nine.
func digits(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

var dueWindowsSQL = "SELECT " + statusWindowColumns + `,
		c.org_name, c.org_name_en, c.solution, c.stage, c.paused
	FROM windows JOIN cases c ON c.ref = windows.case_ref
	WHERE closed_at IS NULL AND pending = 0 AND due_on != ''
		AND due_on >= ? AND due_on <= ?
	ORDER BY due_on, case_ref, id`

func (v *sqliteView) eachDueWindow(ctx context.Context, from, to Date,
	fn func(CaseWindow) error) error {
	hi := "9999-12-31"
	if !to.IsZero() {
		hi = to.String()
	}
	rows, err := v.q.QueryContext(ctx, dueWindowsSQL, from.String(), hi)
	if err != nil {
		return statusErr("deadlines", err)
	}
	defer rows.Close()
	for rows.Next() {
		var cw CaseWindow
		var stage string
		w, ref, err := scanStatusWindow(extraScan{rows, []any{&cw.Org, &cw.OrgEN,
			&cw.Solution, &stage, &cw.Paused}})
		if err == nil {
			w.Case, err = quickRef(ref)
		}
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

// eachTrailEntry scans the audit table, whose only index is by case; the
// case is read for a finding of ineligibility only.
func (v *sqliteView) eachTrailEntry(ctx context.Context, fn func(trailEntry) error) error {
	rows, err := v.q.QueryContext(ctx, `
		SELECT case_ref, kind, at,
			CASE WHEN kind = 'ineligible' THEN (SELECT last_submission_at FROM cases
				WHERE ref = audit.case_ref) ELSE 0 END
		FROM audit
		WHERE kind IN ('approve', 'reject', 'ineligible')
		ORDER BY seq`)
	if err != nil {
		return statusErr("the audit trail", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ref, kind, at string
		var last sql.NullInt64
		if err := rows.Scan(&ref, &kind, &at, &last); err != nil {
			return statusErr("the audit trail", err)
		}
		e := trailEntry{kind: EventKind(kind), last: fromNanos(last.Int64)}
		if e.ref, err = quickRef(ref); err != nil {
			continue // an entry of no case
		}
		if e.at, err = quickAuditTime(at); err != nil {
			return statusErr("the audit trail", err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return statusErr("the audit trail", err)
	}
	return nil
}

// eachExpiredWindow scans the windows table, whose only index on case is
// of the open windows.
func (v *sqliteView) eachExpiredWindow(ctx context.Context,
	fn func(ref Ref, k WindowKind, due Date) error) error {
	rows, err := v.q.QueryContext(ctx, `
		SELECT case_ref, kind, due_on FROM windows
		WHERE closed_how = 'expired' AND kind IN ('decision', 'more_info', 'fixes')
		ORDER BY id`)
	if err != nil {
		return statusErr("windows that ran out", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ref, kind, due string
		if err := rows.Scan(&ref, &kind, &due); err != nil {
			return statusErr("windows that ran out", err)
		}
		r, err := quickRef(ref)
		if err != nil {
			return statusErr("windows that ran out", err)
		}
		if err := fn(r, WindowKind(kind), quickDate(due)); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return statusErr("windows that ran out", err)
	}
	return nil
}

// eachDecisionWindow scans the windows table, whose only index on case is
// of the open windows.
func (v *sqliteView) eachDecisionWindow(ctx context.Context,
	fn func(ref Ref, start Date) error) error {
	rows, err := v.q.QueryContext(ctx, `
		SELECT case_ref, start_on FROM windows
		WHERE kind = 'decision'
		ORDER BY id`)
	if err != nil {
		return statusErr("decision windows", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ref, start string
		if err := rows.Scan(&ref, &start); err != nil {
			return statusErr("decision windows", err)
		}
		r, err := quickRef(ref)
		if err != nil {
			return statusErr("decision windows", err)
		}
		if err := fn(r, quickDate(start)); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return statusErr("decision windows", err)
	}
	return nil
}

// eachParticipant reads the cases that hold a place in a round (as
// sqliteTx.round counts them), each with its latest test plan and progress
// report.
func (v *sqliteView) eachParticipant(ctx context.Context, fn func(Participant) error) error {
	rows, err := v.q.QueryContext(ctx, "SELECT "+statusCaseColumns+`,
			coalesce((SELECT record FROM submissions s
				WHERE s.case_ref = c.ref AND s.kind = 'test_plan'
				ORDER BY s.id DESC LIMIT 1), ''),
			coalesce((SELECT record FROM submissions s
				WHERE s.case_ref = c.ref AND s.kind = 'progress_report'
				ORDER BY s.id DESC LIMIT 1), '')
		FROM cases c
		WHERE round > 0 AND NOT (stage = 'closed' AND outcome IN ('lapsed', 'withdrawn')
			AND exited_on = '')
		ORDER BY ref`)
	if err != nil {
		return statusErr("participants", err)
	}
	defer rows.Close()
	for rows.Next() {
		var plan, report string
		c, _, err := scanStatusCase(extraScan{rows, []any{&plan, &report}})
		if err != nil {
			return statusErr("participants", err)
		}
		pf, rf := parseForm(plan), parseForm(report)
		p := Participant{Case: c, KPIs: kpisOf(pf, rf),
			ReportFrom: formDate(rf.fields["period_from"]),
			ReportTo:   formDate(rf.fields["period_to"])}
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
	rows, err := v.q.QueryContext(ctx, "SELECT "+auditColumns+` FROM audit
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

func (v *sqliteView) eachTaskCase(ctx context.Context, until Date, fn func(*Case) error) error {
	rows, err := v.q.QueryContext(ctx, "SELECT "+statusCaseColumns+` FROM cases
		WHERE stage IN ('screening', 'application_review', 'test_plan', 'decision',
				'exit_review')
			OR paused = 1 OR fixes_overdue = 1 OR requests != '{}'
			OR (stage = 'testing' AND plan_end <= ?)
		ORDER BY ref`, until.String())
	if err != nil {
		return statusErr("tasks", err)
	}
	defer rows.Close()
	windows, err := v.q.PrepareContext(ctx, "SELECT "+statusWindowColumns+` FROM windows
		WHERE case_ref = ? AND closed_at IS NULL
		ORDER BY id`)
	if err != nil {
		return statusErr("tasks", err)
	}
	defer windows.Close()
	for rows.Next() {
		c, ref, err := scanStatusCase(rows)
		if err != nil {
			return statusErr("tasks", err)
		}
		if c.Windows, err = caseWindows(ctx, windows, c.Ref, ref); err != nil {
			return statusErr("tasks", err)
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

// caseWindows reads the open windows of one case with a statement
// prepared from statusWindowColumns.
func caseWindows(ctx context.Context, st *sql.Stmt, c Ref, ref string) ([]Window, error) {
	rows, err := st.QueryContext(ctx, ref)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Window
	for rows.Next() {
		w, _, err := scanStatusWindow(rows)
		if err != nil {
			return nil, err
		}
		w.Case = c
		out = append(out, w)
	}
	return out, rows.Err()
}
