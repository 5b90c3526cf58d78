package scheduler

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"testing/synctest"
	"time"
)

// TestErrorsLogged: a job's error is logged at Error with the job's name,
// from the loop and from the start; RunNow returns it instead.
func TestErrorsLogged(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		l := newLogs()
		s := New(Options{Logger: l.logger()})
		fail := func(context.Context) error { return errTest }
		mustAdd(t, s, Job{Name: "digest", Spec: "@every 1m", Run: fail},
			Job{Name: "first", Spec: "@daily", Run: fail, RunAtStart: true})
		if err := s.Start(t.Context()); err != nil {
			t.Fatal(err)
		}
		defer stop(t, s)
		time.Sleep(time.Minute)
		synctest.Wait()

		for _, job := range []string{"first", "digest"} {
			got := l.find(msg("job failed", job))
			if len(got) != 1 {
				t.Errorf("job %s: %d failures logged, want 1", job, len(got))
				continue
			}
			if got[0].level != slog.LevelError || got[0].attrs["err"] != errTest.Error() {
				t.Errorf("job %s: logged %+v", job, got[0])
			}
		}

		n := len(l.find(func(r record) bool { return r.level == slog.LevelError }))
		err := s.RunNow(t.Context(), "digest")
		if !errors.Is(err, errTest) || err.Error() !=
			`scheduler: running job "digest": `+errTest.Error() {
			t.Errorf("RunNow = %v", err)
		}
		if m := len(l.find(func(r record) bool { return r.level == slog.LevelError })); m != n {
			t.Errorf("RunNow's error also logged (%d Error records, was %d)", m, n)
		}
		if err := s.RunNow(t.Context(), "nightly"); !errors.Is(err, ErrUnknownJob) {
			t.Errorf("RunNow of an unknown job = %v, want ErrUnknownJob", err)
		}
	})
}
