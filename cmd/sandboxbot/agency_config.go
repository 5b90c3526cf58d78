package main

import (
	"sandboxbot/notices"
)

// AgencyConfig is the [agency] section: who signs the letters and how to
// reach the responsible unit. Empty fields take the shipped defaults (the
// agency's name and address).
type AgencyConfig struct {
	NameTH     string   `toml:"name_th" help:"The agency's full name in Thai."`
	NameEN     string   `toml:"name_en" help:"The agency's full name in English."`
	AddressTH  []string `toml:"address_th" help:"Postal address in Thai, one line each."`
	AddressEN  []string `toml:"address_en" help:"Postal address in English, one line each."`
	SignerTH   string   `toml:"signer_th" help:"The signatory's name with title in Thai."`
	SignerEN   string   `toml:"signer_en" help:"The signatory's name with title in English."`
	PositionTH []string `toml:"position_th" help:"The signatory's position in Thai, one line each."`
	PositionEN []string `toml:"position_en" help:"The signatory's position in English, one line each."`
	UnitTH     string   `toml:"unit_th" help:"The responsible unit in Thai (ส่วนราชการเจ้าของเรื่อง)."`
	UnitEN     string   `toml:"unit_en" help:"The responsible unit in English."`
	Phone      string   `toml:"phone" help:"The unit's phone line on letters."`
	Email      string   `toml:"email" help:"The unit's e-mail line on letters."`
	Emblem     string   `toml:"emblem" help:"PNG or JPEG of the agency's emblem, set at the top of letters."`
}

// LettersConfig is the [letters] section.
type LettersConfig struct {
	ThaiDigits bool   `toml:"thai_digits" help:"Write dates and numbers in Thai letters with Thai digits (๑๒๓)."`
	Templates  string `toml:"templates" help:"Directory of your own wording: files named as in templates/notices override the shipped ones ('sandboxbot letter templates DIR' copies them)."`
}

// renderOptions turns the configuration into the options of notices.Render.
func (c *Config) renderOptions() notices.RenderOptions {
	a := c.Agency
	return notices.RenderOptions{
		Agency: notices.Agency{NameTH: a.NameTH, NameEN: a.NameEN, AddressTH: a.AddressTH,
			AddressEN: a.AddressEN, SignerTH: a.SignerTH, SignerEN: a.SignerEN,
			PositionTH: a.PositionTH, PositionEN: a.PositionEN, UnitTH: a.UnitTH,
			UnitEN: a.UnitEN, Phone: a.Phone, Email: a.Email, EmblemPath: a.Emblem},
		TemplateDir:     c.Letters.Templates,
		ThaiDigits:      c.Letters.ThaiDigits,
		ReportGraceDays: c.Policy.policy().ReportGraceDays,
	}
}

// defaultAgency is the shipped agency, shown in the sample configuration.
func defaultAgency() AgencyConfig {
	d := notices.DefaultAgency
	return AgencyConfig{NameTH: d.NameTH, NameEN: d.NameEN, AddressTH: d.AddressTH,
		AddressEN: d.AddressEN, PositionTH: d.PositionTH, PositionEN: d.PositionEN,
		UnitTH: d.UnitTH, UnitEN: d.UnitEN}
}
