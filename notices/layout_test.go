package notices

import (
	"testing"
)

// TestDistributedGaps checks Thai distributed justification: a full line
// is spread to the margin, the last line is not, and a line that would
// need its spaces opened wider than maxSpaceGap (a long number pushed to
// the next line) is set flush left.
func TestDistributedGaps(t *testing.T) {
	t.Parallel()
	fonts, err := Sarabun()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		text   string
		width  float64 // of the line, points
		spread bool    // the first line reaches the margin
	}{
		{"ordinary Thai", "สำนักงานได้พิจารณาคำขอและเอกสารประกอบตามขั้นตอนที่สองของแนวทางแล้ว " +
			"เห็นชอบให้ท่านเข้าร่วมทดสอบ", Cm(16), true},
		{"number pushed over", "บริษัท ตัวอย่าง ดิจิทัล จำกัด ทะเบียนเลขที่ " +
			"0105556123453010555612345301055561234530105556123453", Cm(16), false},
	}
	for _, tt := range tests {
		s, err := shapeParagraph(fonts, Plain(tt.text), 16)
		if err != nil {
			t.Fatal(err)
		}
		ls := breakLines(s, DefaultDictionary(), tt.width, 0)
		if len(ls) < 2 {
			t.Fatalf("%s: %d lines, want at least 2", tt.name, len(ls))
		}
		_, extra := ls[0].gaps(s, tt.width, AlignThaiDistributed)
		set := ls[0].width
		for _, e := range extra {
			set += e
		}
		if full := set > tt.width-0.01; full != tt.spread {
			t.Errorf("%s: first line set %.1f of %.1f pt, spread=%v, want %v", tt.name, set,
				tt.width, full, tt.spread)
		}
		if _, extra := ls[len(ls)-1].gaps(s, tt.width, AlignThaiDistributed); extra != nil {
			t.Errorf("%s: last line spread", tt.name)
		}
	}
}
