package forms

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"hash/crc32"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/xuri/excelize/v2"
)

// Hostile and broken files: each is refused with its own sentinel error and
// a message that says what is wrong.

func parseStandalone(data []byte) (*Record, error) {
	return Parse(context.Background(), "file", data, ParseOptions{Standalone: true})
}

func blankBytes(t testing.TB, kind string, f Format) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteBlank(context.Background(), &buf, kind, f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRefusals(t *testing.T) {
	t.Parallel()
	pdf := blankBytes(t, "appeal", PDF)
	book := blankBytes(t, "appeal", XLSX)
	tests := []struct {
		name string
		data []byte
		want error
		says string
	}{
		{"encrypted PDF", encryptPDF(t, pdf, "secret"), ErrEncrypted, "encrypted"},
		{"PDF encrypted with an owner password only", encryptPDF(t, pdf, ""),
			ErrEncrypted, "encrypted"},
		{"truncated PDF", pdf[:len(pdf)/2], ErrDamaged, "damaged or truncated"},
		{"PDF without a form", plainPDF(t), ErrNotAForm, "no form fields"},
		{"encrypted workbook", encryptWorkbook(t, book), ErrEncrypted, "encrypted"},
		{"macro workbook (vbaProject.bin)", addZipEntry(t, book, "xl/vbaProject.bin", "VBA"),
			ErrMacro, "vbaProject.bin"},
		{"macro content type", macroContentType(t, book), ErrMacro, "macro-enabled"},
		{"workbook entries lying about their size", lyingSizes(t, book), ErrZipBomb,
			"declared"},
		{"zip bomb", zipBomb(t, 1<<30, 1<<30), ErrZipBomb, "inflate to over"},
		{"truncated workbook", book[:len(book)/2], ErrDamaged, "damaged"},
		{"legacy xls", append(append([]byte{}, oleMagic...), make([]byte, 600)...),
			ErrUnknownFormat, "legacy .xls"},
		{"not a form file", []byte("hello"), ErrUnknownFormat, "not a PDF"},
		{"workbook that is not a form", emptyWorkbook(t), ErrNotAForm, "no form_kind"},
		{"unknown kind", setInfo(t, book, "B1", "visa"), ErrUnknownKind, `"visa"`},
		{"unknown version", setInfo(t, book, "B2", "2"), ErrUnknownVersion, "version"},
		{"over the size limit", append(pdf, make([]byte, DefaultMaxSize)...), ErrTooLarge,
			"limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec, err := parseStandalone(tt.data)
			if !errors.Is(err, tt.want) || rec != nil {
				t.Fatalf("got %v, %v; want %v", rec, err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.says) {
				t.Errorf("message %q does not say %q", err, tt.says)
			}
		})
	}
}

func TestTimeoutAndPanic(t *testing.T) {
	t.Parallel()
	book := blankBytes(t, "appeal", XLSX)
	_, err := Parse(context.Background(), "slow.xlsx", book,
		ParseOptions{Standalone: true, Timeout: time.Nanosecond})
	if !errors.Is(err, ErrTimeout) {
		t.Errorf("timeout: got %v", err)
	}
	_, err = guarded(context.Background(), time.Second, "excelize", func() (*raw, error) {
		var m map[string]int
		m["boom"]++ // a nil map write panics, as a reader bug would
		return nil, nil
	})
	if !errors.Is(err, ErrReaderPanic) || !strings.Contains(err.Error(), "excelize") {
		t.Errorf("panic: got %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Parse(ctx, "x.xlsx", book, ParseOptions{Standalone: true}); !errors.Is(
		err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
	if _, err := Parse(context.Background(), "x.xlsx", book, ParseOptions{}); err == nil {
		t.Errorf("missing Received: no error")
	}
}

// TestZipBombCost: a workbook inflating to 1 GB is refused in well under
// 2 s, allocating far less than 100 MB.
func TestZipBombCost(t *testing.T) {
	bomb := zipBomb(t, 1<<30, 1<<30)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := parseStandalone(bomb)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	allocated := after.TotalAlloc - before.TotalAlloc
	if !errors.Is(err, ErrZipBomb) {
		t.Fatalf("got %v", err)
	}
	t.Logf("1 GB bomb (%d bytes on disk) refused in %v, %d KiB allocated",
		len(bomb), took, allocated>>10)
	if took > 2*time.Second || allocated > 100<<20 {
		t.Errorf("took %v and allocated %d bytes", took, allocated)
	}
	lying := zipBomb(t, 1<<30, 1<<20) // declares 1 MiB, inflates to 1 GB
	start = time.Now()
	if _, err := parseStandalone(lying); !errors.Is(err, ErrZipBomb) {
		t.Fatalf("lying bomb: got %v", err)
	}
	t.Logf("1 GB bomb declaring 1 MiB refused in %v", time.Since(start))
}

func encryptPDF(t testing.TB, pdf []byte, userPW string) []byte {
	t.Helper()
	conf := model.NewAESConfiguration(userPW, "owner-secret", 256)
	var out bytes.Buffer
	if err := api.Encrypt(bytes.NewReader(pdf), &out, conf); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func plainPDF(t testing.TB) []byte {
	t.Helper()
	var out bytes.Buffer
	js := `{"pages":{"1":{"content":{"text":[{"value":"hello","pos":[50,50],` +
		`"font":{"name":"Helvetica","size":12}}]}}}}`
	if err := api.Create(nil, strings.NewReader(js), &out, nil); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func encryptWorkbook(t testing.TB, book []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	_ = buf
	path := t.TempDir() + "/enc.xlsx"
	if err := f.SaveAs(path, excelize.Options{Password: "secret"}); err != nil {
		t.Fatal(err)
	}
	return readFile(t, path)
}

func emptyWorkbook(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	_ = f.SetCellStr("Sheet1", "A1", "hello")
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// setInfo changes a cell of the hidden FormInfo sheet.
func setInfo(t testing.TB, book []byte, cell, value string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellStr(sheetInfo, cell, value); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rezip copies a zip, letting edit change each entry's content.
func rezip(t testing.TB, data []byte, edit func(name string, body []byte) []byte,
	extra map[string]string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		w, _ := zw.Create(f.Name)
		w.Write(edit(f.Name, body))
	}
	for name, body := range extra {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func keep(_ string, body []byte) []byte { return body }

func addZipEntry(t testing.TB, data []byte, name, body string) []byte {
	return rezip(t, data, keep, map[string]string{name: body})
}

func macroContentType(t testing.TB, data []byte) []byte {
	return rezip(t, data, func(name string, body []byte) []byte {
		if name != "[Content_Types].xml" {
			return body
		}
		return bytes.ReplaceAll(body, []byte("sheet.main+xml"),
			[]byte("sheet.macroEnabled.main+xml"))
	}, nil)
}

// lyingSizes stores every entry declaring half its real size.
func lyingSizes(t testing.TB, data []byte) []byte {
	t.Helper()
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		writeRaw(t, zw, f.Name, body, uint64(len(body)/2))
	}
	zw.Close()
	return out.Bytes()
}

// writeRaw deflates body into zw under name, declaring the given size.
func writeRaw(t testing.TB, zw *zip.Writer, name string, body []byte, declared uint64) {
	t.Helper()
	var c bytes.Buffer
	fw, _ := flate.NewWriter(&c, flate.BestSpeed)
	fw.Write(body)
	fw.Close()
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate,
		CRC32: crc32.ChecksumIEEE(body), CompressedSize64: uint64(c.Len()),
		UncompressedSize64: declared})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(c.Bytes())
}

// zipBomb builds a workbook-shaped zip whose sheet inflates to size bytes of
// zeros and declares declared bytes. The deflate stream is one compressed
// mebibyte repeated (each piece ends on a sync flush), so building it costs
// little time or memory.
func zipBomb(t testing.TB, size, declared uint64) []byte {
	t.Helper()
	zero := make([]byte, 1<<20)
	var piece bytes.Buffer
	fw, _ := flate.NewWriter(&piece, flate.BestCompression)
	fw.Write(zero)
	fw.Flush()
	var stream bytes.Buffer
	crc := uint32(0)
	for range size >> 20 {
		stream.Write(piece.Bytes())
		crc = crc32.Update(crc, crc32.IEEETable, zero)
	}
	stream.Write([]byte{0x03, 0x00}) // final empty block
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	w, _ := zw.Create("[Content_Types].xml")
	w.Write([]byte(`<?xml version="1.0"?><Types/>`))
	raw, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml",
		Method: zip.Deflate, CRC32: crc, CompressedSize64: uint64(stream.Len()),
		UncompressedSize64: declared})
	if err != nil {
		t.Fatal(err)
	}
	raw.Write(stream.Bytes())
	zw.Close()
	return out.Bytes()
}
