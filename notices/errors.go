package notices

import (
	"errors"
	"fmt"
)

// Errors callers can branch on with errors.Is.
var (
	// ErrEmptyDictionary means a word list held no usable Thai word.
	ErrEmptyDictionary = errors.New("no Thai word in the list")
	// ErrMissingGlyph means the font has no glyph for a character of the
	// text; the text would print as empty boxes.
	ErrMissingGlyph = errors.New("character missing from the font")
	// ErrBadImage means an image is not a PNG or JPEG pdfcpu can embed.
	ErrBadImage = errors.New("image is not a usable PNG or JPEG")
	// ErrIncomplete means a required field of a letter is empty.
	ErrIncomplete = errors.New("letter is incomplete")
	// ErrBadAnnex means a document's annex is not a PDF pdfcpu can merge.
	ErrBadAnnex = errors.New("annex is not a usable PDF")
	// ErrTemplate means a wording template does not parse, fails when
	// executed, or leaves a block that must have text empty; the message
	// names the file.
	ErrTemplate = errors.New("wording template is broken")
	// ErrUnknownKind means a notice kind has no wording: it is not one of
	// Kinds.
	ErrUnknownKind = errors.New("no wording for this kind of notice")
)

// errorf returns an error whose message starts with the package name.
func errorf(format string, args ...any) error {
	return fmt.Errorf("notices: "+format, args...)
}
