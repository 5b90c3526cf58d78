package main

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sandboxbot/cases"
)

// TestDowntime: thirty cases told "in scope" on thirty days, then the bot
// is down until 72 hours past the last day of the middle one. One sweep
// lapses each case whose 30 days ran out, once, and sends each open window
// at most one reminder, the latest owed; a second sweep does nothing.
func TestDowntime(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ctx := context.Background()
	s, clock := openDataStore(t, dir, mustTime(t, "2026-01-05T10:00:00+07:00"), "e-document")
	var dues []cases.Date
	for i := range 30 {
		a := cases.ApplicantInfo{OrgName: fmt.Sprintf("บริษัท %d จำกัด", i),
			ContactEmail: fmt.Sprintf("c%d@corp.test", i), Category: "e-document"}
		res, err := s.Apply(ctx, cases.Event{Kind: cases.SubmitInterest,
			Actor: cases.ByApplicant, Applicant: &a})
		if err != nil {
			t.Fatal(err)
		}
		res, err = s.Apply(ctx, cases.Event{Kind: cases.FindInScope, Case: res.Case.Ref,
			Actor: cases.ByOfficer, By: "o@etda.test"})
		if err != nil {
			t.Fatal(err)
		}
		w, _ := res.Case.Window(cases.WindowApplication)
		dues = append(dues, w.Due)
		clock.Advance(24 * time.Hour)
	}
	s.Close()

	// Down until 72 hours after the end of the middle case's last day.
	now := dues[14].End().Add(72 * time.Hour)
	wantExpired := 0
	for _, d := range dues {
		if !now.Before(d.End()) {
			wantExpired++
		}
	}
	at := "--now=" + now.Format(time.RFC3339)
	code, out, errOut := sandboxbot(t, "--data", dir, at, "sweep")
	if code != 0 || !strings.Contains(out, fmt.Sprintf("%d expired, 0 failed", wantExpired)) {
		t.Fatalf("first sweep: exit %d, %q %s; want %d expired", code, out, errOut,
			wantExpired)
	}
	code, out, _ = sandboxbot(t, "--data", dir, at, "sweep")
	if code != 0 || out != "checked 0 windows: 0 reminders, 0 expired, 0 failed\n" {
		t.Fatalf("second sweep: exit %d, %q", code, out)
	}

	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "sandboxbot.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := count(t, db, `SELECT count(*) FROM audit WHERE kind = ?`,
		string(cases.ApplicationLapses)); n != wantExpired {
		t.Errorf("%d lapses, want %d", n, wantExpired)
	}
	if n := count(t, db, `SELECT count(*) FROM (SELECT case_ref FROM audit
		WHERE kind = 'reminder' GROUP BY case_ref HAVING count(*) > 1)`); n != 0 {
		t.Errorf("%d windows got more than one reminder", n)
	}
	reminded := count(t, db, `SELECT count(*) FROM audit WHERE kind = 'reminder'`)
	if reminded == 0 || reminded > 30-wantExpired {
		t.Errorf("%d reminders for %d open windows", reminded, 30-wantExpired)
	}
	if n := count(t, db, `SELECT count(*) FROM cases WHERE stage = 'closed'
		AND outcome = 'lapsed'`); n != wantExpired {
		t.Errorf("%d cases lapsed, want %d", n, wantExpired)
	}
	if n := count(t, db, `SELECT count(*) FROM outbox WHERE notice = 'application_lapsed'`); n != wantExpired {
		t.Errorf("%d lapse letters, want %d", n, wantExpired)
	}
	t.Logf("%d windows: %d expired once, %d reminded once", 30, wantExpired, reminded)
}
