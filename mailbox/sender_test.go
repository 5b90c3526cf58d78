package mailbox

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-msgauth/dkim"
)

// dkimKeys signs as several domains and serves their public keys, as DNS
// would, through its lookup.
type dkimKeys struct {
	mu   sync.Mutex
	keys map[string]crypto.Signer // domain → key, selector "sel"
	rsa  *rsa.PrivateKey
}

func newDKIMKeys(t *testing.T, domains ...string) *dkimKeys {
	t.Helper()
	k := &dkimKeys{keys: map[string]crypto.Signer{}}
	for _, d := range domains {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		k.keys[d] = priv
	}
	return k
}

func (k *dkimKeys) lookup(name string) ([]string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	d, ok := strings.CutPrefix(name, "sel._domainkey.")
	key, known := k.keys[d]
	if !ok || !known {
		return nil, &net.DNSError{Err: "no such host", Name: name, IsNotFound: true}
	}
	switch pub := key.Public().(type) {
	case ed25519.PublicKey:
		return []string{"v=DKIM1; k=ed25519; p=" + base64.StdEncoding.EncodeToString(pub)}, nil
	case *rsa.PublicKey:
		der, _ := x509.MarshalPKIXPublicKey(pub)
		return []string{"v=DKIM1; k=rsa; p=" + base64.StdEncoding.EncodeToString(der)}, nil
	}
	return nil, errors.New("unknown key")
}

// sign returns msg with a DKIM signature of domain over headers (From,
// To, Subject, Date when nil).
func (k *dkimKeys) sign(t *testing.T, msg, domain string, headers ...string) string {
	t.Helper()
	if headers == nil {
		headers = []string{"From", "To", "Subject", "Date"}
	}
	var b bytes.Buffer
	err := dkim.Sign(&b, strings.NewReader(msg), &dkim.SignOptions{Domain: domain,
		Selector: "sel", Signer: k.keys[domain], HeaderKeys: headers,
		HeaderCanonicalization: dkim.CanonicalizationRelaxed,
		BodyCanonicalization:   dkim.CanonicalizationRelaxed})
	if err != nil {
		t.Fatalf("signing as %s: %v", domain, err)
	}
	return b.String()
}

