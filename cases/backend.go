package cases

import (
	"context"
	"encoding/json"
	"time"
)

// backend is a database the Store keeps its records in. The workflow and
// the Store's logic use only this interface, so a PostgreSQL backend can be
// added beside the SQLite one without touching either.
type backend interface {
	// begin starts a write transaction. Write transactions are
	// serialised: a second one waits until the first ends.
	begin(ctx context.Context) (tx, error)
	// dueWindows returns the ids, in ascending order and greater than
	// after, of open windows whose next check is at or before now; at most
	// limit. Its cost grows with the windows due, not the windows open.
	dueWindows(ctx context.Context, now time.Time, after int64, limit int) ([]int64, error)
	// reader returns a read-only view of the latest committed state.
	reader(ctx context.Context) (view, error)
	// checkpoint moves what the database has logged into its main file.
	checkpoint(ctx context.Context) error
	close() error
}

// view reads committed state.
type view interface {
	loadCase(ctx context.Context, ref Ref) (*Case, error)
	listCases(ctx context.Context) ([]*Case, error)
	history(ctx context.Context, ref Ref) ([]AuditEntry, error)
	// eachAudit calls fn for every audit entry in sequence order until fn
	// returns false.
	eachAudit(ctx context.Context, fn func(AuditEntry) bool) error
	seal(ctx context.Context) (*auditSeal, error)
	outbox(ctx context.Context, id int64) (*OutboxRow, error)
	allRounds(ctx context.Context) ([]Round, error)
	proposals(ctx context.Context, ref Ref) ([]Proposal, error)
	// mailCheckpoint returns a mailbox's UIDVALIDITY and last UID, zeros
	// when none is stored.
	mailCheckpoint(ctx context.Context, mailbox string) (uint32, uint32, error)
	// received finds an inbound message by its SHA-256 or, when messageID
	// is not empty, by its Message-ID, and returns its disposition.
	received(ctx context.Context, sha256, messageID string) (string, bool, error)
	// caseOfMessage returns the case of an outbox message, by Message-ID.
	caseOfMessage(ctx context.Context, messageID string) (Ref, bool, error)
	// repliesSince counts inbound messages of sender since t that the bot
	// answered with a message of its own.
	repliesSince(ctx context.Context, sender string, since time.Time) (int, error)
	// outboxByMessageID returns the outbox row of a Message-ID, nil if none.
	outboxByMessageID(ctx context.Context, messageID string) (*OutboxRow, error)
	// lastRun returns when a scheduled job last ran, zero if never.
	lastRun(ctx context.Context, job string) (time.Time, error)
	done()
}

// dueWindow is a window a sweep looks at, and when it was due.
type dueWindow struct {
	w    Window
	next time.Time
}

// tx is one write transaction.
type tx interface {
	view
	rounds
	commit() error
	rollback() error

	insertCase(ctx context.Context, c *Case) error
	updateCase(ctx context.Context, c *Case) error
	// nextNumber returns the next number of a gapless counter for a year.
	nextNumber(ctx context.Context, counter string, year int) (int, error)

	// dueBatch returns the windows with the given ids that are open, with
	// when each is next due to be checked, and their cases without their
	// windows: what a sweep needs, read in two queries.
	dueBatch(ctx context.Context, ids []int64) ([]dueWindow, map[Ref]*Case, error)
	// caseWindows returns the open windows of a case.
	caseWindows(ctx context.Context, ref Ref) ([]Window, error)
	// openWindowsOf returns the open windows of several cases, by case.
	openWindowsOf(ctx context.Context, refs []Ref) (map[Ref][]Window, error)
	insertWindow(ctx context.Context, w *Window, opened, next time.Time) error
	updateWindow(ctx context.Context, w *Window, next time.Time) error
	// closeWindows closes the windows given, each with its ClosedHow.
	closeWindows(ctx context.Context, ws []Window, at time.Time) error
	anchoredTo(ctx context.Context, outboxID int64) ([]Window, error)

	// auditHead returns the last entry's sequence and hash (0 and the
	// genesis hash when the trail is empty).
	auditHead(ctx context.Context) (int64, string, error)
	// insertAudit appends an entry; the seal over the chain's head is
	// written once, when the transaction commits.
	insertAudit(ctx context.Context, e AuditEntry) error

	insertOutbox(ctx context.Context, r *OutboxRow) error
	// wroteOutbox reports whether the transaction wrote outbox rows.
	wroteOutbox() bool
	updateOutbox(ctx context.Context, r *OutboxRow) error
	// claimOutbox marks up to limit rows ready at now as being sent until
	// lease, and returns them.
	claimOutbox(ctx context.Context, now, lease time.Time, limit int) ([]OutboxRow, error)
	// releaseClaims makes every claimed row queued and due at now.
	releaseClaims(ctx context.Context, now time.Time) (int, error)

	// insertInbound records a received message and moves its mailbox's
	// checkpoint; ErrDuplicate when its (mailbox, UIDVALIDITY, UID) or its
	// SHA-256 was recorded before.
	insertInbound(ctx context.Context, in *Inbound, ref Ref) error
	// recordRun stores when a scheduled job ran, if later than stored.
	recordRun(ctx context.Context, job string, at time.Time) error
	insertSubmission(ctx context.Context, ref Ref, e *Event) error
	// useToken records a reply token as used; ErrTokenUsed if it was.
	useToken(ctx context.Context, token string, at time.Time) error
	proposal(ctx context.Context, ref Ref, kind EventKind) (*Proposal, error)
	putProposal(ctx context.Context, p Proposal) error
	// deleteProposals removes the case's proposals of a kind, or all of
	// them when kind is empty.
	deleteProposals(ctx context.Context, ref Ref, kind EventKind) error
	// latestRecords returns the latest submitted form of each kind.
	latestRecords(ctx context.Context, ref Ref) (map[EventKind]json.RawMessage, error)
	putRound(ctx context.Context, r Round) error
}
