package forms

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits on what a workbook may hold.
const maxSheetRows = 20000

// cellRef matches a defined name that refers to one cell, or to a range
// whose first cell is used: Form!$C$4, 'Form'!$C$4:$C$4, =Form!C4.
var cellRef = regexp.MustCompile(`^=?(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Za-z]{1,3})\$?(\d+)`)

// readWorkbook reads a workbook checked by checkZip: every defined name that
// refers to a cell gives a field value, and each table sheet gives its rows.
// Cells are read raw (a date cell gives its serial, a boolean 1 or 0).
func readWorkbook(data []byte, maxInflated int64) (*raw, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: maxInflated, UnzipXMLSizeLimit: maxXMLEntry})
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookFileFormat) {
			return nil, fmt.Errorf("workbook: %v: %w", err, ErrUnknownFormat)
		}
		return nil, fmt.Errorf("workbook: %v: %w", err, ErrDamaged)
	}
	defer f.Close()
	wb := &workbook{f: f, grids: map[string][][]string{}}
	r := &raw{origin: fromWorkbook, format: XLSX, fields: map[string]string{},
		tables: map[string][]rawRow{}}
	for _, dn := range f.GetDefinedName() {
		if err := wb.name(r, dn); err != nil {
			return nil, err
		}
	}
	if err := wb.sheetTables(r); err != nil {
		return nil, err
	}
	if _, ok := r.fields[KeyKind]; !ok {
		return nil, fmt.Errorf("workbook has no %s name: %w", KeyKind, ErrNotAForm)
	}
	if wb.cells == 0 {
		// excelize reads an unreadable part as an empty sheet, without error.
		return nil, fmt.Errorf("workbook's named cells are all unreadable: %w", ErrDamaged)
	}
	return r, nil
}

// workbook caches the sheets read so far as grids of raw cell values.
type workbook struct {
	f     *excelize.File
	grids map[string][][]string
	cells int // named cells found with a row present
}

// name reads one defined name: a cell becomes a field; a name on a sheet's
// first row whose cells are column keys becomes a table.
func (wb *workbook) name(r *raw, dn excelize.DefinedName) error {
	if dn.Scope != "" && dn.Scope != "Workbook" {
		return nil
	}
	m := cellRef.FindStringSubmatch(dn.RefersTo)
	if m == nil {
		return nil
	}
	sheet := strings.ReplaceAll(m[1], "''", "'") + m[2]
	grid, err := wb.grid(sheet)
	if err != nil {
		return err
	}
	col, err := excelize.ColumnNameToNumber(strings.ToUpper(m[3]))
	if err != nil {
		return nil
	}
	var row int
	fmt.Sscan(m[4], &row)
	if row >= 1 && row <= len(grid) {
		wb.cells++
	}
	r.fields[dn.Name] = cellAt(grid, row, col)
	if strings.Contains(dn.RefersTo, ":") {
		if rows, ok := tableRows(grid, row); ok {
			r.tables[dn.Name] = rows
		}
	}
	return nil
}

// sheetTables reads, as a table with its keys in row 1, every sheet that no
// defined name claimed: a workbook whose table names were lost still parses.
func (wb *workbook) sheetTables(r *raw) error {
	for _, sheet := range wb.f.GetSheetList() {
		if _, done := wb.grids[sheet]; done || r.tables[sheet] != nil {
			continue
		}
		switch sheet {
		case sheetHelp, sheetLists, sheetInfo:
			continue
		}
		grid, err := wb.grid(sheet)
		if err != nil {
			return err
		}
		if rows, ok := tableRows(grid, 1); ok {
			r.tables[sheet] = rows
		}
	}
	return nil
}

// grid reads a sheet with the row iterator, once.
func (wb *workbook) grid(sheet string) ([][]string, error) {
	if g, ok := wb.grids[sheet]; ok {
		return g, nil
	}
	rows, err := wb.f.Rows(sheet)
	if err != nil {
		return nil, nil // a name pointing at a missing sheet reads as blank
	}
	defer rows.Close()
	var g [][]string
	for rows.Next() {
		if len(g) >= maxSheetRows {
			return nil, fmt.Errorf("sheet %s has over %d rows: %w",
				sheet, maxSheetRows, ErrTooLarge)
		}
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("sheet %s: %v: %w", sheet, err, ErrDamaged)
		}
		g = append(g, cols)
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("sheet %s: %v: %w", sheet, err, ErrDamaged)
	}
	wb.grids[sheet] = g
	return g, nil
}

// cellAt returns the value at row and col (both from 1), "" outside the grid.
func cellAt(g [][]string, row, col int) string {
	if row < 1 || row > len(g) || col < 1 || col > len(g[row-1]) {
		return ""
	}
	return g[row-1][col-1]
}

// tableRows reads the rows under a header row of column keys. The row after
// the header holds the labels when its first cell spans two lines (Thai and
// English); data rows follow. Row numbers are those of the worksheet.
func tableRows(g [][]string, header int) ([]rawRow, bool) {
	if header < 1 || header > len(g) || len(g[header-1]) < 2 {
		return nil, false
	}
	keys := g[header-1]
	var rows []rawRow
	for i := header; i < len(g); i++ {
		if i == header && isLabelRow(g[i]) {
			continue
		}
		cells := map[string]string{}
		for c, k := range keys {
			if k = clean(k); k != "" {
				cells[k] = cellAt(g, i+1, c+1)
			}
		}
		rows = append(rows, rawRow{n: i + 1, cells: cells})
	}
	return rows, true
}

func isLabelRow(cols []string) bool {
	return len(cols) > 0 && strings.Contains(cols[0], "\n")
}
