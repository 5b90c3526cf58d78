package main

import (
	"context"
	"fmt"
)

func sweepCommand() *command {
	return &command{name: "sweep",
		summary: "Does once what time has made due at the clock's now (--now for another " +
			"time): the reminders owed and the windows that ran out, with their letters " +
			"written to the outbox, which 'sandboxbot run' sends. Running it twice at the " +
			"same time does nothing the second time.",
		run: func(ctx context.Context, e *env, args []string) error {
			bs, err := openBotStore(ctx, e, quietLogger(e), nil, nil)
			if err != nil {
				return err
			}
			defer bs.store.Close()
			rep, err := bs.store.Sweep(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "checked %d windows: %d reminders, %d expired, %d failed\n",
				rep.Checked, rep.Reminders, rep.Expired, rep.Failed)
			if rep.Failed > 0 {
				return exitError{code: 1, msg: fmt.Sprintf("sandboxbot: %d windows could not "+
					"be swept; see the log above; the next sweep tries them again", rep.Failed)}
			}
			return nil
		}}
}
