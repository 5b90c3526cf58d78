package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"sandboxbot/cases"
)

// Config is the whole configuration: one TOML file whose every scalar can be
// overridden by an environment variable SANDBOXBOT_<SECTION>_<KEY> (for
// example SANDBOXBOT_POLICY_REMINDER_HOUR=9; lists are comma-separated). The
// help tags are the documentation: 'sandboxbot config example' prints them
// as a commented sample.
type Config struct {
	Calendar CalendarConfig  `toml:"calendar" help:"The legal calendar: which days are holidays."`
	Policy   PolicyConfig    `toml:"policy" help:"Settings of the process that are the agency's to choose."`
	Audit    AuditConfig     `toml:"audit" help:"The audit trail."`
	Agency   AgencyConfig    `toml:"agency" help:"Who signs the letters and how to reach the responsible unit."`
	Letters  LettersConfig   `toml:"letters" help:"How letters are written."`
	Mail     MailConfig      `toml:"mail" help:"The mail servers, the bot's address and the management list."`
	Schedule ScheduleConfig  `toml:"schedule" help:"When the scheduled jobs run (cron specs in Asia/Bangkok)."`
	Officers []OfficerConfig `toml:"officers" help:"The officers: who may give which commands by reply. Not overridable by environment."`
	Roles    []RoleConfig    `toml:"roles" help:"Roles of your own, or the default ones (screener, reviewer, approver, manager) redefined. Not overridable by environment."`
	Rounds   []RoundConfig   `toml:"rounds" help:"Testing rounds: when each takes expressions of interest, how many participants and which categories. Not overridable by environment."`
}

// CalendarConfig is the [calendar] section.
type CalendarConfig struct {
	Holidays []string `toml:"holidays" help:"Holiday files of your own, read after the shipped one (format: see cases/holidays_th.txt); add each year's cabinet announcement here."`
}

// PolicyConfig is the [policy] section.
type PolicyConfig struct {
	ReminderDays    []int  `toml:"reminder_days" help:"Days before a window's last day on which reminders go out."`
	ReminderHour    int    `toml:"reminder_hour" help:"Hour of the day (Bangkok) from which reminders go out."`
	MoreInfoDays    int    `toml:"more_info_days" help:"Days given for information an officer asks for without naming a day."`
	ReportGraceDays int    `toml:"report_grace_days" help:"Days after a reporting period ends by which its report is due."`
	PostExitEvery   string `toml:"post_exit_every" help:"Period of post-exit reports: monthly or quarterly."`
	LetterPrefix    string `toml:"letter_prefix" help:"Start of every outgoing letter number, as in 'สพธอ. 12/2569'."`
	MessageDomain   string `toml:"message_domain" help:"Domain of the Message-IDs of outgoing mail."`
	FourEyes        bool   `toml:"four_eyes" help:"Approvals, rejections and expulsions take two different officers: the second gives the same command."`
}

// AuditConfig is the [audit] section.
type AuditConfig struct {
	KeyFile string `toml:"key_file" help:"File of the key that seals the audit trail; default audit.key in the data directory. Keep a copy elsewhere: without it 'audit verify' cannot tell a rewritten trail."`
}

// RoundConfig is one [[rounds]] entry.
type RoundConfig struct {
	Number     int      `toml:"number" help:"Round number."`
	Opens      string   `toml:"opens" help:"First day expressions of interest are taken (YYYY-MM-DD)."`
	Closes     string   `toml:"closes" help:"Last day they are taken (YYYY-MM-DD)."`
	Capacity   int      `toml:"capacity" help:"Places in the round; 0 is no limit."`
	Categories []string `toml:"categories" help:"Categories taken: e-document, e-meeting, digital-id."`
}

// defaultConfig is the configuration when no file says otherwise.
func defaultConfig() *Config {
	p := cases.DefaultPolicy
	return &Config{
		Policy: PolicyConfig{ReminderDays: p.ReminderDays, ReminderHour: p.ReminderHour,
			MoreInfoDays: p.MoreInfoDays, ReportGraceDays: p.ReportGraceDays,
			PostExitEvery: p.PostExitEvery, LetterPrefix: p.LetterPrefix,
			MessageDomain: p.MessageDomain},
		Agency:   defaultAgency(),
		Mail:     defaultMail(),
		Schedule: defaultSchedule(),
		Rounds: []RoundConfig{{Number: 1, Opens: "2020-07-01", Closes: "2020-07-31",
			Categories: []string{"e-document", "e-meeting", "digital-id"}}},
	}
}

