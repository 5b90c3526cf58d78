package notices

import (
	"context"
	"encoding/json"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"sandboxbot/cases"
)

// The realistic store of the workbook, announcement and digest tests:
// fourteen cases walked through the real workflow (cases.Store.Apply) from
// 5 January 2026 to the report's day, Monday 16 March 2026, in every stage,
// some with applicant text that a spreadsheet would take for a formula.

// reportAt is when the tests' reports are taken.
var reportAt = time.Date(2026, 3, 16, 10, 0, 0, 0, cases.Bangkok)

// hostile are organisation and solution names that start like formulas or
// with a control character, and one with markup.
var hostile = map[int][2]string{
	1: {`=HYPERLINK("http://x","y")`, "+1"},
	2: {"-2", "@SUM(A1)"},
	3: {"\tบริษัท แท็บ จำกัด", "ระบบลงลายมือชื่อ"},
	4: {"\rบริษัท ขึ้นบรรทัด จำกัด", "=1+1"},
	8: {"<script>alert(1)</script> บริษัท ทดสอบ จำกัด", "ระบบพิสูจน์ตัวตน <b>ExampleID</b>"},
}

// seeded is the test store and what the tests check against.
type seeded struct {
	store *cases.Store
	clock *cases.ManualClock
	path  string
	refs  map[int]cases.Ref // case number (1–14) → reference
}

func on(m time.Month, d int) time.Time {
	return time.Date(2026, m, d, 10, 0, 0, 0, cases.Bangkok)
}

