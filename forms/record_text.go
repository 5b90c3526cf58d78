package forms

import (
	"fmt"
	"strings"
)

// Summary returns the record for people: the form's title, then one line per
// field with its labels and value (blank optional fields left out), then
// each table row by row. It is what `sandboxbot forms parse FILE` prints.
// A Record not made by Parse (no schema) is listed by key.
func (r *Record) Summary() string {
	var b strings.Builder
	s := r.Schema()
	if s == nil {
		fmt.Fprintf(&b, "%s v%d\n", r.Kind, r.Version)
		for k, v := range r.Fields {
			fmt.Fprintf(&b, "%s: %s\n", k, v)
		}
		return b.String()
	}
	fmt.Fprintf(&b, "%s / %s (%s v%d, %s)\n", s.Title.TH, s.Title.EN, r.Kind, r.Version, r.Source)
	for _, f := range s.Fields {
		if v := r.Fields[f.Key]; !v.IsZero() {
			fmt.Fprintf(&b, "%s (%s): %s\n", f.Label, f.Key, indent(v.String()))
		}
	}
	for _, t := range s.Tables {
		fmt.Fprintf(&b, "\n%s (%s): %d แถว/rows\n", t.Label, t.Key, len(r.Rows(t.Key)))
		for i, row := range r.Rows(t.Key) {
			var cells []string
			for _, c := range t.Columns {
				cells = append(cells, c.Key+"="+row[c.Key].String())
			}
			fmt.Fprintf(&b, "  %d. %s\n", i+1, strings.Join(cells, "; "))
		}
	}
	return b.String()
}

// indent keeps the lines of a long text under their field.
func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n    ") }
