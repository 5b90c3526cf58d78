package notices

import (
	"io"

	"github.com/xuri/excelize/v2"
)

// writeXLSX writes the announcement as a workbook of one sheet, the
// workbook's announcement sheet: a filtered table under a frozen header,
// dates approved as dates.
func (a announcement) writeXLSX(w io.Writer) error {
	props := &excelize.DocProperties{Title: announceTitle.both(), Creator: a.opt.Agency.NameEN}
	return writeOneSheet(w, "announcement", sheetAnnouncement, "Announcement",
		announcementColumns, props, func(s *sheet) error {
			for i, p := range a.rows {
				err := s.add(i+1, p.org, p.solution, dateOf(p.approved), p.status.both())
				if err != nil {
					return err
				}
			}
			return nil
		})
}
