package forms

import (
	"context"
	"fmt"
	"io"
)

// Format is a file format of a form.
type Format string

// The formats every form kind comes in.
const (
	PDF  Format = "pdf"  // fillable PDF (AcroForm)
	XLSX Format = "xlsx" // Excel workbook (Office Open XML)
)

// ParseFormat reads "pdf" or "xlsx" (as given to --format).
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case PDF, XLSX:
		return f, nil
	}
	return "", fmt.Errorf("forms: format %q: want pdf or xlsx", s)
}

// WriteBlank writes the blank form of kind in format to w, as
// WriteBlankWith does with the zero BlankOptions: the PDF's labels are
// drawn by pdfcpu's text layer, which does not shape Thai.
func WriteBlank(ctx context.Context, w io.Writer, kind string, format Format) error {
	return WriteBlankWith(ctx, w, kind, format, BlankOptions{})
}

// BlankOptions are the choices of WriteBlankWith. The zero value draws the
// PDF's labels with pdfcpu's text layer and the embedded TLWG Loma font.
type BlankOptions struct {
	// Labels, when not nil, draws the labels of a PDF form instead: the
	// layout hands it every label with its place, and the pages it paints
	// are laid over the form's. Workbooks do not use it.
	Labels LabelPainter
}

// WriteBlankWith writes the blank form of kind in format to w. An unknown
// kind gives an error wrapping ErrUnknownKind. It is safe for concurrent
// use if opts.Labels is; the first PDF installs the embedded Thai font into
// pdfcpu's font directory, which the input fields use whoever draws the
// labels.
func WriteBlankWith(ctx context.Context, w io.Writer, kind string, format Format,
	opts BlankOptions) error {
	s, err := Lookup(kind)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("forms: blank %s: %w", kind, err)
	}
	switch format {
	case PDF:
		return writeBlankPDF(ctx, w, s, opts.Labels)
	case XLSX:
		return writeBlankXLSX(w, s)
	}
	return fmt.Errorf("forms: blank %s: format %q: want pdf or xlsx", kind, format)
}
