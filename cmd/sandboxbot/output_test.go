package main

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFileAtomically: a write that fails halfway leaves the file that
// was there as it was and no temporary file beside it; one that succeeds
// replaces it whole.
func TestWriteFileAtomically(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "status.xlsx")
	if err := os.WriteFile(path, []byte("last week's"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := writeFileAtomically(path, func(f *os.File) error {
		f.WriteString("half of this week's")
		return errors.New("store closed")
	})
	if err == nil {
		t.Fatal("a failed write reported no error")
	}
	if b, _ := os.ReadFile(path); string(b) != "last week's" {
		t.Errorf("after a failed write the file holds %q", b)
	}
	if err := writeFileData(path, []byte("this week's")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "this week's" {
		t.Errorf("after a write the file holds %q", b)
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("%d files in the directory, want 1", len(left))
	}
}
