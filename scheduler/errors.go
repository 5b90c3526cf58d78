package scheduler

import "errors"

// Errors callers branch on. They are wrapped with the job's name; test with
// errors.Is.
var (
	// ErrBadSpec means a job's cron spec cannot be parsed or never comes
	// due; the wrapping error names the job and the spec and says what a
	// valid spec looks like.
	ErrBadSpec = errors.New("bad cron spec")
	// ErrBadJob means a job cannot be added: no name, a name already taken,
	// no Run function, or CatchUp without a RunLog to remember runs in.
	ErrBadJob = errors.New("bad job")
	// ErrUnknownJob means no job of that name was added. An officer's
	// REPORT command for a report the bot does not make ends here.
	ErrUnknownJob = errors.New("no such job")
	// ErrRunning means the job was not started because a run of it is still
	// going; that run is not disturbed.
	ErrRunning = errors.New("job still running")
	// ErrPanicked means the job panicked. The panic and its stack are
	// logged; the job runs again at its next time.
	ErrPanicked = errors.New("job panicked")
	// ErrStopped means Stop was called: nothing more is started. It is also
	// the cause (context.Cause) of the context of a job cancelled by Stop.
	ErrStopped = errors.New("scheduler stopped")
)
