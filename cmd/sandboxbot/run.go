package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"time"

	"sandboxbot/cases"
	"sandboxbot/mailbox"
	"sandboxbot/scheduler"
)

func runCommand() *command {
	var level, profile string
	return &command{name: "run",
		summary: "Runs the bot: watches the intake mailbox, answers every sender, sends the " +
			"outbox and keeps every deadline, until interrupted. With no [mail] intake in " +
			"the configuration it starts an embedded mail server on loopback and prints " +
			"how to point a mail client at it.",
		flags: func(fs *flag.FlagSet) {
			fs.StringVar(&level, "log-level", "info", "`LEVEL` of the log: debug, info, warn, error")
			fs.StringVar(&profile, "cpu-profile", "", "write a CPU profile of the run to `FILE` "+
				"(go tool pprof reads it)")
		},
		run: func(ctx context.Context, e *env, args []string) error {
			var l slog.Level
			if err := l.UnmarshalText([]byte(level)); err != nil {
				return usageError{fmt.Sprintf("--log-level %q is not debug, info, warn or error",
					level)}
			}
			log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: l}))
			if profile != "" {
				stop, err := startCPUProfile(profile)
				if err != nil {
					return err
				}
				defer stop()
			}
			return runBot(ctx, e, log)
		}}
}

// readyWait bounds the wait for the intake's first pass before the first
// sweep: a decision waiting in the inbox should win over an expiry, but a
// mail server that stays down must not stop the deadlines.
const readyWait = 5 * time.Minute

// runBot wires the bot together and runs it until ctx ends.
func runBot(ctx context.Context, e *env, log *slog.Logger) error {
	cfg, err := loadConfig(e.global.config)
	if err != nil {
		return err
	}

	release, err := lockData(e.global.data)
	if err != nil {
		return err
	}
	defer release()

	// The mail servers: the configured ones, or the embedded one.
	intakeURL, smtpURL := cfg.Mail.Intake, cfg.Mail.SMTP
	if intakeURL == "" {
		emb, err := mailbox.StartEmbedded(ctx, mailbox.EmbeddedOptions{
			IMAPAddr: cfg.Mail.EmbeddedIMAP, SMTPAddr: cfg.Mail.EmbeddedSMTP,
			StateFile: filepath.Join(e.global.data, "embedded-uidvalidity"), Logger: log})
		if err != nil {
			return fmt.Errorf("starting the embedded mail server: %w", err)
		}
		defer emb.Wait()
		defer emb.Close()
		intakeURL = fmt.Sprintf("imap://%s:%s@%s/INBOX?tls=none",
			url.QueryEscape(cfg.Mail.Address), url.QueryEscape(emb.Password), emb.IMAPAddr)
		smtpURL = fmt.Sprintf("smtp://%s?tls=none", emb.SMTPAddr)
		fmt.Fprint(e.stdout, emb.Instructions(cfg.Mail.Address))
	}

	// The officers: what proves them.
	policy, err := cfg.senderPolicy()
	if err != nil {
		return err
	}
	if policy.AllowUnauthenticated {
		log.Warn("officers' commands are accepted without proof of sender " +
			"(mail.allow_unauthenticated); anyone can forge an officer's From")
	}

	// The store, writing mail through the composer and waking the sender.
	var sender atomic.Pointer[mailbox.Sender]
	bs, err := openBotStore(ctx, e, log, cfg, func() {
		if s := sender.Load(); s != nil {
			s.Wake()
		}
	})
	if err != nil {
		return err
	}
	store, roster, tokenKey := bs.store, bs.roster, bs.tokenKey
	defer store.Close()
	if n, err := store.ReleaseClaims(ctx); err != nil {
		return err
	} else if n > 0 {
		log.Info("outbox rows of an earlier run sent again", "rows", n)
	}
	if cfg.Mail.Intake == "" {
		if err := tryoutRound(ctx, store, e.stdout); err != nil {
			return err
		}
	}

	// The desk reads what the intake fetches; the sender sends the outbox.
	blank, err := blankForms(ctx)
	if err != nil {
		return err
	}
	desk, err := mailbox.NewDesk(mailbox.DeskOptions{Store: store, Forms: formReader,
		Officers: mailbox.Officers{Roster: roster, Sender: policy, TokenKey: tokenKey,
			Bot: cfg.Mail.Address, Report: func(ctx context.Context, officer string) (
				cases.Notice, error) {
				return statusReport(ctx, store, cases.ToActor, officer)
			}},
		MaxMessageBytes: int64(cfg.Mail.MaxMessageMB) << 20,
		RepliesPerHour:  cfg.Mail.RepliesPerHour, BlankForms: blank, Logger: log})
	if err != nil {
		return err
	}
	ready := make(chan struct{})
	var readyOnce sync.Once
	markReady := func() { readyOnce.Do(func() { close(ready) }) }
	intake, err := mailbox.NewIntake(mailbox.IntakeOptions{URL: intakeURL, Store: desk,
		Logger: log, AllowClearText: cfg.Mail.AllowClearText,
		MaxMessageBytes: int64(cfg.Mail.MaxMessageMB) << 20, OnSync: markReady})
	if err != nil {
		return fmt.Errorf("config mail.intake: %w", err)
	}
	first, most := cfg.Mail.retries()
	s, err := mailbox.NewSender(mailbox.SenderOptions{URL: smtpURL,
		Outbox: mailbox.CaseOutbox{Store: store}, Logger: log,
		AllowClearText: cfg.Mail.AllowClearText, Now: store.Clock().Now,
		MinRetry: first, MaxRetry: most, MaxAttempts: cfg.Mail.RetryAttempts})
	if err != nil {
		return fmt.Errorf("config mail.smtp: %w", err)
	}
	sender.Store(s)

	// The scheduler: its first sweep after the intake's first pass.
	sched := scheduler.New(scheduler.Options{Clock: store.Clock(), Logger: log,
		RunLog: store, Ready: ready})
	for _, j := range botJobs(store, cfg, log) {
		if err := sched.Add(j); err != nil {
			return err
		}
	}
	return serve(ctx, log, intake, s, sched, markReady)
}

// serve runs the intake, the sender and the scheduler until ctx ends, then
// stops them, giving running jobs 30 seconds to finish.
func serve(ctx context.Context, log *slog.Logger, intake *mailbox.Intake,
	sender *mailbox.Sender, sched *scheduler.Scheduler, markReady func()) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	wg.Go(func() { errs <- intake.Run(ctx) })
	wg.Go(func() { errs <- sender.Run(ctx) })
	wg.Go(func() {
		t := time.NewTimer(readyWait)
		defer t.Stop()
		select {
		case <-t.C:
			log.Warn("intake has not read the mailbox yet; sweeping without it",
				"waited", readyWait)
			markReady()
		case <-ctx.Done():
		}
	})
	startErr := make(chan error, 1)
	wg.Go(func() { startErr <- sched.Start(ctx) })
	log.Info("sandboxbot running", "mailbox", intake.Mailbox())

	var err error
	select {
	case <-ctx.Done():
	case err = <-errs: // only a server the intake cannot use ends it early
	}
	cancel()
	stopCtx, stop := context.WithTimeout(context.Background(), 30*time.Second)
	defer stop()
	if serr := sched.Stop(stopCtx); serr != nil && !errors.Is(serr, context.Canceled) {
		log.Warn("scheduler did not stop in time", "err", serr)
	}
	wg.Wait()
	log.Info("sandboxbot stopped")
	if se := <-startErr; err == nil && se != nil && ctx.Err() == nil {
		err = se
	}
	return err
}

// startCPUProfile profiles the process into path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpu-profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpu-profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
