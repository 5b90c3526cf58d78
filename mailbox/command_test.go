package mailbox

import (
	"errors"
	"strings"
	"testing"
	"time"

	"sandboxbot/cases"
)

func day(y, m, d int) cases.Date { return cases.NewDate(y, time.Month(m), d) }

func TestReadCommand(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want Command
	}{
		// Every command in English and in Thai.
		{"IN SCOPE", Command{Word: "IN SCOPE", Kind: cases.FindInScope, Lang: "en"}},
		{"อยู่ในขอบข่าย", Command{Word: "IN SCOPE", Kind: cases.FindInScope, Lang: "th"}},
		{"OUT OF SCOPE not an e-transaction", Command{Word: "OUT OF SCOPE",
			Kind: cases.FindOutOfScope, Lang: "en", Text: "not an e-transaction"}},
		{"ไม่อยู่ในขอบข่าย ไม่ใช่ธุรกรรมทางอิเล็กทรอนิกส์", Command{Word: "OUT OF SCOPE",
			Kind: cases.FindOutOfScope, Lang: "th", Text: "ไม่ใช่ธุรกรรมทางอิเล็กทรอนิกส์"}},
		{"MORE INFO the company certificate", Command{Word: "MORE INFO",
			Kind: cases.AskMoreInfo, Lang: "en", Text: "the company certificate"}},
		{"MORE INFO the company certificate BY 2026-06-15", Command{Word: "MORE INFO",
			Kind: cases.AskMoreInfo, Lang: "en", Text: "the company certificate",
			Date: day(2026, 6, 15)}},
		{"ขอข้อมูลเพิ่มเติม หนังสือรับรองบริษัท ภายใน 15 มิ.ย. 2569", Command{
			Word: "MORE INFO", Kind: cases.AskMoreInfo, Lang: "th", Text: "หนังสือรับรองบริษัท",
			Date: day(2026, 6, 15)}},
		{"ขอข้อมูลเพิ่มเติม ส่งภายในวันที่ ๑๕ มิถุนายน ๒๕๖๙ ด้วย", Command{
			Word: "MORE INFO", Kind: cases.AskMoreInfo, Lang: "th", Text: "ส่ง ด้วย",
			Date: day(2026, 6, 15)}},
		{"INCOMPLETE audited statements", Command{Word: "INCOMPLETE",
			Kind: cases.FindIncomplete, Lang: "en", Text: "audited statements"}},
		{"เอกสารไม่ครบถ้วน งบการเงิน", Command{Word: "INCOMPLETE",
			Kind: cases.FindIncomplete, Lang: "th", Text: "งบการเงิน"}},
		{"INELIGIBLE one year of experience", Command{Word: "INELIGIBLE",
			Kind: cases.FindIneligible, Lang: "en", Text: "one year of experience"}},
		{"ขาดคุณสมบัติ ประสบการณ์ไม่ถึง 2 ปี", Command{Word: "INELIGIBLE",
			Kind: cases.FindIneligible, Lang: "th", Text: "ประสบการณ์ไม่ถึง 2 ปี"}},
		{"COMPLETE", Command{Word: "COMPLETE", Kind: cases.FindComplete, Lang: "en"}},
		{"เอกสารครบถ้วน", Command{Word: "COMPLETE", Kind: cases.FindComplete, Lang: "th"}},
		{"APPROVE ROUND 2", Command{Word: "APPROVE ROUND", Kind: cases.Approve, Lang: "en",
			Round: 2}},
		{"อนุมัติ รอบ 2", Command{Word: "APPROVE ROUND", Kind: cases.Approve, Lang: "th",
			Round: 2}},
		{"REJECT no privacy KPI", Command{Word: "REJECT", Kind: cases.Reject, Lang: "en",
			Text: "no privacy KPI"}},
		{"ไม่อนุมัติ ไม่มีตัวชี้วัด", Command{Word: "REJECT", Kind: cases.Reject, Lang: "th",
			Text: "ไม่มีตัวชี้วัด"}},
		{"GRANT ROUND CHANGE", Command{Word: "GRANT ROUND CHANGE",
			Kind: cases.GrantRoundChange, Lang: "en"}},
		{"อนุญาตเปลี่ยนรอบ 3", Command{Word: "GRANT ROUND CHANGE",
			Kind: cases.GrantRoundChange, Lang: "th", Round: 3}},
		{"REFUSE ROUND CHANGE round 2 is full", Command{Word: "REFUSE ROUND CHANGE",
			Kind: cases.RefuseRoundChange, Lang: "en", Text: "round 2 is full"}},
		{"ไม่อนุญาตเปลี่ยนรอบ", Command{Word: "REFUSE ROUND CHANGE",
			Kind: cases.RefuseRoundChange, Lang: "th"}},
		{"SIGNED", Command{Word: "SIGNED", Kind: cases.RecordSigned, Lang: "en"}},
		{"ลงนามแล้ว 1 ก.ค. 2569 ถึง 31 ธ.ค. 2569", Command{Word: "SIGNED",
			Kind: cases.RecordSigned, Lang: "th", Start: day(2026, 7, 1),
			End: day(2026, 12, 31)}},
		{"GRANT EXTENSION 2027-03-31", Command{Word: "GRANT EXTENSION",
			Kind: cases.GrantExtension, Lang: "en", Date: day(2027, 3, 31)}},
		{"อนุญาตขยายเวลา", Command{Word: "GRANT EXTENSION", Kind: cases.GrantExtension,
			Lang: "th"}},
		{"REFUSE EXTENSION", Command{Word: "REFUSE EXTENSION", Kind: cases.RefuseExtension,
			Lang: "en"}},
		{"ไม่อนุญาตขยายเวลา ขอช้ากว่ากำหนด", Command{Word: "REFUSE EXTENSION",
			Kind: cases.RefuseExtension, Lang: "th", Text: "ขอช้ากว่ากำหนด"}},
		{"GRANT WAIVER", Command{Word: "GRANT WAIVER", Kind: cases.GrantWaiver, Lang: "en"}},
		{"อนุญาตผ่อนผัน", Command{Word: "GRANT WAIVER", Kind: cases.GrantWaiver, Lang: "th"}},
		{"REFUSE WAIVER", Command{Word: "REFUSE WAIVER", Kind: cases.RefuseWaiver,
			Lang: "en"}},
		{"ไม่อนุญาตผ่อนผัน", Command{Word: "REFUSE WAIVER", Kind: cases.RefuseWaiver,
			Lang: "th"}},
		{"FIX BY 2026-06-30 publish the privacy notice", Command{Word: "FIX BY",
			Kind: cases.NoticeToFix, Lang: "en", Date: day(2026, 6, 30),
			Text: "publish the privacy notice"}},
		{"แก้ไขภายใน 30 มิ.ย. 2569 ปรับปรุงระบบ", Command{Word: "FIX BY",
			Kind: cases.NoticeToFix, Lang: "th", Date: day(2026, 6, 30), Text: "ปรับปรุงระบบ"}},
		{"FIXED", Command{Word: "FIXED", Kind: cases.ConfirmFixed, Lang: "en"}},
		{"แก้ไขแล้ว", Command{Word: "FIXED", Kind: cases.ConfirmFixed, Lang: "th"}},
		{"EXPEL ignored the notice", Command{Word: "EXPEL", Kind: cases.Expel, Lang: "en",
			Text: "ignored the notice"}},
		{"ให้ออกจากการทดสอบ ไม่แก้ไข", Command{Word: "EXPEL", Kind: cases.Expel,
			Lang: "th", Text: "ไม่แก้ไข"}},
		{"EXPEL NOW data leak", Command{Word: "EXPEL NOW", Kind: cases.ExpelAtOnce,
			Lang: "en", Text: "data leak"}},
		{"ให้ออกจากการทดสอบทันที ข้อมูลรั่วไหล", Command{Word: "EXPEL NOW",
			Kind: cases.ExpelAtOnce, Lang: "th", Text: "ข้อมูลรั่วไหล"}},
		{"SUCCESS", Command{Word: "SUCCESS", Kind: cases.ExitSuccess, Lang: "en"}},
		{"สำเร็จ", Command{Word: "SUCCESS", Kind: cases.ExitSuccess, Lang: "th"}},
		{"PARTIAL SUCCESS FIX BY 2027-01-31 complaints", Command{Word: "PARTIAL SUCCESS",
			Kind: cases.ExitPartial, Lang: "en", Date: day(2027, 1, 31), Text: "complaints"}},
		{"สำเร็จบางส่วน แก้ไขภายใน 31 ม.ค. 2570", Command{Word: "PARTIAL SUCCESS",
			Kind: cases.ExitPartial, Lang: "th", Date: day(2027, 1, 31)}},
		{"FAILURE", Command{Word: "FAILURE", Kind: cases.ExitFailure, Lang: "en"}},
		{"ไม่สำเร็จ", Command{Word: "FAILURE", Kind: cases.ExitFailure, Lang: "th"}},
		{"UPHOLD", Command{Word: "UPHOLD", Kind: cases.UpholdResult, Lang: "en"}},
		{"ยืนตามผลเดิม", Command{Word: "UPHOLD", Kind: cases.UpholdResult, Lang: "th"}},
		{"ALLOW APPEAL SUCCESS", Command{Word: "ALLOW APPEAL", Kind: cases.AllowAppeal,
			Lang: "en", Outcome: cases.Success}},
		{"เปลี่ยนผลเป็น สำเร็จบางส่วน", Command{Word: "ALLOW APPEAL",
			Kind: cases.AllowAppeal, Lang: "th", Outcome: cases.PartialSuccess}},
		{"CLOSE", Command{Word: "CLOSE", Kind: cases.CloseCase, Lang: "en"}},
		{"ปิดเรื่อง", Command{Word: "CLOSE", Kind: cases.CloseCase, Lang: "th"}},
		{"HELP", Command{Word: "HELP", Query: QueryHelp, Lang: "en"}},
		{"ช่วยเหลือ", Command{Word: "HELP", Query: QueryHelp, Lang: "th"}},
		{"STATUS", Command{Word: "STATUS", Query: QueryStatus, Lang: "en"}},
		{"สถานะ", Command{Word: "STATUS", Query: QueryStatus, Lang: "th"}},
		{"REPORT", Command{Word: "REPORT", Query: QueryReport, Lang: "en"}},
		{"รายงาน", Command{Word: "REPORT", Query: QueryReport, Lang: "th"}},

		// Spelling: case, spaces, NBSP, zero-width, full-width, emphasis,
		// punctuation.
		{"in scope", Command{Word: "IN SCOPE", Kind: cases.FindInScope, Lang: "en"}},
		{"  In-Scope.  ", Command{Word: "IN SCOPE", Kind: cases.FindInScope, Lang: "en"}},
		{"in_scope!", Command{Word: "IN SCOPE", Kind: cases.FindInScope, Lang: "en"}},
		{"IN\u00a0SCOPE", Command{Word: "IN SCOPE", Kind: cases.FindInScope, Lang: "en"}},
		{"\ufeffIN\u200b SCOPE\u200d", Command{Word: "IN SCOPE", Kind: cases.FindInScope,
			Lang: "en"}},
		{"ＩＮ ＳＣＯＰＥ", Command{Word: "IN SCOPE", Kind: cases.FindInScope, Lang: "en"}},
		{"*COMPLETE*", Command{Word: "COMPLETE", Kind: cases.FindComplete, Lang: "en"}},
		{"help?", Command{Word: "HELP", Query: QueryHelp, Lang: "en"}},
		{"อยู่ใน\u200bขอบข่าย", Command{Word: "IN SCOPE", Kind: cases.FindInScope,
			Lang: "th"}},
		{"อยู่ใน ขอบข่าย ครับ", Command{Word: "IN SCOPE", Kind: cases.FindInScope,
			Lang: "th", Text: "ครับ"}},
		{"เอกสารครบถ\u0e49วน", Command{Word: "COMPLETE", Kind: cases.FindComplete,
			Lang: "th"}},
		{"\n\n   \nSTATUS\n", Command{Word: "STATUS", Query: QueryStatus, Lang: "en"}},

		// Longer words win over their prefixes.
		{"ไม่อนุมัติเนื่องจากแผนไม่ครบ", Command{Word: "REJECT", Kind: cases.Reject,
			Lang: "th", Text: "เนื่องจากแผนไม่ครบ"}},
		{"APPROVE ROUND CHANGE", Command{Word: "GRANT ROUND CHANGE",
			Kind: cases.GrantRoundChange, Lang: "en"}},
		{"REJECT ROUND CHANGE", Command{Word: "REFUSE ROUND CHANGE",
			Kind: cases.RefuseRoundChange, Lang: "en"}},
		{"อนุมัติขยายเวลา", Command{Word: "GRANT EXTENSION", Kind: cases.GrantExtension,
			Lang: "th"}},
		{"ไม่สำเร็จ ระบบล่มบ่อย", Command{Word: "FAILURE", Kind: cases.ExitFailure,
			Lang: "th", Text: "ระบบล่มบ่อย"}},
		{"NOT COMPLETE bank statement", Command{Word: "INCOMPLETE",
			Kind: cases.FindIncomplete, Lang: "en", Text: "bank statement"}},
		{"STATUS REPORT", Command{Word: "REPORT", Query: QueryReport, Lang: "en"}},
		{"CLOSE CASE", Command{Word: "CLOSE", Kind: cases.CloseCase, Lang: "en"}},

		// Round numbers.
		{"approve round 3", Command{Word: "APPROVE ROUND", Kind: cases.Approve, Lang: "en",
			Round: 3}},
		{"APPROVE 2", Command{Word: "APPROVE ROUND", Kind: cases.Approve, Lang: "en",
			Round: 2}},
		{"APPROVE ROUND: 2.", Command{Word: "APPROVE ROUND", Kind: cases.Approve,
			Lang: "en", Round: 2}},
		{"APPROVE ROUND #2", Command{Word: "APPROVE ROUND", Kind: cases.Approve,
			Lang: "en", Round: 2}},
		{"APPROVE FOR ROUND NO. 12", Command{Word: "APPROVE ROUND", Kind: cases.Approve,
			Lang: "en", Round: 12}},
		{"APPROVE ROUND2", Command{Word: "APPROVE ROUND", Kind: cases.Approve, Lang: "en",
			Round: 2}},
		{"APPROVE ROUND\n2", Command{Word: "APPROVE ROUND", Kind: cases.Approve,
			Lang: "en", Round: 2}},
		{"อนุมัติ รอบที่ ๒", Command{Word: "APPROVE ROUND", Kind: cases.Approve,
			Lang: "th", Round: 2}},
		{"อนุมัติรอบ2", Command{Word: "APPROVE ROUND", Kind: cases.Approve, Lang: "th",
			Round: 2}},
		{"อนุมัติ ๓", Command{Word: "APPROVE ROUND", Kind: cases.Approve, Lang: "th",
			Round: 3}},
		{"APPROVE ROUND 2 good plan, strong KPIs", Command{Word: "APPROVE ROUND",
			Kind: cases.Approve, Lang: "en", Round: 2, Text: "good plan, strong KPIs"}},

		// Dates.
		{"FIX BY 30/06/2569 x", fixBy(day(2026, 6, 30))},
		{"FIX BY 30/06/2026 x", fixBy(day(2026, 6, 30))},
		{"FIX BY 30.6.69 x", fixBy(day(2026, 6, 30))},
		{"FIX BY 30-06-26 x", fixBy(day(2026, 6, 30))},
		{"FIX BY 2569-06-30 x", fixBy(day(2026, 6, 30))},
		{"FIX BY 30 มิถุนายน 2569 x", fixBy(day(2026, 6, 30))},
		{"FIX BY 30 มิ.ย. 69 x", fixBy(day(2026, 6, 30))},
		{"FIX BY 30 มิย 2569 x", fixBy(day(2026, 6, 30))},
		{"FIX BY ๓๐ มิ.ย. ๒๕๖๙ x", fixBy(day(2026, 6, 30))},
		{"FIX BY วันที่ 30 มิถุนายน พ.ศ. 2569 x", fixBy(day(2026, 6, 30))},
		{"FIX BY วันอังคารที่ 30 มิถุนายน 2569 x", fixBy(day(2026, 6, 30))},
		{"FIX BY 30 มิถุนายน 2569 พ.ศ. x", fixBy(day(2026, 6, 30))},
		{"FIX BY 30 June 2026 x", fixBy(day(2026, 6, 30))},
		{"FIX BY 30 Jun. 2026 x", fixBy(day(2026, 6, 30))},
		{"FIX BY June 30, 2026 x", fixBy(day(2026, 6, 30))},
		{"FIX BY Tuesday, June 30th 2026 x", fixBy(day(2026, 6, 30))},
		{"FIX BY 30 June 2569 x", fixBy(day(2026, 6, 30))},
		{"FIX BY 30 June B.E. 2569 x", fixBy(day(2026, 6, 30))},
		{"FIX BY 29/2/2028 x", fixBy(day(2028, 2, 29))},
		{"NOTICE TO FIX BY 2026-06-30: x", fixBy(day(2026, 6, 30))},
		{"แจ้งให้แก้ไขภายในวันที่ 30/6/2569 x", Command{Word: "FIX BY",
			Kind: cases.NoticeToFix, Lang: "th", Date: day(2026, 6, 30), Text: "x"}},
		{"SIGNED 2026-07-01 2026-12-31", Command{Word: "SIGNED", Kind: cases.RecordSigned,
			Lang: "en", Start: day(2026, 7, 1), End: day(2026, 12, 31)}},
		{"SIGNED from 1 July 2026 to 31 December 2026", Command{Word: "SIGNED",
			Kind: cases.RecordSigned, Lang: "en", Start: day(2026, 7, 1),
			End: day(2026, 12, 31)}},
		{"GRANT EXTENSION until May 31, 2027", Command{Word: "GRANT EXTENSION",
			Kind: cases.GrantExtension, Lang: "en", Date: day(2027, 5, 31)}},
		{"MORE INFO revenue of 1.5 million by 15/6/69", Command{Word: "MORE INFO",
			Kind: cases.AskMoreInfo, Lang: "en", Text: "revenue of 1.5 million",
			Date: day(2026, 6, 15)}},
		{"MORE INFO a letter signed by the CEO", Command{Word: "MORE INFO",
			Kind: cases.AskMoreInfo, Lang: "en", Text: "a letter signed by the CEO"}},

		// Outcomes.
		{"ALLOW APPEAL partial success", Command{Word: "ALLOW APPEAL",
			Kind: cases.AllowAppeal, Lang: "en", Outcome: cases.PartialSuccess}},
		{"ALLOW APPEAL partial_success", Command{Word: "ALLOW APPEAL",
			Kind: cases.AllowAppeal, Lang: "en", Outcome: cases.PartialSuccess}},
		{"ALLOW APPEAL to SUCCESS: the KPIs were met", Command{Word: "ALLOW APPEAL",
			Kind: cases.AllowAppeal, Lang: "en", Outcome: cases.Success,
			Text: "the KPIs were met"}},
		{"เปลี่ยนผลเป็น ประสบความสำเร็จ", Command{Word: "ALLOW APPEAL",
			Kind: cases.AllowAppeal, Lang: "th", Outcome: cases.Success}},

		// Text below the command, and the signature dropped.
		{"REJECT\nThe plan has no KPI for privacy.\nNor for UX.\n\n-- \nSomchai\nETDA",
			Command{Word: "REJECT", Kind: cases.Reject, Lang: "en",
				Text: "The plan has no KPI for privacy.\nNor for UX."}},
		{"REJECT: missing KPIs\n\nBest regards,\nSomchai", Command{Word: "REJECT",
			Kind: cases.Reject, Lang: "en", Text: "missing KPIs"}},
		{"ไม่อนุมัติ\nแผนไม่มีตัวชี้วัด\n\nขอแสดงความนับถือ\nสมชาย", Command{
			Word: "REJECT", Kind: cases.Reject, Lang: "th", Text: "แผนไม่มีตัวชี้วัด"}},
		{"IN SCOPE\n\nSent from my iPhone", Command{Word: "IN SCOPE",
			Kind: cases.FindInScope, Lang: "en"}},
		{"Dear team,\n\nCOMPLETE", Command{Word: "COMPLETE", Kind: cases.FindComplete,
			Lang: "en"}},
		{"เรียน เจ้าหน้าที่\nเอกสารครบถ้วน", Command{Word: "COMPLETE",
			Kind: cases.FindComplete, Lang: "th"}},
	}
	for _, tt := range tests {
		got, err := ReadCommand(tt.text)
		if err != nil {
			t.Errorf("ReadCommand(%q): %v", tt.text, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ReadCommand(%q)\n got %+v\nwant %+v", tt.text, got, tt.want)
		}
	}
}

