package notices

import (
	"bytes"
	"context"
	"fmt"

	"sandboxbot/cases"
)

// xlsxType is the media type of an xlsx file (ECMA-376).
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// StatusReportOptions say to whom the status workbook goes and what it
// covers.
type StatusReportOptions struct {
	WorkbookOptions
	// To is cases.ToManagement (the zero value means it), or
	// cases.ToActor for the officer who asked for it (REPORT), named in
	// By, an e-mail address.
	To cases.Recipient
	By string
}

// StatusReportNotice writes the status workbook (WriteWorkbook) and returns
// the notice that carries it, for cases.Store.Notify to queue: Kind
// NoticeStatusReport, the workbook as its one file, and Reason and
// ReasonTH summing it up for the e-mail's body. It fails as WriteWorkbook
// does.
func StatusReportNotice(ctx context.Context, src StatusSource,
	opt StatusReportOptions) (cases.Notice, error) {
	wo := opt.WorkbookOptions.withDefaults()
	var buf bytes.Buffer
	wb, err := writeWorkbook(ctx, &buf, src, wo)
	if err != nil {
		return cases.Notice{}, err
	}
	n := cases.Notice{Kind: cases.NoticeStatusReport, To: cases.ToManagement, At: wo.At,
		Files: []cases.File{{Name: "sandbox-status-" + cases.DateOf(wo.At).String() + ".xlsx",
			ContentType: xlsxType, Data: buf.Bytes()}}}
	if opt.To == cases.ToActor {
		n.To = cases.ToActor
		n.Event = cases.Event{Actor: cases.ByOfficer, By: opt.By, At: wo.At}
	}
	n.Reason, n.ReasonTH = wb.summaryText(English), wb.summaryText(Thai)
	return n, nil
}

// summaryText sums up what the workbook holds, a line each.
func (wb *workbook) summaryText(lang Lang) string {
	from, to := wb.opt.From.In(cases.Bangkok), wb.opt.To.In(cases.Bangkok)
	p := wb.sum.period
	counts := []int{wb.sum.total, wb.overdue.row - 1, wb.deadlines.row - 1,
		wb.announcement.row - 1, p.decided, p.inTime}
	if lang == English {
		return fmt.Sprintf("Period of the report: %s to %s\nCases: %d\n"+
			"Overdue: %d\nDeadlines in the next %d days: %d\nParticipants: %d\n"+
			"Decisions in the period: %d, of which %d within the 30 days",
			FormatDate(from, English, false), FormatDate(to, English, false), counts[0],
			counts[1], wb.opt.DeadlineDays, counts[2], counts[3], counts[4], counts[5])
	}
	return fmt.Sprintf("ช่วงเวลาของรายงาน: %s ถึง %s\nจำนวนเรื่องทั้งหมด: %d\n"+
		"เรื่องที่พ้นกำหนด: %d\nกำหนดเวลาใน %d วันข้างหน้า: %d\nผู้เข้าร่วมทดสอบ: %d\n"+
		"การแจ้งผลการพิจารณาในช่วงเวลา: %d เรื่อง ภายใน 30 วัน %d เรื่อง",
		FormatDate(from, Thai, false), FormatDate(to, Thai, false), counts[0], counts[1],
		wb.opt.DeadlineDays, counts[2], counts[3], counts[4], counts[5])
}
