package notices

import (
	"bytes"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"sandboxbot/internal/testtool"
)

// letterCase is one letter to render and check.
type letterCase struct {
	name string
	l    Letter
	opt  LetterOptions
}

func letterCases(t testing.TB) []letterCase {
	th, en := sampleLetter(Thai), sampleLetter(English)
	bare := sampleLetter(Thai)
	bare.References, bare.Enclosures, bare.Unit, bare.Contact = nil, nil, "", nil
	bare.Body = bare.Body[:1]
	long := sampleLetter(Thai)
	for range 3 {
		long.Body = append(long.Body, long.Body...)
	}
	emblem := sampleEmblem(t)
	return []letterCase{
		{"thai", th, LetterOptions{Emblem: emblem, ThaiDigits: true}},
		{"thai-arabic-digits", th, LetterOptions{Emblem: emblem}},
		{"english", en, LetterOptions{Emblem: emblem}},
		{"thai-bare", bare, LetterOptions{}},
		{"thai-long", long, LetterOptions{ThaiDigits: true}},
	}
}

// normalise collapses runs of white space and trims the ends.
func normalise(s string) string { return strings.Join(strings.Fields(s), " ") }

// expectedLayoutLines returns, page by page, the text of each physical
// line as set: lines sharing a baseline joined left to right.
func expectedLayoutLines(doc *pdfDoc) [][]string {
	var pages [][]string
	for _, p := range doc.pages {
		ls := slices.Clone(p.lines)
		sort.SliceStable(ls, func(i, j int) bool {
			if math.Abs(ls[i].y-ls[j].y) > 0.5 {
				return ls[i].y > ls[j].y
			}
			return ls[i].x < ls[j].x
		})
		var out []string
		for i, l := range ls {
			if i > 0 && math.Abs(ls[i-1].y-l.y) <= 0.5 {
				out[len(out)-1] += " " + normalise(l.text)
				continue
			}
			out = append(out, normalise(l.text))
		}
		pages = append(pages, out)
	}
	return pages
}

// extractedPages splits pdftotext output into pages of normalised,
// non-empty lines.
func extractedPages(text string) [][]string {
	var pages [][]string
	for _, page := range strings.Split(strings.TrimSuffix(text, "\f"), "\f") {
		var out []string
		for _, l := range strings.Split(page, "\n") {
			if l = normalise(l); l != "" {
				out = append(out, l)
			}
		}
		pages = append(pages, out)
	}
	return pages
}

// TestLetterText renders each letter and checks that pdftotext gives back
// the text as set: in -layout mode line for line, every physical line in
// order; in plain mode the same words on each page.
func TestLetterText(t *testing.T) {
	t.Parallel()
	for _, tc := range letterCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := layoutLetter(tc.l, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := doc.writeTo(&buf); err != nil {
				t.Fatal(err)
			}
			want := expectedLayoutLines(doc)
			got := extractedPages(pdftotext(t, buf.Bytes(), "-layout"))
			comparePages(t, "pdftotext -layout", got, want)

			// Plain mode groups the header's two columns differently
			// from the page's lines, so it is compared word for word.
			comparePages(t, "pdftotext", sortedWords(extractedPages(
				pdftotext(t, buf.Bytes()))), sortedWords(want))
		})
	}
}

// sortedWords turns each page's lines into its sorted words.
func sortedWords(pages [][]string) [][]string {
	out := make([][]string, len(pages))
	for i, p := range pages {
		for _, l := range p {
			out[i] = append(out[i], strings.Fields(l)...)
		}
		slices.Sort(out[i])
	}
	return out
}

func comparePages(t *testing.T, tool string, got, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d pages, want %d", tool, len(got), len(want))
	}
	for p := range want {
		if !slices.Equal(got[p], want[p]) {
			t.Errorf("%s page %d:\n got %q\nwant %q", tool, p+1, got[p], want[p])
		}
	}
}

