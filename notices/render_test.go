package notices

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sandboxbot/cases"
)

// testAgency is an agency with every field set, its emblem written to a
// temporary file.
func testAgency(t testing.TB) Agency {
	t.Helper()
	path := filepath.Join(t.TempDir(), "emblem.png")
	if err := os.WriteFile(path, sampleEmblem(t), 0o600); err != nil {
		t.Fatal(err)
	}
	a := DefaultAgency
	a.SignerTH, a.SignerEN = "นางสาวตัวอย่าง ใจดี", "Ms Tuayang Jaidee"
	a.UnitTH, a.UnitEN = "ฝ่ายกำกับดูแลนวัตกรรมบริการดิจิทัล", "Digital Innovation Supervision"
	a.Phone, a.Email = "0 2123 1234 ต่อ 5678", "sandbox@example.org"
	a.EmblemPath = path
	return a
}

// langs are the applicant languages every kind is rendered in.
var langs = []string{"th", "en"}

// TestRenderEveryKind renders the sample of every kind in both languages
// and checks what an e-mail needs: the case's tag in a one-line subject,
// a body with no unfilled value, the languages for the recipient, and the
// PDFs letters carry.
func TestRenderEveryKind(t *testing.T) {
	t.Parallel()
	opt := RenderOptions{Agency: testAgency(t), ThaiDigits: true}
	for _, k := range Kinds() {
		for _, lang := range langs {
			t.Run(string(k)+"/"+lang, func(t *testing.T) {
				t.Parallel()
				n := Sample(k, lang)
				r, err := Render(context.Background(), n, opt)
				if err != nil {
					t.Fatal(err)
				}
				checkMail(t, n, r)
				checkAttachments(t, n, r)
			})
		}
	}
}

func checkMail(t *testing.T, n cases.Notice, r *Rendered) {
	t.Helper()
	if !n.Case.Ref.IsZero() && !strings.Contains(r.Subject, "[DSS-2569-0007]") {
		t.Errorf("subject %q lacks the case tag", r.Subject)
	}
	if strings.ContainsAny(r.Subject, "\r\n") {
		t.Errorf("subject %q is not one line", r.Subject)
	}
	if len(strings.TrimSpace(r.Body)) < 100 {
		t.Errorf("body too short: %q", r.Body)
	}
	for _, bad := range []string{"<no value>", "%!", "{{", "\n\n\n"} {
		if strings.Contains(r.Subject+r.Body, bad) {
			t.Errorf("text holds %q:\n%s\n%s", bad, r.Subject, r.Body)
		}
	}
	want := []Lang{Lang(n.Case.Applicant.Lang)}
	if n.To == cases.ToOfficers || n.To == cases.ToManagement ||
		(n.To == cases.ToActor && n.Event.Actor != cases.ByApplicant) ||
		n.Case.Applicant.Lang == "" {
		want = []Lang{Thai, English}
	}
	if strings.Join(langStrings(r.Langs), ",") != strings.Join(langStrings(want), ",") {
		t.Errorf("languages %v, want %v", r.Langs, want)
	}
	if two := strings.Contains(r.Body, separator); two != (len(want) == 2) {
		t.Errorf("bilingual separator present=%v for languages %v", two, want)
	}
	if !strings.HasSuffix(r.Body, "\n") {
		t.Error("body does not end with a newline")
	}
}

func langStrings(ls []Lang) []string {
	var out []string
	for _, l := range ls {
		out = append(out, string(l))
	}
	return out
}

func checkAttachments(t *testing.T, n cases.Notice, r *Rendered) {
	t.Helper()
	want := 0
	if IsLetter(n.Kind) {
		want = 1
	}
	if n.Kind == cases.NoticeApproval {
		want = 2
	}
	if len(r.Attachments) != want {
		t.Fatalf("%d attachments, want %d", len(r.Attachments), want)
	}
	for _, a := range r.Attachments {
		if a.ContentType != "application/pdf" || !strings.HasPrefix(string(a.Data), "%PDF-") ||
			!strings.HasPrefix(a.Name, "DSS-2569-0007-") || !strings.HasSuffix(a.Name, ".pdf") {
			t.Errorf("attachment %s (%s, %d bytes) is not a named PDF", a.Name, a.ContentType,
				len(a.Data))
		}
	}
}

