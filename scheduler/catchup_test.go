package scheduler

import (
	"context"
	"testing"
	"time"

	"sandboxbot/cases"
)

// TestCatchUp: a job with CatchUp that missed its times while the bot was
// down runs once at start, however many were missed; one that did not miss
// any, or never ran, does not.
func TestCatchUp(t *testing.T) {
	t.Parallel()
	const now = "2026-03-23 10:00:00" // a Monday, after the workbook's 08:00
	tests := []struct {
		name    string
		lastRun string // "" is never run
		now     string
		want    int
	}{
		{"missed three Mondays", "2026-03-02 08:00:00", now, 1},
		{"missed one Monday", "2026-03-16 08:00:00", now, 1},
		{"ran after the last due time", "2026-03-23 08:00:05", now, 0},
		{"next due time not yet come", "2026-03-16 08:00:00", "2026-03-23 07:59:59", 0},
		{"next due time this instant", "2026-03-16 08:00:00", "2026-03-23 08:00:00", 1},
		{"never run", "", now, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			last := map[string]time.Time{}
			if tt.lastRun != "" {
				last[WorkbookJob] = bkk(t, tt.lastRun)
			}
			runs := newRunLog(last)
			clock := cases.NewManualClock(bkk(t, tt.now))
			s := New(Options{Clock: clock, RunLog: runs, Logger: newLogs().logger()})
			c := newCounter()
			mustAdd(t, s, Workbook(func(context.Context) error {
				c.tick()
				clock.Advance(time.Minute) // the workbook takes a minute to make
				return nil
			}))
			if err := s.Start(t.Context()); err != nil {
				t.Fatal(err)
			}
			stop(t, s)

			if got := c.count(); got != tt.want {
				t.Errorf("%d runs at start, want %d", got, tt.want)
			}
			got, _ := runs.LastRun(t.Context(), WorkbookJob)
			want := last[WorkbookJob]
			if tt.want > 0 {
				want = bkk(t, tt.now) // the instant the run began, not ended
			}
			if !got.Equal(want) {
				t.Errorf("LastRun = %v, want %v", got, want)
			}
		})
	}
}

// TestCatchUpFailedNotRecorded: a catch-up run that fails is not recorded,
// so the next start tries again.
func TestCatchUpFailedNotRecorded(t *testing.T) {
	t.Parallel()
	last := bkk(t, "2026-03-02 08:00:00")
	runs := newRunLog(map[string]time.Time{WorkbookJob: last})
	l := newLogs()
	s := New(Options{Clock: cases.NewManualClock(bkk(t, "2026-03-23 10:00:00")),
		RunLog: runs, Logger: l.logger()})
	mustAdd(t, s, Workbook(func(context.Context) error { return errTest }))
	if err := s.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	stop(t, s)

	if got, _ := runs.LastRun(t.Context(), WorkbookJob); !got.Equal(last) {
		t.Errorf("LastRun = %v after a failed run, want %v", got, last)
	}
	if len(l.find(msg("job failed", WorkbookJob))) != 1 {
		t.Error("failed catch-up not logged once")
	}
}
