package notices

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"sandboxbot/internal/testtool"
	"sandboxbot/templates"
)

// overlayLines are labels with stacked marks (a tone mark over an upper
// vowel: ที่, ผู้; over a consonant whose ascender it must avoid: ป่),
// mixed scripts, bold and gray, on two pages of the blank forms' size.
var overlayLines = []PlacedLine{
	{Page: 1, X: 36, Y: 791, Text: "แบบแจ้งความประสงค์เข้าร่วมการทดสอบ", Size: 15, Bold: true},
	{Page: 1, X: 36, Y: 775, Text: "Expression of interest", Size: 11, Gray: 0.2},
	{Page: 1, X: 36, Y: 715, Text: "ชื่อหน่วยงาน", Size: 9.5},
	{Page: 1, X: 36, Y: 390, Text: "ชื่อผู้ติดต่อ ที่ปรึกษา ป่า ปู่ น้ำ", Size: 9.5},
	{Page: 2, X: 36, Y: 32, Text: "form_kind: interest   หน้า/page 2", Size: 7, Gray: 0.467},
}

func writeOverlay(t *testing.T, o Overlay) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteOverlay(context.Background(), &buf, o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestOverlayGlyphsAsShaped reads the content streams of a written overlay
// back and checks that every label's glyphs are Face.Shape's glyphs, and
// hb-shape's for the same runs, each at its shaped position from the
// label's baseline, in the label's face, size and gray.
func TestOverlayGlyphsAsShaped(t *testing.T) {
	t.Parallel()
	fonts, err := Sarabun()
	if err != nil {
		t.Fatal(err)
	}
	pdf := writeOverlay(t, Overlay{Width: 595, Height: 842, Pages: 2, Lines: overlayLines})
	drawn := readGlyphs(t, pdf, fonts)
	for i, l := range overlayLines {
		got := drawn[i]
		face := fonts.Face(l.Bold)
		want := face.Shape([]rune(l.Text))
		if hb := hbShape(t, l.Text, l.Bold); fmt.Sprint(hb) != fmt.Sprint(want) {
			t.Errorf("%q: Shape gives\n%v\nhb-shape\n%v", l.Text, want, hb)
		}
		if len(got) != len(want) {
			t.Errorf("%q: %d glyphs drawn, Shape gives %d", l.Text, len(got), len(want))
			continue
		}
		scale := l.Size / float64(face.UnitsPerEm())
		pen := l.X
		for j, g := range want {
			d := got[j]
			x, y := pen+float64(g.XOffset)*scale, l.Y+float64(g.YOffset)*scale
			if d.page != l.Page || d.face != face || d.id != g.ID || d.size != l.Size ||
				d.gray != l.Gray || math.Abs(d.x-x) > 0.005 || math.Abs(d.y-y) > 0.001 {
				t.Errorf("%q glyph %d: drawn %+v, shaped %d at (%.3f, %.3f) in %s %v",
					l.Text, j, d, g.ID, x, y, face.Name, l.Size)
			}
			pen += float64(g.XAdvance) * scale
		}
	}
}

// hbShape shapes text with hb-shape, run by run as SplitScripts cuts it,
// in Sarabun Regular or Bold, and returns the glyphs as Face.Shape does.
func hbShape(t *testing.T, text string, bold bool) []Glyph {
	t.Helper()
	hb := testtool.Need(t, "hb-shape", "libharfbuzz-bin")
	style := templates.Regular
	if bold {
		style = templates.Bold
	}
	font := filepath.Join(t.TempDir(), "font.ttf")
	if err := os.WriteFile(font, templates.Sarabun(style), 0o600); err != nil {
		t.Fatal(err)
	}
	runes := []rune(text)
	var out []Glyph
	for _, r := range SplitScripts(runes) {
		res, err := exec.Command(hb, "--script="+strings.ToLower(r.Script.String()),
			"--language=th", "--direction=ltr", "--no-glyph-names", "--output-format=json",
			font, string(runes[r.Start:r.End])).Output()
		if err != nil {
			t.Fatalf("hb-shape: %v", err)
		}
		var gs []hbGlyph
		if err := json.Unmarshal(res, &gs); err != nil {
			t.Fatalf("hb-shape output %s: %v", res, err)
		}
		for _, g := range gs {
			out = append(out, Glyph{ID: g.G, Cluster: r.Start + g.Cl, XAdvance: g.Ax,
				XOffset: g.Dx, YOffset: g.Dy})
		}
	}
	return out
}

// drawnGlyph is a glyph as a viewer places it: page, face, size, fill
// gray, and the origin of the glyph in user space.
type drawnGlyph struct {
	page       int
	face       *Face
	id         uint16
	size, gray float64
	x, y       float64
}

// readGlyphs interprets the operators the overlay writes (q Q g BT ET Tm
// Tf Ts TJ BDC EMC) and returns the glyphs of each BT…ET block.
func readGlyphs(t *testing.T, pdf []byte, fonts Fonts) [][]drawnGlyph {
	t.Helper()
	ctx, err := api.ReadAndValidate(bytes.NewReader(pdf), pdfConfig())
	if err != nil {
		t.Fatal(err)
	}
	xt := ctx.XRefTable
	var blocks [][]drawnGlyph
	for pn := 1; pn <= xt.PageCount; pn++ {
		d, _, inh, err := xt.PageDict(pn, true)
		if err != nil {
			t.Fatal(err)
		}
		faces := fontFaces(t, xt, inh.Resources, fonts)
		content, err := xt.PageContent(d, pn)
		if err != nil {
			t.Fatal(err)
		}
		var cur *[]drawnGlyph
		g := drawnGlyph{page: pn}
		var base float64 // the baseline Tm sets; Ts raises glyphs from it
		for _, ln := range strings.Split(string(content), "\n") {
			f := strings.Fields(ln)
			if len(f) == 0 {
				continue
			}
			switch op := f[len(f)-1]; op {
			case "g":
				g.gray = atof(t, f[0])
			case "BT":
				blocks = append(blocks, nil)
				cur = &blocks[len(blocks)-1]
			case "Tm":
				g.x, base = atof(t, f[4]), atof(t, f[5])
				g.y = base
			case "Tf":
				g.face, g.size = faces[strings.TrimPrefix(f[0], "/")], atof(t, f[1])
			case "Ts":
				g.y = base + atof(t, f[0])
			case "TJ":
				tjGlyphs(t, ln, &g, cur)
			}
		}
	}
	return blocks
}

func tjGlyphs(t *testing.T, ln string, g *drawnGlyph, out *[]drawnGlyph) {
	t.Helper()
	body := ln[strings.Index(ln, "[")+1 : strings.LastIndex(ln, "]")]
	for _, tok := range strings.Fields(body) {
		if strings.HasPrefix(tok, "<") {
			id, err := strconv.ParseUint(strings.Trim(tok, "<>"), 16, 16)
			if err != nil {
				t.Fatal(err)
			}
			gl := *g
			gl.id = uint16(id)
			*out = append(*out, gl)
			adv := float64(g.face.Advance(uint16(id))) / float64(g.face.UnitsPerEm())
			g.x += adv * g.size
			continue
		}
		g.x -= atof(t, tok) / 1000 * g.size
	}
}

func atof(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("number %q: %v", s, err)
	}
	return v
}

