//go:build !unix

package crashpoint

import "os"

// kill ends the process at once, running no deferred code.
func kill() { os.Exit(137) }
