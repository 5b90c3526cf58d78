package mailbox

import (
	"html"
	"regexp"
	"strings"
)

// HTMLText is a stand-in until the reader of HTML-only replies lands: it
// drops tags and decodes entities. (Removed when htmltext.go is merged.)
func HTMLText(s string) string {
	s = regexp.MustCompile(`(?is)<(script|style)[^>]*>.*?</(script|style)>`).ReplaceAllString(s, "")
	s = regexp.MustCompile(`(?i)<br\s*/?>|</p>|</div>`).ReplaceAllString(s, "\n")
	s = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, "")
	return strings.TrimSpace(html.UnescapeString(s))
}
