package notices

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadDictionaryFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "words.txt")
	if err := os.WriteFile(path, []byte("# operator's list\nกา\nกาก\nabc\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := LoadDictionaryFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word string
		want bool
	}{
		{"กา", true}, {"กาก", true}, {"ก", false}, {"abc", false}, {"# operator's list", false},
	}
	for _, tt := range tests {
		if got := d.Contains(tt.word); got != tt.want {
			t.Errorf("Contains(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
	if d.Len() != 2 {
		t.Errorf("Len() = %d, want 2", d.Len())
	}
	if _, err := LoadDictionary(strings.NewReader("abc\n\n")); !errors.Is(err, ErrEmptyDictionary) {
		t.Errorf("list with no Thai word: err = %v, want ErrEmptyDictionary", err)
	}
	if _, err := LoadDictionaryFile(filepath.Join(t.TempDir(), "none")); err == nil {
		t.Error("missing file: no error")
	}
}
