package notices

import (
	"context"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"sandboxbot/cases"
)

// StatusSource gives one consistent read of the sandbox: *cases.Store
// does (Store.Status).
type StatusSource interface {
	Status(ctx context.Context, q cases.StatusQuery, fn func(*cases.Status) error) error
}

// WorkbookOptions are the period and reach of a status workbook. The zero
// value is the week before now.
type WorkbookOptions struct {
	// At is the instant the workbook is as of: days left count from its
	// day in Bangkok. Zero means time.Now; give the store's clock.
	At time.Time
	// From and To are the period [From, To) of the audit sheet and of the
	// summary's decisions of the period. A zero To is At; a zero From is
	// seven days before To.
	From, To time.Time
	// DeadlineDays is how many days ahead the deadlines sheet looks; zero
	// means 30.
	DeadlineDays int
	// Weeks is for how many weeks ahead the summary counts the windows
	// that fall due; zero means 8.
	Weeks int

	// record, when set, is given every row of every streamed sheet as it
	// is written: the benchmark replays them with a bare stream writer.
	record func(sheet string, row []any)
}

func (o WorkbookOptions) withDefaults() WorkbookOptions {
	if o.At.IsZero() {
		o.At = time.Now()
	}
	if o.To.IsZero() {
		o.To = o.At
	}
	if o.From.IsZero() {
		o.From = o.To.AddDate(0, 0, -7)
	}
	if o.DeadlineDays == 0 {
		o.DeadlineDays = 30
	}
	if o.Weeks == 0 {
		o.Weeks = 8
	}
	return o
}

// The workbook's sheets, in their order, and the names of their tables.
const (
	sheetSummary      = "สรุป Summary"
	sheetCases        = "เรื่อง Cases"
	sheetDeadlines    = "กำหนดเวลา Deadlines"
	sheetOverdue      = "พ้นกำหนด Overdue"
	sheetTesting      = "การทดสอบ Testing"
	sheetAnnouncement = "ประกาศ Announcement"
	sheetAudit        = "บันทึก Audit"
)

// WriteWorkbook writes the status workbook for management (DESIGN.md,
// "Who uses it") as an xlsx file to w, from one read of src:
//
//  1. Summary: cases by stage, category and round; the agency's decisions
//     against its 30 days (step 4), in the period and since the start;
//     windows falling due in each of the next weeks; a chart by stage.
//  2. Cases: one row per case, its stage and next deadline.
//  3. Deadlines: the windows due in the next DeadlineDays, first due first.
//  4. Overdue: what the agency has let pass its last day, and windows past
//     their last day that wait for the next sweep.
//  5. Testing: each participant's reports and KPIs against their targets.
//  6. Announcement: the public table (number, organisation, solution, date
//     approved, testing status).
//  7. Audit: the audit entries of the period.
//
// The sheets of rows are streamed (excelize's stream writer, a few
// thousand rows at a time, see sheetBody) and the file is zipped as it is
// written to w: memory holds no whole sheet (the process writing the
// workbook of 100,000 cases peaks at about 110 MB, BenchmarkWorkbook), and
// the rows are written and deflated beside the reading of the store.
// Dates are date serials with a date format; text from applicants is
// always written as text. It fails with src's error, ctx's error, or the
// writer's. It does not close w.
func WriteWorkbook(ctx context.Context, w io.Writer, src StatusSource,
	opt WorkbookOptions) error {
	_, err := writeWorkbook(ctx, w, src, opt)
	return err
}

// writeWorkbook writes the workbook and returns what its summary counted.
func writeWorkbook(ctx context.Context, w io.Writer, src StatusSource,
	opt WorkbookOptions) (*workbook, error) {
	opt = opt.withDefaults()
	f := excelize.NewFile()
	defer f.Close()
	wb, err := newWorkbook(f, opt)
	defer wb.close()
	if err != nil {
		return nil, err
	}
	q := cases.StatusQuery{At: opt.At, From: opt.From, To: opt.To}
	if err := src.Status(ctx, q, func(st *cases.Status) error {
		return wb.fill(ctx, st)
	}); err != nil {
		return nil, err
	}
	if err := writeXLSX(w, f, wb.sheets...); err != nil {
		return nil, errorf("writing the workbook: %w", err)
	}
	return wb, nil
}

// workbook is one status workbook being written.
type workbook struct {
	f   *excelize.File
	opt WorkbookOptions
	st  cellStyles
	sum summary
	// The streamed sheets, all opened (in tab order) before any is
	// filled, so that they can be filled in any order.
	cases, deadlines, overdue, testing, announcement, audit *sheet
	sheets                                                  []*sheet // the same, in tab order
	// What the cases pass gathers for the sheets after it: the deadlines
	// (a month of them) and the overdue rows, both few beside the cases.
	dueRows     []deadlineRow
	overdueRows []overdueRow
}

func newWorkbook(f *excelize.File, opt WorkbookOptions) (*workbook, error) {
	st, err := newCellStyles(f)
	if err != nil {
		return nil, errorf("styling the workbook: %w", err)
	}
	if err := f.SetSheetName("Sheet1", sheetSummary); err != nil {
		return nil, errorf("naming the summary: %w", err)
	}
	wb := &workbook{f: f, opt: opt, st: st, sum: newSummary(opt.Weeks)}
	for _, s := range []struct {
		to          **sheet
		name, table string
		cols        []column
	}{
		{&wb.cases, sheetCases, "Cases", casesColumns},
		{&wb.deadlines, sheetDeadlines, "Deadlines", deadlineColumns},
		{&wb.overdue, sheetOverdue, "Overdue", overdueColumns},
		{&wb.testing, sheetTesting, "Testing", testingColumns},
		{&wb.announcement, sheetAnnouncement, "Announcement", announcementColumns},
		{&wb.audit, sheetAudit, "Audit", auditColumns},
	} {
		if *s.to, err = newSheet(f, st, s.name, s.table, s.cols, opt.record); err != nil {
			return wb, err
		}
		wb.sheets = append(wb.sheets, *s.to)
	}
	return wb, nil
}

// close releases what the streamed sheets hold; wb may be nil.
func (wb *workbook) close() {
	if wb == nil {
		return
	}
	for _, s := range wb.sheets {
		s.close()
	}
}

// fill writes every sheet from one status read; the summary is written
// last, from what the others counted. The audit trail's decisions are
// counted on a goroutine of their own while the sheets that need no
// reading (deadlines, overdue) are written: Participants waits for them.
func (wb *workbook) fill(ctx context.Context, st *cases.Status) error {
	if err := wb.casesSheet(ctx, st); err != nil {
		return err
	}
	counted := make(chan error, 1)
	go func() { counted <- wb.countDecisions(ctx, st) }()
	err := wb.steps(ctx, st, wb.deadlinesSheet, wb.overdueSheet, wb.testingSheets)
	if cerr := <-counted; err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return wb.steps(ctx, st, wb.auditSheet, wb.summarySheet)
}

// steps runs steps in order until one fails or ctx is done.
func (wb *workbook) steps(ctx context.Context, st *cases.Status,
	steps ...func(context.Context, *cases.Status) error) error {
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := step(ctx, st); err != nil {
			return err
		}
	}
	return nil
}

// checkEvery is how many rows a loop writes between looks at its context.
const checkEvery = 4096
