package notices

import (
	"slices"
	"strings"
	"testing"
)

func TestParagraphs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"one", []string{"one"}},
		{"  one\n two \n\n\n three ", []string{"one two", "three"}},
		{"\n\nก\n\t\nข\n", []string{"ก", "ข"}},
	}
	for _, tt := range tests {
		if got := paragraphs(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("paragraphs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// docShape writes a parsed document as one line per element, for tables.
func docShape(d markupDoc) []string {
	var out []string
	for _, p := range d.preamble {
		out = append(out, "P "+p.String())
	}
	for _, s := range d.sections {
		out = append(out, "S "+s.Heading)
		for _, p := range s.Paragraphs {
			out = append(out, "P "+p.String())
		}
		for _, c := range s.Clauses {
			out = append(out, "C "+c.Text.String())
			for _, it := range c.Items {
				out = append(out, "I "+it.String())
			}
		}
	}
	return out
}

func TestParseDocument(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     []string
	}{
		{"preamble", "a\nb\n\nc", []string{"P a b", "P c"}},
		{"sections", "pre\n## One\nintro\n* c1\ncont\n- i1\n- i2\nmore\n\n* c2",
			[]string{"P pre", "S One", "P intro", "C c1 cont", "I i1", "I i2 more", "C c2"}},
		{"clause before any section", "* c", []string{"S ", "C c"}},
		{"item with no clause", "- i", []string{"P i"}},
		{"paragraph after clauses", "## H\n* c\n\nafter",
			[]string{"S H", "C c", "S ", "P after"}},
		{"markers need a space", "##x\n*y\n-z", []string{"P ##x *y -z"}},
	}
	for _, tt := range tests {
		if got := docShape(parseDocument(tt.in)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// FuzzParseDocument checks that the markup parser never fails and loses
// no word of the text but its markers.
func FuzzParseDocument(f *testing.F) {
	f.Add("## หมวด ๑\n* ข้อ\n- รายการ\n\nย่อหน้า")
	f.Add("* \n- \n## \n")
	f.Fuzz(func(t *testing.T, s string) {
		got := strings.Fields(strings.Join(docShape(parseDocument(s)), " "))
		var want []string
		for _, l := range strings.Split(s, "\n") {
			l = strings.TrimSpace(l)
			for _, m := range []string{"## ", "* ", "- "} {
				if strings.HasPrefix(l, m) {
					l = l[len(m):]
					break
				}
			}
			want = append(want, strings.Fields(l)...)
		}
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Fatalf("word %q of %q lost: %q", w, s, got)
			}
		}
	})
}

// FuzzParagraphs checks that splitting into paragraphs keeps every word,
// in order, and leaves no blank paragraph.
func FuzzParagraphs(f *testing.F) {
	f.Add("ก ข\n\nค\n")
	f.Fuzz(func(t *testing.T, s string) {
		ps := paragraphs(s)
		for _, p := range ps {
			if strings.TrimSpace(p) == "" {
				t.Fatalf("blank paragraph from %q", s)
			}
		}
		got := strings.Fields(strings.Join(ps, " "))
		if want := strings.Fields(s); !slices.Equal(got, want) {
			t.Fatalf("words of %q: got %q, want %q", s, got, want)
		}
	})
}
