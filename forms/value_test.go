package forms

import (
	"strings"
	"testing"

	"sandboxbot/cases"
)

func TestParseDate(t *testing.T) {
	t.Parallel()
	may30 := cases.NewDate(2025, 5, 30)
	tests := []struct {
		in     string
		serial bool
		want   cases.Date
		ok     bool
	}{
		{"30/05/2568", false, may30, true},
		{"30/05/2025", false, may30, true},
		{"30-5-2568", false, may30, true},
		{"30.05.2025", false, may30, true},
		{"2025-05-30", false, may30, true},
		{"2568-05-30", false, may30, true},
		{"2025-05-30T00:00:00", false, may30, true},
		{"2025-05-30 00:00:00", false, may30, true},
		{"30/05/2025 00:00", false, may30, true},
		{"  ๓๐/๐๕/๒๕๖๘  ", false, may30, true},
		{"30 พฤษภาคม 2568", false, may30, true},
		{"30 พ.ค. 2568", false, may30, true},
		{"30 พค 2568", false, may30, true},
		{"30พฤษภาคม2568", false, may30, true},
		{"วันศุกร์ที่ 30 พฤษภาคม พ.ศ. 2568", false, may30, true},
		{"30 พฤษภาคม ค.ศ. 2025", false, may30, true},
		{"30 May 2025", false, may30, true},
		{"May 30, 2025", false, may30, true},
		{"Friday, 30th May 2025", false, may30, true},
		{"30 MAY 2568", false, may30, true},
		{"1 มี.ค. 2567", false, cases.NewDate(2024, 3, 1), true},
		{"29/02/2567", false, cases.NewDate(2024, 2, 29), true},
		{"45807", true, may30, true},
		{"45807.75", true, may30, true},
		{"61", true, cases.NewDate(1900, 3, 1), true},
		{"45807", false, cases.Date{}, false},
		{"29/02/2568", false, cases.Date{}, false},
		{"31/04/2025", false, cases.Date{}, false},
		{"30/05/68", false, cases.Date{}, false},
		{"13/13/2025", false, cases.Date{}, false},
		{"30 Foo 2025", false, cases.Date{}, false},
		{"30 พฤษภาคม", false, cases.Date{}, false},
		{"tomorrow", false, cases.Date{}, false},
		{"30/05/1500", false, cases.Date{}, false},
		{"60", true, cases.Date{}, false},
		{"200000", true, cases.Date{}, false}, // year 2447: would read back as BE
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in, tt.serial)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseDate(%q, %v) = %v, %v; want %v, ok %v",
				tt.in, tt.serial, got, err, tt.want, tt.ok)
		}
	}
}

func TestParseNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"1000", 1000, true},
		{"1,000,000", 1e6, true},
		{"1,000,000.50", 1000000.5, true},
		{"๑,๒๐๐", 1200, true},
		{" 12 ", 12, true},
		{"5,000,000 บาท", 5e6, true},
		{"฿ 5,000", 5000, true},
		{"THB 5000", 5000, true},
		{"1E+20", 1e20, true},
		{"1.5e-3", 0.0015, true},
		{"-3", -3, true},
		{".5", 0.5, true},
		{"1 000", 1000, true},
		{"1,00", 0, false},
		{"1.000.000", 0, false},
		{"12,5", 0, false},
		{"abc", 0, false},
		{"NaN", 0, false},
		{"Inf", 0, false},
		{"", 0, false},
		{"1e999", 0, false},
	}
	for _, tt := range tests {
		got, err := parseNumber(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseNumber(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestCheckNumber(t *testing.T) {
	t.Parallel()
	sc := score("s", "", "")
	tests := []struct {
		f    Field
		in   float64
		want float64
		ok   bool
	}{
		{sc, 3, 3, true},
		{sc, 2.9999999999999996, 3, true},
		{sc, 0, 0, false},
		{sc, 6, 0, false},
		{sc, 2.5, 0, false},
		{amount("a", "", ""), 12.5, 12.5, true},
		{amount("a", "", ""), -1, 0, false},
		{count("c", "", "", 0), 0, 0, true},
	}
	for _, tt := range tests {
		got, err := checkNumber(tt.f, tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("checkNumber(%s, %v) = %v, %v; want %v, ok %v",
				tt.f.Key, tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestParseYesNo(t *testing.T) {
	t.Parallel()
	yes := []string{"TRUE", "true", "1", "✓", "✔", "☑", "x", "X", "ใช่", "yes", "Yes",
		"Y", "on", " ใช่ ", "ใช่ / yes", "ใช่ (yes)", "จริง", "๑"}
	no := []string{"FALSE", "0", "no", "No", "ไม่ใช่", "ไม่", "Off", "✗", "ไม่ใช่ / no", "เท็จ"}
	bad := []string{"", "maybe", "ใช่ / no", "2", "yes please"}
	for _, s := range yes {
		if v, err := parseYesNo(s); err != nil || !v {
			t.Errorf("parseYesNo(%q) = %v, %v; want yes", s, v, err)
		}
	}
	for _, s := range no {
		if v, err := parseYesNo(s); err != nil || v {
			t.Errorf("parseYesNo(%q) = %v, %v; want no", s, v, err)
		}
	}
	for _, s := range bad {
		if v, err := parseYesNo(s); err == nil {
			t.Errorf("parseYesNo(%q) = %v; want an error", s, v)
		}
	}
}

func TestParseJuristicID(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in       string
		lostZero bool
		want     string
	}{
		{"0105556012341", false, "0105556012341"},
		{"0-1055-56012-34-1", false, "0105556012341"},
		{"0 1055 56012 34 1", false, "0105556012341"},
		{"๐๑๐๕๕๕๖๐๑๒๓๔๑", false, "0105556012341"},
		{" 0105556012341 ", false, "0105556012341"},
		{"105556012341", true, "0105556012341"},
		{"105556012341", false, ""},
		{"0105556012342", false, ""}, // wrong check digit
		{"010555601234", false, ""},  // 12 digits
		{"01055560123411", false, ""},
		{"0105556O12341", false, ""},
		{"1.05556E+11", true, ""},
	}
	for _, tt := range tests {
		got, err := parseJuristicID(tt.in, tt.lostZero)
		if got != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("parseJuristicID(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParsePhone(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in       string
		lostZero bool
		want     string
	}{
		{"02-123-4567", false, "021234567"},
		{"(02) 123 4567", false, "021234567"},
		{"081-234-5678", false, "0812345678"},
		{"+66 81 234 5678", false, "0812345678"},
		{"+66 (0)2 123 4567", false, "021234567"},
		{"๐๘๑๒๓๔๕๖๗๘", false, "0812345678"},
		{"02-123-4567 ต่อ 12", false, "021234567 ext. 12"},
		{"02 123 4567 ext. 12", false, "021234567 ext. 12"},
		{"812345678", true, "0812345678"},
		{"812345678", false, ""},
		{"1234", false, ""},
		{"call me", false, ""},
		{"02-123-4567 ต่อ abc", false, ""},
	}
	for _, tt := range tests {
		got, err := parsePhone(tt.in, tt.lostZero)
		if got != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("parsePhone(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseEmail(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"somchai@example.co.th", "somchai@example.co.th"},
		{" somchai@example.co.th ", "somchai@example.co.th"},
		{"Somchai <somchai@example.co.th>", "somchai@example.co.th"},
		{"mailto:somchai@example.co.th", "somchai@example.co.th"},
		{"สมชาย <somchai@example.co.th>", "somchai@example.co.th"},
		{"somchai@localhost", ""},
		{"somchai", ""},
		{"a@b.", ""},
		{"a@b.co, c@d.co", ""},
	}
	for _, tt := range tests {
		got, err := parseEmail(tt.in)
		if got != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("parseEmail(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseCaseRef(t *testing.T) {
	t.Parallel()
	ref := cases.Ref{Year: 2563, Seq: 1}
	tests := []struct {
		in   string
		want cases.Ref
	}{
		{"DSS-2563-0001", ref},
		{"dss-2563-0001", ref},
		{"[DSS-2563-0001]", ref},
		{" DSS – 2563 – 0001 ", ref},
		{"DSS-๒๕๖๓-๐๐๐๑", ref},
		{"DSS-2563-1", cases.Ref{}},
		{"2563-0001", cases.Ref{}},
		{"Re: [DSS-2563-0001]", cases.Ref{}},
	}
	for _, tt := range tests {
		got, err := parseCaseRef(tt.in)
		if got != tt.want || (err == nil) != !tt.want.IsZero() {
			t.Errorf("parseCaseRef(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestReadEnum(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"company_limited", "company_limited"},
		{"company_limited (บริษัทจำกัด)", "company_limited"},
		{"Company Limited", "company_limited"},
		{"บริษัทจำกัด", "company_limited"},
		{"Limited company", "company_limited"},
		{" public-company ", "public_company"},
		{"other (something else)", "other"},
		{"company", ""},
		{"บริษัท", ""},
	}
	for _, tt := range tests {
		got, err := readEnum(orgTypes, tt.in)
		if got != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("readEnum(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"E-Document", "e_document", "เอกสารอิเล็กทรอนิกส์", "Digital ID"} {
		if _, err := readEnum(categories, in); err != nil {
			t.Errorf("readEnum(categories, %q): %v", in, err)
		}
	}
}

func TestReadTextAndAttachment(t *testing.T) {
	t.Parallel()
	tests := []struct {
		f        Field
		in, want string
		ok       bool
	}{
		{text("k", "", ""), "  บริษัท ทดสอบ จำกัด\u00a0 ", "บริษัท ทดสอบ จำกัด", true},
		{text("k", "", ""), "two\r\nlines", "two lines", true},
		{longText("k", "", ""), "two\r\nlines\t", "two\nlines", true},
		{text("k", "", ""), strings.Repeat("ก", 301), "", false},
		{attachment("k", "", ""), `C:\Users\me\หนังสือรับรอง.pdf`, "หนังสือรับรอง.pdf", true},
		{attachment("k", "", ""), "docs/cert.pdf ", "cert.pdf", true},
		{attachment("k", "", ""), "/", "", false},
	}
	for _, tt := range tests {
		v, err := readValue(tt.f, tt.in, fromPDF)
		if v.Str != tt.want || (err == nil) != tt.ok {
			t.Errorf("readValue(%s, %q) = %q, %v; want %q", tt.f.Type, tt.in, v.Str, err, tt.want)
		}
	}
}

func TestJuristicCheckDigitExample(t *testing.T) {
	t.Parallel()
	if _, err := parseJuristicID(exampleJuristicID, false); err != nil {
		t.Fatalf("the example in messages is not valid: %v", err)
	}
}
