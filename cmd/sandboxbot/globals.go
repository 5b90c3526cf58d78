package main

import (
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"sandboxbot/cases"
)

// globals are the flags every command takes.
type globals struct {
	data   string
	now    string
	config string
	at     time.Time // now, parsed; zero for the real time
	clk    cases.Clock
}

func (g *globals) register(fs *flag.FlagSet) {
	fs.StringVar(&g.data, "data", "./sandboxbot-data",
		"`DIR` of the database, the audit key and the bot's files")
	fs.StringVar(&g.now, "now", "",
		"run as if the time were `RFC3339` (2026-04-01T09:00:00+07:00); it then advances")
	fs.StringVar(&g.config, "config", os.Getenv("SANDBOXBOT_CONFIG"),
		"TOML configuration `FILE` (see 'sandboxbot config example')")
}

// check validates the global flags once parsed.
func (g *globals) check() error {
	if g.now == "" {
		return nil
	}
	t, err := time.Parse(time.RFC3339, g.now)
	if err != nil {
		return usageError{fmt.Sprintf("--now %q is not a time like 2026-04-01T09:00:00+07:00",
			g.now)}
	}
	g.at = t
	return nil
}

// clock is the program's one clock: the real time, or --now advancing from
// the first call.
func (g *globals) clock() cases.Clock {
	if g.clk == nil {
		g.clk = cases.SystemClock{}
		if !g.at.IsZero() {
			g.clk = cases.StartingAt(g.at)
		}
	}
	return g.clk
}

// storeUse says what a command will do with the store.
type storeUse struct {
	// composer writes the store's mail; nil writes none.
	composer func(cfg *Config) (cases.Composer, error)
	// written is called after a transaction wrote outbox rows.
	written func()
	// cfg is the configuration when the caller loaded it already; nil
	// loads it.
	cfg *Config
	// inspect opens it only to look: no audit key is created and the
	// configured rounds are not written.
	inspect bool
}

// openStore loads the configuration and opens the store in the data
// directory, creating the directory and the audit key when missing.
func (g *globals) openStore(ctx context.Context, log *slog.Logger, use storeUse) (
	*cases.Store, *Config, error) {
	cfg := use.cfg
	if cfg == nil {
		var err error
		if cfg, err = loadConfig(g.config); err != nil {
			return nil, nil, err
		}
	}
	cal, err := cases.LoadCalendar(cfg.Calendar.Holidays...)
	if err != nil {
		return nil, nil, err
	}
	key, err := readKey(g.keyPath(cfg), !use.inspect)
	if err != nil {
		return nil, nil, err
	}
	var comp cases.Composer
	if use.composer != nil {
		if comp, err = use.composer(cfg); err != nil {
			return nil, nil, err
		}
	}
	s, err := cases.OpenSQLite(ctx, filepath.Join(g.data, "sandboxbot.db"), cases.Options{
		Clock: g.clock(), Calendar: cal, Policy: cfg.Policy.policy(),
		Composer: comp, AuditKey: key, Logger: log, OutboxWritten: use.written})
	if err != nil {
		return nil, nil, err
	}
	if !use.inspect {
		if err := cfg.syncRounds(ctx, s); err != nil {
			s.Close()
			return nil, nil, err
		}
	}
	return s, cfg, nil
}

func (g *globals) keyPath(cfg *Config) string {
	if cfg.Audit.KeyFile != "" {
		return cfg.Audit.KeyFile
	}
	return filepath.Join(g.data, "audit.key")
}

// readKey reads a secret key (the one that seals the audit trail, the one
// that signs reply tokens), making a new random one of 32 bytes (readable
// by the owner only) the first time when create is set, and returning nil
// when it is missing otherwise.
func readKey(path string, create bool) ([]byte, error) {
	key, err := os.ReadFile(path)
	if err == nil {
		if len(key) < 32 {
			return nil, fmt.Errorf("key %s is %d bytes; it must be at least 32", path,
				len(key))
		}
		return key, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("reading the key %s: %w", path, err)
	}
	if !create {
		return nil, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("creating the key %s: %w", path, err)
	}
	key = make([]byte, 32)
	rand.Read(key)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("creating the key %s: %w", path, err)
	}
	if _, err := f.Write(key); err != nil {
		f.Close()
		return nil, fmt.Errorf("writing the key %s: %w", path, err)
	}
	return key, f.Close()
}

// quietLogger is the logger of commands that print their own results:
// warnings and errors only, to stderr.
func quietLogger(e *env) *slog.Logger {
	return slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
}
