package mailbox

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// uidValidityStride is how many UIDVALIDITY values one run of the embedded
// server may use per user: a run never creates more mailboxes than that,
// so the next run, whose base is at least a stride higher, never repeats
// one.
const uidValidityStride = 1024

// uidValidityBase returns the number added to every UIDVALIDITY of this run
// of the embedded server. RFC 3501 s2.3.1.1 forbids reusing a UIDVALIDITY
// for a mailbox whose UIDs changed, and a restarted in-memory server starts
// its UIDs again at 1. The base is the time in seconds, raised to a stride
// above the base of the last run when stateFile remembers one; the new base
// is written back. An empty stateFile uses the time alone.
func uidValidityBase(stateFile string, now time.Time) (uint32, error) {
	base := uint32(now.Unix())
	if stateFile == "" {
		return base, nil
	}
	b, err := os.ReadFile(stateFile)
	switch {
	case err == nil:
		prev, perr := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 32)
		if perr != nil {
			return 0, fmt.Errorf("mailbox: reading %s: %w", stateFile, perr)
		}
		if next := uint32(prev) + uidValidityStride; next > base {
			base = next
		}
	case !os.IsNotExist(err):
		return 0, fmt.Errorf("mailbox: reading uidvalidity state: %w", err)
	}
	if base > 1<<32-1-uidValidityStride {
		return 0, fmt.Errorf("mailbox: uidvalidity base %d: %w", base, ErrUIDValidityExhausted)
	}
	text := strconv.FormatUint(uint64(base), 10) + "\n"
	if err := writeFileAtomic(stateFile, []byte(text)); err != nil {
		return 0, fmt.Errorf("mailbox: writing uidvalidity state: %w", err)
	}
	return base, nil
}

// writeFileAtomic replaces path with data through a temporary file in the
// same folder, so a crash leaves either the old or the new content.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path))
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
