package cases

import (
	"context"
	"errors"
	"time"
)

// SweepReport counts what a sweep did.
type SweepReport struct {
	Checked   int // windows looked at
	Reminders int // reminders sent
	Expired   int // windows that ran out
	Failed    int // windows whose step failed and was rolled back
}

// sweepBatch is how many due windows share one transaction. Sharing the
// reads and the commit keeps a sweep of a thousand due windows far below the
// cost of a thousand transactions.
const sweepBatch = 256

// Sweep does what time has made due at the clock's now: for each window
// whose time has come, either its expiry (the event its rule names, which
// may close the case and owes its notices) or the latest reminder owed.
//
// A sweep is idempotent: run twice at the same instant, the second does
// nothing. After the bot was down for days, each expiry fires once and only
// the latest owed reminder of each window is sent. Its cost grows with the
// windows due, not the windows open.
//
// Due windows are taken in batches, each applied in one transaction. When
// a batch fails, its windows are applied again one transaction each, so that
// one bad window cannot hold back the others; a window that still fails is
// logged, counted in Failed, and tried again by the next sweep.
func (s *Store) Sweep(ctx context.Context) (SweepReport, error) {
	now := s.clock.Now()
	var rep SweepReport
	var after int64
	for {
		ids, err := s.db.dueWindows(ctx, now, after, sweepBatch)
		if err != nil || len(ids) == 0 {
			return rep, err
		}
		after = ids[len(ids)-1]
		var got SweepReport
		err = s.inTx(ctx, func(t tx) error {
			got = SweepReport{}
			return s.sweepIDs(ctx, t, ids, now, &got)
		})
		if err != nil {
			if ctx.Err() != nil {
				return rep, ctx.Err()
			}
			s.log.Warn("sweep batch failed; retrying its windows one by one",
				"windows", len(ids), "err", err)
			got = s.sweepOneByOne(ctx, ids, now)
		}
		rep.add(got)
	}
}

func (r *SweepReport) add(o SweepReport) {
	r.Checked += o.Checked
	r.Reminders += o.Reminders
	r.Expired += o.Expired
	r.Failed += o.Failed
}

// sweepOneByOne applies each window in its own transaction.
func (s *Store) sweepOneByOne(ctx context.Context, ids []int64, now time.Time) SweepReport {
	var rep SweepReport
	for _, id := range ids {
		var got SweepReport
		err := s.inTx(ctx, func(t tx) error {
			got = SweepReport{}
			return s.sweepIDs(ctx, t, []int64{id}, now, &got)
		})
		if err != nil {
			rep.Failed++
			s.log.Error("sweeping a window failed", "window_id", id, "err", err)
			continue
		}
		rep.add(got)
	}
	return rep
}

// sweepIDs does what is due at now for the windows with the given ids.
func (s *Store) sweepIDs(ctx context.Context, t tx, ids []int64, now time.Time,
	rep *SweepReport) error {
	due, cases, err := t.dueBatch(ctx, ids)
	if err != nil {
		return err
	}
	x := s.env(ctx, t)
	x.now, x.today = now, DateOf(now)
	open, err := t.openWindowsOf(ctx, expiringCases(due, cases, now))
	if err != nil {
		return err
	}
	closed := map[int64]bool{} // windows closed by an expiry earlier in the batch
	for _, d := range due {
		if err := ctx.Err(); err != nil {
			return err
		}
		c := cases[d.w.Case]
		if c == nil || d.next.IsZero() || d.next.After(now) || closed[d.w.ID] {
			continue // done by an earlier sweep, or closed by an earlier step
		}
		rep.Checked++
		if !now.Before(d.w.Expires()) {
			rep.Expired++
			c.Windows = open[c.Ref]
			ch, err := s.expire(ctx, t, c, d.w, x)
			if err != nil {
				return err
			}
			for _, w := range ch.Closed {
				closed[w.ID] = true
			}
			cases[c.Ref] = ch.After
			open[c.Ref] = ch.After.Windows
			continue
		}
		w, err := s.remindIfOwed(ctx, t, c, d.w, x, rep)
		if err != nil {
			return err
		}
		for i := range open[c.Ref] { // keep a later expiry's copy current
			if open[c.Ref][i].ID == w.ID {
				open[c.Ref][i] = w
			}
		}
	}
	return nil
}

