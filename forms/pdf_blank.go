package forms

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/font"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/create"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// paper is the size of the blank PDF's pages.
var paper = types.PaperSize["A4"]

// writeBlankPDF renders s as a fillable AcroForm: the fields in order, one
// row each with the Thai label over the English one, then each table on a
// page of its own. With a painter the labels are painted and laid over the
// pages; without one they use pdfcpu's text layer (see the package
// documentation on Thai shaping).
func writeBlankPDF(ctx context.Context, w io.Writer, s *Schema, painter LabelPainter) error {
	if err := ensureFonts(); err != nil {
		return err
	}
	l, err := layoutPDF(s, painter != nil)
	if err != nil {
		return err
	}
	js, err := json.Marshal(l.doc)
	if err != nil {
		return fmt.Errorf("forms: encoding %s layout: %w", s.Kind, err)
	}
	conf := model.NewDefaultConfiguration()
	conf.Cmd = model.CREATE
	pdf, err := pdfcpu.CreateContextWithXRefTable(conf, paper)
	if err != nil {
		return fmt.Errorf("forms: creating %s PDF: %w", s.Kind, err)
	}
	if err := create.FromJSON(pdf, bytes.NewReader(js)); err != nil {
		return fmt.Errorf("forms: creating %s PDF: %w", s.Kind, err)
	}
	if err := hideFields(pdf.XRefTable, KeyKind, KeyVersion); err != nil {
		return fmt.Errorf("forms: hiding identity fields: %w", err)
	}
	if painter != nil {
		if err := paintLabels(ctx, pdf, l, painter); err != nil {
			return err
		}
	}
	if err := api.WriteContext(pdf, w); err != nil {
		return fmt.Errorf("forms: writing %s PDF: %w", s.Kind, err)
	}
	return nil
}

// pdfLayout places rows on pages, starting a new page when one is full.
// Its labels become text of pdfcpu's layout, or, when painted is set,
// PageLabels for a painter.
type pdfLayout struct {
	doc  *pdfDoc
	page *pdfPage
	n    int
	y    float64 // top of the next row
	s    *Schema

	painted bool
	labels  []PageLabel
	drop    map[string]float64 // by label style, see layoutPDF
}

// layoutPDF lays out the blank form of s. For painted labels it works out
// where pdfcpu would have put each baseline: pdfcpu places a text's box at
// the position it is given and its baseline above that by the font's
// descent below the baseline, rounded up to a whole point (pdfcpu
// model.CalcBoundingBoxFloat, with the TLWG Loma metrics). A painted label
// keeps that baseline, so labels stand where pdfcpu's text stood.
func layoutPDF(s *Schema, painted bool) (*pdfLayout, error) {
	l := &pdfLayout{doc: &pdfDoc{
		Paper: "A4P", Origin: "LowerLeft", Fonts: pdfFonts(), Pages: map[string]*pdfPage{},
	}, s: s, painted: painted, drop: map[string]float64{}}
	if painted {
		for name, st := range labelStyles {
			bb, err := font.BoundingBox(l.doc.Fonts[name].Name)
			if err != nil {
				return nil, fmt.Errorf("forms: measuring font %s: %w", l.doc.Fonts[name].Name, err)
			}
			l.drop[name] = math.Ceil(-bb.LL.Y * st.size / 1000)
		}
	}
	l.newPage()
	l.heading()
	for _, f := range s.Fields {
		l.field(f)
	}
	for _, t := range s.Tables {
		l.table(t)
	}
	return l, nil
}

func (l *pdfLayout) newPage() {
	l.n++
	l.page = &pdfPage{}
	l.doc.Pages[strconv.Itoa(l.n)] = l.page
	l.y = pageHeight - 40
	l.text(fmt.Sprintf("%s: %s   %s: %d   หน้า/page %d", KeyKind, l.s.Kind,
		KeyVersion, l.s.Version, l.n), marginLeft, 28, 0, "small")
	if l.n == 1 { // the identity fields, hidden after rendering
		l.page.Content.TextFields = append(l.page.Content.TextFields,
			identity(KeyKind, l.s.Kind, 470), identity(KeyVersion, strconv.Itoa(l.s.Version), 520))
	}
}

