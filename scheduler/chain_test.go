package scheduler

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"testing/synctest"
	"time"

	"github.com/robfig/cron/v3"
)

// TestChainOrder shows why SkipIfStillRunning is outside Recover: with
// Recover outside, a panic keeps Skip's token and the job never runs again.
func TestChainOrder(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		chain    func(cron.Logger) cron.Chain
		wantRuns int
		wantSkip bool
	}{
		{"skip outside recover (ours)", chain, 2, false},
		{"recover outside skip", func(l cron.Logger) cron.Chain {
			return cron.NewChain(cron.Recover(l), cron.SkipIfStillRunning(l))
		}, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := newLogs()
			runs := 0
			j := tt.chain(cronLogger{l.logger()}).Then(cron.FuncJob(func() {
				runs++
				panic("boom")
			}))
			j.Run()
			j.Run()
			if runs != tt.wantRuns {
				t.Errorf("runs = %d, want %d", runs, tt.wantRuns)
			}
			skipped := len(l.find(func(r record) bool {
				return r.msg == "job still running; this run skipped"
			})) > 0
			if skipped != tt.wantSkip {
				t.Errorf("skip logged = %v, want %v", skipped, tt.wantSkip)
			}
			panics := l.find(func(r record) bool { return r.msg == "job panicked" })
			if len(panics) == 0 {
				t.Error("panic not logged")
			}
		})
	}
}

// TestPanicRunsAgain: a job that panics is logged with its stack and runs
// again at its next time, from the loop and from RunNow.
func TestPanicRunsAgain(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		l := newLogs()
		s := New(Options{Logger: l.logger()})
		c := newCounter()
		mustAdd(t, s, Job{Name: "flaky", Spec: "@every 1m", Run: func(context.Context) error {
			c.tick()
			panic("boom")
		}})
		if err := s.Start(t.Context()); err != nil {
			t.Fatal(err)
		}
		defer stop(t, s)

		for want := 1; want <= 2; want++ {
			time.Sleep(time.Minute)
			synctest.Wait()
			if got := c.count(); got != want {
				t.Fatalf("after %d minutes: %d runs, want %d", want, got, want)
			}
		}
		p := l.wait(t, time.Second, msg("job panicked", "flaky"))
		if p.level != slog.LevelError || p.attrs["stack"] == "" || p.attrs["err"] != "boom" {
			t.Errorf("panic record = %+v", p)
		}
		err := s.RunNow(t.Context(), "flaky")
		if !errors.Is(err, ErrPanicked) || c.count() != 3 {
			t.Errorf("RunNow = %v after %d runs, want ErrPanicked after 3", err, c.count())
		}
	})
}

// TestStillRunningSkipped: a job still running when it comes due again is
// not started twice; the skip is logged, and RunNow says ErrRunning.
func TestStillRunningSkipped(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		l := newLogs()
		s := New(Options{Logger: l.logger()})
		c := newCounter()
		release := make(chan struct{})
		mustAdd(t, s, Job{Name: "slow", Spec: "@every 1m", Run: func(context.Context) error {
			c.tick()
			<-release
			return nil
		}})
		if err := s.Start(t.Context()); err != nil {
			t.Fatal(err)
		}
		defer stop(t, s)

		time.Sleep(time.Minute)
		synctest.Wait()
		time.Sleep(time.Minute)
		synctest.Wait()
		if got := c.count(); got != 1 {
			t.Fatalf("%d runs started, want 1", got)
		}
		r := l.wait(t, time.Second, msg("job still running; this run skipped", "slow"))
		if r.level != slog.LevelInfo {
			t.Errorf("skip logged at %v, want Info", r.level)
		}
		if err := s.RunNow(t.Context(), "slow"); !errors.Is(err, ErrRunning) {
			t.Errorf("RunNow while running = %v, want ErrRunning", err)
		}

		close(release)
		synctest.Wait()
		time.Sleep(time.Minute)
		synctest.Wait()
		if got := c.count(); got != 2 {
			t.Errorf("%d runs after release and a minute, want 2", got)
		}
	})
}
