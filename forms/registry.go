package forms

import (
	"fmt"
	"slices"
)

// The keys every form carries to identify itself (FORMS.md, "How a form is
// recognised").
const (
	KeyKind    = "form_kind"
	KeyVersion = "form_version"
)

// schemas lists every form kind in the order of the guideline's steps.
var schemas = []*Schema{
	interestSchema, applicationSchema, testPlanSchema,
	progressReportSchema, extensionSchema, waiverSchema, roundChangeSchema,
	withdrawalSchema, appealSchema, postExitReportSchema,
	assessmentSchema,
}

// Kinds returns the names of all form kinds, in the order of the process.
// The slice is the caller's to keep or change.
func Kinds() []string {
	out := make([]string, len(schemas))
	for i, s := range schemas {
		out[i] = s.Kind
	}
	return out
}

// Lookup returns the schema of a form kind, or an error wrapping
// ErrUnknownKind. The schema must not be modified.
func Lookup(kind string) (*Schema, error) {
	i := slices.IndexFunc(schemas, func(s *Schema) bool { return s.Kind == kind })
	if i < 0 {
		return nil, fmt.Errorf("forms: kind %q (known: %v): %w", kind, Kinds(), ErrUnknownKind)
	}
	return schemas[i], nil
}
