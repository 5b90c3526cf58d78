package templates

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSarabun(t *testing.T) {
	t.Parallel()
	tests := []struct {
		style FontStyle
		want  []byte
	}{
		{Regular, sarabunRegular},
		{Bold, sarabunBold},
		{FontStyle(7), sarabunRegular},
	}
	for _, tt := range tests {
		got := Sarabun(tt.style)
		if !bytes.Equal(got, tt.want) {
			t.Errorf("Sarabun(%v): wrong face", tt.style)
		}
		// A TrueType file starts with the sfnt version 0x00010000.
		if len(got) < 4 || !bytes.Equal(got[:4], []byte{0, 1, 0, 0}) {
			t.Errorf("Sarabun(%v): not a TrueType file", tt.style)
		}
	}
}

func TestThaiWords(t *testing.T) {
	t.Parallel()
	words := ThaiWords()
	if !utf8.Valid(words) {
		t.Fatal("ThaiWords: not UTF-8")
	}
	lines := strings.Split(strings.TrimSpace(string(words)), "\n")
	if len(lines) < 15000 {
		t.Fatalf("ThaiWords: %d words, want at least 15000", len(lines))
	}
	for _, w := range []string{"หนังสือ", "ประกาศ", "ธุรกรรม"} {
		if !bytes.Contains(words, []byte("\n"+w+"\n")) {
			t.Errorf("ThaiWords: missing %q", w)
		}
	}
}

func TestLicences(t *testing.T) {
	t.Parallel()
	for _, l := range Licences() {
		if l.Text == "" {
			t.Errorf("licence of %s is empty", l.Asset)
		}
	}
	if !strings.Contains(fontLicence, "SIL OPEN FONT LICENSE") {
		t.Error("font licence is not the OFL")
	}
	if !strings.Contains(thaiWordsLicence, "LESSER GENERAL PUBLIC LICENSE") {
		t.Error("word list licence is not the LGPL")
	}
}

func TestSandboxWords(t *testing.T) {
	t.Parallel()
	if !bytes.Contains(SandboxWords(), []byte("\nคำขอ\n")) {
		t.Error("SandboxWords: missing คำขอ")
	}
}

func TestNotices(t *testing.T) {
	t.Parallel()
	files, err := fs.Glob(Notices(), "*.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	// 43 notice kinds, common and agreement, in Thai and English.
	if len(files) != 90 {
		t.Errorf("%d wording files, want 90", len(files))
	}
	for _, f := range files {
		th, ok := strings.CutSuffix(f, ".th.tmpl")
		if !ok {
			continue
		}
		if _, err := fs.Stat(Notices(), th+".en.tmpl"); err != nil {
			t.Errorf("%s has no English wording (%s.en.tmpl)", f, th)
		}
	}
	for _, f := range files {
		b, err := fs.ReadFile(Notices(), f)
		if err != nil || !utf8.Valid(b) || len(b) == 0 {
			t.Errorf("%s: unreadable, empty or not UTF-8 (%v)", f, err)
		}
	}
}
