package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"sandboxbot/forms"
	"sandboxbot/internal/testtool"
	"sandboxbot/notices"
	"sandboxbot/templates"
)

// The blank PDF forms as the command line writes them: labels painted by
// notices' shaped text layer and laid over the form (wiring.go).

// tool runs a tool on its arguments and returns its standard output.
func tool(t testing.TB, name, debian string, args ...string) string {
	t.Helper()
	out, err := exec.Command(testtool.Need(t, name, debian), args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out)
}

// blankFile writes the blank PDF form of kind with `sandboxbot forms blank`
// and returns its path.
func blankFile(t *testing.T, kind string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), kind+".pdf")
	if code, _, errOut := sandboxbot(t, "forms", "blank", kind, "-o", path); code != 0 {
		t.Fatalf("forms blank %s: exit %d: %s", kind, code, errOut)
	}
	return path
}

// TestBlankFormLabels: pdftotext gives back the title and every field
// label of every kind as a line of its own, exactly as the schema spells
// it (tone marks over upper and lower vowels included); the labels' fonts
// are embedded Sarabun subsets with ToUnicode maps, Loma remains only as
// the input fields' font; qpdf finds the PDF sound. The desk's blank
// interest form is painted too.
func TestBlankFormLabels(t *testing.T) {
	t.Parallel()
	for _, kind := range forms.Kinds() {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			path := blankFile(t, kind)
			checkLabelText(t, kind, tool(t, "pdftotext", "poppler-utils", path, "-"))
			checkLabelFonts(t, tool(t, "pdffonts", "poppler-utils", path))
			out := tool(t, "qpdf", "qpdf", "--check", path)
			if !strings.Contains(out, "No syntax or stream encoding errors") {
				t.Errorf("qpdf --check:\n%s", out)
			}
		})
	}
	t.Run("desk", func(t *testing.T) {
		t.Parallel()
		files, err := blankForms(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), files[0].Name)
		if err := os.WriteFile(path, files[0].Data, 0o600); err != nil {
			t.Fatal(err)
		}
		checkLabelFonts(t, tool(t, "pdffonts", "poppler-utils", path))
	})
}

func checkLabelText(t *testing.T, kind, text string) {
	t.Helper()
	lines := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		lines[strings.Join(strings.Fields(l), " ")] = true
	}
	s, _ := forms.Lookup(kind)
	want := []string{s.Title.TH, s.Title.EN,
		fmt.Sprintf("form_kind: %s form_version: 1 หน้า/page 1", kind)}
	for _, f := range s.Fields {
		th, en := f.Label.TH, f.Label.EN
		if f.Optional {
			th, en = th+" (ถ้ามี)", en+" (optional)"
		}
		want = append(want, th, en)
	}
	for _, w := range want {
		if !lines[w] {
			t.Errorf("pdftotext has no line %q", w)
		}
	}
	if kind == "interest" && !lines["ชื่อหน่วยงาน"] {
		t.Errorf("pdftotext has no line ชื่อหน่วยงาน")
	}
}

// checkLabelFonts reads pdffonts' table: Sarabun Regular and Bold, each
// embedded, subset and with a ToUnicode map, and Loma, the input fields'
// font; nothing else.
func checkLabelFonts(t *testing.T, table string) {
	t.Helper()
	var names []string
	for _, row := range strings.Split(table, "\n")[2:] {
		f := strings.Fields(row)
		if len(f) < 7 {
			continue
		}
		_, name, _ := strings.Cut(f[0], "+")
		names = append(names, name)
		if emb, sub, uni := f[len(f)-5], f[len(f)-4], f[len(f)-3]; emb != "yes" ||
			sub != "yes" || uni != "yes" {
			t.Errorf("font %s: embedded %s, subset %s, ToUnicode %s", f[0], emb, sub, uni)
		}
	}
	slices.Sort(names)
	if want := []string{"Loma", "Sarabun-Bold", "Sarabun-Regular"}; !slices.Equal(names, want) {
		t.Errorf("fonts %v, want %v:\n%s", names, want, table)
	}
}

