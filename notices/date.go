package notices

import (
	"strconv"
	"time"
)

// Lang is the language of a letter's fixed wording: Thai or English.
type Lang string

// Languages of letters. The zero value is treated as Thai.
const (
	Thai    Lang = "th"
	English Lang = "en"
)

var thaiMonths = [...]string{"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม",
	"มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"}

// buddhistEraOffset turns a Gregorian year into the Buddhist Era year
// (พุทธศักราช) used in Thai official letters: 2025 is B.E. 2568.
const buddhistEraOffset = 543

// FormatDate writes the calendar date of t (its year, month and day as
// they are in t's location) the way a letter dates itself: in Thai, day,
// full month name and Buddhist Era year ("30 พฤษภาคม 2568"), in Thai
// digits when thaiDigits is set ("๓๐ พฤษภาคม ๒๕๖๘"); in English, day,
// month and Gregorian year ("30 May 2025"). Callers pass a time in
// Asia/Bangkok.
func FormatDate(t time.Time, lang Lang, thaiDigits bool) string {
	if lang == English {
		return t.Format("2 January 2006")
	}
	s := strconv.Itoa(t.Day()) + " " + thaiMonths[t.Month()-1] + " " +
		strconv.Itoa(t.Year()+buddhistEraOffset)
	return Digits(s, thaiDigits)
}
