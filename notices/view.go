package notices

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"sandboxbot/cases"
)

// view is what a wording template sees: the notice, with its dates and
// numbers already written in the template's language. Its exported fields
// and methods are the templates' vocabulary; templates/notices/README.md
// lists them for operators who write their own.
type view struct {
	Lang     string // "th" or "en"
	Kind     string // the notice kind, e.g. "in_scope"
	To       string // the recipient: applicant, officers, management, actor
	Ref      string // DSS-2569-0007; "" when there is no case
	Tag      string // [DSS-2569-0007]; "" when there is no case
	LetterNo string // the outgoing register number of a letter
	Today    string // the notice's date, written out

	// Org is the applicant's organisation: its English name in English
	// when it gave one.
	Org       string
	Applicant cases.ApplicantInfo
	Case      cases.Case
	Event     cases.Event
	Stage     string // the case's stage now
	From      string // the stage before the event
	Outcome   string // the case's outcome, "" before it has one
	Round     string // the testing round, in digits; "" before approval
	Plan      planView
	Reason    string // why an event was refused, or a delivery failed
	ReasonTH  string // the same in Thai, when the refusal has a Thai wording
	// Proposal is the four-eyes proposal a proposal notice is about.
	Proposal *cases.Proposal
	// Window is what a reminder or an expiry is about; Windows are those
	// the transition opened.
	Window  *windowView
	Windows []windowView
	// Deadlines are the case's open windows that are counting, first due
	// first.
	Deadlines []windowView
	Agency    agencyView
	// Opened and Submitted are the days the case opened and its latest
	// submission arrived, written out.
	Opened, Submitted string
	// Actions are the officer events valid in the case's stage now.
	Actions []string

	grace   int        // days after a period its report is due
	digits  bool       // Thai digits
	today   cases.Date // the notice's day
	records map[cases.EventKind]json.RawMessage
}

// planView is the test period.
type planView struct {
	Start, End string // written out; "" when unknown
	Every      string // "monthly" or "quarterly"
}

// windowView is a window with its days written out.
type windowView struct {
	Kind    string
	Title   string // what it is for, in the view's language
	Start   string
	Due     string // its last day
	Days    int    // its length, for a window counted from the notice
	Left    int    // days from the notice's day to the last day
	Seq     int    // the number of a report window
	Pending bool   // counted from delivery of the notice
}

// agencyView is the agency in the view's language.
type agencyView struct {
	Name, NameTH, NameEN string
	Address              []string
	Signer               string
	Position             []string
	PositionLine         string // Position on one line
	Unit                 string
	Phone, Email         string
}

// loadedRecords returns the notice's records, which Render has already read
// (see Render), so this reads no database.
func loadedRecords(n cases.Notice) map[cases.EventKind]json.RawMessage {
	m, _ := n.Records(context.Background())
	return m
}

// newView builds the view of n in lang with opt's agency (defaults filled)
// and report grace; forPDF applies opt.ThaiDigits, which only Thai PDFs
// follow.
func newView(n cases.Notice, lang Lang, opt RenderOptions, forPDF bool) *view {
	c := n.Case
	v := &view{Lang: string(lang), Kind: string(n.Kind), To: string(n.To),
		LetterNo:  n.LetterNo,
		Applicant: c.Applicant, Case: c, Event: n.Event, Stage: string(c.Stage),
		From: string(n.From), Outcome: string(c.Outcome), Reason: n.Reason,
		ReasonTH: n.ReasonTH, Proposal: n.Proposal,
		digits: forPDF && opt.ThaiDigits && lang == Thai, records: loadedRecords(n),
		grace: opt.ReportGraceDays}
	if v.grace == 0 {
		v.grace = cases.DefaultPolicy.ReportGraceDays
	}
	if v.Applicant.OrgName == "" && n.Event.Applicant != nil {
		v.Applicant = *n.Event.Applicant
	}
	if !c.Ref.IsZero() {
		v.Ref, v.Tag = c.Ref.String(), c.Ref.Tag()
	}
	v.Today = v.time(n.At)
	v.Org = v.Applicant.OrgName
	if lang == English && v.Applicant.OrgNameEN != "" {
		v.Org = v.Applicant.OrgNameEN
	}
	if c.Round != 0 {
		v.Round = v.N(c.Round)
	}
	v.Plan = planView{Start: v.Date(c.Plan.Start), End: v.Date(c.Plan.End),
		Every: c.Plan.Every}
	v.Opened, v.Submitted = v.time(c.Opened), v.time(c.LastSubmission)
	v.today = cases.DateOf(n.At)
	today := v.today
	if n.Window != nil {
		w := v.window(*n.Window, today)
		v.Window = &w
	}
	for _, w := range n.Windows {
		v.Windows = append(v.Windows, v.window(w, today))
	}
	v.Deadlines = v.deadlines()
	v.Agency = agencyIn(opt.Agency, lang)
	for _, t := range cases.Allowed(c.Stage, cases.ByOfficer) {
		v.Actions = append(v.Actions, string(t.On))
	}
	return v
}

func agencyIn(a Agency, lang Lang) agencyView {
	if lang == English {
		return agencyView{Name: a.NameEN, NameTH: a.NameTH, NameEN: a.NameEN,
			Address: a.AddressEN, Signer: a.SignerEN, Position: a.PositionEN,
			PositionLine: strings.Join(a.PositionEN, ", "), Unit: a.UnitEN,
			Phone: a.Phone, Email: a.Email}
	}
	return agencyView{Name: a.NameTH, NameTH: a.NameTH, NameEN: a.NameEN,
		Address: a.AddressTH, Signer: a.SignerTH, Position: a.PositionTH,
		PositionLine: strings.Join(a.PositionTH, " "), Unit: a.UnitTH,
		Phone: a.Phone, Email: a.Email}
}

