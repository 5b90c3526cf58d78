package forms

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/font"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/create"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"sandboxbot/internal/testtool"
)

// lomaPainter paints labels with pdfcpu's text layer and TLWG Loma, as
// WriteBlank draws them without a painter, on pages of their own: a form
// painted by it must look exactly like one drawn without a painter.
var lomaPainter = LabelPainterFunc(func(ctx context.Context, w io.Writer,
	width, height float64, pages int, labels []PageLabel) error {
	if width != paper.Width || height != paper.Height {
		return fmt.Errorf("pages of %v × %v, want %v", width, height, paper)
	}
	doc := &pdfDoc{Paper: "A4P", Origin: "LowerLeft", Fonts: pdfFonts(),
		Pages: map[string]*pdfPage{}}
	for p := 1; p <= pages; p++ {
		doc.Pages[strconv.Itoa(p)] = &pdfPage{}
	}
	for _, lb := range labels {
		style, ok := styleOf(lb)
		if !ok {
			return fmt.Errorf("label %q has no style", lb.Text)
		}
		bb, err := font.BoundingBox(doc.Fonts[style].Name)
		if err != nil {
			return err
		}
		y := lb.Y - math.Ceil(-bb.LL.Y*lb.Size/1000)
		pg := doc.Pages[strconv.Itoa(lb.Page)]
		pg.Content.Text = append(pg.Content.Text, pdfText{Value: lb.Text,
			Pos: [2]float64{lb.X, y}, Font: pdfFont{Name: "$" + style}})
	}
	js, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	conf := model.NewDefaultConfiguration()
	conf.Cmd = model.CREATE
	pdf, err := pdfcpu.CreateContextWithXRefTable(conf, paper)
	if err != nil {
		return err
	}
	if err := create.FromJSON(pdf, bytes.NewReader(js)); err != nil {
		return err
	}
	return api.WriteContext(pdf, w)
})

// styleOf finds the label style a painted label was set in.
func styleOf(lb PageLabel) (string, bool) {
	for name, st := range labelStyles {
		if st.size == lb.Size && st.bold == lb.Bold && float64(st.gray)/255 == lb.Gray {
			return name, true
		}
	}
	return "", false
}

func blankWith(t testing.TB, kind string, opts BlankOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteBlankWith(context.Background(), &buf, kind, PDF, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pdfcpuText matches how pdfcpu's layout places a text: a translation to
// its box, then a Td up to the baseline.
var pdfcpuText = regexp.MustCompile(
	`1\.00000 0\.00000 0\.00000 1\.00000 (\S+) (\S+) cm BT 0 Tw [^T]*? (\S+) (\S+) Td`)

// TestPaintedBaselines: every painted label starts where pdfcpu's layout
// starts the same text's baseline in a form drawn without a painter.
func TestPaintedBaselines(t *testing.T) {
	t.Parallel()
	for _, kind := range Kinds() {
		ctx, err := api.ReadAndValidate(bytes.NewReader(blankWith(t, kind, BlankOptions{})),
			model.NewDefaultConfiguration())
		if err != nil {
			t.Fatal(err)
		}
		var drawn []string
		for p := 1; p <= ctx.PageCount; p++ {
			d, _, _, err := ctx.PageDict(p, false)
			if err != nil {
				t.Fatal(err)
			}
			content, err := ctx.PageContent(d, p)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range pdfcpuText.FindAllStringSubmatch(string(content), -1) {
				x, y, dx, dy := atof(t, m[1]), atof(t, m[2]), atof(t, m[3]), atof(t, m[4])
				drawn = append(drawn, fmt.Sprintf("%d %.2f %.2f", p, x+dx, y+dy))
			}
		}
		s, _ := Lookup(kind)
		l, err := layoutPDF(s, true)
		if err != nil {
			t.Fatal(err)
		}
		var painted []string
		for _, lb := range l.labels {
			painted = append(painted, fmt.Sprintf("%d %.2f %.2f", lb.Page, lb.X, lb.Y))
		}
		slices.Sort(drawn)
		slices.Sort(painted)
		if !slices.Equal(drawn, painted) || len(painted) == 0 {
			t.Errorf("%s: pdfcpu's baselines\n%v\npainted baselines\n%v", kind, drawn, painted)
		}
	}
}

func atof(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestPaintedLooksLikeFallback renders, with poppler, forms painted by
// lomaPainter and forms drawn without a painter: every pixel of every page
// must agree, which holds only if the painted pages are laid over the
// form's exactly (not scaled, not moved) and the widgets stay on top.
func TestPaintedLooksLikeFallback(t *testing.T) {
	t.Parallel()
	for _, kind := range []string{"interest", "test_plan"} {
		plain := renderPages(t, blankWith(t, kind, BlankOptions{}))
		painted := renderPages(t, blankWith(t, kind, BlankOptions{Labels: lomaPainter}))
		if len(plain) != len(painted) || len(plain) == 0 {
			t.Fatalf("%s: %d pages painted, %d plain", kind, len(painted), len(plain))
		}
		for i := range plain {
			if n := differentPixels(plain[i], painted[i]); n != 0 {
				t.Errorf("%s page %d: %d pixels differ", kind, i+1, n)
			}
		}
	}
}

// renderPages renders every page with pdftoppm at 110 dpi.
func renderPages(t *testing.T, pdf []byte) []image.Image {
	t.Helper()
	bin := testtool.Need(t, "pdftoppm", "poppler-utils")
	dir := t.TempDir()
	in := filepath.Join(dir, "f.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "-r", "110", "-png", in,
		filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	slices.Sort(files)
	var pages []image.Image
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		im, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, im)
	}
	return pages
}

func differentPixels(a, b image.Image) int {
	if a.Bounds() != b.Bounds() {
		return a.Bounds().Dx() * a.Bounds().Dy()
	}
	n := 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				n++
			}
		}
	}
	return n
}

