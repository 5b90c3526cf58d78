package main

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	"sandboxbot/cases"
	"sandboxbot/mailbox"
)

// OfficerConfig is one [[officers]] entry.
type OfficerConfig struct {
	Address string   `toml:"address" help:"The officer's e-mail address."`
	Name    string   `toml:"name" help:"The officer's name."`
	Roles   []string `toml:"roles" help:"The officer's roles: screener, reviewer, approver, manager, or roles of your own under [[roles]]."`
}

// RoleConfig is one [[roles]] entry: a role of the agency's own, or a
// default role (screener, reviewer, approver, manager) redefined.
type RoleConfig struct {
	Name     string   `toml:"name" help:"The role's name."`
	Commands []string `toml:"commands" help:"The commands the role may give, by their English or Thai word (APPROVE ROUND, อนุมัติ), or * for all."`
}

// roster builds the officers' roster of the configuration.
func (c *Config) roster() *mailbox.Roster {
	var officers []mailbox.Officer
	for _, o := range c.Officers {
		officers = append(officers, mailbox.Officer{Address: o.Address, Name: o.Name,
			Roles: o.Roles})
	}
	roles := map[string][]string{}
	for _, r := range c.Roles {
		roles[r.Name] = r.Commands
	}
	return mailbox.NewRoster(officers, roles)
}

// senderPolicy is what proves an officer's command, with the TXT records
// of the configured file consulted before DNS.
func (c *Config) senderPolicy() (mailbox.SenderPolicy, error) {
	p := mailbox.SenderPolicy{AuthServID: c.Mail.AuthServID,
		AllowUnauthenticated: c.Mail.AllowUnauthenticated}
	if c.Mail.TXTRecords == "" {
		return p, nil
	}
	records, err := readTXTRecords(c.Mail.TXTRecords)
	if err != nil {
		return p, fmt.Errorf("config mail.txt_records: %w", err)
	}
	p.LookupTXT = func(name string) ([]string, error) {
		if v, ok := records[strings.ToLower(strings.TrimSuffix(name, "."))]; ok {
			return v, nil
		}
		return net.LookupTXT(name)
	}
	return p, nil
}

// readTXTRecords reads "name value" lines; # starts a comment.
func readTXTRecords(path string) (map[string][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, value, ok := strings.Cut(line, " ")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want 'name value', like "+
				"'sel._domainkey.etda.or.th v=DKIM1; k=ed25519; p=…'", path, n)
		}
		name = strings.ToLower(strings.TrimSuffix(name, "."))
		out[name] = append(out[name], strings.TrimSpace(value))
	}
	return out, sc.Err()
}

// replyTo issues the reply address of a mail to an officer.
func replyTo(key []byte, bot string, days int, clock cases.Clock) func(cases.Ref, string,
	cases.Stage) (string, error) {
	return func(ref cases.Ref, officer string, stage cases.Stage) (string, error) {
		tok, err := mailbox.IssueToken(key, mailbox.Token{Case: ref, Officer: officer,
			Stage: stage, Expires: clock.Now().Add(time.Duration(days) * 24 * time.Hour)})
		if err != nil {
			return "", err
		}
		return mailbox.ReplyAddress(bot, tok)
	}
}

// validateOfficers checks the roster and the bot's address for tokens.
func (c *Config) validateOfficers() error {
	if len(c.Officers) == 0 {
		return nil
	}
	var errs []error
	if err := c.roster().Validate(); err != nil {
		errs = append(errs, fmt.Errorf("config officers: %w", err))
	}
	if _, err := mailbox.ReplyAddress(c.Mail.Address,
		strings.Repeat("a", mailbox.TokenLength)); err != nil {
		errs = append(errs, fmt.Errorf("config mail.address: %w", err))
	}
	return errors.Join(errs...)
}