// fontFaces maps a page's font resource names to the faces whose subsets
// they embed, by the PostScript name after the subset tag.
func fontFaces(t *testing.T, xt *model.XRefTable, res types.Dict, fonts Fonts) map[string]*Face {
	t.Helper()
	fd, err := xt.DereferenceDict(res["Font"])
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*Face{}
	for name, ref := range fd {
		f, err := xt.DereferenceDict(ref)
		if err != nil {
			t.Fatal(err)
		}
		base := f.NameEntry("BaseFont")
		if base == nil {
			t.Fatalf("font %s has no BaseFont", name)
		}
		_, ps, _ := strings.Cut(*base, "+")
		for _, face := range []*Face{fonts.Regular, fonts.Bold} {
			if face.Name == ps {
				out[name] = face
			}
		}
		if out[name] == nil {
			t.Fatalf("font %s is %s, not Sarabun", name, *base)
		}
	}
	return out
}

// TestOverlayText: pdftotext gives back every line as written, on its
// page (runs of spaces read as one); the pages have the size asked for;
// qpdf and pdfcpu find the PDF valid.
func TestOverlayText(t *testing.T) {
	t.Parallel()
	pdf := writeOverlay(t, Overlay{Width: 595, Height: 842, Pages: 2, Lines: overlayLines})
	for page := 1; page <= 2; page++ {
		n := strconv.Itoa(page)
		got := strings.Split(strings.TrimSpace(pdftotext(t, pdf, "-f", n, "-l", n)), "\n")
		var want []string
		for _, l := range overlayLines {
			if l.Page == page {
				want = append(want, normalise(l.Text))
			}
		}
		var lines []string
		for _, g := range got {
			if g = normalise(g); g != "" {
				lines = append(lines, g)
			}
		}
		if strings.Join(lines, "\n") != strings.Join(want, "\n") {
			t.Errorf("page %d: pdftotext gives\n%q\nwant\n%q", page, lines, want)
		}
	}
	dims, err := api.PageDims(bytes.NewReader(pdf), pdfConfig())
	if err != nil {
		t.Fatal(err)
	}
	if len(dims) != 2 || dims[0].Width != 595 || dims[1].Height != 842 {
		t.Errorf("page sizes %v, want two of 595 × 842", dims)
	}
	checkPDF(t, testtool.Need(t, "qpdf", "qpdf"), pdf)
	def := writeOverlay(t, Overlay{Pages: 1})
	dims, err = api.PageDims(bytes.NewReader(def), pdfConfig())
	if err != nil || math.Abs(dims[0].Width-A4Width) > 0.01 ||
		math.Abs(dims[0].Height-A4Height) > 0.01 {
		t.Errorf("a zero page size gives %v, %v; want A4", dims, err)
	}
}

