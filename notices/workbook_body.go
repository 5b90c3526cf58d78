package notices

import (
	"bufio"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"strconv"
	"sync/atomic"

	"github.com/xuri/excelize/v2"
)

// sheetBody writes the rows of one streamed sheet, after its header, on a
// goroutine of its own, with excelize stream writers of their own:
//
//  1. add hands rows over in batches, so that reading the store (the
//     caller) and writing the XML (the goroutine) run side by side;
//  2. the goroutine writes each chunk of chunkRows rows with a stream
//     writer in a File of its own, has excelize write that File, and keeps
//     only the <row> elements;
//  3. a second goroutine deflates them as they come into a temporary file,
//     ending with a sync flush (RFC 1951, 3.2.4: an empty stored block, so
//     the next deflated bytes may follow), and keeps their CRC-32;
//  4. when the workbook is written, writeXLSX puts those deflated rows
//     into the workbook's own part of the sheet, after the header row,
//     without inflating them.
//
// Why: excelize keeps every streamed sheet of a File in memory until the
// File is written, a sheet under 16 MB whole and a larger one as a buffer
// of up to 32 MB (and a copy of it on disk), so a workbook of 100,000
// cases held some 120 MB. A chunk's File lives only while its rows are
// written: at most a few MB at a time.
//
// A chunk's File has the workbook's styles, made in the same order, so the
// style numbers in its cells mean the same in the workbook; newChunk
// checks that they are the same numbers.
type sheetBody struct {
	st     cellStyles
	batch  [][]any
	rows   chan [][]any
	xmls   chan []byte // the <row> elements of each chunk, to deflate
	done   chan error
	failed atomic.Bool // a goroutine has failed
	open   bool        // rows is open
	err    error

	// After finish: the sheet's <row> elements, rows 2…, deflated in file
	// (compressed bytes long), and their length and CRC-32 unzipped.
	file       *os.File
	compressed int64
	size       int64
	crc        uint32
	// dimension is the range the sheet uses, header included ("A1:K9"),
	// set by sheet.finish.
	dimension string
}

// bodyBatch is how many rows add hands over at a time; chunkRows is how
// many rows one chunk's File holds (a few MB of XML: the cases sheet's
// rows are some 700 bytes each).
const (
	bodyBatch = 256
	chunkRows = 4096
)

func newSheetBody(st cellStyles) (*sheetBody, error) {
	file, err := os.CreateTemp("", "sandboxbot-rows-")
	if err != nil {
		return nil, err
	}
	b := &sheetBody{st: st, rows: make(chan [][]any, 4), xmls: make(chan []byte, 2),
		done: make(chan error, 2), open: true, file: file}
	go func() { b.done <- b.write() }()
	go func() { b.done <- b.deflate() }()
	return b, nil
}

// add queues one row. The row must not be changed afterwards. Once the
// goroutines have failed, it ends them and returns their error, so that
// the caller stops reading.
func (b *sheetBody) add(row []any) error {
	if b.failed.Load() || !b.open {
		return b.finish()
	}
	b.batch = append(b.batch, row)
	if len(b.batch) == bodyBatch {
		b.rows <- b.batch
		b.batch = make([][]any, 0, bodyBatch)
	}
	return nil
}

// failing notes that a goroutine failed, for add, and returns err.
func (b *sheetBody) failing(err error) error {
	if err != nil {
		b.failed.Store(true)
	}
	return err
}

// write is the first goroutine: it writes every row it is given, from row
// 2, in chunks. After an error it still drains rows, so that add never
// blocks.
func (b *sheetBody) write() error {
	defer close(b.xmls)
	var c *chunk
	var err error
	n := 1
	for batch := range b.rows {
		for _, row := range batch {
			n++
			if err != nil {
				continue
			}
			if c == nil {
				c, err = newChunk(b.st)
			}
			if err == nil {
				err = c.add(n, row)
			}
			if err == nil && c.n == chunkRows {
				err = b.send(c)
				c = nil
			}
			err = b.failing(err)
		}
	}
	if c != nil {
		if err == nil {
			return b.send(c)
		}
		c.f.Close()
	}
	return err
}