// TestPaintedForm: a painted form keeps its fields (form_kind and
// form_version hidden, filled in), its pages carry no text of their own,
// and the painter is told the form's page size and count.
func TestPaintedForm(t *testing.T) {
	t.Parallel()
	var gotW, gotH float64
	var gotPages int
	spy := LabelPainterFunc(func(ctx context.Context, w io.Writer, width, height float64,
		pages int, labels []PageLabel) error {
		gotW, gotH, gotPages = width, height, pages
		return lomaPainter(ctx, w, width, height, pages, labels)
	})
	pdf := blankWith(t, "test_plan", BlankOptions{Labels: spy})
	ctx, err := api.ReadAndValidate(bytes.NewReader(pdf), model.NewDefaultConfiguration())
	if err != nil {
		t.Fatal(err)
	}
	if gotW != 595 || gotH != 842 || gotPages != ctx.PageCount || gotPages < 2 {
		t.Errorf("painter asked for %d pages of %v × %v; the form has %d", gotPages, gotW, gotH,
			ctx.PageCount)
	}
	fields, err := api.FormFields(bytes.NewReader(pdf), nil)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]string{}
	for _, f := range fields {
		byName[f.Name] = f.V
	}
	if byName[KeyKind] != "test_plan" || byName[KeyVersion] != "1" {
		t.Errorf("identity fields hold %q, %q", byName[KeyKind], byName[KeyVersion])
	}
	s, _ := Lookup("test_plan")
	for _, f := range s.Fields {
		if _, ok := byName[f.Key]; !ok {
			t.Errorf("no field %s", f.Key)
		}
	}
	l, err := layoutPDF(s, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range l.doc.Pages {
		if len(p.Content.Text) != 0 {
			t.Errorf("a painted layout has pdfcpu text %v", p.Content.Text)
		}
	}
}

// TestPaintedErrors: a painter's error is returned wrapped; painted pages
// that are too few or of another size are refused.
func TestPaintedErrors(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	tests := []struct {
		name    string
		painter LabelPainterFunc
		is      error
	}{
		{"painter fails", func(context.Context, io.Writer, float64, float64, int,
			[]PageLabel) error {
			return boom
		}, boom},
		{"too few pages", func(ctx context.Context, w io.Writer, width, height float64,
			pages int, labels []PageLabel) error {
			return lomaPainter(ctx, w, width, height, pages-1, nil)
		}, nil},
		{"not a PDF", func(_ context.Context, w io.Writer, _, _ float64, _ int,
			_ []PageLabel) error {
			_, err := io.WriteString(w, "%PDF-1.7\nno")
			return err
		}, nil},
		{"letter size", func(_ context.Context, w io.Writer, _, _ float64, pages int,
			_ []PageLabel) error {
			conf := model.NewDefaultConfiguration()
			conf.Cmd = model.CREATE
			pdf, err := pdfcpu.CreateContextWithXRefTable(conf, paper)
			if err != nil {
				return err
			}
			page := `{"content": {"text": [{"value": "x", "pos": [9, 9],
				"font": {"name": "Helvetica", "size": 9}}]}}`
			js := `{"paper": "LetterP", "pages": {"1": ` + page + `, "2": ` + page + `}}`
			if err := create.FromJSON(pdf, bytes.NewReader([]byte(js))); err != nil {
				return err
			}
			return api.WriteContext(pdf, w)
		}, nil},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		err := WriteBlankWith(context.Background(), &buf, "test_plan", PDF,
			BlankOptions{Labels: tt.painter})
		if err == nil || (tt.is != nil && !errors.Is(err, tt.is)) {
			t.Errorf("%s: err = %v", tt.name, err)
		} else {
			t.Logf("%s: %v", tt.name, err)
		}
	}
}
