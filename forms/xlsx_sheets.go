package forms

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

func (b *bookBuilder) instructions() error {
	f, s := b.f, b.s
	lines := []struct {
		text  string
		style int
	}{
		{s.Title.TH + " / " + s.Title.EN, b.title},
		{s.Intro.TH, b.label},
		{s.Intro.EN, b.en},
		{"", 0},
		{"วิธีกรอก", b.label},
		{"1. กรอกคำตอบในช่องสีฟ้าของแผ่นงาน Form (คอลัมน์ C) ช่องอื่นถูกล็อกไว้", b.label},
		{"2. วันที่กรอกแบบ วว/ดด/ปปปป ได้ทั้ง พ.ศ. และ ค.ศ. เช่น 30/05/2568", b.label},
		{"3. ช่องที่มีรายการให้เลือก ให้เลือกจากรายการ", b.label},
		{"4. ตาราง (ถ้ามี) กรอกในแผ่นงานของตารางนั้น หนึ่งแถวต่อหนึ่งรายการ เริ่มแถวที่ 3", b.label},
		{"5. ส่งไฟล์นี้กลับทางอีเมล อย่าเปลี่ยนชื่อแผ่นงานหรือลบแถว", b.label},
		{"", 0},
		{"How to fill in", b.en},
		{"1. Write your answers in the blue cells of the Form sheet (column C); " +
			"other cells are locked.", b.en},
		{"2. Write dates day first, dd/mm/yyyy, Buddhist or Common Era: 30/05/2025.", b.en},
		{"3. Where a cell offers a list, pick from the list.", b.en},
		{"4. Tables, if any, go on their own sheet, one row per item, from row 3.", b.en},
		{"5. Send the file back by email; do not rename sheets or delete rows.", b.en},
		{"", 0},
		{fmt.Sprintf("%s: %s, %s: %d", KeyKind, s.Kind, KeyVersion, s.Version), b.hint},
	}
	for i, l := range lines {
		cell := fmt.Sprintf("A%d", i+1)
		if err := f.SetCellStr(sheetHelp, cell, l.text); err != nil {
			return err
		}
		if l.style != 0 {
			if err := f.SetCellStyle(sheetHelp, cell, cell, l.style); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(sheetHelp, "A", "A", 110); err != nil {
		return err
	}
	return f.ProtectSheet(sheetHelp, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true})
}

// form writes one row per field on the Form sheet.
func (b *bookBuilder) form() error {
	f := b.f
	head := []any{"หัวข้อ", "Field", "คำตอบ / Answer", "รูปแบบ / Format"}
	title := []any{b.s.Title.TH + " / " + b.s.Title.EN}
	if err := f.SetSheetRow(sheetForm, "A1", &title); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheetForm, "A1", "A1", b.title); err != nil {
		return err
	}
	if err := f.SetSheetRow(sheetForm, "A3", &head); err != nil {
		return err
	}
	for i, fd := range b.s.Fields {
		if err := b.formRow(firstField+i, fd); err != nil {
			return fmt.Errorf("field %s: %w", fd.Key, err)
		}
	}
	for col, w := range map[string]float64{"A": 42, "B": 34, "C": 48, "D": 46} {
		if err := f.SetColWidth(sheetForm, col, col, w); err != nil {
			return err
		}
	}
	if err := fitToWidth(f, sheetForm); err != nil {
		return err
	}
	return f.ProtectSheet(sheetForm, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true, FormatRows: true})
}

