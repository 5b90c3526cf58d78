package cases

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// persist writes a Change inside the caller's transaction: the case, its
// windows, its submission, the audit entry and the outbox rows of the
// notices it owes.
func (s *Store) persist(ctx context.Context, t tx, ch *Change, x *env) (*Result, error) {
	n, e := ch.After, ch.Event
	if err := s.saveCase(ctx, t, ch, x); err != nil {
		return nil, err
	}
	if err := t.closeWindows(ctx, ch.Closed, x.now); err != nil {
		return nil, err
	}
	if ch.From != n.Stage && ch.From != None {
		// A proposal made in the stage the case left is moot.
		if err := t.deleteProposals(ctx, n.Ref, ""); err != nil {
			return nil, err
		}
	} else if ch.ProposedBy != "" {
		if err := t.deleteProposals(ctx, n.Ref, e.Kind); err != nil {
			return nil, err
		}
	}
	for i := range n.Windows {
		w := &n.Windows[i]
		if w.ID != 0 {
			continue
		}
		w.Case = n.Ref
		if err := t.insertWindow(ctx, w, x.now, x.policy.nextCheck(*w, x.now)); err != nil {
			return nil, err
		}
	}
	ch.Opened = opened(n.Windows, ch.Opened)
	if len(e.Form) > 0 {
		if err := t.insertSubmission(ctx, n.Ref, &e); err != nil {
			return nil, err
		}
	}
	ids, err := s.owe(ctx, t, ch, x)
	if err != nil {
		return nil, err
	}
	ch.Opened = opened(n.Windows, ch.Opened) // as the notices left them
	if err := s.audit(ctx, t, AuditEntry{At: e.At, Case: n.Ref, Actor: e.Actor, By: e.By,
		Kind: string(e.Kind)}, auditDetail(ch)); err != nil {
		return nil, err
	}
	return &Result{Case: n, Change: ch, Outbox: ids}, nil
}

// saveCase inserts a new case, taking the next reference of the year of
// the event (gapless, because the counter is part of the transaction), or
// updates an existing one.
func (s *Store) saveCase(ctx context.Context, t tx, ch *Change, x *env) error {
	n := ch.After
	if ch.From != None {
		return t.updateCase(ctx, n)
	}
	year := DateOf(ch.Event.At).BEYear()
	seq, err := t.nextNumber(ctx, "case", year)
	if err != nil {
		return err
	}
	n.Ref = Ref{Year: year, Seq: seq}
	n.StageSince = ch.Event.At
	return t.insertCase(ctx, n)
}

// opened returns the windows decide opened, now with their ids: decide
// appends them at the end of the case's windows.
func opened(all, was []Window) []Window {
	return append([]Window(nil), all[len(all)-len(was):]...)
}

// auditDetail is what the audit trail keeps of a change.
func auditDetail(ch *Change) map[string]any {
	e, n := ch.Event, ch.After
	d := map[string]any{"from": ch.From, "to": n.Stage}
	if n.Paused {
		d["paused"] = true
	}
	if n.Outcome != "" {
		d["outcome"] = n.Outcome
	}
	if e.Round != 0 {
		d["round"] = e.Round
	}
	if !e.Date.IsZero() {
		d["date"] = e.Date
	}
	if e.Text != "" {
		d["text"] = e.Text
	}
	if e.Source != nil {
		d["message_id"] = e.Source.MessageID
		d["sha256"] = e.Source.SHA256
	}
	if ch.ProposedBy != "" {
		d["proposed_by"] = ch.ProposedBy
	}
	if e.window != nil {
		d["window"] = e.window.Kind
		d["due"] = e.window.Due
	}
	var ws []string
	for _, w := range ch.Opened {
		ws = append(ws, w.String())
	}
	if ws != nil {
		d["opened"] = ws
	}
	var cs []string
	for _, w := range ch.Closed {
		cs = append(cs, string(w.Kind))
	}
	if cs != nil {
		d["closed"] = cs
	}
	var os []string
	for _, o := range ch.Owed {
		os = append(os, string(o.Kind)+" to "+string(o.To))
	}
	if os != nil {
		d["notices"] = os
	}
	return d
}

