package scheduler

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"
)

// TestStopWaitsAndCancels: Stop cancels a running job's context, with
// ErrStopped as the cause, waits for the job to return, and leaves no
// goroutine behind: synctest.Test fails if one of the bubble's goroutines
// (the loop, a job, Stop's own) is still there when the test returns.
func TestStopWaitsAndCancels(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		l := newLogs()
		s := New(Options{Logger: l.logger()})
		c := newCounter()
		cause := make(chan error, 1)
		mustAdd(t, s, Job{Name: "long", Spec: "@every 1m", Run: func(ctx context.Context) error {
			c.tick()
			<-ctx.Done()
			time.Sleep(time.Second) // tidying up after the cancel
			cause <- context.Cause(ctx)
			return ctx.Err()
		}})
		if err := s.Start(t.Context()); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Minute)
		synctest.Wait()
		if c.count() != 1 {
			t.Fatal("job did not start")
		}

		before := time.Now()
		if err := s.Stop(t.Context()); err != nil {
			t.Fatal(err)
		}
		if waited := time.Since(before); waited != time.Second {
			t.Errorf("Stop returned after %v, want after the job's 1s", waited)
		}
		if got := <-cause; !errors.Is(got, ErrStopped) {
			t.Errorf("job's context cause = %v, want ErrStopped", got)
		}
		r := l.wait(t, time.Second, msg("job stopped", "long"))
		if r.level.String() != "INFO" {
			t.Errorf("stopped job logged at %v, want Info", r.level)
		}
		if err := s.RunNow(t.Context(), "long"); !errors.Is(err, ErrStopped) {
			t.Errorf("RunNow after Stop = %v, want ErrStopped", err)
		}
		if err := s.Start(t.Context()); !errors.Is(err, ErrStopped) {
			t.Errorf("Start after Stop = %v, want ErrStopped", err)
		}
		time.Sleep(time.Hour)
		synctest.Wait()
		if c.count() != 1 {
			t.Errorf("%d runs after Stop, want none", c.count()-1)
		}
	})
}

// TestStopBounded: a job that ignores its context holds Stop only until
// Stop's own context ends.
func TestStopBounded(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		s := New(Options{Logger: newLogs().logger()})
		release := make(chan struct{})
		mustAdd(t, s, Job{Name: "stubborn", Spec: "@hourly", Run: func(context.Context) error {
			<-release
			return nil
		}})
		running := make(chan error)
		go func() { running <- s.RunNow(context.Background(), "stubborn") }()
		synctest.Wait()

		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		defer cancel()
		if err := s.Stop(ctx); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Stop = %v, want DeadlineExceeded", err)
		}
		close(release)
		if err := <-running; err != nil {
			t.Errorf("RunNow = %v", err)
		}
		stop(t, s)
	})
}

// TestStopParentCancelled: cancelling Start's ctx ends the loop and cancels
// the jobs; Stop then waits for them.
func TestStopParentCancelled(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		s := New(Options{Logger: newLogs().logger()})
		c := newCounter()
		cause := make(chan error, 1)
		mustAdd(t, s, Job{Name: "long", Spec: "@every 1m", Run: func(ctx context.Context) error {
			c.tick()
			<-ctx.Done()
			cause <- context.Cause(ctx)
			return nil
		}})
		ctx, cancel := context.WithCancel(t.Context())
		if err := s.Start(ctx); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Minute)
		synctest.Wait()
		cancel()
		if got := <-cause; !errors.Is(got, context.Canceled) {
			t.Errorf("job's context cause = %v, want Canceled", got)
		}
		time.Sleep(time.Hour)
		synctest.Wait()
		if c.count() != 1 {
			t.Errorf("%d runs, want 1: the loop went on after ctx ended", c.count())
		}
		stop(t, s)
	})
}
