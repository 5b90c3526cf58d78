package notices

import (
	"context"
	"slices"

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

// casesSheet writes one row per case, in reference order; counts the
// cases and their windows for the summary; and gathers the deadlines and
// the overdue rows.
func (wb *workbook) casesSheet(ctx context.Context, st *cases.Status) error {
	s := wb.cases
	today, horizon := st.Today(), st.Today().AddDays(wb.opt.DeadlineDays)
	n := 0
	for c, err := range st.Cases() {
		if err != nil {
			return err
		}
		if n++; n%checkEvery == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		wb.sum.addCase(c, today)
		wb.gatherDeadlines(c, today, horizon)
		if err := wb.gatherOverdue(st, c); err != nil {
			return err
		}
		var round, due, left any
		what := ""
		if c.Round != 0 {
			round = c.Round
		}
		if w, ok := c.NextDue(); ok {
			due, what, left = w.Due, windowTitle(w.Kind, 0), w.DaysLeft(today)
		}
		err = s.add(c.Ref.String(), c.Applicant.OrgName, c.Applicant.Solution,
			labelOf(categoryLabels, c.Applicant.Category).en, round, stageText(c.Stage),
			statusText(c), c.StageSince, due, what, left)
		if err != nil {
			return err
		}
	}
	return s.finish()
}

// gatherOverdue keeps, for the overdue sheet, the agency's tasks on c
// past their last day and c's windows past theirs that are not the
// agency's (those are among its tasks).
func (wb *workbook) gatherOverdue(st *cases.Status, c *cases.Case) error {
	today := st.Today()
	for _, w := range c.Windows {
		if !w.Pending && w.Party != cases.Agency && w.Due.Before(today) {
			wb.overdueRows = append(wb.overdueRows, overdueRow{w.Due, c.Ref,
				c.Applicant.OrgName, c.Stage, windowTitle(w.Kind, w.Seq), w.Party})
		}
	}
	if !mayOweTask(c) {
		return nil
	}
	tasks, err := st.TasksOf(c)
	for _, t := range tasks {
		if t.Overdue(today) {
			wb.overdueRows = append(wb.overdueRows, overdueRow{t.Due, t.Case, t.Org, t.Stage,
				taskText(t.Kind), cases.Agency})
		}
	}
	return err
}

// mayOweTask reports whether the agency may owe c a task past its last
// day: one of the agency's windows, a period that ran out, or a decision.
func mayOweTask(c *cases.Case) bool {
	for _, w := range c.Windows {
		if w.Party == cases.Agency {
			return true
		}
	}
	return c.Paused || c.FixesOverdue || c.Stage == cases.TestPlan || c.Stage == cases.Decision
}

// statusText is the case's outcome, or its pause; "" for neither.
func statusText(c *cases.Case) string {
	switch {
	case c.Outcome != "":
		return outcomeText(c.Outcome)
	case c.Paused:
		return pausedText
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

// deadlineRow is a row of the deadlines sheet.
type deadlineRow struct {
	w     cases.Window
	org   string
	stage cases.Stage
}

// gatherDeadlines keeps c's windows that count and fall due from today to
// horizon.
func (wb *workbook) gatherDeadlines(c *cases.Case, today, horizon cases.Date) {
	for _, w := range c.Windows {
		if !w.Pending && !w.Due.Before(today) && !w.Due.After(horizon) {
			wb.dueRows = append(wb.dueRows, deadlineRow{w, c.Applicant.OrgName, c.Stage})
		}
	}
}

// deadlinesSheet writes the deadlines gathered, first due first.
func (wb *workbook) deadlinesSheet(ctx context.Context, st *cases.Status) error {
	rows := wb.dueRows
	wb.dueRows = nil
	slices.SortStableFunc(rows, func(a, b deadlineRow) int { return a.w.Due.Compare(b.w.Due) })
	today := st.Today()
	for _, r := range rows {
		w := r.w
		err := wb.deadlines.add(w.Due, w.DaysLeft(today), w.Case.String(), r.org,
			stageText(r.stage), windowTitle(w.Kind, w.Seq), partyText(w.Party), w.Start)
		if err != nil {
			return err
		}
	}
	return wb.deadlines.finish()
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

// overdueSheet writes the overdue rows the cases gave, first overdue
// first.
func (wb *workbook) overdueSheet(ctx context.Context, st *cases.Status) error {
	s := wb.overdue
	today := st.Today()
	rows := wb.overdueRows
	wb.overdueRows = nil
	slices.SortStableFunc(rows, func(a, b overdueRow) int { return a.due.Compare(b.due) })
	for _, r := range rows {
		err := s.add(r.due, r.due.DaysUntil(today), r.ref.String(), r.org, stageText(r.stage),
			r.what, partyText(r.whose))
		if err != nil {
			return err
		}
	}
	return s.finish()
}
