package templates

import (
	_ "embed"
)

// FontStyle selects one face of the letter font family.
type FontStyle int

// The faces of Sarabun that sandboxbot ships. The zero value is Regular.
const (
	Regular FontStyle = iota
	Bold
)

// String returns the style's name as used in PostScript font names.
func (s FontStyle) String() string {
	if s == Bold {
		return "Bold"
	}
	return "Regular"
}

var (
	//go:embed fonts/Sarabun-Regular.ttf
	sarabunRegular []byte
	//go:embed fonts/Sarabun-Bold.ttf
	sarabunBold []byte
	//go:embed fonts/LICENSE_FONT
	fontLicence string
)

// Sarabun returns the TrueType file of Sarabun in the given style, from the
// npm package @expo-google-fonts/sarabun 0.4.1 (Sarabun_400Regular.ttf and
// Sarabun_700Bold.ttf). Any style other than Bold returns Regular. The
// returned slice is shared: callers must not modify it.
func Sarabun(style FontStyle) []byte {
	if style == Bold {
		return sarabunBold
	}
	return sarabunRegular
}
