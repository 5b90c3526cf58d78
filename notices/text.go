package notices

import (
	"fmt"
	"unicode"
)

// Span is a piece of text in one weight. Text is plain Unicode; control
// characters (including newlines) are set as spaces.
type Span struct {
	Text string
	Bold bool
}

// Paragraph is text set as one block: it starts on a new line and breaks
// into lines where [Dictionary.Breaks] allows. The zero value is empty.
type Paragraph struct {
	Spans []Span
}

// Plain returns a paragraph of regular text.
func Plain(text string) Paragraph { return Paragraph{Spans: []Span{{Text: text}}} }

// Bold returns a paragraph of bold text.
func Bold(text string) Paragraph { return Paragraph{Spans: []Span{{Text: text, Bold: true}}} }

// String returns the paragraph's text, spans joined.
func (p Paragraph) String() string {
	s := ""
	for _, sp := range p.Spans {
		s += sp.Text
	}
	return s
}

// placedGlyph is a shaped glyph scaled to points.
type placedGlyph struct {
	id      uint16
	adv     float64
	dx, dy  float64
	cluster int // index in shaped.clusters
}

// cluster is a run of characters shaped as an indivisible group of glyphs
// (a consonant with its vowels and tone marks, a Latin letter, a space).
type cluster struct {
	start, end int // runes of shaped.text
	g0, g1     int // glyphs of shaped.glyphs
	face       *Face
	width      float64 // sum of the glyphs' advances, points
	space      bool
}

// shaped is a paragraph shaped at one size.
type shaped struct {
	text     []rune
	glyphs   []placedGlyph
	clusters []cluster
	size     float64
}

// shapeParagraph shapes each span in its face and groups the glyphs into
// clusters. It fails with ErrMissingGlyph when a character has no glyph.
func shapeParagraph(fonts Fonts, p Paragraph, size float64) (*shaped, error) {
	s := &shaped{size: size}
	for _, sp := range p.Spans {
		face := fonts.Face(sp.Bold)
		scale := size / float64(face.upem)
		base := len(s.text)
		for _, r := range sp.Text {
			if unicode.IsControl(r) {
				r = ' '
			}
			s.text = append(s.text, r)
		}
		text := s.text[base:]
		for _, run := range SplitScripts(text) {
			gs := face.ShapeRun(text, run.Start, run.End, run.Script)
			if err := s.addRun(face, gs, base, base+run.End, scale); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

// addRun appends one shaped run; runEnd is the rune index the run ends at.
func (s *shaped) addRun(face *Face, gs []Glyph, base, runEnd int, scale float64) error {
	for i, g := range gs {
		start := base + g.Cluster
		if g.ID == 0 {
			return fmt.Errorf("notices: shaping %q in %s: %w", string(s.text[start]),
				face.Name, ErrMissingGlyph)
		}
		if i == 0 || gs[i-1].Cluster != g.Cluster {
			if n := len(s.clusters); n > 0 {
				s.clusters[n-1].end = start
			}
			s.clusters = append(s.clusters, cluster{start: start, g0: len(s.glyphs),
				face: face, space: unicode.IsSpace(s.text[start])})
		}
		c := &s.clusters[len(s.clusters)-1]
		adv := float64(g.XAdvance) * scale
		s.glyphs = append(s.glyphs, placedGlyph{id: g.ID, adv: adv,
			dx: float64(g.XOffset) * scale, dy: float64(g.YOffset) * scale,
			cluster: len(s.clusters) - 1})
		c.g1 = len(s.glyphs)
		c.width += adv
	}
	if n := len(s.clusters); n > 0 {
		s.clusters[n-1].end = runEnd
	}
	return nil
}

// clusterText returns the characters of cluster i.
func (s *shaped) clusterText(i int) string {
	c := s.clusters[i]
	return string(s.text[c.start:c.end])
}
