package mailbox

import (
	"errors"
	"fmt"
	"net/mail"
	"slices"
	"sort"
	"strings"

	"sandboxbot/cases"
)

// ErrRoster means the officers' configuration cannot be used; the wrapping
// errors say what is wrong and what would be right.
var ErrRoster = errors.New("bad officer roster")

// Officer is a member of the agency's staff who acts on cases by reply.
type Officer struct {
	// Address is the officer's e-mail address, as their From header shows
	// it; compared without regard to case.
	Address string
	Name    string
	// Roles name entries of the roster's role table: "screener", …
	Roles []string
}

// The default roles (see [DefaultRoles]).
const (
	RoleScreener = "screener" // step 1: screening and more information
	RoleReviewer = "reviewer" // step 2 and later: completeness, eligibility, fixes
	RoleApprover = "approver" // decisions, agreement, testing, exits, appeals, close
	RoleManager  = "manager"  // reports and status
)

// AllCommands in a role's list gives the role every command.
const AllCommands = "*"

// DefaultRoles returns the roles a roster has unless its configuration
// replaces them, each with the commands it may give. HELP and STATUS are
// every officer's whatever the roles say.
func DefaultRoles() map[string][]string {
	return map[string][]string{
		RoleScreener: {"IN SCOPE", "OUT OF SCOPE", "MORE INFO"},
		RoleReviewer: {"COMPLETE", "INCOMPLETE", "INELIGIBLE", "MORE INFO", "FIX BY",
			"FIXED"},
		RoleApprover: {"APPROVE ROUND", "REJECT", "GRANT ROUND CHANGE",
			"REFUSE ROUND CHANGE", "SIGNED", "GRANT EXTENSION", "REFUSE EXTENSION",
			"GRANT WAIVER", "REFUSE WAIVER", "SUCCESS", "PARTIAL SUCCESS", "FAILURE",
			"EXPEL", "EXPEL NOW", "UPHOLD", "ALLOW APPEAL", "CLOSE"},
		RoleManager: {"REPORT", "STATUS"},
	}
}

// everyone may give these whatever their roles.
var everyone = []string{"HELP", "STATUS"}

// Roster is the officers the bot takes commands from and what each role
// may command. It is read-only once built and safe for concurrent use.
type Roster struct {
	officers []Officer
	byAddr   map[string]int // lower-case address → index in officers
	roles    map[string][]string
	allow    map[string]map[string]bool // role → canonical command words
}

// NewRoster builds a roster from configuration: the officers, and roles
// mapping a role name to the commands it may give. Commands are named by
// their word in English or Thai (any case, any spelling ReadCommand
// accepts), by event kind ("approve"), by query ("report"), or
// AllCommands. Roles given replace the default role of the same name;
// default roles not given stay; nil roles means the defaults. NewRoster
// never fails: call Validate to learn what in the configuration is wrong;
// an entry that names no command gives nothing.
func NewRoster(officers []Officer, roles map[string][]string) *Roster {
	r := &Roster{byAddr: map[string]int{}, roles: DefaultRoles(),
		allow: map[string]map[string]bool{}}
	for name, list := range roles {
		r.roles[name] = slices.Clone(list)
	}
	for name, list := range r.roles {
		set := map[string]bool{}
		for _, entry := range list {
			for _, w := range resolveCommand(entry) {
				set[w] = true
			}
		}
		r.allow[name] = set
	}
	for _, o := range officers {
		o.Roles = slices.Clone(o.Roles)
		key := addressKey(o.Address)
		if _, dup := r.byAddr[key]; !dup && key != "" {
			r.byAddr[key] = len(r.officers)
		}
		r.officers = append(r.officers, o)
	}
	return r
}

// resolveCommand returns the canonical words a role entry names; none when
// it names no command.
func resolveCommand(entry string) []string {
	if strings.TrimSpace(entry) == AllCommands {
		return Commands()
	}
	key := foldString(entry)
	for _, s := range commandTable {
		names := append([]string{s.word, s.thai, string(s.kind), string(s.query)},
			s.aliases...)
		for _, n := range names {
			if n != "" && foldString(n) == key {
				return []string{s.word}
			}
		}
	}
	return nil
}

// addressKey returns the address in s ("Name <a@b>" or "a@b"), lower-cased;
// "" when s holds no address.
func addressKey(s string) string {
	a, err := mail.ParseAddress(s)
	if err != nil {
		return ""
	}
	return strings.ToLower(a.Address)
}

// Officers returns the officers in configuration order.
func (r *Roster) Officers() []Officer { return slices.Clone(r.officers) }

