package notices

// Align is how the lines of a paragraph sit between its margins.
type Align int

// Alignments. AlignThaiDistributed spreads each line but the last over
// the whole width, sharing the extra space between character clusters (as
// Thai typesetting does, Word's "Thai Distributed"), not only at spaces.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
	AlignThaiDistributed
	// AlignJustify spreads each line but the last at its spaces only, as
	// English text is justified.
	AlignJustify
)

// maxClusterGap caps the extra space put between two clusters by Thai
// distributed justification, as a fraction of the font size: text
// extraction (poppler) reads a gap wider than 0.1 em as a space.
const maxClusterGap = 0.08

// maxSpaceGap caps the extra space Thai distributed justification puts in
// each space, in ems, once the clusters have taken their share. A line
// that would need more (a long unbreakable token, such as a 13-digit
// juristic ID, pushed to the next line) is set flush left instead of
// showing rivers of white.
const maxSpaceGap = 0.75

// line is a range of clusters set on one line, trailing spaces excluded.
type line struct {
	c0, c1 int
	width  float64 // natural width, points
	last   bool    // the paragraph's last line
}

// breakLines fills lines greedily: each line takes as many break-separated
// pieces as fit in width (the first line in width-indent); a piece wider
// than a whole line is cut between clusters.
func breakLines(s *shaped, d *Dictionary, width, indent float64) []line {
	n := len(s.clusters)
	if n == 0 {
		return nil
	}
	startsCluster := make(map[int]int, n)
	for i, c := range s.clusters {
		startsCluster[c.start] = i
	}
	var stops []int // cluster indices where a line may start
	for _, b := range d.Breaks(s.text) {
		if ci, ok := startsCluster[b]; ok {
			stops = append(stops, ci)
		}
	}
	stops = append(stops, n)
	// prefix[i] is the width of clusters [0, i).
	prefix := make([]float64, n+1)
	for i, c := range s.clusters {
		prefix[i+1] = prefix[i] + c.width
	}
	trim := func(a, b int) int { // drop trailing spaces of [a, b)
		for b > a && s.clusters[b-1].space {
			b--
		}
		return b
	}

	var lines []line
	start, avail := 0, width-indent
	emit := func(end int) {
		e := trim(start, end)
		lines = append(lines, line{c0: start, c1: e, width: prefix[e] - prefix[start]})
		start, avail = end, width
	}
	for k := 0; k < len(stops); {
		stop := stops[k]
		if stop <= start {
			k++
			continue
		}
		e := trim(start, stop)
		if prefix[e]-prefix[start] <= avail+1e-6 {
			k++
			continue
		}
		// stop does not fit: end the line at the previous stop, or cut.
		prev := start
		for j := k - 1; j >= 0 && stops[j] > start; j-- {
			if w := prefix[trim(start, stops[j])] - prefix[start]; w <= avail+1e-6 {
				prev = stops[j]
				break
			}
		}
		if prev == start {
			prev = start + 1
			for prev < stop && prefix[prev+1]-prefix[start] <= avail+1e-6 {
				prev++
			}
		}
		emit(prev)
	}
	if start < n || len(lines) == 0 {
		emit(n)
	}
	lines[len(lines)-1].last = true
	return lines
}

// gaps returns the extra space to add after each cluster of l (indexed
// from l.c0) and the x offset of the line for the alignment.
func (l line) gaps(s *shaped, width float64, align Align) (offset float64, extra []float64) {
	slack := width - l.width
	if slack <= 0 {
		return 0, nil
	}
	switch align {
	case AlignCenter:
		return slack / 2, nil
	case AlignRight:
		return slack, nil
	case AlignThaiDistributed:
		if l.last || l.c1-l.c0 < 2 {
			return 0, nil
		}
	case AlignJustify:
		if l.last {
			return 0, nil
		}
		return 0, spaceGaps(s, l, slack)
	default:
		return 0, nil
	}
	n := l.c1 - l.c0
	extra = make([]float64, n)
	each := min(slack/float64(n-1), maxClusterGap*s.size)
	spaces := 0
	for i := l.c0; i < l.c1-1; i++ {
		extra[i-l.c0] = each
		if s.clusters[i].space {
			spaces++
		}
	}
	// What the cap held back goes to the spaces; when that would open
	// them wider than maxSpaceGap, the line is set flush left instead.
	rest := slack - each*float64(n-1)
	if rest > 1e-6 && (spaces == 0 || rest/float64(spaces) > maxSpaceGap*s.size) {
		return 0, nil
	}
	if rest > 1e-6 {
		for i, e := range spaceGaps(s, l, rest) {
			extra[i] += e
		}
	}
	return 0, extra
}

// spaceGaps shares slack between the spaces inside l; nil when it has none.
func spaceGaps(s *shaped, l line, slack float64) []float64 {
	spaces := 0
	for i := l.c0; i < l.c1-1; i++ {
		if s.clusters[i].space {
			spaces++
		}
	}
	if spaces == 0 {
		return nil
	}
	extra := make([]float64, l.c1-l.c0)
	for i := l.c0; i < l.c1-1; i++ {
		if s.clusters[i].space {
			extra[i-l.c0] = slack / float64(spaces)
		}
	}
	return extra
}
