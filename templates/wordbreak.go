package templates

import (
	_ "embed"
)

var (
	//go:embed wordbreak/thai-words.txt
	thaiWords []byte
	//go:embed wordbreak/LICENSE-thai-words
	thaiWordsLicence string
	//go:embed wordbreak/thai-words-sandbox.txt
	sandboxWords []byte
)

// ThaiWords returns the shipped Thai word list: UTF-8, one word per line,
// sorted. It is libthai's dictionary as distributed in the npm package
// wordcut 0.9.1, less the compounds ICU breaks inside (see
// wordbreak/README.md), under the LGPL version 3 (see [Licences]). The
// returned slice is shared: callers must not modify it.
func ThaiWords() []byte {
	return thaiWords
}

// SandboxWords returns the project's own supplement to [ThaiWords]: words
// of the agency's letters that the LGPL list lacks, in the same format,
// with '#' comment lines. The returned slice is shared: callers must not
// modify it.
func SandboxWords() []byte {
	return sandboxWords
}