// loadConfig reads the file at path over the defaults (none when path is
// empty), then the environment. Unknown keys are errors, named.
func loadConfig(path string) (*Config, error) {
	cfg := defaultConfig()
	if path != "" {
		md, err := toml.DecodeFile(path, cfg)
		if err != nil {
			return nil, fmt.Errorf("reading config %s: %w", path, err)
		}
		if bad := md.Undecoded(); len(bad) > 0 {
			return nil, fmt.Errorf("config %s: unknown key %q (see 'sandboxbot config example')",
				path, bad[0].String())
		}
	}
	if err := applyEnv(reflect.ValueOf(cfg).Elem(), "SANDBOXBOT", os.LookupEnv); err != nil {
		return nil, err
	}
	return cfg, cfg.validate()
}

// applyEnv sets every scalar and list field of the sections of v from the
// environment variable named after its section and key.
func applyEnv(v reflect.Value, prefix string, lookup func(string) (string, bool)) error {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f, fv := t.Field(i), v.Field(i)
		name := prefix + "_" + strings.ToUpper(f.Tag.Get("toml"))
		if f.Type.Kind() == reflect.Struct {
			if err := applyEnv(fv, name, lookup); err != nil {
				return err
			}
			continue
		}
		s, ok := lookup(name)
		if !ok || isStructList(f.Type) {
			continue
		}
		if err := setFromString(fv, s); err != nil {
			return fmt.Errorf("environment %s=%q: %w", name, s, err)
		}
	}
	return nil
}

func isStructList(t reflect.Type) bool {
	return t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct
}

func setFromString(v reflect.Value, s string) error {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Int:
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return errors.New("not a whole number")
		}
		v.SetInt(int64(n))
	case reflect.Bool:
		b, err := strconv.ParseBool(strings.TrimSpace(s))
		if err != nil {
			return errors.New("not true or false")
		}
		v.SetBool(b)
	case reflect.Slice:
		parts := strings.Split(s, ",")
		list := reflect.MakeSlice(v.Type(), 0, len(parts))
		for _, p := range parts {
			if p = strings.TrimSpace(p); p == "" {
				continue
			}
			e := reflect.New(v.Type().Elem()).Elem()
			if err := setFromString(e, p); err != nil {
				return err
			}
			list = reflect.Append(list, e)
		}
		v.Set(list)
	default:
		return fmt.Errorf("cannot be set from the environment (%s)", v.Kind())
	}
	return nil
}

// validate checks what the types do not.
func (c *Config) validate() error {
	for _, d := range c.Policy.ReminderDays {
		if d < 1 {
			return fmt.Errorf("config policy.reminder_days: %d is not a number of days "+
				"before the deadline (1 or more)", d)
		}
	}
	if h := c.Policy.ReminderHour; h < 0 || h > 23 {
		return fmt.Errorf("config policy.reminder_hour: %d is not an hour 0-23", h)
	}
	if e := c.Policy.PostExitEvery; e != "monthly" && e != "quarterly" {
		return fmt.Errorf("config policy.post_exit_every: %q is neither monthly nor quarterly", e)
	}
	if err := c.Mail.validate(); err != nil {
		return err
	}
	if err := c.validateOfficers(); err != nil {
		return err
	}
	for i, r := range c.Rounds {
		if _, err := r.round(); err != nil {
			return fmt.Errorf("config rounds[%d]: %w", i, err)
		}
	}
	return nil
}

func (p PolicyConfig) policy() cases.Policy {
	return cases.Policy{ReminderDays: p.ReminderDays, ReminderHour: p.ReminderHour,
		MoreInfoDays: p.MoreInfoDays, ReportGraceDays: p.ReportGraceDays,
		PostExitEvery: p.PostExitEvery, LetterPrefix: p.LetterPrefix,
		MessageDomain: p.MessageDomain, FourEyes: p.FourEyes}
}

func (r RoundConfig) round() (cases.Round, error) {
	opens, err := cases.ParseDate(r.Opens)
	if err != nil {
		return cases.Round{}, fmt.Errorf("round %d opens: %w", r.Number, err)
	}
	closes, err := cases.ParseDate(r.Closes)
	if err != nil {
		return cases.Round{}, fmt.Errorf("round %d closes: %w", r.Number, err)
	}
	if r.Number < 1 || closes.Before(opens) || len(r.Categories) == 0 {
		return cases.Round{}, fmt.Errorf("round %d needs a number from 1, opens before "+
			"closes, and at least one category", r.Number)
	}
	return cases.Round{Number: r.Number, Opens: opens, Closes: closes, Capacity: r.Capacity,
		Categories: r.Categories}, nil
}

// syncRounds writes the configured rounds into the store.
func (c *Config) syncRounds(ctx context.Context, s *cases.Store) error {
	for _, rc := range c.Rounds {
		r, _ := rc.round() // validated
		if err := s.PutRound(ctx, r); err != nil {
			return err
		}
	}
	return nil
}
