package cases

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// fixedRule is an official holiday on the same day every year.
type fixedRule struct {
	month    time.Month
	day      int
	from, to int // first and last Gregorian year it applies; 0 is open
	name, en string
}

// fixedRules are the fixed-date official holidays (วันหยุดราชการประจำปี) as
// the cabinet has set them since the reign that began in 2016; the years
// bound the ones that changed.
var fixedRules = []fixedRule{
	{time.January, 1, 0, 0, "วันขึ้นปีใหม่", "New Year's Day"},
	{time.April, 6, 0, 0, "วันจักรี", "Chakri Memorial Day"},
	{time.April, 13, 0, 0, "วันสงกรานต์", "Songkran Festival"},
	{time.April, 14, 0, 0, "วันสงกรานต์", "Songkran Festival"},
	{time.April, 15, 0, 0, "วันสงกรานต์", "Songkran Festival"},
	{time.May, 4, 2020, 0, "วันฉัตรมงคล", "Coronation Day"},
	{time.June, 3, 2019, 0,
		"วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าฯ พระบรมราชินี", "Queen Suthida's Birthday"},
	{time.July, 28, 2017, 0,
		"วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว", "King Vajiralongkorn's Birthday"},
	{time.August, 12, 0, 0, "วันแม่แห่งชาติ", "The Queen Mother's Birthday"},
	{time.October, 13, 2017, 0,
		"วันนวมินทรมหาราช", "King Bhumibol Adulyadej Memorial Day"},
	{time.October, 23, 0, 0, "วันปิยมหาราช", "Chulalongkorn Day"},
	{time.December, 5, 0, 0, "วันพ่อแห่งชาติ", "King Bhumibol's Birthday"},
	{time.December, 10, 0, 0, "วันรัฐธรรมนูญ", "Constitution Day"},
	{time.December, 31, 0, 0, "วันสิ้นปี", "New Year's Eve"},
}

func fixedHolidays(y int) []Holiday {
	var out []Holiday
	for _, r := range fixedRules {
		if (r.from != 0 && y < r.from) || (r.to != 0 && y > r.to) {
			continue
		}
		out = append(out, Holiday{Date: Date{y, r.month, r.day}, Name: r.name, NameEN: r.en})
	}
	return out
}

// HolidayList is what one holiday data file says: days to add, and days the
// rules would give that are not holidays after all (a cancelled Songkran).
type HolidayList struct {
	Add    []Holiday
	Remove []Date
}

//go:embed holidays_th.txt
var shippedHolidays string

// ShippedHolidays returns the lunar and special holidays shipped with the
// bot, from the cabinet announcements of 2020 onwards.
func ShippedHolidays() HolidayList {
	l, err := ParseHolidays(strings.NewReader(shippedHolidays), "holidays_th.txt")
	if err != nil {
		panic(err) // the shipped file is checked by the tests
	}
	return l
}

// LoadCalendar returns the calendar of the shipped holidays extended by the
// operator's files, in order. A missing file is an error: an operator who
// names a file expects it to count.
func LoadCalendar(paths ...string) (*Calendar, error) {
	lists := []HolidayList{ShippedHolidays()}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("cases: reading holidays: %w", err)
		}
		l, err := ParseHolidays(f, p)
		f.Close()
		if err != nil {
			return nil, err
		}
		lists = append(lists, l)
	}
	return NewCalendar(lists...), nil
}

// ParseHolidays reads a holiday data file. Each line is one of
//
//	2025-05-12  วันหยุดชดเชยวันวิสาขบูชา | Substitute for Visakha Bucha Day
//	-2020-04-13  Songkran postponed by the cabinet (COVID-19)
//
// a date and a Thai name with an optional English one after "|", or a date
// after "-" that is not a holiday, with a reason. Blank lines and lines
// starting with # are ignored. Errors name the file and line.
func ParseHolidays(r io.Reader, name string) (HolidayList, error) {
	var l HolidayList
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		remove := strings.HasPrefix(line, "-")
		line = strings.TrimPrefix(line, "-")
		field, rest, _ := strings.Cut(line, " ")
		d, err := ParseDate(field)
		if err != nil {
			return l, fmt.Errorf("cases: %s line %d: %q does not start with a date "+
				"like 2025-05-12 or -2020-04-13", name, n, sc.Text())
		}
		if remove {
			l.Remove = append(l.Remove, d)
			continue
		}
		th, en, _ := strings.Cut(strings.TrimSpace(rest), "|")
		th, en = strings.TrimSpace(th), strings.TrimSpace(en)
		if th == "" {
			return l, fmt.Errorf("cases: %s line %d: holiday %s has no name", name, n, d)
		}
		l.Add = append(l.Add, Holiday{Date: d, Name: th, NameEN: en})
	}
	if err := sc.Err(); err != nil {
		return l, fmt.Errorf("cases: reading %s: %w", name, err)
	}
	return l, nil
}
