package mailbox

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sandboxbot/cases"
)

// Keywords that may stand before an argument: APPROVE ROUND NO. 2, FIX BY
// 2026-06-30, อนุมัติ รอบที่ ๒, แก้ไขภายในวันที่ 30 มิ.ย. 2569.
var (
	roundWords = phrases("ROUND", "RND", "NO", "NUMBER", "FOR", "INTO", "TO",
		"รอบที่", "รอบ", "ที่", "ครั้งที่")
	dateWords = phrases("FIX BY", "BY", "ON", "UNTIL", "DUE", "BEFORE", "TO",
		"แก้ไขภายในวันที่", "แก้ไขภายใน", "ภายในวันที่", "ภายใน", "ก่อนวันที่",
		"ถึงวันที่", "ถึง", "เป็นวันที่", "วันที่")
	dueWords    = phrases("BY", "DUE", "BEFORE", "ภายในวันที่", "ภายใน", "ก่อนวันที่")
	startWords  = phrases("FROM", "START", "ตั้งแต่วันที่", "ตั้งแต่", "เริ่มวันที่", "วันที่")
	endWords    = phrases("TO", "UNTIL", "END", "ถึงวันที่", "ถึง", "สิ้นสุดวันที่", "วันที่")
	resultWords = phrases("TO", "RESULT", "AS", "ผลเป็น", "เป็น")
)

// Spellings of the results an allowed appeal may give.
var (
	outcomePhrases = phrases(
		"SUCCESS", "FULL SUCCESS", "SUCCESSFUL", "EXIT SUCCESS",
		"สำเร็จ", "สำเร็จทั้งหมด", "ประสบความสำเร็จ", "ประสบความสำเร็จทั้งหมด",
		"PARTIAL SUCCESS", "PARTIAL", "PARTIALLY SUCCESSFUL", "EXIT PARTIAL",
		"สำเร็จบางส่วน", "ประสบความสำเร็จบางส่วน")
	outcomeOf = []cases.Outcome{
		cases.Success, cases.Success, cases.Success, cases.Success,
		cases.Success, cases.Success, cases.Success, cases.Success,
		cases.PartialSuccess, cases.PartialSuccess, cases.PartialSuccess,
		cases.PartialSuccess, cases.PartialSuccess, cases.PartialSuccess}
)

// argSeps may stand between a command and its arguments: "REJECT: …".
const argSeps = " \n:;,.-–—#=" + emphasis

// skipArgSeps drops separators at the start of s.
func skipArgSeps(s string) string {
	return s[skipRunes(s, 0, func(r rune) bool { return strings.ContainsRune(argSeps, r) }):]
}

// skipKeywords drops separators and any of the keywords at the start of s.
func skipKeywords(s string, words []phrase) string {
	for {
		s = skipArgSeps(s)
		n, _ := longest(s, words)
		if n <= 0 {
			return s
		}
		s = s[n:]
	}
}

// readArgs fills c's arguments from rest, what follows the command word,
// as spec says.
func readArgs(spec *commandSpec, c *Command, rest string) *CommandError {
	var err *CommandError
	switch {
	case spec.args&(argRound|argRoundOpt) != 0:
		rest, err = readRound(spec, c, rest)
	case spec.args&(argDate|argDateOpt) != 0:
		rest, err = readDay(spec, c, rest)
	case spec.args&argPeriod != 0:
		rest, err = readPeriod(spec, c, rest)
	case spec.args&argOutcome != 0:
		rest, err = readOutcome(spec, c, rest)
	}
	if err != nil {
		return err
	}
	if spec.args&argDue != 0 {
		if rest, err = readDue(spec, c, rest); err != nil {
			return err
		}
	}
	c.Text = trimText(rest)
	if spec.args&argText != 0 && c.Text == "" {
		return argumentError(spec, "text", spec.text, spec.textTH)
	}
	return nil
}

func readRound(spec *commandSpec, c *Command, rest string) (string, *CommandError) {
	s := skipKeywords(rest, roundWords)
	n := leadingNumber(s)
	if n.digits > 0 && n.value >= 1 && n.value <= 999 && !letterAt(s, n.size) {
		c.Round = n.value
		return s[n.size:], nil
	}
	if spec.args&argRoundOpt != 0 && n.digits == 0 {
		return rest, nil
	}
	return "", argumentError(spec, "round", "the round number (1, 2, …)",
		"หมายเลขรอบการทดสอบ (1, 2, …)")
}

