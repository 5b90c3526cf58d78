package cases

import (
	"fmt"
	"time"
	_ "time/tzdata" // Asia/Bangkok must resolve on machines without zoneinfo.
)

// Bangkok is the Asia/Bangkok time zone. Every date the process speaks of is
// a day in Bangkok: "told" is the day the agency's mail was accepted for
// delivery there, and a period ends at the end of its last day there.
var Bangkok = loadBangkok()

func loadBangkok() *time.Location {
	loc, err := time.LoadLocation("Asia/Bangkok")
	if err != nil {
		// The zone data is embedded by the time/tzdata import, so this
		// cannot fail short of a broken toolchain.
		panic("cases: loading Asia/Bangkok: " + err.Error())
	}
	return loc
}

// Date is a day of the civil (Gregorian) calendar, with no time of day and
// no zone; it is always read as a day in Bangkok. The zero Date is not a
// valid day and reports IsZero.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the day in Bangkok on which t falls.
func DateOf(t time.Time) Date {
	y, m, d := t.In(Bangkok).Date()
	return Date{y, m, d}
}

// NewDate returns the date y-m-d, normalising out-of-range values the way
// time.Date does (31 April becomes 1 May).
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 12, 0, 0, 0, Bangkok))
}

// ParseDate reads a date written as YYYY-MM-DD (ISO 8601, Gregorian year).
func ParseDate(s string) (Date, error) {
	t, err := time.ParseInLocation(time.DateOnly, s, Bangkok)
	if err != nil {
		return Date{}, fmt.Errorf("cases: date %q is not YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Start returns the first instant of d in Bangkok (00:00).
func (d Date) Start() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, Bangkok)
}

// End returns the first instant after d in Bangkok: the moment a period whose
// last day is d has run out (CCC s.193/5: a period ends at the end of its last
// day).
func (d Date) End() time.Time { return d.AddDays(1).Start() }

// AddDays returns the date n days after d (before, when n is negative).
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, Bangkok))
}

// AddMonths returns the same day n months later, clamped to the last day of a
// shorter month (31 January plus one month is 28 or 29 February).
func (d Date) AddMonths(n int) Date {
	first := NewDate(d.Year, d.Month+time.Month(n), 1)
	last := NewDate(first.Year, first.Month+1, 0).Day
	return Date{first.Year, first.Month, min(d.Day, last)}
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Start().Weekday() }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(d.Year, e.Year)
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	default:
		return cmpInt(d.Day, e.Day)
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// DaysUntil returns the number of days from d to e: 1 when e is the next day,
// negative when e is before d.
func (d Date) DaysUntil(e Date) int {
	return int(e.Start().Sub(d.Start()).Round(24*time.Hour) / (24 * time.Hour))
}

// BEYear returns the year of d in the Buddhist Era (CE + 543), the year used
// in case references, letter numbers and Thai dates.
func (d Date) BEYear() int { return d.Year + 543 }

// String returns d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// MarshalText writes d as YYYY-MM-DD; the zero Date is written as "".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD; "" gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
