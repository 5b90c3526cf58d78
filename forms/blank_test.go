package forms

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/xuri/excelize/v2"
)

// TestBlankPDF: every key is a field name, every table cell is there, and
// form_kind and form_version are hidden, read-only and filled in.
func TestBlankPDF(t *testing.T) {
	t.Parallel()
	for _, s := range schemas {
		fields, err := api.FormFields(bytes.NewReader(blankBytes(t, s.Kind, PDF)), nil)
		if err != nil {
			t.Fatalf("%s: %v", s.Kind, err)
		}
		byName := map[string]string{}
		for _, f := range fields {
			byName[f.Name] = f.V
		}
		want := []string{KeyKind, KeyVersion}
		for _, f := range s.Fields {
			want = append(want, f.Key)
		}
		for _, tb := range s.Tables {
			for _, c := range tb.Columns {
				want = append(want, tb.cellName(1, c.Key), tb.cellName(tb.PDFRows, c.Key))
			}
		}
		for _, k := range want {
			if _, ok := byName[k]; !ok {
				t.Errorf("%s: no PDF field %s", s.Kind, k)
			}
		}
		if byName[KeyKind] != s.Kind || byName[KeyVersion] != "1" {
			t.Errorf("%s: identity fields hold %q, %q", s.Kind, byName[KeyKind], byName[KeyVersion])
		}
	}
}

// TestBlankWorkbook: defined names for every key, drop-down lists, date
// formats, protected labels, table sheets keyed in row 1, instructions.
func TestBlankWorkbook(t *testing.T) {
	t.Parallel()
	for _, s := range schemas {
		f, err := excelize.OpenReader(bytes.NewReader(blankBytes(t, s.Kind, XLSX)))
		if err != nil {
			t.Fatal(err)
		}
		checkWorkbook(t, f, s)
		f.Close()
	}
}

func checkWorkbook(t *testing.T, f *excelize.File, s *Schema) {
	t.Helper()
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Name] = dn.RefersTo
	}
	for _, fd := range s.Fields {
		ref, ok := names[fd.Key]
		if !ok {
			t.Errorf("%s: no defined name %s", s.Kind, fd.Key)
			continue
		}
		cell := ref[strings.LastIndex(ref, "!")+1:]
		cell = strings.ReplaceAll(cell, "$", "")
		id, _ := f.GetCellStyle(sheetForm, cell)
		st, _ := f.GetStyle(id)
		if st.Protection == nil || st.Protection.Locked {
			t.Errorf("%s.%s: input cell %s is locked", s.Kind, fd.Key, cell)
		}
		if fd.Type == Date && (st.CustomNumFmt == nil || *st.CustomNumFmt != "dd/mm/yyyy") {
			t.Errorf("%s.%s: date cell not formatted as a date", s.Kind, fd.Key)
		}
	}
	for _, k := range []string{KeyKind, KeyVersion} {
		if _, ok := names[k]; !ok {
			t.Errorf("%s: no defined name %s", s.Kind, k)
		}
	}
	dvs, _ := f.GetDataValidations(sheetForm)
	lists := 0
	for _, fd := range s.Fields {
		if fd.Type == Enum || fd.Type == YesNo {
			lists++
		}
	}
	if len(dvs) != lists {
		t.Errorf("%s: %d drop-down lists, want %d", s.Kind, len(dvs), lists)
	}
	if p, err := f.GetSheetProtection(sheetForm); err != nil || !p.SelectUnlockedCells {
		t.Errorf("%s: Form sheet not protected: %+v, %v", s.Kind, p, err)
	}
	if help, _ := f.GetCellValue(sheetHelp, "A1"); !strings.Contains(help, s.Title.TH) {
		t.Errorf("%s: instructions start with %q", s.Kind, help)
	}
	for _, tb := range s.Tables {
		row, _ := f.GetRows(tb.Key)
		if len(row) < 1 || len(row[0]) != len(tb.Columns) || row[0][0] != tb.Columns[0].Key {
			t.Errorf("%s: table sheet %s header %v", s.Kind, tb.Key, row)
		}
	}
}

func TestWriteBlankErrors(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := WriteBlank(context.Background(), &buf, "visa", PDF); err == nil {
		t.Error("unknown kind accepted")
	}
	if err := WriteBlank(context.Background(), &buf, "appeal", "docx"); err == nil {
		t.Error("unknown format accepted")
	}
}
