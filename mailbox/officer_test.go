package mailbox

import (
	"errors"
	"strings"
	"testing"

	"sandboxbot/cases"
)

const (
	screener = "Screener@ETDA.example"
	reviewer = "reviewer@etda.example"
	approver = "approver@etda.example"
	manager  = "manager@etda.example"
	allRound = "all@etda.example"
)

func testRoster() *Roster {
	return NewRoster([]Officer{
		{Address: screener, Name: "Somsri", Roles: []string{RoleScreener}},
		{Address: reviewer, Name: "Wanida", Roles: []string{RoleReviewer}},
		{Address: approver, Name: "Somchai", Roles: []string{RoleApprover}},
		{Address: manager, Name: "Nattapong", Roles: []string{RoleManager}},
		{Address: allRound, Name: "Pimchanok", Roles: []string{RoleScreener, RoleReviewer,
			RoleApprover}},
	}, nil)
}

func TestDefaultRolesAreValid(t *testing.T) {
	t.Parallel()
	if err := testRoster().Validate(); err != nil {
		t.Fatal(err)
	}
}

// TestDefaultRolesCoverWorkflow: every officer decision belongs to a
// default role, so that a roster with the defaults leaves none ungiven.
func TestDefaultRolesCoverWorkflow(t *testing.T) {
	t.Parallel()
	r := testRoster()
	all, _ := r.Lookup(allRound)
	for _, tr := range cases.Transitions() {
		if tr.By != cases.ByOfficer {
			continue
		}
		if c := (Command{Word: specByKind[tr.On].word}); !r.May(all, c) {
			t.Errorf("no default role may give %s (%s)", c.Word, tr.On)
		}
	}
}

func TestRosterLookup(t *testing.T) {
	t.Parallel()
	r := testRoster()
	for _, addr := range []string{"screener@etda.example", "SCREENER@etda.EXAMPLE",
		"Somsri S. <screener@Etda.Example>", " screener@etda.example "} {
		o, ok := r.Lookup(addr)
		if !ok || o.Name != "Somsri" || o.Address != screener {
			t.Errorf("Lookup(%q) = %+v, %v", addr, o, ok)
		}
	}
	for _, addr := range []string{"stranger@etda.example", "screener@etda.example.evil",
		"", "not an address"} {
		if o, ok := r.Lookup(addr); ok {
			t.Errorf("Lookup(%q) = %+v, want none", addr, o)
		}
	}
	o, _ := r.Lookup(screener)
	o.Roles[0] = RoleApprover
	if again, _ := r.Lookup(screener); again.Roles[0] != RoleScreener {
		t.Error("Lookup shares the officer's roles with its caller")
	}
}

func TestRosterMay(t *testing.T) {
	t.Parallel()
	r := testRoster()
	tests := []struct {
		addr, word string
		want       bool
	}{
		{screener, "IN SCOPE", true},
		{screener, "OUT OF SCOPE", true},
		{screener, "MORE INFO", true},
		{screener, "APPROVE ROUND", false},
		{screener, "REPORT", false},
		{screener, "HELP", true},
		{screener, "STATUS", true},
		{reviewer, "COMPLETE", true},
		{reviewer, "INELIGIBLE", true},
		{reviewer, "FIX BY", true},
		{reviewer, "FIXED", true},
		{reviewer, "IN SCOPE", false},
		{reviewer, "EXPEL", false},
		{approver, "APPROVE ROUND", true},
		{approver, "ALLOW APPEAL", true},
		{approver, "CLOSE", true},
		{approver, "EXPEL NOW", true},
		{approver, "COMPLETE", false},
		{manager, "REPORT", true},
		{manager, "STATUS", true},
		{manager, "HELP", true},
		{manager, "APPROVE ROUND", false},
		{"stranger@etda.example", "HELP", false},
		{"stranger@etda.example", "IN SCOPE", false},
	}
	for _, tt := range tests {
		o := Officer{Address: tt.addr}
		if got := r.May(o, Command{Word: tt.word}); got != tt.want {
			t.Errorf("May(%s, %s) = %v, want %v", tt.addr, tt.word, got, tt.want)
		}
	}
	// The roster's roles count, not the ones the caller puts in Officer.
	forged := Officer{Address: screener, Roles: []string{RoleApprover}}
	if r.May(forged, Command{Word: "APPROVE ROUND"}) {
		t.Error("May trusts Officer.Roles over the roster")
	}
}

