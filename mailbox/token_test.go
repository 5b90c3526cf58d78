package mailbox

import (
	"errors"
	"strings"
	"testing"
	"time"

	"sandboxbot/cases"
)

var (
	tokenKey  = []byte("0123456789abcdef0123456789abcdef")
	tokenCase = cases.Ref{Year: 2569, Seq: 7}
	tokenNow  = time.Date(2026, 5, 30, 9, 15, 0, 0, cases.Bangkok)
)

func issue(t *testing.T, tok Token) string {
	t.Helper()
	s, err := IssueToken(tokenKey, tok)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func testToken() Token {
	return Token{Case: tokenCase, Officer: "Somchai.J@etda.example", Stage: cases.Decision,
		Expires: tokenNow.Add(30 * 24 * time.Hour)}
}

func TestTokenRoundTrip(t *testing.T) {
	t.Parallel()
	s := issue(t, testToken())
	if len(s) != TokenLength || strings.Trim(s, "abcdefghijklmnopqrstuvwxyz234567") != "" {
		t.Fatalf("token %q: want %d characters of [a-z2-7]", s, TokenLength)
	}
	got, err := VerifyToken(tokenKey, s, tokenNow, "somchai.j@etda.example", tokenCase,
		cases.Decision)
	if err != nil {
		t.Fatal(err)
	}
	want := testToken()
	if got.Case != want.Case || got.Stage != want.Stage || !got.Expires.Equal(want.Expires) ||
		got.Officer != "somchai.j@etda.example" {
		t.Errorf("VerifyToken = %+v, want %+v", got, want)
	}
	if got.ID() == "" || len(got.ID()) != 32 || strings.Contains(got.ID(), s) {
		t.Errorf("ID() = %q", got.ID())
	}
	again, _ := VerifyToken(tokenKey, strings.ToUpper(s), tokenNow, "somchai.j@etda.example",
		tokenCase, cases.Decision)
	if again.ID() != got.ID() {
		t.Errorf("the same token has IDs %q and %q", got.ID(), again.ID())
	}
	if (Token{}).ID() != "" {
		t.Error("a zero Token has an ID")
	}
	// Each mail's token is its own, even with the same fields.
	other := issue(t, testToken())
	o, err := VerifyToken(tokenKey, other, tokenNow, "somchai.j@etda.example", tokenCase,
		cases.Decision)
	if err != nil || other == s || o.ID() == got.ID() {
		t.Errorf("a second token for the same fields: %q (%v), ID %q", other, err, o.ID())
	}
}

func TestVerifyTokenRefusals(t *testing.T) {
	t.Parallel()
	s := issue(t, testToken())
	tests := []struct {
		name    string
		token   string
		key     []byte
		now     time.Time
		officer string
		ref     cases.Ref
		stage   cases.Stage
		err     error // nil: accepted
	}{
		{"valid", s, tokenKey, tokenNow, "somchai.j@etda.example", tokenCase,
			cases.Decision, nil},
		{"lower-cased address", strings.ToLower(s), tokenKey, tokenNow,
			"SOMCHAI.J@ETDA.EXAMPLE", tokenCase, cases.Decision, nil},
		{"upper-cased by a mail system", strings.ToUpper(s), tokenKey, tokenNow,
			"Somchai <somchai.j@etda.example>", tokenCase, cases.Decision, nil},
		{"a second before it expires", s, tokenKey,
			testToken().Expires.Add(-time.Second), "somchai.j@etda.example", tokenCase,
			cases.Decision, nil},
		{"another officer's", s, tokenKey, tokenNow, "somsri.r@etda.example", tokenCase,
			cases.Decision, ErrTokenOfficer},
		{"expired", s, tokenKey, testToken().Expires, "somchai.j@etda.example", tokenCase,
			cases.Decision, ErrTokenExpired},
		{"another case's", s, tokenKey, tokenNow, "somchai.j@etda.example",
			cases.Ref{Year: 2569, Seq: 8}, cases.Decision, ErrTokenCase},
		{"an earlier stage's", s, tokenKey, tokenNow, "somchai.j@etda.example", tokenCase,
			cases.Agreement, ErrTokenStage},
		{"another key", s, []byte("another key that is long enough!!"), tokenNow,
			"somchai.j@etda.example", tokenCase, cases.Decision, ErrTokenForged},
		{"a short key", s, tokenKey[:16], tokenNow, "somchai.j@etda.example", tokenCase,
			cases.Decision, ErrTokenForged},
		{"empty", "", tokenKey, tokenNow, "somchai.j@etda.example", tokenCase,
			cases.Decision, ErrTokenForged},
		{"truncated", s[:40], tokenKey, tokenNow, "somchai.j@etda.example", tokenCase,
			cases.Decision, ErrTokenForged},
		{"not base32", strings.Replace(s, s[:1], "1", 1), tokenKey, tokenNow,
			"somchai.j@etda.example", tokenCase, cases.Decision, ErrTokenForged},
		{"no officer", s, tokenKey, tokenNow, "", tokenCase, cases.Decision,
			ErrTokenOfficer},
	}
	for _, tt := range tests {
		tok, err := VerifyToken(tt.key, tt.token, tt.now, tt.officer, tt.ref, tt.stage)
		if tt.err == nil {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		var te *TokenError
		if !errors.Is(err, tt.err) || !errors.As(err, &te) || te.ReasonTH == "" {
			t.Errorf("%s: %+v, %v; want %v", tt.name, tok, err, tt.err)
		}
	}
}

// TestVerifyTokenTampered: a token with any one character changed is
// refused.
func TestVerifyTokenTampered(t *testing.T) {
	t.Parallel()
	s := issue(t, testToken())
	for i := range s {
		b := []byte(s)
		b[i] = "ba"[b[i]%2]
		if b[i] == s[i] {
			b[i] = 'z'
		}
		_, err := VerifyToken(tokenKey, string(b), tokenNow, "somchai.j@etda.example",
			tokenCase, cases.Decision)
		if !errors.Is(err, ErrTokenForged) && !errors.Is(err, ErrTokenOfficer) {
			t.Errorf("token with character %d changed: %v", i, err)
		}
	}
}

func TestIssueTokenRefusals(t *testing.T) {
	t.Parallel()
	const a = "a@etda.example"
	for name, tok := range map[string]Token{
		"no case":       {Officer: a, Stage: cases.Decision, Expires: tokenNow},
		"no stage":      {Case: tokenCase, Officer: a, Expires: tokenNow},
		"unknown stage": {Case: tokenCase, Officer: a, Stage: "limbo", Expires: tokenNow},
		"no officer":    {Case: tokenCase, Stage: cases.Decision, Expires: tokenNow},
		"no expiry":     {Case: tokenCase, Officer: a, Stage: cases.Decision},
		"huge sequence": {Case: cases.Ref{Year: 2569, Seq: 1 << 24}, Officer: a,
			Stage: cases.Decision, Expires: tokenNow},
		"expiry in 2200": {Case: tokenCase, Officer: a, Stage: cases.Decision,
			Expires: time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		if s, err := IssueToken(tokenKey, tok); err == nil {
			t.Errorf("%s: IssueToken = %q", name, s)
		}
	}
	if _, err := IssueToken(tokenKey[:31], testToken()); err == nil {
		t.Error("IssueToken takes a 31-byte key")
	}
}

func TestReplyAddress(t *testing.T) {
	t.Parallel()
	tok := issue(t, testToken())
	got, err := ReplyAddress("Sandbox Bot <sandboxbot@etda.example>", tok)
	if err != nil || got != "sandboxbot+"+tok+"@etda.example" {
		t.Errorf("ReplyAddress = %q, %v", got, err)
	}
	local := strings.Repeat("b", maxLocalPart-1-TokenLength)
	if _, err := ReplyAddress(local+"@etda.example", tok); err != nil {
		t.Errorf("a %d-octet local part: %v", len(local), err)
	}
	for name, bot := range map[string]string{
		"too long":       local + "x@etda.example",
		"sub-address":    "sandboxbot+x@etda.example",
		"not an address": "sandboxbot",
	} {
		if a, err := ReplyAddress(bot, tok); !errors.Is(err, ErrReplyAddress) {
			t.Errorf("%s: ReplyAddress(%q) = %q, %v", name, bot, a, err)
		}
	}
	for _, bad := range []string{"", "ABC", "a+b", "a@b"} {
		if _, err := ReplyAddress("sandboxbot@etda.example", bad); !errors.Is(err,
			ErrReplyAddress) {
			t.Errorf("ReplyAddress with token %q: %v", bad, err)
		}
	}
}

func TestFindToken(t *testing.T) {
	t.Parallel()
	const bot = "Sandbox Bot <sandboxbot@etda.example>"
	tests := []struct {
		name  string
		addrs []string
		want  string
	}{
		{"to", []string{"Sandbox Bot <sandboxbot+abc@etda.example>"}, "abc"},
		{"list", []string{"Somsri <somsri@etda.example>, \"Bot\" <sandboxbot+abc@etda.example>"},
			"abc"},
		{"delivered-to first", []string{"sandboxbot+first@etda.example",
			"sandboxbot+second@etda.example"}, "first"},
		{"bare with brackets", []string{"<sandboxbot+abc@etda.example>"}, "abc"},
		{"case folded", []string{"SANDBOXBOT+ABC@ETDA.EXAMPLE"}, "ABC"},
		{"cc after a plain to", []string{"sandboxbot@etda.example",
			"x@etda.example, sandboxbot+abc@etda.example"}, "abc"},
		{"someone else's sub-address", []string{"somsri+abc@etda.example"}, ""},
		{"another domain", []string{"sandboxbot+abc@etda.example.evil"}, ""},
		{"no sub-address", []string{"sandboxbot@etda.example"}, ""},
		{"empty sub-address", []string{"sandboxbot+@etda.example"}, ""},
		{"nothing", nil, ""},
		{"garbage", []string{"<<<", ""}, ""},
	}
	for _, tt := range tests {
		got, ok := FindToken(bot, tt.addrs)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: FindToken = %q, %v; want %q", tt.name, got, ok, tt.want)
		}
	}
}

// TestTokenThroughMail: a token issued, put in a reply address, lower-cased
// by a mail system on the way back, found and verified.
func TestTokenThroughMail(t *testing.T) {
	t.Parallel()
	tok := issue(t, testToken())
	addr, err := ReplyAddress("sandboxbot@etda.example", tok)
	if err != nil {
		t.Fatal(err)
	}
	found, ok := FindToken("sandboxbot@etda.example",
		[]string{strings.ToUpper(addr)})
	if !ok {
		t.Fatalf("FindToken(%q) found nothing", strings.ToUpper(addr))
	}
	got, err := VerifyToken(tokenKey, found, tokenNow, "somchai.j@etda.example", tokenCase,
		cases.Decision)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID() == "" {
		t.Error("a verified token has no ID")
	}
}
