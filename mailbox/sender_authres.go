package mailbox

import (
	"net/textproto"
	"strings"

	"github.com/emersion/go-msgauth/authres"
)

// authVerdict is what the Authentication-Results headers of a message say,
// and which of them count.
type authVerdict struct {
	// ours: the topmost header is our server's; only then do dmarcFail,
	// passes and said mean anything.
	ours      bool
	dmarcFail bool
	// passes are the header.d of its dkim=pass results.
	passes []string
	// said sums up its dkim results: "dkim=fail header.d=etda.example".
	said string
	// ignored names the authserv-ids of headers that were not trusted.
	ignored []string
}

// readAuthResults reads the topmost Authentication-Results header (RFC 8601
// s5: a receiving server adds its own on top), trusted only if its
// authserv-id is ours. An empty id trusts none.
func readAuthResults(h textproto.MIMEHeader, id string) authVerdict {
	var v authVerdict
	for i, value := range h.Values("Authentication-Results") {
		server, results, err := authres.Parse(stripComments(value))
		if i > 0 || id == "" || err != nil || !strings.EqualFold(server, id) {
			v.ignored = append(v.ignored, server)
			continue
		}
		v.ours = true
		v.read(results)
	}
	return v
}

func (v *authVerdict) read(results []authres.Result) {
	var said []string
	for _, r := range results {
		switch r := r.(type) {
		case *authres.DMARCResult:
			v.dmarcFail = v.dmarcFail || r.Value == authres.ResultFail
		case *authres.DKIMResult:
			d := strings.Trim(r.Domain, `"`)
			if d == "" {
				// Older verifiers give only header.i=@domain.
				_, d, _ = strings.Cut(strings.Trim(r.Identifier, `"`), "@")
			}
			if r.Value == authres.ResultPass && d != "" {
				v.passes = append(v.passes, d)
			}
			if d != "" {
				said = append(said, "dkim="+string(r.Value)+" header.d="+d)
			} else {
				said = append(said, "dkim="+string(r.Value))
			}
		}
	}
	if len(said) == 0 {
		said = []string{"no dkim result"}
	}
	v.said = strings.Join(said, ", ")
}

// passFor returns a signing domain our server found to pass and that is
// aligned with the From domain; "" when there is none.
func (v authVerdict) passFor(domain string) string {
	if !v.ours {
		return ""
	}
	for _, d := range v.passes {
		if aligned(d, domain) {
			return normalDomain(d)
		}
	}
	return ""
}

// stripComments removes RFC 5322 comments, "(…)", nested or not, outside
// quoted strings, so that a ";" or "=" in a comment is not taken for a
// separator.
func stripComments(s string) string {
	var b strings.Builder
	depth, quoted, escaped := 0, false, false
	for _, r := range s {
		switch {
		case escaped:
			escaped = false
		case r == '\\':
			escaped = true
		case quoted:
			quoted = r != '"'
		case r == '"' && depth == 0:
			quoted = true
		case r == '(':
			depth++
			continue
		case r == ')' && depth > 0:
			depth--
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}
