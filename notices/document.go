package notices

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/api"
)

// Document is a multi-section document with numbered clauses and
// signature blocks, such as the participation agreement (ข้อตกลงการเข้าร่วม
// ทดสอบ, guideline step 5). It is set on the letter's page (A4, margins
// 3 cm and 2 cm, pages numbered from the second).
type Document struct {
	// Lang chooses the clause label (ข้อ ๑ or Clause 1), the signature
	// wording and the digits. The zero value is Thai.
	Lang Lang
	// Title is set bold and centred at the top of the first page, one
	// line each.
	Title []string
	// Preamble comes before the first section: who the parties are and
	// why they agree.
	Preamble []Paragraph
	// Sections follow in order; clauses are numbered across all of them.
	Sections []Section
	// Closing comes after the last clause, before the signatures (for
	// instance, how many copies were made and that both parties read them).
	Closing []Paragraph
	// Signatures are set two to a row after the text.
	Signatures []Signature
	// Annex is a PDF appended after the document's pages (the applicant's
	// test plan); nil for none. It must be a PDF pdfcpu can read.
	Annex []byte
	// Title of the PDF file; empty means the first line of Title.
	FileTitle string
}

// Section is a part of a document under an optional heading.
type Section struct {
	// Heading is set bold on its own line; empty for none.
	Heading string
	// Paragraphs are unnumbered text before the clauses.
	Paragraphs []Paragraph
	// Clauses are numbered continuously through the document.
	Clauses []Clause
}

// Clause is one numbered provision, with optional numbered sub-items.
type Clause struct {
	Text  Paragraph
	Items []Paragraph
}

// Signature is one signatory's block.
type Signature struct {
	// Role is the block's last line, e.g. "ผู้เข้าร่วมทดสอบ" or "Agency".
	Role string
	// Name is printed in parentheses under the signature line.
	Name string
	// Position and Party (the organisation) follow, one line each; empty
	// ones are left out.
	Position string
	Party    string
}

var docWords = map[Lang]struct{ clause, signed string }{
	Thai:    {clause: "ข้อ ", signed: "ลงชื่อ"},
	English: {clause: "Clause ", signed: "Signed"},
}

// RenderDocument writes d as a PDF to w, with the annex appended by
// pdfcpu's merge. It fails with ErrMissingGlyph for a character the font
// lacks, ErrBadAnnex when the annex cannot be merged, and the writer's
// error. It does not close w.
func RenderDocument(w io.Writer, d Document, opt LetterOptions) error {
	doc, err := layoutDocument(d, opt)
	if err != nil {
		return err
	}
	var main bytes.Buffer
	if err := doc.write(&main); err != nil {
		return err
	}
	if d.Annex == nil {
		if _, err := w.Write(main.Bytes()); err != nil {
			return fmt.Errorf("notices: writing document: %w", err)
		}
		return nil
	}
	var merged bytes.Buffer
	in := []io.ReadSeeker{bytes.NewReader(main.Bytes()), bytes.NewReader(d.Annex)}
	if err := api.MergeRaw(in, &merged, false, pdfConfig()); err != nil {
		return fmt.Errorf("notices: appending annex: %w: %w", ErrBadAnnex, err)
	}
	if _, err := w.Write(merged.Bytes()); err != nil {
		return fmt.Errorf("notices: writing document: %w", err)
	}
	return nil
}

func layoutDocument(d Document, opt LetterOptions) (*pdfDoc, error) {
	if d.Lang == "" {
		d.Lang = Thai
	}
	o, err := opt.resolve()
	if err != nil {
		return nil, err
	}
	title := d.FileTitle
	if title == "" && len(d.Title) > 0 {
		title = d.Title[0]
	}
	doc, err := newPDFDoc(title)
	if err != nil {
		return nil, err
	}
	f, err := newFlow(doc, o.Fonts, o.Dictionary, letterSetup(o, d.Lang))
	if err != nil {
		return nil, err
	}
	dw := docWriter{f: f, d: d}
	if err := dw.write(); err != nil {
		return nil, err
	}
	return doc, nil
}

// docWriter lays out one document on a flow.
type docWriter struct {
	f      *flow
	d      Document
	clause int
}

func (dw *docWriter) lead() float64 { return lead(dw.f.ps.size) }

