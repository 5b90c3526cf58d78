package forms

import (
	"fmt"
	"strings"
	"testing"
)

func TestExplain(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, sentinel := range []error{ErrTooLarge, ErrEncrypted, ErrMacro, ErrZipBomb,
		ErrDamaged, ErrUnknownKind, ErrUnknownVersion, ErrTimeout, ErrReaderPanic} {
		en, th := Explain("f.pdf", fmt.Errorf("forms: parsing %q: %w", "f.pdf", sentinel))
		if !strings.Contains(en, "f.pdf") || !strings.Contains(th, "f.pdf") || seen[en] {
			t.Errorf("%v: %q / %q (each refusal needs its own sentence naming the file)",
				sentinel, en, th)
		}
		seen[en] = true
	}
}

func TestProblemsTextIn(t *testing.T) {
	t.Parallel()
	ps := Problems{{Key: "juristic_id", Label: Label{"เลขทะเบียนนิติบุคคล", "Juristic ID"},
		Got: "123", Wrong: Label{"ไม่ครบ 13 หลัก", "not 13 digits"},
		Want: Label{"เลข 13 หลัก", "13 digits"}}}
	en, th := ps.TextIn("en"), ps.TextIn("th")
	for _, w := range []string{"Juristic ID (juristic_id)", `"123"`, "not 13 digits",
		"expected: 13 digits"} {
		if !strings.Contains(en, w) {
			t.Errorf("English text lacks %q:\n%s", w, en)
		}
	}
	if strings.Contains(en, "ไม่ครบ") || !strings.Contains(th, "ไม่ครบ 13 หลัก") ||
		strings.Contains(th, "not 13") {
		t.Errorf("languages mixed:\n%s\n%s", en, th)
	}
}
