package notices

import (
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/language"
)

// Glyph is one shaped glyph. Lengths are in font units of the face that
// shaped it; Cluster is the index (in runes, in the text given to
// [Face.Shape]) of the first character of the cluster the glyph belongs to.
type Glyph struct {
	ID       uint16
	Cluster  int
	XAdvance int32
	XOffset  int32
	YOffset  int32
}

// Script is the writing system a run is shaped as.
type Script int

// Scripts the shaper distinguishes. Common characters (spaces, digits,
// punctuation) take the script of the run they sit in.
const (
	ScriptLatin Script = iota
	ScriptThai
)

func (s Script) harfbuzz() language.Script {
	if s == ScriptThai {
		return language.Thai
	}
	return language.Latin
}

// String returns the ISO 15924 code of the script.
func (s Script) String() string {
	if s == ScriptThai {
		return "Thai"
	}
	return "Latn"
}

// ScriptRun is a maximal range [Start, End) of runes of one script.
type ScriptRun struct {
	Start, End int
	Script     Script
}

// scriptOf classifies a rune as Thai, Latin or common (ok false). Every
// letter outside Thai is shaped as Latin: the letters only carry Thai and
// English, and Sarabun covers no other script.
func scriptOf(r rune) (s Script, ok bool) {
	switch language.LookupScript(r) {
	case language.Thai:
		return ScriptThai, true
	case language.Common, language.Inherited, language.Unknown:
		return 0, false
	}
	return ScriptLatin, true
}

// SplitScripts cuts text into script runs the way HarfBuzz's script
// itemisation does for two scripts: common characters join the run before
// them, and those at the start join the first strong run. Text with no
// strong character is one Latin run. Empty text gives no runs.
func SplitScripts(text []rune) []ScriptRun {
	if len(text) == 0 {
		return nil
	}
	first := ScriptLatin
	for _, r := range text {
		if s, ok := scriptOf(r); ok {
			first = s
			break
		}
	}
	runs := []ScriptRun{{Start: 0, Script: first}}
	for i, r := range text {
		s, ok := scriptOf(r)
		if !ok || s == runs[len(runs)-1].Script {
			continue
		}
		runs[len(runs)-1].End = i
		runs = append(runs, ScriptRun{Start: i, Script: s})
	}
	runs[len(runs)-1].End = len(text)
	return runs
}

// thai is the language every run is shaped in; Sarabun has no language
// specific lookups, and hb-shape is run with --language=th to match.
var thai = language.NewLanguage("th")

// ShapeRun shapes text[start:end] as one run of the given script, left to
// right, at units-per-em, without the surrounding text as context (neither
// Thai nor Latin shaping looks at it). It returns the glyphs in visual order
// with clusters indexed into text. It is the exact equivalent of
// `hb-shape --script=S --language=th --direction=ltr` on that run.
func (f *Face) ShapeRun(text []rune, start, end int, s Script) []Glyph {
	f.mu.Lock()
	defer f.mu.Unlock()

	b := f.bu
	b.Clear()
	b.AddRunes(text[start:end], 0, end-start)
	b.Props.Direction = di.DirectionLTR.Harfbuzz()
	b.Props.Script = s.harfbuzz()
	b.Props.Language = thai
	b.Shape(f.hb, nil)

	out := make([]Glyph, len(b.Info))
	for i, info := range b.Info {
		p := b.Pos[i]
		out[i] = Glyph{
			ID:       uint16(info.Glyph),
			Cluster:  start + info.Cluster,
			XAdvance: int32(p.XAdvance),
			XOffset:  int32(p.XOffset),
			YOffset:  int32(p.YOffset),
		}
	}
	return out
}

// Shape shapes a whole text: it splits it with [SplitScripts] and shapes
// each run with [Face.ShapeRun], concatenating the glyphs. Clusters index
// runes of text and never decrease.
func (f *Face) Shape(text []rune) []Glyph {
	var out []Glyph
	for _, r := range SplitScripts(text) {
		out = append(out, f.ShapeRun(text, r.Start, r.End, r.Script)...)
	}
	return out
}
