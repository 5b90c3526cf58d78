package main

import (
	"context"
	"fmt"
	"net/smtp"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"sandboxbot/cases"
	"sandboxbot/internal/mailstack"
	"sandboxbot/notices"
)

// The benchmarks of the mail path run the real bot against Dovecot and
// Postfix. Run them one at a time with -benchtime=1x, for example
//
//	go test ./cmd/sandboxbot -run '^$' -bench MailLatency -benchtime 1x

// BenchmarkMailLatency sends 200 submissions one at a time and measures
// each from Postfix's 250 for the submission to Postfix's 250 for the bot's
// acknowledgement (the outbox row's sent_at). Dovecot holds IDLE
// notifications back for about 500 ms, the floor of this figure.
func BenchmarkMailLatency(b *testing.B) {
	for range b.N {
		w := newWorld(b, worldOptions{noOfficer: true})
		w.logLevel = "warn"
		w.start()
		db := w.db()
		form := interestWorkbook(b, w.applicant.Address)
		// A first submission answered shows the bot reading and sending;
		// it is not measured.
		if err := w.stack.Send(b.Context(), w.applicant.Address, []string{w.bot.Address},
			w.submission(form)); err != nil {
			b.Fatal(err)
		}
		waitFor(b, 30*time.Second, "the first acknowledgement", func() bool {
			return count(b, db, "SELECT count(*) FROM outbox WHERE state = 'sent'") == 1
		})
		const n = 200
		var lat []time.Duration
		for i := range n {
			if err := w.stack.Send(b.Context(), w.applicant.Address,
				[]string{w.bot.Address}, w.submission(form)); err != nil {
				b.Fatal(err)
			}
			accepted := time.Now()
			var sent int64
			waitFor(b, 30*time.Second, "the acknowledgement", func() bool {
				err := db.QueryRow(`SELECT coalesce(max(sent_at), 0) FROM outbox
					WHERE notice = 'acknowledgement' AND case_ref = ?`,
					fmt.Sprintf("DSS-%d-%04d", time.Now().Year()+543, i+2)).Scan(&sent)
				return err == nil && sent > 0
			})
			lat = append(lat, time.Unix(0, sent).Sub(accepted))
		}
		slices.Sort(lat)
		p50, p99 := lat[n/2], lat[n*99/100]
		b.ReportMetric(p50.Seconds(), "p50-s")
		b.ReportMetric(p99.Seconds(), "p99-s")
		b.ReportMetric(lat[0].Seconds(), "min-s")
		b.ReportMetric(lat[n-1].Seconds(), "max-s")
	}
}

// BenchmarkMailThroughput: 1,000 submissions processed end to end by the
// bot (intake, case event, acknowledgement accepted by Postfix), against a
// bare program in the same run that fetches the same 1,000 messages from
// the same Dovecot and sends 1,000 messages of the acknowledgements' size
// through the same Postfix. The bot's submissions are replies to one case
// without attachments (each a case event, information for the officers);
// /workbook gives each a filled interest workbook, so each opens a case,
// and writes the bot's CPU profile to sandboxbot-cpu-workbook.pprof in the
// temporary directory.
func BenchmarkMailThroughput(b *testing.B) {
	const n = 1000
	b.Run("bot", func(b *testing.B) {
		for range b.N {
			benchBot(b, n, false)
		}
	})
	b.Run("bare", func(b *testing.B) {
		for range b.N {
			benchBare(b, n)
		}
	})
	b.Run("workbook", func(b *testing.B) {
		for range b.N {
			benchBot(b, n, true)
		}
	})
}

