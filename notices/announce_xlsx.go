package notices

import (
	"io"

	"github.com/xuri/excelize/v2"
)

// writeXLSX writes the announcement as a workbook of one sheet, the
// workbook's announcement sheet: a filtered table under a frozen header,
// dates approved as dates.
func (a announcement) writeXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newCellStyles(f)
	if err != nil {
		return errorf("styling the announcement: %w", err)
	}
	s, err := newSheet(f, st, sheetAnnouncement, "Announcement", announcementColumns, nil)
	if err != nil {
		return err
	}
	defer s.close()
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return errorf("writing the announcement: %w", err)
	}
	for i, p := range a.rows {
		if err := s.add(i+1, p.org, p.solution, dateOf(p.approved), p.status.both()); err != nil {
			return err
		}
	}
	if err := s.finish(); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: announceTitle.both(),
		Creator: a.opt.Agency.NameEN}); err != nil {
		return errorf("writing the announcement: %w", err)
	}
	if err := writeXLSX(w, f, s); err != nil {
		return errorf("writing the announcement: %w", err)
	}
	return nil
}
