package mailbox

import (
	"os"
	"testing"

	"sandboxbot/internal/mailstack"
)

// TestMain stops the Dovecot and Postfix that tests against real servers
// start on first use (see internal/mailstack).
func TestMain(m *testing.M) { os.Exit(mailstack.Main(m)) }
