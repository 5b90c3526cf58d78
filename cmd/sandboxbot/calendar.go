package main

import (
	"context"
	"flag"
	"fmt"

	"sandboxbot/cases"
)

func calendarCommand() *command {
	var from, before, party string
	var days int
	dayFlags := func(fs *flag.FlagSet) {
		fs.IntVar(&days, "days", 0, "length of the period in `N` days")
	}
	return &command{name: "calendar", summary: "The legal calendar: where periods end.",
		subs: []*command{{
			name: "due",
			summary: "Prints the last day (YYYY-MM-DD) of a period of --days days that starts " +
				"with an event on --from: day 1 is the next day; an applicant's last day on " +
				"a weekend or holiday moves to the next working day, the agency's stands.",
			flags: func(fs *flag.FlagSet) {
				dayFlags(fs)
				fs.StringVar(&from, "from", "", "`YYYY-MM-DD`, the day of the event (told)")
				fs.StringVar(&party, "party", "applicant", "whose period: applicant or agency")
			},
			run: func(ctx context.Context, e *env, args []string) error {
				d, p, err := dayAndParty(from, "--from", party, days)
				if err != nil {
					return err
				}
				cal, err := calendar(e)
				if err != nil {
					return err
				}
				fmt.Fprintln(e.stdout, cal.Due(d, days, p))
				return nil
			},
		}, {
			name: "latest",
			summary: "Prints the latest day (YYYY-MM-DD) to act for something due \"at least " +
				"--days days before\" --before, moved earlier to a working day.",
			flags: func(fs *flag.FlagSet) {
				dayFlags(fs)
				fs.StringVar(&before, "before", "", "`YYYY-MM-DD`, the date counted back from")
			},
			run: func(ctx context.Context, e *env, args []string) error {
				d, _, err := dayAndParty(before, "--before", "applicant", days)
				if err != nil {
					return err
				}
				cal, err := calendar(e)
				if err != nil {
					return err
				}
				fmt.Fprintln(e.stdout, cal.LatestBefore(d, days))
				return nil
			},
		}},
	}
}

func dayAndParty(day, flagName, party string, days int) (cases.Date, cases.Party, error) {
	if day == "" {
		return cases.Date{}, "", usageError{flagName + " YYYY-MM-DD is required"}
	}
	d, err := cases.ParseDate(day)
	if err != nil {
		return cases.Date{}, "", usageError{fmt.Sprintf("%s %q is not a date like 2025-05-30",
			flagName, day)}
	}
	if days < 1 {
		return cases.Date{}, "", usageError{"--days N is required, a number of days from 1"}
	}
	p, err := cases.ParseParty(party)
	if err != nil {
		return cases.Date{}, "", usageError{fmt.Sprintf("--party %q is neither applicant "+
			"nor agency", party)}
	}
	return d, p, nil
}

// calendar is the legal calendar with the operator's holiday files.
func calendar(e *env) (*cases.Calendar, error) {
	cfg, err := loadConfig(e.global.config)
	if err != nil {
		return nil, err
	}
	return cases.LoadCalendar(cfg.Calendar.Holidays...)
}