// TestBlankFormShaping: every label of two forms, run by run, shapes with
// notices' shaper exactly as hb-shape shapes it (glyphs, clusters,
// advances, offsets); and each page of the form draws, on top, the very
// content the painter wrote for that page. That the painter draws Shape's
// glyphs at their shaped positions is notices' TestOverlayGlyphsAsShaped.
func TestBlankFormShaping(t *testing.T) {
	t.Parallel()
	fonts, err := notices.Sarabun()
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"interest", "test_plan"} {
		var labels []forms.PageLabel
		var painted bytes.Buffer
		spy := forms.LabelPainterFunc(func(ctx context.Context, w io.Writer,
			width, height float64, pages int, ls []forms.PageLabel) error {
			labels = ls
			return labelPainter(ctx, io.MultiWriter(w, &painted), width, height, pages, ls)
		})
		var form bytes.Buffer
		err := forms.WriteBlankWith(context.Background(), &form, kind, forms.PDF,
			forms.BlankOptions{Labels: spy})
		if err != nil {
			t.Fatal(err)
		}
		if len(labels) < 20 {
			t.Fatalf("%s: %d labels painted", kind, len(labels))
		}
		compareWithHarfBuzz(t, fonts, labels)
		compareOverlay(t, form.Bytes(), painted.Bytes())
	}
}

// hbRun is one script run of a label, for hb-shape.
type hbRun struct {
	text  []rune
	run   notices.ScriptRun
	style templates.FontStyle
}

// compareWithHarfBuzz shapes every run of every label with Face.ShapeRun
// and with hb-shape (one call per face and script, a run a line).
func compareWithHarfBuzz(t *testing.T, fonts notices.Fonts, labels []forms.PageLabel) {
	t.Helper()
	batches := map[string][]hbRun{}
	for _, l := range labels {
		style := templates.Regular
		if l.Bold {
			style = templates.Bold
		}
		text := []rune(l.Text)
		for _, r := range notices.SplitScripts(text) {
			key := style.String() + "/" + r.Script.String()
			batches[key] = append(batches[key], hbRun{text, r, style})
		}
	}
	dir := t.TempDir()
	glyphs := 0
	for key, runs := range batches {
		style, script := runs[0].style, runs[0].run.Script
		font := filepath.Join(dir, style.String()+".ttf")
		if err := os.WriteFile(font, templates.Sarabun(style), 0o600); err != nil {
			t.Fatal(err)
		}
		var in strings.Builder
		for _, r := range runs {
			in.WriteString(string(r.text[r.run.Start:r.run.End]) + "\n")
		}
		file := filepath.Join(dir, strings.ReplaceAll(key, "/", "-")+".txt")
		if err := os.WriteFile(file, []byte(in.String()), 0o600); err != nil {
			t.Fatal(err)
		}
		out := tool(t, "hb-shape", "libharfbuzz-bin", "--text-file="+file,
			"--script="+strings.ToLower(script.String()), "--language=th",
			"--direction=ltr", "--no-glyph-names", "--output-format=json", font)
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		if len(lines) != len(runs) {
			t.Fatalf("%s: hb-shape gave %d lines for %d runs", key, len(lines), len(runs))
		}
		face := fonts.Face(style == templates.Bold)
		for i, r := range runs {
			var want []struct{ G, Cl, Dx, Dy, Ax int }
			if err := json.Unmarshal([]byte(lines[i]), &want); err != nil {
				t.Fatal(err)
			}
			got := face.ShapeRun(r.text, r.run.Start, r.run.End, r.run.Script)
			var a, b []string
			for _, g := range got {
				a = append(a, fmt.Sprint(g.ID, g.Cluster, g.XAdvance, g.XOffset, g.YOffset))
			}
			for _, g := range want {
				b = append(b, fmt.Sprint(g.G, r.run.Start+g.Cl, g.Ax, g.Dx, g.Dy))
			}
			if !slices.Equal(a, b) {
				t.Errorf("%q run %v in %s: Shape %v, hb-shape %v", string(r.text), r.run,
					face.Name, a, b)
			}
			glyphs += len(got)
		}
	}
	t.Logf("%d labels, %d glyphs shaped as hb-shape shapes them", len(labels), glyphs)
}

// compareOverlay checks that page i of form draws, as the XObject Labels,
// exactly the content of page i of painted, with painted's page size.
func compareOverlay(t *testing.T, form, painted []byte) {
	t.Helper()
	conf := model.NewDefaultConfiguration()
	f, err := api.ReadAndValidate(bytes.NewReader(form), conf)
	if err != nil {
		t.Fatal(err)
	}
	p, err := api.ReadAndValidate(bytes.NewReader(painted), conf)
	if err != nil {
		t.Fatal(err)
	}
	if f.PageCount != p.PageCount {
		t.Fatalf("form of %d pages, %d painted", f.PageCount, p.PageCount)
	}
	for i := 1; i <= f.PageCount; i++ {
		pd, _, pattr, err := p.PageDict(i, false)
		if err != nil {
			t.Fatal(err)
		}
		want, err := p.PageContent(pd, i)
		if err != nil {
			t.Fatal(err)
		}
		_, _, fattr, err := f.PageDict(i, false)
		if err != nil {
			t.Fatal(err)
		}
		xobjects, err := f.DereferenceDict(fattr.Resources["XObject"])
		if err != nil || xobjects["Labels"] == nil {
			t.Fatalf("page %d has no Labels XObject: %v", i, err)
		}
		sd, _, err := f.DereferenceStreamDict(xobjects["Labels"])
		if err != nil {
			t.Fatal(err)
		}
		if err := sd.Decode(); err != nil {
			t.Fatal(err)
		}
		bbox, err := f.DereferenceArray(sd.Dict["BBox"])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(sd.Content, want) || types.RectForArray(bbox).String() !=
			pattr.MediaBox.String() || !fattr.MediaBox.Equals(*pattr.MediaBox) {
			t.Errorf("page %d: the form draws %d bytes in %v on a page of %v; painted %d "+
				"bytes on %v", i, len(sd.Content), bbox, fattr.MediaBox, len(want),
				pattr.MediaBox)
		}
	}
}

