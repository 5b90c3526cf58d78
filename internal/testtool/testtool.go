// Package testtool finds the third-party command-line tools that tests
// check the program against (pdftk, pdftotext, hb-shape, LibreOffice,
// openpyxl's Python). A missing tool fails the test, naming the Debian
// package that provides it; it is never skipped: .ci/run installs the
// packages listed in .ci/packages-*.txt.
package testtool

import (
	"os/exec"
	"testing"
)

// Need returns the path of the tool name (a name looked up on PATH, or a
// path), or fails tb naming the Debian package to install.
func Need(tb testing.TB, name, debianPackage string) string {
	tb.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		tb.Fatalf("%s not found: install the Debian package %s (apt-get install -y %s)",
			name, debianPackage, debianPackage)
	}
	return path
}
