package notices

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sandboxbot/cases"
)

// TestStatusReportNotice builds the status report of the seeded store for
// management and for an officer who asked for it, checks the workbook it
// carries and its summing up, and queues it with Store.Notify.
func TestStatusReportNotice(t *testing.T) {
	t.Parallel()
	s := seedStatus(t)
	ctx := context.Background()
	n, err := StatusReportNotice(ctx, s.store, StatusReportOptions{
		WorkbookOptions: WorkbookOptions{At: reportAt}})
	if err != nil {
		t.Fatal(err)
	}
	if n.Kind != cases.NoticeStatusReport || n.To != cases.ToManagement || len(n.Files) != 1 ||
		n.Files[0].Name != "sandbox-status-2026-03-16.xlsx" ||
		n.Files[0].ContentType != xlsxType {
		t.Fatalf("notice %s to %s with files %d", n.Kind, n.To, len(n.Files))
	}
	f, err := excelize.OpenReader(bytes.NewReader(n.Files[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.GetSheetList(); len(got) != 7 || got[0] != sheetSummary {
		t.Errorf("the workbook's sheets: %q", got)
	}
	f.Close()
	for _, want := range []string{"Period of the report: 9 March 2026 to 16 March 2026",
		"Cases: 14", "Overdue: 2", "Deadlines in the next 30 days: 6", "Participants: 5",
		"Decisions in the period: 1, of which 0 within the 30 days"} {
		if !strings.Contains(n.Reason, want) {
			t.Errorf("the summing up lacks %q:\n%s", want, n.Reason)
		}
	}
	if !strings.Contains(n.ReasonTH, "จำนวนเรื่องทั้งหมด: 14") {
		t.Errorf("the Thai summing up: %s", n.ReasonTH)
	}

	asked, err := StatusReportNotice(ctx, s.store, StatusReportOptions{
		WorkbookOptions: WorkbookOptions{At: reportAt}, To: cases.ToActor,
		By: "somsri@etda.test"})
	if err != nil {
		t.Fatal(err)
	}
	store, rendered := renderingStore(t, s)
	for _, x := range []cases.Notice{n, asked} {
		if ids, err := store.Notify(ctx, x); err != nil || len(ids) != 1 {
			t.Fatalf("Notify: %v, %v", ids, err)
		}
	}
	r := rendered()
	for i, want := range []string{"เรียน ผู้บริหาร", "เรียน somsri@etda.test"} {
		if !strings.Contains(r[i].Body, want) ||
			!strings.Contains(r[i].Subject, "รายงานสถานะ Digital Service Sandbox") ||
			len(r[i].Attachments) != 1 {
			t.Errorf("rendered report %d lacks %q:\n%s\n\n%s", i, want, r[i].Subject,
				r[i].Body)
		}
	}
}
