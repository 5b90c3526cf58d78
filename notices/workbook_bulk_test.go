package notices

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	_ "modernc.org/sqlite"
)

// seedBulk builds the fourteen cases of seedStatus through the store, then
// copies them with SQL, on the store's own schema, until the store holds n
// cases: copy k of case c is case 14k+c, every date and instant of it
// (cases, windows, submissions, audit entries) moved by (k mod 90) − 45
// days so that deadlines spread over three months around the report's day.
// The store is then swept at the report's time, as the running bot would
// have been. Rows are written as a running store writes them: cases in reference
// order, windows, forms and audit entries in the order of their time, so
// that reading one case's windows or entries costs the scattered reads it
// would.
// The copies' audit entries keep their hashes: the trail does not verify,
// which no report reads.
func seedBulk(tb testing.TB, n int) *seeded {
	tb.Helper()
	s := seedStatus(tb)
	db, err := sql.Open("sqlite", "file:"+s.path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	copies := (n + 13) / 14
	steps := []string{
		`CREATE TEMP TABLE k AS WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL
			SELECT i + 1 FROM k WHERE i < ?) SELECT i, (i % 90) - 45 AS d FROM k`,
		`CREATE TEMP TABLE base AS SELECT ref, CAST(substr(ref, 10) AS INTEGER) AS c
			FROM cases`,
		`CREATE TEMP TABLE top AS SELECT max(seq) AS seq FROM audit`,
		`INSERT INTO cases SELECT printf('DSS-2569-%04d', k.i * 14 + b.c), stage, paused,
			outcome, round, org_name, org_name_en, org_type, juristic_id, contact_name,
			contact_email, contact_phone, solution, category, lang, ` + shifted("plan_start") +
			`, ` + shifted("plan_end") + `, report_every, requests, waivers, reports_received,
			reports_missed, fixes_overdue, ` + shifted("exited_on") + `, last_report,
			opened_at + k.d * 86400000000000, stage_since + k.d * 86400000000000,
			last_submission_at + k.d * 86400000000000, updated_at + k.d * 86400000000000
			FROM cases JOIN base b USING (ref), k
			ORDER BY k.i * 14 + b.c`,
		`INSERT INTO windows (case_ref, kind, party, seq, start_on, due_on, days, pending,
				remind, anchor_outbox, next_at, opened_at, closed_at, closed_how)
			SELECT printf('DSS-2569-%04d', k.i * 14 + b.c), kind, party, seq, ` +
			shifted("start_on") + `, ` + shifted("due_on") + `, days, pending, remind, NULL,
			next_at + k.d * 86400000000000, opened_at + k.d * 86400000000000,
			closed_at + k.d * 86400000000000, closed_how
			FROM windows w JOIN base b ON b.ref = w.case_ref, k
			ORDER BY w.opened_at + k.d * 86400000000000`,
		`INSERT INTO submissions (case_ref, kind, received_at, message_id, record)
			SELECT printf('DSS-2569-%04d', k.i * 14 + b.c), kind,
				received_at + k.d * 86400000000000, message_id, record
			FROM submissions s JOIN base b ON b.ref = s.case_ref, k
			ORDER BY s.received_at + k.d * 86400000000000`,
		`INSERT INTO audit (seq, at, case_ref, actor, by_whom, kind, detail, prev_hash, hash)
			SELECT (SELECT seq FROM top) + row_number() OVER (ORDER BY
					julianday(a.at) + k.d, a.seq, k.i),
				strftime('%Y-%m-%dT%H:%M:%SZ', a.at, printf('%+d days', k.d)),
				printf('DSS-2569-%04d', k.i * 14 + b.c), actor, by_whom, a.kind, detail,
				prev_hash, hash
			FROM audit a JOIN base b ON b.ref = a.case_ref, k
			ORDER BY julianday(a.at) + k.d, a.seq, k.i`,
	}
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	for i, q := range steps {
		args := []any{}
		if i == 0 {
			args = append(args, copies-1)
		}
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			tb.Fatalf("seeding step %d: %v", i+1, err)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	// What fell due in the copies moved back is done as the bot would have
	// done it: windows expire, cases lapse, reminders are recorded.
	if _, err := s.store.Sweep(ctx); err != nil {
		tb.Fatal(err)
	}
	return s
}

// shifted moves a stored YYYY-MM-DD column by k.d days, leaving ” as it is.
func shifted(col string) string {
	return fmt.Sprintf(
		"CASE %[1]s WHEN '' THEN '' ELSE date(%[1]s, printf('%%+d days', k.d)) END", col)
}

// TestSeedBulk checks the copies: as many cases as asked (rounded up to
// whole copies of fourteen), each copy's windows and forms, dates moved.
func TestSeedBulk(t *testing.T) {
	t.Parallel()
	s := seedBulk(t, 280)
	list, err := s.store.Cases(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 280 {
		t.Fatalf("%d cases, want 280", len(list))
	}
	orig, copy1 := list[8-1], list[14+8-1] // case 8 and its first copy
	if copy1.Ref.String() != "DSS-2569-0022" || copy1.Applicant != orig.Applicant ||
		len(copy1.Windows) != len(orig.Windows) ||
		copy1.Plan.Start != orig.Plan.Start.AddDays(1-45) {
		t.Fatalf("copy %+v\nof %+v", copy1, orig)
	}
	var forms, entries int
	db := openRaw(t, s.path)
	defer db.Close()
	err = db.QueryRow(`SELECT (SELECT count(*) FROM submissions WHERE case_ref = ?),
		(SELECT count(*) FROM audit WHERE case_ref = ?)`, "DSS-2569-0022",
		"DSS-2569-0022").Scan(&forms, &entries)
	if err != nil || forms != 2 || entries < 8 {
		t.Fatalf("the copy has %d forms and %d audit entries (%v)", forms, entries, err)
	}
}

func openRaw(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	return db
}
