package forms

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// Sheet names of the blank workbook. Defined names, not sheet names, are
// what the parser relies on; these only make the workbook easy to read.
const (
	sheetHelp    = "Instructions"
	sheetForm    = "Form"
	sheetLists   = "Lists"
	sheetInfo    = "FormInfo"
	firstField   = 4    // worksheet row of the first field on the Form sheet
	preparedRows = 1000 // rows of a table sheet prepared with formats and lists
)

// yesNoList is the drop-down offered for yes/no inputs.
var yesNoList = []string{"ใช่ / yes", "ไม่ใช่ / no"}

// writeBlankXLSX renders s as a workbook: an instructions sheet, the Form
// sheet (labels in columns A and B, protected; inputs in column C, each cell
// carrying a defined name equal to its key), one sheet per table with the
// column keys in row 1, a hidden sheet of drop-down lists, and a hidden
// sheet holding form_kind and form_version under their defined names.
func writeBlankXLSX(w io.Writer, s *Schema) error {
	f := excelize.NewFile()
	defer f.Close()
	b := &bookBuilder{f: f, s: s}
	steps := []func() error{b.sheets, b.styles, b.instructions, b.form, b.tables, b.info}
	for _, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("forms: blank workbook %s: %w", s.Kind, err)
		}
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("forms: writing workbook %s: %w", s.Kind, err)
	}
	return nil
}

// bookBuilder holds the workbook under construction and its cell styles.
type bookBuilder struct {
	f                          *excelize.File
	s                          *Schema
	title, label, en, hint     int
	input, long, date, integer int
	decimal, text              int
	lists                      int // next free column on the Lists sheet
}

func (b *bookBuilder) sheets() error {
	if err := b.f.SetSheetName("Sheet1", sheetHelp); err != nil {
		return err
	}
	names := []string{sheetForm}
	for _, t := range b.s.Tables {
		names = append(names, t.Key)
	}
	names = append(names, sheetLists, sheetInfo)
	for _, n := range names {
		if _, err := b.f.NewSheet(n); err != nil {
			return err
		}
	}
	for _, n := range []string{sheetLists, sheetInfo} {
		if err := b.f.SetSheetVisible(n, false); err != nil {
			return err
		}
	}
	b.f.SetActiveSheet(1)
	return nil
}

func (b *bookBuilder) styles() error {
	open := &excelize.Protection{Locked: false}
	border := []excelize.Border{
		{Type: "left", Color: "8A94A6", Style: 1}, {Type: "right", Color: "8A94A6", Style: 1},
		{Type: "top", Color: "8A94A6", Style: 1}, {Type: "bottom", Color: "8A94A6", Style: 1},
	}
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F3F6FA"}}
	in := func(numFmt int, custom string, wrap bool) excelize.Style {
		return excelize.Style{Protection: open, Border: border, Fill: fill, NumFmt: numFmt,
			CustomNumFmt: strPtr(custom), Alignment: &excelize.Alignment{
				WrapText: wrap, Vertical: "top"}}
	}
	specs := []struct {
		dst   *int
		style excelize.Style
	}{
		{&b.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&b.label, excelize.Style{
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&b.en, excelize.Style{Font: &excelize.Font{Color: "555555"},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&b.hint, excelize.Style{Font: &excelize.Font{Color: "777777", Size: 9},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&b.input, in(0, "", false)},
		{&b.long, in(0, "", true)},
		{&b.date, in(0, "dd/mm/yyyy", false)},
		{&b.integer, in(3, "", false)},
		{&b.decimal, in(0, "#,##0.##", false)},
		{&b.text, in(49, "", false)},
	}
	for _, sp := range specs {
		id, err := b.f.NewStyle(&sp.style)
		if err != nil {
			return err
		}
		*sp.dst = id
	}
	return nil
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// styleFor returns the input style of a field: dates as dates, whole numbers
// with thousands separators, IDs and phone numbers as text so that a leading
// 0 survives.
func (b *bookBuilder) styleFor(f Field) int {
	switch {
	case f.Type == Date:
		return b.date
	case f.Type == Number && f.Integer:
		return b.integer
	case f.Type == Number:
		return b.decimal
	case f.Type == LongText:
		return b.long
	case f.Type == JuristicID || f.Type == Phone || f.Type == CaseRef:
		return b.text
	}
	return b.input
}

// info writes form_kind and form_version on the hidden FormInfo sheet under
// their defined names (FORMS.md).
func (b *bookBuilder) info() error {
	rows := [][]any{{KeyKind, b.s.Kind}, {KeyVersion, b.s.Version}}
	for i, r := range rows {
		cell := fmt.Sprintf("A%d", i+1)
		if err := b.f.SetSheetRow(sheetInfo, cell, &r); err != nil {
			return err
		}
		ref := fmt.Sprintf("%s!$B$%d", sheetInfo, i+1)
		if err := b.f.SetDefinedName(&excelize.DefinedName{
			Name: r[0].(string), RefersTo: ref}); err != nil {
			return err
		}
	}
	return b.f.ProtectSheet(sheetInfo, &excelize.SheetProtectionOptions{})
}
