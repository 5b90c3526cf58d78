package mailbox

import (
	"context"
	"fmt"
	"testing"
	"time"

	"sandboxbot/internal/mailstack"
)

// BenchmarkIntakeDovecot measures the intake alone against Dovecot: 1,000
// small messages delivered by Postfix, then the time until all are
// committed (to a store in memory) and moved. Run with -benchtime=1x.
func BenchmarkIntakeDovecot(b *testing.B) {
	s := mailstack.Shared(b)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		u, err := s.NewUser(b.Context(), "bench", "sandbox.test")
		if err != nil {
			b.Fatal(err)
		}
		raws := make([][]byte, 1000)
		for i := range raws {
			raws[i] = testMessage(u.Address, fmt.Sprintf("bench-%d", i))
		}
		if err := s.SendAll(b.Context(), "a@example.test", []string{u.Address}, raws); err != nil {
			b.Fatal(err)
		}
		if err := s.WaitQueue(b.Context(), time.Minute); err != nil {
			b.Fatal(err)
		}
		store := newFakeStore()
		in, err := NewIntake(IntakeOptions{URL: dovecotURL(s, u), Store: store})
		if err != nil {
			b.Fatal(err)
		}
		ctx, cancel := context.WithCancel(b.Context())
		b.StartTimer()
		start := time.Now()
		done := make(chan error, 1)
		go func() { done <- in.Run(ctx) }()
		for len(store.committed()) < len(raws) {
			time.Sleep(time.Millisecond)
		}
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms-committed")
		for {
			counts, _ := dovecotCounts(b, s, u, "INBOX")
			if counts[0] == 0 {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms-moved")
		b.StopTimer()
		cancel()
		<-done
	}
}

// BenchmarkSenderPostfix measures the sender alone: 1,000 rows through
// Postfix, from the first claim to the last Sent. Run with -benchtime=1x.
func BenchmarkSenderPostfix(b *testing.B) {
	s := mailstack.Shared(b)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		u, err := s.NewUser(b.Context(), "benchout", "example.test")
		if err != nil {
			b.Fatal(err)
		}
		out := &fakeOutbox{}
		for i := range 1000 {
			out.add(letter(u.Address, fmt.Sprintf("bench-%d@sandbox.test", i)))
		}
		snd, err := NewSender(SenderOptions{URL: "smtp://" + s.SMTP + "?tls=none", Outbox: out})
		if err != nil {
			b.Fatal(err)
		}
		ctx, cancel := context.WithCancel(b.Context())
		b.StartTimer()
		start := time.Now()
		done := make(chan error, 1)
		go func() { done <- snd.Run(ctx) }()
		for !out.snapshot(1000).done {
			time.Sleep(time.Millisecond)
		}
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms-sent")
		b.StopTimer()
		cancel()
		<-done
	}
}
