package notices

// segCost orders segmentations: fewer characters outside any dictionary
// word first, then fewer words (maximal matching).
type segCost struct{ unknown, words int }

func (a segCost) less(b segCost) bool {
	if a.unknown != b.unknown {
		return a.unknown < b.unknown
	}
	return a.words < b.words
}

// Segment splits a run of Thai letters into words by maximal matching:
// among all ways to cut the run at cluster boundaries into dictionary words
// and unknown pieces, it picks one with the fewest characters in unknown
// pieces, then the fewest pieces; among those, the one whose first word is
// longest, then whose second is, and so on (as ICU's greedy matching
// would). Neighbouring unknown pieces are merged into one, so a name
// missing from the dictionary is never cut. It returns the inner word
// boundaries, sorted, each with 0 < i < len(run).
func (d *Dictionary) Segment(run []rune) []int {
	n := len(run)
	if n == 0 {
		return nil
	}
	// best[i] is the cost of the best segmentation of run[i:], whose
	// first piece ends at next[i] and is a dictionary word when known[i].
	best := make([]segCost, n+1)
	next := make([]int, n+1)
	known := make([]bool, n+1)
	reached := make([]bool, n+1)
	reached[n] = true

	for i := n - 1; i >= 0; i-- {
		if !clusterBoundary(run, i) {
			continue
		}
		consider := func(j int, c segCost, word bool) {
			// Visiting longer pieces last, ties go to the longer piece.
			if !reached[i] || c.less(best[i]) || !best[i].less(c) && j > next[i] {
				best[i], next[i], known[i], reached[i] = c, j, word, true
			}
		}
		// An unknown piece runs to the next cluster boundary.
		j := i + 1
		for j < n && !clusterBoundary(run, j) {
			j++
		}
		consider(j, segCost{best[j].unknown + j - i, best[j].words + 1}, false)
		d.prefixes(run, i, func(j int) {
			// A word takes the ฯ or ๆ written after it.
			for j < n && (run[j] == 0x0E2F || run[j] == 0x0E46) {
				j++
			}
			if reached[j] && clusterBoundary(run, j) {
				consider(j, segCost{best[j].unknown, best[j].words + 1}, true)
			}
		})
	}

	// Walk forward, keeping a boundary only where it does not sit between
	// two unknown pieces.
	var out []int
	for i := 0; next[i] < n; i = next[i] {
		j := next[i]
		if known[i] || known[j] {
			out = append(out, j)
		}
	}
	return out
}
