package notices

import (
	"bytes"
	"context"
	"strings"
	"time"

	"sandboxbot/cases"
)

// RenderOptions are the agency's details and the rendering choices of
// Render. The zero value works: DefaultAgency, the shipped wording,
// Arabic digits, the shipped fonts and word list, and reports due
// cases.DefaultPolicy.ReportGraceDays after each period.
type RenderOptions struct {
	// Agency is the sender; its empty fields take DefaultAgency's values.
	Agency Agency
	// TemplateDir is a directory of wording files that replace the
	// shipped ones of the same name (in_scope.th.tmpl, common.en.tmpl,
	// …); "" uses the shipped wording only. Files are read at each Render
	// and parsed again when their size or time changes, so an edit takes
	// effect without a restart.
	TemplateDir string
	// ThaiDigits sets dates and numbers in Thai letters and agreements in
	// Thai digits (๐–๙). E-mails and English letters use Arabic digits.
	ThaiDigits bool
	// Fonts and Dictionary replace the shipped Sarabun and Thai word list
	// (see LoadDictionaryFile); zero values use the shipped ones.
	Fonts      Fonts
	Dictionary *Dictionary
	// ReportGraceDays is how long after the end of a reporting period its
	// report is due, as the agreement states it; zero means
	// cases.DefaultPolicy.ReportGraceDays. Give the store's policy value.
	ReportGraceDays int
}

// Rendered is what an e-mail carrying a notice needs, without any MIME.
type Rendered struct {
	// Subject is one line. When the notice is about a case it contains
	// the case's tag, [DSS-2569-0007], whatever the wording says.
	Subject string
	// Body is plain UTF-8 text, lines ending in "\n".
	Body string
	// Langs are the languages of the text: the applicant's, or Thai then
	// English for officers (and for an applicant whose language is not
	// known yet).
	Langs []Lang
	// Attachments are the letter for a letter kind and, for an approval,
	// the participation agreement with the test plan annexed.
	Attachments []Attachment
}

// Attachment is one file of a notice.
type Attachment struct {
	Name        string // file name, e.g. DSS-2569-0007-approval.pdf
	ContentType string // e.g. application/pdf
	Data        []byte
}

// separator stands between the Thai and the English text of a bilingual
// e-mail.
const separator = "\n\n----------------------------------------\n\n"

// Render writes the notice n: its subject and body in the recipient's
// language, and its PDFs. It fails with ErrUnknownKind for a kind not in
// Kinds, ErrTemplate (naming the file) for broken wording, the letter
// errors of RenderLetter and RenderDocument, and ctx's error when ctx is
// done. It is safe for concurrent use.
func Render(ctx context.Context, n cases.Notice, opt RenderOptions) (*Rendered, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !known(n.Kind) {
		return nil, errorf("rendering %q: %w", n.Kind, ErrUnknownKind)
	}
	opt.Agency = opt.Agency.withDefaults()
	// Read the case's forms once, inside the store's transaction.
	recs, err := n.Records(ctx)
	if err != nil {
		return nil, errorf("reading the forms of %s: %w", n.Case.Ref, err)
	}
	n.SetRecords(recs)
	r, err := mailText(n, opt)
	if err != nil {
		return nil, err
	}
	if !sendsLetter(n) {
		return r, nil
	}
	r.Attachments, err = renderPDFs(ctx, n, opt)
	if err != nil {
		return nil, err
	}
	return r, nil
}

