package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"sandboxbot/cases"
)

func casesCommand() *command {
	var asJSON bool
	jsonFlag := func(fs *flag.FlagSet) {
		fs.BoolVar(&asJSON, "json", false, "print JSON instead of text")
	}
	return &command{name: "cases", summary: "The cases: where each stands and what is due.",
		subs: []*command{{
			name:    "list",
			summary: "Lists every case: stage, organisation and the next deadline.",
			flags:   jsonFlag,
			run: func(ctx context.Context, e *env, args []string) error {
				return listCases(ctx, e, asJSON)
			},
		}, {
			name: "show",
			args: "REF",
			summary: "Shows one case: its stage, open windows with due dates and days " +
				"left, and its history.",
			flags: jsonFlag,
			run: func(ctx context.Context, e *env, args []string) error {
				if len(args) != 1 {
					return usageError{"cases show needs one case reference, like DSS-2569-0001"}
				}
				ref, err := cases.ParseRef(args[0])
				if err != nil {
					return usageError{fmt.Sprintf("%q is not a case reference like DSS-2569-0001",
						args[0])}
				}
				return showCase(ctx, e, ref, asJSON)
			},
		}}}
}

// windowView is a window as the command line shows it.
type windowView struct {
	Kind     cases.WindowKind `json:"kind"`
	Title    string           `json:"title"`
	Party    cases.Party      `json:"party"`
	Start    string           `json:"start,omitempty"`
	Due      string           `json:"due,omitempty"`
	DaysLeft *int             `json:"days_left,omitempty"`
	Pending  bool             `json:"pending,omitempty"`
	Days     int              `json:"days,omitempty"`
}

func viewWindow(w cases.Window, today cases.Date) windowView {
	_, en := w.Kind.Title()
	v := windowView{Kind: w.Kind, Title: en, Party: w.Party, Pending: w.Pending}
	if w.Pending {
		v.Days = w.Days
		return v
	}
	left := w.DaysLeft(today)
	v.Start, v.Due, v.DaysLeft = w.Start.String(), w.Due.String(), &left
	return v
}

// caseView is a case as the command line shows it.
type caseView struct {
	Ref        string       `json:"ref"`
	Stage      cases.Stage  `json:"stage"`
	Paused     bool         `json:"paused,omitempty"`
	Outcome    string       `json:"outcome,omitempty"`
	Org        string       `json:"organisation"`
	Solution   string       `json:"solution"`
	Category   string       `json:"category"`
	Contact    string       `json:"contact"`
	Round      int          `json:"round,omitempty"`
	StageSince time.Time    `json:"stage_since"`
	Windows    []windowView `json:"windows"`
	History    []entryView  `json:"history,omitempty"`
}

type entryView struct {
	Seq    int64           `json:"seq"`
	At     time.Time       `json:"at"`
	Actor  cases.Actor     `json:"actor"`
	By     string          `json:"by,omitempty"`
	Kind   string          `json:"kind"`
	Detail json.RawMessage `json:"detail"`
}

func viewCase(c *cases.Case, today cases.Date) caseView {
	v := caseView{Ref: c.Ref.String(), Stage: c.Stage, Paused: c.Paused,
		Outcome: string(c.Outcome), Org: c.Applicant.OrgName, Solution: c.Applicant.Solution,
		Category: c.Applicant.Category, Contact: c.Applicant.ContactEmail, Round: c.Round,
		StageSince: c.StageSince, Windows: []windowView{}}
	for _, w := range c.Windows {
		v.Windows = append(v.Windows, viewWindow(w, today))
	}
	return v
}

func listCases(ctx context.Context, e *env, asJSON bool) error {
	s, _, err := e.global.openStore(ctx, quietLogger(e), storeUse{inspect: true})
	if err != nil {
		return err
	}
	defer s.Close()
	list, err := s.Cases(ctx)
	if err != nil {
		return err
	}
	today := cases.DateOf(s.Clock().Now())
	views := []caseView{}
	for _, c := range list {
		views = append(views, viewCase(c, today))
	}
	if asJSON {
		return writeJSON(e.stdout, views)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "REF\tSTAGE\tORGANISATION\tNEXT DEADLINE")
	for i, c := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", views[i].Ref, stageText(views[i]),
			clip(c.Applicant.OrgName, 40), nextDeadline(c, today))
	}
	return tw.Flush()
}

func stageText(v caseView) string {
	s := string(v.Stage)
	if v.Paused {
		s += " (paused)"
	}
	if v.Outcome != "" {
		s += " (" + v.Outcome + ")"
	}
	return s
}

func nextDeadline(c *cases.Case, today cases.Date) string {
	w, ok := c.NextDue()
	if !ok {
		return "-"
	}
	return fmt.Sprintf("%s %s (%s)", w.Kind, w.Due, daysLeft(w.DaysLeft(today)))
}

func daysLeft(n int) string {
	switch {
	case n < 0:
		return fmt.Sprintf("%d days overdue", -n)
	case n == 0:
		return "last day today"
	case n == 1:
		return "1 day left"
	}
	return fmt.Sprintf("%d days left", n)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func showCase(ctx context.Context, e *env, ref cases.Ref, asJSON bool) error {
	s, _, err := e.global.openStore(ctx, quietLogger(e), storeUse{inspect: true})
	if err != nil {
		return err
	}
	defer s.Close()
	c, err := s.Case(ctx, ref)
	if err != nil {
		return exitError{1, fmt.Sprintf("sandboxbot: no case %s", ref)}
	}
	hist, err := s.History(ctx, ref)
	if err != nil {
		return err
	}
	v := viewCase(c, cases.DateOf(s.Clock().Now()))
	for _, h := range hist {
		v.History = append(v.History, entryView{Seq: h.Seq, At: h.At, Actor: h.Actor, By: h.By,
			Kind: h.Kind, Detail: h.Detail})
	}
	if asJSON {
		return writeJSON(e.stdout, v)
	}
	printCase(e.stdout, v)
	return nil
}

func printCase(w io.Writer, v caseView) {
	fmt.Fprintf(w, "%s  %s\n", v.Ref, v.Org)
	fmt.Fprintf(w, "solution:  %s (%s)\n", v.Solution, v.Category)
	fmt.Fprintf(w, "contact:   %s\n", v.Contact)
	fmt.Fprintf(w, "stage:     %s since %s\n", stageText(v),
		v.StageSince.Format("2006-01-02 15:04"))
	if v.Round != 0 {
		fmt.Fprintf(w, "round:     %d\n", v.Round)
	}
	fmt.Fprintln(w, "\nopen windows:")
	if len(v.Windows) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, x := range v.Windows {
		if x.Pending {
			fmt.Fprintf(w, "  %-16s %s: %d days from delivery of the notice (not yet "+
				"delivered)\n", x.Kind, x.Title, x.Days)
			continue
		}
		fmt.Fprintf(w, "  %-16s %s: due %s (%s), %s's deadline\n", x.Kind, x.Title, x.Due,
			daysLeft(*x.DaysLeft), x.Party)
	}
	fmt.Fprintln(w, "\nhistory:")
	for _, h := range v.History {
		by := string(h.Actor)
		if h.By != "" {
			by += " " + h.By
		}
		fmt.Fprintf(w, "  %4d  %s  %-20s %s  %s\n", h.Seq, h.At.Format("2006-01-02 15:04"),
			h.Kind, by, strings.TrimSpace(string(h.Detail)))
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
