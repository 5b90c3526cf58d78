package notices

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestParseRecord(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		field    string
		want     string
		rows     int
	}{
		{"forms shape", `{"kind":"test_plan","fields":{"users_limit":5000},` +
			`"tables":{"kpis":[{"kpi":"a"},{"kpi":"b"}]}}`, "users_limit", "5000", 2},
		{"flat", `{"users_limit":"5000","kpis":[{"kpi":"a"}]}`, "users_limit", "5000", 1},
		{"fraction", `{"fields":{"x":99.5}}`, "x", "99.5", 0},
		{"big", `{"fields":{"x":100000000}}`, "x", "100000000", 0},
		{"bool", `{"fields":{"x":true}}`, "x", "true", 0},
		{"null", `{"fields":{"x":null}}`, "x", "", 0},
		{"not json", `{"fields":`, "x", "", 0},
		{"not an object", `[1,2]`, "x", "", 0},
		{"empty", ``, "x", "", 0},
	}
	for _, tt := range tests {
		r := parseRecord(json.RawMessage(tt.in))
		if got := text(r.fields[tt.field]); got != tt.want {
			t.Errorf("%s: field = %q, want %q", tt.name, got, tt.want)
		}
		if got := len(r.tables["kpis"]); got != tt.rows {
			t.Errorf("%s: %d rows, want %d", tt.name, got, tt.rows)
		}
	}
}

func TestGrouped(t *testing.T) {
	t.Parallel()
	tests := map[string]string{"": "", "0": "0", "999": "999", "1000": "1,000",
		"100000": "100,000", "1234567": "1,234,567", "99.5": "99.5", "-5": "-5", "abc": "abc"}
	for in, want := range tests {
		if got := grouped(in); got != want {
			t.Errorf("grouped(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLines(t *testing.T) {
	t.Parallel()
	if got := lines(" a \n\n b\r\n"); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("lines = %q", got)
	}
}

// FuzzParseRecord checks that any stored form reads without failing and
// that every field reads as text.
func FuzzParseRecord(f *testing.F) {
	f.Add(`{"kind":"test_plan","fields":{"a":1,"b":"x"},"tables":{"t":[{"k":2}]}}`)
	f.Add(`{"a":[{"b":null}],"c":{"d":1}}`)
	f.Fuzz(func(t *testing.T, s string) {
		r := parseRecord(json.RawMessage(s))
		for _, v := range r.fields {
			_ = text(v)
		}
		for _, rows := range r.tables {
			for _, row := range rows {
				for _, v := range row {
					_ = flat(text(v))
				}
			}
		}
	})
}
