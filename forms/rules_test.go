package forms

import (
	"errors"
	"strings"
	"testing"

	"sandboxbot/cases"
)

// rawOf returns the sample as a PDF filler would leave it, with changes.
func rawOf(sm sample, change map[string]string) *raw {
	r := &raw{origin: fromPDF, format: PDF, fields: map[string]string{}}
	for k, w := range sm.fields {
		r.fields[k] = w.pdf
	}
	s, _ := Lookup(sm.kind)
	for _, t := range s.Tables {
		for i, row := range sm.tables[t.Key] {
			for c, w := range row {
				r.fields[t.cellName(i+1, c)] = w.pdf
			}
		}
	}
	for k, v := range change {
		r.fields[k] = v
	}
	return r
}

func problemKeys(ps Problems) string {
	var keys []string
	for _, p := range ps {
		k := p.Key
		if p.Table != "" {
			k = p.Table + "." + k
		}
		keys = append(keys, k)
	}
	return strings.Join(keys, ",")
}

func TestRules(t *testing.T) {
	t.Parallel()
	app, _ := Lookup("application")
	plan, _ := Lookup("test_plan")
	leap := cases.NewDate(2024, 2, 29)
	tests := []struct {
		name   string
		s      *Schema
		change map[string]string
		opts   func(*ParseOptions)
		want   string // keys with problems, in order
	}{
		{"valid", app, nil, nil, ""},
		{"experience exactly two years", app,
			map[string]string{"experience_since": "15/06/2023"}, nil, ""},
		{"experience a day short", app,
			map[string]string{"experience_since": "16/06/2023"}, nil, "experience_since"},
		{"experience to a leap day", app,
			map[string]string{"experience_since": "28/02/2022", "registered_on": "1/1/2020"},
			func(o *ParseOptions) { o.Received = leap }, ""},
		{"experience to a leap day, short", app,
			map[string]string{"experience_since": "01/03/2022", "registered_on": "1/1/2020"},
			func(o *ParseOptions) { o.Received = leap }, "experience_since"},
		{"standalone without a day skips counting", app,
			map[string]string{"experience_since": "01/01/2025"},
			func(o *ParseOptions) { o.Received, o.Standalone = cases.Date{}, true }, ""},
		{"declaration answered no", app,
			map[string]string{"never_suspended": "false"}, nil, "never_suspended"},
		{"declaration left blank", app,
			map[string]string{"directors_qualified": ""}, nil, "directors_qualified"},
		{"registered after arrival", app,
			map[string]string{"registered_on": "16/06/2025"}, nil, "registered_on"},
		{"more IT staff than staff", app,
			map[string]string{"it_staff_count": "13"}, nil, "it_staff_count"},
		{"attachment missing", app, nil,
			func(o *ParseOptions) { o.Attachments = o.Attachments[1:] }, "doc_certificate"},
		{"attachment names compared without case", app,
			map[string]string{"doc_financials": "เอกสาร_DOC_FINANCIALS.PDF"}, nil, ""},
		{"no attachments at all", app, nil,
			func(o *ParseOptions) { o.Attachments = nil },
			"doc_certificate,doc_experience,doc_financials,doc_declaration"},
		{"standalone skips attachments", app, nil,
			func(o *ParseOptions) { o.Attachments, o.Standalone = nil, true }, ""},
		{"end before start", plan,
			map[string]string{"start_date": "2026-01-01"}, nil, "end_date"},
		{"bad KPI cell", plan,
			map[string]string{"kpis_2_dimension": "speed"}, nil, "kpis.dimension"},
		{"no KPIs", plan, map[string]string{
			"kpis_1_kpi": "", "kpis_1_dimension": "", "kpis_1_target": "", "kpis_1_unit": "",
			"kpis_2_kpi": "", "kpis_2_dimension": "", "kpis_2_target": "", "kpis_2_unit": "",
		}, nil, "kpis"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sm := sampleFor(tt.s, 2)
			opts := sm.options()
			if tt.opts != nil {
				tt.opts(&opts)
			}
			_, ps := build(tt.s, rawOf(sm, tt.change), opts)
			if got := problemKeys(ps); got != tt.want {
				t.Errorf("problems at %q, want %q:\n%v", got, tt.want, ps)
			}
		})
	}
}

// TestEveryProblemAtOnce: a form with every field blank or wrong reports
// each one, naming it in Thai and English with what a valid value is.
func TestEveryProblemAtOnce(t *testing.T) {
	t.Parallel()
	for _, s := range schemas {
		r := &raw{origin: fromWorkbook, fields: map[string]string{}}
		for i, f := range s.Fields {
			if i%2 == 1 {
				r.fields[f.Key] = "??"
			}
		}
		_, ps := build(s, r, ParseOptions{Received: sampleReceived, Standalone: true})
		want := len(s.Tables) // tables left empty
		for i, f := range s.Fields {
			textLike := f.Type == Text || f.Type == LongText || f.Type == Attachment
			if (i%2 == 0 && !f.Optional) || (i%2 == 1 && !textLike) {
				want++
			}
		}
		if len(ps) != want {
			t.Errorf("%s: %d problems, want %d:\n%v", s.Kind, len(ps), want, ps)
		}
		for _, p := range ps {
			if p.Label.TH == "" || p.Label.EN == "" || p.Wrong.TH == "" || p.Wrong.EN == "" ||
				p.Want.TH == "" || p.Want.EN == "" {
				t.Errorf("%s: incomplete problem %+v", s.Kind, p)
			}
		}
		if !errors.Is(ps, ErrInvalid) {
			t.Errorf("Problems is not ErrInvalid")
		}
		if txt := ps.Text(); !strings.Contains(txt, "problem(s) found") {
			t.Errorf("Text() = %q", txt)
		}
	}
}
