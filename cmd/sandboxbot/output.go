package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// writeFileAtomically writes a file through a temporary one beside it,
// renamed over it once complete, so that a failure never leaves half a
// file under the name asked for.
func writeFileAtomically(path string, write func(f *os.File) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// writeFileData writes data to path as writeFileAtomically does.
func writeFileData(path string, data []byte) error {
	return writeFileAtomically(path, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}
