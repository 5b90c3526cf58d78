package main

import (
	"context"
	"fmt"
)

func auditCommand() *command {
	return &command{name: "audit", summary: "The audit trail.",
		subs: []*command{{
			name: "verify",
			summary: "Checks the whole audit trail: the hash chain from the first entry and " +
				"the seal on the last. Exits 0 when it is whole, 1 naming the first entry " +
				"that fails.",
			run: func(ctx context.Context, e *env, args []string) error {
				s, _, err := e.global.openStore(ctx, quietLogger(e), storeUse{inspect: true})
				if err != nil {
					return err
				}
				defer s.Close()
				rep, err := s.Verify(ctx)
				if err != nil {
					return err
				}
				if !rep.OK {
					return exitError{1, fmt.Sprintf("audit trail broken at entry %d: %s "+
						"(%d entries whole before it)", rep.FirstBad, rep.Problem,
						rep.FirstBad-1)}
				}
				seal := "sealed with the audit key"
				if !rep.Sealed {
					seal = "not sealed: no audit key"
				}
				fmt.Fprintf(e.stdout, "audit trail whole: %d entries, %s\n", rep.Entries, seal)
				return nil
			},
		}}}
}
