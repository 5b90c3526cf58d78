package cases

import (
	"strings"
	"testing"
	"time"
)

func TestDue(t *testing.T) {
	t.Parallel()
	cal := NewCalendar(ShippedHolidays())
	tests := []struct {
		name  string
		told  Date
		days  int
		party Party
		want  Date
	}{
		// DESIGN.md: day 30 is Sun 29 June, so Mon 30 June.
		{"weekend moves the applicant", NewDate(2025, 5, 30), 30, Applicant, NewDate(2025, 6, 30)},
		{"weekend stands for the agency", NewDate(2025, 5, 30), 30, Agency, NewDate(2025, 6, 29)},
		// Day 15 is Tue 14 April, Songkran (13-15 April): Thu 16 April.
		{"Songkran moves the applicant", NewDate(2026, 3, 30), 15, Applicant, NewDate(2026, 4, 16)},
		{"Songkran stands for the agency", NewDate(2026, 3, 30), 15, Agency, NewDate(2026, 4, 14)},
		{"working day stands", NewDate(2026, 1, 5), 30, Applicant, NewDate(2026, 2, 4)},
		{"day of the event not counted", NewDate(2026, 1, 5), 1, Applicant, NewDate(2026, 1, 6)},
		// Visakha Bucha Sun 31 May 2026: substitute Mon 1 June; 5 days from
		// Tue 26 May end Sun 31 May, so Tue 2 June.
		{"substitute day", NewDate(2026, 5, 26), 5, Applicant, NewDate(2026, 6, 2)},
		// Makha Bucha Tue 3 March 2026 (lunar, from the data file).
		{"lunar holiday", NewDate(2026, 2, 1), 30, Applicant, NewDate(2026, 3, 4)},
		// New Year: Wed 31 Dec 2025 and Thu 1 Jan 2026 off, then Fri 2 Jan.
		{"across the new year", NewDate(2025, 12, 1), 30, Applicant, NewDate(2026, 1, 2)},
		// Five days from Fri 5 Dec 2025 (a holiday itself): Wed 10 Dec is
		// Constitution Day, so Thu 11 Dec.
		{"Constitution Day", NewDate(2025, 12, 5), 5, Applicant, NewDate(2025, 12, 11)},
		// Songkran 2020 was postponed: Mon 13 April 2020 was a working day.
		{"cancelled Songkran 2020", NewDate(2020, 3, 29), 15, Applicant, NewDate(2020, 4, 13)},
		// Sat 31 Dec 2022 and Sun 1 Jan 2023: substitutes Mon 2 and Tue 3 Jan.
		{"substitute in the next year", NewDate(2022, 12, 27), 5, Applicant,
			NewDate(2023, 1, 4)},
		// A year with no data: rules still give fixed holidays. Sun 13 April
		// 2031 to Tue 15 are Songkran, Wed 16 the substitute for the Sunday.
		{"fixed rule in an uncovered year", NewDate(2031, 4, 10), 3, Applicant,
			NewDate(2031, 4, 17)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := cal.Due(tt.told, tt.days, tt.party); got != tt.want {
				t.Errorf("Due(%s, %d, %s) = %s (%s), want %s", tt.told, tt.days, tt.party,
					got, got.Weekday(), tt.want)
			}
		})
	}
}

func TestLatestBefore(t *testing.T) {
	t.Parallel()
	cal := NewCalendar(ShippedHolidays())
	tests := []struct {
		end  Date
		days int
		want Date
	}{
		// 30 days before Thu 30 July 2026 is Tue 30 June: a working day.
		{NewDate(2026, 7, 30), 30, NewDate(2026, 6, 30)},
		// 30 days before Tue 14 July 2026 is Sun 14 June: Fri 12 June.
		{NewDate(2026, 7, 14), 30, NewDate(2026, 6, 12)},
		// 30 days before Fri 15 May 2026 is Wed 15 April (Songkran), and
		// 13-14 April are Songkran, 11-12 a weekend: Fri 10 April.
		{NewDate(2026, 5, 15), 30, NewDate(2026, 4, 10)},
	}
	for _, tt := range tests {
		if got := cal.LatestBefore(tt.end, tt.days); got != tt.want {
			t.Errorf("LatestBefore(%s, %d) = %s, want %s", tt.end, tt.days, got, tt.want)
		}
	}
}

