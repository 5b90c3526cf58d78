package mailbox

import (
	"errors"
	"fmt"
	"strings"
)

// Errors of reading an officer's command. [ReadCommand] wraps them in a
// *[CommandError], whose Reason and ReasonTH the reply to the officer quotes;
// test with errors.Is.
var (
	// ErrNoCommand: nothing was written above the quoted text.
	ErrNoCommand = errors.New("no command above the quoted text")
	// ErrUnknownCommand: the first line is not a command word.
	ErrUnknownCommand = errors.New("unknown command")
	// ErrCommandArgument: the command lacks an argument it needs (a round,
	// a date, a reason, a result), or one cannot be read.
	ErrCommandArgument = errors.New("bad command argument")
)

// CommandError says why a reply could not be read as a command, in English
// and in Thai, in words the officer can act on: the line that was read, the
// argument that is missing and the form that would be right.
type CommandError struct {
	// Err is ErrNoCommand, ErrUnknownCommand or ErrCommandArgument.
	Err error
	// Line is the line read as the command, as written; empty for
	// ErrNoCommand.
	Line string
	// Word is the canonical word of the command whose argument is wrong;
	// empty unless Err is ErrCommandArgument.
	Word string
	// Argument names the argument: "round", "date", "period", "text" or
	// "outcome"; empty unless Err is ErrCommandArgument.
	Argument string
	// Reason and ReasonTH say what is wrong and what to write instead.
	Reason, ReasonTH string
}

// Error returns "mailbox: reading command: " and the English reason.
func (e *CommandError) Error() string { return "mailbox: reading command: " + e.Reason }

// Unwrap returns the sentinel the error wraps.
func (e *CommandError) Unwrap() error { return e.Err }

func noCommand() *CommandError {
	return &CommandError{Err: ErrNoCommand,
		Reason: "the reply has nothing above the quoted text: write the command on " +
			"the first line (for example HELP)",
		ReasonTH: "ไม่พบคำสั่งเหนือข้อความที่อ้างถึง กรุณาพิมพ์คำสั่งในบรรทัดแรก " +
			"(เช่น ช่วยเหลือ)"}
}

func unknownCommand(line string) *CommandError {
	line = strings.TrimSpace(line)
	shown := shorten(line, 60)
	e := &CommandError{Err: ErrUnknownCommand, Line: line,
		Reason: fmt.Sprintf("%q is not a command; reply HELP for the commands you can "+
			"give, written on the first line", shown),
		ReasonTH: fmt.Sprintf("ไม่รู้จักคำสั่ง %q กรุณาตอบกลับด้วยคำว่า ช่วยเหลือ (HELP) "+
			"ในบรรทัดแรก เพื่อดูคำสั่งที่ใช้ได้", shown)}
	if s, lang := suggest(line); s != nil {
		syntax := s.syntax
		if lang == "th" {
			syntax = s.syntaxTH
		}
		e.Reason += fmt.Sprintf(" (did you mean %s?)", syntax)
		e.ReasonTH += fmt.Sprintf(" (หรือหมายถึง %s)", syntax)
	}
	return e
}

// argumentError says that a command lacks an argument, and how to write it.
func argumentError(s *commandSpec, arg, what, whatTH string) *CommandError {
	e := &CommandError{Err: ErrCommandArgument, Word: s.word, Argument: arg,
		Reason: fmt.Sprintf("%s needs %s; write: %s", s.word, what, s.syntax),
		ReasonTH: fmt.Sprintf("คำสั่ง %s ต้องระบุ%s โดยเขียนว่า %s", s.thai, whatTH,
			s.syntaxTH)}
	if s.example != "" {
		e.Reason += " (for example: " + s.example + ")"
		e.ReasonTH += " (ตัวอย่าง: " + s.exampleTH + ")"
	}
	return e
}

// dateError says that a command's date cannot be read.
func dateError(s *commandSpec, arg string, p *dateProblem) *CommandError {
	return &CommandError{Err: ErrCommandArgument, Word: s.word, Argument: arg,
		Reason: fmt.Sprintf("%s: %s; write: %s, with a date such as 2026-06-30, "+
			"30/06/2569 or 30 June 2026", s.word, p.en, s.syntax),
		ReasonTH: fmt.Sprintf("คำสั่ง %s: %s โดยเขียนว่า %s และระบุวันที่ เช่น "+
			"30 มิ.ย. 2569 หรือ 30/06/2569", s.thai, p.th, s.syntaxTH)}
}

// shorten cuts s to at most n runes, marking the cut with an ellipsis.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}
