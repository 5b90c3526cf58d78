package scheduler

import (
	"log/slog"

	"github.com/robfig/cron/v3"
)

// cronLogger lets cron's wrappers log through slog: cron's Info at Info,
// its Error at Error with key err, its key-value pairs kept (Recover's
// stack). Its messages are reworded to say what happened.
type cronLogger struct {
	log *slog.Logger
}

var _ cron.Logger = cronLogger{}

// Info logs a routine event of cron's; SkipIfStillRunning's "skip" is one.
func (l cronLogger) Info(msg string, kv ...any) {
	l.log.Info(cronMessage(msg), kv...)
}

// Error logs an error of cron's; Recover's "panic" is one.
func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error(cronMessage(msg), append([]any{"err", err}, kv...)...)
}

// cronMessage rewords the messages of cron's wrappers.
func cronMessage(msg string) string {
	switch msg {
	case "skip":
		return "job still running; this run skipped"
	case "panic":
		return "job panicked"
	}
	return "cron: " + msg
}
