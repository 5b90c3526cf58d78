package mailbox

import (
	"testing"
	"time"
)

func TestBackoffGrowsAndResets(t *testing.T) {
	t.Parallel()
	b := newBackoff(time.Second, 10*time.Second)
	want := []time.Duration{1, 2, 4, 8, 10, 10}
	for i, w := range want {
		got := b.Next()
		w *= time.Second
		if got < w || got > w+w/4 {
			t.Errorf("attempt %d: delay %v, want %v plus at most 25%%", i, got, w)
		}
	}
	b.Reset()
	if got := b.Next(); got > time.Second+time.Second/4 {
		t.Errorf("after Reset: %v", got)
	}
}
