package notices

import (
	"context"
	"fmt"
	"io"
	"math"
)

// PlacedLine is one line of text at a fixed place on a page, such as a
// label of a blank form. Lengths are in points.
type PlacedLine struct {
	Page int     // the page it is set on, counted from 1
	X, Y float64 // where its baseline starts, from the page's lower left corner
	// Text is set as one line, never broken; control characters
	// (newlines too) are set as spaces.
	Text string
	Size float64 // font size; must be positive
	Bold bool
	Gray float64 // fill colour, from 0 (black) to 1 (white)
	// MaxWidth, when positive, is the widest the line may be: a line
	// wider than that at Size is set at the smaller size that makes it
	// MaxWidth wide. Zero means no limit.
	MaxWidth float64
}

// Overlay is a PDF of pages that carry nothing but placed lines, meant to
// be laid over the pages of another PDF of the same size.
type Overlay struct {
	// Width and Height are the size of every page, in points; zero means
	// A4 (A4Width × A4Height).
	Width, Height float64
	Pages         int // number of pages; at least 1
	Lines         []PlacedLine
	Fonts         Fonts // the faces; zero means Sarabun
}

// WriteOverlay writes o as a PDF to w. Each line is shaped as
// [Face.Shape] shapes it, in the face of its weight, and its glyphs are
// drawn at their shaped positions from (X, Y) with the fonts embedded as
// subsets, a ToUnicode map and ActualText spans, exactly as the letters'
// text, so that text extraction gives back Text. The PDF is built in
// memory: on error nothing is written to w. It fails when a line's page
// is outside 1..o.Pages or its size is not positive, with ErrMissingGlyph
// when a character has no glyph, and when ctx is done. It is safe for
// concurrent use.
func WriteOverlay(ctx context.Context, w io.Writer, o Overlay) error {
	if err := ctx.Err(); err != nil {
		return errorf("writing overlay: %w", err)
	}
	if o.Pages < 1 {
		return errorf("writing overlay: %d pages, want at least 1", o.Pages)
	}
	if o.Fonts.Regular == nil {
		fs, err := Sarabun()
		if err != nil {
			return err
		}
		o.Fonts = fs
	}
	doc, err := newPDFDoc("")
	if err != nil {
		return err
	}
	if o.Width > 0 && o.Height > 0 {
		doc.width, doc.height = o.Width, o.Height
	}
	for range o.Pages {
		doc.newPage()
	}
	for i, l := range o.Lines {
		if err := doc.placeLine(o.Fonts, l); err != nil {
			return errorf("writing overlay line %d %q: %w", i+1, l.Text, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return errorf("writing overlay: %w", err)
	}
	return doc.writeTo(w)
}

// placeLine shapes l and draws it on its page in its gray.
func (d *pdfDoc) placeLine(fonts Fonts, l PlacedLine) error {
	if l.Page < 1 || l.Page > len(d.pages) {
		return fmt.Errorf("page %d of %d", l.Page, len(d.pages))
	}
	if !(l.Size > 0) {
		return fmt.Errorf("font size %v", l.Size)
	}
	p := Paragraph{Spans: []Span{{Text: l.Text, Bold: l.Bold}}}
	s, err := shapeParagraph(fonts, p, l.Size)
	if err != nil {
		return err
	}
	ln := oneLine(s)
	if l.MaxWidth > 0 && ln.width > l.MaxWidth {
		// Glyph positions scale with the size, so this size fits exactly.
		if s, err = shapeParagraph(fonts, p, l.Size*l.MaxWidth/ln.width); err != nil {
			return err
		}
		ln = oneLine(s)
	}
	page := d.pages[l.Page-1]
	fmt.Fprintf(&page.content, "q\n%s g\n", num(math.Min(math.Max(l.Gray, 0), 1)))
	page.drawLine(d, s, ln, l.X, l.Y, nil)
	page.content.WriteString("Q\n")
	return nil
}

// oneLine is all of s as one line.
func oneLine(s *shaped) line {
	l := line{c1: len(s.clusters), last: true}
	for _, c := range s.clusters {
		l.width += c.width
	}
	return l
}
