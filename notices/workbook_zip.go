package notices

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"

	"github.com/xuri/excelize/v2"
)

// writeXLSX writes f to w as it is zipped, putting the rows of each of
// the streamed sheets after the header row that f holds for it.
//
// excelize's File.Write would build the whole zip in a buffer first; here
// the zip is handed to excelize through its own hook (File.SetZipWriter),
// and excelize finds its buffer empty and copies nothing. excelize's zip64
// mending of local headers works on that buffer, so a part over 4 GiB
// would be written wrongly; no part of a sandbox's workbook comes near
// that (the cases sheet of 100,000 cases is about 70 MB unzipped).
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

// splicingZip is the zip writer excelize writes the workbook through. A
// part with a body is held until the next part begins (it is only the
// sheet's properties and header row), then written with the body's rows
// before its </sheetData>.
type splicingZip struct {
	zw      *zip.Writer
	bodies  map[string]*sheetBody
	name    string // the part being held, if any
	held    bytes.Buffer
	entry   io.Writer // where the held part goes
	spliced int
	err     error
}

func (s *splicingZip) Create(name string) (io.Writer, error) {
	if err := s.endPart(); err != nil {
		return nil, err
	}
	w, err := s.zw.Create(name)
	if err != nil {
		return nil, err
	}
	if _, ok := s.bodies[name]; !ok {
		return w, nil
	}
	s.name, s.entry = name, w
	s.held.Reset()
	return &s.held, nil
}

// endPart writes the held part, if any, with its body's rows.
func (s *splicingZip) endPart() error {
	if s.name == "" || s.err != nil {
		return s.err
	}
	name := s.name
	s.name = ""
	s.err = s.splice(name)
	return s.err
}

func (s *splicingZip) splice(name string) error {
	part := s.held.Bytes()
	i := bytes.LastIndex(part, sheetDataEnd)
	if i < 0 {
		return fmt.Errorf("part %s has no </sheetData>", name)
	}
	rows, err := s.bodies[name].rowsReader()
	if err != nil {
		return fmt.Errorf("part %s: %w", name, err)
	}
	if _, err := s.entry.Write(part[:i]); err != nil {
		return err
	}
	if _, err := io.Copy(s.entry, rows); err != nil {
		return err
	}
	if _, err := s.entry.Write(part[i:]); err != nil {
		return err
	}
	s.spliced++
	return nil
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
