package notices

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"

	"sandboxbot/templates"
)

// Dictionary is a set of Thai words stored as a trie, for segmenting Thai
// text into words. It is immutable after loading and safe for concurrent
// use.
type Dictionary struct {
	nodes []trieNode
	edges []trieEdge
	words int
}

type trieNode struct {
	first, count int32 // children: edges[first : first+count], sorted by rune
	word         bool
}

type trieEdge struct {
	r     rune
	child int32
}

// LoadDictionary reads a word list: UTF-8, one word per line. Blank lines,
// lines starting with '#', and words containing characters outside the
// Thai block (U+0E00–U+0E7F) are ignored, so the operator can drop in
// libthai's or another list unchanged. It fails on a read error or when no
// word is left.
func LoadDictionary(r io.Reader) (*Dictionary, error) {
	var words []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasPrefix(w, "#") || !allThai(w) {
			continue
		}
		words = append(words, w)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("notices: reading word list: %w", err)
	}
	if len(words) == 0 {
		return nil, fmt.Errorf("notices: reading word list: %w", ErrEmptyDictionary)
	}
	slices.Sort(words)
	words = slices.Compact(words)
	d := &Dictionary{words: len(words)}
	rs := make([][]rune, len(words))
	for i, w := range words {
		rs[i] = []rune(w)
	}
	d.nodes = append(d.nodes, trieNode{})
	d.build(0, rs, 0)
	return d, nil
}

// LoadDictionaryFile reads a word list from a file, as LoadDictionary
// does: this is how the operator replaces the shipped list without a
// rebuild.
func LoadDictionaryFile(path string) (*Dictionary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("notices: opening word list: %w", err)
	}
	defer f.Close()
	return LoadDictionary(f)
}

// build fills the children of node n from words, which are sorted and all
// share their first depth runes.
func (d *Dictionary) build(n int32, words [][]rune, depth int) {
	if len(words) > 0 && len(words[0]) == depth {
		d.nodes[n].word = true
		words = words[1:]
	}
	// Group the words by their rune at depth; each group is one child.
	first := int32(len(d.edges))
	var groups [][][]rune
	for i := 0; i < len(words); {
		j := i + 1
		for j < len(words) && words[j][depth] == words[i][depth] {
			j++
		}
		d.edges = append(d.edges, trieEdge{r: words[i][depth], child: int32(len(d.nodes))})
		d.nodes = append(d.nodes, trieNode{})
		groups = append(groups, words[i:j])
		i = j
	}
	d.nodes[n].first, d.nodes[n].count = first, int32(len(groups))
	for k, g := range groups {
		d.build(d.edges[first+int32(k)].child, g, depth+1)
	}
}

// child returns the node reached from n by r, or -1.
func (d *Dictionary) child(n int32, r rune) int32 {
	nd := d.nodes[n]
	es := d.edges[nd.first : nd.first+nd.count]
	i, ok := slices.BinarySearchFunc(es, r, func(e trieEdge, r rune) int {
		return int(e.r - r)
	})
	if !ok {
		return -1
	}
	return es[i].child
}

// Len returns the number of distinct words.
func (d *Dictionary) Len() int { return d.words }

// Contains reports whether word is in the dictionary.
func (d *Dictionary) Contains(word string) bool {
	n := int32(0)
	for _, r := range word {
		if n = d.child(n, r); n < 0 {
			return false
		}
	}
	return d.nodes[n].word
}

// prefixes calls yield with the end index of every dictionary word that
// starts at text[i], shortest first.
func (d *Dictionary) prefixes(text []rune, i int, yield func(end int)) {
	n := int32(0)
	for j := i; j < len(text); j++ {
		if n = d.child(n, text[j]); n < 0 {
			return
		}
		if d.nodes[n].word {
			yield(j + 1)
		}
	}
}

func allThai(s string) bool {
	for _, r := range s {
		if r < 0x0E00 || r > 0x0E7F {
			return false
		}
	}
	return true
}

var (
	defaultDictOnce sync.Once
	defaultDict     *Dictionary
)

// DefaultDictionary returns the shipped word lists ([templates.ThaiWords]
// and [templates.SandboxWords]), parsed once per process and shared.
func DefaultDictionary() *Dictionary {
	defaultDictOnce.Do(func() {
		d, err := LoadDictionary(io.MultiReader(bytes.NewReader(templates.ThaiWords()),
			strings.NewReader("\n"), bytes.NewReader(templates.SandboxWords())))
		if err != nil {
			panic("notices: shipped word list is corrupt: " + err.Error())
		}
		defaultDict = d
	})
	return defaultDict
}
