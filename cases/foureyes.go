package cases

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Proposal is the first officer's half of a four-eyes decision: an
// approval, a rejection or an expulsion that takes effect only when a
// different officer gives the same command (Policy.FourEyes).
type Proposal struct {
	Case Ref
	Kind EventKind
	// Args are the fields of the proposed event that the second officer
	// must repeat.
	Args ProposalArgs
	By   string
	At   time.Time
}

// ProposalArgs are the fields of an event that a proposal fixes.
type ProposalArgs struct {
	Round   int     `json:"round,omitempty"`
	Date    Date    `json:"date,omitzero"`
	Text    string  `json:"text,omitempty"`
	Outcome Outcome `json:"outcome,omitempty"`
}

func argsOf(e Event) ProposalArgs {
	return ProposalArgs{Round: e.Round, Date: e.Date, Text: strings.TrimSpace(e.Text),
		Outcome: e.Outcome}
}

// sameDecision reports whether a second officer's event repeats the
// proposal: the same round, date and outcome. The reason may be worded
// differently.
func (a ProposalArgs) sameDecision(b ProposalArgs) bool {
	return a.Round == b.Round && a.Date == b.Date && a.Outcome == b.Outcome
}

func (a ProposalArgs) String() string {
	var parts []string
	if a.Round != 0 {
		parts = append(parts, fmt.Sprintf("round %d", a.Round))
	}
	if !a.Date.IsZero() {
		parts = append(parts, a.Date.String())
	}
	if a.Outcome != "" {
		parts = append(parts, string(a.Outcome))
	}
	return strings.Join(parts, " ")
}

// fourEyes applies the four-eyes rule to an accepted change. With no
// proposal yet, it records this event as one, with its audit entry and the
// notices asking a second officer, and returns done. With a proposal by
// another officer for the same decision, it lets the change go ahead; by the
// same officer, or for a different decision, it refuses.
func (s *Store) fourEyes(ctx context.Context, t tx, c *Case, e Event, ch *Change,
	x *env) (res *Result, done bool, err error) {
	p, err := t.proposal(ctx, c.Ref, e.Kind)
	if err != nil {
		return nil, false, err
	}
	if p == nil {
		res, err := s.propose(ctx, t, c, e, x)
		return res, true, err
	}
	if strings.EqualFold(p.By, e.By) {
		return nil, false, refuse(c, &e, ErrNotAllowed, enOnly("%s proposed this %s; "+
			"under the four-eyes rule a different officer must second it"), p.By, e.Kind)
	}
	if !p.Args.sameDecision(argsOf(e)) {
		return nil, false, refuse(c, &e, ErrInvalid, enOnly("%s proposed %s %s; to second "+
			"it, give the same decision (or reply to say why not)"), p.By, e.Kind, p.Args)
	}
	ch.ProposedBy = p.By
	return nil, false, nil
}

// propose records the first half of a four-eyes decision.
func (s *Store) propose(ctx context.Context, t tx, c *Case, e Event, x *env) (*Result,
	error) {
	p := Proposal{Case: c.Ref, Kind: e.Kind, Args: argsOf(e), By: e.By, At: e.At}
	if err := t.putProposal(ctx, p); err != nil {
		return nil, err
	}
	err := s.audit(ctx, t, AuditEntry{At: e.At, Case: c.Ref, Actor: e.Actor, By: e.By,
		Kind: "proposed"}, map[string]any{"event": e.Kind, "args": p.Args.String(),
		"text": p.Args.Text})
	if err != nil {
		return nil, err
	}
	res := &Result{Case: c, Change: &Change{Event: e, From: c.Stage, After: c},
		Proposal: &p}
	for _, to := range []Recipient{ToOfficers, ToActor} {
		ids, err := s.compose(ctx, t, Notice{Kind: NoticeProposal, To: to, Case: *c,
			Event: e, From: c.Stage, Proposal: &p, At: x.now})
		if err != nil {
			return nil, err
		}
		res.Outbox = append(res.Outbox, ids...)
	}
	return res, nil
}

// Proposals returns the case's pending four-eyes proposals.
func (s *Store) Proposals(ctx context.Context, ref Ref) ([]Proposal, error) {
	v, err := s.db.reader(ctx)
	if err != nil {
		return nil, err
	}
	defer v.done()
	return v.proposals(ctx, ref)
}

func encodeArgs(a ProposalArgs) string {
	b, _ := json.Marshal(a)
	return string(b)
}
