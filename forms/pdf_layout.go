package forms

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
)

var (
	fieldBorder = &pdfBorder{Width: 1, Color: "#8A94A6"}
	inputFont   = &pdfFont{Name: "$input"}
)

func pdfFonts() map[string]pdfFont {
	return map[string]pdfFont{
		"title": {Name: fontBold, Size: 15},
		"sub":   {Name: fontRegular, Size: 11, Color: "#333333"},
		"th":    {Name: fontRegular, Size: 9.5},
		"en":    {Name: fontRegular, Size: 8, Color: "#555555"},
		"small": {Name: fontRegular, Size: 7, Color: "#777777"},
		"input": {Name: fontRegular, Size: 10},
	}
}
