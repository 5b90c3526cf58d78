package notices

import (
	"context"
	"testing"

	"sandboxbot/cases"
)

// BenchmarkRender renders a one-page Thai letter through Render, as the
// outbox composer does: the wording executed, the e-mail text, and the
// letter's PDF in Thai digits. It reports the median time
// ("median-ms/op"); the target is 25 ms or less.
//
// At 16 pt with Sarabun's 1.6 em lines, a letter with the emblem, a
// two-line position and the unit's contact lines takes two pages whatever
// its body, so the one-page letter here is the fixes-accepted letter with
// the default agency and a signatory, and no emblem.
func BenchmarkRender(b *testing.B) {
	a := DefaultAgency
	a.SignerTH = "นางสาวตัวอย่าง ใจดี"
	opt := RenderOptions{Agency: a, ThaiDigits: true}
	n := Sample(cases.NoticeFixesAccepted, "th")
	l, err := buildLetter(n, Thai, RenderOptions{Agency: a.withDefaults(), ThaiDigits: true})
	if err != nil {
		b.Fatal(err)
	}
	doc, err := layoutLetter(l, LetterOptions{ThaiDigits: true})
	if err != nil {
		b.Fatal(err)
	}
	if len(doc.pages) != 1 {
		b.Fatalf("the benchmark letter has %d pages, want 1", len(doc.pages))
	}
	ctx := context.Background()
	medianMs(b, func() error {
		_, err := Render(ctx, n, opt)
		return err
	})
}

// BenchmarkRenderApproval renders the approval with every field of the
// agency and the emblem: its two-page letter and the participation
// agreement with the annex merged by pdfcpu.
func BenchmarkRenderApproval(b *testing.B) {
	opt := RenderOptions{Agency: testAgency(b), ThaiDigits: true}
	n := Sample(cases.NoticeApproval, "th")
	ctx := context.Background()
	medianMs(b, func() error {
		_, err := Render(ctx, n, opt)
		return err
	})
}

// BenchmarkRenderMail renders an e-mail-only notice (a reminder).
func BenchmarkRenderMail(b *testing.B) {
	n := Sample(cases.NoticeReminder, "th")
	ctx := context.Background()
	medianMs(b, func() error {
		_, err := Render(ctx, n, RenderOptions{})
		return err
	})
}

// BenchmarkRenderTwoPages renders the in-scope letter with every field of
// the agency and the emblem, which takes two pages.
func BenchmarkRenderTwoPages(b *testing.B) {
	opt := RenderOptions{Agency: testAgency(b), ThaiDigits: true}
	n := Sample(cases.NoticeInScope, "th")
	ctx := context.Background()
	medianMs(b, func() error {
		_, err := Render(ctx, n, opt)
		return err
	})
}
