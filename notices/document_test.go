package notices

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"sandboxbot/internal/testtool"
)

// sampleAgreement is a participation agreement with two sections and an
// annex (a rendered letter stands in for the applicant's test plan).
func sampleAgreement(t testing.TB) Document {
	t.Helper()
	var annex bytes.Buffer
	if err := RenderLetter(&annex, sampleLetter(English), LetterOptions{}); err != nil {
		t.Fatal(err)
	}
	return Document{
		Title: []string{"ข้อตกลงการเข้าร่วมโครงการทดสอบ", "Digital Service Sandbox"},
		Preamble: []Paragraph{Plain("ข้อตกลงฉบับนี้ทำขึ้นระหว่าง" +
			"สำนักงานพัฒนาธุรกรรมทางอิเล็กทรอนิกส์ " +
			"ซึ่งต่อไปในข้อตกลงนี้เรียกว่า \"สำนักงาน\" ฝ่ายหนึ่ง กับบริษัท ตัวอย่าง ดิจิทัล จำกัด " +
			"ซึ่งต่อไปในข้อตกลงนี้เรียกว่า \"ผู้เข้าร่วมทดสอบ\" อีกฝ่ายหนึ่ง")},
		Sections: []Section{
			{Heading: "หมวด ๑ ขอบเขตการทดสอบ", Clauses: []Clause{
				{Text: Plain("ผู้เข้าร่วมทดสอบจะทดสอบบริการด้านการพิสูจน์และยืนยันตัวตนทางดิจิทัล " +
					"ในรอบที่ 1 มีกำหนดระยะเวลา 6 เดือน นับแต่วันที่ 1 กรกฎาคม 2568")},
				{Text: Plain("ผู้เข้าร่วมทดสอบต้องจำกัดการให้บริการดังนี้"), Items: []Paragraph{
					Plain("ผู้ใช้บริการไม่เกิน 5,000 ราย"),
					Plain("ธุรกรรมไม่เกิน 100,000 รายการต่อเดือน"),
				}},
			}},
			{Heading: "หมวด ๒ หน้าที่ระหว่างการทดสอบ", Clauses: []Clause{
				{Text: Plain("ผู้เข้าร่วมทดสอบต้องจัดส่งรายงานความคืบหน้าทุก 30 วัน และแจ้งเหตุขัดข้อง" +
					"หรือข้อร้องเรียนที่มีนัยสำคัญต่อสำนักงานโดยไม่ชักช้า")},
				{Text: Plain("เมื่อสิ้นสุดการทดสอบ ผู้เข้าร่วมทดสอบต้องปฏิบัติตาม" +
					"แผนรองรับการออกจากการทดสอบ" +
					"ที่ได้เสนอไว้ ทั้งกรณีสำเร็จและไม่สำเร็จ")},
			}},
		},
		Closing: []Paragraph{Plain("ข้อตกลงนี้ทำขึ้นเป็นสองฉบับ มีข้อความถูกต้องตรงกัน " +
			"คู่สัญญาได้อ่านและเข้าใจข้อความโดยละเอียดแล้ว จึงได้ลงลายมือชื่อไว้เป็นสำคัญ")},
		Signatures: []Signature{
			{Role: "สำนักงาน", Name: "นางสาวตัวอย่าง ใจดี", Position: "ผู้อำนวยการ",
				Party: "สำนักงานพัฒนาธุรกรรมทางอิเล็กทรอนิกส์"},
			{Role: "ผู้เข้าร่วมทดสอบ", Name: "นายสมชาย ตัวอย่าง", Position: "กรรมการผู้จัดการ",
				Party: "บริษัท ตัวอย่าง ดิจิทัล จำกัด"},
		},
		Annex: annex.Bytes(),
	}
}

// TestRenderDocument renders the agreement with its annex, checks the page
// count, the text of the agreement's pages line for line, that the
// annex's text follows, and validity.
func TestRenderDocument(t *testing.T) {
	t.Parallel()
	d := sampleAgreement(t)
	doc, err := layoutDocument(d, LetterOptions{ThaiDigits: true})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := RenderDocument(&buf, d, LetterOptions{ThaiDigits: true}); err != nil {
		t.Fatal(err)
	}
	annexPages, err := api.PageCount(bytes.NewReader(d.Annex), pdfConfig())
	if err != nil {
		t.Fatal(err)
	}
	pages, err := api.PageCount(bytes.NewReader(buf.Bytes()), pdfConfig())
	if err != nil {
		t.Fatal(err)
	}
	if pages != len(doc.pages)+annexPages {
		t.Errorf("%d pages, want %d + %d", pages, len(doc.pages), annexPages)
	}
	got := extractedPages(pdftotext(t, buf.Bytes(), "-layout"))
	want := expectedLayoutLines(doc)
	if len(got) < len(want) {
		t.Fatalf("%d pages of text, want at least %d", len(got), len(want))
	}
	comparePages(t, "pdftotext -layout", got[:len(want)], want)
	rest := strings.Join(got[len(want)][:4], "\n")
	if !strings.Contains(rest, "Ref. ETDA 1234/2025") {
		t.Errorf("annex text missing after the agreement; first page of it:\n%s", rest)
	}
	for _, line := range []string{"ข้อ ๒ ผู้เข้าร่วมทดสอบต้องจำกัดการให้บริการดังนี้",
		"(๒) ธุรกรรมไม่เกิน 100,000 รายการต่อเดือน",
		"ลงชื่อ .............................. ลงชื่อ ..............................",
		"(นางสาวตัวอย่าง ใจดี) (นายสมชาย ตัวอย่าง)"} {
		all := strings.Join(got[0], "\n") + "\n" + strings.Join(got[len(want)-1], "\n")
		if !strings.Contains(all, line) {
			t.Errorf("line %q not found", line)
		}
	}
	checkPDF(t, testtool.Need(t, "qpdf", "qpdf"), buf.Bytes())

	d.Annex = []byte("%PDF-1.7 broken")
	if err := RenderDocument(&bytes.Buffer{}, d, LetterOptions{}); !errors.Is(err, ErrBadAnnex) {
		t.Errorf("bad annex: err = %v, want ErrBadAnnex", err)
	}
}
