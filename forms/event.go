package forms

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"sandboxbot/cases"
)

// ErrNotApplicantForm: the form is one the officers fill (the assessment);
// sent on its own it causes no event.
var ErrNotApplicantForm = errors.New("not a form applicants send")

// Event returns the case event a valid applicant's form carries: its kind
// (FORMS.md form kind → the guideline's step), the case it is about, the
// fields the transition needs (a round, a date, a reason, the test plan's
// schedule, the applicant) and the whole record as JSON (Event.Form). The
// caller fills who sent it, when, and the message it came in. It fails with
// ErrNotApplicantForm for an officers' form.
func (r *Record) Event() (cases.Event, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return cases.Event{}, fmt.Errorf("forms: encoding the %s record: %w", r.Kind, err)
	}
	e := cases.Event{Case: r.CaseRef(), Actor: cases.ByApplicant, Form: b}
	switch r.Kind {
	case "interest":
		e.Kind, e.Applicant = cases.SubmitInterest, r.applicant()
	case "application":
		e.Kind = cases.SubmitApplication
		e.Applicant = &cases.ApplicantInfo{JuristicID: r.Text("juristic_id")}
	case "test_plan":
		e.Kind = cases.SubmitTestPlan
		e.Plan = &cases.Plan{Start: r.Date("start_date"), End: r.Date("end_date"),
			Every: r.Enum("report_every")}
	case "progress_report":
		e.Kind = cases.SubmitProgressReport
	case "extension":
		e.Kind, e.Date, e.Text = cases.RequestExtension, r.Date("new_end_date"),
			r.Text("reason")
	case "waiver":
		e.Kind, e.Text = cases.RequestWaiver, joinText(r.Text("rule"), r.Text("reason"))
	case "round_change":
		e.Kind, e.Round, e.Text = cases.RequestRoundChange, r.Int("requested_round"),
			r.Text("reason")
	case "withdrawal":
		e.Kind, e.Text = cases.Withdraw, joinText(r.Text("reason"),
			r.Text("user_notice_plan"))
	case "appeal":
		e.Kind, e.Text = cases.LodgeAppeal, r.Text("grounds")
	case "post_exit_report":
		e.Kind = cases.SubmitPostExitReport
	default:
		return cases.Event{}, fmt.Errorf("forms: %s: %w", r.Kind, ErrNotApplicantForm)
	}
	return e, nil
}

// applicant is what the expression of interest says of the applicant. The
// language of the letters follows the language the form is written in:
// English when its free text has no Thai at all.
func (r *Record) applicant() *cases.ApplicantInfo {
	a := &cases.ApplicantInfo{OrgName: r.Text("org_name"), OrgNameEN: r.Text("org_name_en"),
		OrgType: r.Enum("org_type"), JuristicID: r.Text("juristic_id"),
		ContactName: r.Text("contact_name"), ContactEmail: r.Text("contact_email"),
		ContactPhone: r.Text("contact_phone"), Solution: r.Text("solution_name"),
		Category: r.Enum("category"), Lang: "th"}
	free := r.Text("org_name") + r.Text("description") + r.Text("innovation") +
		r.Text("target_users")
	if !strings.ContainsFunc(free, func(c rune) bool { return unicode.Is(unicode.Thai, c) }) {
		a.Lang = "en"
	}
	return a
}

func joinText(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}
