package main

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"sandboxbot/cases"
)

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// openDataStore opens the store of a data directory as the bot would (its
// audit key made on first use), on a manual clock set to start, with round
// 1 taking the categories all through 2026. It is closed in t.Cleanup;
// closing it earlier is harmless.
func openDataStore(t *testing.T, dir string, start time.Time,
	categories ...string) (*cases.Store, *cases.ManualClock) {
	t.Helper()
	ctx := context.Background()
	key, err := readKey(filepath.Join(dir, "audit.key"), true)
	if err != nil {
		t.Fatal(err)
	}
	clock := cases.NewManualClock(start)
	s, err := cases.OpenSQLite(ctx, filepath.Join(dir, "sandboxbot.db"), cases.Options{
		Clock: clock, AuditKey: key, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	err = s.PutRound(ctx, cases.Round{Number: 1, Opens: cases.NewDate(2026, 1, 1),
		Closes: cases.NewDate(2026, 12, 31), Categories: categories})
	if err != nil {
		t.Fatal(err)
	}
	return s, clock
}
