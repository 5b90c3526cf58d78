package templates

import (
	"embed"
	"io/fs"
)

//go:embed notices/*.tmpl
var notices embed.FS

// Notices returns the shipped wording of the agency's letters and e-mails:
// Go text/template files named <name>.<lang>.tmpl, lang "th" or "en", where
// name is a notice kind of package cases (in_scope, reminder, …), "common"
// (shared blocks: addressee, greeting, sign-off, names of outcomes and
// events) or "agreement" (the participation agreement and its annex).
// notices/README.md says which blocks each file defines and what data they
// see. An operator overrides any file by putting one of the same name in a
// directory that package notices is pointed at; nothing here needs a
// rebuild for that.
func Notices() fs.FS {
	sub, err := fs.Sub(notices, "notices")
	if err != nil {
		// fs.Sub fails only on an invalid path; "notices" is valid.
		panic("templates: " + err.Error())
	}
	return sub
}
