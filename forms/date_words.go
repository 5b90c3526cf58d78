package forms

import (
	"strconv"
	"strings"
	"unicode"

	"sandboxbot/cases"
)

// Dates written with month names: "30 พฤษภาคม 2568", "วันศุกร์ที่ 30 พ.ค. พ.ศ.
// 2568", "30 May 2025", "May 30, 2025".

// thaiMonths lists each month's full Thai name and its abbreviation.
var thaiMonths = [12][2]string{
	{"มกราคม", "ม.ค."}, {"กุมภาพันธ์", "ก.พ."}, {"มีนาคม", "มี.ค."},
	{"เมษายน", "เม.ย."}, {"พฤษภาคม", "พ.ค."}, {"มิถุนายน", "มิ.ย."},
	{"กรกฎาคม", "ก.ค."}, {"สิงหาคม", "ส.ค."}, {"กันยายน", "ก.ย."},
	{"ตุลาคม", "ต.ค."}, {"พฤศจิกายน", "พ.ย."}, {"ธันวาคม", "ธ.ค."},
}

var englishMonths = []string{"jan", "feb", "mar", "apr", "may", "jun",
	"jul", "aug", "sep", "oct", "nov", "dec"}

var englishFiller = map[string]bool{"the": true, "of": true, "mon": true,
	"monday": true, "tue": true, "tuesday": true, "wed": true, "wednesday": true,
	"thu": true, "thursday": true, "fri": true, "friday": true, "sat": true,
	"saturday": true, "sun": true, "sunday": true}

var notADate = invalid{"อ่านเป็นวันที่ไม่ได้", "this is not a date"}

// wordedDate reads a date that names its month in Thai or English.
func wordedDate(s string) (cases.Date, error) {
	s, era := eraMarker(s)
	s = markThaiMonths(s)
	s = strings.Map(func(r rune) rune {
		if r >= 0x0E00 && r <= 0x0E7F { // remaining Thai: วันศุกร์ที่ and the like
			return ' '
		}
		return r
	}, s)
	s = ordinal.ReplaceAllString(s, "$1")
	var nums []string
	month := 0
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == ',' || r == '/' || r == '-' || r == '.' || r == '\n'
	}) {
		switch m := tokenMonth(tok); {
		case onlyDigits(tok):
			nums = append(nums, tok)
		case m > 0 && month == 0:
			month = m
		case englishFiller[tok]:
		default:
			return cases.Date{}, notADate
		}
	}
	if month == 0 || len(nums) != 2 {
		return cases.Date{}, notADate
	}
	return civilDate(nums[0], strconv.Itoa(month), nums[1], era)
}

// eraMarker removes "พ.ศ." or "ค.ศ." (with or without dots) and says which
// era it named: "be", "ce" or "".
func eraMarker(s string) (string, string) {
	for _, m := range []struct{ mark, era string }{
		{"พ.ศ.", "be"}, {"พ.ศ", "be"}, {"พศ.", "be"}, {"พศ", "be"},
		{"ค.ศ.", "ce"}, {"ค.ศ", "ce"}, {"คศ.", "ce"}, {"คศ", "ce"},
	} {
		if strings.Contains(s, m.mark) {
			return strings.Replace(s, m.mark, " ", 1), m.era
		}
	}
	return s, ""
}

// markThaiMonths replaces a Thai month name or abbreviation by " m<n> ".
func markThaiMonths(s string) string {
	for i, names := range thaiMonths {
		mark := " m" + strconv.Itoa(i+1) + " "
		for _, n := range []string{names[0], names[1], strings.ReplaceAll(names[1], ".", "")} {
			if strings.Contains(s, n) {
				return strings.Replace(s, n, mark, 1)
			}
		}
	}
	return s
}

// tokenMonth returns the month a token names (m5, may, May, september), or 0.
func tokenMonth(tok string) int {
	if len(tok) >= 2 && tok[0] == 'm' && onlyDigits(tok[1:]) {
		n, _ := strconv.Atoi(tok[1:])
		return n
	}
	if len(tok) < 3 || !unicode.IsLetter(rune(tok[0])) {
		return 0
	}
	for i, m := range englishMonths {
		if strings.HasPrefix(tok, m) && strings.HasPrefix(fullMonth(i), tok) {
			return i + 1
		}
	}
	return 0
}

func fullMonth(i int) string {
	return strings.ToLower([]string{"January", "February", "March", "April", "May",
		"June", "July", "August", "September", "October", "November", "December"}[i])
}
