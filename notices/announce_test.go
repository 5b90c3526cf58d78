package notices

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"sandboxbot/cases"
	"sandboxbot/internal/testtool"
)

// announce writes the seeded store's announcement as of reportAt.
func announce(t *testing.T, s *seeded, f AnnouncementFormat) []byte {
	t.Helper()
	var buf bytes.Buffer
	err := WriteAnnouncement(context.Background(), &buf, s.store, f,
		AnnouncementOptions{At: reportAt})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The seeded participants, in the order of approval.
var announced = []struct {
	n   int
	org string
}{{8, hostile[8][0]}, {9, seedOrg(9)}, {10, seedOrg(10)}, {14, seedOrg(14)},
	{7, seedOrg(7)}}

func TestFormatOf(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		want AnnouncementFormat
	}{
		{"out/participants.pdf", AnnouncePDF}, {"A.PDF", AnnouncePDF},
		{"x.html", AnnounceHTML}, {"x.HTM", AnnounceHTML}, {"x.xlsx", AnnounceXLSX},
		{"x.csv", ""}, {"x", ""}, {"pdf", ""}, {"x.xlsx.bak", ""},
	} {
		got, err := FormatOf(tt.name)
		if got != tt.want || (tt.want == "") != errors.Is(err, ErrFormat) {
			t.Errorf("FormatOf(%q) = %q, %v; want %q", tt.name, got, err, tt.want)
		}
		if err != nil && !strings.Contains(err.Error(), ".pdf, .html, .xlsx") {
			t.Errorf("FormatOf(%q): %v does not name the formats accepted", tt.name, err)
		}
	}
	err := WriteAnnouncement(context.Background(), &bytes.Buffer{}, nil, "csv",
		AnnouncementOptions{})
	if !errors.Is(err, ErrFormat) {
		t.Errorf("WriteAnnouncement in csv: %v, want ErrFormat", err)
	}
}

// announcedPDF lays out the seeded store's announcement and writes it.
func announcedPDF(t *testing.T, s *seeded) (*pdfDoc, []byte) {
	t.Helper()
	a, err := readAnnouncement(context.Background(), s.store, AnnouncementOptions{At: reportAt})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := a.layoutPDF()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := doc.write(&buf); err != nil {
		t.Fatal(err)
	}
	return doc, buf.Bytes()
}

// checkExtracted checks that pdftotext -layout gives back, on each page,
// every line as it was set (a table's cells share text lines, but each
// set line stays whole), and returns the set lines, page by page.
func checkExtracted(t *testing.T, doc *pdfDoc, pdf []byte) [][]string {
	t.Helper()
	pages := strings.Split(pdftotext(t, pdf, "-layout"), "\f")
	var set [][]string
	for i, p := range doc.pages {
		var lines []string
		for _, l := range p.lines {
			lines = append(lines, l.text)
			if i >= len(pages) || !strings.Contains(pages[i], l.text) {
				t.Errorf("page %d: pdftotext does not give back %q", i+1, l.text)
			}
		}
		set = append(set, lines)
	}
	return set
}

