package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"sandboxbot/cases"
	"sandboxbot/notices"
)

func letterCommand() *command {
	var lang, output string
	return &command{name: "letter", summary: "The agency's letters and notices.",
		subs: []*command{{
			name:    "kinds",
			summary: "Lists every kind of notice, and whether it is a letter (PDF) or a mail.",
			run: func(ctx context.Context, e *env, args []string) error {
				for _, k := range notices.Kinds() {
					what := "mail"
					if notices.IsLetter(k) {
						what = "letter"
					}
					fmt.Fprintf(e.stdout, "%-26s %s\n", k, what)
				}
				return nil
			},
		}, {
			name: "sample",
			args: "KIND",
			summary: "Renders a kind with example data, with the agency and wording of the " +
				"configuration: the letter as a PDF (and the agreement beside it for an " +
				"approval), or the mail's subject and body.",
			flags: func(fs *flag.FlagSet) {
				fs.StringVar(&lang, "lang", "th", "language of the sample: `th` or en")
				fs.StringVar(&output, "o", "", "write the PDF to `FILE.pdf`")
			},
			run: func(ctx context.Context, e *env, args []string) error {
				if len(args) != 1 {
					return usageError{"letter sample needs one kind (see 'sandboxbot letter kinds')"}
				}
				if lang != "th" && lang != "en" {
					return usageError{fmt.Sprintf("--lang %q is neither th nor en", lang)}
				}
				return sampleLetter(ctx, e, cases.NoticeKind(args[0]), lang, output)
			},
		}, {
			name:    "check",
			summary: "Renders every kind with the configured wording, to find a broken template before a case does.",
			run: func(ctx context.Context, e *env, args []string) error {
				cfg, err := loadConfig(e.global.config)
				if err != nil {
					return err
				}
				if err := notices.CheckWording(ctx, cfg.Letters.Templates); err != nil {
					return err
				}
				fmt.Fprintln(e.stdout, "every template renders")
				return nil
			},
		}, {
			name: "templates",
			args: "DIR",
			summary: "Copies the shipped wording into DIR, to edit and name as " +
				"[letters] templates; files already there are kept.",
			run: func(ctx context.Context, e *env, args []string) error {
				if len(args) != 1 {
					return usageError{"letter templates needs a directory"}
				}
				return notices.CopyWording(args[0])
			},
		}}}
}

func sampleLetter(ctx context.Context, e *env, kind cases.NoticeKind, lang,
	output string) error {
	cfg, err := loadConfig(e.global.config)
	if err != nil {
		return err
	}
	r, err := notices.Render(ctx, notices.Sample(kind, lang), cfg.renderOptions())
	if errors.Is(err, notices.ErrUnknownKind) {
		var names []string
		for _, k := range notices.Kinds() {
			names = append(names, string(k))
		}
		return usageError{fmt.Sprintf("%q is not a kind of notice (%s)", kind,
			strings.Join(names, ", "))}
	}
	if err != nil {
		return err
	}
	if len(r.Attachments) == 0 {
		fmt.Fprintf(e.stdout, "Subject: %s\n\n%s", r.Subject, r.Body)
		return nil
	}
	if output == "" {
		return usageError{fmt.Sprintf("%s is a letter: give -o FILE.pdf", kind)}
	}
	if err := writeFileData(output, r.Attachments[0].Data); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", output)
	for _, a := range r.Attachments[1:] {
		name := strings.TrimSuffix(output, ".pdf") + "-" + attachmentSuffix(a.Name)
		if err := writeFileData(name, a.Data); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "wrote %s\n", name)
	}
	return nil
}

// attachmentSuffix is what an attachment's name says after the case
// reference: "agreement.pdf" of "DSS-2569-0007-agreement.pdf".
func attachmentSuffix(name string) string {
	if i := strings.LastIndex(name, "-"); i >= 0 {
		return name[i+1:]
	}
	return name
}