// TestLetterValid checks every letter with qpdf --check and pdfcpu's
// validation (relaxed and strict).
func TestLetterValid(t *testing.T) {
	t.Parallel()
	qpdf := testtool.Need(t, "qpdf", "qpdf")
	for _, tc := range letterCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := RenderLetter(&buf, tc.l, tc.opt); err != nil {
				t.Fatal(err)
			}
			checkPDF(t, qpdf, buf.Bytes())
		})
	}
}

func checkPDF(t *testing.T, qpdf string, pdf []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "letter.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(qpdf, "--check", path).CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("No syntax or stream encoding errors")) {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	conf := pdfConfig()
	if err := api.Validate(bytes.NewReader(pdf), conf); err != nil {
		t.Errorf("pdfcpu validate (relaxed): %v", err)
	}
	conf = pdfConfig()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(pdf), conf); err != nil {
		t.Errorf("pdfcpu validate (strict): %v", err)
	}
}

func TestRenderLetterErrors(t *testing.T) {
	t.Parallel()
	ok := sampleLetter(Thai)
	noDate, noSubject, noTo := ok, ok, ok
	noDate.Date = time.Time{}
	noSubject.Subject = ""
	noTo.To = ""
	missing := ok
	missing.Subject = "汉字"
	tests := []struct {
		name string
		l    Letter
		opt  LetterOptions
		want error
	}{
		{"no date", noDate, LetterOptions{}, ErrIncomplete},
		{"no subject", noSubject, LetterOptions{}, ErrIncomplete},
		{"no addressee", noTo, LetterOptions{}, ErrIncomplete},
		{"missing glyph", missing, LetterOptions{}, ErrMissingGlyph},
		{"bad emblem", ok, LetterOptions{Emblem: []byte("not an image")}, ErrBadImage},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		err := RenderLetter(&buf, tt.l, tt.opt)
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: wrote %d bytes on error", tt.name, buf.Len())
		}
	}
}

func TestFormatDate(t *testing.T) {
	t.Parallel()
	d := time.Date(2025, 5, 30, 23, 0, 0, 0, bangkok)
	tests := []struct {
		lang Lang
		thai bool
		want string
	}{
		{Thai, false, "30 พฤษภาคม 2568"},
		{Thai, true, "๓๐ พฤษภาคม ๒๕๖๘"},
		{English, true, "30 May 2025"},
		{"", false, "30 พฤษภาคม 2568"},
	}
	for _, tt := range tests {
		if got := FormatDate(d, tt.lang, tt.thai); got != tt.want {
			t.Errorf("FormatDate(%q, %v) = %q, want %q", tt.lang, tt.thai, got, tt.want)
		}
	}
}

// TestLetterMargins reads every word's box with pdftotext -bbox and checks
// that text stays between the regulation's margins: 3 cm left, 2 cm right,
// and that the body's left edge is exactly on the left margin.
func TestLetterMargins(t *testing.T) {
	t.Parallel()
	for _, tc := range letterCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := RenderLetter(&buf, tc.l, tc.opt); err != nil {
				t.Fatal(err)
			}
			out := pdftotext(t, buf.Bytes(), "-bbox")
			re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"`)
			minX, maxX := A4Width, 0.0
			for _, m := range re.FindAllStringSubmatch(out, -1) {
				x0, _ := strconv.ParseFloat(m[1], 64)
				x1, _ := strconv.ParseFloat(m[2], 64)
				minX, maxX = min(minX, x0), max(maxX, x1)
			}
			if math.Abs(minX-Cm(3)) > 0.5 {
				t.Errorf("leftmost text at %.2f pt, want the 3 cm margin %.2f", minX, Cm(3))
			}
			if limit := A4Width - Cm(2); maxX > limit+0.5 {
				t.Errorf("rightmost text at %.2f pt, past the 2 cm margin %.2f", maxX, limit)
			}
		})
	}
}
