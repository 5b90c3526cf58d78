package cases

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// BenchmarkSweep sweeps a database of many open windows of which few are
// due. In the mix, 80% of the due windows owe a reminder and 20% run out (the
// case lapses, a letter and an officers' prompt are written): a window owes
// three reminders and one expiry in its life. Compare total=1000000/due=1000
// with total=100000/due=1000 (the cost should not follow the total) and with
// total=1000000/due=100 (it should follow the due).
func BenchmarkSweep(b *testing.B) {
	for _, sz := range []struct {
		total, due int
		mix        string
	}{
		{1_000_000, 1000, "mix"}, {1_000_000, 1000, "reminders"},
		{100_000, 1000, "mix"}, {1_000_000, 100, "mix"},
	} {
		name := fmt.Sprintf("total=%d/due=%d/%s", sz.total, sz.due, sz.mix)
		b.Run(name, func(b *testing.B) {
			expireEvery := 5 // one in five due windows expires
			if sz.mix == "reminders" {
				expireEvery = sz.total // none
			}
			seed := seedSweepDB(b, sz.total, sz.due, expireEvery)
			now := at(2026, 2, 1, 9, 0)
			var cpu time.Duration
			var walls []time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s := copyStore(b, seed, now)
				runtime.GC() // the copy's garbage is not the sweep's
				before, start := cpuTime(), time.Now()
				b.StartTimer()
				rep, err := s.Sweep(context.Background())
				b.StopTimer()
				walls = append(walls, time.Since(start))
				cpu += cpuTime() - before
				if err != nil || rep.Checked != sz.due || rep.Failed != 0 {
					b.Fatalf("sweep: %+v %v", rep, err)
				}
				s.Close()
				b.StartTimer()
			}
			// CPU time and the median are steadier than the mean wall time
			// on a shared machine.
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
			slices.Sort(walls)
			b.ReportMetric(float64(walls[len(walls)/2].Microseconds())/1000, "median-ms/op")
		})
	}
}

// cpuTime returns the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// seedSweepDB builds a database with total open windows, four to a case,
// of which due are due at 2026-02-01 09:00 (one in expireEvery expiring, the
// others owing a reminder), and returns its path.
func seedSweepDB(b *testing.B, total, due, expireEvery int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "seed.db")
	s, err := OpenSQLite(context.Background(), path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	db := s.db.(*sqliteDB).db
	nCases := total / 4
	far := at(2027, 1, 1, 0, 0).UnixNano()
	soon := at(2026, 2, 1, 8, 0).UnixNano()  // a reminder owed
	gone := at(2026, 1, 31, 0, 0).UnixNano() // an expiry owed
	stmts := []string{
		fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < %d)
		INSERT INTO cases (ref, stage, org_name, contact_email, category, opened_at,
			stage_since, updated_at)
		SELECT printf('DSS-2569-%%04d', i), 'awaiting_application', 'Org ' || i,
			'c' || i || '@corp.test', 'e-document', 1, 1, 1 FROM n`, nCases),
		fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM n WHERE i < %d)
		INSERT INTO windows (case_ref, kind, party, start_on, due_on, next_at, opened_at)
		SELECT printf('DSS-2569-%%04d', i/4 + 1),
			CASE i %% 4 WHEN 0 THEN 'application' ELSE 'more_info' END, 'applicant',
			'2026-01-01',
			CASE WHEN i/4 < %d AND i %% 4 = 0 AND i/4 %% %d = 0 THEN '2026-01-30'
				ELSE '2026-02-07' END,
			CASE WHEN i/4 < %d AND i %% 4 = 0 THEN
				CASE WHEN i/4 %% %d = 0 THEN %d ELSE %d END
				ELSE %d END,
			1 FROM n`, total-1, due, expireEvery, due, expireEvery, gone, soon, far),
	}
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			b.Fatal(err)
		}
	}
	s.Close()
	return path
}

// copyStore opens a copy of the seed database with the clock at now.
func copyStore(b *testing.B, seed string, now time.Time) *Store {
	b.Helper()
	dst := filepath.Join(b.TempDir(), "sweep.db")
	in, err := os.Open(seed)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	out.Close()
	s, err := OpenSQLite(context.Background(), dst, Options{Clock: NewManualClock(now),
		Composer: &benchComposer{}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// benchComposer writes one small fixed message per notice, so that the
// benchmark measures the sweep, not the rendering of letters (package
// notices has its own benchmarks).
type benchComposer struct{ n int }

func (c *benchComposer) Compose(ctx context.Context, n Notice) ([]Message, error) {
	c.n++
	id := "<" + strconv.Itoa(c.n) + "@bench.test>"
	raw := []byte("Message-ID: " + id + "\r\nSubject: reminder\r\n\r\nDue soon.\r\n")
	return []Message{{MessageID: id, From: "bot@bench.test",
		To: []string{n.Case.Applicant.ContactEmail}, Raw: raw}}, nil
}
