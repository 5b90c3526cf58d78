package mailbox

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// IntakeOptions configures an [Intake]. Only URL and Store are required;
// zero durations and sizes take the defaults named on each field.
type IntakeOptions struct {
	// URL is the intake mailbox, e.g. "imaps://bot:pw@mail.example.org/INBOX"
	// (see ParseServerURL).
	URL string
	// Store commits messages; see InboundStore.
	Store InboundStore
	// Logger receives state changes at Info or Warn and each decision at
	// Debug. Nil discards.
	Logger *slog.Logger
	// TLSConfig is used for imaps and STARTTLS; nil means the system's
	// roots and the URL's host name.
	TLSConfig *tls.Config
	// AllowClearText permits a password over an unencrypted connection to
	// a host that is not loopback. Off by default: ErrClearText.
	AllowClearText bool

	// ProcessedFolder and QuarantineFolder are created if missing.
	// Defaults: "Processed", "Quarantine".
	ProcessedFolder, QuarantineFolder string

	// IdleRestart is how long one IDLE lasts before the intake ends it,
	// syncs and idles again. RFC 2177 s3 asks for less than 29 minutes.
	// Default 25 minutes.
	IdleRestart time.Duration
	// PollInterval is the pause between syncs when the server has no IDLE
	// or ForcePolling is set. Default 30 s.
	PollInterval time.Duration
	// ForcePolling polls even when the server offers IDLE.
	ForcePolling bool
	// MinBackoff and MaxBackoff bound the pause before reconnecting after
	// an error. Defaults 1 s and 5 minutes.
	MinBackoff, MaxBackoff time.Duration
	// CommandTimeout bounds connecting and each exchange with the server.
	// Default 2 minutes.
	CommandTimeout time.Duration

	// MaxMessageBytes is the largest message fetched whole; of a larger one
	// only the header is fetched (Inbound.Truncated). Default 25 MiB.
	MaxMessageBytes int64
	// BatchBytes bounds the bodies fetched in one UID FETCH. At least one
	// message is always fetched. Default 16 MiB.
	BatchBytes int64

	// OnSync, when set, is called after each pass over the mailbox that
	// committed (and moved) everything in it: what the scheduler waits for
	// before its first sweep. It must not block.
	OnSync func()
}

// DefaultMaxMessageBytes is the size of the largest message read whole
// when no limit is configured: 25 MiB.
const DefaultMaxMessageBytes = 25 << 20

// Intake watches one IMAP mailbox and commits every message in it to an
// InboundStore, then moves it out of the mailbox. See the package
// documentation for the flow.
type Intake struct {
	opts IntakeOptions
	url  ServerURL
	id   string // the mailbox's identity: url.Redacted()
	log  *slog.Logger

	state        string // last logged state, so each change is logged once
	lastValidity uint32 // UIDVALIDITY seen in the last session, 0 before
}

// NewIntake checks opts and returns an Intake ready to Run. Errors wrap
// ErrBadURL or ErrClearText.
func NewIntake(opts IntakeOptions) (*Intake, error) {
	u, err := ParseServerURL(opts.URL)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "imap" {
		return nil, fmt.Errorf("mailbox: intake URL is %s, not imap: %w", u.Scheme, ErrBadURL)
	}
	if u.ClearTextCredentials() && !opts.AllowClearText {
		return nil, fmt.Errorf("mailbox: intake %s: %w", u.Redacted(), ErrClearText)
	}
	if opts.Store == nil {
		return nil, errors.New("mailbox: intake without a store")
	}
	opts = opts.withDefaults()
	return &Intake{opts: opts, url: u, id: u.Redacted(), log: opts.Logger}, nil
}

func (o IntakeOptions) withDefaults() IntakeOptions {
	def := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.IdleRestart, 25*time.Minute)
	def(&o.PollInterval, 30*time.Second)
	def(&o.MinBackoff, time.Second)
	def(&o.MaxBackoff, 5*time.Minute)
	def(&o.CommandTimeout, 2*time.Minute)
	if o.MaxMessageBytes <= 0 {
		o.MaxMessageBytes = DefaultMaxMessageBytes
	}
	if o.BatchBytes <= 0 {
		o.BatchBytes = 16 << 20
	}
	if o.ProcessedFolder == "" {
		o.ProcessedFolder = "Processed"
	}
	if o.QuarantineFolder == "" {
		o.QuarantineFolder = "Quarantine"
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// Mailbox returns the identity of the watched mailbox: its URL without the
// password. It is the Inbound.Mailbox of every message.
func (in *Intake) Mailbox() string { return in.id }

// Run watches the mailbox until ctx ends, then returns nil. Network and
// store errors are logged and followed by a reconnection after a growing
// pause. It returns an error only for what retrying cannot mend: a server
// without MOVE or UIDPLUS (ErrMissingCapability).
func (in *Intake) Run(ctx context.Context) error {
	b := newBackoff(in.opts.MinBackoff, in.opts.MaxBackoff)
	for {
		in.setState("connecting", slog.String("mailbox", in.id))
		synced, err := in.session(ctx)
		if ctx.Err() != nil {
			in.setState("stopped")
			return nil
		}
		if errors.Is(err, ErrMissingCapability) {
			in.setState("refused", slog.Any("err", err))
			return err
		}
		if synced {
			b.Reset() // the connection worked for a while
		}
		delay := b.Next()
		in.setState("retrying", slog.Any("err", err), slog.Duration("retry_in", delay))
		if !sleep(ctx, delay) {
			in.setState("stopped")
			return nil
		}
	}
}

// session runs one connection: connect, then sync and wait in turn until an
// error. synced reports whether at least one sync completed.
func (in *Intake) session(ctx context.Context) (synced bool, err error) {
	folders := []string{in.opts.ProcessedFolder, in.opts.QuarantineFolder}
	conn, err := dialIMAP(ctx, in.url, in.opts.TLSConfig, in.opts.CommandTimeout, folders)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	stop := closeAfter(ctx, conn.Close)
	defer stop()

	mode := "idle"
	if !conn.idle || in.opts.ForcePolling {
		mode = "polling"
	}
	for {
		if err := in.sync(ctx, conn); err != nil {
			return synced, err
		}
		synced = true
		if in.opts.OnSync != nil {
			in.opts.OnSync()
		}
		in.setState(mode, slog.Uint64("uidvalidity", uint64(conn.uidValidity)))
		if err := in.wait(ctx, conn, mode == "idle"); err != nil {
			return synced, err
		}
	}
}

// setState logs a change of state once, at Info (Warn for "retrying" and
// Error for "refused"); a repeat of the same state is logged at Debug.
func (in *Intake) setState(state string, attrs ...slog.Attr) {
	level := slog.LevelInfo
	switch {
	case state == in.state:
		level = slog.LevelDebug
	case state == "retrying":
		level = slog.LevelWarn
	case state == "refused":
		level = slog.LevelError
	}
	in.state = state
	in.log.LogAttrs(context.Background(), level, "intake "+state, attrs...)
}
