// Package templates holds the files that sandboxbot ships inside its binary
// for rendering letters: the wording of every letter and e-mail (Go text
// templates in Thai and English, see [Notices] and notices/README.md), the
// Sarabun fonts and the Thai word list used for line breaking.
//
// Each asset is exposed by a function that returns its bytes; the bytes are
// shared and must not be modified. The fonts are licensed under the SIL Open
// Font License (fonts/LICENSE_FONT) and the word list under the LGPL version 3
// (wordbreak/LICENSE-thai-words); both licences travel with the binary through
// [Licences]. An operator who wants a different word list loads it from a
// path instead of using [ThaiWords], and different wording from a directory
// of templates with the shipped names; nothing here needs a rebuild for that.
package templates
