//go:build !unix

package main

import "os"

// lockData only creates the data directory where the system has no flock:
// the operator must not start two bots on one database.
func lockData(dir string) (release func(), err error) {
	return func() {}, os.MkdirAll(dir, 0o750)
}
