package forms

import (
	"strconv"
	"strings"
)

// exampleJuristicID is a well-formed ID (its check digit is right) used in
// messages and tests.
const exampleJuristicID = "0105556012341"

// want describes what a valid value of f looks like, in Thai and English.
func want(f Field) Label {
	switch f.Type {
	case Text:
		return Label{"ข้อความบรรทัดเดียว ไม่เกิน 300 ตัวอักษร",
			"one line of text, up to 300 characters"}
	case LongText:
		return Label{"ข้อความ ไม่เกิน 5,000 ตัวอักษร", "text of up to 5,000 characters"}
	case Date:
		return Label{"วันที่ เช่น 30/05/2568, 30 พฤษภาคม 2568 หรือ 2025-05-30",
			"a date such as 30/05/2025, 30 May 2025 or 2025-05-30 (day first)"}
	case Number:
		return wantNumber(f)
	case Enum:
		return wantEnum(f.Options)
	case YesNo:
		if f.MustBeYes {
			return Label{"ใช่ (ต้องรับรองข้อความนี้)", "yes (this must be declared)"}
		}
		return Label{"ใช่ หรือ ไม่ใช่", "yes or no"}
	case Email:
		return Label{"อีเมล เช่น somchai@example.co.th",
			"an e-mail address such as somchai@example.co.th"}
	case Phone:
		return Label{"หมายเลขโทรศัพท์ เช่น 02-123-4567 หรือ 081-234-5678",
			"a Thai phone number such as 02-123-4567 or 081-234-5678"}
	case JuristicID:
		return Label{"เลข 13 หลักตามหนังสือรับรอง เช่น " + exampleJuristicID,
			"the 13 digits on the certificate, such as " + exampleJuristicID}
	case CaseRef:
		return Label{"เลขที่อ้างอิงในหัวเรื่องอีเมล เช่น DSS-2568-0001",
			"the reference in the email subject, such as DSS-2568-0001"}
	case Attachment:
		return Label{"ชื่อไฟล์ที่แนบมากับอีเมลฉบับเดียวกัน เช่น certificate.pdf",
			"the name of a file attached to the same email, such as certificate.pdf"}
	}
	return Label{}
}

func wantNumber(f Field) Label {
	lo, hi := fmtNum(f.Min), fmtNum(f.Max)
	switch {
	case f.Integer && f.Max <= 1000:
		return Label{"จำนวนเต็มตั้งแต่ " + lo + " ถึง " + hi,
			"a whole number from " + lo + " to " + hi}
	case f.Integer:
		return Label{"จำนวนเต็มตั้งแต่ " + lo + " ขึ้นไป เช่น 1,200",
			"a whole number of " + lo + " or more, such as 1,200"}
	}
	return Label{"ตัวเลขตั้งแต่ " + lo + " ขึ้นไป เช่น 5,000,000 หรือ 12.5",
		"a number of " + lo + " or more, such as 5,000,000 or 12.5"}
}

func wantEnum(opts []Option) Label {
	var th, en []string
	for _, o := range opts {
		th = append(th, o.Key+" ("+o.Label.TH+")")
		en = append(en, o.Key+" ("+o.Label.EN+")")
	}
	return Label{"หนึ่งใน " + strings.Join(th, ", "), "one of " + strings.Join(en, ", ")}
}

func fmtNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
