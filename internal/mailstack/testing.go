package mailstack

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2/imapclient"
)

// shared is the stack of the running test binary, started by the first call
// to Shared and stopped by Main.
var shared struct {
	once  sync.Once
	stack *Stack
	err   error
}

// Main runs the tests of a package and stops the stack [Shared] started, if
// any. Use it as the body of TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(mailstack.Main(m)) }
//
// With MAILSTACK_KEEP=1 in the environment the stack's directory is kept
// for a look at its logs and Maildirs.
func Main(m *testing.M) int {
	code := m.Run()
	if shared.stack == nil {
		return code
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := shared.stack.Stop(ctx); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return max(code, 1)
	}
	if os.Getenv("MAILSTACK_KEEP") == "" {
		os.RemoveAll(shared.stack.Dir)
	}
	return code
}

// Shared returns the stack of this test binary, starting it on first use.
// It fails the test, with the reason, if the stack cannot start, and tells to
// run ".ci/mailstack install" if Dovecot or Postfix is missing. The package
// must use [Main] in TestMain, or the stack is left running.
func Shared(t testing.TB) *Stack {
	t.Helper()
	shared.once.Do(func() {
		shared.stack, shared.err = startInTemp(context.Background())
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.stack
}

// New starts a stack for t alone and stops it, and removes its directory,
// in t.Cleanup.
func New(t testing.TB) *Stack {
	t.Helper()
	s, err := startInTemp(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := s.Stop(ctx); err != nil {
			t.Error(err)
			return
		}
		if os.Getenv("MAILSTACK_KEEP") == "" {
			os.RemoveAll(s.Dir)
		}
	})
	return s
}

// NewUser is [Stack.NewUser] for tests: it fails t on error.
func NewUser(t testing.TB, s *Stack, domain string) User {
	t.Helper()
	u, err := s.NewUser(t.Context(), t.Name(), domain)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// Login dials the stack's IMAP port and logs in as u, failing t on error.
// The caller closes the client.
func Login(t testing.TB, s *Stack, u User) *imapclient.Client {
	t.Helper()
	c, err := imapclient.DialInsecure(s.IMAP, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Login(u.Address, u.Password).Wait(); err != nil {
		c.Close()
		t.Fatalf("logging in as %s: %v", u.Address, err)
	}
	return c
}

// startInTemp starts a stack in a new short directory under the temporary
// folder (or /tmp when $TMPDIR is too long for Unix socket paths).
func startInTemp(ctx context.Context) (*Stack, error) {
	if !installed() {
		return nil, ErrNotInstalled
	}
	base := os.TempDir()
	if len(base) > maxDirLen-16 {
		base = "/tmp"
	}
	dir, err := os.MkdirTemp(base, "ms")
	if err != nil {
		return nil, fmt.Errorf("mailstack: making a stack directory: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	s, err := Start(ctx, dir)
	if err != nil && strings.Contains(err.Error(), "in use") {
		// Another stack took a port between the script's check and bind.
		s, err = Start(ctx, dir)
	}
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return s, nil
}
