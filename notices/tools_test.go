package notices

import (
	"os/exec"
	"testing"
)

// needTool returns the path of a command-line tool the test checks against,
// or fails the test naming the Debian package that provides it. These
// checks are never skipped: CI installs the packages listed in
// .ci/packages-notices.txt.
func needTool(t testing.TB, name, debianPackage string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s not found on PATH: install the Debian package %s "+
			"(apt-get install -y %s)", name, debianPackage, debianPackage)
	}
	return path
}
