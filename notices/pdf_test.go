package notices

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// renderParagraphs writes paragraphs to a one-column A4 PDF.
func renderParagraphs(t *testing.T, ps []Paragraph, align Align) []byte {
	t.Helper()
	fonts, err := Sarabun()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := newPDFDoc("test")
	if err != nil {
		t.Fatal(err)
	}
	f, err := newFlow(doc, fonts, DefaultDictionary(), pageSetup{left: Cm(3), right: Cm(2),
		top: Cm(2.5), bottom: Cm(2), size: 16, numberFrom: 2, thaiDigits: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if err := f.paragraph(p, paraStyle{align: align, indent: Cm(2.5)}); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := doc.write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pdftotext runs poppler's pdftotext on a PDF and returns its text.
func pdftotext(t *testing.T, pdf []byte, args ...string) string {
	t.Helper()
	bin := needTool(t, "pdftotext", "poppler-utils")
	in := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, append(args, in, "-")...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

func TestExtractShapingCorpus(t *testing.T) {
	t.Parallel()
	lines := readCorpus(t, "shaping-corpus.txt")
	var ps []Paragraph
	for _, l := range lines {
		ps = append(ps, Plain(l))
	}
	pdf := renderParagraphs(t, ps, AlignLeft)
	os.WriteFile("/tmp/corpus.pdf", pdf, 0o644)
	got := pdftotext(t, pdf)
	_ = got
	_ = strings.Fields
}
