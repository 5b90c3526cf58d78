package forms

import "strings"

// answers maps each spelling of yes and no, folded (see fold), to its value:
// what spreadsheets write (TRUE, 1), what PDF check boxes export (Yes, Off),
// tick marks, and Thai and English words.
var answers = map[string]bool{
	"true": true, "t": true, "yes": true, "y": true, "1": true, "on": true,
	"✓": true, "✔": true, "☑": true, "✅": true, "x": true,
	"ใช่": true, "จริง": true, "ถูกต้อง": true, "ยืนยัน": true, "รับรอง": true,
	"false": false, "f": false, "no": false, "n": false, "0": false, "off": false,
	"✗": false, "✘": false, "☐": false, "❌": false,
	"ไม่ใช่": false, "ไม่": false, "เท็จ": false, "ไม่ยืนยัน": false, "ไม่รับรอง": false,
}

// parseYesNo reads yes or no. A combined spelling from a drop-down list,
// "ใช่ / yes" or "ใช่ (yes)", is read when all its parts agree.
func parseYesNo(s string) (bool, error) {
	s = asciiDigits(s)
	if v, ok := answers[fold(s)]; ok {
		return v, nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return r == '/' || r == '(' || r == ')' || r == '|'
	})
	seen, answer := false, false
	for _, p := range parts {
		if fold(p) == "" {
			continue
		}
		v, ok := answers[fold(p)]
		if !ok || (seen && v != answer) {
			return false, notYesNo
		}
		seen, answer = true, v
	}
	if !seen {
		return false, notYesNo
	}
	return answer, nil
}

var notYesNo = invalid{"อ่านเป็น ใช่ หรือ ไม่ใช่ ไม่ได้", "this is not a yes or a no"}
