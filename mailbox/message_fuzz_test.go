package mailbox

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzReadMessage reads arbitrary bytes as a message: no panic, the limits
// hold, and no attachment name could be taken for a path.
func FuzzReadMessage(f *testing.F) {
	for _, s := range []string{
		"From: a@b\r\nSubject: x\r\n\r\nbody\r\n",
		withForm("a@corp.test", "s", "interest.form", "{}"),
		"From: =?TIS-620?B?t7TKzbo=?= <a@corp.test>\r\nContent-Type: multipart/mixed; " +
			"boundary=b\r\n\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: " +
			"attachment; filename*=windows-874''%B7%B4.pdf\r\n\r\n%PDF\r\n--b--\r\n",
		"Content-Type: multipart/report; report-type=delivery-status; boundary=r\r\n\r\n" +
			"--r\r\nContent-Type: message/delivery-status\r\n\r\nAction: failed\r\n--r--\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := ReadMessage(raw, Limits{MaxParts: 20, MaxDepth: 4})
		if err != nil {
			return
		}
		if len(m.Attachments) > 20 {
			t.Fatalf("%d attachments over a limit of 20 parts", len(m.Attachments))
		}
		for _, a := range m.Attachments {
			if strings.ContainsAny(a.Name, "/\\") || strings.HasPrefix(a.Name, ".") ||
				strings.ContainsFunc(a.Name, unicode.IsControl) {
				t.Fatalf("unsafe attachment name %q", a.Name)
			}
		}
		Classify(m) // must not panic on any header
	})
}
