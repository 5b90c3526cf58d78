package cases

import (
	"sync"
	"time"
)

// A Clock tells the time. The whole program reads time from one Clock so
// that tests and the command line (--now) can set it; a 30-day window can
// then be tried in a second. Implementations are safe for concurrent use.
type Clock interface {
	Now() time.Time
}

// SystemClock is the real time of the machine.
type SystemClock struct{}

// Now returns time.Now.
func (SystemClock) Now() time.Time { return time.Now() }

// OffsetClock runs at the real pace from a chosen starting instant: it is
// what --now gives a running bot, so deadlines fall due as they would after
// that instant. The zero OffsetClock is the system clock.
type OffsetClock struct {
	offset time.Duration
}

// StartingAt returns a clock that reads start now and then advances in real
// time.
func StartingAt(start time.Time) OffsetClock {
	return OffsetClock{offset: time.Until(start)}
}

// Now returns the machine's time shifted by the clock's offset.
func (c OffsetClock) Now() time.Time { return time.Now().Add(c.offset) }

// ManualClock stands still until it is set or advanced: for tests.
type ManualClock struct {
	mu  sync.Mutex
	now time.Time
}

// NewManualClock returns a clock standing at t.
func NewManualClock(t time.Time) *ManualClock { return &ManualClock{now: t} }

// Now returns the instant the clock stands at.
func (c *ManualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Set moves the clock to t (backwards too).
func (c *ManualClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// Advance moves the clock forward by d.
func (c *ManualClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}
