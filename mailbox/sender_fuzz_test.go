package mailbox

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// FuzzProveSender: ProveSender never panics, never proves a sender
// without DNS or a trusted Authentication-Results saying so, and refuses
// with a *SenderError.
func FuzzProveSender(f *testing.F) {
	for _, raw := range sampleReplies(f) {
		f.Add(raw)
	}
	f.Add([]byte(onTop(reply(officer), "Authentication-Results: mx.etda.example; "+
		"dkim=pass (c; d) header.d=etda.example; dmarc=fail")))
	f.Add([]byte(onTop(reply(officer), "DKIM-Signature: v=1; a=ed25519-sha256; "+
		"d=etda.example; s=sel; h=From; bh=AA==; b=AA==")))
	noDNS := SenderPolicy{AuthServID: ourServer,
		LookupTXT: func(string) ([]string, error) { return nil, errors.New("no DNS") }}
	f.Fuzz(func(t *testing.T, raw []byte) {
		proof, err := ProveSender(context.Background(), raw, noDNS)
		if err != nil {
			var se *SenderError
			if !errors.As(err, &se) || !errors.Is(err, ErrUnauthenticated) ||
				se.Reason == "" || se.ReasonTH == "" {
				t.Fatalf("ProveSender: %v (%T)", err, err)
			}
			return
		}
		h, _ := readHeader(raw)
		top := h.Values("Authentication-Results")
		if proof.Method != ProvenByAuthResults || len(top) == 0 ||
			!strings.Contains(strings.ToLower(top[0]), ourServer) {
			t.Fatalf("ProveSender proved %+v without our Authentication-Results", proof)
		}
		if !aligned(proof.Signer, proof.Domain) || proof.Address == "" {
			t.Fatalf("ProveSender proved %+v", proof)
		}
	})
}
