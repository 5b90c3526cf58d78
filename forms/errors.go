package forms

import "errors"

// Errors callers can branch on with errors.Is. Parse wraps them with the file
// name and details; validation problems come as Problems, which matches
// ErrInvalid.
var (
	// ErrTooLarge: the file, or what it would inflate to, is over the limit.
	ErrTooLarge = errors.New("file too large")
	// ErrEncrypted: the PDF or workbook is protected by a password.
	ErrEncrypted = errors.New("file is encrypted")
	// ErrMacro: the workbook carries macros (a vbaProject part or a
	// macro-enabled content type).
	ErrMacro = errors.New("workbook contains macros")
	// ErrZipBomb: the workbook's zip entries inflate far beyond their
	// compressed size, or lie about their size.
	ErrZipBomb = errors.New("workbook is a zip bomb or its entries lie about their size")
	// ErrDamaged: the file is truncated or not readable as what it claims to be.
	ErrDamaged = errors.New("file is damaged or truncated")
	// ErrUnknownFormat: neither a PDF nor an xlsx workbook.
	ErrUnknownFormat = errors.New("not a PDF or xlsx workbook")
	// ErrNotAForm: a readable PDF or workbook that is not one of our forms
	// (no form_kind).
	ErrNotAForm = errors.New("not a sandbox form")
	// ErrUnknownKind: a form_kind or kind name that no schema declares.
	ErrUnknownKind = errors.New("unknown form kind")
	// ErrUnknownVersion: a form_version this package cannot read.
	ErrUnknownVersion = errors.New("unknown form version")
	// ErrTimeout: reading the file took longer than the time limit.
	ErrTimeout = errors.New("parsing took too long")
	// ErrReaderPanic: the PDF or workbook library crashed on the file; the
	// crash was recovered.
	ErrReaderPanic = errors.New("reader crashed on the file")
	// ErrInvalid: the form was read but its values break the schema's rules;
	// the error is a Problems listing each of them.
	ErrInvalid = errors.New("form has invalid values")
)
