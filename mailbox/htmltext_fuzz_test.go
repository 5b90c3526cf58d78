package mailbox

import (
	"strings"
	"testing"
)

// FuzzHTMLText: HTMLText never panics and returns lines without CR,
// without trailing spaces, with no two blank lines in a row; what it
// returns reads as a command or as an error, without a panic.
func FuzzHTMLText(f *testing.F) {
	for _, raw := range sampleReplies(f) {
		if _, html := replyParts(f, raw); html != "" {
			f.Add(html)
		}
	}
	f.Add(`<div>HELP<hr><p><b>From:</b> x</p><blockquote>q<div id="Signature">s`)
	f.Add(`<pre>REJECT  a` + "\r\n" + `b</pre><p>&nbsp;</p><p>&nbsp;</p>`)
	f.Fuzz(func(t *testing.T, html string) {
		text := HTMLText(html)
		if strings.Contains(text, "\r") || strings.Contains(text, "\n\n\n") {
			t.Fatalf("HTMLText(%q) = %q: CR or two blank lines", html, text)
		}
		for _, l := range strings.Split(text, "\n") {
			if strings.TrimRight(l, " ") != l {
				t.Fatalf("HTMLText(%q): line %q ends in a space", html, l)
			}
		}
		if c, err := ReadCommand(text); err == nil {
			checkRead(t, text, c)
		}
	})
}
