package forms

// raw is a form as read from a file, before any value is interpreted: every
// named value as written, and for workbooks the rows of the table sheets.
type raw struct {
	origin origin
	format Format
	fields map[string]string   // by PDF field name or workbook defined name
	tables map[string][]rawRow // workbook tables by key; PDF tables are in fields
}

// rawRow is one row of a table as the sender sees it.
type rawRow struct {
	n     int               // worksheet row number, or PDF row number
	cells map[string]string // by column key
}

// pdfRows gathers the rows of table t from PDF fields named
// <table>_<row>_<column>.
func (r *raw) pdfRows(t Table) []rawRow {
	var rows []rawRow
	for n := 1; ; n++ {
		cells, found := map[string]string{}, false
		for _, c := range t.Columns {
			if v, ok := r.fields[t.cellName(n, c.Key)]; ok {
				cells[c.Key], found = v, true
			}
		}
		if !found {
			return rows
		}
		rows = append(rows, rawRow{n: n, cells: cells})
	}
}

// rows returns the raw rows of table t.
func (r *raw) rows(t Table) []rawRow {
	if r.origin == fromPDF {
		return r.pdfRows(t)
	}
	return r.tables[t.Key]
}
