package forms

import (
	"errors"
	"fmt"
	"strings"
)

// TextIn returns the problems as a numbered list in one language, "th" or
// "en" (anything else is Thai): the reply to a sender who writes in it.
func (ps Problems) TextIn(lang string) string {
	en := lang == "en"
	var b strings.Builder
	if en {
		fmt.Fprintf(&b, "%d problem(s) found in the form:\n", len(ps))
	} else {
		fmt.Fprintf(&b, "พบปัญหาในแบบฟอร์ม %d รายการ\n", len(ps))
	}
	for i, p := range ps {
		label, wrong, want, written := p.Label.TH, p.Wrong.TH, p.Want.TH, "ที่กรอก"
		expected := "ควรเป็น"
		if en {
			label, wrong, want, written = p.Label.EN, p.Wrong.EN, p.Want.EN, "written"
			expected = "expected"
		}
		where := label + " (" + p.Key + ")"
		if p.Key == "" {
			where = label
		}
		if p.Table != "" && p.Row > 0 {
			row := "แถว"
			if en {
				row = "row"
			}
			where = fmt.Sprintf("%s, %s %d: %s", p.Table, row, p.Row, where)
		}
		fmt.Fprintf(&b, "\n%d. %s\n", i+1, where)
		if p.Got != "" {
			fmt.Fprintf(&b, "   %s: %q\n", written, p.Got)
		}
		fmt.Fprintf(&b, "   %s\n", wrong)
		if want != "" {
			fmt.Fprintf(&b, "   %s: %s\n", expected, want)
		}
	}
	return b.String()
}

// Explain says, in English and in Thai, why Parse refused a file, and what
// the sender can do: the text of the reply to a refused attachment. name is
// the file's name as the sender knows it. For an error Parse does not
// return it gives a general sentence.
func Explain(name string, err error) (en, th string) {
	type why struct {
		sentinel error
		en, th   string
	}
	for _, w := range []why{
		{ErrTooLarge, "is larger than a form can be; send the form on its own, " +
			"without pictures pasted into it", "มีขนาดใหญ่เกินกว่าแบบฟอร์ม โปรดส่งเฉพาะ" +
			"แบบฟอร์ม โดยไม่แทรกรูปภาพ"},
		{ErrEncrypted, "is protected by a password; save it without a password and " +
			"send it again", "มีการตั้งรหัสผ่าน โปรดบันทึกแบบฟอร์มโดยไม่ตั้งรหัสผ่านแล้วส่งใหม่"},
		{ErrMacro, "contains macros, which are not accepted; fill in the blank form we " +
			"sent (.xlsx) and save it as an Excel workbook (.xlsx), not .xlsm",
			"มีมาโคร ซึ่งไม่รับ โปรดกรอกแบบฟอร์มเปล่าที่ได้รับ (.xlsx) และบันทึกเป็นไฟล์ " +
				".xlsx ไม่ใช่ .xlsm"},
		{ErrZipBomb, "is not a well-formed workbook (its parts would inflate far beyond " +
			"their size); save the form again from Excel or LibreOffice",
			"ไม่ใช่ไฟล์ Excel ที่ถูกต้อง โปรดบันทึกแบบฟอร์มใหม่จาก Excel หรือ LibreOffice"},
		{ErrDamaged, "is damaged or cut short; save it again and send it again",
			"เสียหายหรือไม่สมบูรณ์ โปรดบันทึกและส่งใหม่"},
		{ErrUnknownKind, "names a form kind this mailbox does not know; use the blank " +
			"forms we send", "ระบุประเภทแบบฟอร์มที่ระบบไม่รู้จัก โปรดใช้แบบฟอร์มเปล่าที่สำนักงานส่งให้"},
		{ErrUnknownVersion, "is a version of the form this mailbox cannot read; use the " +
			"current blank form", "เป็นแบบฟอร์มรุ่นที่ระบบอ่านไม่ได้ โปรดใช้แบบฟอร์มเปล่ารุ่นปัจจุบัน"},
		{ErrTimeout, "took too long to read; save it again without extra sheets or " +
			"pictures", "ใช้เวลาอ่านนานเกินไป โปรดบันทึกใหม่โดยไม่มีแผ่นงานหรือรูปภาพเพิ่มเติม"},
		{ErrReaderPanic, "could not be read; save it again from another program and " +
			"send it again", "อ่านไม่ได้ โปรดบันทึกใหม่จากโปรแกรมอื่นแล้วส่งใหม่"},
	} {
		if errors.Is(err, w.sentinel) {
			return fmt.Sprintf("the attachment %s %s", name, w.en),
				fmt.Sprintf("ไฟล์แนบ %s %s", name, w.th)
		}
	}
	return fmt.Sprintf("the attachment %s could not be read as a form", name),
		fmt.Sprintf("ไม่สามารถอ่านไฟล์แนบ %s เป็นแบบฟอร์มได้", name)
}
