package scheduler

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"sandboxbot/cases"
)

// TestOffsetClock: with --now (an offset clock), a job fires at the
// program's time, not the machine's, and its run is recorded at the
// program's time.
func TestOffsetClock(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		clock := cases.StartingAt(bkk(t, "2026-04-06 07:59:30")) // a Monday
		runs := newRunLog(map[string]time.Time{WorkbookJob: bkk(t, "2026-03-30 08:00:00")})
		s := New(Options{Clock: clock, RunLog: runs, Logger: newLogs().logger()})
		var mu sync.Mutex
		var ranAt []time.Time // by the program's clock
		mustAdd(t, s, Workbook(func(context.Context) error {
			mu.Lock()
			defer mu.Unlock()
			ranAt = append(ranAt, clock.Now())
			return nil
		}))
		if err := s.Start(t.Context()); err != nil {
			t.Fatal(err)
		}
		defer stop(t, s)

		machine := time.Now()
		time.Sleep(29 * time.Second)
		synctest.Wait()
		mu.Lock()
		if len(ranAt) != 0 {
			t.Errorf("ran at %v, before the program's 08:00", ranAt)
		}
		mu.Unlock()
		time.Sleep(time.Second)
		synctest.Wait()

		want := bkk(t, "2026-04-06 08:00:00")
		mu.Lock()
		if len(ranAt) != 1 || !ranAt[0].Equal(want) {
			t.Errorf("ran at %v, want once at %v", ranAt, want)
		}
		mu.Unlock()
		if got, _ := runs.LastRun(t.Context(), WorkbookJob); !got.Equal(want) {
			t.Errorf("LastRun = %v, want %v", got, want)
		}
		if d := time.Since(machine); d != 30*time.Second {
			t.Errorf("fired %v after start by the machine, want 30s", d)
		}
	})
}

// TestClockJump: a manual clock set past a job's time is followed within
// the loop's longest sleep, and the job runs once however many times it was due.
func TestClockJump(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		clock := cases.NewManualClock(bkk(t, "2026-04-06 09:00:00"))
		s := New(Options{Clock: clock, Logger: newLogs().logger()})
		c := newCounter()
		mustAdd(t, s, Digest(func(context.Context) error {
			c.tick()
			return nil
		}))
		if err := s.Start(t.Context()); err != nil {
			t.Fatal(err)
		}
		defer stop(t, s)

		clock.Advance(7 * 24 * time.Hour) // five digests due
		before := time.Now()
		select {
		case <-c.ran:
		case <-time.After(2 * maxSleep):
			t.Fatal("no run after the clock jumped")
		}
		if d := time.Since(before); d > maxSleep {
			t.Errorf("ran %v after the jump, want within %v", d, maxSleep)
		}
		time.Sleep(time.Hour)
		synctest.Wait()
		if n := c.count(); n != 1 {
			t.Errorf("%d runs after the jump, want 1", n)
		}
	})
}
