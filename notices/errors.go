package notices

import "errors"

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
)
