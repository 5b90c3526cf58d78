package notices

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"

	"github.com/xuri/excelize/v2"
)

// writeXLSX writes f to w as it is zipped, putting the rows of each of
// the streamed sheets after the header row that f holds for it.
//
// excelize's File.Write would build the whole zip in a buffer first; here
// the zip is handed to excelize through its own hook (File.SetZipWriter),
// and excelize finds its buffer empty and copies nothing. For a part over
// 4 GiB excelize would also mend its local header in that buffer, for
// Excel's sake; here such a part would have only archive/zip's own zip64
// records. No part of a sandbox's workbook comes near that size (the
// cases sheet of 100,000 cases is about 70 MB unzipped).
func writeXLSX(w io.Writer, f *excelize.File, streamed ...*sheet) error {
	bodies := make(map[string]*sheetBody, len(streamed))
	for _, s := range streamed {
		bodies[s.part] = s.body
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	sz := &splicingZip{zw: zip.NewWriter(bw), bodies: bodies}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return sz })
	if err := f.Write(io.Discard); err != nil { // excelize closes sz
		return err
	}
	if sz.err != nil {
		return sz.err
	}
	return bw.Flush()
}

// writeOneSheet writes to w a workbook of one streamed sheet, name, whose
// table is called table, with the given columns, the rows fill adds, and
// the document properties props (nil for none). what names the file in
// errors.
func writeOneSheet(w io.Writer, what, name, table string, cols []column,
	props *excelize.DocProperties, fill func(*sheet) error) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newCellStyles(f)
	if err != nil {
		return errorf("styling the %s: %w", what, err)
	}
	s, err := newSheet(f, st, name, table, cols, nil)
	if err != nil {
		return err
	}
	defer s.close()
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return errorf("writing the %s: %w", what, err)
	}
	if err := fill(s); err != nil {
		return err
	}
	if err := s.finish(); err != nil {
		return err
	}
	if props != nil {
		if err := f.SetDocProps(props); err != nil {
			return errorf("writing the %s: %w", what, err)
		}
	}
	if err := writeXLSX(w, f, s); err != nil {
		return errorf("writing the %s: %w", what, err)
	}
	return nil
}

// splicingZip is the zip writer excelize writes the workbook through. A
// part with a body is held until the next part begins (it is only the
// sheet's properties and header row), then zipped as three deflated
// pieces: the part up to its </sheetData>, the body's rows as they were
// deflated, the rest of the part (RFC 1951 streams may be joined so when
// all but the last end with a sync flush).
type splicingZip struct {
	zw      *zip.Writer
	bodies  map[string]*sheetBody
	name    string // the part being held, if any
	held    bytes.Buffer
	spliced int
	err     error
}

func (s *splicingZip) Create(name string) (io.Writer, error) {
	if err := s.endPart(); err != nil {
		return nil, err
	}
	if _, ok := s.bodies[name]; ok {
		s.name = name
		s.held.Reset()
		return &s.held, nil
	}
	return s.zw.Create(name)
}

// endPart writes the held part, if any, with its body's rows.
func (s *splicingZip) endPart() error {
	if s.name == "" || s.err != nil {
		return s.err
	}
	name := s.name
	s.name = ""
	if s.err = s.splice(name, s.bodies[name]); s.err != nil {
		s.err = fmt.Errorf("zipping part %s: %w", name, s.err)
	}
	return s.err
}

func (s *splicingZip) splice(name string, body *sheetBody) error {
	part := withDimension(s.held.Bytes(), body.dimension)
	i := bytes.LastIndex(part, sheetDataEnd)
	if i < 0 {
		return errors.New("no </sheetData>")
	}
	rows, err := body.deflated()
	if err != nil {
		return err
	}
	head, err := deflated(part[:i], false)
	if err != nil {
		return err
	}
	tail, err := deflated(part[i:], true)
	if err != nil {
		return err
	}
	crc := crc32.ChecksumIEEE(part[:i])
	crc = crc32Join(crc, body.crc, body.size)
	crc = crc32.Update(crc, crc32.IEEETable, part[i:])
	w, err := s.zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64:   uint64(len(head)) + uint64(body.compressed) + uint64(len(tail)),
		UncompressedSize64: uint64(len(part)) + uint64(body.size)})
	if err != nil {
		return err
	}
	if _, err := w.Write(head); err != nil {
		return err
	}
	if _, err := io.Copy(w, rows); err != nil {
		return err
	}
	if _, err := w.Write(tail); err != nil {
		return err
	}
	s.spliced++
	return nil
}

// headerDimension is the dimension excelize gives a new sheet and its
// stream writer leaves as it is: only the first cell.
var headerDimension = []byte(`<dimension ref="A1"></dimension>`)

// withDimension gives the part the dimension of the rows spliced into it
// (ECMA-376 Part 1, 18.3.1.35), which readers such as openpyxl's
// read-only mode trust to know how many rows to read.
func withDimension(part []byte, ref string) []byte {
	i := bytes.Index(part, headerDimension)
	if i < 0 || ref == "" {
		return part
	}
	out := make([]byte, 0, len(part)+len(ref))
	out = append(out, part[:i]...)
	out = append(out, `<dimension ref="`+ref+`"/>`...)
	return append(out, part[i+len(headerDimension):]...)
}

// deflated deflates p, ending with the final block if last and with a
// sync flush otherwise.
func deflated(p []byte, last bool) ([]byte, error) {
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, zipLevel)
	if err != nil {
		return nil, err
	}
	if _, err := fw.Write(p); err != nil {
		return nil, err
	}
	if last {
		err = fw.Close()
	} else {
		err = fw.Flush()
	}
	return buf.Bytes(), err
}

// zipLevel is the deflate level of the spliced parts: archive/zip's own
// (archive/zip/register.go), which excelize uses for the others.
const zipLevel = 5

// crc32Join returns the CRC-32 (IEEE) of a followed by b from the CRC-32
// of each and the length of b. The CRC without its pre- and
// post-conditioning is linear, so crc(a‖b) = crc(a‖0ⁿ) ⊕ crc(0ⁿ) ⊕ crc(b),
// where 0ⁿ is n zero bytes; the zeros are run through the table, which
// costs a few milliseconds for the 70 MB of the largest sheet.
func crc32Join(a, b uint32, n int64) uint32 {
	var zeros [32 << 10]byte
	z := uint32(0)
	for n > 0 {
		k := min(n, int64(len(zeros)))
		a = crc32.Update(a, crc32.IEEETable, zeros[:k])
		z = crc32.Update(z, crc32.IEEETable, zeros[:k])
		n -= k
	}
	return a ^ z ^ b
}

func (s *splicingZip) AddFS(fsys fs.FS) error {
	if err := s.endPart(); err != nil {
		return err
	}
	return s.zw.AddFS(fsys)
}

// Close ends the zip; it fails if a body found no part to go into.
func (s *splicingZip) Close() error {
	if err := s.endPart(); err != nil {
		return err
	}
	if s.spliced != len(s.bodies) {
		s.err = fmt.Errorf("%d of %d streamed sheets found their part", s.spliced,
			len(s.bodies))
		return s.err
	}
	return s.zw.Close()
}