// expiringCases returns the cases of the due windows that run out at now:
// their open windows are read in one query, not one a case.
func expiringCases(due []dueWindow, cases map[Ref]*Case, now time.Time) []Ref {
	var refs []Ref
	for _, d := range due {
		if cases[d.w.Case] != nil && !d.next.IsZero() && !d.next.After(now) &&
			!now.Before(d.w.Expires()) {
			refs = append(refs, d.w.Case)
		}
	}
	return refs
}

// remindIfOwed sends the reminder owed for w at x.now, if any, and sets when
// the window is next checked.
func (s *Store) remindIfOwed(ctx context.Context, t tx, c *Case, w Window, x *env,
	rep *SweepReport) (Window, error) {
	if k, ok := x.policy.owedReminder(w, x.now); ok {
		rep.Reminders++
		if err := s.remind(ctx, t, c, &w, k, x); err != nil {
			return w, err
		}
	}
	return w, t.updateWindow(ctx, &w, x.policy.nextCheck(w, x.now))
}

// expire closes a window that ran out and raises the event its rule names.
// When the case's stage has no row for that event (the window outlived its
// purpose), the window just closes, with an audit entry.
func (s *Store) expire(ctx context.Context, t tx, c *Case, w Window, x *env) (*Change,
	error) {
	if c.Windows == nil {
		ws, err := t.caseWindows(ctx, c.Ref)
		if err != nil {
			return nil, err
		}
		c.Windows = ws
	}
	closed := closeWindowID(c, w.ID)
	rule := windowRules[w.Kind]
	var err error
	ev := Event{Kind: rule.onExpiry, Case: c.Ref, At: w.Expires(), Actor: ByClock,
		By: "clock", window: &w}
	var ch *Change
	if rule.onExpiry != "" {
		ch, err = decide(c, ev, x)
	}
	var refused *RefusedError
	if rule.onExpiry == "" || errors.As(err, &refused) {
		if err := t.closeWindows(ctx, []Window{closed}, x.now); err != nil {
			return nil, err
		}
		quiet := &Change{Event: ev, From: c.Stage, After: c, Closed: []Window{closed}}
		return quiet, s.audit(ctx, t, AuditEntry{At: ev.At, Case: c.Ref, Actor: ByClock,
			By: "clock", Kind: "window_expired"}, map[string]any{"window": w.Kind,
			"due": w.Due, "stage": c.Stage})
	}
	if err != nil {
		return nil, err
	}
	ch.Closed = append([]Window{closed}, ch.Closed...)
	if _, err := s.persist(ctx, t, ch, x); err != nil {
		return nil, err
	}
	return ch, nil
}

// closeWindowID removes the window with the id from c's open windows and
// returns it closed as expired.
func closeWindowID(c *Case, id int64) Window {
	var closed Window
	keep := c.Windows[:0]
	for _, w := range c.Windows {
		if w.ID == id {
			w.Closed, w.ClosedHow = true, "expired"
			closed = w
			continue
		}
		keep = append(keep, w)
	}
	c.Windows = keep
	return closed
}

// remind sends the reminder k days before w's last day to whoever the
// window's rule names, and records that it was sent.
func (s *Store) remind(ctx context.Context, t tx, c *Case, w *Window, k int, x *env) error {
	w.Remind = k
	err := s.audit(ctx, t, AuditEntry{At: x.now, Case: c.Ref, Actor: ByClock, By: "clock",
		Kind: "reminder"}, map[string]any{"window": w.Kind, "due": w.Due, "days_before": k})
	if err != nil {
		return err
	}
	for _, to := range windowRules[w.Kind].remindTo {
		n := Notice{Kind: NoticeReminder, To: to, Case: *c, From: c.Stage, Window: w, At: x.now}
		if _, err := s.compose(ctx, t, n); err != nil {
			return err
		}
	}
	return nil
}
