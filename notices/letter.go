package notices

import (
	"fmt"
	"io"
	"time"
)

// Letter is an external letter (หนังสือภายนอก) in the form of the
// Regulation of the Prime Minister's Office on Correspondence B.E. 2526,
// s.11 and Annex 1, or its English counterpart. Empty optional fields are
// left out of the page, with their labels.
type Letter struct {
	// Lang chooses the fixed wording (ที่/Ref., เรื่อง/Subject, …) and
	// the form of the date. The zero value is Thai.
	Lang Lang
	// Number is the outgoing register number, e.g. "สพธอ. 1234/2568";
	// it follows ที่ (Ref.) at the top left.
	Number string
	// Agency is the sender's name and address, one line per element,
	// set at the top right.
	Agency []string
	// Date is the letter's date; only its calendar day in its location
	// is used (see FormatDate). Required.
	Date time.Time
	// Subject follows เรื่อง (Subject). Required.
	Subject string
	// To is whom the letter is addressed to, after เรียน (Dear). Required.
	To string
	// References are earlier letters referred to (อ้างถึง); optional.
	References []string
	// Enclosures are what is sent with the letter (สิ่งที่ส่งมาด้วย),
	// numbered on the page; optional.
	Enclosures []string
	// Body is the text, one paragraph each, first lines indented 2.5 cm.
	Body []Paragraph
	// Closing replaces the complimentary close; empty means
	// ขอแสดงความนับถือ or "Yours sincerely,".
	Closing string
	// Signer is the signatory's full name, printed in parentheses under
	// the space for the signature.
	Signer string
	// Position is the signatory's position, one line each.
	Position []string
	// Unit is the responsible unit (ส่วนราชการเจ้าของเรื่อง), and Contact
	// its telephone, fax and e-mail lines; set at the bottom left.
	Unit    string
	Contact []string
}

// LetterOptions are the rendering choices of RenderLetter and
// RenderDocument. The zero value is usable: Sarabun, the shipped word
// list, 16 pt, no emblem, Arabic digits.
type LetterOptions struct {
	// Fonts overrides the shipped Sarabun; a nil Regular means Sarabun.
	Fonts Fonts
	// Dictionary overrides the shipped Thai word list for line breaking.
	Dictionary *Dictionary
	// Emblem is a PNG or JPEG (the Garuda emblem, or the agency's logo)
	// set at the top centre of the first page; nil leaves it out.
	Emblem []byte
	// EmblemHeight is the emblem's height in points; zero means 3 cm, the
	// Garuda's height in the regulation.
	EmblemHeight float64
	// ThaiDigits sets the date and page numbers of Thai letters in Thai
	// digits (๐–๙). English letters always use Arabic digits.
	ThaiDigits bool
	// Size is the body font size in points; zero means 16.
	Size float64
	// Title is the PDF's document title; empty means the subject.
	Title string
}

// letterWords is the fixed wording of a letter in one language.
type letterWords struct {
	number, subject, to, refs, encl, closing string
	salutationEnd                            string
}

var words = map[Lang]letterWords{
	Thai: {number: "ที่", subject: "เรื่อง", to: "เรียน", refs: "อ้างถึง",
		encl: "สิ่งที่ส่งมาด้วย", closing: "ขอแสดงความนับถือ"},
	English: {number: "Ref.", subject: "Subject:", to: "Dear", refs: "References:",
		encl: "Enclosures:", closing: "Yours sincerely,", salutationEnd: ","},
}

func (l Letter) check() error {
	switch {
	case l.Date.IsZero():
		return fmt.Errorf("notices: rendering letter: %w: no date", ErrIncomplete)
	case l.Subject == "":
		return fmt.Errorf("notices: rendering letter: %w: no subject", ErrIncomplete)
	case l.To == "":
		return fmt.Errorf("notices: rendering letter: %w: no addressee", ErrIncomplete)
	}
	return nil
}

// resolve fills the defaults of the options.
func (o LetterOptions) resolve() (LetterOptions, error) {
	if o.Fonts.Regular == nil {
		fs, err := Sarabun()
		if err != nil {
			return o, err
		}
		o.Fonts = fs
	}
	if o.Dictionary == nil {
		o.Dictionary = DefaultDictionary()
	}
	if o.Size == 0 {
		o.Size = 16
	}
	if o.EmblemHeight == 0 {
		o.EmblemHeight = Cm(3)
	}
	return o, nil
}

// letterSetup is the page of an external letter: A4, left margin 3 cm,
// right 2 cm (the regulation's Annex), top 2.5 cm on pages after the
// first, bottom 2 cm; pages numbered from the second.
func letterSetup(o LetterOptions, lang Lang) pageSetup {
	return pageSetup{left: Cm(3), right: Cm(2), top: Cm(2.5), bottom: Cm(2),
		size: o.Size, numberFrom: 2, thaiDigits: o.ThaiDigits && lang != English}
}

// RenderLetter writes l as a PDF to w. It fails with ErrIncomplete when the
// date, subject or addressee is missing, with ErrMissingGlyph when the text
// has a character the font lacks, with ErrBadImage for an unusable emblem,
// and with the writer's error. It does not close w.
func RenderLetter(w io.Writer, l Letter, opt LetterOptions) error {
	doc, err := layoutLetter(l, opt)
	if err != nil {
		return err
	}
	return doc.writeTo(w)
}

// layoutLetter sets a letter on pages without writing it.
func layoutLetter(l Letter, opt LetterOptions) (*pdfDoc, error) {
	if err := l.check(); err != nil {
		return nil, err
	}
	if l.Lang == "" {
		l.Lang = Thai
	}
	o, err := opt.resolve()
	if err != nil {
		return nil, err
	}
	title := o.Title
	if title == "" {
		title = l.Subject
	}
	doc, err := newPDFDoc(title)
	if err != nil {
		return nil, err
	}
	f, err := newFlow(doc, o.Fonts, o.Dictionary, letterSetup(o, l.Lang))
	if err != nil {
		return nil, err
	}
	lw := letterWriter{f: f, l: l, o: o, w: words[l.Lang]}
	if err := lw.write(); err != nil {
		return nil, err
	}
	return doc, nil
}
