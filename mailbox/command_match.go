package mailbox

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cleanText makes a reply's text readable line by line: CRLF and CR become
// LF; NBSP, tabs and other spaces become plain spaces; zero-width
// characters, bidi marks and soft hyphens go; Thai NIKHAHIT + SARA AA, as
// some keyboards type SARA AM, becomes SARA AM; the rest is NFC.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = norm.NFC.String(s)
	s = strings.ReplaceAll(s, "\u0e4d\u0e32", "\u0e33")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case isInvisible(r), r == utf8.RuneError:
			return -1
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// isInvisible reports format characters that change nothing a reader sees.
func isInvisible(r rune) bool {
	switch r {
	case '\u00ad', '\u180e', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f',
		'\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\ufeff':
		return true
	}
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// foldRune is how command words compare: letters in upper case, full-width
// forms as ASCII, Thai digits as ASCII digits.
func foldRune(r rune) rune {
	switch {
	case r >= '๐' && r <= '๙':
		return '0' + r - '๐'
	case r >= 0xff01 && r <= 0xff5e:
		r -= 0xfee0
	}
	return unicode.ToUpper(r)
}

func isThai(r rune) bool { return r >= 0x0e00 && r <= 0x0e7f }

// isThaiMark reports Thai vowel and tone marks written above or below a
// consonant: a word cannot end just before one.
func isThaiMark(r rune) bool {
	return r == 0x0e31 || r >= 0x0e34 && r <= 0x0e3a || r >= 0x0e47 && r <= 0x0e4e
}

// isWordSep separates the words of an English command: IN SCOPE, IN-SCOPE,
// IN_SCOPE.
func isWordSep(r rune) bool { return r == ' ' || r == '-' || r == '_' }

// phrase is one spelling of a command word, or a keyword, compiled for
// matching at the start of a text.
type phrase struct {
	words [][]rune // folded; English words must be separated in the text
	thai  bool     // Thai: spaces anywhere are optional, no word boundary
}

func newPhrase(s string) phrase {
	var p phrase
	for _, w := range strings.Fields(s) {
		var rs []rune
		for _, r := range w {
			rs = append(rs, foldRune(r))
			p.thai = p.thai || isThai(r)
		}
		p.words = append(p.words, rs)
	}
	return p
}

func phrases(list ...string) []phrase {
	out := make([]phrase, len(list))
	for i, s := range list {
		out[i] = newPhrase(s)
	}
	return out
}

// match returns the number of bytes of s the phrase covers from its start,
// or -1. An English phrase must end at a word boundary (not before another
// letter); a Thai one must not end before a vowel or tone mark.
func (p phrase) match(s string) int {
	i := 0
	for wi, w := range p.words {
		if wi > 0 {
			j := skipRunes(s, i, func(r rune) bool { return isWordSep(r) })
			if j == i && !p.thai {
				return -1
			}
			i = j
		}
		for k, want := range w {
			if p.thai && (wi > 0 || k > 0) {
				i = skipRunes(s, i, func(r rune) bool { return r == ' ' })
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if n == 0 || foldRune(r) != want {
				return -1
			}
			i += n
		}
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	if p.thai && isThaiMark(r) || !p.thai && unicode.IsLetter(r) && !isThai(r) {
		return -1
	}
	return i
}

// skipRunes returns the index of the first rune at or after i that is not
// skipped.
func skipRunes(s string, i int, skip func(rune) bool) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !skip(r) {
			break
		}
		i += n
	}
	return i
}

// longest returns the length of the longest of the phrases at the start of
// s, and its index; -1, -1 when none matches.
func longest(s string, ps []phrase) (n, which int) {
	n, which = -1, -1
	for i, p := range ps {
		if m := p.match(s); m > n {
			n, which = m, i
		}
	}
	return n, which
}

// wordPhrase is one spelling of a command.
type wordPhrase struct {
	spec *commandSpec
	lang string
}

var (
	commandPhrases []phrase
	commandOwners  []wordPhrase
)

func init() {
	for i := range commandTable {
		s := &commandTable[i]
		for _, w := range append([]string{s.word, s.thai}, s.aliases...) {
			p := newPhrase(w)
			lang := "en"
			if p.thai {
				lang = "th"
			}
			commandPhrases = append(commandPhrases, p)
			commandOwners = append(commandOwners, wordPhrase{s, lang})
		}
	}
}

// emphasis marks officers or their clients put around a word: *APPROVE*.
const emphasis = "*_~\"'`“”‘’«»•·"

// matchCommand finds the command word at the start of line. It returns the
// command, the language of the word, and the index in line where the word
// ends; nil when the line does not start with a command.
func matchCommand(line string) (*commandSpec, string, int) {
	start := skipRunes(line, 0, func(r rune) bool {
		return r == ' ' || strings.ContainsRune(emphasis, r)
	})
	n, which := longest(line[start:], commandPhrases)
	if which < 0 {
		return nil, "", 0
	}
	w := commandOwners[which]
	return w.spec, w.lang, start + n
}

var greetings = phrases("HI", "HELLO", "DEAR", "GOOD MORNING", "GOOD AFTERNOON",
	"เรียน", "สวัสดี")

// isGreeting reports a short salutation line such as "Dear team," or
// "เรียน เจ้าหน้าที่".
func isGreeting(line string) bool {
	line = strings.TrimSpace(line)
	n, _ := longest(line, greetings)
	return n > 0 && utf8.RuneCountInString(line) <= 60
}
