package forms

import (
	"context"
	"io"
)

// PageLabel is one line of text printed on a page of a blank PDF form: a
// title, an introduction, a field or column label, a row number, the page
// footer. Lengths are in points; positions are from the lower left corner
// of the page, whose size PaintLabels is given.
type PageLabel struct {
	Page int     // the page, counted from 1
	X, Y float64 // where the baseline starts
	Text string  // one line, Thai or English or both
	Size float64 // font size
	Bold bool
	Gray float64 // fill colour, from 0 (black) to 1 (white)
	// MaxWidth, when positive, is the room the label has before it would
	// run into an input or the next column: a painter sets a label that is
	// wider at Size smaller, so that it fits.
	MaxWidth float64
}

// LabelPainter draws the labels of a blank PDF form (see BlankOptions).
//
// PaintLabels writes to w a PDF of exactly pages pages, each width ×
// height points, that carry the labels and nothing else, each label on its
// page with its baseline starting at (X, Y). WriteBlankWith lays page i of
// it over page i of the form as it is, neither scaled nor moved, so the
// input fields stay where the form put them. An error from PaintLabels is
// returned by WriteBlankWith, wrapped. A painter must be safe for
// concurrent use if WriteBlankWith is called concurrently with it.
type LabelPainter interface {
	PaintLabels(ctx context.Context, w io.Writer, width, height float64, pages int,
		labels []PageLabel) error
}

// LabelPainterFunc adapts a function to a LabelPainter.
type LabelPainterFunc func(ctx context.Context, w io.Writer, width, height float64,
	pages int, labels []PageLabel) error

// PaintLabels calls f.
func (f LabelPainterFunc) PaintLabels(ctx context.Context, w io.Writer,
	width, height float64, pages int, labels []PageLabel) error {
	return f(ctx, w, width, height, pages, labels)
}