// TestOverlayMaxWidth: a line wider than MaxWidth is set at the size that
// makes it exactly MaxWidth wide; a narrower one keeps its size.
func TestOverlayMaxWidth(t *testing.T) {
	t.Parallel()
	fonts, err := Sarabun()
	if err != nil {
		t.Fatal(err)
	}
	text := "สิ่งที่เป็นนวัตกรรมและเหตุที่ต้องทดสอบใน Sandbox"
	natural := 0.0
	for _, g := range fonts.Regular.Shape([]rune(text)) {
		natural += float64(g.XAdvance) * 9.5 / float64(fonts.Regular.UnitsPerEm())
	}
	for _, max := range []float64{natural / 2, natural + 1} {
		lines := []PlacedLine{{Page: 1, X: 36, Y: 500, Text: text, Size: 9.5, MaxWidth: max}}
		pdf := writeOverlay(t, Overlay{Pages: 1, Lines: lines})
		got := readGlyphs(t, pdf, fonts)[0]
		want := 9.5 * min(1, max/natural)
		if math.Abs(got[0].size-want) > 0.001 {
			t.Errorf("MaxWidth %.1f of %.1f: size %v, want %.3f", max, natural, got[0].size, want)
		}
	}
}

func TestOverlayErrors(t *testing.T) {
	t.Parallel()
	line := PlacedLine{Page: 1, X: 36, Y: 500, Text: "ชื่อ", Size: 9.5}
	bad := func(f func(*PlacedLine)) []PlacedLine {
		l := line
		f(&l)
		return []PlacedLine{l}
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		o    Overlay
		is   error
	}{
		{"no pages", context.Background(), Overlay{Lines: []PlacedLine{line}}, nil},
		{"page 0", context.Background(),
			Overlay{Pages: 1, Lines: bad(func(l *PlacedLine) { l.Page = 0 })}, nil},
		{"page past the end", context.Background(),
			Overlay{Pages: 1, Lines: bad(func(l *PlacedLine) { l.Page = 2 })}, nil},
		{"size 0", context.Background(),
			Overlay{Pages: 1, Lines: bad(func(l *PlacedLine) { l.Size = 0 })}, nil},
		{"no glyph", context.Background(),
			Overlay{Pages: 1, Lines: bad(func(l *PlacedLine) { l.Text = "漢字" })}, ErrMissingGlyph},
		{"cancelled", cancelled, Overlay{Pages: 1}, context.Canceled},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		err := WriteOverlay(tt.ctx, &buf, tt.o)
		if err == nil || (tt.is != nil && !errors.Is(err, tt.is)) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.is)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: %d bytes written on error", tt.name, buf.Len())
		}
	}
}
