package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"sandboxbot/cases"
	"sandboxbot/forms"
)

func formsCommand() *command {
	var format, output string
	var asJSON bool
	return &command{name: "forms", summary: "The applicants' forms, as fillable PDF and xlsx.",
		subs: []*command{{
			name: "blank",
			args: "KIND",
			summary: "Writes a blank form of a kind (" + strings.Join(forms.Kinds(), ", ") +
				") as a fillable PDF or an xlsx workbook.",
			flags: func(fs *flag.FlagSet) {
				fs.StringVar(&format, "format", "pdf", "`pdf` or xlsx")
				fs.StringVar(&output, "o", "", "write to `FILE` (required)")
			},
			run: func(ctx context.Context, e *env, args []string) error {
				if len(args) != 1 {
					return usageError{"forms blank needs one form kind: " +
						strings.Join(forms.Kinds(), ", ")}
				}
				if _, err := forms.Lookup(args[0]); err != nil {
					return usageError{fmt.Sprintf("%q is not a form kind (%s)", args[0],
						strings.Join(forms.Kinds(), ", "))}
				}
				f, err := forms.ParseFormat(format)
				if err != nil {
					return usageError{fmt.Sprintf("--format %q is neither pdf nor xlsx", format)}
				}
				if output == "" {
					return usageError{"-o FILE is required"}
				}
				return writeBlank(ctx, args[0], f, output)
			},
		}, {
			name: "parse",
			args: "FILE",
			summary: "Reads a filled form (PDF or xlsx) and prints the record, exiting 0, or " +
				"every problem with it, exiting 1.",
			flags: func(fs *flag.FlagSet) {
				fs.BoolVar(&asJSON, "json", false, "print the record as JSON")
			},
			run: func(ctx context.Context, e *env, args []string) error {
				if len(args) != 1 {
					return usageError{"forms parse needs one file"}
				}
				return parseForm(ctx, e, args[0], asJSON)
			},
		}}}
}

func writeBlank(ctx context.Context, kind string, f forms.Format, path string) error {
	return writeFileAtomically(path, func(out *os.File) error {
		return forms.WriteBlankWith(ctx, out, kind, f, blankOptions)
	})
}

func parseForm(ctx context.Context, e *env, path string, asJSON bool) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	rec, err := forms.Parse(ctx, filepath.Base(path), data, forms.ParseOptions{
		Standalone: true, Received: cases.DateOf(e.global.clock().Now())})
	var problems forms.Problems
	switch {
	case errors.As(err, &problems):
		return exitError{1, strings.TrimRight(problems.Text(), "\n")}
	case err != nil:
		return exitError{1, fmt.Sprintf("sandboxbot: %s: %v", path, err)}
	case asJSON:
		return writeJSON(e.stdout, rec)
	}
	fmt.Fprint(e.stdout, rec.Summary())
	return nil
}