func (b *bookBuilder) formRow(row int, fd Field) error {
	f := b.f
	th, en := fd.Label.TH, fd.Label.EN
	if fd.Optional {
		th, en = th+" (ถ้ามี)", en+" (optional)"
	}
	hint := want(fd)
	if fd.Hint.TH != "" {
		hint = fd.Hint
	}
	vals := []any{th, en, nil, hint.TH + "\n" + hint.EN}
	if err := f.SetSheetRow(sheetForm, fmt.Sprintf("A%d", row), &vals); err != nil {
		return err
	}
	styles := []int{b.label, b.en, b.styleFor(fd), b.hint}
	for i, st := range styles {
		cell := fmt.Sprintf("%c%d", 'A'+i, row)
		if err := f.SetCellStyle(sheetForm, cell, cell, st); err != nil {
			return err
		}
	}
	height := 30.0 // two lines: the format hint is in Thai and English
	if fd.Type == LongText {
		height = 60
	}
	if err := f.SetRowHeight(sheetForm, row, height); err != nil {
		return err
	}
	input := fmt.Sprintf("C%d", row)
	ref := fmt.Sprintf("%s!$C$%d", sheetForm, row)
	if err := f.SetDefinedName(&excelize.DefinedName{Name: fd.Key, RefersTo: ref}); err != nil {
		return err
	}
	return b.validation(sheetForm, input, fd)
}

// validation adds a drop-down list to the cells sqref for enumerations and
// yes/no fields.
func (b *bookBuilder) validation(sheet, sqref string, fd Field) error {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	switch fd.Type {
	case YesNo:
		if err := dv.SetDropList(yesNoList); err != nil {
			return err
		}
	case Enum:
		dv.SetSqrefDropList(b.list(fd))
	default:
		return nil
	}
	w := want(fd)
	dv.SetError(excelize.DataValidationErrorStyleStop, "", w.TH+" / "+w.EN)
	return b.f.AddDataValidation(sheet, dv)
}

// list writes the options of an Enum field in a column of the Lists sheet
// and returns the range a drop-down refers to.
func (b *bookBuilder) list(fd Field) string {
	b.lists++
	col, _ := excelize.ColumnNumberToName(b.lists)
	for i, o := range fd.Options {
		_ = b.f.SetCellStr(sheetLists, fmt.Sprintf("%s%d", col, i+1), o.Display())
	}
	return fmt.Sprintf("%s!$%s$1:$%s$%d", sheetLists, col, col, len(fd.Options))
}

// tables writes each table sheet: keys in row 1, labels in row 2, and
// prepared input rows from row 3.
func (b *bookBuilder) tables() error {
	for _, t := range b.s.Tables {
		if err := b.table(t); err != nil {
			return fmt.Errorf("table %s: %w", t.Key, err)
		}
	}
	return nil
}

func (b *bookBuilder) table(t Table) error {
	f := b.f
	keys, labels := []any{}, []any{}
	for _, c := range t.Columns {
		keys = append(keys, c.Key)
		labels = append(labels, c.Label.TH+"\n"+c.Label.EN)
	}
	if err := f.SetSheetRow(t.Key, "A1", &keys); err != nil {
		return err
	}
	if err := f.SetSheetRow(t.Key, "A2", &labels); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(t.Columns))
	if err := f.SetCellStyle(t.Key, "A1", last+"2", b.label); err != nil {
		return err
	}
	for i, c := range t.Columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		from, to := fmt.Sprintf("%s3", col), fmt.Sprintf("%s%d", col, preparedRows+2)
		if err := f.SetCellStyle(t.Key, from, to, b.styleFor(c)); err != nil {
			return err
		}
		if err := b.validation(t.Key, from+":"+to, c); err != nil {
			return err
		}
		if err := f.SetColWidth(t.Key, col, col, 14*columnUnits(c)); err != nil {
			return err
		}
	}
	ref := fmt.Sprintf("%s!$A$1:$%s$1", t.Key, last)
	if err := f.SetDefinedName(&excelize.DefinedName{Name: t.Key, RefersTo: ref}); err != nil {
		return err
	}
	return f.ProtectSheet(t.Key, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true, FormatRows: true, InsertRows: true, DeleteRows: true})
}

// fitToWidth prints a sheet one page wide, in landscape.
func fitToWidth(f *excelize.File, sheet string) error {
	fit, wide, tall, landscape := true, 1, 0, "landscape"
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		FitToWidth: &wide, FitToHeight: &tall, Orientation: &landscape})
}
