package notices

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sandboxbot/cases"
	"sandboxbot/internal/testtool"
)

// csvSheet is a sheet as LibreOffice exported it: its rows, and the file,
// in which text cells are quoted and numbers are not.
type csvSheet struct {
	rows [][]string
	raw  string
}

// libreOfficeCSV converts every sheet of an xlsx file to CSV with
// LibreOffice headless and returns each sheet by name. The filter options
// are: comma, double quote, UTF-8, from line 1, default cell format,
// default language, quote all text cells (so that text "-2" and the number
// -2 differ), detect special numbers, save cells as shown (dates in their
// format), no formulas, no trimming, and -1: one file per sheet
// (LibreOffice 7.2 and later), named <file>-<sheet>.csv.
func libreOfficeCSV(t *testing.T, xlsx []byte) map[string]csvSheet {
	t.Helper()
	soffice := testtool.Need(t, "soffice", "libreoffice-calc-nogui")
	dir := t.TempDir()
	in := filepath.Join(dir, "status.xlsx")
	if err := os.WriteFile(in, xlsx, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "csv")
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to",
		"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,true,false,false,-1",
		"--outdir", out, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	files, err := filepath.Glob(filepath.Join(out, "status-*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("LibreOffice wrote no CSV per sheet (%v); it needs version 7.2 or later", err)
	}
	sheets := map[string]csvSheet{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(bytes.NewReader(b))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "status-"), ".csv")
		sheets[name] = csvSheet{rows: rows, raw: string(b)}
	}
	return sheets
}

