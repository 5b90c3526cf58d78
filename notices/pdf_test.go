package notices

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"sandboxbot/internal/testtool"
)

// renderParagraphs writes paragraphs to a one-column A4 PDF.
func renderParagraphs(t *testing.T, ps []Paragraph, align Align) (*pdfDoc, []byte) {
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
	return doc, buf.Bytes()
}

// pdftotext runs poppler's pdftotext on a PDF and returns its text.
func pdftotext(t *testing.T, pdf []byte, args ...string) string {
	t.Helper()
	bin := testtool.Need(t, "pdftotext", "poppler-utils")
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

// TestExtractShapingCorpus sets every line of the shaping corpus (all
// consonants with all vowels and tone marks) as a paragraph and checks that
// pdftotext -layout gives back each line as set, and the PDF is valid.
func TestExtractShapingCorpus(t *testing.T) {
	t.Parallel()
	var ps []Paragraph
	for _, l := range readCorpus(t, "shaping-corpus.txt") {
		ps = append(ps, Plain(l))
	}
	for _, align := range []Align{AlignLeft, AlignThaiDistributed} {
		doc, pdf := renderParagraphs(t, ps, align)
		want := expectedLayoutLines(doc)
		got := extractedPages(pdftotext(t, pdf, "-layout"))
		comparePages(t, "pdftotext -layout", got, want)
		if t.Failed() {
			return
		}
	}
}
