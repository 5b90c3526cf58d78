package notices

import (
	"context"
	"slices"
	"sort"
	"time"

	"github.com/xuri/excelize/v2"

	"sandboxbot/cases"
)

// summary is what the summary sheet counts while the other sheets are
// written.
type summary struct {
	today      cases.Date
	total      int
	stages     map[cases.Stage][2]int // cases, of which paused
	categories map[string]int
	rounds     map[int]int
	// weeks count the counting windows due in each of the next weeks,
	// week i being days [7i, 7i+6] from today: all of them, the agency's.
	weeks           [][2]int
	period, allTime decisionCount
}

func newSummary(weeks int) summary {
	return summary{stages: map[cases.Stage][2]int{}, categories: map[string]int{},
		rounds: map[int]int{}, weeks: make([][2]int, weeks)}
}

// addCase counts one case and its open windows.
func (s *summary) addCase(c *cases.Case, today cases.Date) {
	s.today = today
	s.total++
	n := s.stages[c.Stage]
	n[0]++
	if c.Paused {
		n[1]++
	}
	s.stages[c.Stage] = n
	s.categories[c.Applicant.Category]++
	s.rounds[c.Round]++
	for _, w := range c.Windows {
		if w.Closed || w.Pending || w.Due.Before(today) {
			continue
		}
		if i := today.DaysUntil(w.Due) / 7; i < len(s.weeks) {
			s.weeks[i][0]++
			if w.Party == cases.Agency {
				s.weeks[i][1]++
			}
		}
	}
}

// decisionCount counts decisions: by kind, in time, and the days taken by
// those whose application's day is known.
type decisionCount struct {
	kinds   map[cases.EventKind]int
	decided int
	inTime  int
	days    []int
}

func (d *decisionCount) add(x cases.AgencyDecision) {
	if d.kinds == nil {
		d.kinds = map[cases.EventKind]int{}
	}
	d.kinds[x.Kind]++
	d.decided++
	if x.Received.IsZero() {
		return
	}
	if x.InTime() {
		d.inTime++
	}
	d.days = append(d.days, x.Days())
}

// median returns the median of the days taken; false when none.
func (d *decisionCount) median() (float64, bool) {
	n := len(d.days)
	if n == 0 {
		return 0, false
	}
	sort.Ints(d.days)
	if n%2 == 1 {
		return float64(d.days[n/2]), true
	}
	return float64(d.days[n/2-1]+d.days[n/2]) / 2, true
}

// summaryTitle heads the summary sheet.
var summaryTitle = label{"รายงานสถานะ Digital Service Sandbox",
	"Digital Service Sandbox status report"}

// summarySheet writes the summary, block under block, and its chart.
func (wb *workbook) summarySheet(ctx context.Context, st *cases.Status) error {
	p := &sheetPen{f: wb.f, name: sheetSummary, st: wb.st}
	s := &wb.sum
	from, to := st.Period()
	p.title(summaryTitle.both())
	p.row(label{"ณ เวลา", "As of"}.both(), st.At())
	p.row(label{"ช่วงเวลาของรายงาน", "Period"}.both(), from, to)
	p.row(label{"จำนวนเรื่องทั้งหมด", "Cases in all"}.both(), s.total)

	stageTop := p.next + 1
	p.head(label{"ขั้นตอน", "Stage"}, label{"เรื่อง", "Cases"},
		label{"รอข้อมูลเพิ่มเติม", "Paused"})
	for _, stage := range cases.Stages {
		n := s.stages[stage]
		p.row(labelOf(stageLabels, stage).both(), n[0], n[1])
	}
	stageEnd := p.next - 1

	p.head(label{"ประเภท", "Category"}, label{"เรื่อง", "Cases"})
	for _, k := range sortedKeys(s.categories) {
		p.row(labelOf(categoryLabels, k).en, s.categories[k])
	}
	p.head(label{"รอบการทดสอบ", "Round"}, label{"เรื่อง", "Cases"})
	rounds := make([]int, 0, len(s.rounds))
	for r := range s.rounds {
		rounds = append(rounds, r)
	}
	slices.Sort(rounds)
	for _, r := range rounds {
		var name any = r
		if r == 0 {
			name = label{"ยังไม่ได้รับอนุมัติ", "not approved (yet)"}.both()
		}
		p.row(name, s.rounds[r])
	}
	wb.decisionBlock(p)
	wb.weeksBlock(p, st.Today())
	if p.err != nil {
		return errorf("writing the summary: %w", p.err)
	}
	if err := wb.f.SetColWidth(sheetSummary, "A", "A", 44); err != nil {
		return errorf("writing the summary: %w", err)
	}
	if err := wb.f.SetColWidth(sheetSummary, "B", "D", 18); err != nil {
		return errorf("writing the summary: %w", err)
	}
	return wb.stageChart(stageTop, stageEnd)
}

