package forms

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/form"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// readPDF reads the values of a filled AcroForm through pdfcpu's form export,
// which reads what pdftk, LibreOffice and PDF readers write (Thai included).
// An encrypted PDF is refused even when it opens without a password.
func readPDF(data []byte) (*raw, error) {
	conf := model.NewDefaultConfiguration()
	conf.Cmd = model.EXPORTFORMFIELDS
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := api.ReadAndValidate(bytes.NewReader(data), conf)
	if err != nil {
		if errors.Is(err, pdfcpu.ErrWrongPassword) || bytes.Contains(data, []byte("/Encrypt")) {
			return nil, fmt.Errorf("pdf: %w", ErrEncrypted)
		}
		return nil, fmt.Errorf("pdf: %v: %w", err, ErrDamaged)
	}
	if ctx.XRefTable.Encrypt != nil || ctx.E != nil {
		return nil, fmt.Errorf("pdf: %w", ErrEncrypted)
	}
	if ctx.XRefTable.Form == nil {
		return nil, fmt.Errorf("pdf has no form fields: %w", ErrNotAForm)
	}
	group, ok, err := form.ExportForm(ctx.XRefTable, "form")
	if err != nil {
		return nil, fmt.Errorf("pdf: exporting form: %v: %w", err, ErrDamaged)
	}
	if !ok || len(group.Forms) == 0 {
		return nil, fmt.Errorf("pdf has no form fields: %w", ErrNotAForm)
	}
	return &raw{origin: fromPDF, format: PDF, fields: pdfValues(group.Forms[0])}, nil
}

// pdfValues flattens the exported fields into values by field name; a check
// box becomes "true" or "false".
func pdfValues(f form.Form) map[string]string {
	out := map[string]string{}
	put := func(name, id, v string) {
		if name == "" {
			name = id
		}
		out[name] = v
	}
	for _, t := range f.TextFields {
		put(t.Name, t.ID, t.Value)
	}
	for _, d := range f.DateFields {
		put(d.Name, d.ID, d.Value)
	}
	for _, c := range f.CheckBoxes {
		put(c.Name, c.ID, fmt.Sprint(c.Value))
	}
	for _, r := range f.RadioButtonGroups {
		put(r.Name, r.ID, r.Value)
	}
	for _, c := range f.ComboBoxes {
		put(c.Name, c.ID, c.Value)
	}
	for _, l := range f.ListBoxes {
		put(l.Name, l.ID, strings.Join(l.Values, ", "))
	}
	return out
}
