package notices

import "unicode"

// Thai characters that constrain breaks (Unicode block U+0E00–U+0E7F).
func isThaiMark(r rune) bool {
	return r == 0x0E31 || (r >= 0x0E34 && r <= 0x0E3A) || (r >= 0x0E47 && r <= 0x0E4E)
}

// isThaiFollowing reports the vowels and signs written after the consonant
// they belong to (ะ า ำ ๅ), the repetition mark ๆ and the abbreviation
// mark ฯ: never break before them.
func isThaiFollowing(r rune) bool {
	return r == 0x0E30 || r == 0x0E32 || r == 0x0E33 || r == 0x0E45 || r == 0x0E46 ||
		r == 0x0E2F
}

// isThaiLeading reports the leading vowels เ แ โ ใ ไ, written before the
// consonant they follow in speech: never break after.
func isThaiLeading(r rune) bool { return r >= 0x0E40 && r <= 0x0E44 }

// isThaiLetter reports the characters a Thai word is made of: consonants,
// vowels, tone marks and signs, but not Thai digits or ๏ ๚ ๛.
func isThaiLetter(r rune) bool { return r >= 0x0E01 && r <= 0x0E4E }

// clusterBoundary reports whether a break between text[i-1] and text[i]
// keeps every character cluster whole: no mark or following vowel starts
// a piece, and no leading vowel ends one.
func clusterBoundary(text []rune, i int) bool {
	if i <= 0 || i >= len(text) {
		return true
	}
	return !isThaiMark(text[i]) && !isThaiFollowing(text[i]) && !isThaiLeading(text[i-1])
}

// Breaks returns the positions where a line may be broken in text: each is
// an index i with 0 < i < len(text), meaning the break falls before
// text[i]; they are sorted and distinct. A break may follow a run of
// spaces (not a hyphen: text extraction joins a line ending in one with the
// next, dropping it); may fall between two Thai words, as segmented with the
// dictionary; and may fall between Thai and another script where both
// sides are letters or digits. No break ever falls inside a character
// cluster or after a leading vowel. A nil dictionary means
// [DefaultDictionary].
func (d *Dictionary) Breaks(text []rune) []int {
	if d == nil {
		d = DefaultDictionary()
	}
	var out []int
	for i := 1; i < len(text); i++ {
		prev, cur := text[i-1], text[i]
		switch {
		case unicode.IsSpace(prev) && !unicode.IsSpace(cur) && !isThaiFollowing(cur) &&
			!isThaiMark(cur):
			out = append(out, i)
		case isThaiLetter(cur) && (i == 0 || !isThaiLetter(prev)) ||
			!isThaiLetter(cur) && isThaiLetter(prev):
			// A script edge: breakable between letters and digits only.
			if isWordRune(prev) && isWordRune(cur) && clusterBoundary(text, i) {
				out = append(out, i)
			}
		}
	}
	// Add the word boundaries inside each run of Thai letters.
	for start := 0; start < len(text); {
		if !isThaiLetter(text[start]) {
			start++
			continue
		}
		end := start
		for end < len(text) && isThaiLetter(text[end]) {
			end++
		}
		for _, b := range d.Segment(text[start:end]) {
			out = append(out, start+b)
		}
		start = end
	}
	return sortedUnique(out)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func sortedUnique(xs []int) []int {
	if len(xs) < 2 {
		return xs
	}
	// Insertion sort: the two passes above each give sorted lists.
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j-1] > xs[j]; j-- {
			xs[j-1], xs[j] = xs[j], xs[j-1]
		}
	}
	out := xs[:1]
	for _, x := range xs[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}
