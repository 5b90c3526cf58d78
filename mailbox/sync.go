package mailbox

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"sandboxbot/internal/crashpoint"
)

// listed is a message found in the mailbox, before its body is fetched.
type listed struct {
	uid      imap.UID
	size     int64
	received time.Time
}

// sync handles every message now in the mailbox. Mail leaves the mailbox
// once committed, so what is there is either new or committed but not yet
// moved (a crash between the two); both are handled here, in UID order.
func (in *Intake) sync(ctx context.Context, conn *imapConn) error {
	resync, err := in.checkValidity(ctx, conn.uidValidity)
	if err != nil {
		return err
	}
	done := in.guard(conn)
	msgs, err := listMailbox(conn)
	done()
	if err != nil {
		return err
	}
	for batch := range batches(msgs, in.opts.BatchBytes, in.opts.MaxMessageBytes) {
		if err := in.handleBatch(ctx, conn, batch, resync); err != nil {
			return err
		}
	}
	return nil
}

// checkValidity compares the mailbox's UIDVALIDITY with the checkpoint's
// and reports whether UIDs must be ignored (RFC 3501 s2.3.1.1): then every
// message is matched by content hash and Message-ID instead.
func (in *Intake) checkValidity(ctx context.Context, validity uint32) (bool, error) {
	cp, err := in.opts.Store.Checkpoint(ctx, in.id)
	if err != nil {
		return false, fmt.Errorf("mailbox: reading checkpoint: %w", err)
	}
	resync := cp.UIDValidity != 0 && cp.UIDValidity != validity
	if resync && in.lastValidity != validity {
		in.log.Warn("intake uidvalidity changed, matching messages by content",
			"mailbox", in.id, "old_uidvalidity", cp.UIDValidity, "uidvalidity", validity)
	}
	in.lastValidity = validity
	return resync, nil
}

// listMailbox returns the UID, size and arrival time of every message in
// the selected mailbox, in UID order.
func listMailbox(conn *imapConn) ([]listed, error) {
	search, err := conn.c.UIDSearch(&imap.SearchCriteria{}, nil).Wait()
	if err != nil {
		return nil, fmt.Errorf("mailbox: UID SEARCH ALL: %w", err)
	}
	uids := search.AllUIDs()
	if len(uids) == 0 {
		return nil, nil
	}
	var set imap.UIDSet
	set.AddNum(uids...)
	fetched, err := conn.c.Fetch(set, &imap.FetchOptions{
		UID: true, RFC822Size: true, InternalDate: true,
	}).Collect()
	if err != nil {
		return nil, fmt.Errorf("mailbox: fetching sizes: %w", err)
	}
	out := make([]listed, 0, len(fetched))
	for _, m := range fetched {
		out = append(out, listed{uid: m.UID, size: m.RFC822Size, received: m.InternalDate})
	}
	slices.SortFunc(out, func(a, b listed) int { return int(a.uid) - int(b.uid) })
	return out, nil
}

// batches cuts msgs into runs whose fetched bytes stay under limit, each
// with at least one message. A message over maxBytes counts as nothing,
// since only its header is fetched.
func batches(msgs []listed, limit, maxBytes int64) func(func([]listed) bool) {
	return func(yield func([]listed) bool) {
		start, total := 0, int64(0)
		for i, m := range msgs {
			size := m.size
			if size > maxBytes {
				size = 0
			}
			if i > start && total+size > limit {
				if !yield(msgs[start:i]) {
					return
				}
				start, total = i, 0
			}
			total += size
		}
		if start < len(msgs) {
			yield(msgs[start:])
		}
	}
}

// handleBatch fetches the bodies of batch, commits each message, then moves
// them out of the mailbox: a move never comes before its commit. A message
// the store refuses stays in the mailbox; the others go on, and the
// store's error is returned after the move, so the session retries later.
func (in *Intake) handleBatch(ctx context.Context, conn *imapConn, batch []listed,
	resync bool) error {
	done := in.guard(conn)
	raws, err := in.fetchBodies(conn, batch)
	done()
	if err != nil {
		return err
	}
	crashpoint.Hit("after_fetch")
	moves := map[Destination]*imap.UIDSet{}
	counts := map[Destination]int{}
	var failed error
	for _, m := range batch {
		raw, ok := raws[m.uid]
		if !ok {
			continue // expunged by someone else meanwhile
		}
		truncated := m.size > in.opts.MaxMessageBytes
		msg := newInbound(in.id, conn.uidValidity, uint32(m.uid), raw, m.size, truncated,
			m.received, resync)
		dest, err := in.commit(ctx, msg)
		if err != nil {
			// Leave it in the mailbox for the next try, but do not let one
			// message the store cannot take hold up the ones after it.
			failed = errors.Join(failed, err)
			continue
		}
		if moves[dest] == nil {
			moves[dest] = &imap.UIDSet{}
		}
		moves[dest].AddNum(m.uid)
		counts[dest]++
	}
	crashpoint.Hit("after_commit")
	if err := in.move(conn, moves); err != nil {
		return errors.Join(failed, err)
	}
	in.log.Info("intake batch done", "processed", counts[Processed],
		"quarantined", counts[Quarantine])
	return failed
}

