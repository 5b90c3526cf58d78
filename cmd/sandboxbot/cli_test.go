package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"sandboxbot/cases"
)

// sandboxbot runs the command line in process and returns its exit code,
// stdout and stderr.
func sandboxbot(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCalendarCommands(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"calendar", "due", "--from", "2025-05-30", "--days", "30"}, 0, "2025-06-30\n"},
		{[]string{"calendar", "due", "--from", "2026-03-30", "--days", "15"}, 0, "2026-04-16\n"},
		{[]string{"calendar", "due", "--from", "2026-03-30", "--days", "15",
			"--party", "agency"}, 0, "2026-04-14\n"},
		{[]string{"calendar", "latest", "--before", "2026-07-14", "--days", "30"}, 0,
			"2026-06-12\n"},
		{[]string{"calendar", "due", "--from", "30/03/2026", "--days", "15"}, 2, ""},
		{[]string{"calendar", "due", "--from", "2026-03-30"}, 2, ""},
		{[]string{"calendar", "due", "--from", "2026-03-30", "--days", "5", "--party", "x"}, 2,
			""},
		{[]string{"calendar", "due", "--help"}, 0, ""},
		{[]string{"calendar", "nosuch"}, 2, ""},
	}
	for _, tt := range tests {
		code, out, errOut := sandboxbot(t, tt.args...)
		if code != tt.code || (tt.out != "" && out != tt.out) {
			t.Errorf("%v: exit %d, out %q, err %q; want exit %d, out %q", tt.args, code, out,
				errOut, tt.code, tt.out)
		}
		if code == 2 && !strings.Contains(errOut, "usage:") && !strings.Contains(errOut,
			"--help") {
			t.Errorf("%v: a misuse does not show how to use it: %q", tt.args, errOut)
		}
	}
}

