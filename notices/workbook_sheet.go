package notices

import (
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"sandboxbot/cases"
)

// column is one column of a streamed sheet: its header, "ไทย / English",
// and its width in characters.
type column struct {
	title label
	width float64
}

// cellStyles are the workbook's styles.
type cellStyles struct {
	header, date, dateTime, title, percent int
}

// Number formats of dates: ISO 8601, which reads the same in every locale.
var (
	dateFormat     = "yyyy-mm-dd"
	dateTimeFormat = "yyyy-mm-dd hh:mm"
)

func newCellStyles(f *excelize.File) (cellStyles, error) {
	var st cellStyles
	var err error
	bold := &excelize.Font{Bold: true}
	if st.header, err = f.NewStyle(&excelize.Style{Font: bold,
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1,
			Color: []string{"DDEBF7"}}}); err != nil {
		return st, err
	}
	if st.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFormat}); err != nil {
		return st, err
	}
	if st.dateTime, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateTimeFormat}); err != nil {
		return st, err
	}
	if st.percent, err = f.NewStyle(&excelize.Style{NumFmt: 9}); err != nil {
		return st, err
	}
	st.title, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	return st, err
}

// sheet streams one worksheet: a header row, frozen, with a filter on
// every column (an Excel table over the rows), then one row per add.
// Strings are always written as text (inline strings), never as formulas,
// so text from applicants that starts with =, +, - or @ stays text.
//
// The workbook's File holds the sheet's properties and header (head); the
// rows go to a sheetBody, which writes them beside the caller and keeps
// them out of memory until the workbook is written.
type sheet struct {
	head   *excelize.StreamWriter
	body   *sheetBody
	part   string // the sheet's part in the workbook's zip
	name   string
	table  string
	cols   int
	row    int
	st     cellStyles
	record func(sheet string, row []any) // see WorkbookOptions.record; may be nil
}

// newSheet adds a sheet and writes its header row. The caller closes the
// sheet's body (sheet.close) whatever happens.
func newSheet(f *excelize.File, st cellStyles, name, table string, cols []column,
	record func(string, []any)) (*sheet, error) {
	if _, err := f.NewSheet(name); err != nil {
		return nil, errorf("adding sheet %s: %w", name, err)
	}
	head, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, errorf("adding sheet %s: %w", name, err)
	}
	part, err := sheetPart(f, name)
	if err != nil {
		return nil, err
	}
	s := &sheet{head: head, part: part, name: name, table: table, cols: len(cols), st: st,
		record: record}
	if err := s.writeHead(cols); err != nil {
		return nil, err
	}
	if s.body, err = newSheetBody(st); err != nil {
		return nil, errorf("adding the rows of sheet %s: %w", name, err)
	}
	return s, nil
}

// sheetPart is the zip part of a sheet that NewSheet added: excelize
// names it after the sheet's ID (writeXLSX fails if no part has the name).
func sheetPart(f *excelize.File, name string) (string, error) {
	for id, n := range f.GetSheetMap() {
		if n == name {
			return "xl/worksheets/sheet" + strconv.Itoa(id) + ".xml", nil
		}
	}
	return "", errorf("sheet %s has no ID", name)
}

func (s *sheet) writeHead(cols []column) error {
	if err := s.head.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2",
		ActivePane: "bottomLeft"}); err != nil {
		return errorf("freezing the header of %s: %w", s.name, err)
	}
	row := make([]any, len(cols))
	for i, c := range cols {
		if err := s.head.SetColWidth(i+1, i+1, c.width); err != nil {
			return errorf("sizing the columns of %s: %w", s.name, err)
		}
		row[i] = excelize.Cell{StyleID: s.st.header, Value: c.title.both()}
	}
	s.row = 1
	if s.record != nil {
		s.record(s.name, row)
	}
	if err := s.head.SetRow("A1", row, excelize.RowOpts{Height: 32}); err != nil {
		return errorf("writing the header of %s: %w", s.name, err)
	}
	return nil
}

// add writes the next row. Values are strings (text), whole numbers,
// float64s, cases.Dates and time.Times (dates and times in Bangkok, as
// date serials with a date format) and nil for an empty cell; a zero Date
// or time is empty. vals is kept: the caller must not change it.
func (s *sheet) add(vals ...any) error {
	for i, v := range vals {
		switch x := v.(type) {
		case cases.Date:
			vals[i] = nil
			if !x.IsZero() {
				vals[i] = excelize.Cell{StyleID: s.st.date, Value: dateSerial(x)}
			}
		case time.Time:
			vals[i] = nil
			if !x.IsZero() {
				vals[i] = excelize.Cell{StyleID: s.st.dateTime, Value: timeSerial(x)}
			}
		}
	}
	s.row++
	if s.record != nil {
		s.record(s.name, vals)
	}
	if err := s.body.add(vals); err != nil {
		return errorf("writing %s: %w", s.name, err)
	}
	return nil
}

// finish waits for the rows, puts the filter over them and ends the sheet.
func (s *sheet) finish() error {
	if err := s.body.finish(); err != nil {
		return errorf("writing %s: %w", s.name, err)
	}
	last, err := excelize.CoordinatesToCellName(s.cols, max(s.row, 2))
	if err != nil {
		return errorf("ending %s: %w", s.name, err)
	}
	used, _ := excelize.CoordinatesToCellName(s.cols, s.row)
	s.body.dimension = "A1:" + used
	off := false
	err = s.head.AddTable(&excelize.Table{Range: "A1:" + last, Name: s.table,
		StyleName: "TableStyleLight1", ShowRowStripes: &off})
	if err != nil {
		return errorf("filtering %s: %w", s.name, err)
	}
	if err := s.head.Flush(); err != nil {
		return errorf("writing %s: %w", s.name, err)
	}
	return nil
}

// close releases the sheet's body: its goroutine and its temporary file.
func (s *sheet) close() { s.body.close() }

func itoa(n int) string { return strconv.Itoa(n) }

// excelEpoch is day 0 of Excel's 1900 date system as it is used since
// 1 March 1900: serial 1 is 31 December 1899 + 1.
var excelEpoch = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)

// dateSerial is the Excel serial number of a day.
func dateSerial(d cases.Date) float64 {
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	return float64(t.Sub(excelEpoch) / (24 * time.Hour))
}

// timeSerial is the Excel serial number of an instant as the clock in
// Bangkok reads it, to the second. Half a millisecond is added: most
// seconds have no exact binary fraction of a day, and LibreOffice cuts
// (does not round) the serial when it shows hours and minutes, so 10:00
// would read 09:59.
func timeSerial(t time.Time) float64 {
	b := t.In(cases.Bangkok)
	wall := time.Date(b.Year(), b.Month(), b.Day(), b.Hour(), b.Minute(), b.Second(), 0,
		time.UTC)
	return (float64(wall.Sub(excelEpoch)/time.Second) + 0.0005) / 86400
}
