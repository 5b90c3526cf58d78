package forms

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
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

// FuzzParsePDF: Parse never crashes on a PDF, whatever its bytes. The seeds
// are small AcroForms without embedded fonts (a few kilobytes), so that the
// fuzzer spends its time on the form structure rather than on font streams;
// when the seeds run as plain tests, a full blank form and a pdftk-filled
// one are added.
func FuzzParsePDF(f *testing.F) {
	small := smallFormPDF(f)
	seeds := [][]byte{small, small[:len(small)*2/3]}
	if !fuzzing() {
		blank := blankBytes(f, "progress_report", PDF)
		seeds = append(seeds, blank, blank[:len(blank)/3])
		if b, err := os.ReadFile("testdata/filled-interest.pdf"); err == nil {
			seeds = append(seeds, b)
		}
	}
	fuzzParse(f, seeds...)
}

// fuzzing reports whether the test binary runs with -test.fuzz.
func fuzzing() bool {
	fl := flag.Lookup("test.fuzz")
	return fl != nil && fl.Value.String() != ""
}

// smallFormPDF makes an appeal form with the core font Helvetica: the same
// field names as the real blank, a fraction of its size.
func smallFormPDF(f *testing.F) []byte {
	f.Helper()
	js := `{"paper":"A4P","origin":"LowerLeft","fonts":{"in":{"name":"Helvetica","size":10}},
"pages":{"1":{"content":{"textfield":[
{"id":"form_kind","value":"appeal","pos":[50,700],"width":100,"font":{"name":"$in"}},
{"id":"form_version","value":"1","pos":[50,670],"width":100,"font":{"name":"$in"}},
{"id":"case_ref","value":"DSS-2568-0001","pos":[50,640],"width":100,"font":{"name":"$in"}},
{"id":"grounds","value":"grounds","pos":[50,560],"width":200,"height":60,
 "multiline":true,"font":{"name":"$in"}}],
"checkbox":[{"id":"box","value":true,"pos":[50,520],"width":12}],
"combobox":[{"id":"pick","options":["a","b"],"value":"a","pos":[50,480],"width":80,
 "font":{"name":"$in"}}]}}}}`
	var out bytes.Buffer
	if err := api.Create(nil, strings.NewReader(js), &out, nil); err != nil {
		f.Fatal(err)
	}
	return out.Bytes()
}

// FuzzParseWorkbook: Parse never crashes on a workbook, whatever its bytes.
// Run it with a short minimization time: each new input found is a zip of
// some 20 KB, and minimizing it takes the default minute, during which
// nothing else is tried (353 execs in 5 minutes, against 242,000 in 3 with
// the setting below).
//
//	go test ./forms -run '^$' -fuzz '^FuzzParseWorkbook$' -fuzztime 10m -fuzzminimizetime 1s
func FuzzParseWorkbook(f *testing.F) {
	blank := blankBytes(f, "test_plan", XLSX)
	seeds := [][]byte{blank, blank[:len(blank)/2]}
	if b, err := os.ReadFile("testdata/filled-test_plan.xlsx"); err == nil {
		seeds = append(seeds, b)
	}
	fuzzParse(f, seeds...)
}
