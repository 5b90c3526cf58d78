package cases

import (
	"errors"
	"testing"
	"time"
)

// TestQuickParsers checks the status read's parsers against the general
// ones, on what the store writes and on what it does not.
func TestQuickParsers(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"DSS-2569-0001", "DSS-2569-123456", "dss-2569-0001",
		"DSS-2569-01", "DSS-25x9-0001", ""} {
		got, gerr := quickRef(s)
		want, werr := ParseRef(s)
		if got != want || (gerr == nil) != (werr == nil) {
			t.Errorf("quickRef(%q) = %v, %v; ParseRef gives %v, %v", s, got, gerr, want, werr)
		}
	}
	for _, s := range []string{"2026-03-16", "2024-02-29", "", "2026-3-16", "2026-13-01",
		"x026-03-16"} {
		if got, want := quickDate(s), parseStoredDate(s); got != want {
			t.Errorf("quickDate(%q) = %v, want %v", s, got, want)
		}
	}
	for _, at := range []time.Time{
		time.Date(2026, 3, 16, 3, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 16, 3, 0, 0, 5, time.UTC),
		time.Date(2026, 3, 16, 3, 0, 0, 123456789, time.UTC),
		time.Date(1999, 12, 31, 23, 59, 59, 500000000, time.UTC),
	} {
		s := formatAuditTime(at)
		got, err := quickAuditTime(s)
		if err != nil || !got.Equal(at) || got.Location() != Bangkok {
			t.Errorf("quickAuditTime(%q) = %v, %v; want %v in Bangkok", s, got, err, at)
		}
	}
	if got, err := quickAuditTime("2026-03-16T10:00:00+07:00"); err != nil ||
		!got.Equal(time.Date(2026, 3, 16, 3, 0, 0, 0, time.UTC)) {
		t.Errorf("a time with an offset: %v, %v", got, err)
	}
	if _, err := quickAuditTime("yesterday"); err == nil {
		t.Error("quickAuditTime read \"yesterday\"")
	}
}

// TestReadAhead checks the read-ahead's contract: every row in order, the
// loop's error last, a consumer that stops early stops the loop.
func TestReadAhead(t *testing.T) {
	t.Parallel()
	loop := func(n int, end error, rows *int) func(func(int) error) error {
		return func(yield func(int) error) error {
			for i := range n {
				*rows = i + 1
				if err := yield(i); err != nil {
					return err
				}
			}
			return end
		}
	}
	var read int
	var got []int
	for x, err := range readAhead(loop(3*aheadBatch+7, nil, &read)) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, x)
	}
	for i, x := range got {
		if x != i {
			t.Fatalf("row %d is %d", i, x)
		}
	}
	if len(got) != 3*aheadBatch+7 {
		t.Fatalf("%d rows", len(got))
	}

	broken := errors.New("disk on fire")
	var last error
	n := 0
	for _, err := range readAhead(loop(10, broken, &read)) {
		n, last = n+1, err
	}
	if n != 11 || !errors.Is(last, broken) {
		t.Errorf("%d pairs, last error %v; want 10 rows and the loop's error", n, last)
	}

	for x := range readAhead(loop(100*aheadBatch, nil, &read)) {
		if x == 5 {
			break
		}
	}
	if read > (aheadBatches+2)*aheadBatch {
		t.Errorf("the loop read %d rows after the consumer stopped at 6", read)
	}
}
