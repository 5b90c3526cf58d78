package templates

import (
	_ "embed"
)

var (
	//go:embed wordbreak/thai-words.txt
	thaiWords []byte
	//go:embed wordbreak/LICENSE-thai-words
	thaiWordsLicence string
)

// ThaiWords returns the shipped Thai word list: UTF-8, one word per line,
// sorted. It is libthai's dictionary as distributed in the npm package
// wordcut 0.9.1, under the LGPL version 3 (see [Licences]). The returned
// slice is shared: callers must not modify it.
func ThaiWords() []byte {
	return thaiWords
}
