package mailbox

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"net/textproto"
	"strings"
	"time"
)

// Destination is the folder a committed inbound message is moved to.
type Destination int

// The destinations an [InboundStore] may answer.
const (
	// Processed holds mail the bot has acted on.
	Processed Destination = iota + 1
	// Quarantine holds mail the bot refused: over a limit, unreadable,
	// a loop. It stays there for a person to look at.
	Quarantine
)

// String returns "processed" or "quarantine".
func (d Destination) String() string {
	switch d {
	case Processed:
		return "processed"
	case Quarantine:
		return "quarantine"
	default:
		return "invalid"
	}
}

// Inbound is one message fetched from the intake mailbox.
type Inbound struct {
	// Mailbox identifies the intake mailbox: the server URL without the
	// password, e.g. "imap://bot@127.0.0.1:143/INBOX?tls=none".
	Mailbox string
	// UIDValidity and UID name the message on the server (RFC 3501
	// s2.3.1.1). A UID is unique only within one UIDVALIDITY.
	UIDValidity, UID uint32
	// SHA256 is the hash of Raw: of the whole message, or of its header
	// section alone when Truncated.
	SHA256 [32]byte
	// MessageID is the Message-ID field without angle brackets, or empty.
	MessageID string
	// Size is the size of the whole message in bytes (RFC822.SIZE).
	Size int64
	// Raw is the message as the server holds it, byte for byte. When
	// Truncated it is the header section only.
	Raw []byte
	// Truncated says that Size exceeded the intake's MaxMessageBytes and
	// only the header was fetched; the store should quarantine the message
	// and may answer it naming the limit.
	Truncated bool
	// Received is the server's INTERNALDATE, when it received the message.
	Received time.Time
	// Resync says the mailbox's UIDVALIDITY is not the one of the last
	// checkpoint: UIDs of earlier messages mean nothing now, and
	// [InboundStore.Committed] should match on SHA256 or MessageID.
	Resync bool
}

// Checkpoint is how far the intake has committed a mailbox.
type Checkpoint struct {
	UIDValidity uint32 // zero before the first commit
	LastUID     uint32 // the highest UID committed under UIDValidity
}

// InboundStore is where the intake commits messages. The case store
// implements it; every method must be safe for concurrent use, though the
// intake calls them from one goroutine.
type InboundStore interface {
	// Checkpoint returns the last checkpoint stored for mailbox, the zero
	// Checkpoint if none.
	Checkpoint(ctx context.Context, mailbox string) (Checkpoint, error)

	// Committed reports whether m was committed before, and where it
	// went. It matches m.SHA256 and, when m.Resync is set, also a
	// non-empty m.MessageID. The intake asks before Commit, so that a
	// message committed but not yet moved (a crash between the two) is
	// only moved, and after a UIDVALIDITY change nothing is done twice.
	Committed(ctx context.Context, m *Inbound) (Destination, bool, error)

	// Commit acts on m and records, in one transaction: the inbound record
	// (unique on Mailbox, UIDValidity, UID and on SHA256), what it causes
	// (case events, outbox rows) and the checkpoint {m.UIDValidity, m.UID}
	// when m.UID is higher than the stored one or the UIDVALIDITY changed.
	// It returns where the message goes. If m turns out to be committed
	// already it commits nothing and returns the earlier destination. An
	// error means nothing was committed; the intake retries later.
	Commit(ctx context.Context, m *Inbound) (Destination, error)
}

// newInbound builds the Inbound for raw as fetched.
func newInbound(mailbox string, validity, uid uint32, raw []byte, size int64,
	truncated bool, received time.Time, resync bool) *Inbound {
	return &Inbound{
		Mailbox: mailbox, UIDValidity: validity, UID: uid,
		SHA256:    sha256.Sum256(raw),
		MessageID: MessageID(raw),
		Size:      size, Raw: raw, Truncated: truncated,
		Received: received, Resync: resync,
	}
}

// MessageID returns the Message-ID of a raw message (RFC 5322 s3.6.4)
// without its angle brackets and surrounding space, or "" when the header
// has none or cannot be read. Only the header section is looked at.
func MessageID(raw []byte) string {
	r := textproto.NewReader(bufio.NewReader(bytes.NewReader(headerOnly(raw))))
	h, _ := r.ReadMIMEHeader() // a partial header is still worth a look
	return msgID(h.Get("Message-Id"))
}

// headerOnly returns the header section of raw with the blank line that
// ends it, or all of raw when it has no body.
func headerOnly(raw []byte) []byte {
	for _, sep := range [][]byte{[]byte("\r\n\r\n"), []byte("\n\n")} {
		if i := bytes.Index(raw, sep); i >= 0 {
			return raw[:i+len(sep)]
		}
	}
	return raw
}

// msgID returns the msg-id of a Message-ID field's value (RFC 5322
// s3.6.4) without its angle brackets, or "" when it holds none. Comments
// and folding whitespace (CFWS) may surround it.
func msgID(v string) string {
	id := strings.TrimSpace(v)
	if i := strings.IndexByte(id, '<'); i >= 0 {
		if j := strings.IndexByte(id[i:], '>'); j > 0 {
			return strings.TrimSpace(id[i+1 : i+j])
		}
	}
	if strings.ContainsAny(id, " \t<>()") {
		return ""
	}
	return id
}