func TestHolidays(t *testing.T) {
	t.Parallel()
	cal := NewCalendar(ShippedHolidays())
	for _, tt := range []struct {
		d    Date
		want bool
	}{
		{NewDate(2026, 4, 13), true},
		{NewDate(2024, 4, 16), true},  // substitute for Sat 13 April
		{NewDate(2024, 4, 17), false}, // the data removes a second one
		{NewDate(2020, 4, 14), false}, // postponed
		{NewDate(2020, 7, 27), true},  // given back
		{NewDate(2020, 7, 7), true},   // substitute for Asarnha Bucha, Sun 5 July
		{NewDate(2023, 6, 5), true},   // one substitute for two holidays on Sat 3 June
		{NewDate(2023, 6, 6), false},
		{NewDate(2026, 6, 1), true},
		{NewDate(2026, 6, 2), false},
	} {
		if _, got := cal.Holiday(tt.d); got != tt.want {
			t.Errorf("Holiday(%s) = %v, want %v", tt.d, got, tt.want)
		}
	}
	for y := 2020; y <= 2026; y++ {
		if !cal.Covers(y) {
			t.Errorf("the shipped data does not cover %d", y)
		}
	}
	if cal.Covers(2031) {
		t.Error("the shipped data claims to cover 2031")
	}
}

func TestOperatorHolidays(t *testing.T) {
	t.Parallel()
	extra, err := ParseHolidays(strings.NewReader(`
# cabinet announcement for 2570
2027-02-20  วันมาฆบูชา | Makha Bucha Day
-2026-07-30  moved by the cabinet
`), "extra.txt")
	if err != nil {
		t.Fatal(err)
	}
	cal := NewCalendar(ShippedHolidays(), extra)
	if _, ok := cal.Holiday(NewDate(2027, 2, 20)); !ok || !cal.Covers(2027) {
		t.Error("the operator's holiday was not added")
	}
	// Makha Bucha 2027 is a Saturday: its substitute is Mon 22 February.
	if _, ok := cal.Holiday(NewDate(2027, 2, 22)); !ok {
		t.Error("the operator's weekend holiday has no substitute")
	}
	if _, ok := cal.Holiday(NewDate(2026, 7, 30)); ok {
		t.Error("the operator's removal did not take")
	}
}

func TestParseHolidaysErrors(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"30/05/2025 วันหยุด", "2025-13-01 x", "2025-05-30", "-tomorrow"} {
		_, err := ParseHolidays(strings.NewReader("# ok\n"+bad+"\n"), "h.txt")
		if err == nil || !strings.Contains(err.Error(), "h.txt line 2") {
			t.Errorf("%q: error %v does not name the file and line", bad, err)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	t.Parallel()
	d := NewDate(2024, 1, 31)
	if got := d.AddMonths(1); got != NewDate(2024, 2, 29) {
		t.Errorf("31 Jan 2024 + 1 month = %s", got)
	}
	if got := NewDate(2026, 3, 1).DaysUntil(NewDate(2026, 3, 31)); got != 30 {
		t.Errorf("DaysUntil = %d", got)
	}
	if got := DateOf(time.Date(2026, 1, 4, 18, 30, 0, 0, time.UTC)); got != NewDate(2026, 1, 5) {
		t.Errorf("18:30 UTC is %s in Bangkok, want 2026-01-05", got)
	}
	if NewDate(2020, 7, 1).BEYear() != 2563 {
		t.Error("BE year of 2020 is not 2563")
	}
	if _, err := ParseDate("2026-02-30"); err == nil {
		t.Error("2026-02-30 parsed")
	}
}
