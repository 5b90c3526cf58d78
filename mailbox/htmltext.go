package mailbox

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLText returns the text of an HTML-only reply, decoded to UTF-8, as
// plain text that [ReadCommand] reads:
//
//   - <br>, and the ends of <p>, <div>, <li>, <tr> and other blocks, end
//     lines; the rest of the whitespace collapses as a browser shows it,
//     except in <pre>; entities are decoded, NBSP becomes a space;
//   - <script>, <style>, <head>, comments (Outlook's conditional ones) and
//     elements hidden with display:none are dropped;
//   - quoted text comes out as "> " lines: <blockquote>, Gmail's
//     gmail_quote, Thunderbird's moz-cite-prefix, Yahoo's yahoo_quoted; and
//     everything from Outlook's divRplyFwdMsg, or from an <hr> followed by
//     "From:" (Thai "จาก:"), to the end;
//   - a signature block (Outlook's id="Signature", Gmail's gmail_signature,
//     Thunderbird's moz-signature) comes after a "-- " line.
//
// Malformed HTML is read as a browser would read it; HTMLText never fails.
func HTMLText(s string) string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		// html.Parse fails only when reading fails, which a string cannot.
		return ""
	}
	w := &htmlWriter{}
	w.walk(doc)
	w.endLine()
	return w.text()
}

// htmlWriter gathers the lines of an HTML document.
type htmlWriter struct {
	lines []string
	line  strings.Builder
	// quoted says the current line is quoted; quote counts the quoting
	// elements around the current node; rest quotes everything from here.
	quoted bool
	quote  int
	rest   bool
	pre    int
	space  bool // a space is due before the next text
	// nbsp says the current line holds only NBSP, as Outlook writes a
	// blank line: <p>&nbsp;</p>.
	nbsp bool
}

func (w *htmlWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.write(n.Data)
		return
	case html.CommentNode, html.DoctypeNode:
		return
	case html.ElementNode:
		w.element(n)
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

func (w *htmlWriter) element(n *html.Node) {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Head, atom.Title, atom.Noscript, atom.Template,
		atom.Svg, atom.Object, atom.Iframe:
		return
	case atom.Br:
		w.breakLine()
		return
	case atom.Hr:
		w.endLine()
		if fromFollows(n) {
			w.rest = true
		}
		return
	}
	if hidden(n) {
		return
	}
	id, class := attr(n, "id"), " "+attr(n, "class")+" "
	if strings.Contains(id, "divRplyFwdMsg") || id == "mail-editor-reference-message-container" {
		w.endLine()
		w.rest = true
	}
	quoting := n.DataAtom == atom.Blockquote || hasClass(class, quoteClasses)
	signature := hasClass(class, signatureClasses) || id == "Signature" ||
		id == "ms-outlook-mobile-signature"
	if signature && !strings.HasPrefix(firstText(n), "--") {
		w.endLine()
		w.lines = append(w.lines, w.prefix()+"-- ")
	}
	block := blockElements[n.DataAtom]
	if block || quoting {
		w.endLine()
	}
	if quoting {
		w.quote++
	}
	if n.DataAtom == atom.Pre {
		w.pre++
	}
	if n.DataAtom == atom.Li {
		w.write("- ")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	switch {
	case n.DataAtom == atom.Pre:
		w.pre--
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		w.space = true
	}
	if block || quoting {
		w.endLine()
	}
	if quoting {
		w.quote--
	}
}

var quoteClasses = []string{"gmail_quote", "gmail_attr", "moz-cite-prefix", "yahoo_quoted",
	"OutlookMessageHeader", "protonmail_quote"}

var signatureClasses = []string{"gmail_signature", "moz-signature"}

var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Tr: true, atom.Table: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Pre: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Center: true,
	atom.Address: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Form: true,
	atom.Fieldset: true, atom.Figure: true, atom.Main: true, atom.Nav: true,
	atom.Aside: true, atom.Body: true, atom.Caption: true,
}

