package notices

import (
	"context"

	"sandboxbot/cases"
)

var auditColumns = []column{
	{label{"ลำดับ", "Seq"}, 8},
	{label{"เวลา", "Time"}, 17},
	{label{"เลขที่เรื่อง", "Reference"}, 16},
	{label{"ผู้กระทำ", "Actor"}, 10},
	{label{"โดย", "By"}, 28},
	{label{"รายการ", "Entry"}, 20},
	{label{"รายละเอียด", "Detail"}, 80},
}

// auditSheet writes the audit entries of the period, their detail as the
// JSON the trail keeps.
func (wb *workbook) auditSheet(ctx context.Context, st *cases.Status) error {
	s, n := wb.audit, 0
	for e, err := range st.Audit() {
		if err != nil {
			return err
		}
		if n++; n%checkEvery == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		err = s.add(e.Seq, e.At, e.Case.String(), string(e.Actor), e.By, e.Kind,
			string(e.Detail))
		if err != nil {
			return err
		}
	}
	return s.finish()
}

// countDecisions counts the agency's decisions for the summary: those of
// the period, and all of them.
func (wb *workbook) countDecisions(ctx context.Context, st *cases.Status) error {
	for d, err := range st.Decisions() {
		if err != nil {
			return err
		}
		wb.sum.allTime.add(d)
		if st.InPeriod(d.Decided) {
			wb.sum.period.add(d)
		}
	}
	return nil
}