func readDay(spec *commandSpec, c *Command, rest string) (string, *CommandError) {
	s := skipKeywords(rest, dateWords)
	d, n, bad := readDate(s)
	switch {
	case bad != nil:
		return "", dateError(spec, "date", bad)
	case n > 0:
		c.Date = d
		return s[n:], nil
	case spec.args&argDateOpt != 0:
		return rest, nil
	}
	return "", argumentError(spec, "date", "the date", "วันที่")
}

func readPeriod(spec *commandSpec, c *Command, rest string) (string, *CommandError) {
	s := skipKeywords(rest, startWords)
	start, n, bad := readDate(s)
	if bad != nil {
		return "", dateError(spec, "period", bad)
	}
	if n == 0 {
		return rest, nil
	}
	s = skipKeywords(s[n:], endWords)
	end, m, bad := readDate(s)
	if bad != nil {
		return "", dateError(spec, "period", bad)
	}
	if m == 0 || !end.After(start) {
		return "", argumentError(spec, "period",
			"both the first and the last day of testing, the last after the first",
			"ทั้งวันเริ่มและวันสิ้นสุดการทดสอบ โดยวันสิ้นสุดอยู่หลังวันเริ่ม")
	}
	c.Start, c.End = start, end
	return s[m:], nil
}

func readOutcome(spec *commandSpec, c *Command, rest string) (string, *CommandError) {
	s := skipKeywords(rest, resultWords)
	n, which := longest(s, outcomePhrases)
	if which < 0 {
		return "", argumentError(spec, "outcome", "the new result: SUCCESS or PARTIAL SUCCESS",
			"ผลใหม่: สำเร็จ หรือ สำเร็จบางส่วน")
	}
	c.Outcome = outcomeOf[which]
	return s[n:], nil
}

// readDue takes the last "BY <date>" (ภายใน <date>) out of the text.
func readDue(spec *commandSpec, c *Command, text string) (string, *CommandError) {
	for i := len(text); i > 0; {
		_, w := utf8.DecodeLastRuneInString(text[:i])
		i -= w
		n, _ := longest(text[i:], dueWords)
		if n <= 0 || !wordStart(text, i) {
			continue
		}
		s := skipArgSeps(text[i+n:])
		d, m, bad := readDate(s)
		if bad != nil {
			return "", dateError(spec, "date", bad)
		}
		if m > 0 {
			c.Date = d
			end := len(text) - len(s) + m
			return joinAround(text[:i], text[end:]), nil
		}
	}
	return text, nil
}

// joinAround joins the text on either side of a due date taken out of it:
// "X, BY 15 June." becomes "X.".
func joinAround(left, right string) string {
	left = strings.TrimRight(left, " ,;:")
	right = strings.TrimLeft(right, " ")
	if right == "" || strings.ContainsRune(".,;:!?)", rune(right[0])) {
		return left + right
	}
	return left + " " + right
}

// wordStart reports whether a keyword may start at s[i]: at the start, or
// after a space, or anywhere in Thai text, which has no spaces between
// words.
func wordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) || isThai(r)
}

// number is a run of digits read from a text.
type number struct {
	value  int
	digits int // how many digits
	size   int // how many bytes: a Thai digit takes three
}

// leadingNumber reads the ASCII or Thai digits at the start of s; six at
// most are read.
func leadingNumber(s string) number {
	var n number
	for n.size < len(s) && n.digits < 6 {
		r, w := utf8.DecodeRuneInString(s[n.size:])
		d := foldRune(r)
		if d < '0' || d > '9' {
			break
		}
		n.value = n.value*10 + int(d-'0')
		n.digits++
		n.size += w
	}
	return n
}

// letterAt reports whether s has a Latin letter or a digit at i: "2nd" is
// not the round 2.
func letterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) && !isThai(r) || unicode.IsDigit(r)
}

// trimText trims what the officer wrote after the arguments: separators in
// front, emphasis marks at the end, and nothing at all if it holds no
// letter or digit.
func trimText(s string) string {
	s = strings.TrimRight(skipArgSeps(s), " \n"+emphasis)
	if strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}) < 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return collapseBlank(strings.Join(lines, "\n"))
}

// collapseBlank keeps at most one blank line between paragraphs.
func collapseBlank(s string) string {
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return s
}