func identity(key, value string, x float64) pdfField {
	return pdfField{ID: key, Value: value, Pos: [2]float64{x, 20}, Width: 40, Height: 12,
		Font: inputFont, Locked: true}
}

// text puts the label v in a style with pdfcpu's box at (x, y); room is
// how wide it may be before it runs into something (0: no limit), which
// only painters heed.
func (l *pdfLayout) text(v string, x, y, room float64, style string) {
	if !l.painted {
		l.page.Content.Text = append(l.page.Content.Text,
			pdfText{Value: v, Pos: [2]float64{x, y}, Font: pdfFont{Name: "$" + style}})
		return
	}
	st := labelStyles[style]
	l.labels = append(l.labels, PageLabel{Page: l.n, X: x, Y: y + l.drop[style], Text: v,
		Size: st.size, Bold: st.bold, Gray: float64(st.gray) / 255, MaxWidth: room})
}

// need starts a new page unless h more points fit on this one.
func (l *pdfLayout) need(h float64) {
	if l.y-h < bottomLimit {
		l.newPage()
	}
}

func (l *pdfLayout) heading() {
	w := marginRight - marginLeft
	l.text(l.s.Title.TH, marginLeft, l.y-16, w, "title")
	l.text(l.s.Title.EN, marginLeft, l.y-32, w, "sub")
	l.text(l.s.Intro.TH, marginLeft, l.y-50, w, "th")
	l.text(l.s.Intro.EN, marginLeft, l.y-63, w, "en")
	l.y -= 82
}

// field draws one labelled input.
func (l *pdfLayout) field(f Field) {
	h := inputHeight(f.Type)
	row := max(h, 24) + 8
	l.need(row)
	top, x := l.y, marginLeft
	room := inputLeft - labelGap - x
	if f.Type == YesNo { // a check box before its (long) declaration
		l.input(f, f.Key, marginLeft, top-h-1, h, h)
		x = marginLeft + h + 8
		room = marginRight - x
	}
	label := f.Label.TH
	if f.Optional {
		label += " (ถ้ามี)"
	}
	l.text(label, x, top-10, room, "th")
	en := f.Label.EN
	if f.Optional {
		en += " (optional)"
	}
	l.text(en, x, top-21, room, "en")
	if f.Type != YesNo {
		l.input(f, f.Key, inputLeft, top-h, marginRight-inputLeft, h)
	}
	l.y -= row
}

func inputHeight(t Type) float64 {
	switch t {
	case LongText:
		return 54
	case YesNo:
		return 14
	case Enum:
		return 26 // pdfcpu sizes a combo box to its font: 25.88 pt at 10 pt
	}
	return 18
}

// input adds the form field for f at (x, y) with the given size.
func (l *pdfLayout) input(f Field, name string, x, y, w, h float64) {
	pf := pdfField{ID: name, Tip: tip(f), Pos: [2]float64{x, y}, Width: w,
		BgColor: "#F3F6FA", Border: fieldBorder, Font: inputFont}
	c := &l.page.Content
	switch f.Type {
	case Enum:
		pf.Options = make([]string, len(f.Options))
		for i, o := range f.Options {
			pf.Options[i] = o.Display()
		}
		c.ComboBoxes = append(c.ComboBoxes, pf)
	case YesNo:
		pf.Width, pf.Font, pf.Border = h, nil, nil
		c.CheckBoxes = append(c.CheckBoxes, pf)
	default:
		pf.Height, pf.Multiline = h, f.Type == LongText
		c.TextFields = append(c.TextFields, pf)
	}
}

// tip is the tooltip of an input: what a valid value looks like.
func tip(f Field) string {
	w := want(f)
	if f.Hint.TH != "" {
		return f.Hint.TH + " / " + f.Hint.EN
	}
	return w.TH + " / " + w.EN
}
