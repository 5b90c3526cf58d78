package notices

import "strings"

// What the wording templates write is plain text with a little structure,
// read by the functions here:
//
//   - A letter's body is paragraphs separated by blank lines. The lines of
//     one paragraph are joined with a space, so a Thai sentence that must
//     not have a space is written on one line.
//   - A list (references, enclosures, title lines) is one item per line.
//   - A document (the agreement and its annex) is paragraphs as above,
//     where a line starting "## " begins a section with that heading, "* "
//     a numbered clause, and "- " a numbered item of the clause before it.
//     Paragraphs before the first section are the preamble.

// paragraphs splits text into paragraphs at blank lines.
func paragraphs(text string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l == "" {
			flush()
			continue
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

// plainParagraphs turns text into regular paragraphs.
func plainParagraphs(text string) []Paragraph {
	var out []Paragraph
	for _, p := range paragraphs(text) {
		out = append(out, Plain(p))
	}
	return out
}

// markupDoc is a document's text as the markup gives it.
type markupDoc struct {
	preamble []Paragraph
	sections []Section
}

// parseDocument reads the document markup. It never fails: a line that is
// not a heading, clause or item continues what comes before it, or starts
// a paragraph.
func parseDocument(text string) markupDoc {
	var d markupDoc
	var open []string // lines of the open paragraph, clause or item
	var kind byte     // what is open: 'p', 'c' or 'i'; 0 for nothing
	flush := func() {
		if kind == 0 {
			return
		}
		p := Plain(strings.Join(open, " "))
		switch kind {
		case 'c':
			d.addClause(p)
		case 'i':
			d.addItem(p)
		default:
			d.addParagraph(p)
		}
		open, kind = nil, 0
	}
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
			flush()
		case strings.HasPrefix(l, "## "):
			flush()
			d.sections = append(d.sections, Section{Heading: strings.TrimSpace(l[3:])})
		case strings.HasPrefix(l, "* "), strings.HasPrefix(l, "- "):
			flush()
			open, kind = []string{strings.TrimSpace(l[2:])}, 'c'
			if l[0] == '-' {
				kind = 'i'
			}
		case kind != 0:
			open = append(open, l)
		default:
			open, kind = []string{l}, 'p'
		}
	}
	flush()
	return d
}

// addClause adds a numbered clause to the last section.
func (d *markupDoc) addClause(p Paragraph) {
	if len(d.sections) == 0 {
		d.sections = append(d.sections, Section{})
	}
	s := &d.sections[len(d.sections)-1]
	s.Clauses = append(s.Clauses, Clause{Text: p})
}

// addItem adds an item to the last clause; with no clause it is a
// paragraph.
func (d *markupDoc) addItem(p Paragraph) {
	if n := len(d.sections); n > 0 {
		s := &d.sections[n-1]
		if m := len(s.Clauses); m > 0 {
			s.Clauses[m-1].Items = append(s.Clauses[m-1].Items, p)
			return
		}
	}
	d.addParagraph(p)
}

// addParagraph adds a paragraph: to the preamble before any section, to
// the section before its clauses, else to a new section without heading.
func (d *markupDoc) addParagraph(p Paragraph) {
	n := len(d.sections)
	switch {
	case n == 0:
		d.preamble = append(d.preamble, p)
	case len(d.sections[n-1].Clauses) == 0:
		d.sections[n-1].Paragraphs = append(d.sections[n-1].Paragraphs, p)
	default:
		d.sections = append(d.sections, Section{Paragraphs: []Paragraph{p}})
	}
}
