package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sandboxbot/cases"
	"sandboxbot/notices"
)

func reportCommand() *command {
	var output, from, to string
	return &command{name: "report",
		summary: "Writes the status workbook for management (xlsx): a summary with the " +
			"agency's decisions against its 30 days, every case, the deadlines of the next " +
			"30 days, what is overdue, testing against its KPIs, the announcement, and the " +
			"audit entries of a period, by default the 7 days to now (--now for another " +
			"time). The store is only read.",
		flags: func(fs *flag.FlagSet) {
			fs.StringVar(&output, "o", "", "write the workbook to `FILE.xlsx`")
			fs.StringVar(&from, "from", "", "first `DATE` of the period (YYYY-MM-DD, "+
				"Bangkok); default 7 days before the period's end")
			fs.StringVar(&to, "to", "", "last `DATE` of the period, included "+
				"(YYYY-MM-DD); default now")
		},
		run: func(ctx context.Context, e *env, args []string) error {
			if output == "" {
				return usageError{"report needs -o FILE.xlsx"}
			}
			if !strings.EqualFold(filepath.Ext(output), ".xlsx") {
				return usageError{fmt.Sprintf("-o %q: the workbook is written as .xlsx", output)}
			}
			return writeReport(ctx, e, output, from, to)
		}}
}

// reportPeriod turns --from and --to into the period [from, to) as of now:
// whole days in Bangkok, --to included.
func reportPeriod(now time.Time, from, to string) (time.Time, time.Time, error) {
	end := now
	if to != "" {
		d, err := cases.ParseDate(to)
		if err != nil {
			return time.Time{}, time.Time{}, usageError{fmt.Sprintf("--to %q is not a date "+
				"like 2026-03-31", to)}
		}
		end = d.End()
	}
	start := end.AddDate(0, 0, -7)
	if from != "" {
		d, err := cases.ParseDate(from)
		if err != nil {
			return time.Time{}, time.Time{}, usageError{fmt.Sprintf("--from %q is not a "+
				"date like 2026-03-01", from)}
		}
		start = d.Start()
	}
	if !start.Before(end) {
		return time.Time{}, time.Time{}, usageError{fmt.Sprintf("the period from %s to %s "+
			"is empty", start.Format(time.DateOnly), end.Add(-time.Nanosecond).Format(
			time.DateOnly))}
	}
	return start, end, nil
}

func writeReport(ctx context.Context, e *env, output, from, to string) error {
	s, _, err := e.global.openStore(ctx, quietLogger(e), storeUse{inspect: true})
	if err != nil {
		return err
	}
	defer s.Close()
	now := s.Clock().Now()
	start, end, err := reportPeriod(now, from, to)
	if err != nil {
		return err
	}
	opt := notices.WorkbookOptions{At: now, From: start, To: end}
	err = writeFileAtomically(output, func(f *os.File) error {
		return notices.WriteWorkbook(ctx, f, s, opt)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: the status as of %s, the audit from %s to %s\n", output,
		now.In(cases.Bangkok).Format("2006-01-02 15:04"),
		start.In(cases.Bangkok).Format("2006-01-02 15:04"),
		end.In(cases.Bangkok).Format("2006-01-02 15:04"))
	return nil
}