// reply builds a message; extra header lines go on top, as a receiving
// server adds them.
func reply(from string, extra ...string) string {
	var b strings.Builder
	for _, h := range extra {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("From: " + from + "\r\n" +
		"To: sandboxbot+token@etda.example\r\n" +
		"Subject: Re: [DSS-2569-0007] Decision due\r\n" +
		"Date: Sat, 30 May 2026 10:00:00 +0700\r\n" +
		"Message-ID: <reply-1@etda.example>\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\n" +
		"\r\n" +
		"APPROVE ROUND 2\r\n\r\n> Case DSS-2569-0007\r\n")
	return b.String()
}

const (
	ourServer = "mx.etda.example"
	officer   = "Somchai Jaidee <somchai.j@etda.example>"
)

// onTop puts header lines above a signed message, as servers on the way
// add them.
func onTop(msg string, lines ...string) string {
	return strings.Join(lines, "\r\n") + "\r\n" + msg
}

func TestProveSender(t *testing.T) {
	t.Parallel()
	k := newDKIMKeys(t, "etda.example", "mail.etda.example", "gmail.example",
		"etda.example.evil")
	policy := SenderPolicy{AuthServID: ourServer, LookupTXT: k.lookup}
	signed := k.sign(t, reply(officer), "etda.example")
	tests := []struct {
		name   string
		msg    string
		policy SenderPolicy
		err    error  // nil: accepted
		method string // when accepted
		says   string // in the reason, when refused
	}{
		{"signed by the From domain", signed, policy, nil, ProvenByDKIM, ""},
		{"signed by a subdomain (relaxed alignment)", k.sign(t, reply(officer),
			"mail.etda.example"), policy, nil, ProvenByDKIM, ""},
		{"forged From, no signature", reply(officer), policy, ErrNoSignature, "",
			"carries no DKIM signature"},
		{"signed by another domain", k.sign(t, reply(officer), "gmail.example"), policy,
			ErrSignatureDomain, "", "signed by gmail.example, not by etda.example"},
		{"signed by a look-alike domain", k.sign(t, reply(officer), "etda.example.evil"),
			policy, ErrSignatureDomain, "", "etda.example.evil"},
		{"changed after signing", strings.Replace(signed, "APPROVE ROUND 2",
			"APPROVE ROUND 3", 1), policy, ErrBadSignature, "", "does not verify"},
		{"From changed after signing", strings.Replace(signed, "somchai.j@",
			"somsri.r@", 1), policy, ErrBadSignature, "", "does not verify"},
		{"key not published", k.sign(t, reply("x@gmail.example"), "gmail.example"),
			SenderPolicy{LookupTXT: func(string) ([]string, error) {
				return nil, &net.DNSError{Err: "no such host", IsNotFound: true}
			}}, ErrBadSignature, "", "gmail.example"},
		{"DNS timeout", signed, SenderPolicy{LookupTXT: func(string) ([]string, error) {
			return nil, &net.DNSError{Err: "i/o timeout", IsTimeout: true}
		}}, ErrSenderTemporary, "", "checked again later"},

		{"our A-R on top, dkim=pass aligned", onTop(reply(officer),
			"Authentication-Results: mx.etda.example; dkim=pass header.d=etda.example "+
				"header.s=sel; spf=pass smtp.mailfrom=etda.example; dmarc=pass "+
				"header.from=etda.example"), policy, nil, ProvenByAuthResults, ""},
		{"our A-R, id in another case, with comments and header.i only",
			onTop(reply(officer), "Authentication-Results: MX.ETDA.EXAMPLE 1;\r\n"+
				"\tdkim=pass (2048-bit key; secure; comment; with = signs) "+
				"header.i=@mail.etda.example header.b=AbCd"), policy, nil,
			ProvenByAuthResults, ""},
		{"our A-R says pass for another domain", onTop(reply(officer),
			"Authentication-Results: mx.etda.example; dkim=pass header.d=gmail.example"),
			policy, ErrSignatureDomain, "", "our mail server found dkim=pass header.d=gmail"},
		{"our A-R dmarc=fail beats a valid signature", onTop(signed,
			"Authentication-Results: mx.etda.example; dkim=pass header.d=etda.example; "+
				"dmarc=fail (p=reject) header.from=etda.example"), policy, ErrDMARCFail, "",
			"fails DMARC"},
		{"our A-R says fail, the signature verifies here", onTop(signed,
			"Authentication-Results: mx.etda.example; dkim=temperror header.d=etda.example"),
			policy, nil, ProvenByDKIM, ""},
		{"foreign A-R on top saying pass", onTop(reply(officer),
			"Authentication-Results: mx.attacker.example; dkim=pass header.d=etda.example; "+
				"dmarc=pass"), policy, ErrNoSignature, "",
			"topmost one were ignored (mx.attacker.example)"},
		{"foreign A-R on top, ours below it", onTop(reply(officer),
			"Authentication-Results: mx.attacker.example; dkim=none",
			"Authentication-Results: mx.etda.example; dkim=pass header.d=etda.example"),
			policy, ErrNoSignature, "", "ignored (mx.attacker.example, mx.etda.example)"},
		{"forged A-R with our id below ours", onTop(reply(officer),
			"Authentication-Results: mx.etda.example; dkim=none; dmarc=none",
			"Authentication-Results: mx.etda.example; dkim=pass header.d=etda.example"),
			policy, ErrNoSignature, "", "our mail server found dkim=none; " +
				"Authentication-Results headers other than our server's topmost one were " +
				"ignored (mx.etda.example)"},
		{"A-R not trusted without an authserv-id", onTop(reply(officer),
			"Authentication-Results: mx.etda.example; dkim=pass header.d=etda.example"),
			SenderPolicy{LookupTXT: k.lookup}, ErrNoSignature, "", "ignored"},

		{"two From headers", k.sign(t, onTop(reply(officer),
			"From: Somsri <somsri.r@etda.example>"), "etda.example"), policy, ErrFromHeader,
			"", "2 From headers"},
		{"a From with two mailboxes", k.sign(t, reply(officer+", x@etda.example"),
			"etda.example"), policy, ErrFromHeader, "", "names 2 addresses"},
		{"an empty group as From", reply("undisclosed-recipients:;"), policy,
			ErrFromHeader, "", "names 0 addresses"},
		{"no From", "To: x@etda.example\r\nSubject: x\r\n\r\nHELP\r\n", policy,
			ErrFromHeader, "", "no From header"},
		{"a Sender that differs", k.sign(t, onTop(reply(officer),
			"Sender: assistant@etda.example"), "etda.example",
			"From", "Sender", "Subject"), policy, ErrFromHeader, "",
			"sent by assistant@etda.example (Sender) on behalf of somchai.j@etda.example"},
		{"a Sender that is the From", k.sign(t, onTop(reply(officer),
			"Sender: SOMCHAI.J@etda.example"), "etda.example"), policy, nil, ProvenByDKIM,
			""},
		{"an unreadable header", "From x@etda.example\r\n\r\nHELP", policy, ErrFromHeader,
			"", "cannot be read"},
	}
	for _, tt := range tests {
		proof, err := ProveSender(context.Background(), []byte(tt.msg), tt.policy)
		if tt.err == nil {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			} else if proof.Method != tt.method || proof.Unauthenticated ||
				proof.Address != "somchai.j@etda.example" || proof.Domain != "etda.example" {
				t.Errorf("%s: proof %+v", tt.name, proof)
			}
			continue
		}
		if !errors.Is(err, tt.err) || !errors.Is(err, ErrUnauthenticated) {
			t.Errorf("%s: %+v, %v; want %v", tt.name, proof, err, tt.err)
			continue
		}
		var se *SenderError
		if !errors.As(err, &se) || se.ReasonTH == "" || !strings.Contains(se.Reason, tt.says) {
			t.Errorf("%s: reason %q does not say %q", tt.name, err, tt.says)
		}
	}
}

