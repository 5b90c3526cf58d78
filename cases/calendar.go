package cases

import (
	"sort"
	"sync"
	"time"
)

// Calendar is the legal calendar: which days are working days of the agency,
// and where the periods of the guideline end. It knows weekends, the
// fixed-date official holidays by rule (so any year works), the lunar and
// special holidays of the years its data covers, and the substitute days
// (วันหยุดชดเชย) that follow a holiday falling on a weekend.
//
// A Calendar is safe for concurrent use.
type Calendar struct {
	listed  map[Date]Holiday // lunar, special and operator-added days
	removed map[Date]bool    // days the data says are not holidays after all
	covered map[int]bool     // years with listed days: lunar dates are known

	mu    sync.Mutex
	years map[int]map[Date]Holiday // every holiday of a year, built on demand
}

// Holiday is one day off of the official calendar.
type Holiday struct {
	Date   Date
	Name   string // in Thai, e.g. วันสงกรานต์
	NameEN string // in English, e.g. Songkran Festival
}

// NewCalendar returns a calendar built from the fixed-date rules and the
// given holiday lists, later lists adding to and removing from earlier ones.
func NewCalendar(lists ...HolidayList) *Calendar {
	c := &Calendar{
		listed:  map[Date]Holiday{},
		removed: map[Date]bool{},
		covered: map[int]bool{},
		years:   map[int]map[Date]Holiday{},
	}
	for _, l := range lists {
		for _, h := range l.Add {
			c.listed[h.Date] = h
			delete(c.removed, h.Date)
			c.covered[h.Date.Year] = true
		}
		for _, d := range l.Remove {
			c.removed[d] = true
			delete(c.listed, d)
		}
	}
	return c
}

// Holiday returns the holiday on d, if d is one. Weekends are not holidays;
// see IsWorkingDay.
func (c *Calendar) Holiday(d Date) (Holiday, bool) {
	h, ok := c.year(d.Year)[d]
	return h, ok
}

// Holidays returns the holidays of a year in date order.
func (c *Calendar) Holidays(year int) []Holiday {
	var out []Holiday
	for _, h := range c.year(year) {
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// Covers reports whether the calendar's data lists the lunar and special
// holidays of a year. Without them only weekends, fixed-date holidays and
// their substitutes are known, and a deadline may end a day early.
func (c *Calendar) Covers(year int) bool { return c.covered[year] }

// IsWorkingDay reports whether the agency is open on d: neither a Saturday,
// a Sunday nor an official holiday.
func (c *Calendar) IsWorkingDay(d Date) bool {
	if isWeekend(d) {
		return false
	}
	_, off := c.Holiday(d)
	return !off
}

func isWeekend(d Date) bool {
	w := d.Weekday()
	return w == time.Saturday || w == time.Sunday
}

// Due returns the last day of a period of the given number of days that
// starts with an event on the day told.
//
// The day of the event is not counted; day 1 is the next day (CCC s.193/3
// para 2), and the period ends at the end of its last day (CCC s.193/5). When
// the period is a private party's (Applicant) and its last day is not a
// working day, it ends on the next working day instead (CCC s.193/8; APA
// s.64 para 3). The agency's own period (Agency) ends on its last day even
// when that is a holiday (APA s.64 para 2).
func (c *Calendar) Due(told Date, days int, p Party) Date {
	last := told.AddDays(days)
	if p == Agency {
		return last
	}
	for !c.IsWorkingDay(last) {
		last = last.AddDays(1)
	}
	return last
}

// LatestBefore returns the last day on which something that must be done "at
// least days days before d" can still be done: d minus days, moved earlier
// (never later) to the previous working day when that is not one. The
// guideline's extension request (step 6: ไม่น้อยกว่า 30 วันก่อนถึงวันครบกำหนด)
// follows this rule.
func (c *Calendar) LatestBefore(d Date, days int) Date {
	x := d.AddDays(-days)
	for !c.IsWorkingDay(x) {
		x = x.AddDays(-1)
	}
	return x
}

// year returns every holiday of y, computing and caching it on first use.
// The last days of the year before take part, since a holiday on Saturday
// 31 December has its substitute in January.
func (c *Calendar) year(y int) map[Date]Holiday {
	c.mu.Lock()
	defer c.mu.Unlock()
	if m, ok := c.years[y]; ok {
		return m
	}
	m := c.base(y - 1)
	for d, h := range c.base(y) {
		m[d] = h
	}
	addSubstitutes(m, c.removed)
	for d := range m {
		if d.Year != y {
			delete(m, d)
		}
	}
	c.years[y] = m
	return m
}

// base returns the holidays of y before substitutes: the fixed-date rules and
// the listed days, less the removed ones.
func (c *Calendar) base(y int) map[Date]Holiday {
	m := map[Date]Holiday{}
	for _, h := range fixedHolidays(y) {
		m[h.Date] = h
	}
	for d, h := range c.listed {
		if d.Year == y {
			m[d] = h
		}
	}
	for d := range c.removed {
		delete(m, d)
	}
	return m
}

// addSubstitutes gives every holiday that falls on a Saturday or Sunday a
// substitute day off (วันหยุดชดเชย): the next weekday that is not already a
// holiday, taking the weekend holidays in date order. The cabinet's standing
// resolution gives these; a day the data removes is never made a substitute.
func addSubstitutes(m map[Date]Holiday, removed map[Date]bool) {
	var weekend []Holiday
	for _, h := range m {
		if isWeekend(h.Date) {
			weekend = append(weekend, h)
		}
	}
	sort.Slice(weekend, func(i, j int) bool { return weekend[i].Date.Before(weekend[j].Date) })
	for _, h := range weekend {
		d := h.Date.AddDays(1)
		for {
			_, taken := m[d]
			if !isWeekend(d) && !taken {
				break
			}
			d = d.AddDays(1)
		}
		if removed[d] {
			continue
		}
		m[d] = Holiday{
			Date:   d,
			Name:   "วันหยุดชดเชย" + h.Name,
			NameEN: "Substitute for " + h.NameEN,
		}
	}
}