func TestRosterConfiguredRoles(t *testing.T) {
	t.Parallel()
	r := NewRoster([]Officer{
		{Address: "a@etda.example", Roles: []string{RoleApprover}},
		{Address: "b@etda.example", Roles: []string{"auditor"}},
		{Address: "c@etda.example", Roles: []string{"thai"}},
		{Address: "d@etda.example", Roles: []string{RoleScreener}},
	}, map[string][]string{
		RoleApprover: {"approve", "reject"},
		"auditor":    {AllCommands},
		"thai":       {"อนุมัติ รอบ", "ไม่อนุมัติ", "in-scope", "report"},
	})
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		addr, word string
		want       bool
	}{
		{"a@etda.example", "APPROVE ROUND", true},
		{"a@etda.example", "REJECT", true},
		{"a@etda.example", "CLOSE", false}, // the default approver is replaced
		{"b@etda.example", "EXPEL NOW", true},
		{"b@etda.example", "REPORT", true},
		{"c@etda.example", "APPROVE ROUND", true},
		{"c@etda.example", "REJECT", true},
		{"c@etda.example", "IN SCOPE", true},
		{"c@etda.example", "REPORT", true},
		{"c@etda.example", "GRANT ROUND CHANGE", false},
		{"d@etda.example", "IN SCOPE", true}, // the default screener stays
	}
	for _, tt := range tests {
		if got := r.May(Officer{Address: tt.addr}, Command{Word: tt.word}); got != tt.want {
			t.Errorf("May(%s, %s) = %v, want %v", tt.addr, tt.word, got, tt.want)
		}
	}
}

func TestRosterOnDuty(t *testing.T) {
	t.Parallel()
	r := testRoster()
	names := func(os []Officer) string {
		var n []string
		for _, o := range os {
			n = append(n, o.Name)
		}
		return strings.Join(n, ",")
	}
	if got := names(r.OnDuty()); got != "Somsri,Wanida,Somchai,Pimchanok" {
		t.Errorf("OnDuty = %s; the manager, who only asks, is not on duty", got)
	}
	tests := []struct {
		stage cases.Stage
		want  string
	}{
		{cases.Screening, "Somsri,Pimchanok"},             // IN SCOPE
		{cases.ApplicationReview, "Wanida,Pimchanok"},     // COMPLETE
		{cases.Agreement, "Somchai,Pimchanok"},            // SIGNED, round change
		{cases.Appeal, "Wanida,Somchai,Pimchanok"},        // FIX BY; UPHOLD
		{cases.Closed, "Somsri,Wanida,Somchai,Pimchanok"}, // none: OnDuty
		{cases.AwaitingApplication, "Somsri,Wanida,Somchai,Pimchanok"},
	}
	for _, tt := range tests {
		if got := names(r.OnDutyAt(tt.stage)); got != tt.want {
			t.Errorf("OnDutyAt(%s) = %s, want %s", tt.stage, got, tt.want)
		}
	}
}

func TestRosterValidate(t *testing.T) {
	t.Parallel()
	r := NewRoster([]Officer{
		{Address: "a@etda.example", Roles: []string{RoleApprover}},
		{Address: "A@ETDA.example", Roles: []string{RoleReviewer}},
		{Address: "b@etda.example", Roles: []string{"aprover"}},
		{Address: "c@etda.example"},
		{Address: "not an address", Name: "Nobody", Roles: []string{RoleManager}},
	}, map[string][]string{
		"clerk": {"APROVE ROUND", "STATUS", "open the window"},
	})
	err := r.Validate()
	if !errors.Is(err, ErrRoster) {
		t.Fatalf("Validate() = %v, want ErrRoster", err)
	}
	for _, want := range []string{
		"officers 1 and 2 both have the address a@etda.example",
		`officer b@etda.example has the role "aprover", which is not defined; defined ` +
			"roles are approver, clerk, manager, reviewer, screener",
		"officer c@etda.example has no role",
		`officer 5 (Nobody) has the address "not an address", which is not an e-mail`,
		`role "clerk" names "APROVE ROUND", which is not a command (did you mean ` +
			`"APPROVE ROUND"?)`,
		`role "clerk" names "open the window", which is not a command;`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() does not say %q:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), `"STATUS"`) {
		t.Errorf("Validate() reports a valid entry:\n%v", err)
	}
}

// TestRosterOnDutyAskers: when only MORE INFO has an officer in a stage,
// those who may ask are on duty.
func TestRosterOnDutyAskers(t *testing.T) {
	t.Parallel()
	r := NewRoster([]Officer{
		{Address: "ask@etda.example", Name: "asker", Roles: []string{"asker"}},
		{Address: "rep@etda.example", Name: "reporter", Roles: []string{RoleManager}},
	}, map[string][]string{"asker": {"MORE INFO"}})
	got := r.OnDutyAt(cases.Decision)
	if len(got) != 1 || got[0].Name != "asker" {
		t.Errorf("OnDutyAt(decision) = %+v, want the asker", got)
	}
}
