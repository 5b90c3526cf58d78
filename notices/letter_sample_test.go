package notices

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"
)

var bangkok = time.FixedZone("ICT", 7*3600)

// sampleLetter is a two-page decision letter in Thai or English.
func sampleLetter(lang Lang) Letter {
	if lang == English {
		return Letter{
			Lang:   English,
			Number: "ETDA 1234/2025",
			Agency: []string{"Electronic Transactions Development Agency",
				"The Nine Tower, 20th–22nd Floor",
				"Rama 9 Road, Bangkok 10310"},
			Date:       time.Date(2025, 5, 30, 10, 0, 0, 0, bangkok),
			Subject:    "Result of your application to the Digital Service Sandbox",
			To:         "Managing Director, Example Digital Co., Ltd.",
			References: []string{"Your letter dated 1 May 2025"},
			Enclosures: []string{"Draft participation agreement (1 copy)",
				"Testing schedule of round 1 (1 copy)"},
			Body: []Paragraph{
				Plain("With reference to your application to test an electronic-transaction " +
					"service in the Digital Service Sandbox, the Agency has considered the " +
					"application and its supporting documents under the guideline on " +
					"participation in the sandbox."),
				Plain("The Agency is pleased to inform you that the application is approved " +
					"for testing in round 1. You may ask to move to another round within 5 days " +
					"of receiving this letter, and both parties must sign the participation " +
					"agreement within 15 days of receiving it."),
				Plain("Please let the Agency know if you have any questions."),
			},
			Signer:   "Ms. Example Jaidee",
			Position: []string{"Director, Innovation Supervision Division"},
			Unit:     "Innovation Supervision Division",
			Contact:  []string{"Tel. 0 2123 1234 ext. 5678", "E-mail: sandbox@etda.or.th"},
		}
	}
	return Letter{
		Lang:   Thai,
		Number: "สพธอ. 1234/2568",
		Agency: []string{"สำนักงานพัฒนาธุรกรรมทางอิเล็กทรอนิกส์",
			"อาคารเดอะ ไนน์ ทาวเวอร์ ชั้น 20–22",
			"ถนนพระราม 9 กรุงเทพฯ 10310"},
		Date:       time.Date(2025, 5, 30, 10, 0, 0, 0, bangkok),
		Subject:    "แจ้งผลการพิจารณาคำขอเข้าร่วมโครงการทดสอบ Digital Service Sandbox",
		To:         "กรรมการผู้จัดการ บริษัท ตัวอย่าง ดิจิทัล จำกัด",
		References: []string{"หนังสือบริษัท ตัวอย่าง ดิจิทัล จำกัด ลงวันที่ 1 พฤษภาคม 2568"},
		Enclosures: []string{"ร่างข้อตกลงการเข้าร่วมทดสอบ จำนวน 1 ฉบับ",
			"กำหนดการทดสอบรอบที่ 1 จำนวน 1 ฉบับ"},
		Body: []Paragraph{
			Plain("ตามที่บริษัทได้ยื่นคำขอเข้าร่วมโครงการทดสอบนวัตกรรมหรือบริการเกี่ยวกับธุรกรรม" +
				"ทางอิเล็กทรอนิกส์ (Digital Service Sandbox) พร้อมเอกสารประกอบ เพื่อทดสอบบริการ" +
				"ด้านการพิสูจน์และยืนยันตัวตนทางดิจิทัล ความละเอียดแจ้งแล้ว นั้น"),
			Plain("สำนักงานได้พิจารณาคำขอและเอกสารประกอบตามแนวทางการเข้าร่วมโครงการทดสอบแล้ว " +
				"เห็นควรอนุมัติให้บริษัทเข้าร่วมการทดสอบในรอบที่ 1 ตามกำหนดการที่ส่งมาด้วย " +
				"ทั้งนี้ หากบริษัทมีความจำเป็นไม่สามารถเข้าร่วมทดสอบในรอบดังกล่าวได้ สามารถขอเปลี่ยน" +
				"แปลงรอบการทดสอบโดยแจ้งให้สำนักงานทราบภายใน 5 วันนับแต่วันที่ได้รับหนังสือฉบับนี้ " +
				"และขอให้บริษัทลงนามในข้อตกลงการเข้าร่วมทดสอบภายใน 15 วันนับแต่วันที่ได้รับแจ้ง" +
				"ผลการพิจารณา หากพ้นกำหนดดังกล่าว สำนักงานจะถือว่าบริษัทไม่ประสงค์เข้าร่วมการทดสอบ"),
			Plain("ในระหว่างการทดสอบ บริษัทต้องจัดส่งรายงานความคืบหน้าตามแบบและระยะเวลาที่กำหนด " +
				"ได้แก่ ผลการดำเนินงานเทียบกับตัวชี้วัดและเป้าหมาย บันทึกธุรกรรม " +
				"ความเสี่ยงหรือข้อผิดพลาด" +
				"ที่พบ ข้อร้องเรียนของผู้ใช้บริการ และมาตรการที่ได้ดำเนินการ ทั้งด้านการคุ้มครองผู้บริโภค " +
				"ความเสี่ยงด้านเทคโนโลยีสารสนเทศและไซเบอร์ และการคุ้มครองข้อมูลส่วนบุคคล"),
			Plain("จึงเรียนมาเพื่อโปรดทราบและดำเนินการต่อไป"),
		},
		Signer:   "นางสาวตัวอย่าง ใจดี",
		Position: []string{"ผู้อำนวยการฝ่ายกำกับดูแลนวัตกรรม", "ปฏิบัติการแทนผู้อำนวยการ"},
		Unit:     "ฝ่ายกำกับดูแลนวัตกรรมบริการดิจิทัล",
		Contact: []string{"โทร. 0 2123 1234 ต่อ 5678",
			"ไปรษณีย์อิเล็กทรอนิกส์ sandbox@etda.or.th"},
	}
}

// sampleEmblem is a stand-in for the Garuda emblem: a 120×140 PNG with a
// filled ellipse, made here because the emblem is the operator's to supply.
func sampleEmblem(t testing.TB) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 120, 140))
	for y := 0; y < 140; y++ {
		for x := 0; x < 120; x++ {
			dx, dy := float64(x-60)/60, float64(y-70)/70
			if dx*dx+dy*dy <= 1 {
				img.Set(x, y, color.NRGBA{R: 0xB0, G: 0x30, B: 0x20, A: 0xFF})
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
