package mailbox

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
)

// ErrUnknownCharset means a part or header names a charset the bot cannot
// decode.
var ErrUnknownCharset = errors.New("unknown charset")

// thaiCharsets maps labels Thai mail is sent with that the WHATWG index
// lacks to the encoding they mean: Windows-874, the superset of TIS-620
// that Outlook and Windows Mail send as "x-cp874" or "cp874".
var thaiCharsets = map[string]string{
	"x-cp874": "windows-874", "cp874": "windows-874", "ms874": "windows-874",
	"windows874": "windows-874", "x-windows-874": "windows-874", "tis620": "windows-874",
	"tis-620-2533": "windows-874", "iso-ir-166": "windows-874", "x-tis-620": "windows-874",
}

// CharsetReader returns a reader that decodes r from the named charset to
// UTF-8, for message parts and RFC 2047 words (it fits
// message.CharsetReader and mime.WordDecoder.CharsetReader). Labels are
// those of the WHATWG Encoding standard (tis-620, windows-874 …), then of
// IANA, then the Thai ones Windows clients send (x-cp874, cp874). UTF-8,
// US-ASCII and an empty label return r itself. An unknown label is an
// error wrapping ErrUnknownCharset.
func CharsetReader(charset string, r io.Reader) (io.Reader, error) {
	label := strings.ToLower(strings.Trim(strings.TrimSpace(charset), `"'`))
	if alias, ok := thaiCharsets[label]; ok {
		label = alias
	}
	switch label {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
		return r, nil
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		enc, err = ianaindex.MIME.Encoding(label)
	}
	if err != nil || enc == nil || enc == encoding.Replacement {
		return nil, fmt.Errorf("mailbox: decoding charset %q: %w", charset, ErrUnknownCharset)
	}
	return enc.NewDecoder().Reader(r), nil
}
