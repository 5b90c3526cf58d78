package notices

import (
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"testing"
)

// TestCRC32Join checks the joined CRC against the CRC of the joined bytes,
// for empty and long pieces.
func TestCRC32Join(t *testing.T) {
	t.Parallel()
	long := bytes.Repeat([]byte("<row r=\"2\"><c>ข้อความ</c></row>"), 5000)
	for _, c := range []struct{ a, b []byte }{
		{nil, nil}, {[]byte("a"), nil}, {nil, []byte("b")}, {[]byte("<sheetData>"), long},
		{long, []byte("</sheetData></worksheet>")}, {long, long},
	} {
		want := crc32.ChecksumIEEE(append(append([]byte{}, c.a...), c.b...))
		got := crc32Join(crc32.ChecksumIEEE(c.a), crc32.ChecksumIEEE(c.b), int64(len(c.b)))
		if got != want {
			t.Errorf("join of %d and %d bytes: %08x, want %08x", len(c.a), len(c.b), got, want)
		}
	}
}

// TestDeflatedPiecesJoin checks that pieces deflated apart, all but the last
// ending with a sync flush, inflate as one stream to the joined text.
func TestDeflatedPiecesJoin(t *testing.T) {
	t.Parallel()
	pieces := [][]byte{[]byte("<worksheet><sheetData>"),
		bytes.Repeat([]byte("<row><c t=\"inlineStr\"><is><t>หน่วยงาน</t></is></c></row>"), 3000),
		[]byte("</sheetData></worksheet>")}
	var joined, want []byte
	for i, p := range pieces {
		d, err := deflated(p, i == len(pieces)-1)
		if err != nil {
			t.Fatal(err)
		}
		joined, want = append(joined, d...), append(want, p...)
	}
	got, err := io.ReadAll(flate.NewReader(bytes.NewReader(joined)))
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("inflated %d bytes (%v), want %d", len(got), err, len(want))
	}
}
