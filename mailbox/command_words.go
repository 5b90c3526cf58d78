package mailbox

import "sandboxbot/cases"

// argSpec says which arguments a command takes.
type argSpec uint16

const (
	argRound    argSpec = 1 << iota // a round number must follow: APPROVE ROUND 2
	argRoundOpt                     // a round number may follow
	argDate                         // a date must follow: FIX BY 2026-06-30
	argDateOpt                      // a date may follow: GRANT EXTENSION 2027-03-31
	argDue                          // "BY <date>" may appear in the text: MORE INFO
	argPeriod                       // two dates may follow: SIGNED 2026-07-01 2026-12-31
	argOutcome                      // a result must follow: ALLOW APPEAL SUCCESS
	argText                         // a reason or what is missing must be given
)

// commandSpec is one officer command: its words in English and Thai, what
// it causes, what it takes, and how a HELP reply shows it.
type commandSpec struct {
	word    string // canonical English: the Command.Word
	thai    string // canonical Thai
	aliases []string
	kind    cases.EventKind // "" for a query
	query   Query
	args    argSpec
	// text names what argText asks for, in English and Thai.
	text, textTH string
	// syntax shows the command with its arguments; example fills them.
	syntax, syntaxTH   string
	example, exampleTH string
	// meaning is what the command does, in a line.
	meaning, meaningTH string
}

