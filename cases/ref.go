package cases

import (
	"fmt"
	"regexp"
	"strconv"
)

// Ref is a case reference, DSS-<Buddhist Era year>-<sequence>, written with
// at least four digits of sequence: DSS-2563-0001. Sequences are gapless
// within a year (see Store). The zero Ref is no case.
type Ref struct {
	Year int // Buddhist Era, e.g. 2563
	Seq  int // 1, 2, … within the year
}

var refPattern = regexp.MustCompile(`(?i)\bDSS-(\d{4})-(\d{4,6})\b`)

// ParseRef reads a reference written exactly as DSS-YYYY-NNNN (case-insensitive,
// surrounding spaces allowed).
func ParseRef(s string) (Ref, error) {
	m := refPattern.FindStringSubmatchIndex(s)
	if m == nil || !onlySpace(s[:m[0]]) || !onlySpace(s[m[1]:]) {
		return Ref{}, fmt.Errorf("cases: %q is not a case reference like DSS-2563-0001", s)
	}
	return refFromMatch(s, m), nil
}

// FindRef returns the first case reference written anywhere in s, such as
// the "[DSS-2563-0001]" of a subject line, and whether there was one.
func FindRef(s string) (Ref, bool) {
	m := refPattern.FindStringSubmatchIndex(s)
	if m == nil {
		return Ref{}, false
	}
	return refFromMatch(s, m), true
}

func refFromMatch(s string, m []int) Ref {
	y, _ := strconv.Atoi(s[m[2]:m[3]])
	n, _ := strconv.Atoi(s[m[4]:m[5]])
	return Ref{Year: y, Seq: n}
}

func onlySpace(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' {
			return false
		}
	}
	return true
}

// IsZero reports whether r is the zero Ref.
func (r Ref) IsZero() bool { return r == Ref{} }

// String returns the reference as DSS-2563-0001, or "" for the zero Ref.
func (r Ref) String() string {
	if r.IsZero() {
		return ""
	}
	return fmt.Sprintf("DSS-%04d-%04d", r.Year, r.Seq)
}

// Tag returns the reference as it stands in every subject line: [DSS-2563-0001].
func (r Ref) Tag() string { return "[" + r.String() + "]" }

// MarshalText writes the reference as DSS-2563-0001.
func (r Ref) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText reads a reference written as DSS-2563-0001; "" gives the zero Ref.
func (r *Ref) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*r = Ref{}
		return nil
	}
	v, err := ParseRef(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}
