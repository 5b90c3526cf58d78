// Package mailbox is the bot's door to the world: it takes mail in over IMAP,
// decides what each message is and commits what it causes to the case store
// (the [Desk]), reads officers' commands and proves who sent them, writes the
// bot's mail as MIME (the [Composer]), sends it out over SMTP, and can run a
// small mail server of its own for trying the bot without a mail account.
//
// The transports know only two small interfaces, [InboundStore] and
// [Outbox]; the [Desk] and [CaseOutbox] implement them over package cases.
// Forms and letters reach it through [FormReader] and [Renderer], which the
// command line adapts from packages forms and notices: mailbox imports
// neither.
//
// # Intake
//
// An [Intake] watches one mailbox, given as a URL
// ("imap://user:pass@host:port/INBOX", "imaps://…"; see [ParseServerURL]):
//
//  1. Connect, log in, and refuse a server without MOVE (RFC 6851) or
//     UIDPLUS (RFC 4315) with [ErrMissingCapability]: without them a move
//     falls back to EXPUNGE, which would remove other mail marked \Deleted.
//     Create the Processed and Quarantine folders if missing; SELECT.
//  2. Compare the mailbox's UIDVALIDITY with [InboundStore.Checkpoint]. If
//     it changed, UIDs mean nothing any more (RFC 3501 s2.3.1.1): every
//     message is flagged [Inbound].Resync and matched by content hash and
//     Message-ID.
//  3. List every message in the mailbox (UID SEARCH ALL). Mail leaves the
//     mailbox once committed, so what is there is either new or committed
//     and not yet moved, after a crash between the two.
//  4. Fetch bodies in batches with BODY.PEEK[], which never sets \Seen
//     (RFC 3501 s6.4.5); of a message over MaxMessageBytes only the header.
//  5. For each message in UID order, ask [InboundStore.Committed]; if it is
//     not known, [InboundStore.Commit] it: the store writes the inbound
//     record, what it causes and the checkpoint in one transaction, and
//     answers [Processed] or [Quarantine].
//  6. Only then UID MOVE the batch to its folders.
//  7. Wait: IDLE (RFC 2177), ended after new mail or after IdleRestart (25
//     minutes, under the 29 of s3), or, without IDLE, poll with NOOP. Then
//     go back to step 2.
//
// Any error closes the connection; the intake reconnects after a pause
// that doubles from MinBackoff to MaxBackoff, and logs each change of
// state once (connecting, idle or polling, retrying, stopped). So: a
// message is committed at most once (the store's uniqueness and step 5), is
// never lost (it stays in the mailbox until committed), and nothing is
// skipped after a UIDVALIDITY change (step 3 looks at every message).
//
// # Outbox
//
// A [Sender] sends the rows of an [Outbox] through one SMTP server, given
// as "smtp://user:pass@host:port?tls=none|starttls|implicit":
//
//  1. [Outbox.Claim] the next due row, with a lease, before dialing.
//  2. Connect with go-mail: TLS by the URL's mode, AUTH PLAIN if the URL
//     has a user. A password is never sent unencrypted to a host that is
//     not loopback unless AllowClearText is set ([ErrClearText]).
//  3. MAIL, RCPT, DATA with the row's stored bytes, verbatim, so the
//     Message-ID fixed when the row was written is the one that leaves.
//  4. Record the answer to the final ".": [Outbox.Sent] with the reply on
//     250; on a 5xx reply [Outbox.Failed], once; on a 4xx reply or a
//     network error [Outbox.Retry] after MinRetry doubled per attempt, up
//     to MaxRetry, and Failed after MaxAttempts.
//  5. Keep the connection for the next due row; quit when none is left.
//     [Sender.Wake] cuts the wait for new rows short.
//
// A crash after the final "." and before the answer is recorded leaves the
// row claimed; when the lease runs out it is sent again, with the same
// Message-ID, so a recipient can tell the copy.
//
// # The desk
//
// [Desk.Commit] takes one fetched message and writes, in one transaction of
// the case store, its inbound record, the checkpoint and what it causes:
//
//  1. Read it ([ReadMessage]): MIME within [Limits], charsets (TIS-620,
//     windows-874, x-cp874), attachment names made safe, delivery reports.
//     Over a limit: to Quarantine, the sender told which limit.
//  2. Never answer machines ([Classify], RFC 3834): auto-replies, <> and
//     MAILER-DAEMON, lists and bulk mail; a delivery report fails the
//     outbox row it reports on, once, and the officers are told.
//  3. From an officer on the roster: the command path, below.
//  4. Otherwise an applicant: each attachment goes to the [FormReader]; one
//     valid form is applied as its case event (a case's forms only from its
//     contact's address or domain); a reply to a case without a form (by
//     its reference in the subject, or In-Reply-To/References naming one of
//     our Message-IDs) is information for it; anything else gets one
//     explanation with the blank forms, at most RepliesPerHour an hour.
//
// # Officer commands
//
// An officer's message moves a case only when, in this order: [ProveSender]
// proves its From (our server's topmost Authentication-Results with an
// aligned dkim=pass, or a DKIM signature verified here; never dmarc=fail)
// and no Reply-To points elsewhere; [ReadCommand] finds the command above
// the quoted text; the [Roster] lets this officer give it; and, for a
// decision, [FindToken] and [VerifyToken] find the reply token the
// [Composer] put in the Reply-To of the bot's mail about the case, issued
// to this officer for the case's present stage and not expired. The event
// carries [Token.ID], which the store uses up in the same transaction.
// HELP, STATUS and REPORT need no token. Whatever fails is recorded,
// answered with the reason and changes nothing; a failed proof or token is
// quarantined.
//
// # Interfaces the case store implements
//
//	type InboundStore interface {
//		Checkpoint(ctx context.Context, mailbox string) (Checkpoint, error)
//		Committed(ctx context.Context, m *Inbound) (Destination, bool, error)
//		Commit(ctx context.Context, m *Inbound) (Destination, error)
//	}
//
//	type Outbox interface {
//		Claim(ctx context.Context, now time.Time, lease time.Duration) (*OutboxRow, error)
//		Sent(ctx context.Context, id int64, reply string, at time.Time) error
//		Retry(ctx context.Context, id int64, reply string, next time.Time) error
//		Failed(ctx context.Context, id int64, reply string, at time.Time) error
//	}
//
// [Desk] and [CaseOutbox] implement them over the case store. Their contracts are
// on the methods. In short: Commit writes the inbound
// record (unique on mailbox, UIDVALIDITY and UID, and on the SHA-256), the
// case event, the outbox rows and the checkpoint in one transaction, and
// answers the earlier destination for a message it already has; Claim
// leases a due row so that two senders never take the same one.
//
// # Embedded server
//
// [StartEmbedded] runs an IMAP server (go-imap's memory backend) and an
// SMTP server (go-smtp) on loopback, in the bot's process, where every
// address gets a mailbox on first use: a mail catcher. It offers IDLE,
// MOVE and UIDPLUS, so the intake runs against it unchanged, and
// [Embedded.Instructions] tells a person how to point a mail client at it.
//
// Nothing in it survives a restart: mailboxes are kept in memory, and mail
// the bot had not fetched yet is lost with them. What the bot committed
// lives in its own store, which does survive. Each run takes UIDVALIDITY
// values above those of every earlier run (kept in a state file under the
// data folder), so the intake's checkpoint never mistakes new mail for old.
package mailbox