// commit asks the store whether msg is known and commits it if not.
func (in *Intake) commit(ctx context.Context, msg *Inbound) (Destination, error) {
	dest, known, err := in.opts.Store.Committed(ctx, msg)
	if err != nil {
		return 0, fmt.Errorf("mailbox: looking up uid %d: %w", msg.UID, err)
	}
	if !known {
		if dest, err = in.opts.Store.Commit(ctx, msg); err != nil {
			return 0, fmt.Errorf("mailbox: committing uid %d: %w", msg.UID, err)
		}
	}
	if dest != Processed && dest != Quarantine {
		return 0, fmt.Errorf("mailbox: store put uid %d in destination %d", msg.UID, dest)
	}
	in.log.Debug("intake message committed", "uid", msg.UID, "message_id", msg.MessageID,
		"size", msg.Size, "destination", dest.String(), "already_committed", known)
	return dest, nil
}

// fetchBodies fetches the messages of batch with BODY.PEEK[], which leaves
// \Seen alone (RFC 3501 s6.4.5), or BODY.PEEK[HEADER] for a message over
// MaxMessageBytes. Each literal is read into a buffer of its announced size.
func (in *Intake) fetchBodies(conn *imapConn, batch []listed) (map[imap.UID][]byte, error) {
	var whole, headers imap.UIDSet
	for _, m := range batch {
		if m.size > in.opts.MaxMessageBytes {
			headers.AddNum(m.uid)
		} else {
			whole.AddNum(m.uid)
		}
	}
	out := make(map[imap.UID][]byte, len(batch))
	sections := map[*imap.UIDSet]*imap.FetchItemBodySection{
		&whole:   {Peek: true},
		&headers: {Specifier: imap.PartSpecifierHeader, Peek: true},
	}
	for set, section := range sections {
		if len(*set) == 0 {
			continue
		}
		cmd := conn.c.Fetch(*set, &imap.FetchOptions{UID: true,
			BodySection: []*imap.FetchItemBodySection{section}})
		if err := readBodies(cmd, out); err != nil {
			return nil, fmt.Errorf("mailbox: fetching bodies: %w", err)
		}
	}
	return out, nil
}

// readBodies streams the messages of a FETCH into out, by UID.
func readBodies(cmd *imapclient.FetchCommand, out map[imap.UID][]byte) error {
	for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
		var uid imap.UID
		var body []byte
		for item := msg.Next(); item != nil; item = msg.Next() {
			switch item := item.(type) {
			case imapclient.FetchItemDataUID:
				uid = item.UID
			case imapclient.FetchItemDataBodySection:
				buf := make([]byte, item.Literal.Size())
				if _, err := io.ReadFull(item.Literal, buf); err != nil {
					cmd.Close()
					return err
				}
				body = buf
			}
		}
		if uid != 0 && body != nil {
			out[uid] = body
		}
	}
	return cmd.Close()
}

// move issues one UID MOVE (RFC 6851) per destination.
func (in *Intake) move(conn *imapConn, moves map[Destination]*imap.UIDSet) error {
	for dest, set := range moves {
		folder := in.opts.ProcessedFolder
		if dest == Quarantine {
			folder = in.opts.QuarantineFolder
		}
		done := in.guard(conn)
		cmd := conn.c.Move(*set, folder)
		crashpoint.Hit("during_move")
		_, err := cmd.Wait()
		done()
		if err != nil {
			return fmt.Errorf("mailbox: moving uids %s to %q: %w", set, folder, err)
		}
		in.log.Debug("intake moved", "uids", set.String(), "folder", folder)
		delete(moves, dest)
	}
	return nil
}

// guard closes conn if the exchange that follows takes longer than
// CommandTimeout; call the returned func when the exchange is over. The end
// of the session's context closes conn anyway (see session).
func (in *Intake) guard(conn *imapConn) (done func()) {
	t := time.AfterFunc(in.opts.CommandTimeout, func() { conn.Close() })
	return func() { t.Stop() }
}
