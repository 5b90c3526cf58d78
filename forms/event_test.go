package forms

import (
	"encoding/json"
	"errors"
	"testing"

	"sandboxbot/cases"
)

// recordOf is the Record Parse would make of a sample.
func recordOf(sm sample) *Record {
	r := &Record{Kind: sm.kind, Version: 1, Fields: Values{}, Tables: map[string][]Values{}}
	for k, w := range sm.fields {
		r.Fields[k] = w.want
	}
	for t, rows := range sm.tables {
		for _, row := range rows {
			vs := Values{}
			for k, w := range row {
				vs[k] = w.want
			}
			r.Tables[t] = append(r.Tables[t], vs)
		}
	}
	return r
}

func TestEventOfEveryKind(t *testing.T) {
	t.Parallel()
	byApplicant := map[cases.EventKind]cases.Needs{}
	for _, tr := range cases.Transitions() {
		if tr.By == cases.ByApplicant {
			byApplicant[tr.On] |= tr.Needs
		}
	}
	for _, kind := range Kinds() {
		s, _ := Lookup(kind)
		rec := recordOf(sampleFor(s, 2))
		e, err := rec.Event()
		if kind == "assessment" {
			if !errors.Is(err, ErrNotApplicantForm) {
				t.Errorf("assessment: %v, want ErrNotApplicantForm", err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", kind, err)
			continue
		}
		needs, ok := byApplicant[e.Kind]
		if !ok {
			t.Errorf("%s: event %q is no applicant's event of the workflow", kind, e.Kind)
		}
		if needs&cases.NeedRound != 0 && e.Round == 0 ||
			needs&cases.NeedDate != 0 && e.Date.IsZero() ||
			needs&cases.NeedText != 0 && e.Text == "" {
			t.Errorf("%s: event %+v lacks what %s needs", kind, e, e.Kind)
		}
		if kind != "interest" && e.Case != (cases.Ref{Year: 2568, Seq: 1}) {
			t.Errorf("%s: case %v", kind, e.Case)
		}
		var back struct{ Kind string }
		if json.Unmarshal(e.Form, &back) != nil || back.Kind != kind {
			t.Errorf("%s: Form JSON %s", kind, e.Form)
		}
	}
}

func TestEventApplicant(t *testing.T) {
	t.Parallel()
	s, _ := Lookup("interest")
	rec := recordOf(sampleFor(s, 0))
	e, _ := rec.Event()
	a := e.Applicant
	if a == nil || a.ContactEmail != "somchai@example.co.th" ||
		a.JuristicID != exampleJuristicID || a.Lang != "th" || a.Category == "" {
		t.Fatalf("applicant %+v", a)
	}
	for _, k := range []string{"org_name", "description", "innovation", "target_users"} {
		rec.Fields[k] = Value{Type: LongText, Str: "Written in English only"}
	}
	if e, _ := rec.Event(); e.Applicant.Lang != "en" {
		t.Fatalf("an English form gives letters in %q", e.Applicant.Lang)
	}

	s, _ = Lookup("test_plan")
	e, _ = recordOf(sampleFor(s, 1)).Event()
	if e.Plan == nil || e.Plan.Start.IsZero() || e.Plan.End != cases.NewDate(2025, 12, 31) ||
		e.Plan.Every == "" {
		t.Fatalf("plan %+v", e.Plan)
	}
}