// benchBot delivers n submissions to a stopped bot's mailbox, starts it and
// times it until every acknowledgement is accepted.
func benchBot(b *testing.B, n int, withForms bool) {
	b.StopTimer()
	w := newWorld(b, worldOptions{noOfficer: true,
		mail: "replies_per_hour = 100000\n"})
	w.logLevel = "warn"
	subject := ""
	var raws [][]byte
	if withForms {
		w.profile = filepath.Join(os.TempDir(), "sandboxbot-cpu-workbook.pprof")
		defer b.Logf("the bot's CPU profile: %s", w.profile)
		form := interestWorkbook(b, w.applicant.Address)
		for range n {
			raws = append(raws, w.submission(form))
		}
	} else {
		// One case to reply to, opened before the clock starts.
		bt := w.start()
		db := w.db()
		if err := w.stack.Send(b.Context(), w.applicant.Address, []string{w.bot.Address},
			w.submission(interestWorkbook(b, w.applicant.Address))); err != nil {
			b.Fatal(err)
		}
		waitFor(b, 30*time.Second, "the case", func() bool {
			return count(b, db, "SELECT count(*) FROM outbox WHERE state = 'sent'") == 1
		})
		bt.stop()
		subject = fmt.Sprintf("[DSS-%d-0001]", time.Now().Year()+543)
		for i := range n {
			raws = append(raws, []byte(fmt.Sprintf("From: %s\r\nTo: %s\r\n"+
				"Subject: Re: %s documents %d\r\nMessage-ID: <r%d.%d@example.test>\r\n\r\n"+
				"The documents you asked for follow by post.\r\n", w.applicant.Address,
				w.bot.Address, subject, i, i, time.Now().UnixNano())))
		}
	}
	sendAndWait(b, w, raws)
	before := 0
	if !withForms {
		before = 1
	}
	bt := w.start()
	db := w.db()
	b.StartTimer()
	start := time.Now()
	waitFor(b, 10*time.Minute, "every acknowledgement", func() bool {
		return count(b, db, "SELECT count(*) FROM outbox WHERE state = 'sent'") == n+before
	})
	elapsed := time.Since(start)
	b.StopTimer()
	bt.stop()
	b.ReportMetric(elapsed.Seconds(), "s")
	b.ReportMetric(float64(n)/elapsed.Seconds(), "submissions/s")
	if got := count(b, db, "SELECT count(*) FROM audit WHERE kind IN ('info', 'interest')"); got != n+before {
		b.Fatalf("%d case events, want %d", got, n+before)
	}
}

// sendAndWait delivers raws to the bot's mailbox and waits until Dovecot
// has them all.
func sendAndWait(b *testing.B, w *world, raws [][]byte) {
	for i := 0; i < len(raws); i += 200 {
		if err := w.stack.SendAll(b.Context(), w.applicant.Address, []string{w.bot.Address},
			raws[i:min(i+200, len(raws))]); err != nil {
			b.Fatal(err)
		}
	}
	waitFor(b, 2*time.Minute, "the submissions delivered", func() bool {
		return len(w.messageIDs(w.bot, "INBOX")) == len(raws)
	})
}

// benchBare is the bare program: fetch n messages with UID FETCH 1:*
// BODY.PEEK[], then send n messages of an acknowledgement's size over one
// SMTP connection.
func benchBare(b *testing.B, n int) {
	b.StopTimer()
	s := mailstack.Shared(b)
	w := newWorld(b, worldOptions{noOfficer: true})
	var raws [][]byte
	for i := range n {
		raws = append(raws, []byte(fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: Re: documents"+
			" %d\r\nMessage-ID: <bare%d.%d@example.test>\r\n\r\nThe documents follow.\r\n",
			w.applicant.Address, w.bot.Address, i, i, time.Now().UnixNano())))
	}
	sendAndWait(b, w, raws)
	ack := strings.Repeat("x", ackSize(b))
	b.StartTimer()
	start := time.Now()
	fetched := bareFetch(b, s, w.bot)
	if fetched != n {
		b.Fatalf("fetched %d", fetched)
	}
	c, err := smtp.Dial(s.SMTP)
	if err != nil {
		b.Fatal(err)
	}
	for i := range n {
		msg := fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: ack %d\r\nMessage-ID: "+
			"<ack%d.%d@sandbox.test>\r\n\r\n%s\r\n", w.bot.Address, w.applicant.Address, i, i,
			time.Now().UnixNano(), ack)
		if err := c.Mail(w.bot.Address); err != nil {
			b.Fatal(err)
		}
		if err := c.Rcpt(w.applicant.Address); err != nil {
			b.Fatal(err)
		}
		wc, err := c.Data()
		if err != nil {
			b.Fatal(err)
		}
		wc.Write([]byte(msg))
		if err := wc.Close(); err != nil {
			b.Fatal(err)
		}
	}
	c.Quit()
	elapsed := time.Since(start)
	b.StopTimer()
	b.ReportMetric(elapsed.Seconds(), "s")
	b.ReportMetric(float64(n)/elapsed.Seconds(), "submissions/s")
}

// ackSize is the size of the bot's acknowledgement of a reply, written by
// the bot's own composer.
func ackSize(b *testing.B) int {
	comp, err := newComposer(defaultConfig(), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	n := notices.Sample(cases.NoticeAcknowledgement, "th")
	msgs, err := comp.Compose(context.Background(), n)
	if err != nil || len(msgs) != 1 {
		b.Fatalf("composing an acknowledgement: %v", err)
	}
	return len(msgs[0].Raw)
}

func bareFetch(b *testing.B, s *mailstack.Stack, u mailstack.User) int {
	c := mailstack.Login(b, s, u)
	defer c.Close()
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		b.Fatal(err)
	}
	var set imap.UIDSet
	set.AddRange(1, 0)
	msgs, err := c.Fetch(set, &imap.FetchOptions{UID: true,
		BodySection: []*imap.FetchItemBodySection{{Peek: true}}}).Collect()
	if err != nil {
		b.Fatal(err)
	}
	return len(msgs)
}
