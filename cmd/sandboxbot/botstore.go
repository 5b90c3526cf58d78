package main

import (
	"context"
	"log/slog"
	"path/filepath"

	"sandboxbot/cases"
	"sandboxbot/mailbox"
)

// botStore is the case store as the bot uses it: writing its mail through
// the composer, with the officers' roster and the key of their reply
// tokens. The caller closes store.
type botStore struct {
	store    *cases.Store
	cfg      *Config
	roster   *mailbox.Roster
	tokenKey []byte
}

// openBotStore opens the store of the data directory for the bot, or for a
// command that acts as the bot (sweep): what it owes is written to the
// outbox, and written (if not nil) is called after each commit that wrote
// mail. cfg is the configuration if the caller loaded it, or nil.
func openBotStore(ctx context.Context, e *env, log *slog.Logger, cfg *Config,
	written func()) (*botStore, error) {
	b := &botStore{}
	var err error
	b.store, b.cfg, err = e.global.openStore(ctx, log, storeUse{
		composer: func(cfg *Config) (cases.Composer, error) {
			b.roster = cfg.roster()
			path := cfg.Mail.TokenKeyFile
			if path == "" {
				path = filepath.Join(e.global.data, "reply.key")
			}
			if b.tokenKey, err = readKey(path, true); err != nil {
				return nil, err
			}
			return newComposer(cfg, b.roster, replyTo(b.tokenKey, cfg.Mail.Address,
				cfg.Mail.TokenDays, e.global.clock()))
		},
		written: written, cfg: cfg})
	if err != nil {
		return nil, err
	}
	return b, nil
}
