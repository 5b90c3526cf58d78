// Package crashpoint kills the process at named points of the mail path, so
// that the crash tests can show that no crash loses or doubles a message.
//
// It is armed by the environment variable SANDBOXBOT_CRASH_AT=point[:n],
// read once at start: the n-th time (default 1) the process reaches the
// point, it sends itself SIGKILL, which no code can catch or delay. Unarmed,
// Hit costs one comparison. The points are listed in Points.
package crashpoint

import (
	"os"
	"strconv"
	"strings"
	"sync/atomic"
)

// Points are the places the mail path can be killed at, in the order a
// message passes them.
var Points = []string{
	"after_fetch",   // the intake fetched a batch of bodies
	"after_parse",   // the desk read a message's MIME
	"before_commit", // the store is about to commit a message's transaction
	"after_commit",  // the intake committed a batch, before moving it
	"during_move",   // the intake sent UID MOVE, before its answer
	"before_smtp",   // the sender claimed a row, before talking to the server
	"after_dot",     // the sender wrote the final ".", before the answer
}

// EnvVar arms a point.
const EnvVar = "SANDBOXBOT_CRASH_AT"

var (
	point string       // the armed point, "" when none
	left  atomic.Int64 // hits until the kill
)

func init() {
	v := os.Getenv(EnvVar)
	if v == "" {
		return
	}
	p, n, _ := strings.Cut(v, ":")
	count, err := strconv.Atoi(n)
	if err != nil || count < 1 {
		count = 1
	}
	point = p
	left.Store(int64(count))
}

// Hit marks that the process reached p, and kills it there when p is the
// armed point and this is the hit it was armed for.
func Hit(p string) {
	if point == "" || p != point {
		return
	}
	if left.Add(-1) == 0 {
		kill()
		select {} // the signal is on its way; go no further
	}
}

// Armed reports whether p is the armed point.
func Armed(p string) bool { return point != "" && p == point }