// commandTable lists every command. Every officer event of the workflow
// (cases.Transitions with By == cases.ByOfficer) has a row;
// TestCommandTableCoversWorkflow checks. When several words match the start
// of a line the longest wins (ไม่อนุมัติ over อนุมัติ, APPROVE ROUND CHANGE
// over APPROVE ROUND).
var commandTable = []commandSpec{
	// Step 1: screening of the expression of interest.
	{word: "IN SCOPE", thai: "อยู่ในขอบข่าย", aliases: []string{"อยู่ในขอบเขต"},
		kind:   cases.FindInScope,
		syntax: "IN SCOPE", syntaxTH: "อยู่ในขอบข่าย",
		meaning:   "screening passed: the applicant has 30 days to send the application",
		meaningTH: "ผ่านการพิจารณาเบื้องต้น ผู้สมัครมีเวลา 30 วันในการยื่นคำขอ"},
	{word: "OUT OF SCOPE", thai: "ไม่อยู่ในขอบข่าย",
		aliases: []string{"NOT IN SCOPE", "ไม่อยู่ในขอบเขต"},
		kind:    cases.FindOutOfScope, args: argText, text: "the reason", textTH: "เหตุผล",
		syntax: "OUT OF SCOPE <reason>", syntaxTH: "ไม่อยู่ในขอบข่าย <เหตุผล>",
		example:   "OUT OF SCOPE the service is not an electronic transaction",
		exampleTH: "ไม่อยู่ในขอบข่าย บริการนี้ไม่ใช่ธุรกรรมทางอิเล็กทรอนิกส์",
		meaning:   "the case closes as out of scope; the applicant is told the reason",
		meaningTH: "ปิดเรื่องเนื่องจากไม่อยู่ในขอบข่าย และแจ้งเหตุผลแก่ผู้สมัคร"},
	{word: "MORE INFO", thai: "ขอข้อมูลเพิ่มเติม",
		aliases: []string{"MORE INFORMATION", "ขอข้อมูลเพิ่ม", "ขอเอกสารเพิ่มเติม"},
		kind:    cases.AskMoreInfo, args: argText | argDue,
		text: "what the applicant must send", textTH: "ข้อมูลที่ขอ",
		syntax:    "MORE INFO <what> [BY <date>]",
		syntaxTH:  "ขอข้อมูลเพิ่มเติม <ข้อมูลที่ขอ> [ภายใน <วันที่>]",
		example:   "MORE INFO the company certificate BY 2026-06-15",
		exampleTH: "ขอข้อมูลเพิ่มเติม หนังสือรับรองบริษัท ภายใน 15 มิ.ย. 2569",
		meaning: "asks the applicant for information (due in 15 days unless a date is " +
			"given); the stage pauses",
		meaningTH: "ขอข้อมูลจากผู้สมัคร (ส่งภายใน 15 วัน หากไม่ระบุวันที่) และพักการพิจารณาไว้"},

	// Step 2: review of the application.
	{word: "INCOMPLETE", thai: "เอกสารไม่ครบถ้วน",
		aliases: []string{"NOT COMPLETE", "เอกสารไม่ครบ", "ไม่ครบถ้วน"},
		kind:    cases.FindIncomplete, args: argText | argDue,
		text: "what is missing", textTH: "รายการที่ขาด",
		syntax:    "INCOMPLETE <what is missing> [BY <date>]",
		syntaxTH:  "เอกสารไม่ครบถ้วน <รายการที่ขาด> [ภายใน <วันที่>]",
		example:   "INCOMPLETE the audited financial statements",
		exampleTH: "เอกสารไม่ครบถ้วน งบการเงินที่ผ่านการตรวจสอบ",
		meaning:   "the application lacks documents: the applicant is told what; the stage pauses",
		meaningTH: "คำขอขาดเอกสาร แจ้งผู้สมัครว่าขาดอะไร และพักการพิจารณาไว้"},
	{word: "INELIGIBLE", thai: "ขาดคุณสมบัติ",
		aliases: []string{"NOT ELIGIBLE", "ไม่มีคุณสมบัติ"},
		kind:    cases.FindIneligible, args: argText, text: "the reason", textTH: "เหตุผล",
		syntax: "INELIGIBLE <reason>", syntaxTH: "ขาดคุณสมบัติ <เหตุผล>",
		example:   "INELIGIBLE less than two years of experience",
		exampleTH: "ขาดคุณสมบัติ มีประสบการณ์ไม่ถึง 2 ปี",
		meaning:   "the applicant does not meet the eligibility rules: the case closes",
		meaningTH: "ผู้สมัครขาดคุณสมบัติตามหลักเกณฑ์ และปิดเรื่อง"},
	{word: "COMPLETE", thai: "เอกสารครบถ้วน", aliases: []string{"ครบถ้วน"},
		kind:   cases.FindComplete,
		syntax: "COMPLETE", syntaxTH: "เอกสารครบถ้วน",
		meaning:   "the application is complete: the agency's 30 days to decide begin",
		meaningTH: "คำขอและเอกสารครบถ้วน เริ่มนับระยะเวลาพิจารณา 30 วัน"},

	// Step 4: the decision.
	{word: "APPROVE ROUND", thai: "อนุมัติ รอบ",
		aliases: []string{"APPROVE", "APPROVED", "อนุมัติ"},
		kind:    cases.Approve, args: argRound,
		syntax: "APPROVE ROUND <n>", syntaxTH: "อนุมัติ รอบ <n>",
		example: "APPROVE ROUND 2", exampleTH: "อนุมัติ รอบ 2",
		meaning: "approved into round n: 5 days to ask for another round, 15 to sign",
		meaningTH: "อนุมัติให้เข้าร่วมทดสอบในรอบที่ n ผู้สมัครขอเปลี่ยนรอบได้ภายใน 5 วัน " +
			"และลงนามภายใน 15 วัน"},
	{word: "REJECT", thai: "ไม่อนุมัติ", aliases: []string{"REJECTED", "NOT APPROVED"},
		kind: cases.Reject, args: argText, text: "the reason", textTH: "เหตุผล",
		syntax: "REJECT <reason>", syntaxTH: "ไม่อนุมัติ <เหตุผล>",
		example:   "REJECT the test plan has no indicator for privacy",
		exampleTH: "ไม่อนุมัติ แผนการทดสอบไม่มีตัวชี้วัดด้านความเป็นส่วนตัว",
		meaning:   "not approved: the case closes and the applicant is told why",
		meaningTH: "ไม่อนุมัติ ปิดเรื่อง และแจ้งเหตุผลแก่ผู้สมัคร"},

	// Steps 4 and 5: another round, and the agreement.
	{word: "GRANT ROUND CHANGE", thai: "อนุญาตเปลี่ยนรอบ",
		aliases: []string{"APPROVE ROUND CHANGE", "อนุมัติเปลี่ยนรอบ", "อนุญาตให้เปลี่ยนรอบ"},
		kind:    cases.GrantRoundChange, args: argRoundOpt,
		syntax: "GRANT ROUND CHANGE [<n>]", syntaxTH: "อนุญาตเปลี่ยนรอบ [<n>]",
		meaning:   "the other round is granted (the one asked for, unless n is given)",
		meaningTH: "อนุญาตให้เปลี่ยนรอบการทดสอบ (เป็นรอบที่ขอ หากไม่ระบุ n)"},
	{word: "REFUSE ROUND CHANGE", thai: "ไม่อนุญาตเปลี่ยนรอบ",
		aliases: []string{"REJECT ROUND CHANGE", "ไม่อนุมัติเปลี่ยนรอบ",
			"ไม่อนุญาตให้เปลี่ยนรอบ"},
		kind:   cases.RefuseRoundChange,
		syntax: "REFUSE ROUND CHANGE [<reason>]", syntaxTH: "ไม่อนุญาตเปลี่ยนรอบ [<เหตุผล>]",
		meaning:   "the other round is refused; the approved round stands",
		meaningTH: "ไม่อนุญาตให้เปลี่ยนรอบ คงรอบที่อนุมัติไว้"},
	{word: "SIGNED", thai: "ลงนามแล้ว",
		aliases: []string{"AGREEMENT SIGNED", "ลงนามข้อตกลงแล้ว"},
		kind:    cases.RecordSigned, args: argPeriod,
		syntax:    "SIGNED [<start date> <end date>]",
		syntaxTH:  "ลงนามแล้ว [<วันเริ่ม> <วันสิ้นสุด>]",
		example:   "SIGNED 2026-07-01 2026-12-31",
		exampleTH: "ลงนามแล้ว 1 ก.ค. 2569 ถึง 31 ธ.ค. 2569",
		meaning:   "both sides signed: testing begins (for the test plan's dates unless given)",
		meaningTH: "ลงนามข้อตกลงครบทั้งสองฝ่าย เริ่มการทดสอบ (ตามวันในแผน หากไม่ระบุ)"},

	// Step 6: testing.
	{word: "GRANT EXTENSION", thai: "อนุญาตขยายเวลา",
		aliases: []string{"APPROVE EXTENSION", "อนุมัติขยายเวลา", "อนุญาตให้ขยายเวลา"},
		kind:    cases.GrantExtension, args: argDateOpt,
		syntax: "GRANT EXTENSION [<new end date>]", syntaxTH: "อนุญาตขยายเวลา [<วันสิ้นสุดใหม่>]",
		example: "GRANT EXTENSION 2027-03-31", exampleTH: "อนุญาตขยายเวลา 31 มี.ค. 2570",
		meaning: "the extension is granted: testing ends on the new date (the one asked " +
			"for, unless given)",
		meaningTH: "อนุญาตให้ขยายระยะเวลาการทดสอบ ถึงวันสิ้นสุดใหม่ (ตามที่ขอ หากไม่ระบุ)"},
	{word: "REFUSE EXTENSION", thai: "ไม่อนุญาตขยายเวลา",
		aliases: []string{"REJECT EXTENSION", "ไม่อนุมัติขยายเวลา", "ไม่อนุญาตให้ขยายเวลา"},
		kind:    cases.RefuseExtension,
		syntax:  "REFUSE EXTENSION [<reason>]", syntaxTH: "ไม่อนุญาตขยายเวลา [<เหตุผล>]",
		meaning:   "the extension is refused: testing ends on the agreed date",
		meaningTH: "ไม่อนุญาตให้ขยายระยะเวลา การทดสอบสิ้นสุดตามกำหนดเดิม"},
	{word: "GRANT WAIVER", thai: "อนุญาตผ่อนผัน",
		aliases: []string{"APPROVE WAIVER", "อนุมัติผ่อนผัน", "อนุญาตให้ผ่อนผัน"},
		kind:    cases.GrantWaiver,
		syntax:  "GRANT WAIVER [<conditions>]", syntaxTH: "อนุญาตผ่อนผัน [<เงื่อนไข>]",
		meaning:   "the waiver asked for is granted by a specific notice",
		meaningTH: "อนุญาตให้ผ่อนผันตามที่ขอ โดยออกหนังสือแจ้งเฉพาะราย"},
	{word: "REFUSE WAIVER", thai: "ไม่อนุญาตผ่อนผัน",
		aliases: []string{"REJECT WAIVER", "ไม่อนุมัติผ่อนผัน", "ไม่อนุญาตให้ผ่อนผัน"},
		kind:    cases.RefuseWaiver,
		syntax:  "REFUSE WAIVER [<reason>]", syntaxTH: "ไม่อนุญาตผ่อนผัน [<เหตุผล>]",
		meaning:   "the waiver is refused: the rule applies",
		meaningTH: "ไม่อนุญาตให้ผ่อนผัน ต้องปฏิบัติตามหลักเกณฑ์"},

	// Step 7: fixes and expulsion.
	{word: "FIX BY", thai: "แก้ไขภายใน",
		aliases: []string{"NOTICE TO FIX", "แจ้งให้แก้ไข", "แจ้งให้แก้ไขภายใน"},
		kind:    cases.NoticeToFix, args: argDate | argText,
		text: "what must be fixed", textTH: "สิ่งที่ต้องแก้ไข",
		syntax:    "FIX BY <date> <what to fix>",
		syntaxTH:  "แก้ไขภายใน <วันที่> <สิ่งที่ต้องแก้ไข>",
		example:   "FIX BY 2026-06-30 publish the privacy notice to users",
		exampleTH: "แก้ไขภายใน 30 มิ.ย. 2569 เผยแพร่ประกาศความเป็นส่วนตัวให้ผู้ใช้",
		meaning:   "tells the participant what to fix, and by when",
		meaningTH: "แจ้งให้ผู้เข้าร่วมทดสอบแก้ไข พร้อมกำหนดวันที่ต้องแก้ไขให้แล้วเสร็จ"},
	{word: "FIXED", thai: "แก้ไขแล้ว",
		aliases: []string{"FIXES ACCEPTED", "แก้ไขเรียบร้อย", "รับรองการแก้ไข"},
		kind:    cases.ConfirmFixed,
		syntax:  "FIXED", syntaxTH: "แก้ไขแล้ว",
		meaning:   "the fixes are accepted",
		meaningTH: "รับรองว่าแก้ไขตามที่แจ้งแล้ว"},
	{word: "EXPEL", thai: "ให้ออกจากการทดสอบ", aliases: []string{"EXPEL AFTER NOTICE"},
		kind: cases.Expel, args: argText, text: "the grounds", textTH: "เหตุผล",
		syntax: "EXPEL <grounds>", syntaxTH: "ให้ออกจากการทดสอบ <เหตุผล>",
		example:   "EXPEL the notice to fix of 30 June was not complied with",
		exampleTH: "ให้ออกจากการทดสอบ ไม่แก้ไขตามหนังสือแจ้งลงวันที่ 30 มิ.ย. 2569",
		meaning:   "expelled after a notice to fix whose day passed unanswered",
		meaningTH: "ให้ออกจากการทดสอบ เนื่องจากไม่แก้ไขภายในกำหนดตามที่แจ้ง"},
	{word: "EXPEL NOW", thai: "ให้ออกจากการทดสอบทันที",
		aliases: []string{"EXPEL AT ONCE", "EXPEL IMMEDIATELY"},
		kind:    cases.ExpelAtOnce, args: argText, text: "the grounds", textTH: "เหตุผล",
		syntax: "EXPEL NOW <grounds>", syntaxTH: "ให้ออกจากการทดสอบทันที <เหตุผล>",
		example:   "EXPEL NOW users' personal data was exposed",
		exampleTH: "ให้ออกจากการทดสอบทันที ข้อมูลส่วนบุคคลของผู้ใช้รั่วไหล",
		meaning:   "expelled at once: a severe case, or defects that cannot be fixed",
		meaningTH: "ให้ออกจากการทดสอบทันที กรณีร้ายแรงหรือข้อบกพร่องที่แก้ไขไม่ได้"},

	// Step 7: the exits.
	{word: "SUCCESS", thai: "สำเร็จ",
		aliases: []string{"EXIT SUCCESS", "FULL SUCCESS", "สำเร็จทั้งหมด", "ทดสอบสำเร็จ",
			"ประสบความสำเร็จ"},
		kind:   cases.ExitSuccess,
		syntax: "SUCCESS", syntaxTH: "สำเร็จ",
		meaning:   "full success: the participant follows its exit plan",
		meaningTH: "ผลการทดสอบประสบความสำเร็จทั้งหมด ผู้เข้าร่วมทดสอบดำเนินการตามแผนการออก"},
	{word: "PARTIAL SUCCESS", thai: "สำเร็จบางส่วน",
		aliases: []string{"EXIT PARTIAL", "PARTIAL", "ทดสอบสำเร็จบางส่วน",
			"ประสบความสำเร็จบางส่วน"},
		kind: cases.ExitPartial, args: argDate,
		syntax:    "PARTIAL SUCCESS FIX BY <date> [<what to fix>]",
		syntaxTH:  "สำเร็จบางส่วน แก้ไขภายใน <วันที่> [<สิ่งที่ต้องแก้ไข>]",
		example:   "PARTIAL SUCCESS FIX BY 2027-01-31 the complaint process",
		exampleTH: "สำเร็จบางส่วน แก้ไขภายใน 31 ม.ค. 2570 ขั้นตอนการรับเรื่องร้องเรียน",
		meaning:   "partial success: fixes by the date under supervision; 15 days to appeal",
		meaningTH: "ผลการทดสอบสำเร็จบางส่วน ต้องแก้ไขภายในวันที่กำหนด และขอทบทวนได้ภายใน 15 วัน"},
	{word: "FAILURE", thai: "ไม่สำเร็จ",
		aliases: []string{"EXIT FAILURE", "FAILED", "ทดสอบไม่สำเร็จ", "ไม่ประสบความสำเร็จ"},
		kind:    cases.ExitFailure,
		syntax:  "FAILURE [<reason>]", syntaxTH: "ไม่สำเร็จ [<เหตุผล>]",
		meaning: "failure: the participant stops serving and follows its exit plan; " +
			"15 days to appeal",
		meaningTH: "ผลการทดสอบไม่ประสบความสำเร็จ ต้องหยุดให้บริการตามแผนการออก " +
			"และขอทบทวนได้ภายใน 15 วัน"},

	// Step 7.3: the appeal.
	{word: "UPHOLD", thai: "ยืนตามผลเดิม",
		aliases: []string{"UPHOLD RESULT", "DISMISS APPEAL", "ยกคำขอทบทวน", "ยืนผลเดิม"},
		kind:    cases.UpholdResult,
		syntax:  "UPHOLD [<reason>]", syntaxTH: "ยืนตามผลเดิม [<เหตุผล>]",
		meaning:   "the appeal is dismissed: the result stands",
		meaningTH: "ยกคำขอทบทวน ยืนตามผลการพิจารณาเดิม"},
	{word: "ALLOW APPEAL", thai: "เปลี่ยนผลเป็น",
		aliases: []string{"APPEAL ALLOWED", "รับคำขอทบทวน", "เปลี่ยนผล"},
		kind:    cases.AllowAppeal, args: argOutcome,
		syntax:    "ALLOW APPEAL <SUCCESS | PARTIAL SUCCESS>",
		syntaxTH:  "เปลี่ยนผลเป็น <สำเร็จ | สำเร็จบางส่วน>",
		example:   "ALLOW APPEAL PARTIAL SUCCESS",
		exampleTH: "เปลี่ยนผลเป็น สำเร็จบางส่วน",
		meaning:   "the appeal is allowed: the result becomes the one given",
		meaningTH: "รับคำขอทบทวน เปลี่ยนผลการพิจารณาเป็นผลที่ระบุ"},

	// Step 7.4: the close.
	{word: "CLOSE", thai: "ปิดเรื่อง", aliases: []string{"CLOSE CASE", "ปิดกรณี"},
		kind:   cases.CloseCase,
		syntax: "CLOSE", syntaxTH: "ปิดเรื่อง",
		meaning:   "the case closes with its outcome",
		meaningTH: "ปิดเรื่องตามผลที่บันทึกไว้"},

	// Queries: they change nothing.
	{word: "HELP", thai: "ช่วยเหลือ", aliases: []string{"COMMANDS", "วิธีใช้", "คำสั่ง"},
		query:  QueryHelp,
		syntax: "HELP", syntaxTH: "ช่วยเหลือ",
		meaning:   "replies with the commands you can give for this case now",
		meaningTH: "ตอบกลับด้วยคำสั่งที่ท่านใช้ได้กับเรื่องนี้ในขณะนี้"},
	{word: "STATUS", thai: "สถานะ", aliases: []string{"สถานะเรื่อง"},
		query:  QueryStatus,
		syntax: "STATUS", syntaxTH: "สถานะ",
		meaning:   "replies with the case's stage, open deadlines and history",
		meaningTH: "ตอบกลับด้วยขั้นตอน กำหนดเวลาที่เปิดอยู่ และประวัติของเรื่อง"},
	{word: "REPORT", thai: "รายงาน", aliases: []string{"STATUS REPORT", "รายงานสถานะ"},
		query:  QueryReport,
		syntax: "REPORT", syntaxTH: "รายงาน",
		meaning:   "replies with the status workbook of all cases",
		meaningTH: "ตอบกลับด้วยรายงานสถานะของทุกเรื่อง (ไฟล์ Excel)"},
}

// specByKind and specByWord index the table.
var (
	specByKind = map[cases.EventKind]*commandSpec{}
	specByWord = map[string]*commandSpec{}
)

func init() {
	for i := range commandTable {
		s := &commandTable[i]
		if s.kind != "" {
			specByKind[s.kind] = s
		}
		specByWord[s.word] = s
	}
}

// Commands returns the canonical English words of every command, in the
// order of the workflow, queries last: the words a roster may name.
func Commands() []string {
	out := make([]string, len(commandTable))
	for i, s := range commandTable {
		out[i] = s.word
	}
	return out
}
