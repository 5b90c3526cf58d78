package cases

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"sync"
	"time"
)

// StatusQuery says what a status read covers.
type StatusQuery struct {
	// At is the instant the report is taken at: it sets the day from which
	// days left and overdue are counted. Zero means the store's clock now.
	// The store keeps no past states: the cases are as they stand when read,
	// whatever At says.
	At time.Time
	// From and To bound the period [From, To) of the audit entries and
	// decisions a report lists. A zero From is the beginning of the trail;
	// a zero To is At.
	From, To time.Time
}

// Status is one consistent read of the sandbox for reports: the status
// workbook, the public announcement and the officers' digest. Everything it
// yields comes from one read transaction, so the sheets of one workbook
// agree with each other while the bot goes on writing.
//
// A Status is valid only inside the function given to Store.Status; it is
// safe for concurrent use, so that a report can read one part while it
// writes another (the reads share the transaction's connection, one call
// at a time). Cases, Windows, Participants and Audit stream their rows from
// the database, read a few hundred ahead on a goroutine of their own, so a
// report over 100,000 cases holds a few hundred at a time; Decisions and
// Tasks are held in memory (see each). Each iterator yields a non-nil
// error at most once, as its last pair.
type Status struct {
	ctx    context.Context
	r      statusReader
	at     time.Time
	today  Date
	from   time.Time
	to     time.Time
	rounds []Round
	// trail is read when first needed (status_trail.go), under trailMu;
	// so are the expiries (status_tasks.go), under expiriesMu.
	trailMu    sync.Mutex
	trail      *trail
	expiriesMu sync.Mutex
	expiries   map[expiryKey]Date
}

// Status reads the status of the sandbox as q says, in one read
// transaction, and calls fn with it. It returns fn's error, or the error of
// the read.
func (s *Store) Status(ctx context.Context, q StatusQuery, fn func(*Status) error) error {
	v, err := s.db.reader(ctx)
	if err != nil {
		return err
	}
	defer v.done()
	r, ok := v.(statusReader)
	if !ok {
		return errors.New("cases: this database cannot give a status report")
	}
	if q.At.IsZero() {
		q.At = s.clock.Now()
	}
	if q.To.IsZero() {
		q.To = q.At
	}
	rounds, err := v.allRounds(ctx)
	if err != nil {
		return err
	}
	st := &Status{ctx: ctx, r: r, at: q.At.In(Bangkok), today: DateOf(q.At),
		from: q.From, to: q.To, rounds: rounds}
	return fn(st)
}

// statusReader is what a backend's read view gives a Status
// (sqlite_status.go). Each method calls fn for each row in order and stops
// with fn's error, which it returns.
type statusReader interface {
	// eachCase gives every case with its open windows, in reference order.
	eachCase(ctx context.Context, fn func(*Case) error) error
	// eachDueWindow gives the open windows that are counting and whose last
	// day is in [from, to], first due first, with their case's summary.
	eachDueWindow(ctx context.Context, from, to Date, fn func(CaseWindow) error) error
	// eachTrailEntry gives, in sequence order, the audit entries of the
	// decisions (a finding of ineligibility with the case's latest
	// submission).
	eachTrailEntry(ctx context.Context, fn func(trailEntry) error) error
	// eachExpiredWindow gives, in the order they were opened, the
	// decision, more-information and fixes windows that ran out, with
	// their last day.
	eachExpiredWindow(ctx context.Context, fn func(ref Ref, k WindowKind, due Date) error) error
	// eachDecisionWindow gives every decision window ever opened, open or
	// closed, with the day it counts from, in the order they were opened.
	eachDecisionWindow(ctx context.Context, fn func(ref Ref, start Date) error) error
	// eachParticipant gives the cases that hold a place in a round, in
	// reference order, without their approval.
	eachParticipant(ctx context.Context, fn func(Participant) error) error
	// eachAuditBetween gives the audit entries whose time is in
	// [from, to), in sequence order; a zero from is the beginning.
	eachAuditBetween(ctx context.Context, from, to time.Time, fn func(AuditEntry) error) error
	// eachTaskCase gives, with their open windows and in reference order,
	// the cases that may owe the agency a task: those in a stage where an
	// officer acts, with a request or overdue fixes, or in testing that
	// ends by until.
	eachTaskCase(ctx context.Context, until Date, fn func(*Case) error) error
}

// At returns the instant the report is taken at, in Bangkok.
func (st *Status) At() time.Time { return st.at }

// Today returns the day of At in Bangkok: days left count from it.
func (st *Status) Today() Date { return st.today }

// Period returns the period [from, to) of the audit entries and decisions;
// from is zero for the beginning of the trail.
func (st *Status) Period() (from, to time.Time) { return st.from, st.to }

// Rounds returns the testing rounds in number order. The slice is the
// caller's.
func (st *Status) Rounds() []Round { return append([]Round(nil), st.rounds...) }

// InPeriod reports whether t falls in the report's period [from, to).
func (st *Status) InPeriod(t time.Time) bool {
	return !t.Before(st.from) && t.Before(st.to)
}

// Cases yields every case with its open windows, in reference order. A
// report carries no one's contact details, so they are not read: of the
// Applicant only OrgName, OrgNameEN, Solution and Category are set, and
// Plan.Every, Waivers, ExitedOn and LastReport are left zero too (read a
// whole case with Store.Case).
func (st *Status) Cases() iter.Seq2[*Case, error] {
	return readAhead(func(yield func(*Case) error) error {
		return st.r.eachCase(st.ctx, yield)
	})
}

// CaseWindow is an open window with what a list of deadlines shows of its
// case.
type CaseWindow struct {
	Window
	Org      string // the organisation, as the expression of interest gave it
	OrgEN    string // its English name; "" when none was given
	Solution string
	Stage    Stage
	Paused   bool
}

// Windows yields the open windows that are counting (not waiting for their
// notice to be delivered) whose last day falls in [from, to], first due
// first. Give a zero from for every window due by to: those due before
// Today have run out and wait for the next sweep.
func (st *Status) Windows(from, to Date) iter.Seq2[CaseWindow, error] {
	return readAhead(func(yield func(CaseWindow) error) error {
		return st.r.eachDueWindow(st.ctx, from, to, yield)
	})
}

// Audit yields the audit entries of the period, in sequence order.
func (st *Status) Audit() iter.Seq2[AuditEntry, error] {
	return readAhead(func(yield func(AuditEntry) error) error {
		return st.r.eachAuditBetween(st.ctx, st.from, st.to, yield)
	})
}

// statusErr wraps an error of a status read.
func statusErr(doing string, err error) error {
	return fmt.Errorf("cases: reading the status (%s): %w", doing, err)
}
