package forms

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"sandboxbot/cases"
)

// Dates are read day first, as Thai people write them: 30/05/2568 is 30 May.
// A year of 2400 or more is a Buddhist Era year (BE = CE + 543); "พ.ศ." or
// "ค.ศ." before the year says which era it is.

var (
	timeOfDay   = `(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?`
	isoDate     = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})` + timeOfDay + `$`)
	numericDate = regexp.MustCompile(`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})` + timeOfDay + `$`)
	serialDate  = regexp.MustCompile(`^\d{1,7}(?:\.\d+)?$`)
	ordinal     = regexp.MustCompile(`(\d)(st|nd|rd|th)\b`)
)

// maxYear is the last Common Era year a date may have; with it, no date
// reads as a Buddhist Era year (2400 or more) when written back as text.
const maxYear = 2200

// excelEpoch is day 0 of Excel's 1900 date system as used for every serial
// from 61 (1 March 1900) on; Excel's fictitious 29 February 1900 is why it
// is not 31 December 1899.
var excelEpoch = cases.NewDate(1899, time.December, 30)

// parseDate reads a date as people and tools write it. serialOK allows a bare
// number to be read as an Excel date serial (a workbook cell).
func parseDate(s string, serialOK bool) (cases.Date, error) {
	s = strings.ToLower(dashes.Replace(asciiDigits(s)))
	switch {
	case serialOK && serialDate.MatchString(s):
		return fromSerial(s)
	case isoDate.MatchString(s):
		m := isoDate.FindStringSubmatch(s)
		return civilDate(m[3], m[2], m[1], "")
	case numericDate.MatchString(s):
		m := numericDate.FindStringSubmatch(s)
		return civilDate(m[1], m[2], m[3], "")
	}
	return wordedDate(s)
}

func fromSerial(s string) (cases.Date, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 61 || f >= 2958466 {
		return cases.Date{}, invalid{
			"ตัวเลขนี้ไม่ใช่วันที่ใน Excel", "this number is not an Excel date"}
	}
	d := excelEpoch.AddDays(int(math.Floor(f)))
	if d.Year > maxYear {
		return cases.Date{}, invalid{"ปีไม่อยู่ในช่วงที่เป็นไปได้", "the year is out of range"}
	}
	return d, nil
}

// civilDate checks and builds a date from day, month and year as written;
// era is "be", "ce" or "" (decided by the size of the year).
func civilDate(day, month, year, era string) (cases.Date, error) {
	if len(year) != 4 {
		return cases.Date{}, invalid{
			"ต้องเขียนปีเป็นเลข 4 หลัก", "the year must have four digits"}
	}
	d, _ := strconv.Atoi(day)
	m, _ := strconv.Atoi(month)
	y, _ := strconv.Atoi(year)
	if era == "be" || (era == "" && y >= 2400) {
		y -= 543
	}
	if y < 1900 || y > maxYear {
		return cases.Date{}, invalid{"ปีไม่อยู่ในช่วงที่เป็นไปได้", "the year is out of range"}
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return cases.Date{}, invalid{"ไม่มีวันที่นี้ในปฏิทิน", "there is no such day"}
	}
	dt := cases.NewDate(y, time.Month(m), d)
	if dt.Day != d {
		return cases.Date{}, invalid{"ไม่มีวันที่นี้ในปฏิทิน", "there is no such day"}
	}
	return dt, nil
}
