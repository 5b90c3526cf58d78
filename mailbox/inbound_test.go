package mailbox

import (
	"strings"
	"testing"
)

func TestMessageID(t *testing.T) {
	t.Parallel()
	tests := []struct{ raw, want string }{
		{"Message-ID: <a@b.test>\r\n\r\nbody", "a@b.test"},
		{"Subject: x\r\nMessage-Id:\r\n <folded@b.test>\r\n\r\n", "folded@b.test"},
		{"message-id: (comment) <c@d> (more)\n\nbody", "c@d"},
		{"Message-ID: bare@id\r\n\r\n", "bare@id"},
		{"Message-ID: two words\r\n\r\n", ""},
		{"Subject: none\r\n\r\nMessage-ID: <in-body@x>\r\n", ""},
		{"", ""},
		{"Message-ID: <unterminated@x\r\n\r\n", ""},
	}
	for _, tt := range tests {
		if got := MessageID([]byte(tt.raw)); got != tt.want {
			t.Errorf("MessageID(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

func FuzzMessageID(f *testing.F) {
	f.Add([]byte("Message-ID: <a@b>\r\n\r\n"))
	f.Add([]byte("Message-Id:\r\n <x>\n\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		id := MessageID(raw)
		if strings.ContainsAny(id, "<>\r\n") {
			t.Fatalf("MessageID(%q) = %q", raw, id)
		}
	})
}