func (b *sheetBody) send(c *chunk) error {
	rows, err := c.rowsXML()
	if err == nil {
		b.xmls <- rows
	}
	return err
}

// deflate is the second goroutine: it deflates the rows into b.file as
// write hands them over. After an error it still drains them.
func (b *sheetBody) deflate() error {
	counted := &countingWriter{w: bufio.NewWriterSize(b.file, 64<<10)}
	fw, err := flate.NewWriter(counted, zipLevel)
	for xml := range b.xmls {
		if err != nil {
			continue
		}
		b.crc = crc32.Update(b.crc, crc32.IEEETable, xml)
		b.size += int64(len(xml))
		_, err = fw.Write(xml)
		err = b.failing(err)
	}
	if err == nil {
		err = fw.Flush() // a sync flush, not the final block: the part goes on
	}
	if err == nil {
		err = counted.w.(*bufio.Writer).Flush()
	}
	b.compressed = counted.n
	return err
}

// finish hands over the last rows and waits until they are written.
func (b *sheetBody) finish() error {
	if !b.open {
		return b.err
	}
	if len(b.batch) > 0 {
		b.rows <- b.batch
		b.batch = nil
	}
	close(b.rows)
	b.open = false
	b.err = <-b.done
	if err := <-b.done; b.err == nil {
		b.err = err
	}
	return b.err
}

// close ends the goroutine if finish was not called and removes the
// temporary file. It is safe to call more than once.
func (b *sheetBody) close() {
	b.finish()
	if b.file != nil {
		b.file.Close()
		os.Remove(b.file.Name())
		b.file = nil
	}
}

// deflated reads the sheet's deflated <row> elements from the start; call
// it after finish.
func (b *sheetBody) deflated() (io.Reader, error) {
	if b.file == nil || b.open || b.err != nil {
		return nil, errors.New("its rows were not written")
	}
	return io.NewSectionReader(b.file, 0, b.compressed), nil
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// chunk is up to chunkRows rows of a sheet in an excelize File of their
// own.
type chunk struct {
	f  *excelize.File
	sw *excelize.StreamWriter
	n  int
}

func newChunk(st cellStyles) (*chunk, error) {
	f := excelize.NewFile()
	got, err := newCellStyles(f)
	if err == nil && got != st {
		err = errors.New("its styles are numbered differently from the workbook's")
	}
	var sw *excelize.StreamWriter
	if err == nil {
		sw, err = f.NewStreamWriter("Sheet1")
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return &chunk{f: f, sw: sw}, nil
}

func (c *chunk) add(n int, row []any) error {
	c.n++
	if err := c.sw.SetRow("A"+strconv.Itoa(n), row); err != nil {
		return errorf("writing row %d: %w", n, err)
	}
	return nil
}

// The tags around a worksheet's rows, as excelize's stream writer writes
// them (ECMA-376 Part 1, 18.3.1.80 sheetData).
var (
	sheetDataStart = []byte("<sheetData>")
	sheetDataEnd   = []byte("</sheetData>")
)

// rowsXML has excelize write the chunk's File, returns what is between
// <sheetData> and </sheetData> of its sheet, and closes the File.
func (c *chunk) rowsXML() ([]byte, error) {
	defer c.f.Close()
	if err := c.sw.Flush(); err != nil {
		return nil, err
	}
	pick := &onePart{name: "xl/worksheets/sheet1.xml"}
	c.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return pick })
	if err := c.f.Write(io.Discard); err != nil {
		return nil, err
	}
	part := pick.data.Bytes()
	i, j := bytes.Index(part, sheetDataStart), bytes.LastIndex(part, sheetDataEnd)
	if i < 0 || j < i {
		return nil, errors.New("excelize wrote no sheet data")
	}
	return part[i+len(sheetDataStart) : j], nil
}

// onePart is a ZipWriter that keeps one part, unzipped, and drops the
// others.
type onePart struct {
	name string
	data bytes.Buffer
}

func (o *onePart) Create(name string) (io.Writer, error) {
	if name != o.name {
		return io.Discard, nil
	}
	return &o.data, nil
}

func (o *onePart) AddFS(fs.FS) error { return nil }

func (o *onePart) Close() error { return nil }
