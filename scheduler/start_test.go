package scheduler

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"sandboxbot/cases"
)

var errTest = errors.New("smtp relay refused")

// fakeSweeper counts sweeps, and fails the test if one comes before ready.
type fakeSweeper struct {
	t     *testing.T
	ready <-chan struct{}
	clock cases.Clock
	mu    sync.Mutex
	at    []time.Time // the clock's time at each sweep
	rep   cases.SweepReport
}

func (f *fakeSweeper) Sweep(context.Context) (cases.SweepReport, error) {
	select {
	case <-f.ready:
	default:
		f.t.Error("swept before the intake's first pass")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.at = append(f.at, f.clock.Now())
	return f.rep, nil
}

func (f *fakeSweeper) sweeps() []time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.at)
}

// TestStartWaitsForReady: nothing runs before Ready is closed; then the
// sweep runs once, before any scheduled run and before the catch-ups.
func TestStartWaitsForReady(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		ready := make(chan struct{})
		l := newLogs()
		runs := newRunLog(map[string]time.Time{WorkbookJob: bkk(t, "1999-12-20 08:00:00")})
		s := New(Options{Ready: ready, RunLog: runs, Logger: l.logger()})
		sw := &fakeSweeper{t: t, ready: ready, clock: cases.SystemClock{}}
		var order []string
		var mu sync.Mutex
		mustAdd(t, s, Workbook(func(context.Context) error {
			mu.Lock()
			defer mu.Unlock()
			order = append(order, "workbook after "+strconv.Itoa(len(sw.sweeps()))+" sweep")
			return nil
		}), Sweep(sw, l.logger()))

		started := make(chan error)
		go func() { started <- s.Start(t.Context()) }()
		time.Sleep(90 * time.Second) // long enough to be warned of the wait
		synctest.Wait()
		if n := len(sw.sweeps()); n != 0 {
			t.Fatalf("%d sweeps before ready", n)
		}
		w := l.wait(t, time.Second, func(r record) bool {
			return r.msg == "still waiting for the intake's first pass; no job runs until it ends"
		})
		if w.attrs["waited"] != "1m0s" {
			t.Errorf("waited = %q, want 1m0s", w.attrs["waited"])
		}

		readyAt := time.Now()
		close(ready)
		if err := <-started; err != nil {
			t.Fatal(err)
		}
		defer stop(t, s)
		if got := sw.sweeps(); len(got) != 1 || !got[0].Equal(readyAt) {
			t.Errorf("sweeps at %v after Start returned, want one at %v", got, readyAt)
		}
		mu.Lock()
		if want := []string{"workbook after 1 sweep"}; !slices.Equal(order, want) {
			t.Errorf("catch-ups %v, want %v (the workbook after the sweep)", order, want)
		}
		mu.Unlock()

		// The next sweep is at the minute, by the loop.
		time.Sleep(time.Until(readyAt.Truncate(time.Minute).Add(time.Minute)))
		synctest.Wait()
		if got := sw.sweeps(); len(got) != 2 || got[1].Second() != 0 {
			t.Errorf("sweeps at %v, want a second one on the minute", got)
		}
	})
}

// TestStartCancelledWhileWaiting: ctx ending, or Stop, while Start waits for
// Ready makes it return at once, with the cause, and run nothing.
func TestStartCancelledWhileWaiting(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		end   func(cancel context.CancelFunc, s *Scheduler)
		cause error
	}{
		{"ctx cancelled", func(cancel context.CancelFunc, _ *Scheduler) { cancel() },
			context.Canceled},
		{"stopped", func(_ context.CancelFunc, s *Scheduler) {
			go s.Stop(context.Background())
		}, ErrStopped},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				ready := make(chan struct{})
				s := New(Options{Ready: ready, Logger: newLogs().logger()})
				sw := &fakeSweeper{t: t, ready: ready, clock: cases.SystemClock{}}
				mustAdd(t, s, Sweep(sw, nil))
				ctx, cancel := context.WithCancel(t.Context())
				defer cancel()

				started := make(chan error)
				go func() { started <- s.Start(ctx) }()
				synctest.Wait()
				before := time.Now()
				tt.end(cancel, s)
				err := <-started
				if !errors.Is(err, tt.cause) {
					t.Errorf("Start = %v, want %v", err, tt.cause)
				}
				if waited := time.Since(before); waited != 0 {
					t.Errorf("Start returned after %v", waited)
				}
				stop(t, s)
				if n := len(sw.sweeps()); n != 0 {
					t.Errorf("%d sweeps", n)
				}
			})
		})
	}
}

// TestStartTwice: a second Start fails; Add after Start fails.
func TestStartTwice(t *testing.T) {
	t.Parallel()
	s := New(Options{Clock: cases.NewManualClock(bkk(t, "2026-03-23 10:00:00")),
		Logger: newLogs().logger()})
	if err := s.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	defer stop(t, s)
	if err := s.Start(t.Context()); err == nil {
		t.Error("second Start succeeded")
	}
	if err := s.Add(Digest(func(context.Context) error { return nil })); err == nil {
		t.Error("Add after Start succeeded")
	}
}
