package notices

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sandboxbot/cases"
	"sandboxbot/templates"
)

// writeWording writes one wording file into dir.
func writeWording(t *testing.T, dir, file, text string) string {
	t.Helper()
	path := filepath.Join(dir, file)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestOverride replaces the in-scope wording in Thai from a directory and
// checks that the subject, the body and the letter's text change, that
// English keeps the shipped wording, and that editing the file again takes
// effect at the next Render.
func TestOverride(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	own := `{{define "letter-subject"}}หนังสือทดสอบการแทนที่ถ้อยคำ{{end}}
{{define "letter"}}ข้อความของผู้ดูแลระบบสำหรับ{{.Org}}{{end}}`
	path := writeWording(t, dir, "in_scope.th.tmpl", own)
	opt := RenderOptions{TemplateDir: dir}
	r, err := Render(context.Background(), Sample(cases.NoticeInScope, "th"), opt)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Subject, "หนังสือทดสอบการแทนที่ถ้อยคำ") {
		t.Errorf("subject %q keeps the shipped wording", r.Subject)
	}
	if !strings.Contains(r.Body, "ข้อความของผู้ดูแลระบบสำหรับบริษัท ตัวอย่าง ดิจิทัล จำกัด") {
		t.Errorf("body keeps the shipped wording:\n%s", r.Body)
	}
	text := noSpace(pdftotext(t, r.Attachments[0].Data))
	if !strings.Contains(text, noSpace("ข้อความของผู้ดูแลระบบสำหรับบริษัท ตัวอย่าง ดิจิทัล จำกัด")) {
		t.Errorf("letter keeps the shipped wording:\n%s", text)
	}

	en, err := Render(context.Background(), Sample(cases.NoticeInScope, "en"), opt)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(en.Subject, "in scope") {
		t.Errorf("English subject %q lost the shipped wording", en.Subject)
	}

	// An edit is seen without a restart (the file's size and time change).
	writeWording(t, dir, "in_scope.th.tmpl", strings.Replace(own, "ทดสอบ", "ฉบับแก้ไข", 1))
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	r, err = Render(context.Background(), Sample(cases.NoticeInScope, "th"), opt)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Subject, "หนังสือฉบับแก้ไขการแทนที่ถ้อยคำ") {
		t.Errorf("edited override not used: subject %q", r.Subject)
	}
}

// TestBrokenTemplate checks that broken wording fails Render with
// ErrTemplate and a message naming the file.
func TestBrokenTemplate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file, text string
		kind             cases.NoticeKind
		says             string // the message names this too
	}{
		{"does not parse", "in_scope.th.tmpl", `{{define "letter"}}{{.Org}{{end}}`,
			cases.NoticeInScope, "in_scope.th.tmpl"},
		{"unclosed action", "common.th.tmpl", "{{if .Org}}", cases.NoticeInScope,
			"common.th.tmpl"},
		{"unknown field", "reminder.th.tmpl",
			`{{define "subject"}}{{.NoSuchField}}{{end}}{{define "body"}}x{{end}}`,
			cases.NoticeReminder, "NoSuchField"},
		{"unknown block", "approval.th.tmpl",
			`{{define "letter-subject"}}{{template "nowhere" .}}{{end}}`,
			cases.NoticeApproval, "nowhere"},
		{"empty letter", "out_of_scope.th.tmpl",
			`{{define "letter-subject"}}เรื่อง{{end}}{{define "letter"}} {{end}}`,
			cases.NoticeOutOfScope, `"letter"`},
		{"broken agreement", "agreement.th.tmpl", `{{define "agreement"}}{{.Nope}}{{end}}`,
			cases.NoticeApproval, "agreement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := writeWording(t, dir, tt.file, tt.text)
			_, err := Render(context.Background(), Sample(tt.kind, "th"),
				RenderOptions{TemplateDir: dir})
			if !errors.Is(err, ErrTemplate) {
				t.Fatalf("err = %v, want ErrTemplate", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, path) || !strings.Contains(msg, tt.says) {
				t.Errorf("message %q does not name %s and %s", msg, path, tt.says)
			}
			if err := CheckWording(context.Background(), dir); !errors.Is(err, ErrTemplate) {
				t.Errorf("CheckWording: %v, want ErrTemplate", err)
			}
		})
	}
}

// TestCheckWording checks the shipped wording and a copy of it.
func TestCheckWording(t *testing.T) {
	t.Parallel()
	if err := CheckWording(context.Background(), ""); err != nil {
		t.Fatalf("shipped wording: %v", err)
	}
	dir := filepath.Join(t.TempDir(), "wording")
	if err := CopyWording(dir); err != nil {
		t.Fatal(err)
	}
	kept := writeWording(t, dir, "common.en.tmpl", "edited")
	if err := CopyWording(dir); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(kept); string(b) != "edited" {
		t.Error("CopyWording overwrote an operator's file")
	}
	shipped, err := fs.Glob(templates.Notices(), "*.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	copied, err := filepath.Glob(filepath.Join(dir, "*.tmpl"))
	if err != nil || len(copied) != len(shipped) {
		t.Errorf("copied %d files, shipped %d (%v)", len(copied), len(shipped), err)
	}
	writeWording(t, dir, "common.en.tmpl", "{{define \"x\"}}{{end}}")
	if err := CheckWording(context.Background(), dir); !errors.Is(err, ErrTemplate) {
		t.Errorf("a common file without its blocks: %v, want ErrTemplate", err)
	}
}
