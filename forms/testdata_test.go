package forms

import (
	"context"
	"testing"
)

// TestFilledFiles parses the filled files kept in testdata (made by pdftk,
// and by openpyxl then LibreOffice) as the command line would.
func TestFilledFiles(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ file, kind string }{
		{"testdata/filled-interest.pdf", "interest"},
		{"testdata/filled-test_plan.xlsx", "test_plan"},
	} {
		rec, err := Parse(context.Background(), tt.file, readFile(t, tt.file),
			ParseOptions{Standalone: true})
		if err != nil || rec.Kind != tt.kind {
			t.Errorf("%s: %v, %v", tt.file, rec, err)
		}
	}
}
