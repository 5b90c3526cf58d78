package notices

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"text/template"

	"sandboxbot/templates"
)

// The wording of every notice is a pair of text/template files, the shared
// "common.<lang>.tmpl" and the kind's own "<kind>.<lang>.tmpl", parsed in
// that order so that a kind's blocks replace the common defaults of the
// same name. Each file comes from the operator's directory when it holds
// one of that name, else from the shipped set (templates.Notices).

const (
	commonName    = "common"
	agreementName = "agreement"
)

// wordingFile is the file name of a wording in a language: in_scope.th.tmpl.
func wordingFile(name string, lang Lang) string {
	return name + "." + string(lang) + ".tmpl"
}

// wording is one parsed pair of files.
type wording struct {
	t     *template.Template
	files []string // where the files came from, for error messages
}

// source is one template file as read.
type source struct {
	file  string // base name
	where string // the path of an override, or "shipped <file>"
	stamp string // size and time of an override; "" when shipped
	text  string
}

// readSource reads file from dir when dir holds it, else from the shipped
// set. A file that exists in dir but cannot be read is an error; so is a
// shipped file that does not exist (ErrUnknownKind for a kind's file).
func readSource(dir, file string) (source, error) {
	if dir != "" {
		path := filepath.Join(dir, file)
		st, err := os.Stat(path)
		switch {
		case err == nil:
			b, err := os.ReadFile(path)
			if err != nil {
				return source{}, fmt.Errorf("notices: reading template %s: %w", path, err)
			}
			stamp := fmt.Sprintf("%d/%d", st.Size(), st.ModTime().UnixNano())
			return source{file: file, where: path, stamp: stamp, text: string(b)}, nil
		case !errors.Is(err, fs.ErrNotExist):
			return source{}, fmt.Errorf("notices: reading template %s: %w", path, err)
		}
	}
	b, err := fs.ReadFile(templates.Notices(), file)
	if err != nil {
		return source{}, fmt.Errorf("notices: no wording %s: %w", file, ErrUnknownKind)
	}
	return source{file: file, where: "shipped " + file, text: string(b)}, nil
}

// wordingCache keeps parsed wordings by directory, name and language; an
// entry is used again while its override files keep their size and time.
var wordingCache = struct {
	sync.Mutex
	m map[string]cachedWording
}{m: map[string]cachedWording{}}

type cachedWording struct {
	stamp string
	w     *wording
}

// loadWording returns the parsed wording of name in lang, with dir's
// overrides. It fails with ErrTemplate, naming the file, when a file does
// not parse, and with ErrUnknownKind when no file of that name exists.
func loadWording(dir, name string, lang Lang) (*wording, error) {
	common, err := readSource(dir, wordingFile(commonName, lang))
	if err != nil {
		return nil, err
	}
	own, err := readSource(dir, wordingFile(name, lang))
	if err != nil {
		return nil, err
	}
	key := dir + "\x00" + wordingFile(name, lang)
	stamp := common.stamp + "|" + own.stamp
	wordingCache.Lock()
	c, ok := wordingCache.m[key]
	wordingCache.Unlock()
	if ok && c.stamp == stamp {
		return c.w, nil
	}
	w, err := parseWording(common, own)
	if err != nil {
		return nil, err
	}
	wordingCache.Lock()
	wordingCache.m[key] = cachedWording{stamp: stamp, w: w}
	wordingCache.Unlock()
	return w, nil
}

// parseWording parses the common file, then the kind's own over it.
func parseWording(srcs ...source) (*wording, error) {
	w := &wording{}
	for _, s := range srcs {
		var err error
		if w.t == nil {
			w.t, err = template.New(s.file).Parse(s.text)
		} else {
			_, err = w.t.New(s.file).Parse(s.text)
		}
		if err != nil {
			return nil, fmt.Errorf("notices: template %s: %w: %w", s.where, ErrTemplate, err)
		}
		w.files = append(w.files, s.where)
	}
	return w, nil
}

// run executes a block with the data and returns its text, trimmed. A
// block that is not defined gives "". An execution error is ErrTemplate,
// naming the files in use (text/template's message names the file and
// line where it happened).
func (w *wording) run(block string, data any) (string, error) {
	if w.t.Lookup(block) == nil {
		return "", nil
	}
	var b strings.Builder
	if err := w.t.ExecuteTemplate(&b, block, data); err != nil {
		return "", fmt.Errorf("notices: template %s, block %q: %w: %w",
			strings.Join(w.files, " over "), block, ErrTemplate, err)
	}
	return strings.TrimSpace(b.String()), nil
}

// need is run for a block that must give text: empty output is
// ErrTemplate.
func (w *wording) need(block string, data any) (string, error) {
	s, err := w.run(block, data)
	if err == nil && s == "" {
		err = fmt.Errorf("notices: template %s: %w: block %q is missing or empty",
			strings.Join(w.files, " over "), ErrTemplate, block)
	}
	return s, err
}
