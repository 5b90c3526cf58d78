package forms

import (
	"context"
	"testing"
)

// Round trips: blank form → filled by a real third-party tool → Parse →
// the expected record, for every kind and both formats. PDFs are filled by
// pdftk fill_form; workbooks by openpyxl, then parsed as openpyxl saved them
// and again after LibreOffice opened and saved them.

// TestRoundTripPDF fills forms whose labels pdfcpu drew, and forms whose
// labels were painted and laid over the pages.
func TestRoundTripPDF(t *testing.T) {
	t.Parallel()
	labels := map[string]BlankOptions{"": {}, "/painted": {Labels: lomaPainter}}
	for _, kind := range Kinds() {
		for name, opts := range labels {
			t.Run(kind+name, func(t *testing.T) {
				t.Parallel()
				s, _ := Lookup(kind)
				sm := sampleFor(s, 3)
				data := fillPDF(t, t.TempDir(), sm, opts)
				rec, err := Parse(context.Background(), kind+".pdf", data, sm.options())
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				checkRecord(t, rec, sm, PDF)
			})
		}
	}
}

func TestRoundTripWorkbook(t *testing.T) {
	t.Parallel()
	for _, kind := range Kinds() {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			s, _ := Lookup(kind)
			sm := sampleFor(s, 3)
			for _, resave := range []bool{false, true} {
				data := fillWorkbook(t, t.TempDir(), sm, resave)
				rec, err := Parse(context.Background(), kind+".xlsx", data, sm.options())
				if err != nil {
					t.Fatalf("Parse (saved by LibreOffice: %v): %v", resave, err)
				}
				checkRecord(t, rec, sm, XLSX)
			}
		})
	}
}

// checkRecord compares every field and table cell with the sample.
func checkRecord(t *testing.T, rec *Record, sm sample, f Format) {
	t.Helper()
	if rec.Kind != sm.kind || rec.Version != 1 || rec.Source != string(f) {
		t.Errorf("kind, version, source = %s, %d, %s", rec.Kind, rec.Version, rec.Source)
	}
	for k, w := range sm.fields {
		if got := rec.Fields[k]; got != w.want {
			t.Errorf("%s: got %+v, want %+v", k, got, w.want)
		}
	}
	for tk, rows := range sm.tables {
		got := rec.Rows(tk)
		if len(got) != len(rows) {
			t.Fatalf("table %s: %d rows, want %d", tk, len(got), len(rows))
		}
		for i, row := range rows {
			for col, w := range row {
				if got[i][col] != w.want {
					t.Errorf("%s row %d %s: got %+v, want %+v", tk, i+1, col, got[i][col], w.want)
				}
			}
		}
	}
}