// owe composes and stores the notices a change owes. The first letter to
// the applicant anchors the windows the change opened that count from the
// day the applicant is told; when there is no such message (no composer, no
// address), they count from today.
func (s *Store) owe(ctx context.Context, t tx, ch *Change, x *env) ([]int64, error) {
	n := ch.After
	var stated []Window
	for _, w := range ch.Opened {
		stated = append(stated, provisional(w, x))
	}
	var all []int64
	var anchor int64
	var records map[EventKind]json.RawMessage
	loadRecords := func(ctx context.Context) (map[EventKind]json.RawMessage, error) {
		var err error
		if records == nil {
			records, err = t.latestRecords(ctx, n.Ref)
		}
		return records, err
	}
	for _, o := range ch.Owed {
		notice := Notice{Kind: o.Kind, To: o.To, Case: *n, Event: ch.Event, From: ch.From,
			Window: ch.Event.window, Windows: stated, At: x.now}
		if o.Letter {
			no, err := s.letterNumber(ctx, t, x)
			if err != nil {
				return nil, err
			}
			notice.LetterNo, notice.records = no, loadRecords
		}
		ids, err := s.compose(ctx, t, notice)
		if err != nil {
			return nil, err
		}
		if anchor == 0 && o.To == ToApplicant && len(ids) > 0 {
			anchor = ids[0]
		}
		all = append(all, ids...)
	}
	return all, s.anchorPending(ctx, t, n, anchor, x)
}

// anchorPending ties the pending windows of n to the outbox row whose
// delivery starts them, or starts them today when there is none.
func (s *Store) anchorPending(ctx context.Context, t tx, n *Case, anchor int64, x *env) error {
	for i := range n.Windows {
		w := &n.Windows[i]
		if !w.Pending || w.anchorNotice != 0 {
			continue
		}
		if anchor != 0 {
			w.anchorNotice = anchor
		} else {
			startPending(w, x.now, x)
		}
		if err := t.updateWindow(ctx, w, x.policy.nextCheck(*w, x.now)); err != nil {
			return err
		}
	}
	return nil
}

// letterNumber takes the next number of the outgoing register for the
// current Buddhist Era year: "<prefix> <sequence>/<year>".
func (s *Store) letterNumber(ctx context.Context, t tx, x *env) (string, error) {
	year := x.today.BEYear()
	seq, err := t.nextNumber(ctx, "letter", year)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(fmt.Sprintf("%s %d/%d", s.policy.LetterPrefix, seq, year)), nil
}

// compose has the composer write a notice and stores its messages.
func (s *Store) compose(ctx context.Context, t tx, n Notice) ([]int64, error) {
	if s.composer == nil {
		return nil, nil
	}
	msgs, err := s.composer.Compose(ctx, n)
	if err != nil {
		return nil, fmt.Errorf("cases: composing %s for %s: %w", n.Kind, n.Case.Ref, err)
	}
	var ids []int64
	for _, m := range msgs {
		id, err := s.store(ctx, t, m, n.Case.Ref, n.Kind, n.LetterNo, n.At)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// store writes one message to the outbox.
func (s *Store) store(ctx context.Context, t tx, m Message, ref Ref, kind NoticeKind,
	letterNo string, now time.Time) (int64, error) {
	if m.MessageID == "" || len(m.To) == 0 || len(m.Raw) == 0 {
		return 0, fmt.Errorf("cases: outgoing %s for %s lacks a Message-ID, a recipient "+
			"or its bytes", kind, ref)
	}
	r := &OutboxRow{MessageID: m.MessageID, Case: ref, Notice: kind, LetterNo: letterNo,
		From: m.From, To: m.To, Raw: m.Raw, State: Queued, NextAttempt: now, Created: now}
	if err := t.insertOutbox(ctx, r); err != nil {
		return 0, err
	}
	return r.ID, nil
}
