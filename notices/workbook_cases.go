package notices

import (
	"context"
	"slices"
	"strconv"

	"sandboxbot/cases"
)

var casesColumns = []column{
	{label{"เลขที่เรื่อง", "Reference"}, 16},
	{label{"หน่วยงาน", "Organisation"}, 40},
	{label{"บริการที่ทดสอบ", "Solution"}, 36},
	{label{"ประเภท", "Category"}, 14},
	{label{"รอบการทดสอบ", "Round"}, 10},
	{label{"ขั้นตอน", "Stage"}, 30},
	{label{"สถานะ", "Status"}, 40},
	{label{"ตั้งแต่", "Since"}, 17},
	{label{"กำหนดถัดไป", "Next deadline"}, 12},
	{label{"เรื่องที่ครบกำหนด", "Deadline for"}, 36},
	{label{"เหลือ (วัน)", "Days left"}, 10},
}

// casesSheet writes one row per case, in reference order, and counts the
// cases and their windows for the summary.
func (wb *workbook) casesSheet(ctx context.Context, st *cases.Status) error {
	s, err := newSheet(wb.f, wb.st, sheetCases, "Cases", casesColumns)
	if err != nil {
		return err
	}
	today := st.Today()
	n := 0
	for c, err := range st.Cases() {
		if err != nil {
			return err
		}
		if n++; n%checkEvery == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		wb.sum.addCase(c, today)
		tasks, err := st.TasksOf(c)
		if err != nil {
			return err
		}
		for _, t := range tasks {
			if t.Overdue(today) {
				wb.overdue = append(wb.overdue, t)
			}
		}
		var round, due, left any
		what := ""
		if c.Round != 0 {
			round = c.Round
		}
		if w, ok := c.NextDue(); ok {
			due, what, left = w.Due, windowLabel(w.Kind).both(), w.DaysLeft(today)
		}
		err = s.add(c.Ref.String(), c.Applicant.OrgName, c.Applicant.Solution,
			labelOf(categoryLabels, c.Applicant.Category).en, round,
			labelOf(stageLabels, c.Stage).both(), statusText(c), c.StageSince, due, what, left)
		if err != nil {
			return err
		}
	}
	return s.finish()
}

// statusText is the case's outcome, or its pause; "" for neither.
func statusText(c *cases.Case) string {
	switch {
	case c.Outcome != "":
		return labelOf(outcomeLabels, c.Outcome).both()
	case c.Paused:
		return pausedLabel.both()
	}
	return ""
}

var deadlineColumns = []column{
	{label{"วันครบกำหนด", "Due"}, 12},
	{label{"เหลือ (วัน)", "Days left"}, 10},
	{label{"เลขที่เรื่อง", "Reference"}, 16},
	{label{"หน่วยงาน", "Organisation"}, 40},
	{label{"ขั้นตอน", "Stage"}, 30},
	{label{"เรื่องที่ครบกำหนด", "Deadline for"}, 36},
	{label{"ผู้มีหน้าที่", "Whose"}, 18},
	{label{"นับตั้งแต่", "Counted from"}, 12},
}

// deadlinesSheet writes the windows due from today to DeadlineDays ahead.
func (wb *workbook) deadlinesSheet(ctx context.Context, st *cases.Status) error {
	s, err := newSheet(wb.f, wb.st, sheetDeadlines, "Deadlines", deadlineColumns)
	if err != nil {
		return err
	}
	today := st.Today()
	n := 0
	for w, err := range st.Windows(today, today.AddDays(wb.opt.DeadlineDays)) {
		if err != nil {
			return err
		}
		if n++; n%checkEvery == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		err = s.add(w.Due, w.DaysLeft(today), w.Case.String(), w.Org,
			labelOf(stageLabels, w.Stage).both(), windowTitle(w.Window),
			labelOf(partyLabels, w.Party).both(), w.Start)
		if err != nil {
			return err
		}
	}
	return s.finish()
}

// windowTitle is what a window is for, with the number of a report.
func windowTitle(w cases.Window) string {
	t := windowLabel(w.Kind).both()
	if w.Seq > 0 {
		t += " #" + strconv.Itoa(w.Seq)
	}
	return t
}

var overdueColumns = []column{
	{label{"วันครบกำหนด", "Due"}, 12},
	{label{"เกินกำหนด (วัน)", "Days overdue"}, 10},
	{label{"เลขที่เรื่อง", "Reference"}, 16},
	{label{"หน่วยงาน", "Organisation"}, 40},
	{label{"ขั้นตอน", "Stage"}, 30},
	{label{"เรื่อง", "What"}, 40},
	{label{"ผู้มีหน้าที่", "Whose"}, 18},
}

// overdueRow is a row of the overdue sheet.
type overdueRow struct {
	due   cases.Date
	ref   cases.Ref
	org   string
	stage cases.Stage
	what  string
	whose cases.Party
}

// overdueSheet writes, first overdue first, the agency's tasks past their
// last day (gathered with the cases) and the applicants' windows past
// theirs that the next sweep will close (the agency's are among the tasks).
func (wb *workbook) overdueSheet(ctx context.Context, st *cases.Status) error {
	s, err := newSheet(wb.f, wb.st, sheetOverdue, "Overdue", overdueColumns)
	if err != nil {
		return err
	}
	today := st.Today()
	var rows []overdueRow
	for _, t := range wb.overdue {
		rows = append(rows, overdueRow{t.Due, t.Case, t.Org, t.Stage,
			taskLabel(t.Kind).both(), cases.Agency})
	}
	wb.overdue = nil
	for w, err := range st.Windows(cases.Date{}, today.AddDays(-1)) {
		if err != nil {
			return err
		}
		if w.Party != cases.Agency {
			rows = append(rows, overdueRow{w.Due, w.Case, w.Org, w.Stage, windowTitle(w.Window),
				w.Party})
		}
	}
	slices.SortStableFunc(rows, func(a, b overdueRow) int { return a.due.Compare(b.due) })
	for _, r := range rows {
		err := s.add(r.due, r.due.DaysUntil(today), r.ref.String(), r.org,
			labelOf(stageLabels, r.stage).both(), r.what, labelOf(partyLabels, r.whose).both())
		if err != nil {
			return err
		}
	}
	return s.finish()
}
