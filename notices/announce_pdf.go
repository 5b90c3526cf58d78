package notices

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The PDF announcement: A4 portrait, margins of 2 cm, the title centred,
// then the table with a rule around every cell and its header repeated at
// the top of each page; a row is never split across pages. Text is set
// with the letters' layer (shaping, Thai line breaking, embedded Sarabun,
// ActualText), so that text extraction gives the Thai back.

// Sizes of the PDF announcement, in points.
var (
	announceSize      = 14.0
	announceTitleSize = 16.0
	cellSize          = 13.0
	cellPadX          = 4.0
	cellPadY          = 3.0
	ruleWidth         = 0.5
)

// announceWidths are the columns' shares of the text width: number,
// organisation, solution, date approved, testing status.
var announceWidths = []float64{0.10, 0.28, 0.22, 0.18, 0.22}

func (a announcement) writePDF(w io.Writer) error {
	doc, err := a.layoutPDF()
	if err != nil {
		return err
	}
	return doc.writeTo(w)
}

// layoutPDF sets the announcement on pages without writing it.
func (a announcement) layoutPDF() (*pdfDoc, error) {
	o, err := LetterOptions{Fonts: a.opt.Fonts, Dictionary: a.opt.Dictionary,
		Size: announceSize, ThaiDigits: a.opt.ThaiDigits}.resolve()
	if err != nil {
		return nil, err
	}
	doc, err := newPDFDoc(announceTitle.th)
	if err != nil {
		return nil, err
	}
	ps := pageSetup{left: Cm(2), right: Cm(2), top: Cm(2), bottom: Cm(2), size: announceSize,
		numberFrom: 2, thaiDigits: a.opt.ThaiDigits}
	f, err := newFlow(doc, o.Fonts, o.Dictionary, ps)
	if err != nil {
		return nil, err
	}
	t := &pdfTable{f: f, fonts: o.Fonts, dict: o.Dictionary, digits: a.opt.ThaiDigits}
	if err := a.pdfTitle(t); err != nil {
		return nil, err
	}
	if len(a.rows) == 0 {
		return doc, f.paragraph(Plain(announceNone.both()), paraStyle{})
	}
	if err := t.setHeader(); err != nil {
		return nil, err
	}
	for i, p := range a.rows {
		if err := t.row(t.bodyCells(i+1, p), false); err != nil {
			return nil, err
		}
	}
	return doc, nil
}

// pdfTitle sets the title block: the title in Thai and English, the agency
// and the sandbox, and the day the table is as of.
func (a announcement) pdfTitle(t *pdfTable) error {
	f := t.f
	centre := paraStyle{align: AlignCenter, size: announceTitleSize}
	for _, line := range []string{announceTitle.th, announceTitle.en} {
		if err := f.paragraph(Bold(t.printable(line)), centre); err != nil {
			return err
		}
	}
	centre.size = announceSize
	ag := a.opt.Agency
	asOf := announceAsOf.th + " " + FormatDate(a.at, Thai, t.digits) + " / " +
		announceAsOf.en + " " + FormatDate(a.at, English, false)
	for _, line := range []string{ag.NameTH + " " + announceSandbox.th,
		ag.NameEN + ", " + announceSandbox.en, asOf} {
		if err := f.paragraph(Plain(t.printable(line)), centre); err != nil {
			return err
		}
	}
	f.space(lead(announceSize) * 0.5)
	return nil
}

// pdfTable lays out the rows of a table down the pages of a flow.
type pdfTable struct {
	f      *flow
	fonts  Fonts
	dict   *Dictionary
	digits bool
	header []cellText
}

// cellText is the paragraphs of one cell.
type cellText []Paragraph

// setCell is a cell shaped and broken into lines at its column's width.
type setCell struct {
	paras []*shaped
	lines [][]line
	n     int // lines in all
}

