package cases

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

const caseColumns = `ref, stage, paused, outcome, round,
	org_name, org_name_en, org_type, juristic_id, contact_name, contact_email,
	contact_phone, solution, category, lang, plan_start, plan_end, report_every,
	requests, waivers, reports_received, reports_missed, fixes_overdue, exited_on,
	last_report, opened_at, stage_since, last_submission_at, updated_at`

// caseValues returns the values of caseColumns for c, in order.
func caseValues(c *Case) ([]any, error) {
	req, err := json.Marshal(c.Requests)
	if err != nil {
		return nil, err
	}
	waivers, err := json.Marshal(append([]string{}, c.Waivers...))
	if err != nil {
		return nil, err
	}
	a := c.Applicant
	return []any{c.Ref.String(), string(c.Stage), c.Paused, string(c.Outcome), c.Round,
		a.OrgName, a.OrgNameEN, a.OrgType, a.JuristicID, a.ContactName, a.ContactEmail,
		a.ContactPhone, a.Solution, a.Category, a.Lang, c.Plan.Start.String(),
		c.Plan.End.String(), c.Plan.Every, string(req), string(waivers), c.ReportsReceived,
		c.ReportsMissed, c.FixesOverdue, c.ExitedOn.String(), c.LastReport,
		nanos(c.Opened), nanos(c.StageSince), nanos(c.LastSubmission), nanos(c.Updated)}, nil
}

func (t *sqliteTx) insertCase(ctx context.Context, c *Case) error {
	vals, err := caseValues(c)
	if err != nil {
		return fmt.Errorf("cases: encoding %s: %w", c.Ref, err)
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(vals)), ", ")
	_, err = t.exec(ctx,
		"INSERT INTO cases ("+caseColumns+") VALUES ("+marks+")", vals...)
	if err != nil {
		return fmt.Errorf("cases: inserting %s: %w", c.Ref, err)
	}
	return nil
}

// updateCaseSQL sets every column of caseColumns but the reference.
var updateCaseSQL = func() string {
	var set []string
	for _, col := range strings.Split(caseColumns, ",")[1:] {
		set = append(set, strings.TrimSpace(col)+" = ?")
	}
	return "UPDATE cases SET " + strings.Join(set, ", ") + " WHERE ref = ?"
}()

func (t *sqliteTx) updateCase(ctx context.Context, c *Case) error {
	vals, err := caseValues(c)
	if err != nil {
		return fmt.Errorf("cases: encoding %s: %w", c.Ref, err)
	}
	_, err = t.exec(ctx, updateCaseSQL, append(vals[1:], vals[0])...)
	if err != nil {
		return fmt.Errorf("cases: updating %s: %w", c.Ref, err)
	}
	return nil
}

// scanCase reads one row of caseColumns.
func scanCase(sc interface{ Scan(...any) error }) (*Case, error) {
	var c Case
	var ref, stage, outcome, start, end, req, waivers, exited string
	var opened, since, last, updated int64
	a := &c.Applicant
	err := sc.Scan(&ref, &stage, &c.Paused, &outcome, &c.Round,
		&a.OrgName, &a.OrgNameEN, &a.OrgType, &a.JuristicID, &a.ContactName, &a.ContactEmail,
		&a.ContactPhone, &a.Solution, &a.Category, &a.Lang, &start, &end, &c.Plan.Every,
		&req, &waivers, &c.ReportsReceived, &c.ReportsMissed, &c.FixesOverdue, &exited,
		&c.LastReport, &opened, &since, &last, &updated)
	if err != nil {
		return nil, err
	}
	if c.Ref, err = ParseRef(ref); err != nil {
		return nil, err
	}
	c.Stage, c.Outcome = Stage(stage), Outcome(outcome)
	c.Plan.Start, c.Plan.End, c.ExitedOn = parseStoredDate(start), parseStoredDate(end),
		parseStoredDate(exited)
	if err := json.Unmarshal([]byte(req), &c.Requests); err != nil {
		return nil, fmt.Errorf("cases: %s requests: %w", ref, err)
	}
	if err := json.Unmarshal([]byte(waivers), &c.Waivers); err != nil {
		return nil, fmt.Errorf("cases: %s waivers: %w", ref, err)
	}
	c.Opened, c.StageSince = fromNanos(opened), fromNanos(since)
	c.LastSubmission, c.Updated = fromNanos(last), fromNanos(updated)
	return &c, nil
}

func (v *sqliteView) loadCase(ctx context.Context, ref Ref) (*Case, error) {
	row := v.queryRow(ctx, "SELECT "+caseColumns+" FROM cases WHERE ref = ?",
		ref.String())
	c, err := scanCase(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, ref)
	}
	if err != nil {
		return nil, fmt.Errorf("cases: loading %s: %w", ref, err)
	}
	c.Windows, err = v.openWindows(ctx, "WHERE case_ref = ? AND closed_at IS NULL", ref.String())
	return c, err
}

