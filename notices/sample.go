package notices

import (
	"encoding/json"
	"time"

	"sandboxbot/cases"
)

// Sample returns a realistic notice of a kind, as the workflow would pass
// it to Render: the case of an applicant writing in lang ("th" or "en";
// anything else is Thai) on Monday 30 March 2026, in the stage the
// transition left it, with the event, the windows and due dates counted on
// the shipped holiday calendar, and for letters a number and the forms
// submitted so far. For a kind not in Kinds it returns a notice that
// Render refuses with ErrUnknownKind. It is for `sandboxbot letter sample`
// and tests; the data is invented.
func Sample(kind cases.NoticeKind, lang string) cases.Notice {
	s := newSampler(lang)
	n := cases.Notice{Kind: kind, To: cases.ToApplicant, Case: s.base(), At: sampleAt}
	if f, ok := samples[kind]; ok {
		f(s, &n)
	}
	if IsLetter(kind) && n.To == cases.ToApplicant {
		n.LetterNo = "สพธอ. 412/2569"
		n.SetRecords(s.records())
	}
	if n.From == "" {
		n.From = n.Case.Stage
	}
	return n
}

// sampleAt is the samples' "now": Monday 30 March 2026, 10:00 in Bangkok.
var sampleAt = time.Date(2026, 3, 30, 10, 0, 0, 0, cases.Bangkok)

// sampler builds the pieces of samples in one language.
type sampler struct {
	en    bool
	cal   *cases.Calendar
	today cases.Date
}

func newSampler(lang string) *sampler {
	return &sampler{en: lang == "en", cal: cases.NewCalendar(cases.ShippedHolidays()),
		today: cases.DateOf(sampleAt)}
}

// pick returns th or en by the sample's language.
func (s *sampler) pick(th, en string) string {
	if s.en {
		return en
	}
	return th
}

var (
	sampleRef  = cases.Ref{Year: 2569, Seq: 7}
	samplePlan = cases.Plan{Start: cases.NewDate(2026, 5, 1), End: cases.NewDate(2026, 10, 31),
		Every: "monthly"}
	sampleOfficer = "somsri.officer@example.org"
)

// base is the case of the samples as it stands in testing.
func (s *sampler) base() cases.Case {
	lang := s.pick("th", "en")
	return cases.Case{Ref: sampleRef, Stage: cases.Testing, Round: 2, Plan: samplePlan,
		Applicant: cases.ApplicantInfo{
			OrgName: "บริษัท ตัวอย่าง ดิจิทัล จำกัด", OrgNameEN: "Example Digital Co., Ltd.",
			OrgType: "company_limited", JuristicID: "0105556123453",
			ContactName:  s.pick("นายสมชาย ใจดี", "Somchai Jaidee"),
			ContactEmail: "somchai@example.com", ContactPhone: "081 234 5678",
			Solution: s.pick("ระบบพิสูจน์และยืนยันตัวตนทางดิจิทัล ExampleID",
				"ExampleID digital identity platform"),
			Category: "digital-id", Lang: lang},
		Opened:         time.Date(2026, 1, 12, 9, 30, 0, 0, cases.Bangkok),
		StageSince:     time.Date(2026, 3, 2, 11, 0, 0, 0, cases.Bangkok),
		LastSubmission: time.Date(2026, 2, 26, 14, 5, 0, 0, cases.Bangkok),
		Updated:        sampleAt}
}

// told is a window counted from the notice: its last day as if the
// notice is delivered today.
func (s *sampler) told(k cases.WindowKind, days int) cases.Window {
	return cases.Window{Case: sampleRef, Kind: k, Party: k.Party(), Start: s.today,
		Due: s.cal.Due(s.today, days, k.Party()), Days: days, Pending: true}
}

// until is a window that ends on a given day.
func (s *sampler) until(k cases.WindowKind, start, due cases.Date) cases.Window {
	return cases.Window{Case: sampleRef, Kind: k, Party: k.Party(), Start: start, Due: due}
}

// report is report window seq of the monthly schedule from start.
func (s *sampler) report(k cases.WindowKind, base cases.Date, seq, months int) cases.Window {
	end := base.AddMonths(seq * months).AddDays(-1)
	w := s.until(k, end, s.cal.Due(end, cases.DefaultPolicy.ReportGraceDays, k.Party()))
	w.Seq = seq
	return w
}

func (s *sampler) officer(kind cases.EventKind) cases.Event {
	return cases.Event{Kind: kind, Case: sampleRef, At: sampleAt, Actor: cases.ByOfficer,
		By: sampleOfficer}
}

func (s *sampler) applicant(kind cases.EventKind, form map[string]any) cases.Event {
	e := cases.Event{Kind: kind, Case: sampleRef, At: sampleAt, Actor: cases.ByApplicant,
		By: "somchai@example.com"}
	if form != nil {
		e.Form = formJSON(string(kind), form, nil)
	}
	return e
}

func (s *sampler) clock(kind cases.EventKind) cases.Event {
	return cases.Event{Kind: kind, Case: sampleRef, At: sampleAt, Actor: cases.ByClock,
		By: "clock"}
}

// formJSON writes a form as package forms stores it.
func formJSON(kind string, fields map[string]any, tables map[string][]map[string]any) []byte {
	b, err := json.Marshal(map[string]any{"kind": kind, "version": 1, "source": "xlsx",
		"fields": fields, "tables": tables})
	if err != nil {
		panic("notices: sample form: " + err.Error()) // maps of plain values always encode
	}
	return b
}

// postExit is the first post-exit report window after exiting today.
func (s *sampler) postExit() cases.Window {
	return s.report(cases.WindowPostExitReport, s.today, 1, 3)
}

// exited sets the case as it leaves testing today with an outcome.
func exited(n *cases.Notice, stage cases.Stage, o cases.Outcome) {
	n.From, n.Case.Stage, n.Case.Outcome = cases.Testing, stage, o
	n.Case.ExitedOn = cases.DateOf(sampleAt)
	n.Case.Plan.End = cases.NewDate(2026, 3, 29)
}
