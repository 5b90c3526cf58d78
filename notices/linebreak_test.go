package notices

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sandboxbot/internal/testtool"
)

func TestBreaks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want string // the text with '|' at each break
	}{
		{"", ""},
		{"สวัสดีชาวโลก", "สวัสดี|ชาว|โลก"},
		{"เรียน กรรมการ", "เรียน |กรรมการ"},
		{"ภายใน30วัน", "ภายใน|30|วัน"},
		{"(สพธอ.) ETDA", "(สพธอ.) |ETDA"},
		{"น้ำหนักมาก", "น้ำ|หนัก|มาก"},
		{"ประกาศฯ กำหนด", "ประกาศฯ |กำหนด"},
		{"ยื่นคำขอ", "ยื่น|คำขอ"},
		{"ใหม่ ๆ ได้", "ใหม่ ๆ |ได้"},
		{"ไปเที่ยวเมืองไทย", "ไป|เที่ยว|เมือง|ไทย"},
		{"ต่างๆ", "ต่างๆ"},
		{"e-Document -1 co-op", "e-Document |-1 |co-op"},
	}
	for _, tt := range tests {
		text := []rune(tt.text)
		if got := markBreaks(text, DefaultDictionary().Breaks(text)); got != tt.want {
			t.Errorf("Breaks(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func markBreaks(text []rune, breaks []int) string {
	var b strings.Builder
	prev := 0
	for _, x := range breaks {
		b.WriteString(string(text[prev:x]) + "|")
		prev = x
	}
	b.WriteString(string(text[prev:]))
	return b.String()
}

// TestBreaksKeepClusters checks on every line of both corpora that no break
// falls inside a character cluster or after a leading vowel.
func TestBreaksKeepClusters(t *testing.T) {
	t.Parallel()
	lines := append(readCorpus(t, "prose-corpus.txt"), readCorpus(t, "shaping-corpus.txt")...)
	for _, line := range lines {
		text := []rune(line)
		for _, b := range DefaultDictionary().Breaks(text) {
			if b <= 0 || b >= len(text) || !clusterBoundary(text, b) {
				t.Errorf("%q: break at %d splits a cluster", line, b)
			}
		}
	}
}

// icuOracle is Node's Intl.Segmenter('th', {granularity: 'word'}) output
// for prose-corpus.txt: one line per corpus line, segments joined by '|'.
const icuOracle = "testdata/icu-words.txt"

const icuScript = `
const fs = require('fs');
const seg = new Intl.Segmenter('th', {granularity: 'word'});
const lines = fs.readFileSync(process.argv[2], 'utf8').replace(/\n$/, '').split('\n');
const out = lines.map(l => Array.from(seg.segment(l), s => s.segment).join('|'));
process.stdout.write(out.join('\n') + '\n');
`

// regenerateICUOracle runs Node over the prose corpus and rewrites the
// stored oracle when ICU's answer changed. It fails when node is missing.
func regenerateICUOracle(t *testing.T) {
	t.Helper()
	node := testtool.Need(t, "node", "nodejs")
	script := filepath.Join(t.TempDir(), "segment.js")
	if err := os.WriteFile(script, []byte(icuScript), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, script, filepath.Join("testdata", "prose-corpus.txt")).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	old, _ := os.ReadFile(icuOracle)
	if !bytes.Equal(old, out) {
		t.Logf("ICU segmentation changed: rewriting %s", icuOracle)
		if err := os.WriteFile(icuOracle, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// thaiInner keeps the boundaries that fall between two Thai letters: the
// only ones the dictionary decides.
func thaiInner(text []rune, bs []int) map[int]bool {
	m := map[int]bool{}
	for _, b := range bs {
		if b > 0 && b < len(text) && isThaiLetter(text[b-1]) && isThaiLetter(text[b]) {
			m[b] = true
		}
	}
	return m
}

// TestBreaksAgreeWithICU compares the word boundaries inside Thai text with
// ICU's on the prose corpus. Agreement is the number of boundaries both
// find over the number either finds; it must be at least 98%.
func TestBreaksAgreeWithICU(t *testing.T) {
	t.Parallel()
	regenerateICUOracle(t)
	lines := readCorpus(t, "prose-corpus.txt")
	oracle := readCorpus(t, filepath.Base(icuOracle))
	if len(oracle) != len(lines) {
		t.Fatalf("%s has %d lines for %d corpus lines", icuOracle, len(oracle), len(lines))
	}
	both, either := 0, 0
	var diffs []string
	for i, line := range lines {
		text := []rune(line)
		var icu []int
		pos := 0
		segs := strings.Split(oracle[i], "|")
		for _, s := range segs[:len(segs)-1] {
			pos += len([]rune(s))
			icu = append(icu, pos)
		}
		if strings.Join(segs, "") != line {
			t.Fatalf("oracle line %d does not spell the corpus line", i+1)
		}
		want := thaiInner(text, icu)
		got := thaiInner(text, DefaultDictionary().Breaks(text))
		for b := range got {
			if want[b] {
				both++
			}
		}
		either += len(got) + len(want)
		if fmt.Sprint(got) != fmt.Sprint(want) && len(diffs) < 15 {
			diffs = append(diffs, fmt.Sprintf("ours %s\n icu %s",
				markBreaks(text, keys(got)), markBreaks(text, keys(want))))
		}
	}
	either -= both
	pct := 100 * float64(both) / float64(either)
	t.Logf("ICU agreement: %d of %d boundaries (%.2f%%)", both, either, pct)
	if pct < 98 {
		t.Errorf("agreement with ICU %.2f%%, want at least 98%%; first differences:\n%s",
			pct, strings.Join(diffs, "\n"))
	}
}

func keys(m map[int]bool) []int {
	var out []int
	for k := range m {
		out = append(out, k)
	}
	return sortedUnique(out)
}

// TestLineBreaksOutsideWords fills the prose corpus into lines of several
// widths and checks that every line break falls on a word boundary of the
// dictionary's segmentation, never inside a word it matched; it logs how
// many also are ICU word boundaries.
func TestLineBreaksOutsideWords(t *testing.T) {
	t.Parallel()
	fonts, err := Sarabun()
	if err != nil {
		t.Fatal(err)
	}
	d := DefaultDictionary()
	lines := readCorpus(t, "prose-corpus.txt")
	oracle := readCorpus(t, filepath.Base(icuOracle))
	breaks, atICU := 0, 0
	for i, line := range lines {
		s, err := shapeParagraph(fonts, Plain(line), 16)
		if err != nil {
			t.Fatal(err)
		}
		allowed := map[int]bool{}
		for _, b := range d.Breaks(s.text) {
			allowed[b] = true
		}
		icu, pos := map[int]bool{}, 0
		for _, seg := range strings.Split(oracle[i], "|") {
			pos += len([]rune(seg))
			icu[pos] = true
		}
		for _, width := range []float64{150, 250, 340, 450} {
			ls := breakLines(s, d, width, 0)
			for _, l := range ls[1:] {
				at := s.clusters[l.c0].start
				breaks++
				if icu[at] {
					atICU++
				}
				if !allowed[at] {
					t.Errorf("%q at %.0f pt: line breaks inside a word before %q",
						line, width, string(s.text[at:min(at+8, len(s.text))]))
				}
			}
		}
	}
	t.Logf("%d line breaks, %d on ICU word boundaries", breaks, atICU)
}