// mailText writes the subject and body of n in the recipient's languages,
// Thai then English for two, the case's tag in the subject.
func mailText(n cases.Notice, opt RenderOptions) (*Rendered, error) {
	r := &Rendered{Langs: mailLangs(n)}
	var subjects, bodies []string
	for _, lang := range r.Langs {
		w, err := loadWording(opt.TemplateDir, string(n.Kind), lang)
		if err != nil {
			return nil, err
		}
		v := newView(n, lang, opt, false)
		s, err := w.need("subject", v)
		if err != nil {
			return nil, err
		}
		b, err := w.need("body", v)
		if err != nil {
			return nil, err
		}
		subjects, bodies = append(subjects, flat(s)), append(bodies, tidy(b))
	}
	r.Subject = strings.Join(subjects, " / ")
	if tag := n.Case.Ref.Tag(); !n.Case.Ref.IsZero() && !strings.Contains(r.Subject, tag) {
		r.Subject = tag + " " + r.Subject
	}
	r.Body = strings.Join(bodies, separator) + "\n"
	return r, nil
}

// sendsLetter reports whether n goes out as a numbered letter.
func sendsLetter(n cases.Notice) bool {
	return n.LetterNo != "" || (IsLetter(n.Kind) && n.To == cases.ToApplicant)
}

// renderPDFs renders the letter of n and, for an approval, the agreement.
func renderPDFs(ctx context.Context, n cases.Notice, opt RenderOptions) ([]Attachment, error) {
	lang := applicantLang(n)
	emblem, err := opt.Agency.emblem()
	if err != nil {
		return nil, err
	}
	lo := LetterOptions{Fonts: opt.Fonts, Dictionary: opt.Dictionary, Emblem: emblem,
		ThaiDigits: opt.ThaiDigits}
	l, err := buildLetter(n, lang, opt)
	if err != nil {
		return nil, err
	}
	var letter bytes.Buffer
	if err := RenderLetter(&letter, l, lo); err != nil {
		return nil, errorf("rendering the %s letter of %s: %w", n.Kind, n.Case.Ref, err)
	}
	out := []Attachment{pdfAttachment(n, string(n.Kind), letter.Bytes())}
	if n.Kind != cases.NoticeApproval {
		return out, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	lo.Emblem, lo.Title = nil, ""
	agreement, err := renderAgreement(n, lang, opt, lo)
	if err != nil {
		return nil, err
	}
	return append(out, pdfAttachment(n, "agreement", agreement)), nil
}

func pdfAttachment(n cases.Notice, what string, data []byte) Attachment {
	name := what + ".pdf"
	if !n.Case.Ref.IsZero() {
		name = n.Case.Ref.String() + "-" + name
	}
	return Attachment{Name: name, ContentType: "application/pdf", Data: data}
}

// mailLangs returns the languages of a notice's e-mail: the applicant's
// for the applicant, and for an applicant who caused a refused event when
// their language is known; Thai and English for everyone else.
func mailLangs(n cases.Notice) []Lang {
	switch {
	case n.To == cases.ToApplicant:
		return []Lang{applicantLang(n)}
	case n.To == cases.ToActor && n.Event.Actor == cases.ByApplicant:
		if lang, ok := knownLang(n); ok {
			return []Lang{lang}
		}
	}
	return []Lang{Thai, English}
}

// applicantLang is the applicant's language, Thai when not known.
func applicantLang(n cases.Notice) Lang {
	if lang, ok := knownLang(n); ok {
		return lang
	}
	return Thai
}

// knownLang is the language of the case's applicant or, before there is
// a case, of the expression of interest that was refused.
func knownLang(n cases.Notice) (Lang, bool) {
	l := n.Case.Applicant.Lang
	if l == "" && n.Event.Applicant != nil {
		l = n.Event.Applicant.Lang
	}
	switch l {
	case "en":
		return English, true
	case "th":
		return Thai, true
	}
	return "", false
}

// tidy trims each line's end and keeps at most one blank line in a row.
func tidy(s string) string {
	var out []string
	blank := false
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimRight(l, " \t\r")
		if l == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		out, blank = append(out, l), false
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// letterDate is the day a letter bears: the notice's time, or now when
// the notice has none.
func letterDate(n cases.Notice) time.Time {
	if n.At.IsZero() {
		return time.Now().In(cases.Bangkok)
	}
	return n.At.In(cases.Bangkok)
}
