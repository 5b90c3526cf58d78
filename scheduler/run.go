package scheduler

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"sandboxbot/cases"
)

// An entry is a job added to a Scheduler, with its schedule and its runs
// wrapped in the chain.
type entry struct {
	job     Job
	sched   cron.Schedule
	clock   cases.Clock
	log     *slog.Logger // with key job
	wrapped cron.Job     // chain around take

	// cron's wrappers call the job with no argument, in the caller's
	// goroutine. A run's context and outcome are passed beside the call,
	// in handed; handing is held from handing a run over until the chain
	// either starts it (take unlocks) or skips it (invoke unlocks), so two
	// runs never hand theirs over at once.
	handing sync.Mutex
	handed  *run
}

// A run is one call of a job through the chain.
type run struct {
	ctx     context.Context
	started bool      // the chain started the run, did not skip it
	began   time.Time // by the clock, when started
	err     error     // the job's error, or ErrPanicked
}

func newEntry(j Job, sched cron.Schedule, clock cases.Clock, log *slog.Logger) *entry {
	e := &entry{job: j, sched: sched, clock: clock, log: log}
	e.wrapped = chain(cronLogger{log}).Then(cron.FuncJob(e.take))
	return e
}

// invoke hands r to the chain and returns when r has run or was skipped.
func (e *entry) invoke(r *run) {
	e.handing.Lock()
	e.handed = r
	e.wrapped.Run()
	if !r.started {
		e.handed = nil
		e.handing.Unlock()
	}
}

// take is the innermost job of the chain: it takes the run handed over and
// runs the job.
func (e *entry) take() {
	r := e.handed
	e.handed = nil
	r.started, r.began = true, e.clock.Now()
	e.handing.Unlock()

	r.err = ErrPanicked // stays if the job panics: Recover returns past the next line
	r.err = e.job.Run(r.ctx)
}

// recordTimeout bounds recording a finished run. Recording does not end with
// the run's context: a run that finished as the bot was stopped still
// counts, or a restart would do it again.
const recordTimeout = 10 * time.Second

// fire runs e as a scheduled run (from the loop or from Start), records it
// if the job has CatchUp, and logs how it ended.
func (s *Scheduler) fire(ctx context.Context, e *entry) {
	r := &run{ctx: ctx}
	e.invoke(r)
	if !r.started {
		return // SkipIfStillRunning logged it
	}
	took := s.clock.Now().Sub(r.began)
	if r.err == nil && e.job.CatchUp {
		r.err = s.record(ctx, e.job.Name, r.began)
	}
	e.report(ctx, r.err, took)
}

// record records a successful run in the RunLog at the instant it began:
// the run stands for every time the job was due up to then, and the next
// due time is counted from it.
func (s *Scheduler) record(ctx context.Context, job string, began time.Time) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), recordTimeout)
	defer cancel()
	if err := s.runs.RecordRun(ctx, job, began); err != nil {
		return fmt.Errorf("scheduler: recording run of job %q: %w", job, err)
	}
	return nil
}

// report logs how a scheduled run ended: an error at Error, an error that
// is only the run's context ending at Info, a panic (logged by Recover with
// its stack) and a success at Debug.
func (e *entry) report(ctx context.Context, err error, took time.Duration) {
	switch {
	case err == nil:
		e.log.Debug("job done", "took", took)
	case errors.Is(err, ErrPanicked):
		e.log.Debug("job ended by a panic; it runs again at its next time", "took", took)
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		e.log.Info("job stopped", "err", err, "cause", context.Cause(ctx), "took", took)
	default:
		e.log.Error("job failed", "err", err, "took", took)
	}
}

// RunNow runs the named job at once, through the same wrappers as its
// scheduled runs, and returns when it has finished. It returns the job's
// error (wrapped; not logged), ErrPanicked if it panicked, ErrRunning
// without running it if a run of it is still going, ErrUnknownJob, or
// ErrStopped after Stop. The job's context ends with ctx and with Stop.
//
// A run on demand (the command line, an officer's REPORT) is not recorded
// in the RunLog: it does not stand in for a scheduled run, so a workbook
// sent to one officer does not cancel the one management would have got.
// RunNow works before Start too.
func (s *Scheduler) RunNow(ctx context.Context, name string) error {
	s.mu.Lock()
	e := s.lookup(name)
	stopped := s.stopped
	if e != nil && !stopped {
		s.jobs.Add(1)
	}
	s.mu.Unlock()
	switch {
	case e == nil:
		return fmt.Errorf("scheduler: running job %q: %w", name, ErrUnknownJob)
	case stopped:
		return fmt.Errorf("scheduler: running job %q: %w", name, ErrStopped)
	}
	defer s.jobs.Done()

	ctx, cancel := s.jobContext(ctx)
	defer cancel()
	r := &run{ctx: ctx}
	e.invoke(r)
	switch {
	case !r.started:
		return fmt.Errorf("scheduler: running job %q: %w", name, ErrRunning)
	case r.err != nil:
		return fmt.Errorf("scheduler: running job %q: %w", name, r.err)
	}
	return nil
}