// decisionBlock writes the decisions of the period and of all time against
// the agency's 30 days (guideline step 4).
func (wb *workbook) decisionBlock(p *sheetPen) {
	s := &wb.sum
	p.head(label{"การพิจารณาแจ้งผล (30 วัน)", "Decisions (30 days)"},
		label{"ในช่วงเวลา", "In the period"}, label{"ทั้งหมด", "Since the start"})
	for _, k := range []cases.EventKind{cases.Approve, cases.Reject, cases.FindIneligible} {
		p.row(labelOf(decisionLabels, k).both(), s.period.kinds[k], s.allTime.kinds[k])
	}
	p.row(label{"รวม", "Decided"}.both(), s.period.decided, s.allTime.decided)
	p.row(label{"ภายใน 30 วัน", "Within the 30 days"}.both(), s.period.inTime,
		s.allTime.inTime)
	p.row(label{"สัดส่วนภายใน 30 วัน", "Share within the 30 days"}.both(),
		share(s.period.inTime, len(s.period.days), wb.st.percent),
		share(s.allTime.inTime, len(s.allTime.days), wb.st.percent))
	pm, pok := s.period.median()
	am, aok := s.allTime.median()
	p.row(label{"มัธยฐานจำนวนวันที่ใช้", "Median days taken"}.both(), orNil(pm, pok),
		orNil(am, aok))
}

func share(n, of, style int) any {
	if of == 0 {
		return nil
	}
	return excelize.Cell{StyleID: style, Value: float64(n) / float64(of)}
}

func orNil(v float64, ok bool) any {
	if !ok {
		return nil
	}
	return v
}

// weeksBlock writes how many windows fall due in each of the next weeks.
func (wb *workbook) weeksBlock(p *sheetPen, today cases.Date) {
	p.head(label{"สัปดาห์ตั้งแต่", "Week from"}, label{"ถึง", "To"},
		label{"กำหนดที่ครบ", "Windows due"}, label{"ของสำนักงาน", "The agency's"})
	for i, n := range wb.sum.weeks {
		start := today.AddDays(7 * i)
		p.row(start, start.AddDays(6), n[0], n[1])
	}
}

// stageChart draws the cases by stage beside the summary's stage block.
func (wb *workbook) stageChart(top, end int) error {
	ref := func(col string, a, b int) string {
		return "'" + sheetSummary + "'!$" + col + "$" + itoa(a) + ":$" + col + "$" + itoa(b)
	}
	err := wb.f.AddChart(sheetSummary, "F2", &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{Name: "'" + sheetSummary + "'!$B$" + itoa(top-1),
			Categories: ref("A", top, end), Values: ref("B", top, end)}},
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{
			{Text: label{"เรื่องตามขั้นตอน", "Cases by stage"}.both()}}},
		Legend: excelize.ChartLegend{Position: "none"},
		Format: excelize.GraphicOptions{ScaleX: 1.6, ScaleY: 1.6},
	})
	if err != nil {
		return errorf("drawing the chart of stages: %w", err)
	}
	return nil
}

// sheetPen writes rows one under another on a sheet that is not streamed,
// keeping the first error.
type sheetPen struct {
	f    *excelize.File
	name string
	st   cellStyles
	next int // the row to write next, from 1
	err  error
}

func (p *sheetPen) title(text string) {
	p.row(text)
	if p.err == nil {
		cell := "A" + itoa(p.next-1)
		p.err = p.f.SetCellStyle(p.name, cell, cell, p.st.title)
	}
}

// head leaves a blank row, then writes a row of headers.
func (p *sheetPen) head(titles ...label) {
	p.next++
	vals := make([]any, len(titles))
	for i, t := range titles {
		vals[i] = excelize.Cell{StyleID: p.st.header, Value: t.both()}
	}
	p.row(vals...)
}

// row writes a row of strings (as text), numbers, dates, times and cells.
func (p *sheetPen) row(vals ...any) {
	if p.next == 0 {
		p.next = 1
	}
	for i, v := range vals {
		if p.err != nil {
			return
		}
		cell, _ := excelize.CoordinatesToCellName(i+1, p.next)
		p.err = p.cell(cell, v)
	}
	p.next++
}

func (p *sheetPen) cell(cell string, v any) error {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		return p.f.SetCellStr(p.name, cell, x)
	case cases.Date:
		if x.IsZero() {
			return nil
		}
		return p.styled(cell, dateSerial(x), p.st.date)
	case time.Time:
		if x.IsZero() {
			return nil
		}
		return p.styled(cell, timeSerial(x), p.st.dateTime)
	case excelize.Cell:
		return p.styled(cell, x.Value, x.StyleID)
	}
	return p.f.SetCellValue(p.name, cell, v)
}

func (p *sheetPen) styled(cell string, v any, style int) error {
	if err := p.f.SetCellValue(p.name, cell, v); err != nil {
		return err
	}
	return p.f.SetCellStyle(p.name, cell, cell, style)
}
