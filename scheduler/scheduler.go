package scheduler

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"sandboxbot/cases"
)

// A RunLog remembers when each job with CatchUp last ran, across restarts.
// The case store implements it. Implementations are safe for concurrent
// use.
type RunLog interface {
	// LastRun returns the instant recorded by the job's latest RecordRun,
	// or the zero time if the job has never run.
	LastRun(ctx context.Context, job string) (time.Time, error)
	// RecordRun records that a run of the job that began at the instant at
	// (by the program's clock) finished without error.
	RecordRun(ctx context.Context, job string, at time.Time) error
}

// Options configure a Scheduler. The zero Options is usable: the system
// clock, Bangkok, slog's default logger, no RunLog, no wait at start.
type Options struct {
	// Clock is the program's one clock: schedules are followed by it, the
	// catch-up is judged by it and the RunLog's times are read from it.
	// Nil is the system clock.
	Clock cases.Clock
	// Location is the zone specs are read in. Nil is Asia/Bangkok.
	Location *time.Location
	// Logger receives the scheduler's log, every record with key job. Nil
	// is slog.Default().
	Logger *slog.Logger
	// RunLog remembers the runs of jobs with CatchUp. It may be nil when no
	// job has CatchUp.
	RunLog RunLog
	// Ready, when not nil, holds Start back until it is closed: the caller
	// closes it once the intake's first pass over the inbox is committed.
	Ready <-chan struct{}
}

// A Scheduler runs jobs at their times. Its methods are safe for concurrent
// use.
type Scheduler struct {
	clock cases.Clock
	loc   *time.Location
	log   *slog.Logger
	runs  RunLog
	ready <-chan struct{}

	// quit is cancelled by Stop; every job's context ends with it.
	quit   context.Context
	cancel context.CancelCauseFunc

	mu      sync.Mutex
	entries []*entry // in the order added
	started bool
	stopped bool
	// loop counts Start, from its call to the end of the loop it starts.
	loop sync.WaitGroup
	// jobs counts the runs started by the loop and by RunNow. Stop waits
	// for loop first, so no run is added once jobs is waited for.
	jobs sync.WaitGroup
}

// New returns a Scheduler with no jobs; Add them, then Start.
func New(o Options) *Scheduler {
	s := &Scheduler{clock: o.Clock, loc: o.Location, log: o.Logger, runs: o.RunLog,
		ready: o.Ready}
	if s.clock == nil {
		s.clock = cases.SystemClock{}
	}
	if s.loc == nil {
		s.loc = cases.Bangkok
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	s.quit, s.cancel = context.WithCancelCause(context.Background())
	return s
}

// Add adds a job. It fails with ErrBadSpec when the spec cannot be parsed
// or never comes due, and with ErrBadJob when the job has no name or Run,
// its name is taken, or it has CatchUp and the Scheduler no RunLog. Jobs
// are added before Start; Add after Start fails.
func (s *Scheduler) Add(j Job) error {
	switch {
	case j.Name == "":
		return fmt.Errorf("scheduler: adding a job with spec %q: %w: no name", j.Spec, ErrBadJob)
	case j.Run == nil:
		return fmt.Errorf("scheduler: adding job %q: %w: no Run function", j.Name, ErrBadJob)
	case j.CatchUp && s.runs == nil:
		return fmt.Errorf("scheduler: adding job %q: %w: CatchUp needs Options.RunLog",
			j.Name, ErrBadJob)
	}
	sched, err := parseSpec(j, s.clock.Now().In(s.loc))
	if err != nil {
		return err
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.started || s.stopped {
		return fmt.Errorf("scheduler: adding job %q: scheduler already started", j.Name)
	}
	if s.lookup(j.Name) != nil {
		return fmt.Errorf("scheduler: adding job %q: %w: name already taken", j.Name, ErrBadJob)
	}
	s.entries = append(s.entries, newEntry(j, sched, s.clock, s.log.With("job", j.Name)))
	return nil
}

// lookup returns the entry of the named job, or nil. s.mu is held.
func (s *Scheduler) lookup(name string) *entry {
	for _, e := range s.entries {
		if e.job.Name == name {
			return e
		}
	}
	return nil
}

// jobContext returns a context for a run: it ends with parent and when Stop
// is called, with ErrStopped as its cause.
func (s *Scheduler) jobContext(parent context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(parent)
	unhook := context.AfterFunc(s.quit, func() { cancel(ErrStopped) })
	return ctx, func() {
		unhook()
		cancel(context.Canceled)
	}
}