// Lookup returns the officer whose address is addr ("a@b" or "Name <a@b>"),
// compared without regard to case: mail systems treat the domain so, and
// the agency's own treats the local part so too. ok is false for an
// address not on the roster.
func (r *Roster) Lookup(addr string) (o Officer, ok bool) {
	i, ok := r.byAddr[addressKey(addr)]
	if !ok {
		return Officer{}, false
	}
	o = r.officers[i]
	o.Roles = slices.Clone(o.Roles)
	return o, true
}

// May reports whether the officer may give the command. The roles are the
// roster's for o.Address, not o.Roles: an officer not on the roster may
// give nothing, not even HELP. Every officer on it may give HELP and
// STATUS.
func (r *Roster) May(o Officer, c Command) bool { return r.mayWord(o, c.Word) }

func (r *Roster) mayWord(o Officer, word string) bool {
	i, ok := r.byAddr[addressKey(o.Address)]
	if !ok {
		return false
	}
	if slices.Contains(everyone, word) {
		return true
	}
	for _, role := range r.officers[i].Roles {
		if r.allow[role][word] {
			return true
		}
	}
	return false
}

// OnDuty returns the officers told of new submissions: those who may give
// at least one decision (an event, not only queries), in roster order.
// Managers who may only ask for reports are not on duty.
func (r *Roster) OnDuty() []Officer {
	return r.deciding(func(s *commandSpec) bool { return s.kind != "" })
}

// OnDutyAt returns the officers who may give one of the decisions valid in
// the stage (cases.Allowed): who is told of a submission that leaves a
// case there. MORE INFO, which most stages allow, counts only when no
// other decision has an officer; when none has, OnDutyAt returns OnDuty,
// so that a submission is never told to no one.
func (r *Roster) OnDutyAt(stage cases.Stage) []Officer {
	valid := map[cases.EventKind]bool{}
	for _, t := range cases.Allowed(stage, cases.ByOfficer) {
		valid[t.On] = true
	}
	out := r.deciding(func(s *commandSpec) bool {
		return valid[s.kind] && s.kind != cases.AskMoreInfo
	})
	if len(out) == 0 {
		out = r.deciding(func(s *commandSpec) bool { return valid[s.kind] })
	}
	if len(out) == 0 {
		return r.OnDuty()
	}
	return out
}

// deciding returns the officers who may give a command that counts.
func (r *Roster) deciding(counts func(*commandSpec) bool) []Officer {
	var out []Officer
	for i, o := range r.officers {
		if r.byAddr[addressKey(o.Address)] != i {
			continue // a duplicate entry; Validate reports it
		}
		for k := range commandTable {
			if s := &commandTable[k]; counts(s) && r.mayWord(o, s.word) {
				o.Roles = slices.Clone(o.Roles)
				out = append(out, o)
				break
			}
		}
	}
	return out
}

// Validate reports every problem of the configuration, each naming what is
// wrong and what would be right, joined in one error wrapping ErrRoster:
// an officer without a valid address, a duplicate address, an officer
// without a role or with an undefined one, a role naming no command. A nil
// error means every officer can act as configured.
func (r *Roster) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("mailbox: roster: "+format+": %w",
			append(args, ErrRoster)...))
	}
	seen := map[string]int{}
	for i, o := range r.officers {
		key := addressKey(o.Address)
		switch j, dup := seen[key]; {
		case key == "":
			bad("officer %d (%s) has the address %q, which is not an e-mail address "+
				"like somchai@etda.example", i+1, o.Name, o.Address)
		case dup:
			bad("officers %d and %d both have the address %s; give each officer one "+
				"entry listing all their roles", j+1, i+1, key)
		default:
			seen[key] = i
		}
		if len(o.Roles) == 0 {
			bad("officer %s has no role; give one of %s", o.Address, r.roleNames())
		}
		for _, role := range o.Roles {
			if _, ok := r.roles[role]; !ok {
				bad("officer %s has the role %q, which is not defined; defined roles "+
					"are %s", o.Address, role, r.roleNames())
			}
		}
	}
	for _, name := range r.sortedRoles() {
		for _, entry := range r.roles[name] {
			if resolveCommand(entry) == nil {
				bad("role %q names %q, which is not a command%s; name commands by "+
					"word (APPROVE ROUND, อนุมัติ รอบ), event kind (approve) or %q for "+
					"all", name, entry, didYouMean(entry), AllCommands)
			}
		}
	}
	return errors.Join(errs...)
}

func didYouMean(entry string) string {
	if s, _ := suggest(entry); s != nil {
		return fmt.Sprintf(" (did you mean %q?)", s.word)
	}
	return ""
}

func (r *Roster) sortedRoles() []string {
	names := make([]string, 0, len(r.roles))
	for n := range r.roles {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func (r *Roster) roleNames() string { return strings.Join(r.sortedRoles(), ", ") }
