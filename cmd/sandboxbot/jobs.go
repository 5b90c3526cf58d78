package main

import (
	"context"
	"fmt"
	"log/slog"

	"sandboxbot/cases"
	"sandboxbot/notices"
	"sandboxbot/scheduler"
)

// ScheduleConfig is the [schedule] section: when the jobs run, as cron
// specs read in Asia/Bangkok (minute hour day-of-month month day-of-week).
type ScheduleConfig struct {
	Sweep    string `toml:"sweep" help:"When deadlines are swept: reminders, expiries and their letters."`
	Digest   string `toml:"digest" help:"When the officers get the digest of what waits on the agency."`
	Workbook string `toml:"workbook" help:"When management gets the status workbook; a run missed while the bot was down is sent once at start."`
}

func defaultSchedule() ScheduleConfig {
	return ScheduleConfig{Sweep: scheduler.SweepSpec, Digest: scheduler.DigestSpec,
		Workbook: scheduler.WorkbookSpec}
}

// botJobs are the bot's scheduled jobs: the sweep (first, once the
// intake has read the inbox), the officers' digest, management's
// workbook, and the database's checkpoint.
func botJobs(store *cases.Store, cfg *Config, log *slog.Logger) []scheduler.Job {
	sweep := scheduler.Sweep(store, log)
	sweep.Spec = cfg.Schedule.Sweep
	digest := scheduler.Digest(func(ctx context.Context) error {
		n, tasks, err := notices.DigestNotice(ctx, store, store.Clock().Now(),
			notices.DigestOptions{Attach: true})
		if err != nil || tasks == 0 {
			return err // nothing waits on the agency: no digest
		}
		_, err = store.Notify(ctx, n)
		return err
	})
	digest.Spec = cfg.Schedule.Digest
	workbook := scheduler.Workbook(func(ctx context.Context) error {
		if len(cfg.Mail.Management) == 0 {
			return nil
		}
		n, err := statusReport(ctx, store, cases.ToManagement, "")
		if err != nil {
			return err
		}
		_, err = store.Notify(ctx, n)
		return err
	})
	workbook.Spec = cfg.Schedule.Workbook
	return []scheduler.Job{sweep, digest, workbook, scheduler.Checkpoint(store)}
}

// statusReport is the status workbook of the week to now, for management
// or for the officer who asked (by).
func statusReport(ctx context.Context, store *cases.Store, to cases.Recipient, by string) (
	cases.Notice, error) {
	n, err := notices.StatusReportNotice(ctx, store, notices.StatusReportOptions{
		WorkbookOptions: notices.WorkbookOptions{At: store.Clock().Now()}, To: to, By: by})
	if err != nil {
		return cases.Notice{}, fmt.Errorf("writing the status workbook: %w", err)
	}
	return n, nil
}
