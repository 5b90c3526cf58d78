package forms

import (
	"encoding/json"
	"strings"
	"testing"

	"sandboxbot/cases"
)

func TestRecordJSONAndAccessors(t *testing.T) {
	t.Parallel()
	s, _ := Lookup("test_plan")
	sm := sampleFor(s, 2)
	rec, ps := build(s, rawOf(sm, map[string]string{"users_limit": "๑,๐๐๐"}), sm.options())
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if rec.CaseRef() != (cases.Ref{Year: 2568, Seq: 1}) || rec.Int("users_limit") != 1000 ||
		rec.Date("end_date") != cases.NewDate(2025, 12, 31) || rec.Enum("report_every") == "" ||
		len(rec.Rows("kpis")) != 2 || rec.Rows("kpis")[0].Text("kpi") == "" ||
		rec.Schema() != s {
		t.Errorf("accessors: %+v", rec)
	}
	js, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"kind":"test_plan"`, `"version":1`, `"source":"pdf"`,
		`"case_ref":"DSS-2568-0001"`, `"end_date":"2025-12-31"`, `"users_limit":1000`,
		`"kpis":[{`, `"target":5000000.5`} {
		if !strings.Contains(string(js), want) {
			t.Errorf("JSON lacks %s:\n%s", want, js)
		}
	}
}

func TestKindsAndLookup(t *testing.T) {
	t.Parallel()
	want := "interest application test_plan progress_report extension waiver " +
		"round_change withdrawal appeal post_exit_report assessment"
	if got := strings.Join(Kinds(), " "); got != want {
		t.Errorf("Kinds() = %s", got)
	}
	for _, s := range schemas {
		keys := map[string]bool{}
		for _, f := range s.Fields {
			if keys[f.Key] || f.Label.TH == "" || f.Label.EN == "" || f.Type == 0 {
				t.Errorf("%s.%s: duplicate or incomplete", s.Kind, f.Key)
			}
			keys[f.Key] = true
			if f.Type == Enum && len(f.Options) == 0 {
				t.Errorf("%s.%s: enum without options", s.Kind, f.Key)
			}
		}
	}
	if _, err := Lookup("visa"); err == nil {
		t.Error("Lookup(visa) found a schema")
	}
	if _, err := ParseFormat("docx"); err == nil {
		t.Error("ParseFormat(docx) accepted")
	}
}

func TestRecordText(t *testing.T) {
	t.Parallel()
	s, _ := Lookup("test_plan")
	sm := sampleFor(s, 2)
	rec, _ := build(s, rawOf(sm, nil), sm.options())
	txt := rec.Summary()
	for _, want := range []string{"แผนการทดสอบ / Test plan (test_plan v1, pdf)",
		"วันสิ้นสุดการทดสอบ / End of testing (end_date): 2025-12-31", "kpis): 2 แถว/rows",
		"  1. kpi="} {
		if !strings.Contains(txt, want) {
			t.Errorf("Summary() lacks %q:\n%s", want, txt)
		}
	}
}