func fixBy(d cases.Date) Command {
	return Command{Word: "FIX BY", Kind: cases.NoticeToFix, Lang: "en", Date: d, Text: "x"}
}

func TestReadCommandErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text     string
		err      error
		argument string
		says     []string // in Reason, then in ReasonTH
		saysTH   []string
	}{
		{"", ErrNoCommand, "", []string{"first line"}, []string{"บรรทัดแรก"}},
		{"\n \n> APPROVE ROUND 2\n", ErrNoCommand, "", nil, nil},
		{"On Mon, 1 Jun 2026, Bot <bot@x.example> wrote:\n> HELP", ErrNoCommand, "", nil,
			nil},
		{"Thanks for this", ErrUnknownCommand, "", []string{`"Thanks for this"`, "HELP"},
			[]string{"ช่วยเหลือ"}},
		{"APROVE ROUND 2", ErrUnknownCommand, "", []string{"did you mean APPROVE ROUND"},
			[]string{"APPROVE ROUND <n>"}},
		{"อนุมัต รอบ 2", ErrUnknownCommand, "", []string{"อนุมัติ รอบ <n>"}, nil},
		{"APPROVE", ErrCommandArgument, "round", []string{"round number", "APPROVE ROUND <n>"},
			[]string{"รอบ", "อนุมัติ รอบ <n>"}},
		{"APPROVE ROUND two", ErrCommandArgument, "round", nil, nil},
		{"APPROVE ROUND 0", ErrCommandArgument, "round", nil, nil},
		{"APPROVE ROUND 2nd", ErrCommandArgument, "round", nil, nil},
		{"อนุมัติแล้ว", ErrCommandArgument, "round", nil, nil},
		{"REJECT", ErrCommandArgument, "text", []string{"reason", "REJECT <reason>"},
			[]string{"เหตุผล", "ไม่อนุมัติ <เหตุผล>"}},
		{"REJECT.\n\nRegards,\nSomchai", ErrCommandArgument, "text", nil, nil},
		{"ไม่อนุมัติ", ErrCommandArgument, "text", nil, []string{"เหตุผล"}},
		{"OUT OF SCOPE", ErrCommandArgument, "text", nil, nil},
		{"MORE INFO BY 2026-06-01", ErrCommandArgument, "text", nil, nil},
		{"EXPEL NOW", ErrCommandArgument, "text", []string{"grounds"}, nil},
		{"FIX BY publish the notice", ErrCommandArgument, "date",
			[]string{"date", "FIX BY <date> <what to fix>"}, []string{"วันที่"}},
		{"FIX BY 2026-06-30", ErrCommandArgument, "text", []string{"what must be fixed"}, nil},
		{"FIX BY 31/02/2569 x", ErrCommandArgument, "date", []string{"31/02/2569",
			"not a day"}, []string{"ไม่ใช่วันที่"}},
		{"FIX BY 30 มิ.ย. publish", ErrCommandArgument, "date", []string{"no year"},
			[]string{"ไม่ได้ระบุปี"}},
		{"FIX BY 30/6 publish", ErrCommandArgument, "date", []string{"no year"}, nil},
		{"FIX BY 30/13/2026 x", ErrCommandArgument, "date", nil, nil},
		{"FIX BY 1/1/1999 x", ErrCommandArgument, "date", []string{"year"}, nil},
		{"MORE INFO certificate BY 31/04/2026", ErrCommandArgument, "date", nil, nil},
		{"PARTIAL SUCCESS", ErrCommandArgument, "date", nil, nil},
		{"SIGNED 2026-07-01", ErrCommandArgument, "period", []string{"last day"}, nil},
		{"SIGNED 2026-12-31 2026-07-01", ErrCommandArgument, "period", nil, nil},
		{"ALLOW APPEAL", ErrCommandArgument, "outcome",
			[]string{"SUCCESS or PARTIAL SUCCESS"}, []string{"สำเร็จบางส่วน"}},
		{"ALLOW APPEAL failure", ErrCommandArgument, "outcome", nil, nil},
		{"GRANT EXTENSION 31/02/2027", ErrCommandArgument, "date", nil, nil},
	}
	for _, tt := range tests {
		c, err := ReadCommand(tt.text)
		if !errors.Is(err, tt.err) {
			t.Errorf("ReadCommand(%q) = %+v, %v; want %v", tt.text, c, err, tt.err)
			continue
		}
		var ce *CommandError
		if !errors.As(err, &ce) {
			t.Errorf("ReadCommand(%q): %T is not a *CommandError", tt.text, err)
			continue
		}
		if ce.Argument != tt.argument {
			t.Errorf("ReadCommand(%q): argument %q, want %q", tt.text, ce.Argument,
				tt.argument)
		}
		if ce.Reason == "" || ce.ReasonTH == "" || !strings.HasPrefix(err.Error(), "mailbox: ") {
			t.Errorf("ReadCommand(%q): reason %q / %q / %q", tt.text, ce.Reason, ce.ReasonTH,
				err)
		}
		for _, s := range tt.says {
			if !strings.Contains(ce.Reason, s) {
				t.Errorf("ReadCommand(%q): reason %q does not say %q", tt.text, ce.Reason, s)
			}
		}
		for _, s := range tt.saysTH {
			if !strings.Contains(ce.ReasonTH, s) {
				t.Errorf("ReadCommand(%q): Thai reason %q does not say %q", tt.text,
					ce.ReasonTH, s)
			}
		}
	}
}