func (v *view) window(w cases.Window, today cases.Date) windowView {
	th, en := w.Kind.Title()
	title := th
	if v.Lang == string(English) {
		title = en
	}
	wv := windowView{Kind: string(w.Kind), Title: title, Start: v.Date(w.Start),
		Due: v.Date(w.Due), Days: w.Days, Seq: w.Seq, Pending: w.Pending}
	if !w.Due.IsZero() {
		wv.Left = w.DaysLeft(today)
	}
	return wv
}

// deadlines returns the case's counting windows, first due first.
func (v *view) deadlines() []windowView {
	var ws []cases.Window
	for _, w := range v.Case.Windows {
		if !w.Closed && !w.Pending && !w.Due.IsZero() {
			ws = append(ws, w)
		}
	}
	slices.SortStableFunc(ws, func(a, b cases.Window) int { return a.Due.Compare(b.Due) })
	var out []windowView
	for _, w := range ws {
		out = append(out, v.window(w, v.today))
	}
	return out
}

// time writes the day of t in Bangkok; "" for the zero time.
func (v *view) time(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return v.Date(cases.DateOf(t))
}

// N writes a number in the view's digits.
func (v *view) N(n int) string { return Digits(strconv.Itoa(n), v.digits) }

// Ord writes the position of the i-th element of a list counted from 1
// ({{range $i, $x := …}}), in the view's digits.
func (v *view) Ord(i int) string { return v.N(i + 1) }

// Digits writes the ASCII digits of s in the view's digits.
func (v *view) Digits(s string) string { return Digits(s, v.digits) }

// Date writes a day as a letter does (FormatDate); "" for the zero Date.
func (v *view) Date(d cases.Date) string {
	if d.IsZero() {
		return ""
	}
	return FormatDate(d.Start(), Lang(v.Lang), v.digits)
}

// Open returns the window of a kind the transition opened, else the case's
// open window of that kind; nil when there is none or its last day is not
// known yet (a window waiting for its notice to be delivered).
func (v *view) Open(kind string) *windowView {
	for i := range v.Windows {
		if v.Windows[i].Kind == kind && v.Windows[i].Due != "" {
			return &v.Windows[i]
		}
	}
	if w, ok := v.Case.Window(cases.WindowKind(kind)); ok && !w.Due.IsZero() {
		wv := v.window(w, v.today)
		return &wv
	}
	return nil
}

// record returns the latest submitted form of a kind: from the notice's
// records, else the event's own form when the event is that submission.
func (v *view) record(form string) record {
	if raw, ok := v.records[cases.EventKind(form)]; ok {
		return parseRecord(raw)
	}
	if string(v.Event.Kind) == form {
		return parseRecord(v.Event.Form)
	}
	return record{}
}

// Field returns a field of the latest form of a kind as one line of text;
// "" when there is none.
func (v *view) Field(form, key string) string { return flat(text(v.record(form).fields[key])) }

// Lines returns the non-blank lines of a field of a form.
func (v *view) Lines(form, key string) []string {
	return lines(text(v.record(form).fields[key]))
}

// Amount returns a whole-number field with thousands separators, in the
// view's digits.
func (v *view) Amount(form, key string) string {
	return Digits(grouped(v.Field(form, key)), v.digits)
}

// FieldDate returns a date field (YYYY-MM-DD) written out; a field that
// is not such a date is returned as it is.
func (v *view) FieldDate(form, key string) string {
	s := v.Field(form, key)
	d, err := cases.ParseDate(s)
	if err != nil {
		return s
	}
	return v.Date(d)
}

// Rows returns the rows of a table of a form, each value as one line.
func (v *view) Rows(form, table string) []map[string]string {
	var out []map[string]string
	for _, row := range v.record(form).tables[table] {
		m := map[string]string{}
		for k, x := range row {
			m[k] = flat(text(x))
		}
		out = append(out, m)
	}
	return out
}

// Items returns the non-blank lines of a text numbered "(1) …", in the
// view's digits: what an officer listed as missing or to fix.
func (v *view) Items(s string) []string {
	ls := lines(s)
	for i, l := range ls {
		ls[i] = "(" + v.N(i+1) + ") " + l
	}
	return ls
}

// Grace is how many days after the end of a reporting period its report
// is due, in the view's digits (the agreement's reporting clause).
func (v *view) Grace() string { return v.N(v.grace) }

// Waiver is the rule a waiver is about: the latest granted, else the one
// asked for, else the one named in the latest waiver form.
func (v *view) Waiver() string {
	if n := len(v.Case.Waivers); n > 0 {
		return v.Case.Waivers[n-1]
	}
	if v.Case.Requests.Waiver != "" {
		return v.Case.Requests.Waiver
	}
	return v.Field(string(cases.RequestWaiver), "rule")
}

// Title returns what a window kind is for, in the view's language.
func (v *view) Title(kind string) string {
	th, en := cases.WindowKind(kind).Title()
	if v.Lang == string(English) {
		return en
	}
	return th
}

// FormSummary returns the event's form as "key: value" lines, fields
// sorted by key, then each table row: what officers see of a submission.
func (v *view) FormSummary() []string {
	r := parseRecord(v.Event.Form)
	var out []string
	for _, k := range sortedKeys(r.fields) {
		if s := flat(text(r.fields[k])); s != "" && k != "fields" && k != "tables" {
			out = append(out, k+": "+s)
		}
	}
	for _, name := range sortedKeys(r.tables) {
		for i, row := range r.tables[name] {
			line := name + " " + strconv.Itoa(i+1) + ":"
			for _, k := range sortedKeys(row) {
				line += " " + k + "=" + flat(text(row[k]))
			}
			out = append(out, line)
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
