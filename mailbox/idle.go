package mailbox

import (
	"context"
	"fmt"
	"time"
)

// wait returns when the mailbox may have changed: the server reported new
// mail during IDLE, IdleRestart passed, or, when polling, PollInterval
// passed. It returns ctx's end as an error, so the session stops.
func (in *Intake) wait(ctx context.Context, conn *imapConn, idle bool) error {
	if idle {
		return in.idle(ctx, conn)
	}
	return in.poll(ctx, conn)
}

// idle issues IDLE (RFC 2177) and ends it with DONE after new mail, after
// IdleRestart (under the 29 minutes of s3), or when ctx ends.
func (in *Intake) idle(ctx context.Context, conn *imapConn) error {
	select {
	case <-conn.updates: // news came during the last sync
		return nil
	default:
	}
	cmd, err := conn.c.Idle()
	if err != nil {
		return fmt.Errorf("mailbox: starting IDLE: %w", err)
	}
	restart := time.NewTimer(in.opts.IdleRestart)
	defer restart.Stop()
	var why string
	select {
	case <-conn.updates:
		why = "new_mail"
	case <-restart.C:
		why = "restart"
	case <-ctx.Done():
		why = "stop"
	case <-conn.c.Closed():
		return fmt.Errorf("mailbox: connection closed during IDLE")
	}
	in.log.Debug("intake idle ended", "reason", why)

	// DONE, then wait for the server's OK, within the command timeout.
	done := in.guard(conn)
	defer done()
	if err := cmd.Close(); err != nil {
		return fmt.Errorf("mailbox: ending IDLE: %w", err)
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("mailbox: ending IDLE: %w", err)
	}
	return ctx.Err()
}

// poll sleeps PollInterval, or less if the server volunteered news, then
// sends NOOP, which also lets the server report changes (RFC 3501 s6.1.2).
func (in *Intake) poll(ctx context.Context, conn *imapConn) error {
	t := time.NewTimer(in.opts.PollInterval)
	defer t.Stop()
	select {
	case <-t.C:
	case <-conn.updates:
	case <-ctx.Done():
		return ctx.Err()
	}
	done := in.guard(conn)
	defer done()
	if err := conn.c.Noop().Wait(); err != nil {
		return fmt.Errorf("mailbox: NOOP: %w", err)
	}
	return nil
}
