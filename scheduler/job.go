package scheduler

import (
	"context"
	"fmt"
	"time"

	"github.com/robfig/cron/v3"
)

// A Job is work done at the times its Spec names.
type Job struct {
	// Name identifies the job in logs (key job), in the RunLog and to
	// RunNow. It must be unique within a Scheduler.
	Name string
	// Spec is when the job comes due, in robfig/cron's standard form read
	// in the scheduler's Location: five fields (minute, hour, day of month,
	// month, day of week: "30 8 * * 1-5" is 08:30 on weekdays), or a
	// descriptor ("@hourly", "@daily", "@every 15m"). A leading
	// "CRON_TZ=Zone " reads that one spec in another zone.
	Spec string
	// Run does the work. Its context is cancelled when the scheduler stops
	// (or, for RunNow, when the caller's context ends); Run should return
	// soon after. An error it returns is logged at Error with the job's
	// name, or returned by RunNow. Run is never called twice at once.
	Run func(ctx context.Context) error
	// CatchUp makes Start run the job once when a time it was due passed
	// while the bot was down; see Scheduler.Start. A job with CatchUp has
	// each successful scheduled run (not a RunNow) recorded in the RunLog.
	CatchUp bool
	// RunAtStart makes Start run the job once, after Options.Ready, before
	// any catch-up and before the loop begins: the sweep, so that what is
	// overdue after a stop is done first, and after the inbox was read.
	RunAtStart bool
}

// specHelp is what a valid spec looks like, for the error of a bad one.
const specHelp = `a spec is five fields, minute hour day-of-month month day-of-week ` +
	`("30 8 * * 1-5" is 08:30 on weekdays), or a descriptor ("@hourly", "@every 15m")`

// parseSpec reads j's spec with cron's standard parser and checks that it
// comes due at least once after now.
func parseSpec(j Job, now time.Time) (cron.Schedule, error) {
	sched, err := cron.ParseStandard(j.Spec)
	if err != nil {
		return nil, fmt.Errorf("scheduler: adding job %q: spec %q: %w: %w; %s",
			j.Name, j.Spec, ErrBadSpec, err, specHelp)
	}
	if sched.Next(now).IsZero() {
		return nil, fmt.Errorf("scheduler: adding job %q: spec %q: %w: "+
			"it never comes due; %s", j.Name, j.Spec, ErrBadSpec, specHelp)
	}
	return sched, nil
}