// TestBlankFormRoundTrip: the painted interest form, filled by pdftk from
// XFDF (Thai values included), parses back to the record it was filled
// with, through forms.Parse as the desk reads it.
func TestBlankFormRoundTrip(t *testing.T) {
	t.Parallel()
	blank := blankFile(t, "interest")
	values := map[string]string{
		"org_name": "บริษัท ทดสอบระบบ จำกัด", "org_name_en": "Test Systems Co., Ltd.",
		"org_type": "company_limited (บริษัทจำกัด)", "juristic_id": "0105556012341",
		"contact_name": "สมชาย ใจดี", "contact_position": "ผู้จัดการฝ่ายนวัตกรรม",
		"contact_email": "somchai@example.co.th", "contact_phone": "02-123-4567",
		"solution_name": "ระบบลงนามอิเล็กทรอนิกส์", "category": "e-document",
		"description": "บริการลงนามเอกสารอิเล็กทรอนิกส์\nบนโทรศัพท์ที่ผู้ใช้มีอยู่แล้ว",
		"innovation":  "ลายมือชื่อดิจิทัลที่ไม่ต้องพิมพ์เอกสาร",
		"rule_gap":    "no_rule", "target_users": "ผู้ประกอบการ SME และหน่วยงานรัฐ",
		"preferred_round": "๑",
	}
	xfdf := filepath.Join(t.TempDir(), "interest.xfdf")
	if err := os.WriteFile(xfdf, testtool.XFDF(values), 0o600); err != nil {
		t.Fatal(err)
	}
	filled := filepath.Join(t.TempDir(), "filled.pdf")
	tool(t, "pdftk", "pdftk-java", blank, "fill_form", xfdf, "output", filled)
	data, err := os.ReadFile(filled)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := forms.Parse(context.Background(), "interest.pdf", data,
		forms.ParseOptions{Standalone: true})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	want := map[string]string{
		"org_name": values["org_name"], "org_name_en": values["org_name_en"],
		"org_type": "company_limited", "juristic_id": "0105556012341",
		"contact_name": values["contact_name"], "contact_position": values["contact_position"],
		"contact_email": "somchai@example.co.th", "contact_phone": "021234567",
		"solution_name": values["solution_name"], "category": "e-document",
		"description": values["description"], "innovation": values["innovation"],
		"rule_gap": "no_rule", "target_users": values["target_users"], "preferred_round": "1",
	}
	if rec.Kind != "interest" || rec.Source != "pdf" || len(rec.Fields) != len(want) {
		t.Errorf("kind %s, source %s, %d fields", rec.Kind, rec.Source, len(rec.Fields))
	}
	for k, w := range want {
		if got := rec.Fields[k].String(); got != w {
			t.Errorf("%s: got %q, want %q", k, got, w)
		}
	}
}

// BenchmarkWriteBlank writes blank PDF forms with pdfcpu's text layer
// (forms.WriteBlank) and with the labels painted (as the command line
// does).
func BenchmarkWriteBlank(b *testing.B) {
	for _, kind := range []string{"interest", "test_plan"} {
		for _, bench := range []struct {
			name string
			opts forms.BlankOptions
		}{{"pdfcpu", forms.BlankOptions{}}, {"painted", blankOptions}} {
			b.Run(kind+"/"+bench.name, func(b *testing.B) {
				var n int
				for b.Loop() {
					var buf bytes.Buffer
					err := forms.WriteBlankWith(context.Background(), &buf, kind, forms.PDF,
						bench.opts)
					if err != nil {
						b.Fatal(err)
					}
					n = buf.Len()
				}
				b.ReportMetric(float64(n), "bytes/form")
			})
		}
	}
}