func (t *pdfTable) setHeader() error {
	for _, c := range announcementColumns {
		t.header = append(t.header, cellText{Bold(c.title.th), Bold(c.title.en)})
	}
	return t.row(t.header, true)
}

// bodyCells are the cells of participant number n.
func (t *pdfTable) bodyCells(n int, p participant) []cellText {
	org := cellText{Plain(t.printable(p.org))}
	if p.orgEN != "" {
		org = append(org, Plain(t.printable(p.orgEN)))
	}
	var date cellText
	if !p.approved.IsZero() {
		date = cellText{Plain(FormatDate(p.approved, Thai, t.digits)),
			Plain(FormatDate(p.approved, English, false))}
	}
	return []cellText{{Plain(Digits(strconv.Itoa(n), t.digits))}, org,
		{Plain(t.printable(p.solution))}, date,
		{Plain(p.status.th), Plain(p.status.en)}}
}

// printable replaces the characters the regular face has no glyph for
// with "?", so that an applicant's odd character never stops the table.
func (t *pdfTable) printable(s string) string {
	var b strings.Builder
	for _, r := range s {
		if _, ok := t.fonts.Regular.GlyphFor(r); !ok && r >= ' ' {
			r = '?'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// columns returns each column's left edge and width, from the left margin.
func (t *pdfTable) columns() ([]float64, []float64) {
	total := t.f.ps.width()
	xs, ws := make([]float64, len(announceWidths)), make([]float64, len(announceWidths))
	x := 0.0
	for i, share := range announceWidths {
		xs[i], ws[i] = x, total*share
		x += ws[i]
	}
	return xs, ws
}

// row sets one row: a new page (with the header again, unless the row is
// the header) when it does not fit, then each cell's lines and the rules
// around the cells.
func (t *pdfTable) row(cells []cellText, header bool) error {
	xs, ws := t.columns()
	set := make([]setCell, len(cells))
	n := 1
	for i, c := range cells {
		var err error
		if set[i], err = t.layCell(c, ws[i]-2*cellPadX); err != nil {
			return err
		}
		n = max(n, set[i].n)
	}
	h := float64(n)*lead(cellSize) + 2*cellPadY
	if h > t.f.room() && t.f.y > t.f.ps.top+1e-6 {
		if err := t.f.newPage(); err != nil {
			return err
		}
		if !header {
			if err := t.row(t.header, true); err != nil {
				return err
			}
		}
	}
	top := t.f.y
	for i, c := range set {
		y := top + cellPadY
		for k, s := range c.paras {
			for _, l := range c.lines[k] {
				base := A4Height - y - cellSize*ascentEm
				t.f.page.drawLine(t.f.doc, s, l, t.f.ps.left+xs[i]+cellPadX, base, nil)
				y += lead(cellSize)
			}
		}
	}
	t.rules(top, h, xs, ws)
	t.f.y = top + h
	return nil
}

// layCell shapes a cell's paragraphs and breaks them at width.
func (t *pdfTable) layCell(c cellText, width float64) (setCell, error) {
	var sc setCell
	for _, p := range c {
		s, err := shapeParagraph(t.fonts, p, cellSize)
		if err != nil {
			return sc, err
		}
		ls := breakLines(s, t.dict, width, 0)
		sc.paras, sc.lines, sc.n = append(sc.paras, s), append(sc.lines, ls), sc.n+len(ls)
	}
	return sc, nil
}

// rules draws the rectangle of every cell of a row whose top is top
// (from the top of the page) and height h.
func (t *pdfTable) rules(top, h float64, xs, ws []float64) {
	b := &t.f.page.content
	y := A4Height - top - h
	fmt.Fprintf(b, "q %s w 0.45 G\n", num(ruleWidth))
	for i := range xs {
		fmt.Fprintf(b, "%s %s %s %s re S\n", num(t.f.ps.left+xs[i]), num(y), num(ws[i]), num(h))
	}
	b.WriteString("Q\n")
}
