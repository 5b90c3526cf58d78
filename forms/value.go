package forms

import (
	"encoding/json"
	"strconv"

	"sandboxbot/cases"
)

// Value is one parsed field value. Which member is meaningful depends on
// Type: Str for Text, LongText, Enum (the option key), Email, Phone,
// JuristicID (13 digits, no dashes) and Attachment; Date for Date; Num for
// Number; Bool for YesNo; Ref for CaseRef. The zero Value (Type 0) is a
// blank optional field.
type Value struct {
	Type Type
	Str  string
	Date cases.Date
	Num  float64
	Bool bool
	Ref  cases.Ref
}

// IsZero reports whether v is blank (an optional field left empty).
func (v Value) IsZero() bool { return v.Type == 0 }

// String returns the value as text: dates as YYYY-MM-DD, numbers without
// exponent, yes/no as "yes" or "no", "" for a blank value.
func (v Value) String() string {
	switch v.Type {
	case 0:
		return ""
	case Date:
		return v.Date.String()
	case Number:
		return strconv.FormatFloat(v.Num, 'f', -1, 64)
	case YesNo:
		if v.Bool {
			return "yes"
		}
		return "no"
	case CaseRef:
		return v.Ref.String()
	}
	return v.Str
}

// MarshalJSON writes the value as its natural JSON type: a number, a boolean,
// null for a blank value, and a string for everything else (dates as
// YYYY-MM-DD, references as DSS-2563-0001).
func (v Value) MarshalJSON() ([]byte, error) {
	switch v.Type {
	case 0:
		return []byte("null"), nil
	case Number:
		return json.Marshal(v.Num)
	case YesNo:
		return json.Marshal(v.Bool)
	}
	return json.Marshal(v.String())
}

// Values maps field keys to parsed values: the fields of a Record, or the
// cells of one table row. A key that is absent or blank reads as the zero
// value of each accessor.
type Values map[string]Value

// Text returns the text of a Text, LongText, Enum, Email, Phone, JuristicID
// or Attachment field, or "" when blank.
func (vs Values) Text(key string) string { return vs[key].Str }

// Enum returns the option key chosen in an Enum field, or "" when blank.
func (vs Values) Enum(key string) string { return vs[key].Str }

// Date returns the day of a Date field, or the zero Date when blank.
func (vs Values) Date(key string) cases.Date { return vs[key].Date }

// Number returns the number of a Number field, or 0 when blank.
func (vs Values) Number(key string) float64 { return vs[key].Num }

// Int returns the number of a Number field as an int (whole-number fields
// hold whole numbers), or 0 when blank.
func (vs Values) Int(key string) int { return int(vs[key].Num) }

// Bool returns the answer of a YesNo field; false when blank.
func (vs Values) Bool(key string) bool { return vs[key].Bool }

// Ref returns the reference of a CaseRef field, or the zero Ref when blank.
func (vs Values) Ref(key string) cases.Ref { return vs[key].Ref }

// Has reports whether key holds a non-blank value.
func (vs Values) Has(key string) bool { return !vs[key].IsZero() }