// TestAnnouncementPDF checks the PDF with qpdf and pdfcpu, and that
// pdftotext gives back its Thai: the title, every participant in the order
// of approval, the dates and the statuses.
func TestAnnouncementPDF(t *testing.T) {
	t.Parallel()
	s := seedStatus(t)
	doc, pdf := announcedPDF(t, s)
	checkPDF(t, testtool.Need(t, "qpdf", "qpdf"), pdf)
	// Cells are set one after the other, each line by line: joined, the
	// set lines give each cell's text, less the spaces lines broke at.
	text := setText(checkExtracted(t, doc, pdf))
	for _, want := range []string{announceTitle.th, announceTitle.en,
		"ข้อมูล ณ วันที่ 16 มีนาคม 2569 / As of 16 March 2026", "ลำดับNo.",
		"หน่วยงานOrganisation", "20 มกราคม 2569", "10 March 2026", "อยู่ระหว่างการทดสอบ",
		"ออกจากการทดสอบแล้ว: ประสบความสำเร็จทั้งหมด", "อนุมัติแล้ว รอลงนามข้อตกลง",
		seedOrg(9) + "Example 9 Co., Ltd."} {
		if !strings.Contains(text, unspaced(want)) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	last := -1
	for _, a := range announced {
		i := strings.Index(text, unspaced(a.org))
		if i < 0 || i < last {
			t.Errorf("case %d (%q) is missing or out of the order of approval", a.n, a.org)
		}
		last = i
	}
}

// setText joins the set lines of every page, without spaces.
func setText(pages [][]string) string {
	var b strings.Builder
	for _, p := range pages {
		for _, l := range p {
			b.WriteString(unspaced(l))
		}
	}
	return b.String()
}

func unspaced(s string) string { return strings.Join(strings.Fields(s), "") }

// TestAnnouncementPDFPages sets a table over several pages: every page
// repeats the header, those after the first are numbered, and no
// participant is lost at a page break.
func TestAnnouncementPDFPages(t *testing.T) {
	t.Parallel()
	s := seedBulk(t, 14*20) // 100 participants
	doc, pdf := announcedPDF(t, s)
	checkPDF(t, testtool.Need(t, "qpdf", "qpdf"), pdf)
	set := checkExtracted(t, doc, pdf)
	if len(set) < 4 {
		t.Fatalf("%d pages for 100 participants", len(set))
	}
	head := announcementColumns[1].title.th
	for i, lines := range set {
		if !slices.Contains(lines, head) {
			t.Errorf("page %d has no header row", i+1)
		}
		if i > 0 && !slices.Contains(lines, "\u2010 "+strconv.Itoa(i+1)+" \u2010") {
			t.Errorf("page %d is not numbered", i+1)
		}
	}
	text := setText(set)
	a, err := readAnnouncement(context.Background(), s.store, AnnouncementOptions{At: reportAt})
	if err != nil || len(a.rows) < 60 {
		t.Fatalf("%d participants (%v)", len(a.rows), err)
	}
	for i, p := range a.rows {
		if row := strconv.Itoa(i+1) + unspaced(p.org); !strings.Contains(text, row) {
			t.Errorf("participant %d (%s) is missing", i+1, p.ref)
		}
	}
}

func TestAnnouncementPrintable(t *testing.T) {
	t.Parallel()
	fonts, err := Sarabun()
	if err != nil {
		t.Fatal(err)
	}
	tbl := &pdfTable{fonts: fonts}
	if got := tbl.printable("บริษัท 😀 中文 จำกัด\t"); got != "บริษัท ? ?? จำกัด\t" {
		t.Errorf("printable: %q", got)
	}
}

// TestAnnouncementHTML checks that the page is UTF-8, escapes markup from
// applicants, and is a plain table with its headers.
func TestAnnouncementHTML(t *testing.T) {
	t.Parallel()
	s := seedStatus(t)
	page := string(announce(t, s, AnnounceHTML))
	if !utf8.ValidString(page) || !strings.Contains(page, `<meta charset="utf-8">`) {
		t.Fatal("the page is not declared and written as UTF-8")
	}
	if strings.Contains(page, "<script") || strings.Contains(page, "<b>") {
		t.Errorf("markup from an applicant is not escaped:\n%s", page)
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt; บริษัท ทดสอบ จำกัด",
		"ระบบพิสูจน์ตัวตน &lt;b&gt;ExampleID&lt;/b&gt;",
		"<th scope=\"col\">หน่วยงาน<br><span lang=\"en\" class=\"en\">Organisation</span></th>",
		`<time datetime="2026-03-10">10 มีนาคม 2569</time>`, "<caption>", "<tbody>",
		`<html lang="th">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if n := strings.Count(page, `<td class="number">`); n != len(announced) {
		t.Errorf("%d rows, want %d", n, len(announced))
	}
	last := -1
	for _, a := range announced {
		name := strings.ReplaceAll(strings.ReplaceAll(a.org, "<", "&lt;"), ">", "&gt;")
		i := strings.Index(page, name)
		if i < last {
			t.Errorf("case %d is out of the order of approval", a.n)
		}
		last = i
	}
}

// TestAnnouncementXLSX reads the workbook back: one sheet, numbered rows
// in the order of approval, dates as dates, names as text.
func TestAnnouncementXLSX(t *testing.T) {
	t.Parallel()
	s := seedStatus(t)
	f, err := excelize.OpenReader(bytes.NewReader(announce(t, s, AnnounceXLSX)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 1 || got[0] != sheetAnnouncement {
		t.Fatalf("sheets %q", got)
	}
	rows, err := f.GetRows(sheetAnnouncement)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(announced) {
		t.Fatalf("%d rows: %q", len(rows), rows)
	}
	for i, a := range announced {
		r := rows[i+1]
		if r[0] != strconv.Itoa(i+1) || r[1] != a.org {
			t.Errorf("row %d: %q, want number %d for %q", i+2, r, i+1, a.org)
		}
	}
	cell := "D" + strconv.Itoa(len(announced)+1)
	v, _ := f.GetCellValue(sheetAnnouncement, cell, excelize.Options{RawCellValue: true})
	if v != strconv.Itoa(int(dateSerial(cases.NewDate(2026, 3, 10)))) {
		t.Errorf("%s is %q, not the serial of 10 March 2026", cell, v)
	}
	typ, _ := f.GetCellType(sheetAnnouncement, "B2")
	if typ != excelize.CellTypeInlineString {
		t.Errorf("B2 is of type %v, not text", typ)
	}
}
