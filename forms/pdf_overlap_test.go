package forms

import (
	"bytes"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// TestBlankWidgetsApart reads the widgets' rectangles from every blank
// PDF, as pdfcpu sized them: no two inputs on a page touch (combo boxes,
// which pdfcpu sizes to their font, once touched the row below in tables).
func TestBlankWidgetsApart(t *testing.T) {
	t.Parallel()
	for _, s := range schemas {
		ctx, err := api.ReadAndValidate(bytes.NewReader(blankBytes(t, s.Kind, PDF)),
			model.NewDefaultConfiguration())
		if err != nil || ctx.PageCount == 0 {
			t.Fatalf("%s: %d pages, %v", s.Kind, ctx.PageCount, err)
		}
		for p := 1; p <= ctx.PageCount; p++ {
			rects := widgetRects(t, ctx.XRefTable, p)
			for i := range rects {
				for j := i + 1; j < len(rects); j++ {
					a, b := rects[i], rects[j]
					if a.hidden || b.hidden {
						continue
					}
					if a.LL.X < b.UR.X && b.LL.X < a.UR.X && a.LL.Y < b.UR.Y+1 &&
						b.LL.Y < a.UR.Y+1 {
						t.Errorf("%s page %d: %s %v and %s %v are less than 1 pt apart",
							s.Kind, p, a.name, a.Rectangle, b.name, b.Rectangle)
					}
				}
			}
		}
	}
}

type widgetRect struct {
	types.Rectangle
	name   string
	hidden bool
}

// widgetRects are the rectangles of page p's widget annotations.
func widgetRects(t *testing.T, xt *model.XRefTable, p int) []widgetRect {
	t.Helper()
	page, _, _, err := xt.PageDict(p, false)
	if err != nil {
		t.Fatal(err)
	}
	annots, err := xt.DereferenceArray(page["Annots"])
	if err != nil {
		t.Fatal(err)
	}
	var out []widgetRect
	for _, o := range annots {
		d, err := xt.DereferenceDict(o)
		if err != nil || d == nil || d.NameEntry("Subtype") == nil ||
			*d.NameEntry("Subtype") != "Widget" {
			continue
		}
		arr, err := xt.DereferenceArray(d["Rect"])
		if err != nil || len(arr) != 4 {
			t.Fatalf("page %d: a widget without a rectangle: %v", p, d)
		}
		r, err := xt.RectForArray(arr)
		if err != nil {
			t.Fatal(err)
		}
		w := widgetRect{Rectangle: *r}
		if n, err := types.StringOrHexLiteral(d["T"]); err == nil && n != nil {
			w.name = *n
		}
		if f := d.IntEntry("F"); f != nil && *f&int(model.AnnHidden) != 0 {
			w.hidden = true
		}
		out = append(out, w)
	}
	if len(out) == 0 {
		t.Fatalf("page %d has no widgets", p)
	}
	return out
}
