package scheduler

import (
	"context"
	"time"
)

// maxSleep bounds the loop's sleep, so that a clock that jumps (a manual
// clock set forward, the machine's wall clock stepped, a machine woken from
// sleep, whose timers stood still) is followed within a minute.
const maxSleep = time.Minute

// firstTimes returns each entry's first due time after the clock's now.
func (s *Scheduler) firstTimes() []time.Time {
	now := s.clock.Now().In(s.loc)
	next := make([]time.Time, len(s.entries))
	for i, e := range s.entries {
		next[i] = e.sched.Next(now)
	}
	return next
}

// run is the loop: it sleeps until the earliest due time by the clock, at
// most maxSleep, then starts every job whose time has come, each in its own
// goroutine, and counts its next due time from the clock's now. A job due
// several times over (the clock jumped) runs once. The loop returns when
// ctx ends.
func (s *Scheduler) run(ctx context.Context, next []time.Time) {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for ctx.Err() == nil {
		now := s.clock.Now().In(s.loc)
		wait := maxSleep
		for i, e := range s.entries {
			switch {
			case next[i].IsZero():
				continue // the schedule came to an end
			case !next[i].After(now):
				s.jobs.Go(func() { s.fire(ctx, e) })
				next[i] = e.sched.Next(now)
				if next[i].IsZero() {
					continue
				}
			}
			wait = min(wait, next[i].Sub(now))
		}

		timer.Reset(wait)
		select {
		case <-ctx.Done():
		case <-timer.C:
		}
	}
}
