package notices

import "sandboxbot/cases"

// The names the status workbook, the announcement and the digest give to
// the keys of package cases, in Thai and in English.

// label is one name in both languages.
type label struct{ th, en string }

// in returns the label in a language.
func (l label) in(lang Lang) string {
	if lang == English {
		return l.en
	}
	return l.th
}

// both returns "ไทย / English".
func (l label) both() string { return l.th + " / " + l.en }

// labelOf returns the label of a key, or the key itself in both languages.
func labelOf[K ~string](m map[K]label, k K) label {
	if l, ok := m[k]; ok {
		return l
	}
	return label{string(k), string(k)}
}

var stageLabels = map[cases.Stage]label{
	cases.Screening:           {"พิจารณาแบบแจ้งความประสงค์", "screening"},
	cases.AwaitingApplication: {"รอคำขอเข้าร่วมทดสอบ", "awaiting the application"},
	cases.ApplicationReview:   {"ตรวจสอบคำขอและเอกสาร", "application review"},
	cases.TestPlan:            {"รอแผนการทดสอบ", "awaiting the test plan"},
	cases.Decision:            {"พิจารณาอนุมัติ", "decision"},
	cases.Agreement:           {"ลงนามข้อตกลง", "agreement"},
	cases.Testing:             {"ระหว่างการทดสอบ", "testing"},
	cases.ExitReview:          {"พิจารณาผลการทดสอบ", "exit review"},
	cases.Appeal:              {"ระยะเวลาขอทบทวนผล", "appeal period"},
	cases.PostExit:            {"รายงานหลังออกจากการทดสอบ", "post-exit reporting"},
	cases.Closed:              {"ปิดเรื่องแล้ว", "closed"},
}

var outcomeLabels = map[cases.Outcome]label{
	cases.Success:        {"ประสบความสำเร็จทั้งหมด", "full success"},
	cases.PartialSuccess: {"ประสบความสำเร็จบางส่วน", "partial success"},
	cases.Failure:        {"ไม่ประสบความสำเร็จ", "failure"},
	cases.Withdrawn:      {"ถอนตัว", "withdrawn"},
	cases.Expelled:       {"สำนักงานให้ออกจากการทดสอบ", "expelled"},
	cases.OutOfScope:     {"ไม่อยู่ในขอบข่าย", "out of scope"},
	cases.Lapsed:         {"พ้นกำหนดเวลา", "lapsed"},
	cases.Rejected:       {"ไม่ได้รับอนุมัติ", "not approved"},
}

var categoryLabels = map[string]label{
	"digital-id": {"Digital ID", "Digital ID"},
	"e-document": {"e-Document", "e-Document"},
	"e-meeting":  {"e-Meeting", "e-Meeting"},
}

var partyLabels = map[cases.Party]label{
	cases.Applicant: {"ผู้ยื่นคำขอ", "applicant"},
	cases.Agency:    {"สำนักงาน", "agency"},
}

var dimensionLabels = map[string]label{
	"security":       {"ความมั่นคงปลอดภัย", "security"},
	"privacy":        {"ความเป็นส่วนตัว", "privacy"},
	"reliability":    {"ความน่าเชื่อถือ", "reliability"},
	"accountability": {"ความรับผิด", "accountability"},
	"ux":             {"ประสบการณ์ของผู้ใช้งาน", "user experience"},
}

var decisionLabels = map[cases.EventKind]label{
	cases.Approve:        {"อนุมัติ", "approved"},
	cases.Reject:         {"ไม่อนุมัติ", "rejected"},
	cases.FindIneligible: {"ขาดคุณสมบัติ", "ineligible"},
}

var pausedLabel = label{"รอข้อมูลเพิ่มเติม", "waiting for information"}

// windowLabel is what a window is for.
func windowLabel(k cases.WindowKind) label {
	th, en := k.Title()
	if th == "" {
		return label{string(k), string(k)}
	}
	return label{th, en}
}

// taskLabel is what a task of the agency is.
func taskLabel(k cases.TaskKind) label {
	th, en := k.Title()
	if th == "" {
		return label{string(k), string(k)}
	}
	return label{th, en}
}

// statusLabel is where a case stands: its stage, and its outcome or its
// pause.
func statusLabel(c *cases.Case) label {
	l := labelOf(stageLabels, c.Stage)
	switch {
	case c.Outcome != "":
		o := labelOf(outcomeLabels, c.Outcome)
		l = label{l.th + " (" + o.th + ")", l.en + " (" + o.en + ")"}
	case c.Paused:
		l = label{l.th + " (" + pausedLabel.th + ")", l.en + " (" + pausedLabel.en + ")"}
	}
	return l
}

// testingLabel is the testing status the public announcement gives a
// participant (DESIGN.md, "Announcement").
func testingLabel(c *cases.Case) label {
	switch c.Stage {
	case cases.Agreement:
		return label{"อนุมัติแล้ว รอลงนามข้อตกลง", "approved, agreement to be signed"}
	case cases.Testing:
		return label{"อยู่ระหว่างการทดสอบ", "testing"}
	case cases.ExitReview:
		return label{"สิ้นสุดการทดสอบ รอผลการพิจารณา", "testing ended, result under review"}
	}
	o := labelOf(outcomeLabels, c.Outcome)
	if c.Stage == cases.Appeal {
		return label{o.th + " (อยู่ในระยะเวลาขอทบทวน)", o.en + " (open to appeal)"}
	}
	return label{"ออกจากการทดสอบแล้ว: " + o.th, "left testing: " + o.en}
}

// The labels the sheets write on every row, joined once ("ไทย / English").
var (
	stageTexts   = bothOf(stageLabels)
	outcomeTexts = bothOf(outcomeLabels)
	partyTexts   = bothOf(partyLabels)
	pausedText   = pausedLabel.both()
	windowTexts  = func() map[cases.WindowKind]string {
		m := map[cases.WindowKind]string{}
		for _, k := range []cases.WindowKind{cases.WindowApplication, cases.WindowDecision,
			cases.WindowRoundChange, cases.WindowAgreement, cases.WindowTesting,
			cases.WindowExtension, cases.WindowReport, cases.WindowFixes, cases.WindowAppeal,
			cases.WindowPostExitReport, cases.WindowMoreInfo} {
			m[k] = windowLabel(k).both()
		}
		return m
	}()
)

func bothOf[K comparable](m map[K]label) map[K]string {
	out := make(map[K]string, len(m))
	for k, l := range m {
		out[k] = l.both()
	}
	return out
}

// textOf returns the joined label of a key, or the key.
func textOf[K ~string](m map[K]string, k K) string {
	if s, ok := m[k]; ok {
		return s
	}
	return string(k)
}

func stageText(s cases.Stage) string     { return textOf(stageTexts, s) }
func outcomeText(o cases.Outcome) string { return textOf(outcomeTexts, o) }
func partyText(p cases.Party) string     { return textOf(partyTexts, p) }
func taskText(k cases.TaskKind) string   { return taskLabel(k).both() }

// windowTitle is what a window is for, with the number of a report.
func windowTitle(k cases.WindowKind, seq int) string {
	t, ok := windowTexts[k]
	if !ok {
		t = windowLabel(k).both()
	}
	if seq > 0 {
		t += " #" + itoa(seq)
	}
	return t
}
