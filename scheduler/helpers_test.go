package scheduler

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"sandboxbot/cases"
)

// logs captures slog records for tests, and lets a test wait for one.
type logs struct {
	mu      sync.Mutex
	records []record
	changed chan struct{} // closed and replaced at each record
}

type record struct {
	level slog.Level
	msg   string
	attrs map[string]string
}

func newLogs() *logs { return &logs{changed: make(chan struct{})} }

func (l *logs) logger() *slog.Logger { return slog.New(logHandler{l: l}) }

// find returns the records that match.
func (l *logs) find(match func(record) bool) []record {
	l.mu.Lock()
	defer l.mu.Unlock()
	var got []record
	for _, r := range l.records {
		if match(r) {
			got = append(got, r)
		}
	}
	return got
}

// wait returns the first record that matches, waiting for it at most
// timeout.
func (l *logs) wait(t *testing.T, timeout time.Duration, match func(record) bool) record {
	t.Helper()
	deadline := time.After(timeout)
	for {
		l.mu.Lock()
		for _, r := range l.records {
			if match(r) {
				l.mu.Unlock()
				return r
			}
		}
		changed := l.changed
		l.mu.Unlock()
		select {
		case <-changed:
		case <-deadline:
			t.Fatalf("no matching log record within %v; have %v", timeout, l.find(
				func(record) bool { return true }))
		}
	}
}

// msg matches a record by message and job.
func msg(m, job string) func(record) bool {
	return func(r record) bool { return r.msg == m && r.attrs["job"] == job }
}

type logHandler struct {
	l     *logs
	attrs []slog.Attr
}

func (h logHandler) Enabled(context.Context, slog.Level) bool { return true }

func (h logHandler) Handle(_ context.Context, r slog.Record) error {
	rec := record{level: r.Level, msg: r.Message, attrs: map[string]string{}}
	for _, a := range h.attrs {
		rec.attrs[a.Key] = a.Value.String()
	}
	r.Attrs(func(a slog.Attr) bool {
		rec.attrs[a.Key] = a.Value.String()
		return true
	})
	h.l.mu.Lock()
	defer h.l.mu.Unlock()
	h.l.records = append(h.l.records, rec)
	close(h.l.changed)
	h.l.changed = make(chan struct{})
	return nil
}

func (h logHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return logHandler{l: h.l, attrs: append(append([]slog.Attr{}, h.attrs...), as...)}
}

func (h logHandler) WithGroup(string) slog.Handler { return h }

// memRunLog is a RunLog in memory.
type memRunLog struct {
	mu   sync.Mutex
	last map[string]time.Time
}

func newRunLog(last map[string]time.Time) *memRunLog {
	if last == nil {
		last = map[string]time.Time{}
	}
	return &memRunLog{last: last}
}

func (m *memRunLog) LastRun(_ context.Context, job string) (time.Time, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.last[job], nil
}

func (m *memRunLog) RecordRun(_ context.Context, job string, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.last[job] = at
	return nil
}

// counter counts a job's runs and tells each one on a channel.
type counter struct {
	mu  sync.Mutex
	n   int
	ran chan int // receives the run's number; buffered
}

func newCounter() *counter { return &counter{ran: make(chan int, 100)} }

func (c *counter) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// tick counts a run and returns its number, from 1.
func (c *counter) tick() int {
	c.mu.Lock()
	c.n++
	n := c.n
	c.mu.Unlock()
	c.ran <- n
	return n
}

// bkk returns the instant of a Bangkok wall time.
func bkk(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation(time.DateTime, s, cases.Bangkok)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// mustAdd adds jobs or fails the test.
func mustAdd(t *testing.T, s *Scheduler, jobs ...Job) {
	t.Helper()
	for _, j := range jobs {
		if err := s.Add(j); err != nil {
			t.Fatal(err)
		}
	}
}

// stop stops s within a second or fails the test.
func stop(t *testing.T, s *Scheduler) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := s.Stop(ctx); err != nil {
		t.Fatal(err)
	}
}
