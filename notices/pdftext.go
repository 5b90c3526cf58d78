package notices

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
)

// num formats a length for a content stream: at most 3 decimals.
func num(v float64) string {
	v = math.Round(v*1000) / 1000
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// textEmitter writes the glyphs of one line into a content stream. It
// keeps track of where the viewer's text position is, so that every glyph
// lands at its shaped position: a TJ number moves to the glyph's offset,
// the glyph advances by its W width, and the next number brings the pen
// back to the shaped advance. Text rise (Ts) carries vertical offsets.
type textEmitter struct {
	b    *bytes.Buffer
	doc  *pdfDoc
	font *pdfFont
	size float64
	cur  float64 // viewer's text x, points
	rise float64
	tj   bytes.Buffer // pending TJ array content
}

func (e *textEmitter) flush() {
	if e.tj.Len() == 0 {
		return
	}
	fmt.Fprintf(e.b, "[%s] TJ\n", e.tj.Bytes())
	e.tj.Reset()
}

// moveTo adds a TJ number that moves the text position to x.
func (e *textEmitter) moveTo(x float64) {
	k := math.Round(-(x-e.cur)*1000/e.size*100) / 100
	if k == 0 {
		return
	}
	fmt.Fprintf(&e.tj, "%s ", strconv.FormatFloat(k, 'f', -1, 64))
	e.cur -= k * e.size / 1000
}

func (e *textEmitter) setRise(r float64) {
	if math.Abs(r-e.rise) < 1e-4 {
		return
	}
	e.flush()
	fmt.Fprintf(e.b, "%s Ts\n", num(r))
	e.rise = r
}

func (e *textEmitter) glyph(gid uint16) {
	fmt.Fprintf(&e.tj, "<%04X> ", gid)
	e.font.used[gid] = true
	e.cur += e.font.width1000(gid) * e.size / 1000
}

// drawLine sets clusters l.c0..l.c1 of s with the pen starting at (x, y),
// y being the baseline in PDF user space; extra[i] is added after cluster
// l.c0+i (may be nil).
func (p *pdfPage) drawLine(d *pdfDoc, s *shaped, l line, x, y float64, extra []float64) {
	if l.c1 <= l.c0 {
		return
	}
	p.lines = append(p.lines, drawnLine{x: x, y: y,
		text: string(s.text[s.clusters[l.c0].start:s.clusters[l.c1-1].end])})
	e := &textEmitter{b: &p.content, doc: d, size: s.size, cur: x}
	fmt.Fprintf(e.b, "BT\n1 0 0 1 %s %s Tm\n", num(x), num(y))
	pen := x
	for ci := l.c0; ci < l.c1; ci++ {
		c := s.clusters[ci]
		if pf := d.font(c.face); pf != e.font {
			e.flush()
			e.font = pf
			fmt.Fprintf(e.b, "/%s %s Tf\n", pf.res, num(s.size))
		}
		end := pen + c.width
		if extra != nil {
			end += extra[ci-l.c0]
		}
		e.cluster(s, ci, pen, end)
		pen = end
	}
	e.flush()
	e.setRise(0)
	e.flush()
	e.b.WriteString("ET\n")
}

// cluster draws one cluster from pen to end. A cluster of several glyphs,
// or one whose glyph already stands for other text in ToUnicode, is wrapped
// in a marked-content span whose ActualText is the cluster's text (ISO
// 32000-1 §14.9.4). Poppler measures such a span from the origin of its
// first glyph to the end of the last glyph's advance, so marks drawn after
// the last advancing glyph (a tone mark over ป sits left of the cluster's
// end) go in a second span with an empty ActualText: the first span then
// ends exactly where the cluster does, and the marks add no text.
func (e *textEmitter) cluster(s *shaped, ci int, pen, end float64) {
	c := s.clusters[ci]
	text := s.clusterText(ci)
	glyphs := s.glyphs[c.g0:c.g1]
	if len(glyphs) == 1 && e.font.mapsTo(glyphs[0].id, text) {
		g := glyphs[0]
		e.setRise(g.dy)
		e.moveTo(pen + g.dx)
		e.glyph(g.id)
		return
	}
	if len(glyphs) > 1 {
		e.mapNominal(s, c)
	}
	head := len(glyphs)
	for head > 1 && e.font.width1000(glyphs[head-1].id) == 0 {
		head--
	}
	e.span(text)
	for i, g := range glyphs {
		if i == head {
			e.endSpan()
			e.span("")
		}
		e.setRise(g.dy)
		e.moveTo(pen + g.dx)
		e.glyph(g.id)
		pen += g.adv
	}
	e.moveTo(end)
	e.endSpan()
}

func (e *textEmitter) span(text string) {
	e.flush()
	fmt.Fprintf(e.b, "/Span <</ActualText <FEFF%s>>> BDC\n", utf16Hex(text))
}

func (e *textEmitter) endSpan() {
	e.flush()
	e.b.WriteString("EMC\n")
}

// mapNominal gives the glyphs of a multi-glyph cluster a ToUnicode entry
// when each is the plain glyph of the matching character (a consonant and
// its marks), for viewers that ignore ActualText.
func (e *textEmitter) mapNominal(s *shaped, c cluster) {
	runes := s.text[c.start:c.end]
	if len(runes) != c.g1-c.g0 {
		return
	}
	for i, g := range s.glyphs[c.g0:c.g1] {
		if nominal, ok := c.face.GlyphFor(runes[i]); !ok || nominal != g.id {
			return
		}
	}
	for i, g := range s.glyphs[c.g0:c.g1] {
		e.font.mapsTo(g.id, string(runes[i]))
	}
}
