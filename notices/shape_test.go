package notices

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sandboxbot/internal/testtool"
	"sandboxbot/templates"
)

func TestSplitScripts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []ScriptRun
	}{
		{"", nil},
		{"123", []ScriptRun{{0, 3, ScriptLatin}}},
		{"น้ำ", []ScriptRun{{0, 3, ScriptThai}}},
		{" ๑ ก", []ScriptRun{{0, 4, ScriptThai}}},
		{"ETDA สพธอ.", []ScriptRun{{0, 5, ScriptLatin}, {5, 10, ScriptThai}}},
		{"(ก) a-b ข", []ScriptRun{{0, 4, ScriptThai}, {4, 8, ScriptLatin},
			{8, 9, ScriptThai}}},
	}
	for _, tt := range tests {
		got := SplitScripts([]rune(tt.text))
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("SplitScripts(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// hbGlyph is one glyph of hb-shape's JSON output; cl is a character
// (not byte) index into the shaped run, hb-shape's default.
type hbGlyph struct {
	G  uint16 `json:"g"`
	Cl int    `json:"cl"`
	Dx int32  `json:"dx"`
	Dy int32  `json:"dy"`
	Ax int32  `json:"ax"`
	Ay int32  `json:"ay"`
}

// shapingOracle is the path of hb-shape's stored output for one face: one
// line per corpus line, each run as "Script<TAB>json", runs separated by
// " || ".
func shapingOracle(style templates.FontStyle) string {
	return filepath.Join("testdata", "hb-shape-Sarabun-"+style.String()+".txt")
}

func readCorpus(t testing.TB, name string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
}

// TestShapeMatchesHarfBuzz shapes every line of the corpus, run by run, and
// compares glyph IDs, clusters, advances and offsets with hb-shape's.
func TestShapeMatchesHarfBuzz(t *testing.T) {
	t.Parallel()
	lines := readCorpus(t, "shaping-corpus.txt")
	if len(lines) < 1000 {
		t.Fatalf("corpus has %d lines, want at least 1000", len(lines))
	}
	fonts, err := Sarabun()
	if err != nil {
		t.Fatal(err)
	}
	for _, style := range []templates.FontStyle{templates.Regular, templates.Bold} {
		regenerateShapingOracle(t, lines, style)
		oracle := readCorpus(t, filepath.Base(shapingOracle(style)))
		if len(oracle) != len(lines) {
			t.Fatalf("%s: %d lines for %d corpus lines", shapingOracle(style),
				len(oracle), len(lines))
		}
		face := fonts.Face(style == templates.Bold)
		glyphs, bad := 0, 0
		for i, line := range lines {
			n, err := compareLine(face, []rune(line), oracle[i])
			glyphs += n
			if err != nil {
				bad++
				if bad <= 10 {
					t.Errorf("%s line %d %q: %v", style, i+1, line, err)
				}
			}
		}
		t.Logf("%s: %d lines, %d glyphs, %d lines differ from hb-shape",
			style, len(lines), glyphs, bad)
	}
}

// compareLine shapes one corpus line and checks it against its oracle
// line; it returns the number of glyphs compared.
func compareLine(face *Face, text []rune, oracle string) (int, error) {
	runs := SplitScripts(text)
	parts := strings.Split(oracle, " || ")
	if len(parts) != len(runs) {
		return 0, fmt.Errorf("%d runs, oracle has %d", len(runs), len(parts))
	}
	n := 0
	for k, r := range runs {
		script, js, _ := strings.Cut(parts[k], "\t")
		if script != r.Script.String() {
			return n, fmt.Errorf("run %d: script %s, oracle %s", k, r.Script, script)
		}
		var want []hbGlyph
		if err := json.Unmarshal([]byte(js), &want); err != nil {
			return n, fmt.Errorf("run %d: oracle: %w", k, err)
		}
		got := face.ShapeRun(text, r.Start, r.End, r.Script)
		if len(got) != len(want) {
			return n, fmt.Errorf("run %d: %d glyphs, hb-shape %d", k, len(got), len(want))
		}
		for j, g := range got {
			w := want[j]
			cl := r.Start + w.Cl
			if g.ID != w.G || g.Cluster != cl || g.XAdvance != w.Ax ||
				g.XOffset != w.Dx || g.YOffset != w.Dy || w.Ay != 0 {
				return n, fmt.Errorf("run %d glyph %d: got %+v, hb-shape %+v", k, j, g, w)
			}
			n++
		}
	}
	return n, nil
}

// regenerateShapingOracle runs hb-shape over every script run of the corpus
// and rewrites the stored oracle when its output changed. It fails when
// hb-shape is missing.
func regenerateShapingOracle(t *testing.T, lines []string, style templates.FontStyle) {
	t.Helper()
	hb := testtool.Need(t, "hb-shape", "libharfbuzz-bin")
	dir := t.TempDir()
	fontPath := filepath.Join(dir, "font.ttf")
	if err := os.WriteFile(fontPath, templates.Sarabun(style), 0o600); err != nil {
		t.Fatal(err)
	}

	// Batch the runs by script: hb-shape shapes each line of a text file.
	type ref struct{ line, run int }
	batches := map[Script][]string{}
	refs := map[Script][]ref{}
	out := make([][]string, len(lines))
	for i, line := range lines {
		runs := SplitScripts([]rune(line))
		out[i] = make([]string, len(runs))
		for k, r := range runs {
			batches[r.Script] = append(batches[r.Script], string([]rune(line)[r.Start:r.End]))
			refs[r.Script] = append(refs[r.Script], ref{i, k})
		}
	}
	for script, texts := range batches {
		in := filepath.Join(dir, script.String()+".txt")
		if err := os.WriteFile(in, []byte(strings.Join(texts, "\n")+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(hb, "--text-file="+in, "--script="+strings.ToLower(script.String()),
			"--language=th", "--direction=ltr", "--no-glyph-names",
			"--output-format=json", fontPath)
		res, err := cmd.Output()
		if err != nil {
			t.Fatalf("hb-shape: %v", err)
		}
		got := strings.Split(strings.TrimRight(string(res), "\n"), "\n")
		if len(got) != len(texts) {
			t.Fatalf("hb-shape gave %d lines for %d runs", len(got), len(texts))
		}
		for j, r := range refs[script] {
			out[r.line][r.run] = script.String() + "\t" + got[j]
		}
	}

	var buf bytes.Buffer
	for _, runs := range out {
		buf.WriteString(strings.Join(runs, " || ") + "\n")
	}
	old, _ := os.ReadFile(shapingOracle(style))
	if !bytes.Equal(old, buf.Bytes()) {
		t.Logf("hb-shape output for %s changed: rewriting %s", style, shapingOracle(style))
		if err := os.WriteFile(shapingOracle(style), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
