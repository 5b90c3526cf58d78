package scheduler

import (
	"context"
	"fmt"
)

// Stop stops the scheduler: the loop ends, no run is started any more
// (Start and RunNow return ErrStopped), the context of every running job is
// cancelled with ErrStopped as its cause, and Stop waits for those jobs to
// return. A Start still waiting for Ready returns. When ctx ends first,
// Stop returns its error; the jobs not yet returned keep their cancelled
// context and are not waited for.
//
// Stop may be called more than once, from any goroutine, with or without
// Start; each call waits as above.
func (s *Scheduler) Stop(ctx context.Context) error {
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
	s.cancel(ErrStopped)

	done := make(chan struct{})
	go func() {
		defer close(done)
		s.loop.Wait()
		s.jobs.Wait()
	}()
	select {
	case <-done:
		s.log.Debug("scheduler stopped")
		return nil
	case <-ctx.Done():
		return fmt.Errorf("scheduler: stopping: waiting for running jobs: %w", ctx.Err())
	}
}
