package mailbox

import (
	"strings"

	"sandboxbot/cases"
)

// Query names an officer command that asks and changes nothing.
type Query string

// The queries.
const (
	QueryHelp   Query = "help"   // HELP, ช่วยเหลือ: the commands valid now
	QueryStatus Query = "status" // STATUS, สถานะ: the case as it stands
	QueryReport Query = "report" // REPORT, รายงาน: the status workbook
)

// Command is an officer's command read from a reply (FORMS.md, "Officer
// commands"). Exactly one of Kind and Query is set. The arguments are those
// the command takes; the others are zero.
type Command struct {
	// Word is the canonical English word, e.g. "APPROVE ROUND", whichever
	// language or spelling the officer used; see [Commands].
	Word string
	// Kind is the event the command causes; empty for a query.
	Kind cases.EventKind
	// Query is set for HELP, STATUS and REPORT.
	Query Query
	// Lang is the language of the word the officer wrote: "en" or "th".
	// Replies to the officer may follow it.
	Lang string

	// Round is a testing round: APPROVE ROUND, GRANT ROUND CHANGE.
	Round int
	// Date is a day in Bangkok: the fix-by day (FIX BY, PARTIAL SUCCESS),
	// the day information is due (MORE INFO, INCOMPLETE), the new end of
	// testing (GRANT EXTENSION).
	Date cases.Date
	// Start and End are the test period SIGNED gives: both or neither.
	Start, End cases.Date
	// Text is the rest of what the officer wrote above the quote, trimmed,
	// signature dropped: the reason, what is missing, the grounds. Any
	// command may carry it; those that need it fail without it.
	Text string
	// Outcome is the new result of an allowed appeal: cases.Success or
	// cases.PartialSuccess.
	Outcome cases.Outcome
}

// IsQuery reports whether the command only asks (HELP, STATUS, REPORT).
func (c Command) IsQuery() bool { return c.Query != "" }

// Event returns the case event the command causes, with Kind, Round, Date,
// Text and Outcome filled, and Plan for SIGNED with dates. The caller fills
// Case, Actor, By, Token and Source. For a query it returns an Event with
// an empty Kind, which cases refuses.
func (c Command) Event() cases.Event {
	e := cases.Event{Kind: c.Kind, Round: c.Round, Date: c.Date, Text: c.Text,
		Outcome: c.Outcome}
	if !c.Start.IsZero() || !c.End.IsZero() {
		e.Plan = &cases.Plan{Start: c.Start, End: c.End}
	}
	return e
}

// ReadCommand reads an officer's command from the plain-text body of a
// reply, decoded to UTF-8 (for an HTML-only reply, pass [HTMLText]'s
// result).
//
// The command is the first non-empty line above the quoted text (see
// [AboveQuote]); one short greeting line before it ("Dear team,", "เรียน
// เจ้าหน้าที่") is passed over. Words are read in English or Thai, in any
// case, with or without NBSP, zero-width characters, full-width letters,
// Thai digits (๐-๙), surrounding emphasis marks and trailing punctuation;
// English words may be joined by spaces, hyphens or underscores, Thai words
// with or without spaces. The arguments (round, date, result) follow the
// word on the same line or the next; everything after them, down to a
// signature ("-- ", a closing such as "Regards" or "ขอแสดงความนับถือ", a
// "Sent from my iPhone" line), is Text.
//
// Errors are *CommandError wrapping ErrNoCommand, ErrUnknownCommand or
// ErrCommandArgument; their Reason and ReasonTH tell the officer what to
// write.
func ReadCommand(text string) (Command, error) {
	lines := commandLines(text)
	first := firstLine(lines)
	if first < 0 {
		return Command{}, noCommand()
	}
	spec, lang, n := matchCommand(lines[first])
	if spec == nil && isGreeting(lines[first]) {
		if next := firstLine(lines[first+1:]); next >= 0 {
			if s, l, m := matchCommand(lines[first+1+next]); s != nil {
				first, spec, lang, n = first+1+next, s, l, m
			}
		}
	}
	if spec == nil {
		return Command{}, unknownCommand(lines[first])
	}

	// The arguments and the text: the rest of the line, then the lines
	// below it, down to the signature.
	body := lines[first+1:]
	body = body[:signatureStart(body)]
	rest := lines[first][n:]
	if len(body) > 0 {
		rest += "\n" + strings.Join(body, "\n")
	}
	c := Command{Word: spec.word, Kind: spec.kind, Query: spec.query, Lang: lang}
	if err := readArgs(spec, &c, rest); err != nil {
		err.Line = strings.TrimSpace(lines[first])
		return Command{}, err
	}
	return c, nil
}

// commandLines returns the lines above the quote, cleaned for reading.
func commandLines(text string) []string {
	lines := strings.Split(cleanText(text), "\n")
	return trimSeparators(lines[:quoteStart(lines)])
}

// firstLine returns the index of the first line with text, or -1.
func firstLine(lines []string) int {
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			return i
		}
	}
	return -1
}
