package notices

import (
	"strconv"
)

// letterWriter lays out one letter on a flow, top to bottom.
type letterWriter struct {
	f *flow
	l Letter
	o LetterOptions
	w letterWords
}

// The letter's vertical geometry (the regulation's Annex 1): the emblem
// 1.5 cm below the top edge; header, date, subject and body follow.
var (
	emblemTop   = Cm(1.5)
	bodyIndent  = Cm(2.5) // first-line indent of body paragraphs
	blockGap    = 0.5     // space between blocks, in lines
	signatureSp = 2.0     // space left for the signature, in lines
)

func (lw *letterWriter) write() error {
	steps := []func() error{lw.head, lw.date, lw.labels, lw.body, lw.signature, lw.unit}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func (lw *letterWriter) lead() float64 { return lead(lw.f.ps.size) }

// head sets the emblem at the top centre, then ที่ (Ref.) at the left and
// the agency's name and address at the right, starting on the same line.
func (lw *letterWriter) head() error {
	f := lw.f
	if lw.o.Emblem != nil {
		im, err := f.doc.image(lw.o.Emblem)
		if err != nil {
			return err
		}
		h := lw.o.EmblemHeight
		w := h * float64(im.w) / float64(im.h)
		f.page.drawImage(im, (A4Width-w)/2, A4Height-emblemTop-h, w, h)
		f.y = emblemTop + h + Cm(0.3)
	}
	top := f.y
	x, err := lw.agencyColumn()
	if err != nil {
		return err
	}
	if lw.l.Number != "" {
		p := Paragraph{Spans: []Span{{Text: lw.w.number + " " + lw.l.Number}}}
		if err := f.paragraph(p, paraStyle{right: f.ps.width() - x + f.ps.size/2}); err != nil {
			return err
		}
	}
	left := f.y
	f.y = top
	for _, line := range lw.l.Agency {
		if err := f.paragraph(Plain(line), paraStyle{left: x}); err != nil {
			return err
		}
	}
	f.y = max(f.y, left+lw.lead())
	return nil
}

// agencyColumn returns where the agency block starts, from the left
// margin: right-aligned as a block to the right margin, but never left of
// 35% of the text area's width nor over the letter number.
func (lw *letterWriter) agencyColumn() (float64, error) {
	widest := 0.0
	for _, line := range lw.l.Agency {
		w, err := lw.f.measure(Plain(line), lw.f.ps.size)
		if err != nil {
			return 0, err
		}
		widest = max(widest, w)
	}
	tw := lw.f.ps.width()
	x := max(tw*0.35, tw-widest-1)
	if lw.l.Number != "" {
		// Never so far left that ที่ and the number must wrap.
		nw, err := lw.f.measure(Plain(lw.w.number+" "+lw.l.Number), lw.f.ps.size)
		if err != nil {
			return 0, err
		}
		x = max(x, nw+lw.f.ps.size)
	}
	return x, nil
}

// dateX is where the date and the closing start, from the left margin:
// the middle of the text area.
func (lw *letterWriter) dateX() float64 { return lw.f.ps.width() / 2 }

func (lw *letterWriter) date() error {
	lw.f.space(lw.lead() * blockGap)
	d := FormatDate(lw.l.Date, lw.l.Lang, lw.f.ps.thaiDigits)
	return lw.f.paragraph(Plain(d), paraStyle{left: lw.dateX()})
}

// labels sets เรื่อง, เรียน, อ้างถึง and สิ่งที่ส่งมาด้วย, each label at
// the left margin with its text beside it and wrapped lines under the text.
func (lw *letterWriter) labels() error {
	lw.f.space(lw.lead() * blockGap)
	if err := lw.labelled(lw.w.subject, []string{lw.l.Subject}, false); err != nil {
		return err
	}
	to := lw.l.To + lw.w.salutationEnd
	if err := lw.labelled(lw.w.to, []string{to}, false); err != nil {
		return err
	}
	if err := lw.labelled(lw.w.refs, lw.l.References, true); err != nil {
		return err
	}
	return lw.labelled(lw.w.encl, lw.l.Enclosures, true)
}

// labelled sets a label and its items; with numbered set and more than
// one item, items are numbered "1." (or "๑.").
func (lw *letterWriter) labelled(label string, items []string, numbered bool) error {
	if len(items) == 0 {
		return nil
	}
	f := lw.f
	lw2, err := f.measure(Plain(label), f.ps.size)
	if err != nil {
		return err
	}
	x := lw2 + f.ps.size*0.5
	if err := f.need(lw.lead()); err != nil {
		return err
	}
	y := f.y
	if err := f.paragraph(Plain(label), paraStyle{}); err != nil {
		return err
	}
	f.y = y
	for i, item := range items {
		if numbered && len(items) > 1 {
			item = Digits(strconv.Itoa(i+1), f.ps.thaiDigits) + ". " + item
		}
		if err := f.paragraph(Plain(item), paraStyle{left: x}); err != nil {
			return err
		}
	}
	return nil
}

// body sets the paragraphs: Thai with a 2.5 cm first-line indent and Thai
// distributed justification; English flush left and ragged right, with
// space between paragraphs.
func (lw *letterWriter) body() error {
	lw.f.space(lw.lead() * blockGap)
	st := paraStyle{align: AlignThaiDistributed, indent: bodyIndent}
	gap := 0.0
	if lw.l.Lang == English {
		st = paraStyle{align: AlignLeft}
		gap = lw.lead() * blockGap
	}
	for i, p := range lw.l.Body {
		if i > 0 {
			lw.f.space(gap)
		}
		if i == len(lw.l.Body)-1 {
			// The regulation's custom: a page never holds the signature
			// alone, so the body's last lines go with it.
			st.keep = lw.lead() * (blockGap + lw.tailLines())
		}
		if err := lw.f.paragraph(p, st); err != nil {
			return err
		}
	}
	return nil
}

// signatureLines is the height of the signature block in lines.
func (lw *letterWriter) signatureLines() float64 {
	n := 1 + signatureSp + float64(len(lw.l.Position))
	if lw.l.Signer != "" {
		n++
	}
	return n
}

// unitLines returns the responsible unit's lines: its name, then its
// contact lines.
func (lw *letterWriter) unitLines() []string {
	var lines []string
	if lw.l.Unit != "" {
		lines = append(lines, lw.l.Unit)
	}
	return append(lines, lw.l.Contact...)
}

// tailLines is the height, in lines, of what ends a letter and stays on
// one page: the signature block and, under it after a line's space, the
// responsible unit. A last page never holds the unit alone.
func (lw *letterWriter) tailLines() float64 {
	n := lw.signatureLines()
	if u := len(lw.unitLines()); u > 0 {
		n += 1 + float64(u)
	}
	return n
}

// signature sets the complimentary close at the date's column, space for
// the signature, the name in parentheses and the position lines, centred
// under the close; the block is kept on one page with the unit.
func (lw *letterWriter) signature() error {
	f := lw.f
	closing := lw.l.Closing
	if closing == "" {
		closing = lw.w.closing
	}
	f.space(lw.lead() * blockGap)
	if err := f.need(lw.lead() * lw.tailLines()); err != nil {
		return err
	}
	cw, err := f.measure(Plain(closing), f.ps.size)
	if err != nil {
		return err
	}
	if err := f.paragraph(Plain(closing), paraStyle{left: lw.dateX()}); err != nil {
		return err
	}
	f.space(lw.lead() * signatureSp)

	// A column centred on the close, as wide as the page allows.
	centre := lw.dateX() + cw/2
	half := min(centre, f.ps.width()-centre)
	col := paraStyle{align: AlignCenter, left: centre - half, right: f.ps.width() - centre - half}
	if lw.l.Signer != "" {
		if err := f.paragraph(Plain("("+lw.l.Signer+")"), col); err != nil {
			return err
		}
	}
	for _, p := range lw.l.Position {
		if err := f.paragraph(Plain(p), col); err != nil {
			return err
		}
	}
	return nil
}

// unit sets the responsible unit and its contact lines at the bottom left
// of the last page, below everything else.
func (lw *letterWriter) unit() error {
	lines := lw.unitLines()
	if len(lines) == 0 {
		return nil
	}
	f := lw.f
	h := lw.lead() * float64(len(lines))
	f.space(lw.lead())
	if err := f.need(h); err != nil {
		return err
	}
	f.y = max(f.y, A4Height-f.ps.bottom-h)
	for _, line := range lines {
		if err := f.paragraph(Plain(line), paraStyle{}); err != nil {
			return err
		}
	}
	return nil
}