func (dw *docWriter) num(n int) string {
	return Digits(strconv.Itoa(n), dw.f.ps.thaiDigits)
}

func (dw *docWriter) write() error {
	body := paraStyle{align: AlignThaiDistributed, indent: bodyIndent}
	if dw.d.Lang == English {
		body = paraStyle{align: AlignLeft}
	}
	for _, t := range dw.d.Title {
		if err := dw.f.paragraph(Bold(t), paraStyle{align: AlignCenter}); err != nil {
			return err
		}
	}
	dw.f.space(dw.lead() * blockGap)
	if err := dw.paragraphs(dw.d.Preamble, body); err != nil {
		return err
	}
	for _, s := range dw.d.Sections {
		if err := dw.section(s, body); err != nil {
			return err
		}
	}
	dw.f.space(dw.lead() * blockGap)
	for i, p := range dw.d.Closing {
		st := body
		if i == len(dw.d.Closing)-1 && len(dw.d.Signatures) > 0 {
			// Signatures never stand alone on a page: the closing's last
			// lines go with the first row.
			st.keep = dw.lead() * float64(3+len(dw.signatureLines(dw.d.Signatures[0])))
		}
		if err := dw.f.paragraph(p, st); err != nil {
			return err
		}
	}
	return dw.signatures()
}

func (dw *docWriter) paragraphs(ps []Paragraph, st paraStyle) error {
	for _, p := range ps {
		if err := dw.f.paragraph(p, st); err != nil {
			return err
		}
	}
	return nil
}

// section sets a heading (kept with the next two lines), its paragraphs
// and its clauses, "ข้อ ๑" in bold before each clause's text and "(๑)"
// before each sub-item.
func (dw *docWriter) section(s Section, body paraStyle) error {
	if s.Heading != "" {
		dw.f.space(dw.lead() * blockGap)
		if err := dw.f.need(dw.lead() * 3); err != nil {
			return err
		}
		if err := dw.f.paragraph(Bold(s.Heading), paraStyle{}); err != nil {
			return err
		}
	}
	if err := dw.paragraphs(s.Paragraphs, body); err != nil {
		return err
	}
	label := docWords[dw.d.Lang].clause
	for _, c := range s.Clauses {
		dw.clause++
		p := Paragraph{Spans: append([]Span{{Text: label + dw.num(dw.clause) + " ",
			Bold: true}}, c.Text.Spans...)}
		if err := dw.f.paragraph(p, body); err != nil {
			return err
		}
		item := body
		item.indent += Cm(1)
		for i, it := range c.Items {
			p := Paragraph{Spans: append([]Span{{Text: "(" + dw.num(i+1) + ") "}}, it.Spans...)}
			if err := dw.f.paragraph(p, item); err != nil {
				return err
			}
		}
	}
	return nil
}

// signatures sets the blocks two to a row, each centred in its half of
// the text area, with room above the signature line to sign: the line,
// the name in parentheses, position, party and role, each on its own line.
func (dw *docWriter) signatures() error {
	f := dw.f
	tw := f.ps.width()
	for i := 0; i < len(dw.d.Signatures); i += 2 {
		row := dw.d.Signatures[i:min(i+2, len(dw.d.Signatures))]
		blocks := make([][]string, len(row))
		n := 0
		for k, s := range row {
			blocks[k] = dw.signatureLines(s)
			n = max(n, len(blocks[k]))
		}
		f.space(dw.lead() * 2)
		if err := f.need(dw.lead() * float64(n+1)); err != nil {
			return err
		}
		top, bottom := f.y, f.y
		for k, lines := range blocks {
			f.y = top
			col := paraStyle{align: AlignCenter, left: float64(k) * tw / 2,
				right: tw/2 - float64(k)*tw/2}
			for _, l := range lines {
				if err := f.paragraph(Plain(l), col); err != nil {
					return err
				}
			}
			bottom = max(bottom, f.y)
		}
		f.y = bottom
	}
	return nil
}

func (dw *docWriter) signatureLines(s Signature) []string {
	lines := []string{docWords[dw.d.Lang].signed + " ..............................",
		"(" + s.Name + ")"}
	for _, l := range []string{s.Position, s.Party, s.Role} {
		if l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}
