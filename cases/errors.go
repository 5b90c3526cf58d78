package cases

import (
	"errors"
	"fmt"
)

// Errors callers branch on. A refused event wraps one of the first four in
// a *RefusedError; nothing is written when an event is refused.
var (
	// ErrNotAllowed: the event is not valid in the case's stage, or not
	// for this actor.
	ErrNotAllowed = errors.New("not allowed")
	// ErrInvalid: a field the event needs is missing or wrong.
	ErrInvalid = errors.New("invalid")
	// ErrLate: a request arrived after its window closed.
	ErrLate = errors.New("too late")
	// ErrRoundFull: the testing round has no place left.
	ErrRoundFull = errors.New("round full")

	// ErrTokenUsed: the reply token was used by an earlier command.
	ErrTokenUsed = errors.New("token already used")
	// ErrNotFound: no case has the reference.
	ErrNotFound = errors.New("cases: no such case")
	// ErrDuplicate: the inbound message was recorded before; it must not be
	// processed again.
	ErrDuplicate = errors.New("cases: message already recorded")
)

// RefusedError says why an event was refused, in English and in Thai, so
// that the reply to whoever caused it can say exactly why.
type RefusedError struct {
	Case   Ref
	Stage  Stage
	Event  EventKind
	Err    error // ErrNotAllowed, ErrInvalid, ErrLate, ErrRoundFull or ErrTokenUsed
	Reason string
	// ReasonTH is the reason in Thai, for replies to applicants; it may be
	// empty when only officers can cause the event.
	ReasonTH string
}

func (e *RefusedError) Error() string {
	ref := e.Case.String()
	if ref == "" {
		ref = "new case"
	}
	return fmt.Sprintf("cases: %s: %s refused in stage %s: %s", ref, e.Event, e.Stage, e.Reason)
}

// Unwrap returns the sentinel the refusal wraps.
func (e *RefusedError) Unwrap() error { return e.Err }

// bilingual is a reason's format in English and in Thai; the Thai may be
// empty where only officers read it.
type bilingual struct{ en, th string }

func both(en, th string) bilingual { return bilingual{en, th} }
func enOnly(en string) bilingual   { return bilingual{en: en} }

// refuse builds the refusal of event e of case c; both formats take args.
func refuse(c *Case, e *Event, err error, why bilingual, args ...any) *RefusedError {
	r := &RefusedError{Case: c.Ref, Stage: c.Stage, Event: e.Kind, Err: err,
		Reason: fmt.Sprintf(why.en, args...)}
	if why.th != "" {
		r.ReasonTH = fmt.Sprintf(why.th, args...)
	}
	return r
}
