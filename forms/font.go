package forms

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/font"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// The TLWG Loma font (GPL-2+ with the font exception, see
// font/COPYRIGHT.tlwg) draws Thai and Latin. Embedding it in a generated form
// is what the font exception allows. It belongs with the other fonts in
// package templates; it lives here until forms and notices share one.
var (
	//go:embed font/Loma.ttf
	lomaRegular []byte
	//go:embed font/Loma-Bold.ttf
	lomaBold []byte
)

// Font names as pdfcpu knows them once installed.
const (
	fontRegular = "Loma"
	fontBold    = "Loma-Bold"
)

var (
	fontOnce sync.Once
	fontErr  error
)

// ensureFonts installs the embedded fonts into pdfcpu's user font directory
// once per process. pdfcpu keeps its fonts in a process-wide directory (by
// default under the user's configuration directory, ~/.config/pdfcpu/fonts);
// when pdfcpu's configuration directory is disabled, a directory under the
// system temporary directory is used. Fonts already installed are kept.
func ensureFonts() error {
	fontOnce.Do(func() { fontErr = installFonts() })
	return fontErr
}

func installFonts() error {
	model.NewDefaultConfiguration() // makes pdfcpu set up its font directory
	if font.UserFontDir == "" {
		font.UserFontDir = filepath.Join(os.TempDir(), "sandboxbot-pdfcpu-fonts")
	}
	if err := os.MkdirAll(font.UserFontDir, 0o755); err != nil {
		return fmt.Errorf("forms: installing fonts: %w", err)
	}
	for name, ttf := range map[string][]byte{fontRegular: lomaRegular, fontBold: lomaBold} {
		gob := filepath.Join(font.UserFontDir, name+".gob")
		if _, err := os.Stat(gob); err == nil {
			continue
		}
		if err := font.InstallFontFromBytesQuiet(font.UserFontDir, name, ttf); err != nil {
			return fmt.Errorf("forms: installing font %s: %w", name, err)
		}
	}
	if err := font.ReloadUserFonts(); err != nil {
		return fmt.Errorf("forms: loading fonts: %w", err)
	}
	return nil
}
