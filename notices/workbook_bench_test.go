package notices

import (
	"bufio"
	"context"
	"encoding/gob"
	"errors"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sandboxbot/cases"
)

// benchCases is the size of the benchmark's store.
const benchCases = 100_000

// Goals of the workbook benchmark: its median time against a bare stream
// writer writing the same cells, and the peak resident memory of a process
// that writes it.
const (
	maxBareRatio = 1.5
	maxPeakMB    = 150
)

// BenchmarkWorkbook writes the status workbook of 100,000 cases (seedBulk,
// on the store's schema) and, in the same run, the same cells with a bare
// excelize stream writer: the rows WriteWorkbook wrote, recorded once and
// replayed sheet by sheet with nothing but NewStreamWriter, SetRow, Flush
// and Write. Both write to io.Discard, in turn. It reports each median, in
// wall and in CPU time, and their ratio; then the peak resident set (VmHWM) of child
// processes that write the workbook from the store, replay the recorded
// cells from a file, or only open the store. It fails past the goals.
//
//	go test ./notices -run '^$' -bench BenchmarkWorkbook -benchtime 5x -timeout 30m
func BenchmarkWorkbook(b *testing.B) {
	s := seedBulk(b, benchCases)
	ctx := context.Background()
	opt := WorkbookOptions{At: reportAt}

	var rec recording
	recOpt := opt
	recOpt.record = rec.add
	if err := WriteWorkbook(ctx, io.Discard, s.store, recOpt); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d cells in %d rows, %d streamed sheets", rec.cells, rec.rows, len(rec.order))
	cells := filepath.Join(b.TempDir(), "cells.gob")
	if err := rec.save(cells); err != nil {
		b.Fatal(err)
	}

	b.Run("pair", func(b *testing.B) {
		var ours, bare timings
		for b.Loop() {
			ours.run(b, func() error { return WriteWorkbook(ctx, io.Discard, s.store, opt) })
			bare.run(b, func() error { return rec.replay(io.Discard) })
		}
		wall, bareWall := ours.median(b, "sandboxbot"), bare.median(b, "bare")
		ratio := wall / bareWall
		b.ReportMetric(ratio, "ratio")
		b.Logf("median workbook of %d cases: sandboxbot %.0f ms, bare stream writer %.0f ms, "+
			"ratio %.2f (goal ≤ %.1f)", benchCases, wall, bareWall, ratio, maxBareRatio)
		if ratio > maxBareRatio {
			b.Errorf("the workbook takes %.2f× the bare stream writer, over %.1f×", ratio,
				maxBareRatio)
		}
	})
	rec = recording{} // the children's peaks are measured without it held here
	b.Run("peak", func(b *testing.B) {
		for b.Loop() {
			base := childPeak(b, "open", s.path)
			peak := childPeak(b, "workbook", s.path)
			barePeak := childPeak(b, "bare", cells)
			b.ReportMetric(peak, "peak-MB")
			b.ReportMetric(barePeak, "bare-peak-MB")
			b.Logf("peak resident set: sandboxbot %.0f MB, bare stream writer %.0f MB, only "+
				"opening the store %.0f MB (goal ≤ %d MB)", peak, barePeak, base, maxPeakMB)
			if peak > maxPeakMB {
				b.Errorf("writing the workbook peaks at %.0f MB, over %d MB", peak, maxPeakMB)
			}
		}
	})
}

// timings are the wall and CPU times (user and system, of the whole
// process: the goroutines that read the store and write the rows count)
// of the runs of one writer. The two writers run in turn, each after a
// collection, so that both meet the same machine.
type timings struct{ walls, cpus []time.Duration }

func (t *timings) run(b *testing.B, f func() error) {
	b.Helper()
	runtime.GC()
	start, cpu := time.Now(), cpuTime()
	if err := f(); err != nil {
		b.Fatal(err)
	}
	t.walls, t.cpus = append(t.walls, time.Since(start)), append(t.cpus, cpuTime()-cpu)
}

// median reports the median wall and CPU times as metrics named after
// who, and returns the wall median in ms.
func (t *timings) median(b *testing.B, who string) float64 {
	slices.Sort(t.walls)
	slices.Sort(t.cpus)
	wall := float64(t.walls[len(t.walls)/2].Microseconds()) / 1000
	b.ReportMetric(wall, who+"-ms")
	b.ReportMetric(float64(t.cpus[len(t.cpus)/2].Microseconds())/1000, who+"-cpu-ms")
	return wall
}

// cpuTime returns the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// recording is every row of every streamed sheet of one workbook.
type recording struct {
	order       []string
	sheets      map[string][][]any
	rows, cells int
}

func (r *recording) add(sheet string, row []any) {
	if r.sheets == nil {
		r.sheets = map[string][][]any{}
	}
	if _, ok := r.sheets[sheet]; !ok {
		r.order = append(r.order, sheet)
	}
	r.sheets[sheet] = append(r.sheets[sheet], row)
	r.rows++
	r.cells += len(row)
}