// seedStatus builds the fourteen cases. Case n is DSS-2569-000n:
//
//	1, 2 screening (2 waiting for information asked for by 20 January,
//	  now overdue); 3 awaiting its application; 4 application review;
//	5 test plan (decision due 1 April); 6 decision (its 30 days ran out on
//	7 February); 7 agreement (approved 10 March, late); 8, 9 testing (8
//	with KPIs and a progress report, 9 asking for an extension); 10
//	post-exit after full success; 11 rejected (late); 12 ineligible; 13
//	lapsed; 14 appeal after failure.
func seedStatus(t testing.TB) *seeded {
	t.Helper()
	ctx := context.Background()
	s := &seeded{clock: cases.NewManualClock(on(time.January, 5)),
		path: filepath.Join(t.TempDir(), "sandboxbot.db"), refs: map[int]cases.Ref{}}
	store, err := cases.OpenSQLite(ctx, s.path, cases.Options{Clock: s.clock,
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	s.store = store
	err = store.PutRound(ctx, cases.Round{Number: 1, Opens: cases.NewDate(2026, 1, 1),
		Closes:     cases.NewDate(2026, 12, 31),
		Categories: []string{"e-document", "e-meeting", "digital-id"}})
	if err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= 14; n++ {
		s.interest(t, n)
	}
	for _, st := range seedSteps() {
		s.clock.Set(st.at)
		for _, n := range st.cases {
			s.apply(t, n, st.event)
		}
	}
	s.clock.Set(reportAt)
	if _, err := store.Sweep(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

func (s *seeded) interest(t testing.TB, n int) {
	t.Helper()
	categories := []string{"e-document", "e-meeting", "digital-id"}
	a := cases.ApplicantInfo{OrgName: seedOrg(n), OrgNameEN: "Example " + itoa(n) + " Co., Ltd.",
		ContactEmail: "c" + itoa(n) + "@x.test", Solution: seedSolution(n),
		Category: categories[n%3]}
	if h, ok := hostile[n]; ok {
		a.OrgName, a.Solution = h[0], h[1]
	}
	r, err := s.store.Apply(context.Background(), cases.Event{Kind: cases.SubmitInterest,
		Actor: cases.ByApplicant, By: a.ContactEmail, Applicant: &a})
	if err != nil {
		t.Fatal(err)
	}
	s.refs[n] = r.Case.Ref
}

func (s *seeded) apply(t testing.TB, n int, e cases.Event) {
	t.Helper()
	e.Case = s.refs[n]
	switch {
	case e.Actor == cases.ByApplicant:
		e.By = "c" + itoa(n) + "@x.test"
	case e.Actor == "":
		e.Actor, e.By = cases.ByOfficer, "officer@etda.test"
	}
	if e.Kind == cases.SubmitTestPlan && n == 8 {
		e.Form = seedTestPlan()
	}
	if _, err := s.store.Apply(context.Background(), e); err != nil {
		t.Fatalf("case %d, %s: %v", n, e.Kind, err)
	}
}

// seedOrg and seedSolution are the names of case n when it has no
// hostile ones.
func seedOrg(n int) string {
	return "บริษัท ตัวอย่างที่ " + itoa(n) + " จำกัด"
}
func seedSolution(n int) string { return "บริการทดสอบที่ " + itoa(n) }

type seedStep struct {
	at    time.Time
	cases []int
	event cases.Event
}

var seedPlan = &cases.Plan{Start: cases.NewDate(2026, 2, 2), End: cases.NewDate(2026, 7, 31),
	Every: "monthly"}

func seedSteps() []seedStep {
	app := cases.Event{Kind: cases.SubmitApplication, Actor: cases.ByApplicant}
	return []seedStep{
		{on(time.January, 6), []int{4, 6, 7, 8, 9, 10, 11, 12, 13, 14},
			cases.Event{Kind: cases.FindInScope}},
		{on(time.January, 7), []int{2}, cases.Event{Kind: cases.AskMoreInfo,
			Text: "=แผนภาพสถาปัตยกรรม", Date: cases.NewDate(2026, 1, 20)}},
		{on(time.January, 8), []int{4, 6, 7, 8, 9, 10, 11, 12, 14}, app},
		{on(time.January, 12), []int{6, 7, 8, 9, 10, 11, 14},
			cases.Event{Kind: cases.FindComplete}},
		{on(time.January, 12), []int{12}, cases.Event{Kind: cases.FindIneligible,
			Text: "ประสบการณ์ไม่ถึง 2 ปี"}},
		{on(time.January, 13), []int{6, 7, 8, 9, 10, 11, 14},
			cases.Event{Kind: cases.SubmitTestPlan, Actor: cases.ByApplicant, Plan: seedPlan}},
		{on(time.January, 20), []int{8, 9, 10, 14},
			cases.Event{Kind: cases.Approve, Round: 1}},
		{on(time.January, 21), []int{8, 9, 10, 14}, cases.Event{Kind: cases.RecordSigned}},
		{on(time.February, 16), []int{11}, cases.Event{Kind: cases.Reject,
			Text: "ไม่มีแผนรองรับการออกจากการทดสอบ"}},
		{on(time.February, 16), []int{5}, cases.Event{Kind: cases.FindInScope}},
		{on(time.March, 2), []int{3}, cases.Event{Kind: cases.FindInScope}},
		{on(time.March, 2), []int{5}, app},
		{on(time.March, 2), []int{10}, cases.Event{Kind: cases.ExitSuccess}},
		{on(time.March, 3), []int{5}, cases.Event{Kind: cases.FindComplete}},
		{on(time.March, 5), []int{8}, cases.Event{Kind: cases.SubmitProgressReport,
			Actor: cases.ByApplicant, Form: seedProgressReport()}},
		{on(time.March, 9), []int{14}, cases.Event{Kind: cases.ExitFailure}},
		{on(time.March, 10), []int{7}, cases.Event{Kind: cases.Approve, Round: 1}},
		{on(time.March, 10), []int{9}, cases.Event{Kind: cases.RequestExtension,
			Actor: cases.ByApplicant, Date: cases.NewDate(2026, 8, 31)}},
	}
}

func seedForm(kind, table string, fields map[string]any, rows []map[string]any) []byte {
	b, err := json.Marshal(map[string]any{"kind": kind, "version": 1, "source": "xlsx",
		"fields": fields, "tables": map[string]any{table: rows}})
	if err != nil {
		panic(err)
	}
	return b
}

func seedTestPlan() []byte {
	return seedForm("test_plan", "kpis", map[string]any{"start_date": "2026-02-02",
		"end_date": "2026-07-31", "report_every": "monthly"}, []map[string]any{
		{"kpi": "อัตราการพิสูจน์ตัวตนสำเร็จ", "dimension": "ux", "target": 95, "unit": "%"},
		{"kpi": "=การปลอมแปลงที่ตรวจไม่พบ", "dimension": "security", "target": 0,
			"unit": "ครั้ง"},
		{"kpi": "ความพร้อมใช้งาน", "dimension": "reliability", "target": 99.5, "unit": "%"},
	})
}

func seedProgressReport() []byte {
	return seedForm("progress_report", "kpi_results", map[string]any{
		"period_from": "2026-02-02", "period_to": "2026-03-01", "users": 1200},
		[]map[string]any{{"kpi": "อัตราการพิสูจน์ตัวตนสำเร็จ", "actual": 96.5},
			{"kpi": "=การปลอมแปลงที่ตรวจไม่พบ", "actual": 1},
			{"kpi": "ความพร้อมใช้งาน", "actual": 99.2}})
}
