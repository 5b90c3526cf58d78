package notices

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"sandboxbot/templates"
)

// oneFullPage is the Thai sample letter cut to what fits on one page:
// every block of the layout, a short body.
func oneFullPage() Letter {
	l := sampleLetter(Thai)
	l.Body = append(l.Body[:1:1], l.Body[3])
	l.Enclosures = l.Enclosures[:1]
	l.References = nil
	l.Position = l.Position[:1]
	return l
}

// medianMs runs f b.N times, timing each run, and reports the median in
// milliseconds as the metric "median-ms/op"; it returns the median.
func medianMs(b *testing.B, f func() error) float64 {
	b.Helper()
	var times []time.Duration
	for b.Loop() {
		start := time.Now()
		if err := f(); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	med := float64(times[len(times)/2].Microseconds()) / 1000
	b.ReportMetric(med, "median-ms/op")
	return med
}

// BenchmarkLetter renders a one-page Thai letter with sandboxbot and, in
// the same run, converts an equivalent flat ODT document to PDF with
// LibreOffice headless (same text, Sarabun 16 pt, A4, same margins), and
// logs the ratio of the medians. The LibreOffice half is skipped, saying
// so, when soffice is not installed; the sandboxbot half never is.
func BenchmarkLetter(b *testing.B) {
	l, opt := oneFullPage(), LetterOptions{Emblem: sampleEmblem(b), ThaiDigits: true}
	doc, err := layoutLetter(l, opt)
	if err != nil {
		b.Fatal(err)
	}
	if len(doc.pages) != 1 {
		b.Fatalf("the benchmark letter has %d pages, want 1", len(doc.pages))
	}
	var ours, theirs float64
	b.Run("sandboxbot", func(b *testing.B) {
		ours = medianMs(b, func() error { return RenderLetter(io.Discard, l, opt) })
	})
	b.Run("libreoffice", func(b *testing.B) {
		soffice, err := exec.LookPath("soffice")
		if err != nil {
			b.Skip("soffice not installed (Debian libreoffice-writer-nogui): " +
				"LibreOffice comparison not run")
		}
		convert := libreOfficeConverter(b, soffice, l)
		if err := convert(); err != nil { // first run builds the profile
			b.Fatal(err)
		}
		theirs = medianMs(b, convert)
	})
	if ours > 0 && theirs > 0 {
		b.Logf("median one-page letter: sandboxbot %.1f ms, LibreOffice %.0f ms, ratio %.0f×",
			ours, theirs, theirs/ours)
	}
}

// libreOfficeConverter writes the letter as flat ODT, a fontconfig setup that
// gives LibreOffice the same Sarabun files, and a private user profile; it
// returns a function converting the HTML to PDF once.
func libreOfficeConverter(b *testing.B, soffice string, l Letter) func() error {
	dir := b.TempDir()
	fonts := filepath.Join(dir, "fonts")
	if err := os.MkdirAll(fonts, 0o755); err != nil {
		b.Fatal(err)
	}
	for name, style := range map[string]templates.FontStyle{
		"Sarabun-Regular.ttf": templates.Regular, "Sarabun-Bold.ttf": templates.Bold} {
		err := os.WriteFile(filepath.Join(fonts, name), templates.Sarabun(style), 0o644)
		if err != nil {
			b.Fatal(err)
		}
	}
	conf := filepath.Join(dir, "fonts.conf")
	fc := fmt.Sprintf(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<dir>%s</dir><cachedir>%s</cachedir></fontconfig>`, fonts, filepath.Join(dir, "fccache"))
	if err := os.WriteFile(conf, []byte(fc), 0o644); err != nil {
		b.Fatal(err)
	}
	in := filepath.Join(dir, "letter.fodt")
	if err := os.WriteFile(in, []byte(letterFODT(l)), 0o644); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	return func() error {
		cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
			"--headless", "--convert-to", "pdf:writer_pdf_Export", "--outdir", out, in)
		cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+conf)
		if msg, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("soffice: %v\n%s", err, msg)
		}
		pdf, err := os.ReadFile(filepath.Join(out, "letter.pdf"))
		if err != nil {
			return fmt.Errorf("soffice wrote no PDF: %w", err)
		}
		n, err := api.PageCount(bytes.NewReader(pdf), pdfConfig())
		if err != nil || n != 1 {
			return fmt.Errorf("soffice's PDF: %d pages, want 1 (%v)", n, err)
		}
		return nil
	}
}

// letterFODT is the same letter as a flat OpenDocument text for
// LibreOffice's Writer: A4, the regulation's margins, Sarabun 16 pt with
// the same 1.6 em line pitch, a 3 cm space for the emblem, the same blocks.
func letterFODT(l Letter) string {
	var b bytes.Buffer
	p := func(style, text string) {
		fmt.Fprintf(&b, "<text:p text:style-name=\"%s\">%s</text:p>\n",
			style, html.EscapeString(text))
	}
	b.WriteString(fodtHead)
	p("Emblem", "")
	p("Standard", "ที่ "+l.Number)
	for _, a := range l.Agency {
		p("Agency", a)
	}
	p("Date", FormatDate(l.Date, Thai, true))
	p("Standard", "เรื่อง "+l.Subject)
	p("Standard", "เรียน "+l.To)
	for _, r := range l.References {
		p("Standard", "อ้างถึง "+r)
	}
	for i, x := range l.Enclosures {
		p("Standard", fmt.Sprintf("สิ่งที่ส่งมาด้วย %d. %s", i+1, x))
	}
	for _, para := range l.Body {
		p("Body", para.String())
	}
	p("Closing", "ขอแสดงความนับถือ")
	p("Signature", "("+l.Signer+")")
	for _, x := range l.Position {
		p("Sign", x)
	}
	p("Unit", l.Unit)
	for _, x := range l.Contact {
		p("Standard", x)
	}
	b.WriteString("</office:text></office:body></office:document>\n")
	return b.String()
}

const fodtHead = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Sarabun" svg:font-family="Sarabun"/>
</office:font-face-decls>
<office:styles><style:default-style style:family="paragraph">
<style:paragraph-properties fo:line-height="25.6pt"/>
<style:text-properties style:font-name="Sarabun" fo:font-size="16pt"
 style:font-name-complex="Sarabun" style:font-size-complex="16pt"
 style:language-complex="th" style:country-complex="TH"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/></office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm"
 fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="2cm" fo:margin-left="3cm"
 fo:margin-right="2cm"/></style:page-layout>
<style:style style:name="Emblem" style:family="paragraph"><style:paragraph-properties
 fo:margin-top="2.4cm"/></style:style>
<style:style style:name="Agency" style:family="paragraph"><style:paragraph-properties
 fo:margin-left="6cm"/></style:style>
<style:style style:name="Date" style:family="paragraph"><style:paragraph-properties
 fo:margin-left="8cm" fo:margin-top="0.45cm" fo:margin-bottom="0.45cm"/></style:style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties
 fo:text-indent="2.5cm" fo:text-align="justify"/></style:style>
<style:style style:name="Closing" style:family="paragraph"><style:paragraph-properties
 fo:margin-left="8cm" fo:margin-top="0.45cm" fo:margin-bottom="1.8cm"/></style:style>
<style:style style:name="Signature" style:family="paragraph"><style:paragraph-properties
 fo:margin-left="6cm" fo:text-align="center"/></style:style>
<style:style style:name="Sign" style:family="paragraph"><style:paragraph-properties
 fo:margin-left="6cm" fo:text-align="center"/></style:style>
<style:style style:name="Unit" style:family="paragraph"><style:paragraph-properties
 fo:margin-top="0.9cm"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/>
</office:master-styles>
<office:body><office:text>
`
