package cases

import (
	"context"
	"slices"
)

// Round is a testing round the agency opens: when it takes expressions of
// interest, how many participants it takes, and which categories. Round 1
// took interest from 1 to 31 July 2020 for e-Document, e-Meeting and
// Digital ID.
type Round struct {
	Number int
	Opens  Date // first day expressions of interest are taken
	Closes Date // last day they are taken
	// Capacity is how many cases may be approved into the round; 0 is no
	// limit.
	Capacity   int
	Categories []string // e-document, e-meeting, digital-id
}

// Takes reports whether the round takes interest in a category on a day.
func (r Round) Takes(category string, d Date) bool {
	return !d.Before(r.Opens) && !d.After(r.Closes) && slices.Contains(r.Categories, category)
}

// rounds is what the workflow asks the store about rounds, inside the
// transaction that decides.
type rounds interface {
	// round returns round n and how many cases hold a place in it; ok is
	// false when there is no round n.
	round(ctx context.Context, n int) (r Round, used int, ok bool, err error)
	// all returns every round in number order.
	all(ctx context.Context) ([]Round, error)
}