// seed opens the store of a data directory as the bot would and walks one
// case to testing and another to screening.
func seed(t *testing.T, dir string) {
	t.Helper()
	ctx := context.Background()
	s, _ := openDataStore(t, dir, mustTime(t, "2026-01-05T10:00:00+07:00"), "digital-id")
	defer s.Close()
	a := cases.ApplicantInfo{OrgName: "บริษัท เนชั่นแนล ดิจิทัล ไอดี จำกัด",
		ContactEmail: "a@ndid.test", Solution: "Digital ID", Category: "digital-id"}
	for _, e := range []cases.Event{
		{Kind: cases.SubmitInterest, Actor: cases.ByApplicant, Applicant: &a},
		{Kind: cases.FindInScope, Actor: cases.ByOfficer, By: "o@etda.test"},
	} {
		if e.Kind != cases.SubmitInterest {
			e.Case = cases.Ref{Year: 2569, Seq: 1}
		}
		if _, err := s.Apply(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Apply(ctx, cases.Event{Kind: cases.SubmitInterest,
		Actor: cases.ByApplicant, Applicant: &a}); err != nil {
		t.Fatal(err)
	}
}

func TestCasesCommands(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	seed(t, dir)
	now := "--now=2026-01-20T09:00:00+07:00"

	code, out, errOut := sandboxbot(t, "--data", dir, now, "cases", "list")
	if code != 0 || !strings.Contains(out, "DSS-2569-0001") ||
		!strings.Contains(out, "application 2026-02-04 (15 days left)") {
		t.Fatalf("cases list: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = sandboxbot(t, "cases", "list", "--json", "--data", dir, now)
	var list []caseView
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) != 2 ||
		list[1].Stage != cases.Screening {
		t.Fatalf("cases list --json: exit %d\n%s", code, out)
	}
	code, out, _ = sandboxbot(t, "cases", "show", "DSS-2569-0001", "--data", dir, now)
	for _, want := range []string{"awaiting_application", "due 2026-02-04 (15 days left)",
		"in_scope", "application due 2026-02-04"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("cases show lacks %q: exit %d\n%s", want, code, out)
		}
	}
	code, out, _ = sandboxbot(t, "cases", "show", "dss-2569-0001", "--json", "--data", dir)
	var one caseView
	if code != 0 || json.Unmarshal([]byte(out), &one) != nil || len(one.History) != 2 {
		t.Fatalf("cases show --json: exit %d\n%s", code, out)
	}
	code, _, errOut = sandboxbot(t, "cases", "show", "DSS-2569-0009", "--data", dir)
	if code != 1 || !strings.Contains(errOut, "no case DSS-2569-0009") {
		t.Fatalf("missing case: exit %d, %q", code, errOut)
	}
	if code, _, _ = sandboxbot(t, "cases", "show", "case-one", "--data", dir); code != 2 {
		t.Fatalf("bad reference: exit %d, want 2", code)
	}
}

func TestAuditVerifyCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	seed(t, dir)
	code, out, errOut := sandboxbot(t, "audit", "verify", "--data", dir)
	if code != 0 || !strings.Contains(out, "audit trail whole") ||
		!strings.Contains(out, "sealed with the audit key") {
		t.Fatalf("verify: exit %d, %q %q", code, out, errOut)
	}

	// Tamper with the file's database: change the detail of entry 2.
	db, err := sql.Open("sqlite", filepath.Join(dir, "sandboxbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`UPDATE audit SET by_whom = 'someone@else.test' WHERE seq = 2`)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut = sandboxbot(t, "audit", "verify", "--data", dir)
	if code != 1 || !strings.Contains(errOut, "broken at entry 2") {
		t.Fatalf("tampered verify: exit %d, %q", code, errOut)
	}
}

func TestConfigExampleLoads(t *testing.T) {
	t.Parallel()
	code, out, _ := sandboxbot(t, "config", "example")
	if code != 0 {
		t.Fatalf("config example: exit %d", code)
	}
	path := filepath.Join(t.TempDir(), "sandboxbot.toml")
	writeFile(t, path, out)
	cfg, err := loadConfig(path)
	if err != nil {
		t.Fatalf("the example does not load: %v", err)
	}
	if cfg.Policy.ReminderHour != 8 || len(cfg.Rounds) != 1 {
		t.Fatalf("example loaded as %+v", cfg)
	}
}

func TestConfigErrorsAndEnvironment(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	writeFile(t, bad, "[policy]\nreminder_hours = 9\n")
	if _, err := loadConfig(bad); err == nil || !strings.Contains(err.Error(),
		"policy.reminder_hours") {
		t.Fatalf("unknown key: %v", err)
	}
	t.Setenv("SANDBOXBOT_POLICY_REMINDER_HOUR", "9")
	t.Setenv("SANDBOXBOT_POLICY_REMINDER_DAYS", "10, 2")
	cfg, err := loadConfig("")
	if err != nil || cfg.Policy.ReminderHour != 9 || len(cfg.Policy.ReminderDays) != 2 {
		t.Fatalf("environment: %+v %v", cfg, err)
	}
	t.Setenv("SANDBOXBOT_POLICY_REMINDER_HOUR", "nine")
	if _, err := loadConfig(""); err == nil ||
		!strings.Contains(err.Error(), "SANDBOXBOT_POLICY_REMINDER_HOUR") {
		t.Fatalf("bad environment: %v", err)
	}
}

// TestStrayArgumentRefused: every command that takes no positional argument
// refuses one, naming it, before it does anything (run would otherwise start
// the bot).
func TestStrayArgumentRefused(t *testing.T) {
	t.Parallel()
	var walk func(c *command, path []string)
	n := 0
	walk = func(c *command, path []string) {
		path = append(path, c.name)
		if c.run != nil && c.args == "" {
			n++
			args := append(append([]string{}, path[1:]...), "--data", t.TempDir(), "stray")
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			var out, errs bytes.Buffer
			code := run(ctx, args, &out, &errs) // a timeout: run ran the bot
			cancel()
			if errOut := errs.String(); code != 2 ||
				!strings.Contains(errOut, `unexpected argument "stray"`) {
				t.Errorf("%v: exit %d, %q; want exit 2 naming the stray argument", args, code,
					errOut)
			}
		}
		for _, s := range c.subs {
			walk(s, path)
		}
	}
	walk(rootCommand(), nil)
	if n < 10 {
		t.Fatalf("only %d commands without arguments", n)
	}
}
