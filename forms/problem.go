package forms

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Problem is one thing wrong with a submitted form, ready to be put in front
// of the person who sent it.
type Problem struct {
	Key   string // field (or table column) key; "" for the form as a whole
	Table string // table key when the problem is in a table, else ""
	Row   int    // row within the table, counted from 1; 0 outside tables
	Label Label  // the field's labels, naming it for people
	Got   string // the value as written (cut to 80 characters); "" if blank
	Wrong Label  // what is wrong
	Want  Label  // what a valid value looks like
}

// Where names the field for people: "ชื่อหน่วยงาน / Organisation name
// (org_name)", with the table row when there is one.
func (p Problem) Where() string {
	s := p.Label.String()
	if p.Key != "" {
		s += " (" + p.Key + ")"
	}
	if p.Table != "" && p.Row > 0 {
		s = fmt.Sprintf("%s, แถว/row %d: %s", p.Table, p.Row, s)
	}
	return s
}

// String returns the problem on one line, Thai first, then English.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Where())
	b.WriteString(": ")
	if p.Got != "" {
		fmt.Fprintf(&b, "%q: ", p.Got)
	}
	fmt.Fprintf(&b, "%s / %s", p.Wrong.TH, p.Wrong.EN)
	if p.Want.TH != "" || p.Want.EN != "" {
		fmt.Fprintf(&b, " — ควรเป็น %s / expected %s", p.Want.TH, p.Want.EN)
	}
	return b.String()
}

// Problems is every problem found in one form. It is the error Parse returns
// when a form was read but is not valid; errors.Is(err, ErrInvalid) holds,
// and errors.As gives the list to range over.
type Problems []Problem

// Error lists the problems on one line each, after a count.
func (ps Problems) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "forms: %d problem(s)", len(ps))
	for _, p := range ps {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// Is makes errors.Is(err, ErrInvalid) true for Problems.
func (ps Problems) Is(target error) bool { return target == ErrInvalid }

// Text returns the problems as a numbered list for people, in Thai and in
// English, one problem per paragraph: the body of a reply to the sender and
// what `sandboxbot forms parse` prints.
func (ps Problems) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "พบปัญหา %d รายการ / %d problem(s) found\n", len(ps), len(ps))
	for i, p := range ps {
		fmt.Fprintf(&b, "\n%d. %s\n", i+1, p.Where())
		if p.Got != "" {
			fmt.Fprintf(&b, "   ที่กรอก / written: %q\n", p.Got)
		}
		fmt.Fprintf(&b, "   %s\n   %s\n", p.Wrong.TH, p.Wrong.EN)
		if p.Want.TH != "" {
			fmt.Fprintf(&b, "   ควรเป็น: %s\n   expected: %s\n", p.Want.TH, p.Want.EN)
		}
	}
	return b.String()
}

// cut shortens s to n characters, marking the cut with "…".
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
