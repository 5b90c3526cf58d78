package mailbox

import (
	"errors"
	"testing"

	"sandboxbot/cases"
)

// FuzzVerifyToken: VerifyToken never panics and accepts only a token that
// IssueToken made; FindToken never panics on any header value.
func FuzzVerifyToken(f *testing.F) {
	good, err := IssueToken(tokenKey, testToken())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good, "Sandbox Bot <sandboxbot+"+good+"@etda.example>")
	f.Add("AAAA", "sandboxbot+@etda.example, <<")
	f.Fuzz(func(t *testing.T, token, header string) {
		_, err := VerifyToken(tokenKey, token, tokenNow, "somchai.j@etda.example", tokenCase,
			cases.Decision)
		var te *TokenError
		if err != nil && (!errors.As(err, &te) || te.Reason == "" || te.ReasonTH == "") {
			t.Fatalf("VerifyToken(%q): %v (%T)", token, err, err)
		}
		if err == nil && len(token) < TokenLength {
			t.Fatalf("VerifyToken accepts %q", token)
		}
		if sub, ok := FindToken("sandboxbot@etda.example", []string{header}); ok &&
			sub == "" {
			t.Fatalf("FindToken(%q) found an empty token", header)
		}
	})
}
