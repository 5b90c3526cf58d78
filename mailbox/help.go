package mailbox

import (
	"fmt"
	"strings"

	"sandboxbot/cases"
)

// stageTitles names the stages in Thai and English, as letters do.
var stageTitles = map[cases.Stage][2]string{
	cases.Screening: {"พิจารณาแบบแจ้งความประสงค์ (ขั้นตอนที่ 1)",
		"screening (step 1)"},
	cases.AwaitingApplication: {"รอคำขอเข้าร่วมทดสอบ (ขั้นตอนที่ 2)",
		"waiting for the application (step 2)"},
	cases.ApplicationReview: {"ตรวจสอบคำขอและเอกสาร (ขั้นตอนที่ 2)",
		"review of the application (step 2)"},
	cases.TestPlan: {"รอแผนการทดสอบ (ขั้นตอนที่ 3)",
		"waiting for the test plan (step 3)"},
	cases.Decision: {"พิจารณาอนุมัติ (ขั้นตอนที่ 4)",
		"decision (step 4)"},
	cases.Agreement: {"ลงนามข้อตกลง (ขั้นตอนที่ 5)",
		"signing of the agreement (step 5)"},
	cases.Testing: {"ระหว่างการทดสอบ (ขั้นตอนที่ 6)",
		"testing (step 6)"},
	cases.ExitReview: {"พิจารณาผลการทดสอบ (ขั้นตอนที่ 7)",
		"review of the results (step 7)"},
	cases.Appeal: {"ระยะเวลาขอทบทวนผล (ขั้นตอนที่ 7 ข้อ 3)",
		"time to appeal (step 7(3))"},
	cases.PostExit: {"รายงานหลังออกจากการทดสอบ (ขั้นตอนที่ 7 ข้อ 4)",
		"post-exit reporting (step 7(4))"},
	cases.Closed: {"ปิดเรื่องแล้ว",
		"closed"},
}

// HelpText returns the reply to HELP: the commands the officer may give
// for a case in the stage now, from cases.Allowed(stage, cases.ByOfficer)
// in workflow order, then the queries, each as its syntax in Thai and in
// English on lines of their own (to copy into a reply) and a line saying
// what it does, in both languages. paused says the case waits for
// information asked of the applicant. A nil roster lists every command
// valid in the stage; with a roster, only those o may give, and when none
// is, the text says which roles may.
func HelpText(stage cases.Stage, paused bool, o Officer, r *Roster) string {
	may := func(word string) bool { return r == nil || r.mayWord(o, word) }
	var b strings.Builder
	title := stageTitles[stage]
	fmt.Fprintf(&b, "คำสั่งที่ท่านใช้ได้กับเรื่องนี้ในขณะนี้ (ขั้นตอน: %s)\n", title[0])
	fmt.Fprintf(&b, "Commands you can give for this case now (stage: %s)\n", title[1])
	if paused {
		b.WriteString("เรื่องนี้รอข้อมูลเพิ่มเติมจากผู้สมัคร ท่านยังสั่งการได้ตามรายการด้านล่าง\n")
		b.WriteString("The case waits for information asked of the applicant; " +
			"you may still give the commands below.\n")
	}
	b.WriteString("พิมพ์คำสั่งในบรรทัดแรกของอีเมลตอบกลับ " +
		"/ Write the command on the first line of your reply.\n")

	var listed, others int
	for _, t := range cases.Allowed(stage, cases.ByOfficer) {
		s, ok := specByKind[t.On]
		if !ok {
			continue
		}
		if !may(s.word) {
			others++
			continue
		}
		writeHelpEntry(&b, s)
		listed++
	}
	if listed == 0 {
		writeNoneYours(&b, stage, others, r)
	}
	for _, s := range commandTable {
		if s.query != "" && may(s.word) {
			writeHelpEntry(&b, &s)
		}
	}
	return b.String()
}

func writeHelpEntry(b *strings.Builder, s *commandSpec) {
	fmt.Fprintf(b, "\n%s\n%s\n    %s\n    %s\n", s.syntaxTH, s.syntax, s.meaningTH, s.meaning)
}

// writeNoneYours says that no decision is valid now, or none is the
// officer's, and then which roles may give them.
func writeNoneYours(b *strings.Builder, stage cases.Stage, others int, r *Roster) {
	if others == 0 {
		b.WriteString("\nไม่มีคำสั่งที่ใช้ได้ในขั้นตอนนี้ / No decision can be made in " +
			"this stage.\n")
		return
	}
	roles := r.rolesFor(stage)
	fmt.Fprintf(b, "\nท่านไม่มีสิทธิ์สั่งการในขั้นตอนนี้ ผู้มีบทบาท %s สั่งการได้\n", roles)
	fmt.Fprintf(b, "None of the decisions in this stage is yours to give; officers "+
		"with the role %s can give them.\n", roles)
}

// rolesFor names the roles that may give a decision valid in the stage.
func (r *Roster) rolesFor(stage cases.Stage) string {
	var names []string
	for _, name := range r.sortedRoles() {
		for _, t := range cases.Allowed(stage, cases.ByOfficer) {
			if s, ok := specByKind[t.On]; ok && r.allow[name][s.word] {
				names = append(names, name)
				break
			}
		}
	}
	if len(names) == 0 {
		return "(none configured)"
	}
	return strings.Join(names, ", ")
}
