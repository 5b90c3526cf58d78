package cases

import "fmt"

// Party says whose deadline a period is, which decides how its last day is
// counted (see Calendar.Due).
type Party string

const (
	// Applicant is the private party: the company or public body that
	// applies, and later takes part in the sandbox as the participant.
	Applicant Party = "applicant"
	// Agency is ETDA (สพธอ.) itself.
	Agency Party = "agency"
)

// ParseParty reads "applicant" or "agency".
func ParseParty(s string) (Party, error) {
	switch Party(s) {
	case Applicant, Agency:
		return Party(s), nil
	}
	return "", fmt.Errorf("cases: party %q is neither %q nor %q", s, Applicant, Agency)
}
