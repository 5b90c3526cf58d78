package main

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"sandboxbot/internal/crashpoint"
)

// crashSubmissions is how many submissions each crash point is tried with:
// 50 in CI, SANDBOXBOT_CRASH_N for a longer run.
func crashSubmissions(t *testing.T) int {
	if v := os.Getenv("SANDBOXBOT_CRASH_N"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("SANDBOXBOT_CRASH_N=%q is not a number of submissions", v)
		}
		return n
	}
	return 50
}

// crashHits says at which hit of each point the bot is killed: per batch
// points early, per message points in the middle of the run.
var crashHits = map[string]int{
	"after_fetch": 1, "after_parse": 10, "before_commit": 10, "after_commit": 1,
	"during_move": 1, "before_smtp": 10, "after_dot": 10,
}

// TestCrashSafety kills the real bot with SIGKILL at each point of the mail
// path while it works through a burst of submissions through Postfix and
// Dovecot, restarts it, and checks that every submission became exactly one
// case, that every outbox row was sent, and that no letter reached its
// recipient twice but with the same Message-ID.
func TestCrashSafety(t *testing.T) {
	t.Parallel()
	n := crashSubmissions(t)
	for _, point := range crashpoint.Points {
		t.Run(point, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t, worldOptions{})
			form := interestWorkbook(t, w.applicant.Address)
			var raws [][]byte
			for range n {
				raws = append(raws, w.submission(form))
			}
			if err := w.stack.SendAll(t.Context(), w.applicant.Address,
				[]string{w.bot.Address}, raws); err != nil {
				t.Fatal(err)
			}
			waitFor(t, 60*time.Second, "the submissions in the intake mailbox", func() bool {
				return len(w.messageIDs(w.bot, "INBOX")) == n
			})

			// Run until killed at the point, then again to the end.
			hit := crashHits[point]
			b := w.start(fmt.Sprintf("%s=%s:%d", crashpoint.EnvVar, point, hit))
			if !b.killed(90 * time.Second) {
				t.Fatalf("the bot was not killed at %s:%d; its log:\n%s", point, hit,
					b.stderr)
			}
			b = w.start()
			db := w.db()
			t.Cleanup(func() {
				if t.Failed() {
					t.Logf("cases %d, outbox %d, unsent %d, inbox %d; the bot's log:\n%s",
						count(t, db, "SELECT count(*) FROM cases"),
						count(t, db, "SELECT count(*) FROM outbox"),
						count(t, db, "SELECT count(*) FROM outbox WHERE state != 'sent'"),
						len(w.messageIDs(w.bot, "INBOX")), tail(b.stderr.String(), 3000))
				}
			})
			waitFor(t, 120*time.Second, "every submission answered", func() bool {
				return count(t, db, "SELECT count(*) FROM cases") == n &&
					count(t, db, "SELECT count(*) FROM outbox WHERE state != 'sent'") == 0 &&
					count(t, db, "SELECT count(*) FROM outbox") == 2*n &&
					len(w.messageIDs(w.bot, "INBOX")) == 0
			})
			w.checkExactlyOnce(n, point)
		})
	}
}

// checkExactlyOnce checks the state after a crash and a restart.
func (w *world) checkExactlyOnce(n int, point string) {
	t := w.t
	db := w.db()
	for query, want := range map[string]int{
		"SELECT count(*) FROM cases":                                   n,
		"SELECT count(*) FROM inbound":                                 n,
		"SELECT count(*) FROM audit WHERE kind = 'interest'":           n,
		"SELECT count(DISTINCT message_id) FROM outbox":                2 * n,
		"SELECT count(*) FROM outbox WHERE notice = 'submission'":      n,
		"SELECT count(*) FROM outbox WHERE notice = 'acknowledgement'": n,
	} {
		if got := count(t, db, query); got != want {
			t.Errorf("%s = %d, want %d", query, got, want)
		}
	}
	if got := len(w.messageIDs(w.bot, "Processed")); got != n {
		t.Errorf("%d messages in Processed, want %d", got, n)
	}

	// Every row was delivered; a row delivered twice (the answer to the
	// final "." was lost in the crash) kept its Message-ID.
	rows, err := db.Query("SELECT message_id FROM outbox")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var want []string
	for rows.Next() {
		var id string
		rows.Scan(&id)
		want = append(want, id[1:len(id)-1])
	}
	var got []string
	waitFor(t, 30*time.Second, "every letter delivered", func() bool {
		got = append(w.messageIDs(w.applicant, "INBOX"), w.messageIDs(w.officer, "INBOX")...)
		return len(got) >= len(want)
	})
	counts := map[string]int{}
	for _, id := range got {
		counts[id]++
	}
	doubled := 0
	for _, id := range want {
		switch c := counts[id]; {
		case c == 0:
			t.Errorf("outbox row %s never delivered", id)
		case c > 1:
			doubled++
		}
		delete(counts, id)
	}
	for id := range counts {
		t.Errorf("delivered %s, which is no outbox row", id)
	}
	// The one sender sends one row at a time; whatever point the intake
	// was killed at, the sender may have been between the server's 250 and
	// recording it, so at most that one row arrives twice, with its one
	// Message-ID (counted above by Message-ID).
	if doubled > 1 {
		t.Errorf("%d rows delivered twice after a crash at %s, at most 1 may be", doubled,
			point)
	}
	t.Logf("%s: %d submissions, %d letters, %d delivered twice", point, n, len(want),
		doubled)
}

// tail returns the end of s, at most n bytes.
func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
