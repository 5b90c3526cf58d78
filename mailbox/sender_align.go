package mailbox

import (
	"strings"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// aligned reports whether a signing domain is aligned with the From domain
// in DMARC's relaxed mode (RFC 7489 s3.1.1): the same domain, or two with
// the same organizational domain, found with the Public Suffix List
// (mail.etda.or.th and etda.or.th are; etda.or.th and other.or.th are not).
// A domain that is itself a public suffix aligns only with itself.
func aligned(signer, from string) bool {
	s, f := normalDomain(signer), normalDomain(from)
	if s == "" || f == "" {
		return false
	}
	if s == f {
		return true
	}
	os, err := publicsuffix.EffectiveTLDPlusOne(s)
	if err != nil {
		return false
	}
	of, err := publicsuffix.EffectiveTLDPlusOne(f)
	return err == nil && os == of
}

// normalDomain returns a domain in lower-case ASCII (A-labels), without a
// final dot; "" when it is not a domain name.
func normalDomain(d string) string {
	d = strings.TrimSuffix(strings.TrimSpace(d), ".")
	a, err := idna.Lookup.ToASCII(d)
	if err != nil || a == "" || strings.ContainsAny(a, " @[]") {
		return ""
	}
	return strings.ToLower(a)
}
