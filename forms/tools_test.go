package forms

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sandboxbot/internal/testtool"
)

// The third-party tools the round trips use. A missing tool fails the test
// with the Debian package to install; it is never skipped silently.
const systemPython = "/usr/bin/python3" // the first python3 on PATH may lack openpyxl

func needOpenpyxl(t testing.TB) {
	t.Helper()
	out, err := exec.Command(systemPython, "-c", "import openpyxl").CombinedOutput()
	if err != nil {
		t.Fatalf("%s cannot import openpyxl: install the Debian package python3-openpyxl "+
			"(apt-get install python3-openpyxl): %v: %s", systemPython, err, out)
	}
}

// run runs a command with a time limit and fails the test on error.
func run(t testing.TB, name string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// writeBlankFile writes the blank form of kind, written with opts, into dir.
func writeBlankFile(t testing.TB, dir, kind string, f Format, opts BlankOptions) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteBlankWith(context.Background(), &buf, kind, f, opts); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, kind+"-blank."+string(f))
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// fillPDF fills the blank PDF written with opts with pdftk fill_form from
// an XFDF file (XFDF carries UTF-8, so Thai values survive).
func fillPDF(t testing.TB, dir string, sm sample, opts BlankOptions) []byte {
	t.Helper()
	pdftk := testtool.Need(t, "pdftk", "pdftk-java")
	blank := writeBlankFile(t, dir, sm.kind, PDF, opts)
	values := map[string]string{}
	for k, w := range sm.fields {
		values[k] = w.pdf
	}
	s, _ := Lookup(sm.kind)
	for _, tb := range s.Tables {
		for i, row := range sm.tables[tb.Key] {
			for col, w := range row {
				values[tb.cellName(i+1, col)] = w.pdf
			}
		}
	}
	xfdf := filepath.Join(dir, sm.kind+".xfdf")
	if err := os.WriteFile(xfdf, testtool.XFDF(values), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, sm.kind+"-filled.pdf")
	run(t, pdftk, blank, "fill_form", xfdf, "output", out)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// fillWorkbook fills the blank workbook with openpyxl, then has LibreOffice
// open and save it again, as a person passing the file around would.
func fillWorkbook(t testing.TB, dir string, sm sample, resave bool) []byte {
	t.Helper()
	needOpenpyxl(t)
	blank := writeBlankFile(t, dir, sm.kind, XLSX, BlankOptions{})
	js, err := json.Marshal(cellValues(sm))
	if err != nil {
		t.Fatal(err)
	}
	vals := filepath.Join(dir, sm.kind+".json")
	if err := os.WriteFile(vals, js, 0o644); err != nil {
		t.Fatal(err)
	}
	filled := filepath.Join(dir, sm.kind+"-filled.xlsx")
	script, _ := filepath.Abs("testdata/fill_xlsx.py")
	run(t, systemPython, script, blank, vals, filled)
	if resave {
		filled = resaveWithLibreOffice(t, dir, filled)
	}
	data, err := os.ReadFile(filled)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func cellValues(sm sample) map[string]any {
	fields := map[string]any{}
	for k, w := range sm.fields {
		fields[k] = jsonCell(w.cell)
	}
	s, _ := Lookup(sm.kind)
	tables := map[string]any{}
	for _, tb := range s.Tables {
		var rows [][]any
		for _, row := range sm.tables[tb.Key] {
			var cells []any
			for _, c := range tb.Columns {
				cells = append(cells, jsonCell(row[c.Key].cell))
			}
			rows = append(rows, cells)
		}
		tables[tb.Key] = rows
	}
	return map[string]any{"fields": fields, "tables": tables}
}

func jsonCell(v any) any {
	if d, ok := v.(cellDate); ok {
		return map[string]string{"date": string(d)}
	}
	return v
}

// resaveWithLibreOffice converts the workbook to xlsx with soffice
// headless, in a profile of its own so that tests can run side by side.
func resaveWithLibreOffice(t testing.TB, dir, in string) string {
	t.Helper()
	soffice := testtool.Need(t, "soffice", "libreoffice-calc-nogui")
	outDir := filepath.Join(dir, "libreoffice")
	profile := "file://" + filepath.Join(dir, "lo-profile")
	run(t, soffice, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, in)
	return filepath.Join(outDir, filepath.Base(in))
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
