package notices

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/harfbuzz"

	"sandboxbot/templates"
)

// Face is one parsed TrueType font, ready for shaping and embedding. All its
// measures are in font units (see UnitsPerEm). A Face is safe for concurrent
// use: shaping is serialised by an internal lock.
type Face struct {
	// Name is the font's PostScript name (name ID 6), e.g.
	// "Sarabun-Regular"; the PDF and pdfcpu's font directory use it.
	Name string

	data []byte
	face *font.Face

	mu sync.Mutex // guards hb, bu and face, which hold caches
	hb *harfbuzz.Font
	bu *harfbuzz.Buffer

	upem      int
	ascender  int
	descender int // negative, below the baseline
	capHeight int
	bbox      [4]int // xMin, yMin, xMax, yMax
}

// ParseFace parses a TrueType font file (glyf outlines, with a PostScript
// name). The data is kept, not copied: the caller must not modify it
// afterwards.
func ParseFace(data []byte) (*Face, error) {
	ld, err := ot.NewLoader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("notices: parsing font: %w", err)
	}
	raw, err := ld.RawTable(ot.MustNewTag("name"))
	if err != nil {
		return nil, fmt.Errorf("notices: parsing font: %w", err)
	}
	name, err := postScriptName(raw)
	if err != nil {
		return nil, fmt.Errorf("notices: parsing font: %w", err)
	}
	ft, err := font.NewFont(ld)
	if err != nil {
		return nil, fmt.Errorf("notices: parsing font %s: %w", name, err)
	}
	head, _, err := font.LoadHeadTable(ld, nil)
	if err != nil {
		return nil, fmt.Errorf("notices: parsing font %s: %w", name, err)
	}
	f := &Face{Name: name, data: data, face: font.NewFace(ft)}
	f.hb = harfbuzz.NewFont(f.face)
	f.bu = harfbuzz.NewBuffer()
	f.upem = int(ft.Upem())
	ext, _ := f.face.FontHExtents()
	f.ascender, f.descender = int(ext.Ascender), int(ext.Descender)
	f.capHeight = int(f.face.LineMetric(font.CapHeight))
	f.bbox = [4]int{int(head.XMin), int(head.YMin), int(head.XMax), int(head.YMax)}
	return f, nil
}

// UnitsPerEm returns the size of the font's em square in font units; a
// length L in font units is L/UnitsPerEm × size points at a size in points.
func (f *Face) UnitsPerEm() int { return f.upem }

// Ascender returns the typographic ascender in font units (positive).
func (f *Face) Ascender() int { return f.ascender }

// Descender returns the typographic descender in font units (negative).
func (f *Face) Descender() int { return f.descender }

// Advance returns the horizontal advance of a glyph as the font's hmtx
// table gives it, in font units, before any positioning by GPOS.
func (f *Face) Advance(gid uint16) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return int(f.face.HorizontalAdvance(font.GID(gid)))
}

// GlyphFor returns the nominal glyph of a character, or false when the font
// has none.
func (f *Face) GlyphFor(r rune) (uint16, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	g, ok := f.face.NominalGlyph(r)
	return uint16(g), ok
}

// Fonts is the pair of faces a document is set in.
type Fonts struct {
	Regular *Face
	Bold    *Face
}

// Face returns the face for a style; a nil Bold falls back to Regular.
func (fs Fonts) Face(bold bool) *Face {
	if bold && fs.Bold != nil {
		return fs.Bold
	}
	return fs.Regular
}

var (
	sarabunOnce  sync.Once
	sarabunFonts Fonts
	sarabunErr   error
)

// Sarabun returns the shipped Sarabun Regular and Bold, parsed once per
// process and shared. It fails only if the embedded files are corrupt.
func Sarabun() (Fonts, error) {
	sarabunOnce.Do(func() {
		r, err := ParseFace(templates.Sarabun(templates.Regular))
		if err != nil {
			sarabunErr = err
			return
		}
		b, err := ParseFace(templates.Sarabun(templates.Bold))
		sarabunFonts, sarabunErr = Fonts{Regular: r, Bold: b}, err
	})
	return sarabunFonts, sarabunErr
}
