package mailbox

import (
	"strings"
	"testing"

	"sandboxbot/cases"
)

func TestHelpText(t *testing.T) {
	t.Parallel()
	r := testRoster()
	tests := []struct {
		name      string
		stage     cases.Stage
		paused    bool
		addr      string
		has, lack []string
	}{
		{"approver deciding", cases.Decision, false, approver,
			[]string{"APPROVE ROUND <n>", "อนุมัติ รอบ <n>", "REJECT <reason>",
				"ไม่อนุมัติ <เหตุผล>", "approved into round n", "HELP", "ช่วยเหลือ", "STATUS",
				"สถานะ", "stage: decision (step 4)", "พิจารณาอนุมัติ (ขั้นตอนที่ 4)"},
			[]string{"IN SCOPE", "MORE INFO", "REPORT", "waits for information"}},
		{"screener deciding", cases.Decision, false, screener,
			[]string{"MORE INFO <what> [BY <date>]", "ขอข้อมูลเพิ่มเติม <ข้อมูลที่ขอ>"},
			[]string{"APPROVE", "REJECT"}},
		{"screener screening, paused", cases.Screening, true, screener,
			[]string{"IN SCOPE", "อยู่ในขอบข่าย", "OUT OF SCOPE <reason>", "MORE INFO",
				"waits for information", "รอข้อมูลเพิ่มเติม"},
			[]string{"COMPLETE", "None of the decisions"}},
		{"reviewer testing", cases.Testing, false, reviewer,
			[]string{"FIX BY <date> <what to fix>", "แก้ไขภายใน <วันที่> <สิ่งที่ต้องแก้ไข>",
				"FIXED", "MORE INFO"},
			[]string{"GRANT EXTENSION", "EXPEL"}},
		{"approver exit review", cases.ExitReview, false, approver,
			[]string{"SUCCESS", "PARTIAL SUCCESS FIX BY <date>", "FAILURE", "EXPEL NOW"},
			[]string{"FIX BY <date> <what to fix>", "CLOSE"}},
		{"approver appeal", cases.Appeal, false, approver,
			[]string{"UPHOLD", "ALLOW APPEAL <SUCCESS | PARTIAL SUCCESS>", "เปลี่ยนผลเป็น"},
			nil},
		{"manager deciding", cases.Decision, false, manager,
			[]string{"None of the decisions in this stage is yours",
				"approver, reviewer, screener", "ท่านไม่มีสิทธิ์สั่งการ", "REPORT", "STATUS",
				"HELP"},
			[]string{"APPROVE ROUND"}},
		{"closed", cases.Closed, false, approver,
			[]string{"No decision can be made in this stage", "HELP"},
			[]string{"None of the decisions"}},
	}
	for _, tt := range tests {
		o, ok := r.Lookup(tt.addr)
		if !ok {
			t.Fatalf("%s: no officer %s", tt.name, tt.addr)
		}
		text := HelpText(tt.stage, tt.paused, o, r)
		for _, s := range tt.has {
			if !strings.Contains(text, s) {
				t.Errorf("%s: help does not show %q:\n%s", tt.name, s, text)
			}
		}
		for _, s := range tt.lack {
			if strings.Contains(text, s) {
				t.Errorf("%s: help shows %q:\n%s", tt.name, s, text)
			}
		}
	}
}

// TestHelpTextWithoutRoster: with no roster every command valid in the
// stage is listed.
func TestHelpTextWithoutRoster(t *testing.T) {
	t.Parallel()
	text := HelpText(cases.Testing, false, Officer{}, nil)
	for _, tr := range cases.Allowed(cases.Testing, cases.ByOfficer) {
		if s := specByKind[tr.On]; !strings.Contains(text, "\n"+s.syntax+"\n") {
			t.Errorf("help for testing does not list %s:\n%s", s.syntax, text)
		}
	}
}

// TestHelpTextCopiesBack: every command line of a help text, copied into
// a reply, reads as that command.
func TestHelpTextCopiesBack(t *testing.T) {
	t.Parallel()
	bySyntax := map[string]*commandSpec{}
	for i := range commandTable {
		bySyntax[commandTable[i].syntax] = &commandTable[i]
		bySyntax[commandTable[i].syntaxTH] = &commandTable[i]
	}
	lines := 0
	for _, stage := range cases.Stages {
		for _, line := range strings.Split(HelpText(stage, false, Officer{}, nil), "\n") {
			want, ok := bySyntax[line]
			if !ok {
				continue
			}
			lines++
			if got, _, _ := matchCommand(line); got != want {
				t.Errorf("%s: help line %q is not read as %s", stage, line, want.word)
			}
		}
	}
	if lines < 2*len(commandTable) {
		t.Errorf("only %d command lines in the help of every stage", lines)
	}
}
