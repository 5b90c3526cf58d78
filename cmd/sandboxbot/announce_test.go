package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestAnnounceCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	entries := seedReport(t, dir)
	now := "--now=2026-01-20T09:00:00+07:00"
	for _, ext := range []string{"pdf", "html", "xlsx"} {
		out := filepath.Join(dir, "participants."+ext)
		code, stdout, stderr := sandboxbot(t, "--data", dir, now, "announce", "-o", out)
		if code != 0 || !strings.Contains(stdout, "wrote "+out) {
			t.Fatalf("announce -o %s: exit %d\n%s%s", out, code, stdout, stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		switch ext {
		case "pdf":
			if !bytes.HasPrefix(b, []byte("%PDF-")) {
				t.Errorf("%s is not a PDF", out)
			}
		case "html":
			if !bytes.Contains(b, []byte("<td>บริษัท เนชั่นแนล ดิจิทัล ไอดี จำกัด</td>")) ||
				!bytes.Contains(b, []byte("16 มกราคม 2569")) {
				t.Errorf("%s lacks the participant:\n%s", out, b)
			}
		case "xlsx":
			f, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			rows, _ := f.GetRows(f.GetSheetList()[0])
			f.Close()
			if len(rows) != 2 || rows[1][1] != "บริษัท เนชั่นแนล ดิจิทัล ไอดี จำกัด" {
				t.Errorf("announcement rows %q", rows)
			}
		}
	}
	if got := auditEntries(t, dir); got != entries {
		t.Errorf("the announcement wrote to the store: %d audit entries, was %d", got, entries)
	}
	for _, args := range [][]string{{"announce", "-o", filepath.Join(dir, "p.docx")},
		{"announce"}} {
		code, _, stderr := sandboxbot(t, append([]string{"--data", dir, now}, args...)...)
		if code != 2 || !strings.Contains(stderr, ".pdf, .html or .xlsx") {
			t.Errorf("%v: exit %d, %q; want exit 2 naming the formats", args, code, stderr)
		}
	}
}