func (v *sqliteView) listCases(ctx context.Context) ([]*Case, error) {
	rows, err := v.query(ctx, "SELECT "+caseColumns+" FROM cases ORDER BY ref")
	if err != nil {
		return nil, fmt.Errorf("cases: listing cases: %w", err)
	}
	defer rows.Close()
	var list []*Case
	byRef := map[Ref]*Case{}
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, fmt.Errorf("cases: listing cases: %w", err)
		}
		list = append(list, c)
		byRef[c.Ref] = c
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ws, err := v.openWindows(ctx, "WHERE closed_at IS NULL")
	for _, w := range ws {
		if c := byRef[w.Case]; c != nil {
			c.Windows = append(c.Windows, w)
		}
	}
	return list, err
}

func (t *sqliteTx) insertSubmission(ctx context.Context, ref Ref, e *Event) error {
	mid := ""
	if e.Source != nil {
		mid = e.Source.MessageID
	}
	_, err := t.exec(ctx, `
		INSERT INTO submissions (case_ref, kind, received_at, message_id, record)
		VALUES (?, ?, ?, ?, ?)`, ref.String(), string(e.Kind), nanos(e.At), mid, string(e.Form))
	if err != nil {
		return fmt.Errorf("cases: recording the %s of %s: %w", e.Kind, ref, err)
	}
	return nil
}

func (t *sqliteTx) latestRecords(ctx context.Context, ref Ref) (
	map[EventKind]json.RawMessage, error) {
	rows, err := t.query(ctx, `
		SELECT kind, record FROM submissions
		WHERE id IN (SELECT max(id) FROM submissions WHERE case_ref = ? GROUP BY kind)`,
		ref.String())
	if err != nil {
		return nil, fmt.Errorf("cases: reading the forms of %s: %w", ref, err)
	}
	defer rows.Close()
	out := map[EventKind]json.RawMessage{}
	for rows.Next() {
		var kind, record string
		if err := rows.Scan(&kind, &record); err != nil {
			return nil, err
		}
		out[EventKind(kind)] = json.RawMessage(record)
	}
	return out, rows.Err()
}

func (t *sqliteTx) round(ctx context.Context, n int) (Round, int, bool, error) {
	rs, err := t.rounds(ctx, "WHERE number = ?", n)
	if err != nil || len(rs) == 0 {
		return Round{}, 0, false, err
	}
	// A place is held by every case approved into the round that has not
	// lapsed before signing.
	var used int
	err = t.queryRow(ctx, `
		SELECT count(*) FROM cases
		WHERE round = ? AND NOT (stage = 'closed' AND outcome IN ('lapsed', 'withdrawn')
			AND exited_on = '')`, n).Scan(&used)
	if err != nil {
		return Round{}, 0, false, fmt.Errorf("cases: counting round %d: %w", n, err)
	}
	return rs[0], used, true, nil
}

func (t *sqliteTx) all(ctx context.Context) ([]Round, error) { return t.rounds(ctx, "") }

func (v *sqliteView) allRounds(ctx context.Context) ([]Round, error) {
	return v.rounds(ctx, "")
}

func (v *sqliteView) rounds(ctx context.Context, where string, args ...any) ([]Round, error) {
	rows, err := v.query(ctx, `
		SELECT number, opens, closes, capacity, categories FROM rounds `+where+`
		ORDER BY number`, args...)
	if err != nil {
		return nil, fmt.Errorf("cases: reading rounds: %w", err)
	}
	defer rows.Close()
	var out []Round
	for rows.Next() {
		var r Round
		var opens, closes, cats string
		if err := rows.Scan(&r.Number, &opens, &closes, &r.Capacity, &cats); err != nil {
			return nil, err
		}
		r.Opens, r.Closes = parseStoredDate(opens), parseStoredDate(closes)
		if err := json.Unmarshal([]byte(cats), &r.Categories); err != nil {
			return nil, fmt.Errorf("cases: round %d categories: %w", r.Number, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func (t *sqliteTx) putRound(ctx context.Context, r Round) error {
	cats, _ := json.Marshal(r.Categories)
	_, err := t.exec(ctx, `
		INSERT INTO rounds (number, opens, closes, capacity, categories)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (number) DO UPDATE SET opens = excluded.opens, closes = excluded.closes,
			capacity = excluded.capacity, categories = excluded.categories`,
		r.Number, r.Opens.String(), r.Closes.String(), r.Capacity, string(cats))
	if err != nil {
		return fmt.Errorf("cases: saving round %d: %w", r.Number, err)
	}
	return nil
}