func TestProveSenderRSA(t *testing.T) {
	t.Parallel()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	k := &dkimKeys{keys: map[string]crypto.Signer{"etda.example": key}}
	msg := k.sign(t, reply(officer), "etda.example")
	proof, err := ProveSender(context.Background(), []byte(msg),
		SenderPolicy{LookupTXT: k.lookup})
	if err != nil || proof.Method != ProvenByDKIM || proof.Signer != "etda.example" {
		t.Errorf("RSA-signed reply: %+v, %v", proof, err)
	}
}

// TestProveSenderSignatureWithoutFrom: a signature whose h= leaves From
// out proves nothing about From.
func TestProveSenderSignatureWithoutFrom(t *testing.T) {
	t.Parallel()
	k := newDKIMKeys(t, "etda.example")
	msg := k.sign(t, reply(officer), "etda.example")
	// Re-sign with h= listing Subject only: go-msgauth refuses to sign that
	// way, so the header is edited and the signature left to fail.
	msg = strings.Replace(msg, "h=From:To:Subject:Date", "h=Subject", 1)
	_, err := ProveSender(context.Background(), []byte(msg),
		SenderPolicy{LookupTXT: k.lookup})
	if !errors.Is(err, ErrBadSignature) {
		t.Errorf("signature without From: %v, want ErrBadSignature", err)
	}
}

func TestProveSenderUnauthenticatedMode(t *testing.T) {
	t.Parallel()
	relaxed := SenderPolicy{AuthServID: ourServer, AllowUnauthenticated: true,
		LookupTXT: func(string) ([]string, error) { return nil, errors.New("no DNS") }}
	proof, err := ProveSender(context.Background(), []byte(reply(officer)), relaxed)
	if err != nil || !proof.Unauthenticated || proof.Method != NotProven ||
		proof.Address != "somchai.j@etda.example" || !strings.Contains(proof.Why, "no DKIM") {
		t.Errorf("relaxed mode, no signature: %+v, %v", proof, err)
	}
	for name, msg := range map[string]string{
		"dmarc=fail": onTop(reply(officer),
			"Authentication-Results: mx.etda.example; dmarc=fail header.from=etda.example"),
		"two From": onTop(reply(officer), "From: x@etda.example"),
	} {
		if _, err := ProveSender(context.Background(), []byte(msg), relaxed); err == nil {
			t.Errorf("relaxed mode accepts %s", name)
		}
	}
}

func TestProveSenderContext(t *testing.T) {
	t.Parallel()
	k := newDKIMKeys(t, "etda.example")
	msg := k.sign(t, reply(officer), "etda.example")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ProveSender(ctx, []byte(msg), SenderPolicy{LookupTXT: k.lookup})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	ctx, cancel = context.WithCancel(context.Background())
	lookup := func(d string) ([]string, error) { cancel(); return k.lookup(d) }
	_, err = ProveSender(ctx, []byte(msg), SenderPolicy{LookupTXT: lookup})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled during the lookup: %v", err)
	}
}

func TestAligned(t *testing.T) {
	t.Parallel()
	tests := []struct {
		signer, from string
		want         bool
	}{
		{"etda.example", "etda.example", true},
		{"ETDA.Example.", "etda.example", true},
		{"mail.etda.example", "etda.example", true},
		{"etda.example", "mail.etda.example", true},
		{"etda.or.th", "mail.etda.or.th", true},
		{"etda.or.th", "other.or.th", false},
		{"or.th", "etda.or.th", false},
		{"etda.example.evil", "etda.example", false},
		{"gmail.com", "etda.example", false},
		{"a.github.io", "b.github.io", false},
		{"", "etda.example", false},
		{"[192.0.2.1]", "etda.example", false},
	}
	for _, tt := range tests {
		if got := aligned(tt.signer, tt.from); got != tt.want {
			t.Errorf("aligned(%q, %q) = %v, want %v", tt.signer, tt.from, got, tt.want)
		}
	}
}

func TestStripComments(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"a (b) c", "a  c"},
		{"a (b (c) d) e", "a  e"},
		{`a "(not a comment)" b`, `a "(not a comment)" b`},
		{`a (x \) y) b`, "a  b"},
		{"dkim=pass (2048-bit; secure) header.d=x", "dkim=pass  header.d=x"},
	}
	for _, tt := range tests {
		if got := stripComments(tt.in); got != tt.want {
			t.Errorf("stripComments(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
