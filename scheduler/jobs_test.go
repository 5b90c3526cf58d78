package scheduler

import (
	"context"
	"errors"
	"log/slog"
	"testing"

	"sandboxbot/cases"
)

// TestStandardSpecs: the standard jobs come due when their doc says, in
// Bangkok.
func TestStandardSpecs(t *testing.T) {
	t.Parallel()
	run := func(context.Context) error { return nil }
	from := "2026-03-20 09:00:00" // a Friday
	tests := []struct {
		job  Job
		want []string
	}{
		{Sweep(&fakeSweeper{}, nil), []string{"2026-03-20 09:01:00", "2026-03-20 09:02:00"}},
		{Digest(run), []string{"2026-03-23 08:30:00", "2026-03-24 08:30:00"}},
		{Workbook(run), []string{"2026-03-23 08:00:00", "2026-03-30 08:00:00"}},
		{Checkpoint(&fakeCheckpointer{}), []string{"2026-03-20 10:00:00", "2026-03-20 11:00:00"}},
	}
	for _, tt := range tests {
		t.Run(tt.job.Name, func(t *testing.T) {
			t.Parallel()
			s := New(Options{RunLog: newRunLog(nil), Logger: newLogs().logger()})
			mustAdd(t, s, tt.job)
			at := bkk(t, from).UTC() // the schedule is read in Bangkok, not in t's zone
			for _, w := range tt.want {
				at = s.entries[0].sched.Next(at.In(s.loc))
				if want := bkk(t, w); !at.Equal(want) {
					t.Errorf("next = %v, want %v", at, want)
				}
			}
		})
	}
}

// TestSweepLogs: the sweep's report is logged at Info when it did
// something, at Debug when not; a failed sweep's error is returned.
func TestSweepLogs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		rep  cases.SweepReport
		want slog.Level
	}{
		{cases.SweepReport{Checked: 3}, slog.LevelDebug},
		{cases.SweepReport{Checked: 3, Reminders: 1}, slog.LevelInfo},
		{cases.SweepReport{Checked: 3, Expired: 2}, slog.LevelInfo},
		{cases.SweepReport{Checked: 3, Failed: 1}, slog.LevelInfo},
	}
	for _, tt := range tests {
		l := newLogs()
		ready := make(chan struct{})
		close(ready)
		sw := &fakeSweeper{t: t, ready: ready, clock: cases.SystemClock{}, rep: tt.rep}
		if err := Sweep(sw, l.logger()).Run(t.Context()); err != nil {
			t.Fatal(err)
		}
		got := l.find(msg("swept", SweepJob))
		if len(got) != 1 || got[0].level != tt.want {
			t.Errorf("%+v: logged %+v, want one record at %v", tt.rep, got, tt.want)
		}
	}

	err := Sweep(failingSweeper{}, nil).Run(t.Context())
	if !errors.Is(err, errTest) {
		t.Errorf("failed sweep = %v", err)
	}
}

type failingSweeper struct{}

func (failingSweeper) Sweep(context.Context) (cases.SweepReport, error) {
	return cases.SweepReport{}, errTest
}

// TestCheckpointRuns: the checkpoint job calls the store's Checkpoint.
func TestCheckpointRuns(t *testing.T) {
	t.Parallel()
	var c fakeCheckpointer
	if err := Checkpoint(&c).Run(t.Context()); err != nil || c.n != 1 {
		t.Errorf("checkpoint job = %v after %d checkpoints", err, c.n)
	}
	c.err = errTest
	if err := Checkpoint(&c).Run(t.Context()); !errors.Is(err, errTest) {
		t.Errorf("failed checkpoint = %v", err)
	}
}

type fakeCheckpointer struct {
	n   int
	err error
}

func (c *fakeCheckpointer) Checkpoint(context.Context) error {
	c.n++
	return c.err
}
