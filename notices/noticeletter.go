package notices

import "sandboxbot/cases"

// buildLetter fills a Letter from the wording of n's kind in lang. The
// wording's blocks are "letter-subject" (เรื่อง), "to" (เรียน), "letter"
// (the body's paragraphs), and the optional lists "references",
// "enclosures" and "contact", one item a line.
func buildLetter(n cases.Notice, lang Lang, opt RenderOptions) (Letter, error) {
	w, err := loadWording(opt.TemplateDir, string(n.Kind), lang)
	if err != nil {
		return Letter{}, err
	}
	v := newView(n, lang, opt, true)
	a := v.Agency

	// With Thai digits the register number and the address take them
	// too; the case reference in the text stays as the applicant must
	// quote it.
	l := Letter{Lang: lang, Number: v.Digits(n.LetterNo), Date: letterDate(n),
		Agency: []string{a.Name}, Signer: a.Signer, Position: a.Position, Unit: a.Unit}
	for _, line := range a.Address {
		l.Agency = append(l.Agency, v.Digits(line))
	}

	// The required blocks, then the lists.
	required := []struct {
		block string
		into  *string
	}{{"letter-subject", &l.Subject}, {"to", &l.To}}
	for _, r := range required {
		s, err := w.need(r.block, v)
		if err != nil {
			return Letter{}, err
		}
		*r.into = flat(s)
	}
	body, err := w.need("letter", v)
	if err != nil {
		return Letter{}, err
	}
	l.Body = plainParagraphs(body)
	optional := []struct {
		block string
		into  *[]string
	}{{"references", &l.References}, {"enclosures", &l.Enclosures},
		{"contact", &l.Contact}}
	for _, o := range optional {
		s, err := w.run(o.block, v)
		if err != nil {
			return Letter{}, err
		}
		*o.into = lines(s)
	}
	return l, nil
}
