package cases

import (
	"encoding/json"
	"iter"
	"strconv"
	"strings"
	"time"
)

// Participant is a case the agency approved into a testing round that
// holds its place (an approval that lapsed before signing, or a withdrawal
// before testing, gives it up): a row of the public announcement (DESIGN.md,
// "Announcement") and of the workbook's testing sheet.
type Participant struct {
	// Case is the case without its windows, as Status.Cases reads it.
	Case *Case
	// Approved is when the agency approved it (its approve entry in the
	// audit trail); zero when the trail has none.
	Approved time.Time
	// KPIs are the success indicators of the latest test plan, each with
	// the result the latest progress report gives for it; a result for
	// an indicator the plan does not name follows, with no target.
	KPIs []KPI
	// ReportFrom and ReportTo are the period of the latest progress
	// report; zero when none has arrived.
	ReportFrom, ReportTo Date
}

// KPI is one success indicator of a test plan (table kpis: kpi, dimension,
// target, unit) with its latest result (progress report table kpi_results:
// kpi, actual). The form says nothing of whether more is better, so
// whether a result meets its target is for the reader to judge.
type KPI struct {
	Name      string
	Dimension string // security, privacy, reliability, accountability, ux
	Unit      string
	// Target and Actual are numbers when HasTarget and HasActual say the
	// forms gave one.
	Target, Actual       float64
	HasTarget, HasActual bool
}

// Participants yields the participants in reference order, each with
// its approval from the trail (read once per Status, see Decisions); order
// them by Approved for the announcement's numbering.
func (st *Status) Participants() iter.Seq2[Participant, error] {
	return func(yield func(Participant, error) bool) {
		t, err := st.readTrail()
		if err != nil {
			yield(Participant{}, err)
			return
		}
		approved := map[Ref]time.Time{}
		for _, d := range t.decisions {
			if d.Kind == Approve {
				approved[d.Case] = d.Decided
			}
		}
		for p, err := range readAhead(func(yield func(Participant) error) error {
			return st.r.eachParticipant(st.ctx, yield)
		}) {
			if err == nil {
				p.Approved = approved[p.Case.Ref]
			}
			if !yield(p, err) {
				return
			}
		}
	}
}

// storedForm is a submitted form as package forms stores it: {"kind",
// "fields": {key: value}, "tables": {name: [{key: value}]}}. A flat object
// of fields, its tables as arrays of objects, is read as well.
type storedForm struct {
	fields map[string]any
	tables map[string][]map[string]any
}

// parseForm reads a stored form; what cannot be read gives an empty one,
// since a report must not fail on one odd submission.
func parseForm(raw string) storedForm {
	var top map[string]any
	f := storedForm{tables: map[string][]map[string]any{}}
	if raw == "" || json.Unmarshal([]byte(raw), &top) != nil {
		return f
	}
	f.fields = top
	tables := top
	if inner, ok := top["fields"].(map[string]any); ok {
		f.fields = inner
		tables, _ = top["tables"].(map[string]any)
	}
	for name, v := range tables {
		list, _ := v.([]any)
		for _, x := range list {
			if row, ok := x.(map[string]any); ok {
				f.tables[name] = append(f.tables[name], row)
			}
		}
	}
	return f
}

// formText returns a value as one trimmed line of text.
func formText(v any) string {
	switch x := v.(type) {
	case string:
		return strings.Join(strings.Fields(x), " ")
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}

// formNumber returns a value as a number: a JSON number, or text that is
// one (thousands separators allowed).
func formNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case string:
		n, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(x), ",", ""), 64)
		return n, err == nil
	}
	return 0, false
}

// formDate returns a field written YYYY-MM-DD as a Date; zero otherwise.
func formDate(v any) Date {
	s, _ := v.(string)
	d, _ := ParseDate(strings.TrimSpace(s))
	return d
}

// kpisOf joins a test plan's indicators with a progress report's results,
// matching names without regard to case or spacing.
func kpisOf(plan, report storedForm) []KPI {
	var out []KPI
	index := map[string]int{}
	for _, row := range plan.tables["kpis"] {
		k := KPI{Name: formText(row["kpi"]), Dimension: formText(row["dimension"]),
			Unit: formText(row["unit"])}
		k.Target, k.HasTarget = formNumber(row["target"])
		if k.Name == "" && !k.HasTarget {
			continue
		}
		index[strings.ToLower(k.Name)] = len(out)
		out = append(out, k)
	}
	for _, row := range report.tables["kpi_results"] {
		name := formText(row["kpi"])
		actual, ok := formNumber(row["actual"])
		if name == "" && !ok {
			continue
		}
		i, known := index[strings.ToLower(name)]
		if !known {
			i = len(out)
			index[strings.ToLower(name)] = i
			out = append(out, KPI{Name: name})
		}
		out[i].Actual, out[i].HasActual = actual, ok
	}
	return out
}
