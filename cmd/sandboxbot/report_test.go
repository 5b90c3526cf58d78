package main

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sandboxbot/cases"
)

// seedReport walks, in a data directory, one case to testing (approved on
// 16 January 2026) and opens another whose organisation's name starts
// like a formula; it returns how many audit entries the store holds.
func seedReport(t *testing.T, dir string) int64 {
	t.Helper()
	ctx := context.Background()
	s, clock := openDataStore(t, dir, mustTime(t, "2026-01-05T10:00:00+07:00"), "digital-id")
	defer s.Close()
	apply := func(e cases.Event) {
		t.Helper()
		if _, err := s.Apply(ctx, e); err != nil {
			t.Fatalf("%s: %v", e.Kind, err)
		}
	}
	a := cases.ApplicantInfo{OrgName: "บริษัท เนชั่นแนล ดิจิทัล ไอดี จำกัด",
		ContactEmail: "a@ndid.test", Solution: "Digital ID", Category: "digital-id"}
	apply(cases.Event{Kind: cases.SubmitInterest, Actor: cases.ByApplicant, Applicant: &a})
	ref := cases.Ref{Year: 2569, Seq: 1}
	plan := &cases.Plan{Start: cases.NewDate(2026, 2, 2), End: cases.NewDate(2026, 7, 31),
		Every: "monthly"}
	for _, e := range []cases.Event{{Kind: cases.FindInScope}, {Kind: cases.SubmitApplication,
		Actor: cases.ByApplicant}, {Kind: cases.FindComplete}, {Kind: cases.SubmitTestPlan,
		Actor: cases.ByApplicant, Plan: plan}, {Kind: cases.Approve, Round: 1},
		{Kind: cases.RecordSigned}} {
		if e.Actor == "" {
			e.Actor, e.By = cases.ByOfficer, "o@etda.test"
		}
		e.Case = ref
		if e.Kind == cases.Approve {
			clock.Set(mustTime(t, "2026-01-16T10:00:00+07:00"))
		}
		apply(e)
	}
	b := cases.ApplicantInfo{OrgName: `=HYPERLINK("http://x","y")`, ContactEmail: "b@x.test",
		Solution: "+1", Category: "digital-id"}
	apply(cases.Event{Kind: cases.SubmitInterest, Actor: cases.ByApplicant, Applicant: &b})
	rep, err := s.Verify(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return rep.Entries
}

// auditEntries counts the audit entries of a data directory's store.
func auditEntries(t *testing.T, dir string) int64 {
	t.Helper()
	s, err := cases.OpenSQLite(context.Background(), filepath.Join(dir, "sandboxbot.db"),
		cases.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rep, err := s.Verify(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return rep.Entries
}

func TestReportCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	entries := seedReport(t, dir)
	out := filepath.Join(dir, "status.xlsx")
	now := "--now=2026-01-20T09:00:00+07:00"
	code, stdout, stderr := sandboxbot(t, "--data", dir, now, "report", "-o", out)
	if code != 0 || !strings.Contains(stdout, "wrote "+out) ||
		!strings.Contains(stdout, "the audit from 2026-01-13 09:00 to 2026-01-20 09:00") {
		t.Fatalf("report: exit %d\n%s%s", code, stdout, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) != 7 {
		t.Errorf("sheets %q", sheets)
	}
	rows, err := f.GetRows("เรื่อง Cases")
	if err != nil || len(rows) != 3 || rows[2][1] != `=HYPERLINK("http://x","y")` {
		t.Errorf("cases sheet %q (%v)", rows, err)
	}
	audit, _ := f.GetRows("บันทึก Audit")
	if len(audit) != 1+3 { // on 16 January: approve, signed, the second interest
		t.Errorf("%d audit rows in the week to 20 January: %q", len(audit)-1, audit)
	}
	if got := auditEntries(t, dir); got != entries {
		t.Errorf("the report wrote to the store: %d audit entries, was %d", got, entries)
	}

	code, _, _ = sandboxbot(t, "--data", dir, now, "report", "-o", out, "--from",
		"2026-01-01", "--to", "2026-01-05")
	f2, err := excelize.OpenFile(out)
	if err != nil || code != 0 {
		t.Fatalf("report --from --to: exit %d, %v", code, err)
	}
	defer f2.Close()
	// On 5 January: interest, in scope, application, complete, test plan.
	if audit, _ := f2.GetRows("บันทึก Audit"); len(audit) != 1+5 {
		t.Errorf("%d audit rows from 1 to 5 January, want 5", len(audit)-1)
	}
	for _, tt := range []struct {
		args []string
		says string
	}{
		{[]string{"report", "-o", filepath.Join(dir, "status.csv")}, "as .xlsx"},
		{[]string{"report"}, "needs -o FILE.xlsx"},
		{[]string{"report", "-o", out, "--from", "2026-02-01", "--to", "2026-01-31"},
			"is empty"},
		{[]string{"report", "-o", out, "--to", "31/01/2026"}, "not a date"},
		{[]string{"report", "-o", out, "extra"}, "unexpected argument"},
	} {
		code, _, stderr := sandboxbot(t, append([]string{"--data", dir, now}, tt.args...)...)
		if code != 2 || !strings.Contains(stderr, tt.says) {
			t.Errorf("%v: exit %d, %q; want exit 2 saying %q", tt.args, code, stderr, tt.says)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "status.csv")); err == nil {
		t.Error("a refused report left a file")
	}
}
