package forms

import (
	"context"
	"testing"
)

// BenchmarkParsePDF parses a one-page interest form filled by pdftk.
func BenchmarkParsePDF(b *testing.B) {
	s, _ := Lookup("interest")
	sm := sampleFor(s, 0)
	data := fillPDF(b, b.TempDir(), sm, BlankOptions{})
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(context.Background(), "f.pdf", data, sm.options()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseWorkbook1000 parses a test plan whose KPI table has 1,000
// rows, filled by openpyxl.
func BenchmarkParseWorkbook1000(b *testing.B) {
	s, _ := Lookup("test_plan")
	sm := sampleFor(s, 1000)
	data := fillWorkbook(b, b.TempDir(), sm, false)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		rec, err := Parse(context.Background(), "f.xlsx", data, sm.options())
		if err != nil || len(rec.Rows("kpis")) != 1000 {
			b.Fatal(err)
		}
	}
}
