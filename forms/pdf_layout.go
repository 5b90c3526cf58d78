package forms

import "fmt"

// The JSON shapes pdfcpu's create command reads (pdfcpu/primitives), limited
// to what the blank forms use. Positions are in points from the lower left
// corner of an A4 page (595 × 842).

type pdfDoc struct {
	Paper      string              `json:"paper"`
	Origin     string              `json:"origin"`
	ContentBox bool                `json:"contentBox"`
	Fonts      map[string]pdfFont  `json:"fonts"`
	Pages      map[string]*pdfPage `json:"pages"`
}

type pdfFont struct {
	Name  string  `json:"name"`
	Size  float64 `json:"size,omitempty"`
	Color string  `json:"col,omitempty"`
}

type pdfPage struct {
	Content pdfContent `json:"content"`
}

type pdfContent struct {
	Text       []pdfText  `json:"text,omitempty"`
	TextFields []pdfField `json:"textfield,omitempty"`
	ComboBoxes []pdfField `json:"combobox,omitempty"`
	CheckBoxes []pdfField `json:"checkbox,omitempty"`
}

type pdfText struct {
	Value string     `json:"value"`
	Pos   [2]float64 `json:"pos"`
	Width float64    `json:"width,omitempty"`
	Font  pdfFont    `json:"font"`
}

type pdfBorder struct {
	Width int    `json:"width"`
	Color string `json:"col"`
}

type pdfField struct {
	ID        string     `json:"id"`
	Tip       string     `json:"tip,omitempty"`
	Value     string     `json:"value,omitempty"`
	Pos       [2]float64 `json:"pos"`
	Width     float64    `json:"width"`
	Height    float64    `json:"height,omitempty"`
	Multiline bool       `json:"multiline,omitempty"`
	Options   []string   `json:"options,omitempty"`
	Font      *pdfFont   `json:"font,omitempty"`
	BgColor   string     `json:"bgCol,omitempty"`
	Border    *pdfBorder `json:"border,omitempty"`
	Locked    bool       `json:"locked,omitempty"`
}

// Page geometry and styles of the blank PDF.
const (
	pageHeight  = 842.0
	marginLeft  = 36.0
	marginRight = 559.0
	inputLeft   = 236.0
	bottomLimit = 64.0
	// labelGap is the least space between a label and the input or
	// column to its right.
	labelGap = 6.0
)

var (
	fieldBorder = &pdfBorder{Width: 1, Color: "#8A94A6"}
	inputFont   = &pdfFont{Name: "$input"}
)

// labelStyle is how one kind of label is set: its weight, its size in
// points and its gray (0 black, 255 white).
type labelStyle struct {
	bold bool
	size float64
	gray uint8
}

// labelStyles are the kinds of label, by the font names pdfcpu's layout
// knows them by.
var labelStyles = map[string]labelStyle{
	"title": {bold: true, size: 15},
	"sub":   {size: 11, gray: 0x33},
	"th":    {size: 9.5},
	"en":    {size: 8, gray: 0x55},
	"small": {size: 7, gray: 0x77},
}

// pdfFonts are the named fonts of pdfcpu's layout: one per label style,
// and the input fields' font.
func pdfFonts() map[string]pdfFont {
	fonts := map[string]pdfFont{"input": {Name: fontRegular, Size: 10}}
	for name, st := range labelStyles {
		f := pdfFont{Name: fontRegular, Size: st.size}
		if st.bold {
			f.Name = fontBold
		}
		if st.gray != 0 {
			f.Color = fmt.Sprintf("#%02X%02X%02X", st.gray, st.gray, st.gray)
		}
		fonts[name] = f
	}
	return fonts
}
