package notices

import (
	"bytes"

	"sandboxbot/cases"
)

// The participation agreement (ข้อตกลงการเข้าร่วมทดสอบ, guideline step 5)
// goes with the approval letter. Its wording is agreement.<lang>.tmpl:
// "agreement-title" (title lines), "agreement" (document markup, see
// markup.go), "agreement-closing", the signature blocks' lines
// "role-agency", "role-participant" and "signatory-participant", and the
// annex, the applicant's test plan as submitted: "annex-title" and
// "annex".

// blankName stands for a signatory's name not known when the agreement is
// printed; it is written in by hand.
const blankName = "                                        "

// renderAgreement renders the agreement of an approval with the test plan
// annexed.
func renderAgreement(n cases.Notice, lang Lang, opt RenderOptions, lo LetterOptions) (
	[]byte, error) {
	d, annex, err := buildAgreement(n, lang, opt)
	if err != nil {
		return nil, err
	}
	if annex != nil {
		var out bytes.Buffer
		if err := RenderDocument(&out, *annex, lo); err != nil {
			return nil, errorf("rendering the test plan annex of %s: %w", n.Case.Ref, err)
		}
		d.Annex = out.Bytes()
	}
	var out bytes.Buffer
	if err := RenderDocument(&out, d, lo); err != nil {
		return nil, errorf("rendering the agreement of %s: %w", n.Case.Ref, err)
	}
	return out.Bytes(), nil
}

// buildAgreement fills the agreement's Document and, when the notice
// carries a test plan, the annex's.
func buildAgreement(n cases.Notice, lang Lang, opt RenderOptions) (Document, *Document,
	error) {
	w, err := loadWording(opt.TemplateDir, agreementName, lang)
	if err != nil {
		return Document{}, nil, err
	}
	v := newView(n, lang, opt, true)
	blocks := map[string]string{}
	for _, b := range []string{"agreement-title", "agreement", "agreement-closing",
		"role-agency", "role-participant", "signatory-participant"} {
		if blocks[b], err = w.need(b, v); err != nil {
			return Document{}, nil, err
		}
	}
	body := parseDocument(blocks["agreement"])
	d := Document{Lang: lang, Title: lines(blocks["agreement-title"]),
		Preamble: body.preamble, Sections: body.sections,
		Closing: plainParagraphs(blocks["agreement-closing"])}
	d.Signatures = signatures(v, blocks)
	plan := string(cases.SubmitTestPlan)
	if v.Field(plan, "process") == "" && len(v.Rows(plan, "kpis")) == 0 {
		return d, nil, nil
	}
	annex, err := buildAnnex(w, v, lang)
	return d, annex, err
}

// signatures are the agency's block and the participant's; names not
// known are left blank to be written in.
func signatures(v *view, blocks map[string]string) []Signature {
	a := v.Agency
	agency := Signature{Role: flat(blocks["role-agency"]), Name: a.Signer, Party: a.Name}
	if len(a.Position) > 0 {
		agency.Position = a.Position[0]
	}
	if agency.Name == "" {
		agency.Name = blankName
	}
	participant := Signature{Role: flat(blocks["role-participant"]), Name: blankName,
		Position: flat(blocks["signatory-participant"]), Party: v.Org}
	return []Signature{agency, participant}
}

// buildAnnex fills the test plan annex, a document of its own merged after
// the agreement's pages.
func buildAnnex(w *wording, v *view, lang Lang) (*Document, error) {
	title, err := w.need("annex-title", v)
	if err != nil {
		return nil, err
	}
	body, err := w.need("annex", v)
	if err != nil {
		return nil, err
	}
	m := parseDocument(body)
	return &Document{Lang: lang, Title: lines(title), Preamble: m.preamble,
		Sections: m.sections}, nil
}
