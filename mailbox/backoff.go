package mailbox

import (
	"context"
	"math/rand/v2"
	"time"
)

// backoff is a growing delay between attempts: min, then doubled up to max,
// each with up to a quarter of random jitter so that many clients do not
// retry in step. The zero value is not usable; see newBackoff.
type backoff struct {
	min, max, next time.Duration
}

func newBackoff(min, max time.Duration) *backoff {
	return &backoff{min: min, max: max, next: min}
}

// Next returns the delay before the next attempt and doubles the one after.
func (b *backoff) Next() time.Duration {
	d := b.next
	b.next = min(b.next*2, b.max)
	if d >= 4 {
		d += rand.N(d / 4)
	}
	return d
}

// Reset starts again from min, after an attempt that worked.
func (b *backoff) Reset() { b.next = b.min }

// sleep waits for d or until ctx ends, and reports whether d passed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
