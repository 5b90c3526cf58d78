package notices

import (
	"context"
	"strings"
	"testing"
	"unicode"

	"sandboxbot/cases"
	"sandboxbot/internal/testtool"
)

// TestLetterKindsText renders the letter of every letter kind in both
// languages through Render and checks, with poppler's pdftotext, that the
// PDF gives back the intended text: in -layout mode line for line as the
// letter was set, and every paragraph of the wording in order. Each PDF
// also passes qpdf --check and pdfcpu's strict validation.
func TestLetterKindsText(t *testing.T) {
	t.Parallel()
	qpdf := testtool.Need(t, "qpdf", "qpdf")
	opt := RenderOptions{Agency: testAgency(t), ThaiDigits: true}
	opt.Agency = opt.Agency.withDefaults()
	for _, k := range Kinds() {
		if !IsLetter(k) {
			continue
		}
		for _, lang := range langs {
			t.Run(string(k)+"/"+lang, func(t *testing.T) {
				t.Parallel()
				n := Sample(k, lang)
				r, err := Render(context.Background(), n, opt)
				if err != nil {
					t.Fatal(err)
				}
				l, err := buildLetter(n, Lang(lang), opt)
				if err != nil {
					t.Fatal(err)
				}
				emblem, err := opt.Agency.emblem()
				if err != nil {
					t.Fatal(err)
				}
				doc, err := layoutLetter(l, LetterOptions{Emblem: emblem, ThaiDigits: true})
				if err != nil {
					t.Fatal(err)
				}
				pdf := r.Attachments[0].Data
				want := expectedLayoutLines(doc)
				got := extractedPages(pdftotext(t, pdf, "-layout"))
				comparePages(t, "pdftotext -layout", got, want)
				last := strings.Join(want[len(want)-1], "\n")
				if !strings.Contains(last, "("+l.Signer+")") {
					t.Errorf("the last page has no signature:\n%s", last)
				}
				inOrder(t, pdftotext(t, pdf), letterTexts(l))
				checkPDF(t, qpdf, pdf)
			})
		}
	}
}

// letterTexts is what a letter must say, in page order.
func letterTexts(l Letter) []string {
	out := []string{l.Subject, l.To}
	out = append(out, l.References...)
	out = append(out, l.Enclosures...)
	for _, p := range l.Body {
		out = append(out, p.String())
	}
	return append(out, l.Position...)
}

// inOrder checks that each text appears in the extracted text after the
// one before, comparing without white space (Thai lines break between
// words with no space to drop) and without the page numbers ("‐ 2 ‐")
// that fall inside a paragraph broken across pages.
func inOrder(t *testing.T, extracted string, texts []string) {
	t.Helper()
	var kept []string
	for _, l := range strings.Split(extracted, "\n") {
		if f := strings.Fields(l); len(f) == 3 && f[0] == "\u2010" && f[2] == "\u2010" {
			continue
		}
		kept = append(kept, l)
	}
	all := noSpace(strings.Join(kept, "\n"))
	at := 0
	for _, s := range texts {
		i := strings.Index(all[at:], noSpace(s))
		if i < 0 {
			t.Errorf("text not found (after offset %d): %q", at, s)
			continue
		}
		at += i + len(noSpace(s))
	}
}

func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestAgreementText checks the participation agreement sent with an
// approval: its own pages line for line, the annexed test plan after them,
// and validity.
func TestAgreementText(t *testing.T) {
	t.Parallel()
	qpdf := testtool.Need(t, "qpdf", "qpdf")
	opt := RenderOptions{Agency: testAgency(t), ThaiDigits: true}
	opt.Agency = opt.Agency.withDefaults()
	for _, lang := range langs {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			n := Sample(cases.NoticeApproval, lang)
			r, err := Render(context.Background(), n, opt)
			if err != nil {
				t.Fatal(err)
			}
			d, annex, err := buildAgreement(n, Lang(lang), opt)
			if err != nil {
				t.Fatal(err)
			}
			if annex == nil {
				t.Fatal("no annex although the sample has a test plan")
			}
			lo := LetterOptions{ThaiDigits: true}
			doc, err := layoutDocument(d, lo)
			if err != nil {
				t.Fatal(err)
			}
			annexDoc, err := layoutDocument(*annex, lo)
			if err != nil {
				t.Fatal(err)
			}
			pdf := r.Attachments[1].Data
			got := extractedPages(pdftotext(t, pdf, "-layout"))
			want := append(expectedLayoutLines(doc), expectedLayoutLines(annexDoc)...)
			comparePages(t, "pdftotext -layout", got, want)
			plan := []string{n.Case.Applicant.OrgNameEN, "5,000", "100,000"}
			if lang == "th" {
				plan = []string{"๕,๐๐๐", "๑๐๐,๐๐๐", "ตัวชี้วัดความสำเร็จ"}
			}
			inOrder(t, pdftotext(t, pdf), plan)
			checkPDF(t, qpdf, pdf)
		})
	}
}
