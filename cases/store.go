package cases

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
)

// Store keeps the cases, their windows, the audit trail and the outbox, and
// applies events to them. Each Apply, each step of a Sweep, and each outbox
// update is one transaction: a state change, the windows it opens and
// closes, its audit entry and the messages it causes are written together
// or not at all.
//
// A Store is safe for concurrent use; write transactions are serialised.
type Store struct {
	db       backend
	clock    Clock
	cal      *Calendar
	policy   Policy
	composer Composer
	auditKey []byte
	log      *slog.Logger
	written  func()
}

// Options configure a Store. The zero value of each field has the default
// given.
type Options struct {
	// Clock is the time source; default SystemClock.
	Clock Clock
	// Calendar is the legal calendar; default the shipped holidays.
	Calendar *Calendar
	// Policy holds the agency's settings; zero fields take DefaultPolicy.
	Policy Policy
	// Composer writes the messages of owed notices; nil writes none, and
	// windows counted from a notice then start on the day of the event.
	Composer Composer
	// AuditKey seals the audit trail (see AuditEntry); nil leaves it
	// unsealed, which Verify reports.
	AuditKey []byte
	// Logger receives the store's log; default slog.Default().
	Logger *slog.Logger
	// OutboxWritten, when set, is called after each transaction that
	// wrote outbox rows has committed, so that a sender can look at once.
	// It must not block.
	OutboxWritten func()
}

