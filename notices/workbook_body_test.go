package notices

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sandboxbot/cases"
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

// TestWorkbookChunks writes the workbook of more cases than one chunk
// holds and reads it back: every part inflates to its CRC-32 and length,
// and the cases sheet has every case once, in order, with its organisation.
func TestWorkbookChunks(t *testing.T) {
	t.Parallel()
	const n = 2*chunkRows + 100
	s := seedBulk(t, n)
	data := writeTestWorkbook(t, s)

	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, rc); err != nil { // checks length and CRC-32
			t.Errorf("part %s: %v", zf.Name, err)
		}
		rc.Close()
	}

	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheetCases)
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.store.Cases(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) < n || len(rows) != len(list)+1 {
		t.Fatalf("%d rows for %d cases", len(rows), len(list))
	}
	for i, c := range list {
		if r := rows[i+1]; len(r) < 2 || r[0] != c.Ref.String() || r[1] != c.Applicant.OrgName {
			t.Fatalf("row %d is %q, want %s of %s", i+2, r, c.Ref, c.Applicant.OrgName)
		}
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// cancelAfter is a StatusSource whose context is cancelled once the
// workbook has taken n cases.
type cancelAfter struct {
	src    StatusSource
	n      int
	cancel context.CancelFunc
}

func (c cancelAfter) Status(ctx context.Context, q cases.StatusQuery,
	fn func(*cases.Status) error) error {
	return c.src.Status(ctx, q, func(st *cases.Status) error {
		k := 0
		for _, err := range st.Cases() {
			if err != nil {
				return err
			}
			if k++; k == c.n {
				c.cancel()
			}
		}
		return fn(st)
	})
}

// TestWorkbookFailureCleansUp: a workbook that fails, because its writer
// fails or its context is cancelled while the rows are written, says why
// and leaves no temporary file and no goroutine behind.
func TestWorkbookFailureCleansUp(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // not parallel: the rows' files go here
	s := seedBulk(t, 2*chunkRows)
	before := runtime.NumGoroutine()

	err := WriteWorkbook(context.Background(), failingWriter{}, s.store,
		WorkbookOptions{At: reportAt})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("a failing writer: %v, want its error", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	err = WriteWorkbook(ctx, io.Discard, cancelAfter{s.store, chunkRows, cancel},
		WorkbookOptions{At: reportAt})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled workbook: %v, want context.Canceled", err)
	}

	if left, _ := filepath.Glob(filepath.Join(tmp, "*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after the failures, %d before", n, before)
	}
}

// TestBodyFailureStopsTheCaller: once a body's goroutines fail (here the
// temporary file is gone from under them), add returns their error, so
// that the caller stops reading the store rather than go on to the end.
func TestBodyFailureStopsTheCaller(t *testing.T) {
	t.Parallel()
	f := excelize.NewFile()
	defer f.Close()
	st, err := newCellStyles(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := newSheetBody(st)
	if err != nil {
		t.Fatal(err)
	}
	defer b.close()
	b.file.Close()
	const most = 200_000
	n := 0
	for ; n < most; n++ {
		row := []any{"DSS-2569-" + strconv.Itoa(n), "บริษัท ทดสอบ จำกัด", n, float64(n) / 7}
		if err = b.add(row); err != nil {
			break
		}
	}
	if err == nil || n == most || !errors.Is(err, os.ErrClosed) {
		t.Fatalf("add after %d rows: %v; want the closed file's error before %d rows", n, err,
			most)
	}
	if ferr := b.finish(); !errors.Is(ferr, os.ErrClosed) {
		t.Errorf("finish: %v, want the same error", ferr)
	}
}
