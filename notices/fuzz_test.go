package notices

import (
	"strings"
	"testing"
)

// FuzzBreaks checks that break opportunities are in range, sorted, and
// never split a character cluster, whatever the text.
func FuzzBreaks(f *testing.F) {
	for _, s := range []string{"สวัสดีชาวโลก", "เรียน กรรมการ", "ใหม่ ๆ ได้", "a เ", "ฯฯ"} {
		f.Add(s)
	}
	d := DefaultDictionary()
	f.Fuzz(func(t *testing.T, s string) {
		text := []rune(s)
		prev := 0
		for _, b := range d.Breaks(text) {
			if b <= prev || b >= len(text) || !clusterBoundary(text, b) {
				t.Fatalf("%q: bad break %d after %d", s, b, prev)
			}
			prev = b
		}
	})
}

// FuzzLoadDictionary checks that any word list loads or fails cleanly,
// and that every word it keeps is found again.
func FuzzLoadDictionary(f *testing.F) {
	f.Add("ก\nกา\n# x\n\nabc\n")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := LoadDictionary(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, w := range strings.Split(s, "\n") {
			w = strings.TrimSpace(w)
			if w != "" && !strings.HasPrefix(w, "#") && allThai(w) && !d.Contains(w) {
				t.Fatalf("word %q lost", w)
			}
		}
	})
}

// FuzzSplitScripts checks that script runs tile the text.
func FuzzSplitScripts(f *testing.F) {
	f.Add("ETDA สพธอ. (ก) a-b")
	f.Fuzz(func(t *testing.T, s string) {
		text := []rune(s)
		end := 0
		for _, r := range SplitScripts(text) {
			if r.Start != end || r.End <= r.Start {
				t.Fatalf("%q: run %+v after %d", s, r, end)
			}
			end = r.End
		}
		if end != len(text) {
			t.Fatalf("%q: runs end at %d of %d", s, end, len(text))
		}
	})
}

// FuzzPostScriptName checks that any 'name' table parses or fails cleanly.
func FuzzPostScriptName(f *testing.F) {
	f.Add([]byte{0, 0, 0, 1, 0, 18, 0, 3, 0, 1, 4, 9, 0, 6, 0, 4, 0, 0, 0, 'A', 0, 'B'})
	f.Fuzz(func(t *testing.T, b []byte) {
		name, err := postScriptName(b)
		if err == nil && name == "" {
			t.Fatal("empty name without error")
		}
	})
}
