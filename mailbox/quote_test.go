package mailbox

import "testing"

func TestAboveQuote(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text, want string
	}{
		{"none", "APPROVE ROUND 2\nGood plan.", "APPROVE ROUND 2\nGood plan."},
		{"angle brackets", "IN SCOPE\n\n> Case DSS-2569-0001\n> reply IN SCOPE", "IN SCOPE"},
		{"indented angle", "IN SCOPE\n  > quoted", "IN SCOPE"},
		{"thunderbird", "COMPLETE\n\nOn 30/05/2026 10:00, Sandbox Bot wrote:\n> text",
			"COMPLETE"},
		{"gmail one line", "HELP\n\nOn Sat, 30 May 2026 at 10:00, Sandbox Bot " +
			"<sandboxbot@etda.example> wrote:\n\n> text", "HELP"},
		{"gmail wrapped", "HELP\n\nOn Sat, 30 May 2026 at 10:00, Sandbox Bot <\n" +
			"sandboxbot@etda.example> wrote:\n\n> text", "HELP"},
		{"gmail wrapped name", "HELP\n\nOn Sat, 30 May 2026 at 10:00 Digital Service " +
			"Sandbox\nBot <sandboxbot@etda.example> wrote:\n\n  text", "HELP"},
		{"apple mail", "STATUS\n\nSent from my iPhone\n\nOn 30 May 2026, at 10:00, " +
			"Sandbox Bot <sandboxbot@etda.example> wrote:\n\n\ufeffCase",
			"STATUS\n\nSent from my iPhone"},
		{"gmail thai", "อยู่ในขอบข่าย\n\nเมื่อ ส. 30 พ.ค. 2569 เวลา 10:00 Sandbox Bot " +
			"<sandboxbot@etda.example> เขียนว่า:\n\n> ข้อความ", "อยู่ในขอบข่าย"},
		{"gmail thai wrapped", "อยู่ในขอบข่าย\n\nเมื่อ ส. 30 พ.ค. 2569 เวลา 10:00 " +
			"Sandbox Bot <\nsandboxbot@etda.example> เขียนว่า:\n\n> ข้อความ", "อยู่ในขอบข่าย"},
		{"thunderbird thai", "สถานะ\n\nเมื่อ 30/5/2569 10:00, Sandbox Bot เขียน:\n> ข้อความ",
			"สถานะ"},
		{"outlook original message", "REJECT no KPIs\n\n-----Original Message-----\n" +
			"From: Sandbox Bot <sandboxbot@etda.example>\nSent: Saturday", "REJECT no KPIs"},
		{"outlook express", "REJECT x\n\n----- Original Message ----- \nFrom: Bot",
			"REJECT x"},
		{"outlook thai separator", "ไม่อนุมัติ x\n-----ข้อความต้นฉบับ-----\nจาก: Bot",
			"ไม่อนุมัติ x"},
		{"outlook header block", "APPROVE ROUND 2\n\n________________________________\n" +
			"From: Sandbox Bot <sandboxbot@etda.example>\nSent: Saturday, May 30, 2026 " +
			"10:00 AM\nTo: Officer\nSubject: [DSS-2569-0001] Decision", "APPROVE ROUND 2"},
		{"outlook bold header", "APPROVE ROUND 2\n\n*From:* Sandbox Bot\n*Sent:* Saturday\n" +
			"*To:* Officer", "APPROVE ROUND 2"},
		{"outlook thai header", "อนุมัติ รอบ 2\n\nจาก: Sandbox Bot <sandboxbot@etda.example>\n" +
			"ส่ง: 30 พฤษภาคม 2569 10:00\nถึง: เจ้าหน้าที่\nเรื่อง: [DSS-2569-0001]",
			"อนุมัติ รอบ 2"},
		{"outlook date header", "IN SCOPE\nFrom: Bot\nDate: Sat, 30 May 2026\nTo: x",
			"IN SCOPE"},
		{"forwarded", "HELP\n\n---------- Forwarded message ---------\nFrom: Bot", "HELP"},
		{"from without header", "REJECT the letter From: the CEO is not signed\nnext",
			"REJECT the letter From: the CEO is not signed\nnext"},
		{"on without wrote", "REJECT on reflection the plan is weak\nmore",
			"REJECT on reflection the plan is weak\nmore"},
		{"only quote", "> all quoted", ""},
		{"crlf", "IN SCOPE\r\n\r\n> q\r\n", "IN SCOPE"},
	}
	for _, tt := range tests {
		if got := AboveQuote(tt.text); got != tt.want {
			t.Errorf("%s: AboveQuote\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestSignatureStart(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lines []string
		want  int
	}{
		{[]string{"reason", "-- ", "Somchai"}, 1},
		{[]string{"reason", "--", "Somchai"}, 1},
		{[]string{"reason", "", "Kind regards,", "Somchai"}, 2},
		{[]string{"reason", "Thanks!"}, 1},
		{[]string{"reason", "ขอบคุณครับ"}, 1},
		{[]string{"reason", "ขอแสดงความนับถือ"}, 1},
		{[]string{"reason", "Sent from my iPhone"}, 1},
		{[]string{"reason", "ส่งจาก iPhone ของฉัน"}, 1},
		{[]string{"reason", "Get Outlook for Android"}, 1},
		{[]string{"thanks to the CEO for the letter", "more"}, 2},
		{[]string{"a -- b", "regards to all of you at the unit"}, 2},
	}
	for _, tt := range tests {
		if got := signatureStart(tt.lines); got != tt.want {
			t.Errorf("signatureStart(%q) = %d, want %d", tt.lines, got, tt.want)
		}
	}
}
