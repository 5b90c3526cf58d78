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

// sweepBatch is how many due windows share one commit. Each window's step
// is atomic on its own (a savepoint); sharing the commit keeps a sweep of a
// thousand due windows well under the cost of a thousand commits.
const sweepBatch = 256

// Sweep does what time has made due at the clock's now: for each window
// whose time has come, either its expiry (the event its rule names, which
// may close the case and owes its notices) or the latest reminder owed.
//
// A sweep is idempotent: run twice at the same instant, the second does
// nothing. After the bot was down for days, each expiry fires once and only
// the latest owed reminder of each window is sent. Its cost grows with the
// windows due, not the windows open. A step that fails is rolled back alone,
// logged, and tried again by the next sweep.
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
		if err := s.inTx(ctx, func(t tx) error { return s.sweepBatch(ctx, t, ids, now, &rep) }); err != nil {
			return rep, err
		}
	}
}

func (s *Store) sweepBatch(ctx context.Context, t tx, ids []int64, now time.Time,
	rep *SweepReport) error {
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := t.savepoint(ctx); err != nil {
			return err
		}
		err := s.sweepWindow(ctx, t, id, now, rep)
		if err == nil {
			err = t.release(ctx)
		}
		if err != nil {
			if rerr := t.rollbackTo(ctx); rerr != nil {
				return rerr
			}
			rep.Failed++
			s.log.Error("sweeping a window failed", "window_id", id, "err", err)
		}
	}
	return nil
}

// sweepWindow does what is due for one window at now.
func (s *Store) sweepWindow(ctx context.Context, t tx, id int64, now time.Time,
	rep *SweepReport) error {
	w, next, err := t.window(ctx, id)
	if err != nil {
		return err
	}
	if w.Closed || next.IsZero() || next.After(now) {
		return nil // done by an earlier sweep
	}
	rep.Checked++
	c, err := t.loadCase(ctx, w.Case)
	if err != nil {
		return err
	}
	x := s.env(ctx, t)
	x.now, x.today = now, DateOf(now)
	if !now.Before(w.Expires()) {
		rep.Expired++
		return s.expire(ctx, t, c, w, x)
	}
	if k, ok := x.policy.owedReminder(w, now); ok {
		rep.Reminders++
		if err := s.remind(ctx, t, c, &w, k, x); err != nil {
			return err
		}
	}
	return t.updateWindow(ctx, &w, x.policy.nextCheck(w, now))
}

// expire closes a window that ran out and raises the event its rule names.
// When the case's stage has no row for that event (the window outlived its
// purpose), the window just closes, with an audit entry.
func (s *Store) expire(ctx context.Context, t tx, c *Case, w Window, x *env) error {
	closed := closeWindowID(c, w.ID)
	rule := windowRules[w.Kind]
	ev := Event{Kind: rule.onExpiry, Case: c.Ref, At: w.Expires(), Actor: ByClock,
		By: "clock", window: &w}
	var ch *Change
	var err error
	if rule.onExpiry != "" {
		ch, err = decide(c, ev, x)
	}
	var refused *RefusedError
	if rule.onExpiry == "" || errors.As(err, &refused) {
		if err := t.closeWindow(ctx, &closed, x.now); err != nil {
			return err
		}
		return s.audit(ctx, t, AuditEntry{At: ev.At, Case: c.Ref, Actor: ByClock, By: "clock",
			Kind: "window_expired"}, map[string]any{"window": w.Kind, "due": w.Due,
			"stage": c.Stage})
	}
	if err != nil {
		return err
	}
	ch.Closed = append([]Window{closed}, ch.Closed...)
	_, err = s.persist(ctx, t, ch, x)
	return err
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
