package mailbox

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"sandboxbot/cases"
)

// FuzzReadCommand: ReadCommand never panics; a command it reads has every
// argument its word needs, and an error is a *CommandError with a reason
// in both languages.
func FuzzReadCommand(f *testing.F) {
	for _, raw := range sampleReplies(f) {
		plain, html := replyParts(f, raw)
		f.Add(plain)
		f.Add(HTMLText(html))
	}
	for _, s := range commandTable {
		f.Add(s.example)
		f.Add(s.exampleTH)
	}
	f.Add("Dear team,\nFIX BY วันอังคารที่ ๓๐ มิ.ย. พ.ศ. ๒๕๖๙ x\n-- \nS")
	f.Add("MORE INFO a, BY 15 June 2026.\n\nOn Mon, Bot <b@x>\nwrote:\n> q")
	f.Fuzz(func(t *testing.T, text string) {
		c, err := ReadCommand(text)
		if err != nil {
			var ce *CommandError
			if !errors.As(err, &ce) || ce.Reason == "" || ce.ReasonTH == "" {
				t.Fatalf("ReadCommand(%q): %v (%T)", text, err, err)
			}
			if !errors.Is(err, ErrNoCommand) && !errors.Is(err, ErrUnknownCommand) &&
				!errors.Is(err, ErrCommandArgument) {
				t.Fatalf("ReadCommand(%q): %v wraps no sentinel", text, err)
			}
			return
		}
		checkRead(t, text, c)
	})
}

func checkRead(t *testing.T, text string, c Command) {
	s, ok := specByWord[c.Word]
	if !ok || s.kind != c.Kind || s.query != c.Query || (c.Kind == "") == (c.Query == "") {
		t.Fatalf("ReadCommand(%q) = %+v: not a command of the table", text, c)
	}
	switch {
	case s.args&argRound != 0 && c.Round < 1,
		s.args&argDate != 0 && c.Date.IsZero(),
		s.args&argText != 0 && c.Text == "",
		s.args&argOutcome != 0 && c.Outcome != cases.Success &&
			c.Outcome != cases.PartialSuccess,
		c.Start.IsZero() != c.End.IsZero(),
		!c.Start.IsZero() && !c.End.After(c.Start):
		t.Fatalf("ReadCommand(%q) = %+v: an argument is missing or wrong", text, c)
	}
	if strings.TrimSpace(c.Text) != c.Text || strings.Contains(c.Text, "\r") ||
		!utf8.ValidString(c.Text) {
		t.Fatalf("ReadCommand(%q): text %q is not trimmed, clean UTF-8", text, c.Text)
	}
	for _, d := range []cases.Date{c.Date, c.Start, c.End} {
		if !d.IsZero() && d != cases.NewDate(d.Year, d.Month, d.Day) {
			t.Fatalf("ReadCommand(%q): %v is not a day", text, d)
		}
	}
}
