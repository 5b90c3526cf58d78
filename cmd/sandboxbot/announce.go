package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"sandboxbot/notices"
)

func announceCommand() *command {
	var output string
	return &command{name: "announce",
		summary: "Writes the public announcement of participants (number, organisation, " +
			"solution, date approved, testing status) as of now (--now for another time): " +
			"the extension of -o picks the format, .pdf (A4, Thai), .html or .xlsx. The " +
			"store is only read.",
		flags: func(fs *flag.FlagSet) {
			fs.StringVar(&output, "o", "", "write the announcement to `FILE.pdf`, "+
				"FILE.html or FILE.xlsx")
		},
		run: func(ctx context.Context, e *env, args []string) error {
			if output == "" {
				return usageError{"announce needs -o FILE, ending in .pdf, .html or .xlsx"}
			}
			format, err := notices.FormatOf(output)
			if errors.Is(err, notices.ErrFormat) {
				return usageError{fmt.Sprintf("-o %q: the extension picks the format; "+
					"use .pdf, .html or .xlsx", output)}
			}
			if err != nil {
				return err
			}
			return writeAnnouncement(ctx, e, output, format)
		}}
}

func writeAnnouncement(ctx context.Context, e *env, output string,
	format notices.AnnouncementFormat) error {
	s, cfg, err := e.global.openStore(ctx, quietLogger(e), storeUse{inspect: true})
	if err != nil {
		return err
	}
	defer s.Close()
	ro := cfg.renderOptions()
	opt := notices.AnnouncementOptions{At: s.Clock().Now(), Agency: ro.Agency,
		Fonts: ro.Fonts, Dictionary: ro.Dictionary, ThaiDigits: ro.ThaiDigits}
	err = writeFileAtomically(output, func(f *os.File) error {
		return notices.WriteAnnouncement(ctx, f, s, format, opt)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", output)
	return nil
}
