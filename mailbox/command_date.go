package mailbox

import (
	"fmt"
	"time"
	"unicode/utf8"

	"sandboxbot/cases"
)

// dateProblem says why text that starts like a date is not one.
type dateProblem struct{ en, th string }

// Month names: Thai in full and abbreviated (dots optional: พ.ค., พค),
// English in full and abbreviated.
var (
	thaiMonths = []string{"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม",
		"มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"}
	thaiMonthsShort = []string{"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
		"ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."}
	englishMonths = []string{"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE",
		"JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"}
	monthPhrases, monthNumbers = monthTable()
	// Eras: พ.ศ. and B.E. are the Buddhist Era (CE + 543).
	beWords = phrases("พ.ศ.", "พศ", "B.E.", "BE")
	ceWords = phrases("ค.ศ.", "คศ", "C.E.", "CE", "A.D.", "AD")
	// A weekday may stand before a date: วันจันทร์ที่ 30, Monday, 30.
	weekdayWords = phrases("วันจันทร์ที่", "วันอังคารที่", "วันพุธที่", "วันพฤหัสบดีที่",
		"วันศุกร์ที่", "วันเสาร์ที่", "วันอาทิตย์ที่", "MONDAY", "TUESDAY", "WEDNESDAY",
		"THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "MON", "TUE", "WED", "THU", "FRI",
		"SAT", "SUN")
	ordinalWords = phrases("ST", "ND", "RD", "TH")
)

func monthTable() ([]phrase, []time.Month) {
	var ps []phrase
	var ms []time.Month
	add := func(s string, m int) {
		ps = append(ps, newPhrase(stripDots(s)))
		ms = append(ms, time.Month(m+1))
	}
	for m := range 12 {
		add(thaiMonths[m], m)
		add(thaiMonthsShort[m], m)
		add(englishMonths[m], m)
		add(englishMonths[m][:3], m)
	}
	add("SEPT", 8)
	return ps, ms
}

func stripDots(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r != '.' {
			out = append(out, r)
		}
	}
	return string(out)
}

// readDate reads a day at the start of s, written as 2026-05-30, 30/05/2569,
// 30.5.26, 30 พฤษภาคม 2569, 30 พ.ค. 69, 30 May 2026 or May 30, 2026. A
// four-digit year over 2400, or one marked พ.ศ. or B.E., is of the Buddhist
// Era; a two-digit year from 50 is 25xx BE, below 50 it is 20xx CE. It
// returns the bytes read, 0 when s does not start with a date, and a
// problem when it starts like one but is not a day of the calendar.
func readDate(s string) (cases.Date, int, *dateProblem) {
	i := skipWeekday(s)
	r, _ := utf8.DecodeRuneInString(s[i:])
	var y, m, d, n int
	var p *dateProblem
	if c := foldRune(r); c >= '0' && c <= '9' {
		y, m, d, n, p = readNumericDate(s[i:])
	} else {
		y, m, d, n, p = readMonthFirst(s[i:])
	}
	if p != nil || n == 0 {
		return cases.Date{}, 0, p
	}
	written := s[i : i+n]
	if letterAt(s, i+n) {
		return cases.Date{}, 0, nil
	}
	if y < 2000 || y > 2199 {
		return cases.Date{}, 0, &dateProblem{
			fmt.Sprintf("the year of %q is out of range", written),
			fmt.Sprintf("ปีของ %q ไม่ถูกต้อง", written)}
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return cases.Date{}, 0, &dateProblem{
			fmt.Sprintf("%q is not a day of the calendar", written),
			fmt.Sprintf("%q ไม่ใช่วันที่ที่มีอยู่จริง", written)}
	}
	return cases.Date{Year: y, Month: time.Month(m), Day: d}, i + n, nil
}

func daysIn(y int, m time.Month) int { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() }

func skipWeekday(s string) int {
	n, _ := longest(s, weekdayWords)
	if n <= 0 {
		return 0
	}
	return len(s) - len(skipArgSeps(s[n:]))
}

// readNumericDate reads a date that starts with a number: y-m-d, d/m/y,
// or a day and a month name.
func readNumericDate(s string) (y, m, d, n int, p *dateProblem) {
	a := leadingNumber(s)
	sep, w := utf8.DecodeRuneInString(s[a.size:])
	if sep == '-' || sep == '/' || sep == '.' {
		i := a.size + w
		b := leadingNumber(s[i:])
		if b.digits == 0 || b.digits > 2 {
			return 0, 0, 0, 0, nil
		}
		i += b.size
		if r, w2 := utf8.DecodeRuneInString(s[i:]); r == sep {
			c := leadingNumber(s[i+w2:])
			end := i + w2 + c.size
			switch {
			case a.digits == 4 && (c.digits == 1 || c.digits == 2):
				return yearCE(a.value, 4, 0), b.value, c.value, end, nil
			case a.digits <= 2 && (c.digits == 2 || c.digits == 4):
				return yearCE(c.value, c.digits, 0), b.value, a.value, end, nil
			}
		}
		if a.digits <= 2 {
			return 0, 0, 0, 0, noYear(s[:i])
		}
		return 0, 0, 0, 0, nil
	}
	if a.digits == 0 || a.digits > 2 {
		return 0, 0, 0, 0, nil
	}
	i := skipRunes(s, a.size, func(r rune) bool { return r == ' ' })
	mon, lm := readMonth(s[i:])
	if lm == 0 {
		return 0, 0, 0, 0, nil
	}
	y, end, p := readYear(s, i+lm)
	return y, int(mon), a.value, end, p
}

