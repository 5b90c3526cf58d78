// Command sandboxbot runs the paperwork of ETDA's Digital Service Sandbox by
// e-mail. main only hands over to the command layer (command.go); each
// subcommand lives in a file of its own.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