// TestCommandTableCoversWorkflow: every officer event of the workflow has
// a command, in English and in Thai.
func TestCommandTableCoversWorkflow(t *testing.T) {
	t.Parallel()
	for _, tr := range cases.Transitions() {
		if tr.By != cases.ByOfficer {
			continue
		}
		s, ok := specByKind[tr.On]
		if !ok {
			t.Errorf("no command causes %s", tr.On)
			continue
		}
		if s.word == "" || s.thai == "" || s.syntax == "" || s.syntaxTH == "" ||
			s.meaning == "" || s.meaningTH == "" {
			t.Errorf("command %q of %s lacks a word, syntax or meaning in a language",
				s.word, tr.On)
		}
		needs := map[cases.Needs]argSpec{cases.NeedRound: argRound, cases.NeedDate: argDate,
			cases.NeedText: argText, cases.NeedOutcome: argOutcome}
		for need, arg := range needs {
			if tr.Needs&need != 0 && s.args&arg == 0 {
				t.Errorf("%s needs %v but %q does not ask for it", tr.On, need, s.word)
			}
		}
	}
}

// TestCommandWordsReadBack: every spelling of every command, with the
// example arguments, reads as that command; none is taken by a longer
// word of another command.
func TestCommandWordsReadBack(t *testing.T) {
	t.Parallel()
	for _, s := range commandTable {
		args := strings.TrimPrefix(s.example, s.word)
		argsTH := strings.TrimPrefix(s.exampleTH, s.thai)
		for _, w := range append([]string{s.word, s.thai}, s.aliases...) {
			text := w + args
			if newPhrase(w).thai {
				text = w + argsTH
			}
			c, err := ReadCommand(text)
			if err != nil {
				t.Errorf("ReadCommand(%q): %v", text, err)
				continue
			}
			if c.Word != s.word {
				t.Errorf("ReadCommand(%q) = %s, want %s", text, c.Word, s.word)
			}
		}
	}
}

func TestCommandEvent(t *testing.T) {
	t.Parallel()
	c, err := ReadCommand("SIGNED 2026-07-01 2026-12-31")
	if err != nil {
		t.Fatal(err)
	}
	e := c.Event()
	if e.Kind != cases.RecordSigned || e.Plan == nil || e.Plan.Start != day(2026, 7, 1) ||
		e.Plan.End != day(2026, 12, 31) {
		t.Errorf("SIGNED event = %+v", e)
	}
	c, _ = ReadCommand("ALLOW APPEAL SUCCESS\nKPIs met")
	e = c.Event()
	if e.Kind != cases.AllowAppeal || e.Outcome != cases.Success || e.Text != "KPIs met" ||
		e.Plan != nil {
		t.Errorf("ALLOW APPEAL event = %+v", e)
	}
	c, _ = ReadCommand("FIX BY 2026-06-30 x")
	if e := c.Event(); e.Date != day(2026, 6, 30) || e.Text != "x" || e.Round != 0 {
		t.Errorf("FIX BY event = %+v", e)
	}
	c, _ = ReadCommand("HELP")
	if e := c.Event(); e.Kind != "" || !c.IsQuery() {
		t.Errorf("HELP event = %+v", e)
	}
}
