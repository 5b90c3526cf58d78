package forms

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"
)

// Fuzz targets for every parser: the value readers, and Parse on PDFs and
// workbooks. Run one with, for example:
//
//	go test ./forms -run '^$' -fuzz FuzzReadValue -fuzztime 5m

var fuzzFields = []Field{
	text("t", "", ""), longText("l", "", ""), date("d", "", ""), amount("n", "", ""),
	count("c", "", "", 0), score("s", "", ""), enum("e", "", "", orgTypes),
	field(YesNo, "y", "", ""), email("m", "", ""), phone("p", "", ""), juristicID(),
	caseRef(), attachment("a", "", ""),
}

// FuzzReadValue: no input crashes a value reader, and a value read once
// reads back to itself from its canonical text.
func FuzzReadValue(f *testing.F) {
	for _, s := range []string{"30/05/2568", "30 พ.ค. 2568", "2025-05-30", "45807",
		"1,000,000.50", "๑๒", "ใช่ / yes", "✓", "0-1055-56012-34-1", "+66 81 234 5678",
		"Somchai <somchai@example.co.th>", "[DSS-2568-0001]", `C:\a\b.pdf`,
		"company_limited (บริษัทจำกัด)", "วันศุกร์ที่ 30 พฤษภาคม พ.ศ. 2568", "May 30th, 2025"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, workbook bool) {
		o := fromPDF
		if workbook {
			o = fromWorkbook
		}
		for _, fd := range fuzzFields {
			v, err := readValue(fd, s, o)
			if err != nil {
				var bad invalid
				if !errors.As(err, &bad) || bad.TH == "" || bad.EN == "" {
					t.Fatalf("%s %q: error without a message: %v", fd.Type, s, err)
				}
				continue
			}
			if v.IsZero() {
				continue
			}
			again, err := readValue(fd, v.String(), fromPDF)
			if err != nil || again != v {
				t.Fatalf("%s %q: read %+v, canonical %q reads %+v, %v",
					fd.Type, s, v, v.String(), again, err)
			}
		}
	})
}

// FuzzParseDate: no date spelling crashes, and every date read is a real day
// in the accepted range.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"30/05/2568", "29/02/2567", "1 มี.ค. 2567", "Dec 31, 2025",
		"2568-05-30", "61", "2958465", "30 พฤษภาคม ค.ศ. 2025"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseDate(s, true)
		if err != nil {
			return
		}
		if d.Year < 1900 || d.Year > 9999 || d.String() == "" {
			t.Fatalf("%q read as %v", s, d)
		}
	})
}

func fuzzParse(f *testing.F, seeds ...[]byte) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := ParseOptions{Standalone: true, Timeout: 5 * time.Second}
		rec, err := Parse(context.Background(), "fuzz", data, opts)
		if errors.Is(err, ErrReaderPanic) {
			t.Logf("recovered: %v", err) // a library bug, contained
		}
		if err == nil && rec == nil {
			t.Fatal("nil record without an error")
		}
	})
}

// FuzzParsePDF: Parse never crashes on a PDF, whatever its bytes.
func FuzzParsePDF(f *testing.F) {
	blank := blankBytes(f, "progress_report", PDF)
	seeds := [][]byte{blank, blank[:len(blank)/3]}
	if b, err := os.ReadFile("testdata/filled-interest.pdf"); err == nil {
		seeds = append(seeds, b)
	}
	fuzzParse(f, seeds...)
}

// FuzzParseWorkbook: Parse never crashes on a workbook, whatever its bytes.
func FuzzParseWorkbook(f *testing.F) {
	blank := blankBytes(f, "test_plan", XLSX)
	seeds := [][]byte{blank, blank[:len(blank)/2]}
	if b, err := os.ReadFile("testdata/filled-test_plan.xlsx"); err == nil {
		seeds = append(seeds, b)
	}
	fuzzParse(f, seeds...)
}
