package mailbox

import (
	"regexp"
	"strings"
)

// AboveQuote returns what the writer of a reply wrote above the text it
// quotes: the lines before the first line of quoted text or of the header
// that introduces it, with blank and separator lines at the end dropped.
// Quoted text is recognised as mail clients write it:
//
//   - lines starting with ">" (RFC 3676 s4.5);
//   - "On <date>, <name> wrote:", over one line or two (Gmail wraps long
//     ones), and Apple Mail's "On <date>, at <time>, <name> wrote:";
//   - Thai attributions: "เมื่อ <วันที่> <ชื่อ> เขียนว่า:", "... เขียน:";
//   - Outlook's "-----Original Message-----" (Thai: "-----ข้อความต้นฉบับ-----")
//     and forwarded-message lines;
//   - Outlook's header block: "From:" followed within six lines by "Sent:",
//     "Date:", "To:" or "Subject:" (Thai Outlook: "จาก:" with "ส่ง:",
//     "ถึง:", "เรื่อง:"), with or without the *bold* marks of a converted
//     HTML reply.
//
// The text is returned as given, line endings as LF.
func AboveQuote(text string) string {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	return strings.Join(trimSeparators(lines[:quoteStart(lines)]), "\n")
}

var (
	// separatorLine: Outlook's "-----Original Message-----" and the lines
	// that stand for a forwarded message.
	separatorLine = regexp.MustCompile(`(?i)^-{2,}\s*(original message|forwarded message|` +
		`ข้อความต้นฉบับ|ข้อความเดิม|ข้อความที่ส่งต่อ)\s*-{2,}$`)
	// attribution: the end of "On … wrote:" and its Thai forms.
	attributionEnd = regexp.MustCompile(`(?i)(\bwrote|เขียนว่า|เขียน)\s*:$`)
	// attributionStart: how an attribution begins.
	attributionStart = regexp.MustCompile(`(?i)^(on\s|เมื่อ|ในวันที่|วันที่\s)`)
	headerFrom       = regexp.MustCompile(`(?i)^\*?(from|จาก)\s*:\*?\s*\S`)
	headerNext       = regexp.MustCompile(`(?i)^\*?(sent|date|to|cc|subject|ส่ง|วันที่|ถึง|` +
		`สำเนาถึง|เรื่อง)\s*:`)
)

// quoteStart returns the index of the first line of quoted text, or of the
// header introducing it; len(lines) when there is none.
func quoteStart(lines []string) int {
	for i, raw := range lines {
		l := strings.TrimSpace(raw)
		switch {
		case strings.HasPrefix(l, ">"), separatorLine.MatchString(l):
			return i
		case isAttribution(l, lines[i+1:]):
			return i
		case headerFrom.MatchString(l) && headerFollows(lines[i+1:]):
			return i
		}
	}
	return len(lines)
}

// isAttribution reports whether l, alone or joined with the next line,
// introduces a quote: "On Mon, 1 Jun 2026 at 10:00, Bot <bot@x> wrote:".
func isAttribution(l string, next []string) bool {
	if l == "" || len(l) > 400 {
		return false
	}
	if attributionEnd.MatchString(l) {
		return attributionStart.MatchString(l) || strings.Contains(l, "@")
	}
	if len(next) == 0 || !attributionStart.MatchString(l) {
		return false
	}
	return attributionEnd.MatchString(strings.TrimSpace(next[0]))
}

// headerFollows reports whether one of the next six lines continues an
// Outlook header block.
func headerFollows(next []string) bool {
	for i, l := range next {
		if i == 6 {
			break
		}
		if headerNext.MatchString(strings.TrimSpace(l)) {
			return true
		}
	}
	return false
}

// trimSeparators drops the blank lines, and the lines of underscores,
// dashes or equals signs that clients put above a quote, from the end.
func trimSeparators(lines []string) []string {
	for len(lines) > 0 {
		l := strings.TrimSpace(lines[len(lines)-1])
		if strings.Trim(l, "_-=*~ ") != "" {
			break
		}
		lines = lines[:len(lines)-1]
	}
	return lines
}

var (
	// closings end a message: "Regards", "ขอแสดงความนับถือ".
	closings = regexp.MustCompile(`(?i)^(best|many thanks|best regards|kind regards|` +
		`warm regards|regards|thanks|thank you|cheers|sincerely|yours sincerely|` +
		`ขอแสดงความนับถือ|ด้วยความนับถือ|ด้วยความเคารพ|ขอบคุณ(ครับ|ค่ะ|คะ|มาก)*|` +
		`จึงเรียนมาเพื่อโปรดทราบ)[\s,.!]*$`)
	// mobileFooter: "Sent from my iPhone", "ส่งจาก iPhone ของฉัน".
	mobileFooter = regexp.MustCompile(`(?i)^(sent from|get outlook for|ส่งจาก)\s`)
)

// signatureStart returns the index of the line where the signature begins
// in the lines after a command: the "-- " line (RFC 3676 s4.3; "--" too,
// since clients strip trailing spaces), a closing line on its own, or a
// mobile client's footer; len(lines) when there is none.
func signatureStart(lines []string) int {
	for i, raw := range lines {
		l := strings.TrimSpace(raw)
		if l == "--" || closings.MatchString(l) || mobileFooter.MatchString(l) {
			return i
		}
	}
	return len(lines)
}
