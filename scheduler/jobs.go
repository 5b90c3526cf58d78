package scheduler

import (
	"context"
	"fmt"
	"log/slog"

	"sandboxbot/cases"
)

// Names of the standard jobs, for RunNow.
const (
	SweepJob      = "sweep"
	DigestJob     = "digest"
	WorkbookJob   = "workbook"
	CheckpointJob = "checkpoint"
)

// Default specs of the standard jobs, read in the scheduler's Location.
const (
	// SweepSpec is every minute, on the clock's minute.
	SweepSpec = "* * * * *"
	// DigestSpec is 08:30 Monday to Friday.
	DigestSpec = "30 8 * * 1-5"
	// WorkbookSpec is 08:00 on Mondays.
	WorkbookSpec = "0 8 * * 1"
	// CheckpointSpec is every hour, on the hour.
	CheckpointSpec = "@hourly"
)

// A Sweeper does what time has made due: the case store's Sweep, which
// reads the store's clock, so deadlines are judged by the program's clock.
type Sweeper interface {
	Sweep(ctx context.Context) (cases.SweepReport, error)
}

// A Checkpointer moves the database's write-ahead log into its main file:
// the case store's Checkpoint.
type Checkpointer interface {
	Checkpoint(ctx context.Context) error
}

// Sweep returns the job that sweeps the case store every minute, and once
// at start (RunAtStart) after the intake's first pass. It logs each report
// to log (nil is slog.Default()) at Info when the sweep sent a reminder,
// expired a window or failed on one, at Debug when it did nothing.
func Sweep(sw Sweeper, log *slog.Logger) Job {
	if log == nil {
		log = slog.Default()
	}
	log = log.With("job", SweepJob)
	return Job{Name: SweepJob, Spec: SweepSpec, RunAtStart: true,
		Run: func(ctx context.Context) error {
			rep, err := sw.Sweep(ctx)
			if err != nil {
				return fmt.Errorf("scheduler: sweeping: %w", err)
			}
			level := slog.LevelDebug
			if rep.Reminders > 0 || rep.Expired > 0 || rep.Failed > 0 {
				level = slog.LevelInfo
			}
			log.Log(ctx, level, "swept", "checked", rep.Checked, "reminders", rep.Reminders,
				"expired", rep.Expired, "failed", rep.Failed)
			return nil
		}}
}

// Digest returns the job that sends the officers' digest on weekday
// mornings. A digest missed while the bot was down is not caught up: the
// next one lists the same work. Set CatchUp on the returned Job to change
// that.
func Digest(fn func(ctx context.Context) error) Job {
	return Job{Name: DigestJob, Spec: DigestSpec, Run: fn}
}

// Workbook returns the job that sends management the status workbook on
// Monday mornings. It has CatchUp: a workbook missed while the bot was
// down, however many Mondays, is sent once when it starts again.
func Workbook(fn func(ctx context.Context) error) Job {
	return Job{Name: WorkbookJob, Spec: WorkbookSpec, Run: fn, CatchUp: true}
}

// Checkpoint returns the job that checkpoints the case store's database
// every hour, so the write-ahead log is folded in while the bot is idle
// rather than in the middle of a sweep.
func Checkpoint(c Checkpointer) Job {
	return Job{Name: CheckpointJob, Spec: CheckpointSpec, Run: c.Checkpoint}
}
