package forms

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"time"

	"sandboxbot/cases"
)

// Limits applied when ParseOptions leaves them zero.
const (
	DefaultMaxSize     = 10 << 20         // bytes of the file as received
	DefaultMaxInflated = 64 << 20         // bytes a workbook may inflate to
	DefaultTimeout     = 20 * time.Second // reading one file
)

// ParseOptions carries what the rules need from outside the file. The zero
// value is not enough for a form from the mail path: set Received.
type ParseOptions struct {
	// Received is the day (in Bangkok) the submission arrived. The
	// application's experience is counted to it (at least two years), and
	// registration dates may not be after it. Required unless Standalone.
	Received cases.Date
	// Attachments are the file names of the other attachments of the same
	// email; each doc_* field must name one of them (compared without case).
	Attachments []string
	// Standalone marks a file read on its own, as by `sandboxbot forms
	// parse`: the attachment rule is not applied, and when Received is zero
	// the rules that count to it are not applied either.
	Standalone bool
	// MaxSize is the largest file accepted, in bytes (0: DefaultMaxSize).
	MaxSize int64
	// MaxInflated is the most a workbook may inflate to, in bytes
	// (0: DefaultMaxInflated).
	MaxInflated int64
	// Timeout bounds reading the file (0: DefaultTimeout).
	Timeout time.Duration
}

func (o ParseOptions) maxSize() int64 {
	if o.MaxSize > 0 {
		return o.MaxSize
	}
	return DefaultMaxSize
}

func (o ParseOptions) maxInflated() int64 {
	if o.MaxInflated > 0 {
		return o.MaxInflated
	}
	return DefaultMaxInflated
}

func (o ParseOptions) timeout() time.Duration {
	if o.Timeout > 0 {
		return o.Timeout
	}
	return DefaultTimeout
}

// Parse reads a filled form: a PDF or an xlsx workbook, told apart by its
// content, not by name (name is only used in messages).
//
// It returns the Record and a nil error when the form is valid. When the
// form was read but breaks its schema's rules, it returns the Record with
// the values that did parse and an error of type Problems listing every
// problem (errors.Is(err, ErrInvalid) holds); the partial Record lets a
// caller find the case_ref to answer. Any other error means the file was
// refused and the Record is nil; it wraps one of the package's sentinel
// errors (ErrTooLarge, ErrEncrypted, ErrMacro, ErrZipBomb, ErrDamaged,
// ErrUnknownFormat, ErrNotAForm, ErrUnknownKind, ErrUnknownVersion,
// ErrTimeout, ErrReaderPanic) or the context's error.
//
// Parse is safe for concurrent use. When the time limit or ctx ends the
// wait, the PDF or workbook library may still be working on the file in the
// background; it stops when it is done with it.
func Parse(ctx context.Context, name string, data []byte, opts ParseOptions) (*Record, error) {
	if !opts.Standalone && opts.Received.IsZero() {
		return nil, fmt.Errorf("forms: parsing %q: ParseOptions.Received is not set", name)
	}
	r, err := readRaw(ctx, data, opts)
	if err != nil {
		return nil, fmt.Errorf("forms: parsing %q: %w", name, err)
	}
	s, err := identify(r)
	if err != nil {
		return nil, fmt.Errorf("forms: parsing %q: %w", name, err)
	}
	rec, ps := build(s, r, opts)
	if len(ps) > 0 {
		return rec, ps
	}
	return rec, nil
}

// readRaw refuses what must not reach a reader, then reads raw values with
// the reader the content calls for, under a time limit and a panic guard.
func readRaw(ctx context.Context, data []byte, opts ParseOptions) (*raw, error) {
	if int64(len(data)) > opts.maxSize() {
		return nil, fmt.Errorf("%d bytes, limit %d: %w", len(data), opts.maxSize(), ErrTooLarge)
	}
	switch {
	case isPDF(data):
		return guarded(ctx, opts.timeout(), "pdfcpu", func() (*raw, error) {
			return readPDF(data)
		})
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return guarded(ctx, opts.timeout(), "excelize", func() (*raw, error) {
			if err := checkZip(data, opts.maxInflated()); err != nil {
				return nil, err
			}
			return readWorkbook(data, opts.maxInflated())
		})
	case bytes.HasPrefix(data, oleMagic):
		return nil, classifyOLE(data)
	}
	return nil, ErrUnknownFormat
}

// isPDF reports whether data starts with the PDF header (PDF 32000-1 7.5.2
// allows bytes before it; readers look in the first 1024).
func isPDF(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return bytes.Contains(head, []byte("%PDF-"))
}

// guarded runs read in its own goroutine, recovering a panic of the library
// it names and giving up after timeout or when ctx ends.
func guarded(ctx context.Context, timeout time.Duration, lib string,
	read func() (*raw, error)) (*raw, error) {
	type result struct {
		r   *raw
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{err: fmt.Errorf("%s: %v: %w", lib, p, ErrReaderPanic)}
			}
		}()
		r, err := read()
		done <- result{r, err}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case res := <-done:
		return res.r, res.err
	case <-timer.C:
		return nil, fmt.Errorf("%s: over %v: %w", lib, timeout, ErrTimeout)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// identify finds the schema named by form_kind and checks form_version.
func identify(r *raw) (*Schema, error) {
	kind := clean(r.fields[KeyKind])
	if kind == "" {
		return nil, fmt.Errorf("no %s field: %w", KeyKind, ErrNotAForm)
	}
	s, err := Lookup(kind)
	if err != nil {
		return nil, err
	}
	v, err := strconv.ParseFloat(asciiDigits(r.fields[KeyVersion]), 64)
	if err != nil || v != float64(int(v)) || int(v) < 1 || int(v) > s.Version {
		return nil, fmt.Errorf("%s %s version %q (this program reads 1 to %d): %w",
			KeyKind, kind, r.fields[KeyVersion], s.Version, ErrUnknownVersion)
	}
	return s, nil
}