// readMonthFirst reads "May 30, 2026".
func readMonthFirst(s string) (y, m, d, n int, p *dateProblem) {
	mon, lm := readMonth(s)
	if lm == 0 {
		return 0, 0, 0, 0, nil
	}
	i := skipRunes(s, lm, func(r rune) bool { return r == ' ' })
	day := leadingNumber(s[i:])
	if day.digits == 0 || day.digits > 2 {
		return 0, 0, 0, 0, nil
	}
	i += day.size
	if k, _ := longest(s[i:], ordinalWords); k > 0 {
		i += k
	}
	i = skipRunes(s, i, func(r rune) bool { return r == ',' })
	y, end, p := readYear(s, i)
	return y, int(mon), day.value, end, p
}

// readMonth reads a month name; dots in it are optional.
func readMonth(s string) (time.Month, int) {
	n, which := newLoose(s).longest(monthPhrases)
	if which < 0 {
		return 0, 0
	}
	return monthNumbers[which], n
}

// readYear reads the year at s[i:], with its era before it (พ.ศ. 2569,
// BE 2569) or, in Thai, after it (2569 พ.ศ.), and returns it in CE with the
// index after it. A bare "BE" or "AD" after a year is taken for an English
// word, not an era.
func readYear(s string, i int) (year, end int, p *dateProblem) {
	j := skipRunes(s, i, func(r rune) bool { return r == ' ' || r == ',' })
	era, j := readEra(s, j, beWords, ceWords)
	j = skipRunes(s, j, func(r rune) bool { return r == ' ' })
	yn := leadingNumber(s[j:])
	if yn.digits != 2 && yn.digits != 4 {
		return 0, 0, noYear(s[:i])
	}
	end = j + yn.size
	if era == 0 {
		k := skipRunes(s, end, func(r rune) bool { return r == ' ' })
		if e, k2 := readEra(s, k, beWords[:2], ceWords[:2]); e != 0 {
			era, end = e, k2
		}
	}
	return yearCE(yn.value, yn.digits, era), end, nil
}

// readEra reads an era marker at s[i:]: 543 for BE, -1 for CE, 0 for none.
func readEra(s string, i int, be, ce []phrase) (era, end int) {
	l := newLoose(s[i:])
	if n, _ := l.longest(be); n > 0 {
		return 543, i + n
	}
	if n, _ := l.longest(ce); n > 0 {
		return -1, i + n
	}
	return 0, i
}

// yearCE converts a written year to CE. era is 543 for a year marked BE,
// -1 for one marked CE, 0 for none.
func yearCE(y, digits, era int) int {
	if digits == 2 {
		switch {
		case era == 543 || era == 0 && y >= 50:
			y += 2500
		default:
			y += 2000
		}
	}
	if era == 543 || era == 0 && y > 2400 {
		y -= 543
	}
	return y
}

func noYear(written string) *dateProblem {
	return &dateProblem{
		fmt.Sprintf("the date %q has no year", written),
		fmt.Sprintf("วันที่ %q ไม่ได้ระบุปี", written)}
}

// loose is the start of a text with its dots taken out, for matching
// words whose dots are optional (พ.ค. as พค, B.E. as BE). Only the first 64
// bytes are kept: month names and eras are short.
type loose struct {
	s   string
	b   string
	idx []int // idx[k] is the index in s of the rune holding byte k of b
}

func newLoose(s string) loose {
	if len(s) > 64 {
		s = s[:64]
	}
	l := loose{s: s, idx: make([]int, 0, len(s))}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		_, w := utf8.DecodeRuneInString(s[i:])
		if s[i] != '.' {
			b = append(b, s[i:i+w]...)
			for range w {
				l.idx = append(l.idx, i)
			}
		}
		i += w
	}
	l.b = string(b)
	return l
}

// longest returns the bytes of the text the longest of the phrases covers,
// with a dot after it, and its index; -1, -1 when none matches.
func (l loose) longest(ps []phrase) (n, which int) {
	n, which = -1, -1
	for i, p := range ps {
		if m := l.end(p.match(l.b)); m > n {
			n, which = m, i
		}
	}
	return n, which
}

// end maps the end of a match in the dotless text back to the text.
func (l loose) end(n int) int {
	if n <= 0 {
		return n
	}
	end := len(l.s)
	if n < len(l.idx) {
		end = l.idx[n]
	}
	if end < len(l.s) && l.s[end] == '.' {
		end++
	}
	return end
}
