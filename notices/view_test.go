package notices

import (
	"slices"
	"testing"

	"sandboxbot/cases"
)

func TestViewWriting(t *testing.T) {
	t.Parallel()
	n := Sample(cases.NoticeApproval, "th")
	th := newView(n, Thai, RenderOptions{ThaiDigits: true}, true)
	mail := newView(n, Thai, RenderOptions{ThaiDigits: true}, false)
	en := newView(n, English, RenderOptions{ThaiDigits: true}, true)
	d := cases.NewDate(2026, 4, 16)
	tests := []struct{ name, got, want string }{
		{"Thai PDF number", th.N(15), "๑๕"},
		{"Thai mail number", mail.N(15), "15"},
		{"English number", en.N(15), "15"},
		{"Thai PDF date", th.Date(d), "๑๖ เมษายน ๒๕๖๙"},
		{"Thai mail date", mail.Date(d), "16 เมษายน 2569"},
		{"English date", en.Date(d), "16 April 2026"},
		{"zero date", th.Date(cases.Date{}), ""},
		{"amount", th.Amount("test_plan", "transactions_limit"), "๑๐๐,๐๐๐"},
		{"field date", en.FieldDate("test_plan", "start_date"), "1 May 2026"},
		{"missing field", th.Field("test_plan", "no_such_key"), ""},
		{"missing form", th.Field("no_such_form", "x"), ""},
		{"round", th.Round, "๒"},
		{"tag", th.Tag, "[DSS-2569-0007]"},
		{"English org", en.Org, "Example Digital Co., Ltd."},
		{"Thai org", th.Org, "บริษัท ตัวอย่าง ดิจิทัล จำกัด"},
		{"grace", en.Grace(), "15"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	if got := th.Items(" ก \n\n ข"); !slices.Equal(got, []string{"(๑) ก", "(๒) ข"}) {
		t.Errorf("Items = %q", got)
	}
}

// TestViewOpen checks which window a letter quotes: one the transition
// opened, else one the case has open; never one whose day is not known.
func TestViewOpen(t *testing.T) {
	t.Parallel()
	n := Sample(cases.NoticeRoundChangeGrant, "en")
	agreementDue := n.Case.Windows[0].Due
	n.Case.Windows = append(n.Case.Windows, cases.Window{Kind: cases.WindowAppeal,
		Pending: true, Days: 15})
	n.Windows = []cases.Window{{Kind: cases.WindowRoundChange, Start: cases.DateOf(n.At),
		Due: cases.DateOf(n.At).AddDays(5)}}
	v := newView(n, English, RenderOptions{}, false)
	if w := v.Open("round_change"); w == nil || w.Due != "4 April 2026" || w.Left != 5 {
		t.Errorf("opened window: %+v", w)
	}
	if w := v.Open("agreement"); w == nil || w.Due != v.Date(agreementDue) {
		t.Errorf("case's window: %+v", w)
	}
	if w := v.Open("appeal"); w != nil {
		t.Errorf("pending window quoted: %+v", w)
	}
	if w := v.Open("fixes"); w != nil {
		t.Errorf("absent window quoted: %+v", w)
	}
	if v.Today != "30 March 2026" || v.Opened != "12 January 2026" {
		t.Errorf("Today %q, Opened %q", v.Today, v.Opened)
	}
}