func newStore(db backend, o Options) *Store {
	s := &Store{db: db, clock: o.Clock, cal: o.Calendar, policy: o.Policy.withDefaults(),
		composer: o.Composer, auditKey: o.AuditKey, log: o.Logger, written: o.OutboxWritten}
	if s.clock == nil {
		s.clock = SystemClock{}
	}
	if s.cal == nil {
		s.cal = NewCalendar(ShippedHolidays())
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	return s
}

// Close closes the database.
func (s *Store) Close() error { return s.db.close() }

// Clock returns the store's clock.
func (s *Store) Clock() Clock { return s.clock }

// Calendar returns the store's legal calendar.
func (s *Store) Calendar() *Calendar { return s.cal }

// Policy returns the store's policy with its defaults filled in.
func (s *Store) Policy() Policy { return s.policy }

// Result is what an accepted event did.
type Result struct {
	Case   *Case
	Change *Change
	// Outbox are the ids of the outbox rows the event wrote.
	Outbox []int64
	// Proposal is set when the event was recorded as the first half of a
	// four-eyes decision: the case did not change.
	Proposal *Proposal
}

// Apply applies one event in one transaction and returns what it did. A
// refused event returns a *RefusedError and writes nothing; so does a
// message recorded before (ErrDuplicate).
func (s *Store) Apply(ctx context.Context, e Event) (*Result, error) {
	if e.At.IsZero() {
		e.At = s.clock.Now()
	}
	var res *Result
	err := s.inTx(ctx, func(t tx) error {
		if e.Source != nil {
			if err := t.insertInbound(ctx, e.Source, e.Case); err != nil {
				return err
			}
		}
		var c *Case
		if e.Kind != SubmitInterest || !e.Case.IsZero() {
			var err error
			if c, err = t.loadCase(ctx, e.Case); err != nil {
				return err
			}
		}
		x := s.env(ctx, t)
		ch, err := decide(c, e, x)
		if err != nil {
			return err
		}
		if e.Token != "" {
			if err := t.useToken(ctx, e.Token, e.At); err != nil {
				return refuseToken(c, &e, err)
			}
		}
		if s.policy.FourEyes && ch.Rule.FourEyes && e.Actor == ByOfficer {
			var done bool
			if res, done, err = s.fourEyes(ctx, t, c, e, ch, x); done || err != nil {
				return err
			}
		}
		res, err = s.persist(ctx, t, ch, x)
		return err
	})
	if err != nil {
		return nil, err
	}
	if res.Proposal != nil {
		s.log.Info("decision proposed", "case_ref", res.Case.Ref.String(),
			"event", string(e.Kind), "by", e.By)
		return res, nil
	}
	s.log.Info("case moved", "case_ref", res.Case.Ref.String(), "event", string(e.Kind),
		"from", string(res.Change.From), "to", string(res.Case.Stage))
	return res, nil
}

// refuseToken turns a used token into the refusal of the event.
func refuseToken(c *Case, e *Event, err error) error {
	if errors.Is(err, ErrTokenUsed) {
		return refuse(c, e, ErrTokenUsed, enOnly("the reply token of this message was "+
			"already used by an earlier command; reply to the bot's latest message"))
	}
	return err
}

// Refuse records an event that was refused, in one transaction: the inbound
// message it came in (so it is not processed again), an audit entry with the
// reason, and the refusal notice to whoever caused it. why is usually the
// *RefusedError that Apply returned; any error will do.
func (s *Store) Refuse(ctx context.Context, e Event, why error) (*Result, error) {
	if e.At.IsZero() {
		e.At = s.clock.Now()
	}
	res := &Result{}
	err := s.inTx(ctx, func(t tx) error {
		if e.Source != nil {
			if err := t.insertInbound(ctx, e.Source, e.Case); err != nil {
				return err
			}
		}
		c := &Case{Stage: None}
		if !e.Case.IsZero() {
			if got, err := t.loadCase(ctx, e.Case); err == nil {
				c = got
			} else if !errors.Is(err, ErrNotFound) {
				return err
			}
		}
		res.Case = c
		reason, reasonTH := why.Error(), ""
		var r *RefusedError
		if errors.As(why, &r) {
			reason, reasonTH = r.Reason, r.ReasonTH
		}
		x := s.env(ctx, t)
		err := s.audit(ctx, t, AuditEntry{At: e.At, Case: c.Ref, Actor: e.Actor, By: e.By,
			Kind: "refused"}, map[string]any{"event": e.describe(), "stage": c.Stage,
			"reason": reason})
		if err != nil {
			return err
		}
		n := Notice{Kind: NoticeRefusal, To: ToActor, Case: *c, Event: e, From: c.Stage,
			Reason: reason, ReasonTH: reasonTH, At: x.now}
		if res.Outbox, err = s.compose(ctx, t, n); err != nil || c.Ref.IsZero() ||
			e.Actor != ByApplicant {
			return err
		}
		// The officers see what an applicant sent about a case, and why it
		// was not acted on, as they see what was.
		n.Kind, n.To = NoticeSubmission, ToOfficers
		ids, err := s.compose(ctx, t, n)
		res.Outbox = append(res.Outbox, ids...)
		return err
	})
	return res, err
}

// Note records a received message that causes no event and gets no
// answer (a mail the bot will not or may not answer, a delivery report
// about no letter of ours) in one transaction: the inbound record and an
// audit entry of the given kind and detail when kind is not empty. An
// answered message is recorded by Reply.
func (s *Store) Note(ctx context.Context, in *Inbound, ref Ref, kind string,
	detail any) error {
	return s.inTx(ctx, func(t tx) error {
		if in != nil {
			if err := t.insertInbound(ctx, in, ref); err != nil {
				return err
			}
		}
		if kind == "" {
			return nil
		}
		by := ""
		if in != nil {
			by = in.From
		}
		return s.audit(ctx, t, AuditEntry{At: s.clock.Now(), Case: ref, Actor: ByApplicant,
			By: by, Kind: kind}, detail)
	})
}

// Case returns a case with its open windows; ErrNotFound when there is none.
func (s *Store) Case(ctx context.Context, ref Ref) (*Case, error) {
	v, err := s.db.reader(ctx)
	if err != nil {
		return nil, err
	}
	defer v.done()
	return v.loadCase(ctx, ref)
}

// Cases returns every case with its open windows, in reference order.
func (s *Store) Cases(ctx context.Context) ([]*Case, error) {
	v, err := s.db.reader(ctx)
	if err != nil {
		return nil, err
	}
	defer v.done()
	return v.listCases(ctx)
}

// History returns the audit entries of a case in order.
func (s *Store) History(ctx context.Context, ref Ref) ([]AuditEntry, error) {
	v, err := s.db.reader(ctx)
	if err != nil {
		return nil, err
	}
	defer v.done()
	return v.history(ctx, ref)
}

// Rounds returns the testing rounds in number order.
func (s *Store) Rounds(ctx context.Context) ([]Round, error) {
	v, err := s.db.reader(ctx)
	if err != nil {
		return nil, err
	}
	defer v.done()
	return v.allRounds(ctx)
}

// PutRound adds a testing round or changes it.
func (s *Store) PutRound(ctx context.Context, r Round) error {
	if r.Number <= 0 || r.Opens.IsZero() || r.Closes.Before(r.Opens) || len(r.Categories) == 0 {
		return fmt.Errorf("cases: round %d needs a number, dates in order and categories",
			r.Number)
	}
	return s.inTx(ctx, func(t tx) error { return t.putRound(ctx, r) })
}

// Verify checks the whole audit trail: the chain of hashes from the first
// entry and the seal on the last.
func (s *Store) Verify(ctx context.Context) (VerifyReport, error) {
	v, err := s.db.reader(ctx)
	if err != nil {
		return VerifyReport{}, err
	}
	defer v.done()
	k := newChainChecker()
	if err := v.eachAudit(ctx, k.next); err != nil {
		return VerifyReport{}, err
	}
	seal, err := v.seal(ctx)
	if err != nil {
		return VerifyReport{}, err
	}
	return k.finish(seal, s.auditKey), nil
}

// Checkpoint copies the write-ahead log into the database file so that the
// log does not grow. SQLite does it by itself past a large size; calling it
// when the bot is idle keeps that cost off sweeps and mail.
func (s *Store) Checkpoint(ctx context.Context) error { return s.db.checkpoint(ctx) }

// inTx runs fn in one write transaction, committing when it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx) error) error {
	t, err := s.db.begin(ctx)
	if err != nil {
		return err
	}
	if err := fn(t); err != nil {
		t.rollback()
		return err
	}
	wrote := t.wroteOutbox()
	if err := t.commit(); err != nil {
		return err
	}
	if wrote && s.written != nil {
		s.written()
	}
	return nil
}

