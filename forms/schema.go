package forms

import (
	"fmt"
	"slices"
)

// Label is a name or sentence in Thai and in English.
type Label struct {
	TH string
	EN string
}

// String returns "Thai / English".
func (l Label) String() string { return l.TH + " / " + l.EN }

// Type is the kind of value a field holds; it decides how a written value is
// read, what the blank form offers and what a valid value looks like.
type Type int

// The field types. The zero Type is not valid.
const (
	Text       Type = iota + 1 // one line of text, trimmed
	LongText                   // several lines of text
	Date                       // a civil day in Bangkok (cases.Date)
	Number                     // a decimal number (float64)
	Enum                       // one of the field's Options, stored by key
	YesNo                      // a yes/no declaration (bool)
	Email                      // one e-mail address
	Phone                      // a Thai phone number
	JuristicID                 // 13-digit juristic person ID with mod-11 check digit
	CaseRef                    // a case reference, DSS-2563-0001 (cases.Ref)
	Attachment                 // the file name of an attachment of the same email
)

var typeNames = map[Type]string{
	Text: "text", LongText: "long_text", Date: "date", Number: "number",
	Enum: "enum", YesNo: "yes_no", Email: "email", Phone: "phone",
	JuristicID: "juristic_id", CaseRef: "case_ref", Attachment: "attachment",
}

// String returns the type's name as used in JSON, such as "long_text".
func (t Type) String() string {
	if s, ok := typeNames[t]; ok {
		return s
	}
	return fmt.Sprintf("type(%d)", int(t))
}

// Option is one allowed value of an Enum field: the key stored in the Record
// and FORMS.md, and its labels for people.
type Option struct {
	Key   string
	Label Label
}

// Display returns the option as offered in drop-down lists: the key followed
// by the Thai label, "company_limited (บริษัทจำกัด)". Parsing accepts it, the
// bare key, or either label.
func (o Option) Display() string { return o.Key + " (" + o.Label.TH + ")" }

// Field declares one input of a form. The zero values of its optional parts
// mean: required, no bounds, no options.
type Field struct {
	Key       string // the PDF field name and workbook defined name (FORMS.md)
	Label     Label
	Type      Type
	Optional  bool     // a blank value is allowed
	Options   []Option // the allowed values of an Enum field
	Integer   bool     // a Number field takes whole numbers only
	Min, Max  float64  // bounds of a Number field, applied when Min < Max
	MustBeYes bool     // a YesNo declaration that must be answered yes
	Hint      Label    // extra guidance shown beside the input, may be empty
}

// Table declares a table of repeating rows (such as the KPIs of a test plan).
// In the PDF it has PDFRows rows of fields named <table>_<row>_<column>, rows
// counted from 1; in the workbook it has a sheet of its own named after its
// key, with the column keys in the header row.
type Table struct {
	Key     string
	Label   Label
	Columns []Field
	MinRows int // rows that must be filled; 0 makes the table optional
	PDFRows int // rows drawn in the PDF
}

// Rule checks what no single field can: relations between fields and facts
// from outside the form (the day it arrived, the email's attachments). It
// sees only values that parsed and returns one Problem per breach.
type Rule func(r *Record, opts ParseOptions) []Problem

// Schema declares one form kind. Schemas are fixed at start-up and never
// modified; they are safe for concurrent use.
type Schema struct {
	Kind    string // form_kind, as in FORMS.md
	Version int    // form_version written into blank forms
	Title   Label
	Intro   Label // one paragraph telling who sends the form and when
	Fields  []Field
	Tables  []Table
	Rules   []Rule
}

// Field returns the declaration of the field key and whether there is one.
func (s *Schema) Field(key string) (Field, bool) {
	i := slices.IndexFunc(s.Fields, func(f Field) bool { return f.Key == key })
	if i < 0 {
		return Field{}, false
	}
	return s.Fields[i], true
}

// Table returns the declaration of the table key and whether there is one.
func (s *Schema) Table(key string) (Table, bool) {
	i := slices.IndexFunc(s.Tables, func(t Table) bool { return t.Key == key })
	if i < 0 {
		return Table{}, false
	}
	return s.Tables[i], true
}

// cellName returns the PDF field name of a table cell: kpis_3_target.
func (t Table) cellName(row int, col string) string {
	return fmt.Sprintf("%s_%d_%s", t.Key, row, col)
}