// write adds text to the current line, collapsing whitespace outside <pre>.
func (w *htmlWriter) write(s string) {
	if strings.Contains(s, "\u00a0") && strings.TrimSpace(s) == "" {
		w.nbsp = true
	}
	s = strings.ReplaceAll(s, "\u00a0", " ")
	if w.pre > 0 {
		parts := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
		for i, p := range parts {
			if i > 0 {
				w.breakLine()
			}
			w.put(p)
		}
		return
	}
	for i, f := range strings.Fields(s) {
		if i > 0 || startsWithSpace(s) {
			w.space = true
		}
		w.put(f)
	}
	if endsWithSpace(s) {
		w.space = true
	}
}

func (w *htmlWriter) put(s string) {
	if s == "" {
		return
	}
	if w.line.Len() == 0 {
		w.quoted = w.quote > 0 || w.rest
	} else if w.space {
		w.line.WriteByte(' ')
	}
	w.space = false
	w.line.WriteString(s)
}

func startsWithSpace(s string) bool {
	return s != "" && strings.TrimLeft(s, " \t\n\r\f") != s
}

func endsWithSpace(s string) bool {
	return s != "" && strings.TrimRight(s, " \t\n\r\f") != s
}

// endLine ends the current line if it has text.
func (w *htmlWriter) endLine() {
	if w.line.Len() > 0 || w.nbsp {
		w.breakLine()
	}
	w.space = false
}

// breakLine ends the current line, empty or not (<br>).
func (w *htmlWriter) breakLine() {
	prefix := ""
	switch {
	case w.line.Len() == 0:
		prefix = w.prefix()
	case w.quoted:
		prefix = "> "
	}
	w.lines = append(w.lines, prefix+strings.TrimRight(w.line.String(), " "))
	w.line.Reset()
	w.space, w.nbsp = false, false
}

func (w *htmlWriter) prefix() string {
	if w.quote > 0 || w.rest {
		return "> "
	}
	return ""
}

// text joins the lines, with at most one blank line in a row and none at
// the ends.
func (w *htmlWriter) text() string {
	var out []string
	for _, l := range w.lines {
		l = strings.TrimRight(l, " ")
		if l == ">" {
			l = ""
		}
		if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasClass reports whether the space-padded class attribute names one of
// the classes.
func hasClass(padded string, classes []string) bool {
	for _, c := range classes {
		if strings.Contains(padded, " "+c+" ") {
			return true
		}
	}
	return false
}

// hidden reports an element its style hides: display:none, or Outlook's
// mso-hide:all.
func hidden(n *html.Node) bool {
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(style, "display:none") || strings.Contains(style, "mso-hide:all")
}

// fromFollows reports whether the first text after an <hr>, in document
// order, starts an Outlook header block ("From:", "จาก:").
func fromFollows(hr *html.Node) bool {
	t := textAfter(hr, nil)
	return t != "" && headerFrom.MatchString(t+" x")
}

// firstText returns the first text inside n, trimmed.
func firstText(n *html.Node) string { return textAfter(n, n) }

// textAfter returns the first text, trimmed, after n in document order,
// looking no further than 200 nodes and, if within is set, not out of it.
func textAfter(n, within *html.Node) string {
	for steps := 0; steps < 200; steps++ {
		if n = nextInOrder(n, within); n == nil {
			return ""
		}
		if n.Type != html.TextNode || n.Parent != nil &&
			(n.Parent.DataAtom == atom.Script || n.Parent.DataAtom == atom.Style) {
			continue
		}
		if t := strings.TrimSpace(strings.ReplaceAll(n.Data, "\u00a0", " ")); t != "" {
			return t
		}
	}
	return ""
}

// nextInOrder returns the node after n in document order, nil at the end
// of the document or of within.
func nextInOrder(n, within *html.Node) *html.Node {
	if n.FirstChild != nil {
		return n.FirstChild
	}
	for ; n != nil && n != within; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}
