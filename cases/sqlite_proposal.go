package cases

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

func (t *sqliteTx) useToken(ctx context.Context, token string, at time.Time) error {
	_, err := t.exec(ctx, "INSERT INTO used_tokens (token, used_at) VALUES (?, ?)", token,
		nanos(at))
	if isConstraint(err) {
		return ErrTokenUsed
	}
	if err != nil {
		return fmt.Errorf("cases: recording a used token: %w", err)
	}
	return nil
}

const proposalColumns = "case_ref, kind, args, by_whom, proposed_at"

func scanProposal(sc scanner) (Proposal, error) {
	var p Proposal
	var ref, kind, args string
	var at int64
	if err := sc.Scan(&ref, &kind, &args, &p.By, &at); err != nil {
		return p, err
	}
	p.Case, _ = ParseRef(ref)
	p.Kind, p.At = EventKind(kind), fromNanos(at)
	if err := json.Unmarshal([]byte(args), &p.Args); err != nil {
		return p, fmt.Errorf("cases: proposal of %s: %w", ref, err)
	}
	return p, nil
}

func (t *sqliteTx) proposal(ctx context.Context, ref Ref, kind EventKind) (*Proposal, error) {
	ps, err := t.proposals(ctx, ref)
	for _, p := range ps {
		if p.Kind == kind {
			return &p, err
		}
	}
	return nil, err
}

func (v *sqliteView) proposals(ctx context.Context, ref Ref) ([]Proposal, error) {
	rows, err := v.query(ctx, "SELECT "+proposalColumns+
		" FROM proposals WHERE case_ref = ? ORDER BY proposed_at", ref.String())
	if err != nil {
		return nil, fmt.Errorf("cases: reading proposals of %s: %w", ref, err)
	}
	defer rows.Close()
	var out []Proposal
	for rows.Next() {
		p, err := scanProposal(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func (t *sqliteTx) putProposal(ctx context.Context, p Proposal) error {
	t.noProposals = nil // there is one now
	_, err := t.exec(ctx, "INSERT INTO proposals ("+proposalColumns+") VALUES (?, ?, ?, ?, ?)",
		p.Case.String(), string(p.Kind), encodeArgs(p.Args), p.By, nanos(p.At))
	if err != nil {
		return fmt.Errorf("cases: recording the proposal of %s: %w", p.Case, err)
	}
	return nil
}

func (t *sqliteTx) deleteProposals(ctx context.Context, ref Ref, kind EventKind) error {
	// Proposals are rare: a sweep that closes hundreds of cases asks once
	// whether there are any, not once a case.
	if t.noProposals == nil {
		var none bool
		err := t.queryRow(ctx, "SELECT NOT EXISTS (SELECT 1 FROM proposals)").Scan(&none)
		if err != nil {
			return fmt.Errorf("cases: looking for proposals: %w", err)
		}
		t.noProposals = &none
	}
	if *t.noProposals {
		return nil
	}
	_, err := t.exec(ctx, "DELETE FROM proposals WHERE case_ref = ? AND (? = '' OR kind = ?)",
		ref.String(), string(kind), string(kind))
	if err != nil {
		return fmt.Errorf("cases: clearing proposals of %s: %w", ref, err)
	}
	return nil
}
