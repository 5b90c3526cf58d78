package notices

import (
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode/utf16"

	pdffont "github.com/pdfcpu/pdfcpu/pkg/font"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// pdfFont tracks what one document uses of one face: the glyphs (for the
// subset and the W array) and what each glyph stands for (for ToUnicode).
type pdfFont struct {
	face    *Face
	res     string            // resource name, e.g. "F1"
	used    map[uint16]bool   // glyphs drawn
	unicode map[uint16]string // text each glyph maps to in ToUnicode
}

func (d *pdfDoc) font(f *Face) *pdfFont {
	if pf, ok := d.byFace[f]; ok {
		return pf
	}
	pf := &pdfFont{face: f, res: fmt.Sprintf("F%d", len(d.fonts)+1),
		used: map[uint16]bool{0: true}, unicode: map[uint16]string{}}
	d.fonts = append(d.fonts, pf)
	d.byFace[f] = pf
	return pf
}

// mapsTo records that gid stands for text when nothing else was recorded
// for it; it reports whether ToUnicode now maps gid to exactly text.
func (pf *pdfFont) mapsTo(gid uint16, text string) bool {
	if old, ok := pf.unicode[gid]; ok {
		return old == text
	}
	pf.unicode[gid] = text
	return true
}

// width1000 is a glyph's hmtx advance in PDF glyph space (1/1000 em).
func (pf *pdfFont) width1000(gid uint16) float64 {
	return float64(pf.face.Advance(gid)) * 1000 / float64(pf.face.upem)
}

// embed writes the Type0 font, its CIDFontType2 descendant, descriptor,
// subset font file and ToUnicode map; it returns the Type0 font's ref.
func (pf *pdfFont) embed(xt *model.XRefTable) (*types.IndirectRef, error) {
	gids := make([]uint16, 0, len(pf.used))
	for g := range pf.used {
		gids = append(gids, g)
	}
	slices.Sort(gids)
	name := subsetTag(gids) + "+" + pf.face.Name

	sub, err := subsetFont(pf.face, pf.used)
	if err != nil {
		return nil, err
	}
	ff, err := flateStream(sub, types.Dict{"Length1": types.Integer(len(sub))})
	if err != nil {
		return nil, err
	}
	ffRef, err := xt.IndRefForNewObject(*ff)
	if err != nil {
		return nil, fmt.Errorf("notices: embedding font %s: %w", name, err)
	}

	f, scale := pf.face, 1000/float64(pf.face.upem)
	desc := types.Dict{
		"Type":        types.Name("FontDescriptor"),
		"FontName":    types.Name(name),
		"Flags":       types.Integer(4),
		"FontBBox":    types.NewNumberArray(scaled(f.bbox[:], scale)...),
		"ItalicAngle": types.Integer(0),
		"Ascent":      types.Integer(math.Round(float64(f.ascender) * scale)),
		"Descent":     types.Integer(math.Round(float64(f.descender) * scale)),
		"CapHeight":   types.Integer(math.Round(float64(f.capHeight) * scale)),
		"StemV":       types.Integer(80),
		"FontFile2":   *ffRef,
	}
	descRef, err := xt.IndRefForNewObject(desc)
	if err != nil {
		return nil, fmt.Errorf("notices: embedding font %s: %w", name, err)
	}

	cid := types.Dict{
		"Type":     types.Name("Font"),
		"Subtype":  types.Name("CIDFontType2"),
		"BaseFont": types.Name(name),
		"CIDSystemInfo": types.Dict{
			"Registry":   types.StringLiteral("Adobe"),
			"Ordering":   types.StringLiteral("Identity"),
			"Supplement": types.Integer(0),
		},
		"FontDescriptor": *descRef,
		"DW":             types.Integer(0),
		"W":              pf.widths(gids),
		"CIDToGIDMap":    types.Name("Identity"),
	}
	cidRef, err := xt.IndRefForNewObject(cid)
	if err != nil {
		return nil, fmt.Errorf("notices: embedding font %s: %w", name, err)
	}

	tu, err := flateStream([]byte(pf.toUnicode()), nil)
	if err != nil {
		return nil, err
	}
	tuRef, err := xt.IndRefForNewObject(*tu)
	if err != nil {
		return nil, fmt.Errorf("notices: embedding font %s: %w", name, err)
	}

	t0 := types.Dict{
		"Type":            types.Name("Font"),
		"Subtype":         types.Name("Type0"),
		"BaseFont":        types.Name(name),
		"Encoding":        types.Name("Identity-H"),
		"DescendantFonts": types.Array{*cidRef},
		"ToUnicode":       *tuRef,
	}
	return xt.IndRefForNewObject(t0)
}

func scaled(v []int, scale float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = math.Round(float64(x) * scale)
	}
	return out
}

