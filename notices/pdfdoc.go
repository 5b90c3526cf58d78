package notices

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// A4 page size in PostScript points (1/72 inch): 210 × 297 mm.
const (
	A4Width  = 595.2756
	A4Height = 841.8898
)

// Cm converts centimetres to points.
func Cm(cm float64) float64 { return cm * 72 / 2.54 }

// pdfDoc collects the pages, fonts and images of one PDF and writes them
// through pdfcpu's object model. It is used by one goroutine.
type pdfDoc struct {
	xt     *model.XRefTable
	fonts  []*pdfFont
	byFace map[*Face]*pdfFont
	images []*pdfImage
	pages  []*pdfPage
	title  string
	// width and height are the size of every page, points; newPDFDoc
	// sets A4.
	width, height float64
}

// pdfPage is the content stream of one page, in PDF user space (origin at
// the bottom left, y up, points).
type pdfPage struct {
	content bytes.Buffer
	lines   []drawnLine // what was set, for tests and text checks
}

// drawnLine is the text of one line as set on a page: its baseline y and
// left x in PDF user space.
type drawnLine struct {
	x, y float64
	text string
}

func newPDFDoc(title string) (*pdfDoc, error) {
	xt := &model.XRefTable{
		Table:             map[int]*model.XRefTableEntry{},
		Names:             map[string]*model.Node{},
		NameRefs:          map[string]model.NameMap{},
		KeywordList:       types.StringSet{},
		Properties:        map[string]string{},
		LinearizationObjs: types.IntSet{},
		PageAnnots:        map[int]model.PgAnnots{},
		PageThumbs:        map[int]types.IndirectRef{},
		Signatures:        map[int]map[int]model.Signature{},
		Stats:             model.NewPDFStats(),
		URIs:              map[int]map[string]string{},
		UsedGIDs:          map[string]map[uint16]bool{},
		FillFonts:         map[string]types.IndirectRef{},
	}
	xt.Table[0] = model.NewFreeHeadXRefTableEntry()
	one := 1
	xt.Size = &one
	v := model.V17
	xt.HeaderVersion = &v
	root, err := xt.IndRefForNewObject(types.Dict{"Type": types.Name("Catalog")})
	if err != nil {
		return nil, fmt.Errorf("notices: creating catalog: %w", err)
	}
	xt.Root = root
	return &pdfDoc{xt: xt, byFace: map[*Face]*pdfFont{}, title: title,
		width: A4Width, height: A4Height}, nil
}

// pdfConfig is pdfcpu's configuration for writing and validating, built
// here rather than by model.NewDefaultConfiguration, which reads and
// writes a config directory in the user's home.
func pdfConfig() *model.Configuration {
	return &model.Configuration{
		CreationDate:              time.Now().Format("2006-01-02 15:04"),
		Version:                   model.VersionStr,
		Reader15:                  true,
		ValidationMode:            model.ValidationRelaxed,
		UnsupportedResourcePolicy: model.UnsupportedResourceSkip,
		Eol:                       types.EolLF,
		WriteObjectStream:         true,
		WriteXRefStream:           true,
		TimestampFormat:           "2006-01-02 15:04",
		DateFormat:                "2006-01-02",
		Timeout:                   5,
		Limits:                    model.DefaultResourceLimits(),
	}
}

func (d *pdfDoc) newPage() *pdfPage {
	p := &pdfPage{}
	d.pages = append(d.pages, p)
	return p
}

// write builds the font, image and page objects and writes the PDF.
func (d *pdfDoc) write(w io.Writer) error {
	res := types.Dict{}
	if len(d.fonts) > 0 {
		fonts := types.Dict{}
		for _, f := range d.fonts {
			ref, err := f.embed(d.xt)
			if err != nil {
				return err
			}
			fonts[f.res] = *ref
		}
		res["Font"] = fonts
	}
	if len(d.images) > 0 {
		xobj := types.Dict{}
		for _, im := range d.images {
			xobj[im.res] = *im.ref
		}
		res["XObject"] = xobj
	}
	if err := d.writePages(res); err != nil {
		return err
	}
	d.xt.Info = nil
	ctx := &model.Context{Configuration: pdfConfig(), XRefTable: d.xt,
		Write: model.NewWriteContext(types.EolLF)}
	d.xt.Conf = ctx.Configuration
	if d.title != "" {
		ctx.Title = d.title
	}
	ctx.Producer = "sandboxbot"
	if err := api.WriteContext(ctx, w); err != nil {
		return fmt.Errorf("notices: writing PDF: %w", err)
	}
	return nil
}

func (d *pdfDoc) writePages(res types.Dict) error {
	pages := types.Dict{"Type": types.Name("Pages")}
	pagesRef, err := d.xt.IndRefForNewObject(pages)
	if err != nil {
		return fmt.Errorf("notices: creating page tree: %w", err)
	}
	resRef, err := d.xt.IndRefForNewObject(res)
	if err != nil {
		return fmt.Errorf("notices: creating resources: %w", err)
	}
	kids := types.Array{}
	for i, p := range d.pages {
		sd, err := flateStream(p.content.Bytes(), nil)
		if err != nil {
			return err
		}
		cref, err := d.xt.IndRefForNewObject(*sd)
		if err != nil {
			return fmt.Errorf("notices: adding page %d: %w", i+1, err)
		}
		page := types.Dict{
			"Type":      types.Name("Page"),
			"Parent":    *pagesRef,
			"MediaBox":  types.NewNumberArray(0, 0, d.width, d.height),
			"Resources": *resRef,
			"Contents":  *cref,
		}
		ref, err := d.xt.IndRefForNewObject(page)
		if err != nil {
			return fmt.Errorf("notices: adding page %d: %w", i+1, err)
		}
		kids = append(kids, *ref)
	}
	pages["Kids"] = kids
	pages["Count"] = types.Integer(len(d.pages))
	d.xt.PageCount = len(d.pages)
	root, err := d.xt.Catalog()
	if err != nil {
		return fmt.Errorf("notices: finding catalog: %w", err)
	}
	root["Pages"] = *pagesRef
	return nil
}

// writeTo writes the document to w in one call, so that a failure while
// building leaves w untouched.
func (d *pdfDoc) writeTo(w io.Writer) error {
	var buf bytes.Buffer
	if err := d.write(&buf); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("notices: writing PDF: %w", err)
	}
	return nil
}
