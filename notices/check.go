package notices

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"sandboxbot/cases"
	"sandboxbot/templates"
)

// CheckWording parses every wording file, dir's overrides over the
// shipped ones, and runs every block on the sample notice (Sample) of
// every kind in Thai and in English, as Render would, without rendering
// PDFs: what an operator runs after editing a template. It returns nil, or
// every problem found joined with errors.Join, each naming its file and
// wrapping ErrTemplate.
func CheckWording(ctx context.Context, dir string) error {
	var errs []error
	opt := RenderOptions{TemplateDir: dir}
	opt.Agency = opt.Agency.withDefaults()
	for _, k := range kinds {
		for _, lang := range []Lang{Thai, English} {
			if err := ctx.Err(); err != nil {
				return err
			}
			n := Sample(k, string(lang))
			if _, err := mailText(n, opt); err != nil {
				errs = append(errs, err)
				continue
			}
			if !sendsLetter(n) {
				continue
			}
			if _, err := buildLetter(n, lang, opt); err != nil {
				errs = append(errs, err)
			}
			if k == cases.NoticeApproval {
				if _, _, err := buildAgreement(n, lang, opt); err != nil {
					errs = append(errs, err)
				}
			}
		}
	}
	return errors.Join(errs...)
}

// CopyWording writes the shipped wording files into dir, creating it, so
// that an operator can edit them there; files dir already has are left as
// they are. Point RenderOptions.TemplateDir at dir to use them.
func CopyWording(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return errorf("copying the wording: %w", err)
	}
	shipped := templates.Notices()
	return fs.WalkDir(shipped, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		path := filepath.Join(dir, name)
		if _, err := os.Stat(path); err == nil {
			return nil
		}
		b, err := fs.ReadFile(shipped, name)
		if err != nil {
			return errorf("copying the wording: %w", err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return errorf("copying the wording: %w", err)
		}
		return nil
	})
}
