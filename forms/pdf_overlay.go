package forms

import (
	"bytes"
	"context"
	"fmt"
	"math"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// paintLabels has p paint the labels the layout collected and lays its
// pages over the form's.
func paintLabels(ctx context.Context, form *model.Context, l *pdfLayout, p LabelPainter) error {
	var buf bytes.Buffer
	err := p.PaintLabels(ctx, &buf, paper.Width, paper.Height, l.n, l.labels)
	if err != nil {
		return fmt.Errorf("forms: painting the labels of %s: %w", l.s.Kind, err)
	}
	if err := overlay(form.XRefTable, buf.Bytes()); err != nil {
		return fmt.Errorf("forms: laying the labels over %s: %w", l.s.Kind, err)
	}
	return nil
}

// overlay lays page i of the PDF top over page i of dst, for every page:
// the page becomes a form XObject (PDF 32000-1 8.10) with the identity
// matrix and its media box as bounding box, drawn after the page's own
// content, so nothing is scaled or moved. The pages must be as many and
// of the same size. The page's annotations (the form's widgets) still
// draw above both.
func overlay(dst *model.XRefTable, top []byte) error {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	src, err := api.ReadAndValidate(bytes.NewReader(top), conf)
	if err != nil {
		return fmt.Errorf("reading the painted pages: %w", err)
	}
	if src.PageCount != dst.PageCount {
		return fmt.Errorf("%d painted pages for a form of %d", src.PageCount, dst.PageCount)
	}
	copied := map[int]int{}
	for i := 1; i <= dst.PageCount; i++ {
		xo, err := pageXObject(src.XRefTable, dst, i, copied)
		if err != nil {
			return fmt.Errorf("page %d: %w", i, err)
		}
		if err := drawOnTop(dst, i, xo); err != nil {
			return fmt.Errorf("page %d: %w", i, err)
		}
	}
	return nil
}

// pageXObject copies page i of src into dst as a form XObject, checking
// that it is the size of page i of dst and not rotated.
func pageXObject(src, dst *model.XRefTable, i int, copied map[int]int) (
	*types.IndirectRef, error) {
	sd, _, sattr, err := src.PageDict(i, false)
	if err != nil {
		return nil, err
	}
	_, _, dattr, err := dst.PageDict(i, false)
	if err != nil {
		return nil, err
	}
	if !sameBox(sattr.MediaBox, dattr.MediaBox) || sattr.Rotate%360 != dattr.Rotate%360 {
		return nil, fmt.Errorf("painted page %s rotated %d, form page %s rotated %d",
			boxString(sattr.MediaBox), sattr.Rotate, boxString(dattr.MediaBox), dattr.Rotate)
	}
	content, err := src.PageContent(sd, i)
	if err != nil && err != model.ErrNoContent {
		return nil, err
	}
	res, err := copyObject(sattr.Resources, src, dst, copied)
	if err != nil {
		return nil, fmt.Errorf("copying resources: %w", err)
	}
	xo, _ := dst.NewStreamDictForBuf(content)
	xo.InsertName("Type", "XObject")
	xo.InsertName("Subtype", "Form")
	xo.Insert("BBox", sattr.MediaBox.Array())
	if res != nil {
		xo.Insert("Resources", res)
	}
	if err := xo.Encode(); err != nil {
		return nil, err
	}
	return dst.IndRefForNewObject(*xo)
}

// sameBox reports whether two page boxes coincide to a thousandth of a
// point (pdfcpu writes numbers with limited precision).
func sameBox(a, b *types.Rectangle) bool {
	if a == nil || b == nil {
		return false
	}
	near := func(x, y float64) bool { return math.Abs(x-y) < 1e-3 }
	return near(a.LL.X, b.LL.X) && near(a.LL.Y, b.LL.Y) &&
		near(a.UR.X, b.UR.X) && near(a.UR.Y, b.UR.Y)
}

func boxString(r *types.Rectangle) string {
	if r == nil {
		return "without a media box"
	}
	return r.ShortString()
}

// drawOnTop adds xo to the resources of page i of xt and draws it after
// the page's content. That content is wrapped in q … Q first, so that
// whatever graphics state it leaves does not move the XObject.
func drawOnTop(xt *model.XRefTable, i int, xo *types.IndirectRef) error {
	page, _, attr, err := xt.PageDict(i, false)
	if err != nil {
		return err
	}
	res, err := xt.DereferenceDict(page["Resources"])
	if err != nil {
		return err
	}
	if res == nil { // none, or inherited: the page gets its own
		res = types.Dict{}
		if attr.Resources != nil {
			res = attr.Resources.Clone().(types.Dict)
		}
		page["Resources"] = res
	}
	xobjects, err := xt.DereferenceDict(res["XObject"])
	if err != nil {
		return err
	}
	if xobjects == nil {
		xobjects = types.Dict{}
		res["XObject"] = xobjects
	}
	name := "Labels"
	for n := 1; xobjects[name] != nil; n++ {
		name = fmt.Sprintf("Labels%d", n)
	}
	xobjects[name] = *xo

	var contents types.Array
	c := page["Contents"]
	if ref, ok := c.(types.IndirectRef); ok { // a stream, or an array of them
		if a, err := xt.DereferenceArray(ref); err == nil && a != nil {
			c = a
		}
	}
	switch c := c.(type) {
	case nil:
	case types.Array:
		contents = append(contents, c...)
	default:
		contents = types.Array{c}
	}
	if len(contents) > 0 {
		pre, err := xt.StreamDictIndRef([]byte("q\n"))
		if err != nil {
			return err
		}
		contents = append(types.Array{*pre}, contents...)
	}
	draw := "q /" + name + " Do Q\n"
	if len(contents) > 0 {
		draw = "\nQ\n" + draw
	}
	post, err := xt.StreamDictIndRef([]byte(draw))
	if err != nil {
		return err
	}
	page["Contents"] = append(contents, *post)
	return nil
}

// copyObject returns o with every object it refers to, directly or not,
// copied from src into dst once (copied maps object numbers of src to
// those of dst), so that it can be used in dst.
func copyObject(o types.Object, src, dst *model.XRefTable, copied map[int]int) (
	types.Object, error) {
	switch o := o.(type) {
	case types.IndirectRef:
		n := o.ObjectNumber.Value()
		if m, ok := copied[n]; ok {
			return *types.NewIndirectRef(m, 0), nil
		}
		obj, err := src.Dereference(o)
		if err != nil {
			return nil, err
		}
		m, err := dst.InsertObject(nil) // numbered first: o may refer to itself
		if err != nil {
			return nil, err
		}
		copied[n] = m
		if obj, err = copyObject(obj, src, dst, copied); err != nil {
			return nil, err
		}
		dst.Table[m].Object = obj
		return *types.NewIndirectRef(m, 0), nil
	case types.Dict:
		out := types.Dict{}
		for k, v := range o {
			c, err := copyObject(v, src, dst, copied)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
		return out, nil
	case types.StreamDict:
		d, err := copyObject(o.Dict, src, dst, copied)
		if err != nil {
			return nil, err
		}
		sd := o.Clone().(types.StreamDict)
		sd.Dict = d.(types.Dict)
		return sd, nil
	case types.Array:
		out := make(types.Array, len(o))
		for k, v := range o {
			c, err := copyObject(v, src, dst, copied)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
		return out, nil
	}
	return o, nil
}
