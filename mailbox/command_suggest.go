package mailbox

import (
	"strings"
	"unicode/utf8"
)

// suggest returns the command whose word is nearest the start of an unknown
// line (APROVE ROUND 2 → APPROVE ROUND), and the language of that word; nil
// when none is near. Near is an edit distance of at most one in four
// letters, counted on the folded word and as many letters of the line.
func suggest(line string) (*commandSpec, string) {
	folded := foldString(line)
	best, bestDist := -1, 0
	for i, p := range commandPhrases {
		want := p.folded()
		n := utf8.RuneCountInString(want)
		got := prefixRunes(folded, n)
		if p.thai {
			got = prefixRunes(strings.ReplaceAll(folded, " ", ""), n)
		}
		d := editDistance(want, got)
		if limit := max(1, n/4); d <= limit && (best < 0 || d < bestDist) {
			best, bestDist = i, d
		}
	}
	if best < 0 {
		return nil, ""
	}
	o := commandOwners[best]
	return o.spec, o.lang
}

// folded returns the phrase as folded text, words joined by spaces (none
// in Thai).
func (p phrase) folded() string {
	var b strings.Builder
	for i, w := range p.words {
		if i > 0 && !p.thai {
			b.WriteByte(' ')
		}
		b.WriteString(string(w))
	}
	return b.String()
}

// foldString folds s as command words compare, with word separators as
// single spaces.
func foldString(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		if isWordSep(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func prefixRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
