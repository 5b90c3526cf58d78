package notices

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"sandboxbot/cases"
)

// The public announcement of participants (DESIGN.md, "Announcement"): a
// table of number, organisation, solution, date approved and testing
// status, numbered in the order of approval, as a PDF (A4, Thai shaped
// with the letters' text layer), an HTML page or an xlsx workbook.

// AnnouncementFormat is a file format of the announcement.
type AnnouncementFormat string

// The formats of the announcement, named by their file extensions.
const (
	AnnouncePDF  AnnouncementFormat = "pdf"
	AnnounceHTML AnnouncementFormat = "html"
	AnnounceXLSX AnnouncementFormat = "xlsx"
)

// AnnouncementFormats lists the formats, in the order they are offered.
var AnnouncementFormats = []AnnouncementFormat{AnnouncePDF, AnnounceHTML, AnnounceXLSX}

// ErrFormat means a file name's extension names no format of the
// announcement; the message lists those accepted.
var ErrFormat = errors.New("not a format of the announcement")

// FormatOf returns the format a file name's extension names (case does
// not matter): .pdf, .html (or .htm), .xlsx. It fails with ErrFormat.
func FormatOf(name string) (AnnouncementFormat, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(name), "."))
	if ext == "htm" {
		ext = "html"
	}
	if f := AnnouncementFormat(ext); slices.Contains(AnnouncementFormats, f) {
		return f, nil
	}
	var names []string
	for _, f := range AnnouncementFormats {
		names = append(names, "."+string(f))
	}
	return "", errorf("%q: %w (%s)", name, ErrFormat, strings.Join(names, ", "))
}

// AnnouncementOptions are the announcement's date and the agency that
// publishes it. The zero value is today's table of DefaultAgency.
type AnnouncementOptions struct {
	// At is the instant the table is as of; zero means time.Now. Give
	// the store's clock.
	At time.Time
	// Agency publishes the table; its empty fields take DefaultAgency's.
	Agency Agency
	// Fonts and Dictionary replace the shipped Sarabun and Thai word list
	// in the PDF; ThaiDigits sets its numbers and dates in Thai digits.
	Fonts      Fonts
	Dictionary *Dictionary
	ThaiDigits bool
}

// WriteAnnouncement writes the public table of participants, from one read
// of src, to w in a format. The table is held in memory: one row per place
// taken in the rounds. Text from applicants is escaped in HTML, text in
// xlsx, and in the PDF a character the font lacks is set as "?". It fails
// with ErrFormat for an unknown format, src's error, ctx's error, the PDF
// layer's errors, or the writer's. It does not close w.
func WriteAnnouncement(ctx context.Context, w io.Writer, src StatusSource,
	format AnnouncementFormat, opt AnnouncementOptions) error {
	if !slices.Contains(AnnouncementFormats, format) {
		_, err := FormatOf("." + string(format))
		return err
	}
	a, err := readAnnouncement(ctx, src, opt)
	if err != nil {
		return err
	}
	switch format {
	case AnnounceHTML:
		return a.writeHTML(w)
	case AnnounceXLSX:
		return a.writeXLSX(w)
	}
	return a.writePDF(w)
}

// readAnnouncement reads the participants, in the order of approval.
func readAnnouncement(ctx context.Context, src StatusSource,
	opt AnnouncementOptions) (announcement, error) {
	if opt.At.IsZero() {
		opt.At = time.Now()
	}
	opt.Agency = opt.Agency.withDefaults()
	var ps []participant
	err := src.Status(ctx, cases.StatusQuery{At: opt.At}, func(st *cases.Status) error {
		for p, err := range st.Participants() {
			if err != nil {
				return err
			}
			ps = append(ps, participantOf(p))
		}
		return nil
	})
	if err == nil {
		err = ctx.Err()
	}
	byApproval(ps)
	return announcement{at: opt.At.In(cases.Bangkok), rows: ps, opt: opt}, err
}

// announcement is the table being written.
type announcement struct {
	at   time.Time
	rows []participant
	opt  AnnouncementOptions
}

// The announcement's fixed wording.
var (
	announceTitle = label{"ประกาศรายชื่อผู้เข้าร่วมทดสอบ" +
		"นวัตกรรมหรือบริการเกี่ยวกับธุรกรรมทางอิเล็กทรอนิกส์",
		"Participants in the testing of electronic-transaction innovations or services"}
	announceSandbox = label{"โครงการ Digital Service Sandbox", "Digital Service Sandbox"}
	announceAsOf    = label{"ข้อมูล ณ วันที่", "As of"}
	announceNone    = label{"ยังไม่มีผู้เข้าร่วมทดสอบ", "No participants yet"}
)

// participant is one row of the announcement.
type participant struct {
	approved time.Time
	ref      cases.Ref
	org      string
	orgEN    string
	solution string
	status   label
}

func participantOf(p cases.Participant) participant {
	a := p.Case.Applicant
	return participant{approved: p.Approved, ref: p.Case.Ref, org: a.OrgName,
		orgEN: a.OrgNameEN, solution: a.Solution, status: testingLabel(p.Case)}
}

// byApproval puts participants in the order they were approved, the
// announcement's numbering: those approved at the same instant, and
// those whose approval is not known (last), by reference.
func byApproval(ps []participant) {
	slices.SortStableFunc(ps, func(a, b participant) int {
		switch {
		case a.approved.IsZero() != b.approved.IsZero():
			if a.approved.IsZero() {
				return 1
			}
			return -1
		case !a.approved.Equal(b.approved):
			return a.approved.Compare(b.approved)
		}
		return compareRefs(a.ref, b.ref)
	})
}

func compareRefs(a, b cases.Ref) int {
	if a.Year != b.Year {
		return a.Year - b.Year
	}
	return a.Seq - b.Seq
}
