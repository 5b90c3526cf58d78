package scheduler

import (
	"context"
	"fmt"
	"time"
)

// readyWarnEvery is how often Start, still waiting for Ready, says so.
const readyWarnEvery = time.Minute

// Start starts the jobs. In order:
//
//  1. It waits for Options.Ready to be closed, so that what arrived in the
//     inbox while the bot was down (a decision, a late form) is in the store
//     before anything is swept: a decision that came in time wins over the
//     expiry of its window. It logs a warning each minute it waits.
//  2. It runs once each job with RunAtStart (the sweep), in the order added.
//  3. It runs once each job with CatchUp that missed a due time while the
//     bot was down: the job's schedule, counted from its RunLog.LastRun,
//     came due before the clock's now. However many times were missed (a
//     Monday workbook missed three weeks running), it runs once. A job that
//     has never run (LastRun is zero) does not catch up: nothing says it
//     was ever meant to run before now, and a fresh install sending a
//     workbook at whatever hour it is first started would surprise.
//  4. It starts the loop, in a goroutine, and returns nil.
//
// Steps 2 and 3 run in the caller's goroutine, through the same wrappers as
// scheduled runs; their errors are logged, not returned. Start returns an
// error only when it does not start the loop: ctx ended or Stop was called
// before step 4 (the cause is wrapped: context.Canceled, ErrStopped, …), or
// Start was called before. Cancelling ctx later ends the loop and cancels
// running jobs; Stop also waits for them.
func (s *Scheduler) Start(ctx context.Context) error {
	s.mu.Lock()
	switch {
	case s.stopped:
		s.mu.Unlock()
		return fmt.Errorf("scheduler: starting: %w", ErrStopped)
	case s.started:
		s.mu.Unlock()
		return fmt.Errorf("scheduler: starting: already started")
	}
	s.started = true
	s.loop.Add(1)
	s.mu.Unlock()

	ctx, cancel := s.jobContext(ctx)
	if err := s.startRuns(ctx); err != nil {
		cancel()
		s.loop.Done()
		return err
	}
	next := s.firstTimes()
	go func() {
		defer s.loop.Done()
		defer cancel()
		s.run(ctx, next)
	}()
	return nil
}

// startRuns does steps 1 to 3 of Start.
func (s *Scheduler) startRuns(ctx context.Context) error {
	if err := s.waitReady(ctx); err != nil {
		return err
	}
	var first, catchUp []*entry
	for _, e := range s.entries {
		switch {
		case e.job.RunAtStart:
			first = append(first, e)
		case e.job.CatchUp:
			catchUp = append(catchUp, e)
		}
	}
	for _, e := range first {
		if ctx.Err() == nil {
			e.log.Debug("running at start")
			s.fire(ctx, e)
		}
	}
	for _, e := range catchUp {
		if ctx.Err() == nil && s.missed(ctx, e) {
			s.fire(ctx, e)
		}
	}
	if ctx.Err() != nil {
		return fmt.Errorf("scheduler: starting: %w", context.Cause(ctx))
	}
	return nil
}

// waitReady waits for Options.Ready, if any, or for ctx to end.
func (s *Scheduler) waitReady(ctx context.Context) error {
	if s.ready == nil {
		return nil
	}
	s.log.Info("waiting for the intake's first pass before the first sweep")
	began := time.Now()
	warn := time.NewTicker(readyWarnEvery)
	defer warn.Stop()
	for {
		select {
		case <-s.ready:
			return nil
		case <-ctx.Done():
			return fmt.Errorf("scheduler: waiting for the intake's first pass: %w",
				context.Cause(ctx))
		case <-warn.C:
			s.log.Warn("still waiting for the intake's first pass; no job runs until it ends",
				"waited", time.Since(began).Round(time.Second))
		}
	}
}

// missed reports whether the job e, which has CatchUp, missed a due time.
// A failure to read the RunLog is logged and counts as nothing missed.
func (s *Scheduler) missed(ctx context.Context, e *entry) bool {
	last, err := s.runs.LastRun(ctx, e.job.Name)
	if err != nil {
		e.log.Error("reading the job's last run; no catch-up", "err", err)
		return false
	}
	if last.IsZero() {
		e.log.Debug("job never ran; no catch-up")
		return false
	}
	now := s.clock.Now()
	due := e.sched.Next(last.In(s.loc))
	if due.IsZero() || due.After(now) {
		e.log.Debug("no run missed", "last_run", last, "next_run", due)
		return false
	}
	e.log.Info("catching up a missed run", "last_run", last, "missed_run", due)
	return true
}
