package forms

import (
	"fmt"
	"time"

	"sandboxbot/cases"
)

// A sample is a filled-in form for tests: what a person writes in each
// field, and the Value the parser must make of it.
type sample struct {
	kind        string
	fields      map[string]written
	tables      map[string][]map[string]written
	received    cases.Date
	attachments []string
}

// written is one value as written in a PDF (pdf) and in a workbook cell
// (cell: a string, a float64, a bool or a cellDate), with the expected Value.
type written struct {
	pdf  string
	cell any
	want Value
}

// cellDate is a real date cell (openpyxl writes it as an Excel serial).
type cellDate string

var sampleReceived = cases.NewDate(2025, time.June, 15)

// overrides are values the rules need: dates in order, experience long
// enough, IT staff within the staff.
var overrides = map[string]written{
	"registered_on": {"2 มกราคม 2558", cellDate("2015-01-02"),
		Value{Type: Date, Date: cases.NewDate(2015, 1, 2)}},
	"experience_since": {"15/06/2566", "15/06/2566",
		Value{Type: Date, Date: cases.NewDate(2023, 6, 15)}},
	"end_date": {"31 Dec 2025", cellDate("2025-12-31"),
		Value{Type: Date, Date: cases.NewDate(2025, 12, 31)}},
	"period_to": {"วันอังคารที่ 30 ก.ย. พ.ศ. 2568", "2025-09-30",
		Value{Type: Date, Date: cases.NewDate(2025, 9, 30)}},
	"staff_count":    {"๑๒", float64(12), Value{Type: Number, Num: 12}},
	"it_staff_count": {"4", "4 ", Value{Type: Number, Num: 4}},
}

// sampleFor builds a valid sample of a kind with tableRows rows per table.
func sampleFor(s *Schema, tableRows int) sample {
	sm := sample{kind: s.Kind, fields: map[string]written{},
		tables: map[string][]map[string]written{}, received: sampleReceived}
	for i, f := range s.Fields {
		w, ok := overrides[f.Key]
		if !ok {
			w = sampleValue(f, i)
		}
		sm.fields[f.Key] = w
		if f.Type == Attachment {
			sm.attachments = append(sm.attachments, w.want.Str)
		}
	}
	for _, t := range s.Tables {
		for r := range tableRows {
			row := map[string]written{}
			for j, c := range t.Columns {
				row[c.Key] = sampleValue(c, r+j)
			}
			sm.tables[t.Key] = append(sm.tables[t.Key], row)
		}
	}
	return sm
}

// sampleValue returns a valid value for f; i varies the spelling.
func sampleValue(f Field, i int) written {
	switch f.Type {
	case Text:
		s := fmt.Sprintf("ข้อความ %s ทดสอบ %d", f.Key, i)
		return written{s + "  ", s, Value{Type: Text, Str: s}}
	case LongText:
		s := fmt.Sprintf("บรรทัดแรกของ %s\nsecond line, ๒ บรรทัด", f.Key)
		return written{s, s, Value{Type: LongText, Str: s}}
	case Date:
		return written{"30/05/2568", cellDate("2025-05-30"),
			Value{Type: Date, Date: cases.NewDate(2025, 5, 30)}}
	case Number:
		return sampleNumber(f, i)
	case Enum:
		o := f.Options[i%len(f.Options)]
		return written{o.Display(), o.Display(), Value{Type: Enum, Str: o.Key}}
	case YesNo:
		return written{"true", true, Value{Type: YesNo, Bool: true}}
	case Email:
		return written{" somchai@example.co.th ", "Somchai <somchai@example.co.th>",
			Value{Type: Email, Str: "somchai@example.co.th"}}
	case Phone:
		return written{"02-123-4567", "+66 2 123 4567", Value{Type: Phone, Str: "021234567"}}
	case JuristicID:
		return written{"0-1055-56012-34-1", "0105556012341",
			Value{Type: JuristicID, Str: exampleJuristicID}}
	case CaseRef:
		return written{"DSS-2568-0001", "[DSS-2568-0001]",
			Value{Type: CaseRef, Ref: cases.Ref{Year: 2568, Seq: 1}}}
	case Attachment:
		name := "เอกสาร_" + f.Key + ".pdf"
		return written{name, name, Value{Type: Attachment, Str: name}}
	}
	panic("no sample for " + f.Type.String())
}

func sampleNumber(f Field, i int) written {
	switch {
	case f.Integer && f.Max <= 5:
		n := float64(1 + i%5)
		return written{fmt.Sprint(n), n, Value{Type: Number, Num: n}}
	case f.Integer:
		return written{"1,200", float64(1200), Value{Type: Number, Num: 1200}}
	}
	return written{"5,000,000.50", 5000000.5, Value{Type: Number, Num: 5000000.5}}
}

// options returns the ParseOptions of a sample arriving by email.
func (sm sample) options() ParseOptions {
	return ParseOptions{Received: sm.received, Attachments: sm.attachments}
}
