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

// WriteBlank writes the blank form of kind in format to w. An unknown kind
// gives an error wrapping ErrUnknownKind. It is safe for concurrent use; the
// first PDF installs the embedded Thai font into pdfcpu's font directory.
func WriteBlank(ctx context.Context, w io.Writer, kind string, format Format) error {
	s, err := Lookup(kind)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("forms: blank %s: %w", kind, err)
	}
	switch format {
	case PDF:
		return writeBlankPDF(w, s)
	case XLSX:
		return writeBlankXLSX(w, s)
	}
	return fmt.Errorf("forms: blank %s: format %q: want pdf or xlsx", kind, format)
}
