package mailbox

import (
	"fmt"
	"strings"

	"sandboxbot/cases"
)

// StatusText is the reply to STATUS: the case in short, in Thai and in
// English: who, what, the stage and since when, its open windows with their
// last days and the days left on today (Bangkok), and the outcome of a
// closed case. A case with no reference (none was named) gives a line that
// says how to ask.
func StatusText(c *cases.Case, today cases.Date) string {
	if c == nil || c.Ref.IsZero() {
		return "ไม่ได้ระบุเรื่อง กรุณาตอบกลับอีเมลของระบบเกี่ยวกับเรื่องนั้นด้วยคำว่า สถานะ\n" +
			"No case was named: reply STATUS to the bot's mail about the case.\n"
	}
	var b strings.Builder
	a := c.Applicant
	fmt.Fprintf(&b, "เรื่อง / Case %s\n", c.Ref)
	fmt.Fprintf(&b, "หน่วยงาน / Organisation: %s\n", a.OrgName)
	fmt.Fprintf(&b, "บริการ / Solution: %s (%s)\n", a.Solution, a.Category)
	fmt.Fprintf(&b, "ผู้ติดต่อ / Contact: %s\n", a.ContactEmail)
	fmt.Fprintf(&b, "ขั้นตอน / Stage: %s ตั้งแต่ / since %s", c.Stage,
		cases.DateOf(c.StageSince))
	if c.Paused {
		b.WriteString(" (รอข้อมูลเพิ่มเติม / waiting for information)")
	}
	b.WriteString("\n")
	if c.Round != 0 {
		fmt.Fprintf(&b, "รอบการทดสอบ / Testing round: %d\n", c.Round)
	}
	if c.Outcome != "" {
		fmt.Fprintf(&b, "ผล / Outcome: %s\n", c.Outcome)
	}
	if len(c.Windows) == 0 {
		b.WriteString("ไม่มีกำหนดเวลาที่เปิดอยู่ / No open deadlines\n")
		return b.String()
	}
	b.WriteString("กำหนดเวลา / Deadlines:\n")
	for _, w := range c.Windows {
		th, en := w.Kind.Title()
		if w.Pending {
			fmt.Fprintf(&b, "- %s / %s: %d วันนับจากวันที่ได้รับแจ้ง / %d days from "+
				"the day the letter is delivered\n", th, en, w.Days, w.Days)
			continue
		}
		fmt.Fprintf(&b, "- %s / %s: ภายใน / by %s (%d วัน / days left, %s)\n", th, en, w.Due,
			w.DaysLeft(today), w.Party)
	}
	return b.String()
}
