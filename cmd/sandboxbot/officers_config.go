package main

import (
	"strings"
)

// OfficerConfig is one [[officers]] entry.
type OfficerConfig struct {
	Address string   `toml:"address" help:"The officer's e-mail address."`
	Name    string   `toml:"name" help:"The officer's name, as in letters."`
	Roles   []string `toml:"roles" help:"The officer's roles: screener, reviewer, approver, manager."`
}

// officers is the configured roster as the composer sees it.
type officers []OfficerConfig

func officerDirectory(cfg *Config) officers { return officers(cfg.Officers) }

// OnDuty returns every officer's address.
func (o officers) OnDuty() []string {
	var out []string
	for _, x := range o {
		out = append(out, x.Address)
	}
	return out
}

// IsOfficer reports whether addr is an officer's.
func (o officers) IsOfficer(addr string) bool {
	for _, x := range o {
		if strings.EqualFold(x.Address, addr) {
			return true
		}
	}
	return false
}