// widths builds the W array: runs of consecutive glyph IDs, each followed
// by the array of their hmtx advances in 1/1000 em.
func (pf *pdfFont) widths(gids []uint16) types.Array {
	w := types.Array{}
	for i := 0; i < len(gids); {
		j := i + 1
		for j < len(gids) && gids[j] == gids[j-1]+1 {
			j++
		}
		ws := types.Array{}
		for _, g := range gids[i:j] {
			ws = append(ws, pdfNumber(pf.width1000(g)))
		}
		w = append(w, types.Integer(gids[i]), ws)
		i = j
	}
	return w
}

// pdfNumber is an integer when v is whole, else a float.
func pdfNumber(v float64) types.Object {
	if v == math.Trunc(v) {
		return types.Integer(v)
	}
	return types.Float(v)
}

// subsetTag is the six capital letters that name a subset (ISO 32000-1
// §9.6.4), derived from the glyphs it holds so equal subsets agree.
func subsetTag(gids []uint16) string {
	h := fnv.New32a()
	for _, g := range gids {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	x := h.Sum32()
	var b [6]byte
	for i := range b {
		b[i] = 'A' + byte(x%26)
		x /= 26
	}
	return string(b[:])
}

// toUnicode writes the ToUnicode CMap (ISO 32000-1 §9.10.3) mapping each
// glyph to the text recorded for it; bfchar blocks hold at most 100.
func (pf *pdfFont) toUnicode() string {
	gids := make([]uint16, 0, len(pf.unicode))
	for g := range pf.unicode {
		gids = append(gids, g)
	}
	slices.Sort(gids)
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(gids); i += 100 {
		block := gids[i:min(i+100, len(gids))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(block))
		for _, g := range block {
			fmt.Fprintf(&b, "<%04X> <%s>\n", g, utf16Hex(pf.unicode[g]))
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.String()
}

// utf16Hex returns s in UTF-16BE as upper-case hex digits.
func utf16Hex(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}

// fontDirMu guards pdfcpu's global font directory, which its subsetter
// reads fonts from.
var (
	fontDirMu  sync.Mutex
	privateDir string
)

// subsetFont returns the font file of f cut down to the used glyphs by
// pdfcpu's subsetter, which keeps glyph numbering (unused glyphs become
// empty), so CIDToGIDMap stays Identity. pdfcpu reads the font from its
// user font directory (font.UserFontDir, a package variable): when it is
// unset, a private directory under the system temporary directory is used;
// when it is set (by pdfcpu's configuration, or another package) the face
// is installed there under its PostScript name.
func subsetFont(f *Face, used map[uint16]bool) ([]byte, error) {
	fontDirMu.Lock()
	defer fontDirMu.Unlock()
	if pdffont.UserFontDir == "" {
		if privateDir == "" {
			dir, err := os.MkdirTemp("", "sandboxbot-fonts-")
			if err != nil {
				return nil, fmt.Errorf("notices: subsetting %s: %w", f.Name, err)
			}
			privateDir = dir
		}
		pdffont.UserFontDir = privateDir
	}
	gob := filepath.Join(pdffont.UserFontDir, f.Name+".gob")
	if _, err := os.Stat(gob); err != nil {
		err := pdffont.InstallFontFromBytesQuiet(pdffont.UserFontDir, f.Name, f.data)
		if err != nil {
			return nil, fmt.Errorf("notices: installing %s for pdfcpu: %w", f.Name, err)
		}
	}
	sub, err := pdffont.Subset(f.Name, used)
	if err != nil {
		return nil, fmt.Errorf("notices: subsetting %s: %w", f.Name, err)
	}
	return sub, nil
}
