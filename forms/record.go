package forms

import (
	"encoding/json"

	"sandboxbot/cases"
)

// Record is a parsed form: its kind and version, its field values and its
// table rows, typed by the schema. A Record is plain data, safe to copy and
// to read from several goroutines.
type Record struct {
	Kind    string
	Version int
	Fields  Values
	Tables  map[string][]Values // rows in order, blank rows left out
	Source  string              // "pdf" or "xlsx"

	schema *Schema
}

// Schema returns the schema the record was read with; nil for a Record not
// made by Parse.
func (r *Record) Schema() *Schema { return r.schema }

// Text returns a text-like field (see Values.Text).
func (r *Record) Text(key string) string { return r.Fields.Text(key) }

// Enum returns the option key of an Enum field.
func (r *Record) Enum(key string) string { return r.Fields.Enum(key) }

// Date returns a Date field.
func (r *Record) Date(key string) cases.Date { return r.Fields.Date(key) }

// Number returns a Number field.
func (r *Record) Number(key string) float64 { return r.Fields.Number(key) }

// Int returns a whole-number field.
func (r *Record) Int(key string) int { return r.Fields.Int(key) }

// Bool returns a YesNo field.
func (r *Record) Bool(key string) bool { return r.Fields.Bool(key) }

// Ref returns a CaseRef field; most forms carry one under "case_ref".
func (r *Record) Ref(key string) cases.Ref { return r.Fields.Ref(key) }

// CaseRef returns the record's case_ref, or the zero Ref (the interest form
// has none: its case is created from it).
func (r *Record) CaseRef() cases.Ref { return r.Fields.Ref("case_ref") }

// Rows returns the rows of a table, in order; nil when it has none.
func (r *Record) Rows(table string) []Values { return r.Tables[table] }

// recordJSON is the stable JSON shape of a Record, used by the command line
// (`sandboxbot forms parse --json`) and by anyone storing a parsed form.
type recordJSON struct {
	Kind    string              `json:"kind"`
	Version int                 `json:"version"`
	Source  string              `json:"source,omitempty"`
	Fields  Values              `json:"fields"`
	Tables  map[string][]Values `json:"tables,omitempty"`
}

// MarshalJSON writes {"kind", "version", "source", "fields", "tables"}, each
// value as its natural JSON type (see Value.MarshalJSON); blank optional
// fields are left out.
func (r *Record) MarshalJSON() ([]byte, error) {
	fields := Values{}
	for k, v := range r.Fields {
		if !v.IsZero() {
			fields[k] = v
		}
	}
	return json.Marshal(recordJSON{r.Kind, r.Version, r.Source, fields, r.Tables})
}
