package notices

import (
	"context"
	"math"
	"strconv"
	"strings"
	"time"

	"sandboxbot/cases"
)

var testingColumns = []column{
	{label{"เลขที่เรื่อง", "Reference"}, 16},
	{label{"หน่วยงาน", "Organisation"}, 40},
	{label{"สถานะการทดสอบ", "Testing status"}, 36},
	{label{"รอบการทดสอบ", "Round"}, 10},
	{label{"เริ่มทดสอบ", "Testing from"}, 12},
	{label{"สิ้นสุดการทดสอบ", "Testing to"}, 12},
	{label{"รายงานที่ได้รับ", "Reports received"}, 10},
	{label{"รายงานที่ขาดส่ง", "Reports missing"}, 10},
	{label{"รายงานล่าสุดถึงวันที่", "Latest report to"}, 12},
	{label{"ตัวชี้วัด", "KPI"}, 36},
	{label{"มิติ", "Dimension"}, 20},
	{label{"หน่วย", "Unit"}, 10},
	{label{"เป้าหมาย", "Target"}, 10},
	{label{"ผลล่าสุด", "Latest result"}, 10},
	{label{"ผลต่างจากเป้าหมาย", "Result − target"}, 10},
}

var announcementColumns = []column{
	{label{"ลำดับ", "No."}, 6},
	{label{"หน่วยงาน", "Organisation"}, 40},
	{label{"บริการที่ทดสอบ", "Solution"}, 40},
	{label{"วันที่อนุมัติ", "Date approved"}, 12},
	{label{"สถานะการทดสอบ", "Testing status"}, 36},
}

// testingSheets writes, from one pass over the participants, the testing
// sheet (in reference order, one row per KPI, or one for a participant
// without any) and the announcement (in the order of approval, so its rows
// wait in memory: a few strings for each place taken in the rounds).
func (wb *workbook) testingSheets(ctx context.Context, st *cases.Status) error {
	var ann []participant
	n := 0
	for p, err := range st.Participants() {
		if err != nil {
			return err
		}
		if n++; n%checkEvery == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		a := participantOf(p)
		ann = append(ann, a)
		if err := testingRows(wb.testing, p, a.status.both()); err != nil {
			return err
		}
	}
	if err := wb.testing.finish(); err != nil {
		return err
	}
	byApproval(ann)
	for i, a := range ann {
		err := wb.announcement.add(i+1, a.org, a.solution, dateOf(a.approved), a.status.both())
		if err != nil {
			return err
		}
	}
	return wb.announcement.finish()
}

// testingRows writes a participant's rows of the testing sheet.
func testingRows(s *sheet, p cases.Participant, status string) error {
	c := p.Case
	kpis := p.KPIs
	if len(kpis) == 0 {
		kpis = []cases.KPI{{}}
	}
	for _, k := range kpis {
		var target, actual, diff any
		if k.HasTarget {
			target = k.Target
		}
		if k.HasActual {
			actual = k.Actual
		}
		if k.HasTarget && k.HasActual {
			diff = difference(k.Actual, k.Target)
		}
		dim := ""
		if k.Dimension != "" {
			dim = labelOf(dimensionLabels, k.Dimension).both()
		}
		err := s.add(c.Ref.String(), c.Applicant.OrgName, status, c.Round, c.Plan.Start,
			c.Plan.End, c.ReportsReceived, c.ReportsMissed, p.ReportTo, k.Name, dim, k.Unit,
			target, actual, diff)
		if err != nil {
			return err
		}
	}
	return nil
}

// dateOf is the day of t in Bangkok; zero for the zero time.
func dateOf(t time.Time) cases.Date {
	if t.IsZero() {
		return cases.Date{}
	}
	return cases.DateOf(t)
}

// difference returns a − b rounded to the decimals of the more precise of
// the two, so that 99.2 − 99.5 is −0.3 and not −0.29999999999999716.
func difference(a, b float64) float64 {
	places := max(decimals(a), decimals(b))
	p := math.Pow10(places)
	return math.Round((a-b)*p) / p
}

// decimals counts the digits after the point of x's shortest form.
func decimals(x float64) int {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}
