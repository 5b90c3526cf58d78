package forms

import (
	"net/mail"
	"path"
	"strings"

	"sandboxbot/cases"
)

// parseJuristicID reads a 13-digit juristic person ID written with or
// without dashes and spaces, and checks its mod-11 check digit (the last
// digit is (11 − Σ dᵢ·(14−i) mod 11) mod 10 over the first 12 digits, i
// from 1). lostZero accepts 12 digits as an ID whose leading 0 a workbook's
// number cell dropped.
func parseJuristicID(s string, lostZero bool) (string, error) {
	s = strings.NewReplacer("-", "", " ", "", ".", "", "_", "").
		Replace(dashes.Replace(asciiDigits(s)))
	if lostZero && len(s) == 12 && onlyDigits(s) {
		s = "0" + s
	}
	if !onlyDigits(s) || len(s) != 13 {
		return "", invalid{"ต้องเป็นตัวเลข 13 หลัก", "must be 13 digits"}
	}
	if s[12]-'0' != juristicCheckDigit(s[:12]) {
		return "", invalid{"เลขตรวจสอบหลักสุดท้ายไม่ถูกต้อง",
			"the check digit (the last digit) is wrong"}
	}
	return s, nil
}

// juristicCheckDigit computes the check digit of the first 12 digits.
func juristicCheckDigit(first12 string) byte {
	sum := 0
	for i := range 12 {
		sum += int(first12[i]-'0') * (13 - i)
	}
	return byte((11 - sum%11) % 10)
}

// parsePhone reads a Thai phone number: 9 digits for a fixed line, 10 for a
// mobile, with a leading 0 or written +66; spaces, dashes, dots and brackets
// are ignored, and an extension ("ต่อ 12", "ext. 12", "#12") is kept.
// lostZero restores the leading 0 a workbook's number cell dropped.
func parsePhone(s string, lostZero bool) (string, error) {
	s = strings.ToLower(dashes.Replace(asciiDigits(s)))
	number, ext := s, ""
	for _, sep := range []string{"ต่อ", "ext.", "ext", "#", "x"} {
		if i := strings.Index(s, sep); i > 0 {
			number, ext = s[:i], strings.TrimSpace(s[i+len(sep):])
			break
		}
	}
	number = strings.NewReplacer(" ", "", "-", "", ".", "", "(0)", "", "(", "", ")", "").
		Replace(number)
	if rest, ok := strings.CutPrefix(number, "+66"); ok {
		number = "0" + strings.TrimPrefix(rest, "0")
	}
	if lostZero && onlyDigits(number) && len(number) >= 8 && len(number) <= 9 &&
		number[0] != '0' {
		number = "0" + number
	}
	if !onlyDigits(number) || len(number) < 9 || len(number) > 10 || number[0] != '0' ||
		(ext != "" && !onlyDigits(ext)) {
		return "", invalid{"อ่านเป็นหมายเลขโทรศัพท์ไม่ได้", "this is not a Thai phone number"}
	}
	if ext != "" {
		number += " ext. " + ext
	}
	return number, nil
}

// parseEmail reads one e-mail address, bare or with a display name
// ("Somchai <somchai@example.co.th>") or a mailto: prefix, and returns the
// bare address.
func parseEmail(s string) (string, error) {
	s = strings.TrimPrefix(clean(s), "mailto:")
	a, err := mail.ParseAddress(s)
	bad := invalid{"อ่านเป็นอีเมลไม่ได้", "this is not an e-mail address"}
	if err != nil {
		return "", bad
	}
	at := strings.LastIndexByte(a.Address, '@')
	if at < 1 || !strings.Contains(a.Address[at:], ".") ||
		strings.HasSuffix(a.Address, ".") || strings.ContainsAny(a.Address, " \n") {
		return "", bad
	}
	return a.Address, nil
}

// parseCaseRef reads a case reference, allowing the brackets of a subject
// line, spaces around the dashes, Thai digits and pasted dashes.
func parseCaseRef(s string) (cases.Ref, error) {
	s = strings.Trim(dashes.Replace(asciiDigits(s)), "[]() ")
	s = strings.ReplaceAll(s, " ", "")
	r, err := cases.ParseRef(s)
	if err != nil {
		return cases.Ref{}, invalid{"อ่านเป็นเลขที่อ้างอิงเรื่องไม่ได้", "this is not a case reference"}
	}
	return r, nil
}

// parseAttachment reads the file name of an attachment; a path is cut to its
// last element.
func parseAttachment(s string) (string, error) {
	s = clean(strings.ReplaceAll(s, `\`, "/"))
	s = strings.TrimSpace(path.Base(s))
	if s == "" || s == "." || s == "/" || strings.Contains(s, "\n") || len(s) > 255 {
		return "", invalid{"อ่านเป็นชื่อไฟล์ไม่ได้", "this is not a file name"}
	}
	return s, nil
}