// replay writes the recorded rows with a bare stream writer.
func (r *recording) replay(w io.Writer) error {
	b := newBare()
	defer b.f.Close()
	for _, name := range r.order {
		for _, row := range r.sheets[name] {
			if err := b.row(name, row); err != nil {
				return err
			}
		}
	}
	return b.write(w)
}

// bare writes rows sheet after sheet with nothing but excelize's stream
// writer, with the workbook's styles so that the style numbers in the
// cells exist.
type bare struct {
	f    *excelize.File
	sw   *excelize.StreamWriter
	name string
	n    int
	err  error
}

func newBare() *bare {
	b := &bare{f: excelize.NewFile()}
	_, b.err = newCellStyles(b.f)
	return b
}

func (b *bare) row(sheet string, row []any) error {
	if b.err != nil {
		return b.err
	}
	if sheet != b.name {
		if b.sw != nil {
			if b.err = b.sw.Flush(); b.err != nil {
				return b.err
			}
		}
		if _, b.err = b.f.NewSheet(sheet); b.err != nil {
			return b.err
		}
		if b.sw, b.err = b.f.NewStreamWriter(sheet); b.err != nil {
			return b.err
		}
		b.name, b.n = sheet, 0
	}
	b.n++
	b.err = b.sw.SetRow("A"+strconv.Itoa(b.n), row)
	return b.err
}

func (b *bare) write(w io.Writer) error {
	if b.err == nil && b.sw != nil {
		b.err = b.sw.Flush()
	}
	if b.err != nil {
		return b.err
	}
	return b.f.Write(w)
}

// recordedRow is one row of the recording as a file holds it.
type recordedRow struct {
	Sheet string
	Row   []any
}

func init() {
	gob.Register(excelize.Cell{})
}

// save writes the recording to a file, one gob value per row, so that a
// child process can replay it without holding it.
func (r *recording) save(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := gob.NewEncoder(w)
	for _, name := range r.order {
		for _, row := range r.sheets[name] {
			if err := enc.Encode(recordedRow{name, row}); err != nil {
				f.Close()
				return err
			}
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// replayFile writes the rows of a saved recording with a bare stream
// writer, reading one row at a time.
func replayFile(path string, w io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	dec := gob.NewDecoder(bufio.NewReader(f))
	b := newBare()
	defer b.f.Close()
	for {
		var r recordedRow
		if err := dec.Decode(&r); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return err
		}
		if err := b.row(r.Sheet, r.Row); err != nil {
			return err
		}
	}
	return b.write(w)
}

// workbookChildEnv names what a child process of the benchmark works on,
// the store or the saved recording; workbookChildWhat says what it does:
// "open" (only open the store), "workbook" (write the workbook to
// io.Discard) or "bare" (replay the recording to io.Discard).
const (
	workbookChildEnv  = "SANDBOXBOT_WORKBOOK_CHILD_FILE"
	workbookChildWhat = "SANDBOXBOT_WORKBOOK_CHILD_DOES"
)

// childPeak runs this test binary as a child that does what with path, and
// returns its peak resident set in MB: the VmHWM line of the child's own
// /proc/self/status, written when it is done. (getrusage's ru_maxrss of a
// child is no use here: Linux counts in it the parent's memory, which the
// child shares until it executes.)
func childPeak(tb testing.TB, what, path string) float64 {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), workbookChildEnv+"="+path, workbookChildWhat+"="+what)
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("child %s: %v\n%s", what, err, out)
	}
	kb, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		tb.Fatalf("child %s wrote %q, not its peak in kB", what, out)
	}
	return kb / 1024
}

// peakKB returns the process's peak resident set in kB (VmHWM).
func peakKB() (string, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), nil
		}
	}
	return "", errors.New("no VmHWM in /proc/self/status")
}

// workbookChild is the child's work (see TestMain); it writes its peak in
// kB and returns the exit code.
func workbookChild(path, what string) int {
	err := childWork(path, what)
	var kb string
	if err == nil {
		kb, err = peakKB()
	}
	if err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		return 1
	}
	os.Stdout.WriteString(kb + "\n")
	return 0
}

func childWork(path, what string) error {
	if what == "bare" {
		return replayFile(path, io.Discard)
	}
	ctx := context.Background()
	store, err := cases.OpenSQLite(ctx, path, cases.Options{
		Clock: cases.NewManualClock(reportAt), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	defer store.Close()
	if what == "workbook" {
		return WriteWorkbook(ctx, io.Discard, store, WorkbookOptions{At: reportAt})
	}
	return nil
}

// TestMain runs the benchmark's child process when asked to, and the
// tests otherwise.
func TestMain(m *testing.M) {
	if path := os.Getenv(workbookChildEnv); path != "" {
		os.Exit(workbookChild(path, os.Getenv(workbookChildWhat)))
	}
	os.Exit(m.Run())
}
