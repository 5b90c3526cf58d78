package templates

// Licence names one shipped asset and the text of the licence it is under.
type Licence struct {
	// Asset is the path of the asset inside this package, e.g.
	// "fonts/Sarabun-Regular.ttf".
	Asset string
	// Text is the full licence text, as shipped beside the asset.
	Text string
}

// Licences lists the licences of the third-party assets embedded in the
// binary, so that a command can print them. The order is stable.
func Licences() []Licence {
	return []Licence{
		{Asset: "fonts/Sarabun-Regular.ttf", Text: fontLicence},
		{Asset: "fonts/Sarabun-Bold.ttf", Text: fontLicence},
		{Asset: "wordbreak/thai-words.txt", Text: thaiWordsLicence},
	}
}
