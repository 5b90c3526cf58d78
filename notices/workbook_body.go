package notices

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// sheetBody writes the rows of one streamed sheet, after its header, on a
// goroutine of its own, with excelize stream writers of their own:
//
//  1. add hands rows over in batches, so that reading the store (the
//     caller) and writing the XML (the goroutine) run side by side;
//  2. the goroutine writes each chunk of chunkRows rows with a stream
//     writer in a File of its own, has excelize write that File, and keeps
//     only the <row> elements, appended to a temporary file;
//  3. when the workbook is written, writeXLSX puts those rows into the
//     workbook's own part of the sheet, after the header row.
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
	st    cellStyles
	batch [][]any
	rows  chan [][]any
	done  chan error
	open  bool     // rows is open
	xml   *os.File // the sheet's <row> elements, rows 2…; complete after finish
	err   error    // the goroutine's error, once finish has it
}

// bodyBatch is how many rows add hands over at a time; chunkRows is how
// many rows one chunk's File holds (a few MB of XML: the cases sheet's
// rows are some 700 bytes each).
const (
	bodyBatch = 256
	chunkRows = 4096
)

func newSheetBody(st cellStyles) (*sheetBody, error) {
	xml, err := os.CreateTemp("", "sandboxbot-rows-")
	if err != nil {
		return nil, err
	}
	b := &sheetBody{st: st, rows: make(chan [][]any, 4), done: make(chan error, 1),
		open: true, xml: xml}
	go func() { b.done <- b.write() }()
	return b, nil
}

// add queues one row. The row must not be changed afterwards.
func (b *sheetBody) add(row []any) {
	b.batch = append(b.batch, row)
	if len(b.batch) == bodyBatch {
		b.rows <- b.batch
		b.batch = make([][]any, 0, bodyBatch)
	}
}

// write is the goroutine: it writes every row it is given, from row 2, in
// chunks. After an error it still drains rows, so that add never blocks.
func (b *sheetBody) write() error {
	out := bufio.NewWriterSize(b.xml, 64<<10)
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
				err, c = c.writeTo(out), nil
			}
		}
	}
	if err == nil && c != nil {
		err = c.writeTo(out)
	}
	if err == nil {
		err = out.Flush()
	}
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
	return b.err
}

// close ends the goroutine if finish was not called and removes the
// temporary file. It is safe to call more than once.
func (b *sheetBody) close() {
	b.finish()
	if b.xml != nil {
		b.xml.Close()
		os.Remove(b.xml.Name())
		b.xml = nil
	}
}

// rowsReader reads the sheet's <row> elements from the start; call it
// after finish.
func (b *sheetBody) rowsReader() (io.Reader, error) {
	if b.xml == nil || b.open || b.err != nil {
		return nil, errors.New("its rows were not written")
	}
	fi, err := b.xml.Stat()
	if err != nil {
		return nil, err
	}
	return io.NewSectionReader(b.xml, 0, fi.Size()), nil
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

// writeTo has excelize write the chunk's File, writes to w what is between
// <sheetData> and </sheetData> of its sheet, and closes the File.
func (c *chunk) writeTo(w io.Writer) error {
	defer c.f.Close()
	if err := c.sw.Flush(); err != nil {
		return err
	}
	pick := &onePart{name: "xl/worksheets/sheet1.xml"}
	c.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return pick })
	if err := c.f.Write(io.Discard); err != nil {
		return err
	}
	part := pick.data.Bytes()
	i, j := bytes.Index(part, sheetDataStart), bytes.LastIndex(part, sheetDataEnd)
	if i < 0 || j < i {
		return errors.New("excelize wrote no sheet data")
	}
	_, err := w.Write(part[i+len(sheetDataStart) : j])
	return err
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