// writeTestWorkbook writes the seeded store's workbook as of reportAt for
// the week before it.
func writeTestWorkbook(t *testing.T, s *seeded) []byte {
	t.Helper()
	var buf bytes.Buffer
	err := WriteWorkbook(context.Background(), &buf, s.store, WorkbookOptions{At: reportAt})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestWorkbookInLibreOffice writes the workbook of the seeded cases,
// reads every sheet back through LibreOffice and compares it with what
// the store holds: cases, deadlines, overdue tasks, participants, the
// announcement, the audit entries of the period and the summary.
func TestWorkbookInLibreOffice(t *testing.T) {
	t.Parallel()
	s := seedStatus(t)
	sheets := libreOfficeCSV(t, writeTestWorkbook(t, s))
	var names []string
	for n := range sheets {
		names = append(names, n)
	}
	slices.Sort(names)
	want := []string{sheetSummary, sheetCases, sheetDeadlines, sheetOverdue, sheetTesting,
		sheetAnnouncement, sheetAudit}
	if got := slices.Sorted(slices.Values(want)); !slices.Equal(names, got) {
		t.Fatalf("sheets %q, want %q", names, got)
	}
	checks := map[string]func(*testing.T, *seeded, [][]string){
		sheetCases: checkCasesSheet, sheetDeadlines: checkDeadlinesSheet,
		sheetOverdue: checkOverdueSheet, sheetTesting: checkTestingSheet,
		sheetAnnouncement: checkAnnouncementSheet, sheetAudit: checkAuditSheet,
		sheetSummary: checkSummarySheet,
	}
	// Text that looks like a number or a formula is a text cell, quoted;
	// numbers are not.
	for _, line := range []string{
		`"DSS-2569-0001","=HYPERLINK(""http://x"",""y"")","+1","e-Meeting",,`,
		`"DSS-2569-0002","-2","@SUM(A1)",`,
		`"DSS-2569-0007","บริษัท ตัวอย่างที่ 7 จำกัด","บริการทดสอบที่ 7","e-Meeting",1,`,
	} {
		if !strings.Contains(sheets[sheetCases].raw, line) {
			t.Errorf("the cases sheet has no line starting %s", line)
		}
	}
	for name, check := range checks {
		t.Run(name, func(t *testing.T) {
			rows := sheets[name].rows
			if len(rows) == 0 {
				t.Fatal("empty sheet")
			}
			check(t, s, rows)
		})
	}
}

// wantRows compares a sheet's rows after its header with the expected.
func wantRows(t *testing.T, rows [][]string, header []column, want [][]string) {
	t.Helper()
	var head []string
	for _, c := range header {
		head = append(head, c.title.both())
	}
	if !slices.Equal(rows[0], head) {
		t.Errorf("header %q\nwant   %q", rows[0], head)
	}
	got := rows[1:]
	for i := 0; i < max(len(got), len(want)); i++ {
		switch {
		case i >= len(got):
			t.Errorf("row %d missing: want %q", i+2, want[i])
		case i >= len(want):
			t.Errorf("row %d not expected: %q", i+2, got[i])
		case !slices.Equal(got[i], want[i]):
			t.Errorf("row %d:\n got %q\nwant %q", i+2, got[i], want[i])
		}
	}
}

func day(d cases.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func minute(t time.Time) string { return t.In(cases.Bangkok).Format("2006-01-02 15:04") }

func checkCasesSheet(t *testing.T, s *seeded, rows [][]string) {
	list, err := s.store.Cases(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	today := cases.DateOf(reportAt)
	var want [][]string
	for _, c := range list {
		round, due, what, left := "", "", "", ""
		if c.Round > 0 {
			round = strconv.Itoa(c.Round)
		}
		if w, ok := c.NextDue(); ok {
			due, what = day(w.Due), windowTitle(w.Kind, 0)
			left = strconv.Itoa(w.DaysLeft(today))
		}
		want = append(want, []string{c.Ref.String(), c.Applicant.OrgName,
			c.Applicant.Solution, map[string]string{"e-document": "e-Document",
				"e-meeting": "e-Meeting", "digital-id": "Digital ID"}[c.Applicant.Category],
			round, labelOf(stageLabels, c.Stage).both(), statusText(c), minute(c.StageSince),
			due, what, left})
	}
	if len(want) != 14 {
		t.Fatalf("the store holds %d cases, want 14", len(want))
	}
	wantRows(t, rows, casesColumns, want)
	// Applicant text that looks like a formula reads back as the same text.
	for n, h := range hostile {
		r := rows[n]
		if r[1] != h[0] || r[2] != h[1] {
			t.Errorf("case %d reads back %q, %q; want %q, %q", n, r[1], r[2], h[0], h[1])
		}
	}
}

func checkDeadlinesSheet(t *testing.T, s *seeded, rows [][]string) {
	stage := func(st cases.Stage) string { return labelOf(stageLabels, st).both() }
	w := func(k cases.WindowKind, seq int) string {
		return windowTitle(k, seq)
	}
	applicant, agency := partyLabels[cases.Applicant].both(), partyLabels[cases.Agency].both()
	org := seedOrg
	wantRows(t, rows, deadlineColumns, [][]string{
		{"2026-03-16", "0", "DSS-2569-0007", org(7), stage(cases.Agreement),
			w(cases.WindowRoundChange, 0), applicant, "2026-03-10"},
		{"2026-03-16", "0", "DSS-2569-0009", org(9), stage(cases.Testing),
			w(cases.WindowReport, 1), applicant, "2026-03-01"},
		{"2026-03-24", "8", "DSS-2569-0014", org(14), stage(cases.Appeal),
			w(cases.WindowAppeal, 0), applicant, "2026-03-09"},
		{"2026-03-25", "9", "DSS-2569-0007", org(7), stage(cases.Agreement),
			w(cases.WindowAgreement, 0), applicant, "2026-03-10"},
		{"2026-04-01", "16", "DSS-2569-0003", hostile[3][0], stage(cases.AwaitingApplication),
			w(cases.WindowApplication, 0), applicant, "2026-03-02"},
		{"2026-04-01", "16", "DSS-2569-0005", org(5), stage(cases.TestPlan),
			w(cases.WindowDecision, 0), agency, "2026-03-02"},
	})
}

func checkOverdueSheet(t *testing.T, s *seeded, rows [][]string) {
	agency := partyLabels[cases.Agency].both()
	wantRows(t, rows, overdueColumns, [][]string{
		{"2026-01-20", "55", "DSS-2569-0002", "-2", labelOf(stageLabels, cases.Screening).both(),
			taskLabel(cases.TaskInfoOverdue).both(), agency},
		{"2026-02-07", "37", "DSS-2569-0006", seedOrg(6),
			labelOf(stageLabels, cases.Decision).both(),
			taskLabel(cases.TaskDecisionOverdue).both(), agency},
	})
}

func checkTestingSheet(t *testing.T, s *seeded, rows [][]string) {
	org := seedOrg
	status := func(c cases.Case) string { return testingLabel(&c).both() }
	testing := status(cases.Case{Stage: cases.Testing})
	row := func(ref, org, st, reports, missed, last string) []string {
		return []string{ref, org, st, "1", "2026-02-02", "2026-07-31", reports, missed, last,
			"", "", "", "", "", ""}
	}
	kpi := func(name, dim, unit, target, actual, diff string) []string {
		r := row("DSS-2569-0008", hostile[8][0], testing, "1", "0", "2026-03-01")
		copy(r[9:], []string{name, labelOf(dimensionLabels, dim).both(), unit, target, actual,
			diff})
		return r
	}
	wantRows(t, rows, testingColumns, [][]string{
		row("DSS-2569-0007", org(7), status(cases.Case{Stage: cases.Agreement}), "0", "0",
			""),
		kpi("อัตราการพิสูจน์ตัวตนสำเร็จ", "ux", "%", "95", "96.5", "1.5"),
		kpi("=การปลอมแปลงที่ตรวจไม่พบ", "security", "ครั้ง", "0", "1", "1"),
		kpi("ความพร้อมใช้งาน", "reliability", "%", "99.5", "99.2", "-0.3"),
		row("DSS-2569-0009", org(9), testing, "0", "0", ""),
		row("DSS-2569-0010", org(10), status(cases.Case{Stage: cases.PostExit,
			Outcome: cases.Success}), "0", "0", ""),
		row("DSS-2569-0014", org(14), status(cases.Case{Stage: cases.Appeal,
			Outcome: cases.Failure}), "0", "0", ""),
	})
}

func checkAnnouncementSheet(t *testing.T, s *seeded, rows [][]string) {
	org := seedOrg
	sol := seedSolution
	status := func(c cases.Case) string { return testingLabel(&c).both() }
	wantRows(t, rows, announcementColumns, [][]string{
		{"1", hostile[8][0], hostile[8][1], "2026-01-20",
			status(cases.Case{Stage: cases.Testing})},
		{"2", org(9), sol(9), "2026-01-20", status(cases.Case{Stage: cases.Testing})},
		{"3", org(10), sol(10), "2026-01-20", status(cases.Case{Stage: cases.PostExit,
			Outcome: cases.Success})},
		{"4", org(14), sol(14), "2026-01-20", status(cases.Case{Stage: cases.Appeal,
			Outcome: cases.Failure})},
		{"5", org(7), sol(7), "2026-03-10", status(cases.Case{Stage: cases.Agreement})},
	})
}

func checkAuditSheet(t *testing.T, s *seeded, rows [][]string) {
	from := reportAt.AddDate(0, 0, -7)
	var want [][]string
	for n := 1; n <= 14; n++ {
		es, err := s.store.History(context.Background(), s.refs[n])
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			if !e.At.Before(from) && e.At.Before(reportAt) {
				want = append(want, []string{strconv.FormatInt(e.Seq, 10), minute(e.At),
					e.Case.String(), string(e.Actor), e.By, e.Kind, string(e.Detail)})
			}
		}
	}
	slices.SortFunc(want, func(a, b []string) int {
		x, _ := strconv.Atoi(a[0])
		y, _ := strconv.Atoi(b[0])
		return x - y
	})
	kinds := ""
	for _, w := range want {
		kinds += w[2] + " " + w[5] + "; "
	}
	if kinds != "DSS-2569-0014 exit_failure; DSS-2569-0007 approve; "+
		"DSS-2569-0009 extension; " {
		t.Errorf("entries of the period: %s", kinds)
	}
	wantRows(t, rows, auditColumns, want)
}

func checkSummarySheet(t *testing.T, s *seeded, rows [][]string) {
	find := func(first string) []string {
		for _, r := range rows {
			if len(r) > 0 && r[0] == first {
				return r
			}
		}
		t.Fatalf("no row %q in %q", first, rows)
		return nil
	}
	cell := func(first string, i int) string {
		r := find(first)
		if i >= len(r) {
			return ""
		}
		return r[i]
	}
	checks := []struct {
		row  string
		col  int
		want string
	}{
		{summaryTitle.both(), 0, summaryTitle.both()},
		{label{"ณ เวลา", "As of"}.both(), 1, "2026-03-16 10:00"},
		{label{"ช่วงเวลาของรายงาน", "Period"}.both(), 1, "2026-03-09 10:00"},
		{label{"ช่วงเวลาของรายงาน", "Period"}.both(), 2, "2026-03-16 10:00"},
		{label{"จำนวนเรื่องทั้งหมด", "Cases in all"}.both(), 1, "14"},
		{stageLabels[cases.Screening].both(), 1, "2"},
		{stageLabels[cases.Screening].both(), 2, "1"},
		{stageLabels[cases.Testing].both(), 1, "2"},
		{stageLabels[cases.ExitReview].both(), 1, "0"},
		{stageLabels[cases.Closed].both(), 1, "3"},
		{"e-Document", 1, "4"}, {"e-Meeting", 1, "5"}, {"Digital ID", 1, "5"},
		{"1", 1, "5"},
		{decisionLabels[cases.Approve].both(), 1, "1"},
		{decisionLabels[cases.Approve].both(), 2, "5"},
		{decisionLabels[cases.Reject].both(), 2, "1"},
		{decisionLabels[cases.FindIneligible].both(), 2, "1"},
		{label{"รวม", "Decided"}.both(), 2, "7"},
		{label{"ภายใน 30 วัน", "Within the 30 days"}.both(), 1, "0"},
		{label{"ภายใน 30 วัน", "Within the 30 days"}.both(), 2, "5"},
		{label{"สัดส่วนภายใน 30 วัน", "Share within the 30 days"}.both(), 2, "71%"},
		{label{"มัธยฐานจำนวนวันที่ใช้", "Median days taken"}.both(), 1, "61"},
		{label{"มัธยฐานจำนวนวันที่ใช้", "Median days taken"}.both(), 2, "12"},
		// Windows due from 16 to 22 March: round change and report; the
		// agency's first, the decision of case 5, is in the third week.
		{"2026-03-16", 1, "2026-03-22"}, {"2026-03-16", 2, "2"}, {"2026-03-16", 3, "0"},
		{"2026-03-30", 2, "2"}, {"2026-03-30", 3, "1"},
	}
	for _, c := range checks {
		if got := cell(c.row, c.col); got != c.want {
			t.Errorf("summary %q column %d: %q, want %q", c.row, c.col+1, got, c.want)
		}
	}
}

// TestWorkbookCellTypes reads the workbook with excelize: dates are numbers
// with a date format, applicant text is a string cell with no formula, and
// every streamed sheet has its header frozen and a filter (a table).
func TestWorkbookCellTypes(t *testing.T) {
	t.Parallel()
	s := seedStatus(t)
	f, err := excelize.OpenReader(bytes.NewReader(writeTestWorkbook(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, c := range []struct{ cell, format string }{{"H2", dateTimeFormat},
		{"I4", dateFormat}} {
		typ, err := f.GetCellType(sheetCases, c.cell)
		if err != nil {
			t.Fatal(err)
		}
		v, _ := f.GetCellValue(sheetCases, c.cell, excelize.Options{RawCellValue: true})
		if _, perr := strconv.ParseFloat(v, 64); perr != nil ||
			(typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset) {
			t.Errorf("%s is %q of type %v, not a number", c.cell, v, typ)
		}
		id, err := f.GetCellStyle(sheetCases, c.cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != c.format {
			t.Errorf("%s has style %+v, want the format %s", c.cell, st, c.format)
		}
	}
	for n, h := range hostile {
		for i, col := range []string{"B", "C"} {
			cell := col + strconv.Itoa(n+1)
			formula, _ := f.GetCellFormula(sheetCases, cell)
			typ, _ := f.GetCellType(sheetCases, cell)
			v, _ := f.GetCellValue(sheetCases, cell)
			if formula != "" || typ != excelize.CellTypeInlineString || v != h[i] {
				t.Errorf("%s: formula %q, type %v, value %q; want the text %q", cell, formula,
					typ, v, h[i])
			}
		}
	}
	for _, name := range []string{sheetCases, sheetDeadlines, sheetOverdue, sheetTesting,
		sheetAnnouncement, sheetAudit} {
		tables, err := f.GetTables(name)
		if err != nil || len(tables) != 1 || !strings.HasPrefix(tables[0].Range, "A1:") {
			t.Errorf("%s: tables %+v, %v; want one filtered table from A1", name, tables, err)
		}
		panes, err := f.GetPanes(name)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: panes %+v, %v; want the first row frozen", name, panes, err)
		}
	}
	if _, ok := f.Pkg.Load("xl/charts/chart1.xml"); !ok {
		t.Error("the summary has no chart")
	}
}

// TestWorkbookDimensions reads the workbook with openpyxl in read-only
// mode, which reads as many rows as a sheet's dimension says: every
// streamed sheet gives back all its rows.
func TestWorkbookDimensions(t *testing.T) {
	t.Parallel()
	python := testtool.Need(t, "/usr/bin/python3", "python3-openpyxl")
	s := seedStatus(t)
	path := filepath.Join(t.TempDir(), "status.xlsx")
	if err := os.WriteFile(path, writeTestWorkbook(t, s), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		want[name] = len(rows)
	}
	f.Close()
	out, err := exec.Command(python, "-c", `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
for ws in wb.worksheets:
    print(ws.title + "\t" + str(sum(1 for _ in ws.iter_rows(values_only=True))))
`, path).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		name, n, _ := strings.Cut(line, "\t")
		if name == sheetSummary {
			continue // written whole by excelize, with its own dimension
		}
		if got, _ := strconv.Atoi(n); got != want[name] || got < 2 {
			t.Errorf("openpyxl read-only reads %s rows of %s, excelize %d", n, name,
				want[name])
		}
	}
}
