package forms

import (
	"strings"
	"unicode/utf8"
)

// Limits on the length of text fields, in characters.
const (
	maxText     = 300
	maxLongText = 5000
)

// origin says where raw values came from, which decides a few spellings: a
// workbook cell may hold an Excel date serial, or a number that lost the
// leading 0 of an ID or phone number.
type origin int

const (
	fromPDF origin = iota
	fromWorkbook
)

// readValue reads the value s written for field f. A blank s gives the zero
// Value and ok; what is wrong otherwise comes as an invalid error.
func readValue(f Field, s string, o origin) (Value, error) {
	if clean(s) == "" {
		return Value{}, nil
	}
	v := Value{Type: f.Type}
	var err error
	switch f.Type {
	case Text, LongText:
		v.Str, err = readText(f.Type, s)
	case Date:
		v.Date, err = parseDate(s, o == fromWorkbook)
	case Number:
		if v.Num, err = parseNumber(s); err == nil {
			v.Num, err = checkNumber(f, v.Num)
		}
	case Enum:
		v.Str, err = readEnum(f.Options, s)
	case YesNo:
		v.Bool, err = parseYesNo(s)
	case Email:
		v.Str, err = parseEmail(s)
	case Phone:
		v.Str, err = parsePhone(s, o == fromWorkbook)
	case JuristicID:
		v.Str, err = parseJuristicID(s, o == fromWorkbook)
	case CaseRef:
		v.Ref, err = parseCaseRef(s)
	case Attachment:
		v.Str, err = parseAttachment(s)
	default:
		err = invalid{"ชนิดข้อมูลไม่รู้จัก", "unknown field type"}
	}
	if err != nil {
		return Value{}, err
	}
	return v, nil
}

// readText cleans text and applies the length limit; a one-line Text field
// has its line breaks turned into spaces.
func readText(t Type, s string) (string, error) {
	s, limit := clean(s), maxLongText
	if t == Text {
		s, limit = strings.Join(strings.Fields(s), " "), maxText
	}
	if utf8.RuneCountInString(s) > limit {
		return "", invalid{"ข้อความยาวเกินไป", "the text is too long"}
	}
	return s, nil
}

// readEnum matches s against the options: the drop-down spelling
// (Option.Display), the key, or a label, compared loosely (see fold); a
// parenthesised remark after the key is ignored.
func readEnum(opts []Option, s string) (string, error) {
	s = clean(s)
	want := fold(s)
	head := fold(strings.TrimSpace(strings.SplitN(s, "(", 2)[0]))
	for _, o := range opts {
		if s == o.Display() {
			return o.Key, nil
		}
	}
	for _, o := range opts {
		for _, c := range []string{o.Key, o.Label.TH, o.Label.EN} {
			if want == fold(c) || head == fold(c) {
				return o.Key, nil
			}
		}
	}
	return "", invalid{"ไม่ใช่ตัวเลือกที่กำหนด", "is not one of the choices"}
}
