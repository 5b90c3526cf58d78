package forms

import (
	"strings"
	"unicode"
)

// invalid is what a value reader says is wrong with a value, in Thai and
// English. It becomes the Wrong part of a Problem.
type invalid Label

func (e invalid) Error() string { return e.EN }

// spaceLike are characters that people and tools put where a space is meant.
var spaceLike = strings.NewReplacer(
	"\u00a0", " ", "\u2007", " ", "\u202f", " ", "\u3000", " ", "\t", " ",
	"\u200b", "", "\u200c", "", "\u200d", "", "\ufeff", "",
	"\r\n", "\n", "\r", "\n",
)

// clean trims a value as written: surrounding spaces (including no-break
// and zero-width ones) go, line ends become \n, control characters go.
func clean(s string) string {
	s = spaceLike.Replace(s)
	s = strings.Map(func(r rune) rune {
		if r != '\n' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// thaiDigits maps the Thai digits ๐–๙ to 0–9.
var thaiDigits = strings.NewReplacer(
	"๐", "0", "๑", "1", "๒", "2", "๓", "3", "๔", "4",
	"๕", "5", "๖", "6", "๗", "7", "๘", "8", "๙", "9",
)

// asciiDigits cleans s and writes its Thai digits as ASCII digits.
func asciiDigits(s string) string { return thaiDigits.Replace(clean(s)) }

// dashes maps the dashes and minus signs people paste to '-'.
var dashes = strings.NewReplacer("\u2010", "-", "\u2011", "-", "\u2012", "-",
	"\u2013", "-", "\u2014", "-", "\u2212", "-", "\uff0d", "-")

// fold reduces a word for loose comparison: lower case, no spaces, dashes,
// underscores or dots ("Digital ID" and "digital-id" both become digitalid).
func fold(s string) string {
	s = strings.ToLower(clean(s))
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_', '.', '\n':
			return -1
		}
		return r
	}, dashes.Replace(s))
}

// onlyDigits reports whether s is one or more ASCII digits.
func onlyDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