// TestRenderLanguages checks who gets which language: the applicant its
// own, officers and management both, the actor of a refusal its own when
// it is the applicant.
func TestRenderLanguages(t *testing.T) {
	t.Parallel()
	reminderToOfficers := Sample(cases.NoticeReminder, "en")
	reminderToOfficers.To = cases.ToOfficers
	unknown := Sample(cases.NoticeRefusal, "th")
	unknown.Case = cases.Case{Stage: cases.None}
	unknown.Event.Applicant = nil
	interestEN := Sample(cases.NoticeRefusal, "th")
	interestEN.Case = cases.Case{Stage: cases.None}
	interestEN.Event.Applicant = &cases.ApplicantInfo{OrgName: "Acme", Lang: "en"}
	tests := []struct {
		name string
		n    cases.Notice
		want string
	}{
		{"applicant th", Sample(cases.NoticeInScope, "th"), "th"},
		{"applicant en", Sample(cases.NoticeInScope, "en"), "en"},
		{"officers", Sample(cases.NoticeSubmission, "en"), "th,en"},
		{"reminder to officers", reminderToOfficers, "th,en"},
		{"officer who acted", Sample(cases.NoticeConfirmation, "en"), "th,en"},
		{"refused applicant", Sample(cases.NoticeRefusal, "en"), "en"},
		{"refused, language unknown", unknown, "th,en"},
		{"refused interest in English", interestEN, "en"},
	}
	for _, tt := range tests {
		r, err := Render(context.Background(), tt.n, RenderOptions{})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := strings.Join(langStrings(r.Langs), ","); got != tt.want {
			t.Errorf("%s: languages %s, want %s", tt.name, got, tt.want)
		}
		if tt.n.Case.Ref.IsZero() && strings.Contains(r.Subject, "[DSS-") {
			t.Errorf("%s: subject %q has a tag but there is no case", tt.name, r.Subject)
		}
	}
}

// TestRenderZeroOptions renders with the zero RenderOptions: the default
// agency, shipped wording, no emblem.
func TestRenderZeroOptions(t *testing.T) {
	t.Parallel()
	r, err := Render(context.Background(), Sample(cases.NoticeApproval, "th"), RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := pdftotext(t, r.Attachments[0].Data, "-layout")
	for _, want := range []string{DefaultAgency.NameTH, "ที่ สพธอ. 412/2569", "30 มีนาคม 2569"} {
		if !strings.Contains(text, want) {
			t.Errorf("letter lacks %q:\n%s", want, text)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	t.Parallel()
	done, cancel := context.WithCancel(context.Background())
	cancel()
	noEmblem := RenderOptions{Agency: Agency{EmblemPath: filepath.Join(t.TempDir(), "none.png")}}
	tests := []struct {
		name string
		ctx  context.Context
		n    cases.Notice
		opt  RenderOptions
		want error
	}{
		{"unknown kind", context.Background(), Sample("no_such_kind", "th"), RenderOptions{},
			ErrUnknownKind},
		{"path as kind", context.Background(), Sample("../common", "th"), RenderOptions{},
			ErrUnknownKind},
		{"cancelled", done, Sample(cases.NoticeInScope, "th"), RenderOptions{}, context.Canceled},
		{"missing emblem", context.Background(), Sample(cases.NoticeInScope, "th"), noEmblem,
			os.ErrNotExist},
	}
	for _, tt := range tests {
		r, err := Render(tt.ctx, tt.n, tt.opt)
		if !errors.Is(err, tt.want) || r != nil {
			t.Errorf("%s: got %v, %v; want %v", tt.name, r, err, tt.want)
		}
	}
}
