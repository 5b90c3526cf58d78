package forms

import "fmt"

// build reads every field and table row of r as schema s says, then runs the
// schema's rules. It returns the record of what parsed and every problem.
func build(s *Schema, r *raw, opts ParseOptions) (*Record, Problems) {
	rec := &Record{Kind: s.Kind, Version: s.Version, Fields: Values{},
		Tables: map[string][]Values{}, Source: string(r.format), schema: s}
	var ps Problems
	for _, f := range s.Fields {
		v, p := readField(f, r.fields[f.Key], r.origin)
		if p != nil {
			ps = append(ps, *p)
			continue
		}
		rec.Fields[f.Key] = v
	}
	for _, t := range s.Tables {
		rows, tps := readTable(t, r.rows(t), r.origin)
		ps = append(ps, tps...)
		if len(rows) > 0 {
			rec.Tables[t.Key] = rows
		}
	}
	for _, rule := range s.Rules {
		ps = append(ps, rule(rec, opts)...)
	}
	return rec, ps
}

// Problems common to every field type.
var (
	wrongRequired = Label{"ต้องกรอก", "is required"}
	wrongNotYes   = Label{"ต้องตอบ ใช่ เพื่อรับรองข้อความนี้", "must be answered yes to declare it"}
)

// readField reads one field's value, or says what is wrong with it.
func readField(f Field, s string, o origin) (Value, *Problem) {
	p := &Problem{Key: f.Key, Label: f.Label, Got: cut(clean(s), 80), Want: want(f)}
	v, err := readValue(f, s, o)
	switch {
	case err != nil:
		bad, _ := err.(invalid)
		p.Wrong = Label(bad)
	case v.IsZero() && !f.Optional:
		p.Wrong = wrongRequired
	case f.MustBeYes && !v.Bool:
		p.Wrong = wrongNotYes
	default:
		return v, nil
	}
	return Value{}, p
}

// readTable reads the rows of a table, leaving out rows left blank, and
// checks it has at least t.MinRows rows.
func readTable(t Table, rows []rawRow, o origin) ([]Values, Problems) {
	var out []Values
	var ps Problems
	for _, row := range rows {
		if blankRow(row) {
			continue
		}
		vs := Values{}
		for _, c := range t.Columns {
			v, p := readField(c, row.cells[c.Key], o)
			if p != nil {
				p.Table, p.Row = t.Key, row.n
				ps = append(ps, *p)
				continue
			}
			vs[c.Key] = v
		}
		out = append(out, vs)
	}
	if len(out) < t.MinRows {
		ps = append(ps, Problem{Key: t.Key, Label: t.Label,
			Wrong: Label{fmt.Sprintf("ต้องกรอกอย่างน้อย %d แถว", t.MinRows),
				fmt.Sprintf("needs at least %d row(s)", t.MinRows)},
			Want: Label{"แถวที่กรอกครบทุกช่อง", "rows with every column filled in"}})
	}
	return out, ps
}

func blankRow(r rawRow) bool {
	for _, v := range r.cells {
		if clean(v) != "" {
			return false
		}
	}
	return true
}