func (s *Store) env(ctx context.Context, t tx) *env {
	now := s.clock.Now()
	return &env{ctx: ctx, now: now, today: DateOf(now), cal: s.cal, policy: s.policy,
		rounds: t}
}

// audit appends one entry to the chain, its detail marshalled as JSON.
func (s *Store) audit(ctx context.Context, t tx, e AuditEntry, detail any) error {
	b, err := json.Marshal(detail)
	if err != nil {
		return fmt.Errorf("cases: encoding audit detail: %w", err)
	}
	seq, prev, err := t.auditHead(ctx)
	if err != nil {
		return err
	}
	e.Seq, e.PrevHash, e.Detail = seq+1, prev, b
	e.Hash = chainHash(prev, e)
	return t.insertAudit(ctx, e)
}

// Notify composes and queues a notice that no event causes, such as the
// status workbook for management or the officers' digest, in one
// transaction with an audit entry. n.At defaults to the clock's now.
func (s *Store) Notify(ctx context.Context, n Notice) ([]int64, error) {
	if n.At.IsZero() {
		n.At = s.clock.Now()
	}
	var ids []int64
	err := s.inTx(ctx, func(t tx) error {
		var files []string
		for _, f := range n.Files {
			files = append(files, f.Name)
		}
		err := s.audit(ctx, t, AuditEntry{At: n.At, Case: n.Case.Ref, Actor: ByClock,
			By: "scheduler", Kind: "notice"}, map[string]any{"notice": n.Kind, "to": n.To,
			"files": files})
		if err != nil {
			return err
		}
		ids, err = s.compose(ctx, t, n)
		return err
	})
	return ids, err
}
