package notices

import "strconv"

// lineHeight is the distance between baselines in ems. Sarabun stacks a
// tone mark over an upper vowel up to 1.25 em above the baseline and a
// lower vowel down to 0.33 em below it, so 1.6 em keeps lines apart.
const lineHeight = 1.6

// ascentEm is where the baseline sits below the top of a line, in ems.
const ascentEm = 1.15

// pageSetup is the geometry of the pages of a document, in points.
type pageSetup struct {
	left, right, top, bottom float64 // margins
	size                     float64 // body font size
	// numberFrom is the first page that shows its number centred in the
	// top margin as "‐ n ‐" (U+2010); zero means no page numbers.
	numberFrom int
	thaiDigits bool // page numbers in Thai digits
}

func (ps pageSetup) width() float64 { return A4Width - ps.left - ps.right }

// paraStyle says how flow.paragraph sets a paragraph.
type paraStyle struct {
	align  Align
	indent float64 // extra indent of the first line, points
	left   float64 // indent of every line from the left margin, points
	right  float64 // indent of every line from the right margin, points
	size   float64 // font size; zero means the page's body size
	// keep is the height of what must follow the paragraph on the same
	// page: its last two lines move to the next page with it if need be.
	keep float64
}

// flow places paragraphs down the pages, starting a new page when the
// next line does not fit. y is the distance from the top of the page to
// the top of the next line.
type flow struct {
	doc   *pdfDoc
	fonts Fonts
	dict  *Dictionary
	ps    pageSetup
	page  *pdfPage
	pages int
	y     float64
}

func newFlow(doc *pdfDoc, fonts Fonts, dict *Dictionary, ps pageSetup) (*flow, error) {
	f := &flow{doc: doc, fonts: fonts, dict: dict, ps: ps}
	return f, f.newPage()
}

func (f *flow) newPage() error {
	f.page = f.doc.newPage()
	f.pages++
	f.y = f.ps.top
	if f.ps.numberFrom > 0 && f.pages >= f.ps.numberFrom {
		// U+2010 HYPHEN, not U+002D: poppler's text extraction takes a
		// line ending in U+002D for a hyphenated word and joins it.
		label := "\u2010 " + Digits(strconv.Itoa(f.pages), f.ps.thaiDigits) + " \u2010"
		s, err := shapeParagraph(f.fonts, Plain(label), f.ps.size)
		if err != nil {
			return err
		}
		// Spaces a quarter em wider than the font's: poppler's text
		// extraction drops a plain space between one-letter words.
		ls := breakLines(s, f.dict, A4Width, 0)
		extra := make([]float64, len(s.clusters))
		for i, c := range s.clusters {
			if c.space {
				extra[i] = s.size / 4
				ls[0].width += s.size / 4
			}
		}
		off, _ := ls[0].gaps(s, A4Width, AlignCenter)
		f.page.drawLine(f.doc, s, ls[0], off, A4Height-f.ps.top/2-s.size*0.4, extra)
	}
	return nil
}

// room reports how much height is left on the page below y.
func (f *flow) room() float64 { return A4Height - f.ps.bottom - f.y }

// need starts a new page unless h points fit below the current position.
func (f *flow) need(h float64) error {
	if h <= f.room()+1e-6 || f.y <= f.ps.top+1e-6 {
		return nil
	}
	return f.newPage()
}

// space moves down by h points (not past the bottom margin).
func (f *flow) space(h float64) {
	f.y = min(f.y+h, A4Height-f.ps.bottom)
}

// lead is the height of one line at a size.
func lead(size float64) float64 { return size * lineHeight }

// paragraph sets p with style st from the current position, breaking
// pages between lines.
func (f *flow) paragraph(p Paragraph, st paraStyle) error {
	size := st.size
	if size == 0 {
		size = f.ps.size
	}
	s, err := shapeParagraph(f.fonts, p, size)
	if err != nil {
		return err
	}
	width := f.ps.width() - st.left - st.right
	lines := breakLines(s, f.dict, width, st.indent)
	for i, l := range lines {
		h := lead(size)
		if st.keep > 0 && i == max(0, len(lines)-2) {
			h = lead(size)*float64(len(lines)-i) + st.keep
		}
		if err := f.need(h); err != nil {
			return err
		}
		x, w := f.ps.left+st.left, width
		if i == 0 {
			x, w = x+st.indent, w-st.indent
		}
		off, extra := l.gaps(s, w, st.align)
		f.page.drawLine(f.doc, s, l, x+off, A4Height-f.y-size*ascentEm, extra)
		f.y += lead(size)
	}
	return nil
}

// measure returns the natural width of a one-line text, in points.
func (f *flow) measure(p Paragraph, size float64) (float64, error) {
	s, err := shapeParagraph(f.fonts, p, size)
	if err != nil {
		return 0, err
	}
	w := 0.0
	for _, c := range s.clusters {
		w += c.width
	}
	return w, nil
}

// Digits returns s with ASCII digits replaced by Thai digits (๐–๙) when
// thai is true, else s unchanged.
func Digits(s string, thai bool) string {
	if !thai {
		return s
	}
	out := []rune(s)
	for i, r := range out {
		if r >= '0' && r <= '9' {
			out[i] = '๐' + (r - '0')
		}
	}
	return string(out)
}
