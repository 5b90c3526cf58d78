package forms

import (
	"fmt"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// table draws a table on a new page: a header of column labels, then
// t.PDFRows rows of inputs named <table>_<row>_<column>.
func (l *pdfLayout) table(t Table) {
	l.newPage()
	w := marginRight - marginLeft
	l.text(t.Label.TH, marginLeft, l.y-14, w, "title")
	l.text(fmt.Sprintf("%s (%s)", t.Label.EN, t.Key), marginLeft, l.y-28, w, "sub")
	l.y -= 44
	xs, ws := columnGrid(t.Columns)
	for i, c := range t.Columns {
		l.text(c.Label.TH, xs[i], l.y-10, ws[i]-labelGap, "th")
		l.text(c.Label.EN+" ("+c.Key+")", xs[i], l.y-21, ws[i]-labelGap, "en")
	}
	l.y -= 28
	pitch := tablePitch(t.Columns)
	for r := 1; r <= t.PDFRows; r++ {
		if l.y-pitch < bottomLimit {
			l.newPage()
		}
		l.text(strconv.Itoa(r), marginLeft-16, l.y-13, 0, "small")
		for i, c := range t.Columns {
			h := inputHeight(c.Type)
			l.input(c, t.cellName(r, c.Key), xs[i], l.y-h, ws[i]-6, h)
		}
		l.y -= pitch
	}
}

// tablePitch is the height of one table row in the PDF, in points: the
// tallest input of the row and a gap of 4 points, at least 26.
func tablePitch(cols []Field) float64 {
	h := 22.0
	for _, c := range cols {
		h = max(h, inputHeight(c.Type))
	}
	return h + 4
}

// columnGrid shares the page width between columns: text columns get twice
// the width of the others.
func columnGrid(cols []Field) (xs, ws []float64) {
	units := 0.0
	for _, c := range cols {
		units += columnUnits(c)
	}
	x := marginLeft
	for _, c := range cols {
		w := (marginRight - marginLeft) * columnUnits(c) / units
		xs, ws = append(xs, x), append(ws, w)
		x += w
	}
	return xs, ws
}

func columnUnits(c Field) float64 {
	if c.Type == Text || c.Type == LongText {
		return 2
	}
	return 1
}

// hideFields marks the named fields' widgets hidden and read-only, so
// form_kind and form_version travel with the form without being shown or
// edited (PDF 32000-1 12.5.3 annotation flag Hidden; 12.7.3.1 field flag
// ReadOnly).
func hideFields(xrt *model.XRefTable, names ...string) error {
	root, err := xrt.Catalog()
	if err != nil {
		return err
	}
	acro, err := xrt.DereferenceDict(root["AcroForm"])
	if err != nil || acro == nil {
		return fmt.Errorf("no AcroForm: %v", err)
	}
	fields, err := xrt.DereferenceArray(acro["Fields"])
	if err != nil {
		return err
	}
	hidden := 0
	for _, o := range fields {
		d, err := xrt.DereferenceDict(o)
		if err != nil || d == nil {
			continue
		}
		t, err := types.StringOrHexLiteral(d["T"])
		if err != nil || t == nil {
			continue
		}
		for _, n := range names {
			if *t == n {
				d["F"] = types.Integer(model.AnnHidden)
				d["Ff"] = types.Integer(1)
				hidden++
			}
		}
	}
	if hidden != len(names) {
		return fmt.Errorf("found %d of the fields %v", hidden, names)
	}
	return nil
}
