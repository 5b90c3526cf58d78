package notices

import (
	"io/fs"
	"slices"
	"testing"

	"sandboxbot/cases"
	"sandboxbot/templates"
)

// TestKinds checks that Kinds covers every notice the workflow table owes,
// the reminder and the store's own notices, once each; that IsLetter
// agrees with the table; and that every kind has shipped wording in both
// languages.
func TestKinds(t *testing.T) {
	t.Parallel()
	ks := Kinds()
	seen := map[cases.NoticeKind]bool{}
	for _, k := range ks {
		if seen[k] {
			t.Errorf("%s listed twice", k)
		}
		seen[k] = true
	}
	owed := slices.Concat(cases.StoreNotices, cases.DeskNotices, cases.ReportNotices)
	for _, tr := range cases.Transitions() {
		for _, o := range tr.Owes {
			owed = append(owed, o.Kind)
			if o.Letter != IsLetter(o.Kind) {
				t.Errorf("%s on %s: table says letter=%v, IsLetter says %v", o.Kind, tr.On,
					o.Letter, IsLetter(o.Kind))
			}
		}
	}
	for _, k := range owed {
		if !seen[k] {
			t.Errorf("%s is owed by the workflow but not in Kinds", k)
		}
	}
	for _, k := range ks {
		if !slices.Contains(owed, k) {
			t.Errorf("%s is in Kinds but nothing owes it", k)
		}
		for _, lang := range []Lang{Thai, English} {
			if _, err := fs.Stat(templates.Notices(), wordingFile(string(k), lang)); err != nil {
				t.Errorf("no shipped wording for %s: %v", k, err)
			}
		}
	}
	if n, want := len(ks), len(uniq(owed)); n != want {
		t.Errorf("%d kinds, want the %d of package cases", n, want)
	}
	ks[0] = "changed"
	if Kinds()[0] == "changed" {
		t.Error("Kinds shares its slice with the caller")
	}
}

func uniq(ks []cases.NoticeKind) map[cases.NoticeKind]bool {
	m := map[cases.NoticeKind]bool{}
	for _, k := range ks {
		m[k] = true
	}
	return m
}
