package notices

import (
	"encoding/json"
	"strconv"
	"strings"
)

// record is a submitted form as the workflow keeps it (cases.Notice.Records,
// cases.Event.Form): package forms writes {"kind", "version", "fields":
// {key: value}, "tables": {name: [{key: value}]}}, values as their natural
// JSON types. A flat object of fields, with tables as arrays of objects, is
// read as well. Keys are those of FORMS.md.
type record struct {
	fields map[string]any
	tables map[string][]map[string]any
}

// parseRecord reads a form's JSON; anything unreadable gives an empty
// record, since a letter must not fail because a stored form is odd.
func parseRecord(raw json.RawMessage) record {
	var top map[string]any
	if len(raw) == 0 || json.Unmarshal(raw, &top) != nil {
		return record{}
	}
	r := record{fields: top, tables: map[string][]map[string]any{}}
	if f, ok := top["fields"].(map[string]any); ok {
		r.fields = f
		if ts, ok := top["tables"].(map[string]any); ok {
			for name, rows := range ts {
				r.tables[name] = objects(rows)
			}
		}
		return r
	}
	for k, v := range top {
		if rows := objects(v); rows != nil {
			r.tables[k] = rows
		}
	}
	return r
}

// objects returns v as a list of JSON objects, or nil if it is not one.
func objects(v any) []map[string]any {
	list, ok := v.([]any)
	if !ok {
		return nil
	}
	var out []map[string]any
	for _, x := range list {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// text returns a field as text: strings as they are, numbers without an
// exponent, booleans as "true"/"false", "" when absent or null.
func text(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}

// flat joins the lines of a text into one, single-spaced.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// lines returns the non-blank lines of s, trimmed.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// grouped writes a whole number with thousands separators: 100000 is
// "100,000". Text that is not a whole number is returned as it is.
func grouped(s string) string {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return s
	}
	d := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, r := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
