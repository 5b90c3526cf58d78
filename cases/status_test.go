package cases

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"
)

// status reads the harness's store as of now for the period [from, to).
func (h *harness) status(from, to time.Time, fn func(st *Status)) {
	h.t.Helper()
	err := h.store.Status(h.ctx, StatusQuery{From: from, To: to}, func(st *Status) error {
		fn(st)
		return nil
	})
	if err != nil {
		h.t.Fatal(err)
	}
}

// collect drains an iterator, failing the test on its error.
func collect[T any](t *testing.T, it func(func(T, error) bool)) []T {
	t.Helper()
	var out []T
	for x, err := range it {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, x)
	}
	return out
}

func kpiForm(kind string, table string, rows []map[string]any,
	fields map[string]any) json.RawMessage {
	b, _ := json.Marshal(map[string]any{"kind": kind, "version": 1, "fields": fields,
		"tables": map[string]any{table: rows}})
	return b
}

// TestStatusDecisions walks three applications to an approval, a
// rejection and a finding of ineligibility, days apart, and checks the
// decisions the trail gives: received, decided, days and the 30-day test.
func TestStatusDecisions(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	day := 24 * time.Hour
	approved, rejected, ineligible := h.interest(), h.interest(), h.interest()
	for _, ref := range []Ref{approved, rejected, ineligible} {
		h.do(ref, Event{Kind: FindInScope})
	}
	h.clock.Advance(2 * day) // Wed 7 Jan 2026: the applications arrive
	for _, ref := range []Ref{approved, rejected, ineligible} {
		h.do(ref, Event{Kind: SubmitApplication})
	}
	h.clock.Advance(3 * day) // Sat 10 Jan
	h.do(approved, Event{Kind: FindComplete})
	h.do(rejected, Event{Kind: FindComplete})
	h.do(ineligible, Event{Kind: FindIneligible, Text: "less than two years"})
	h.clock.Advance(day)
	h.do(approved, Event{Kind: SubmitTestPlan, Plan: testPlan})
	h.clock.Advance(9 * day) // Tue 20 Jan
	h.do(approved, Event{Kind: Approve, Round: 1})
	h.clock.Advance(20 * day) // Mon 9 Feb: past the 30 days from 7 Jan
	h.do(rejected, Event{Kind: Reject, Text: "no exit plan"})

	var got []AgencyDecision
	h.status(time.Time{}, time.Time{}, func(st *Status) {
		got = collect(t, st.Decisions())
	})
	type want struct {
		ref      Ref
		kind     EventKind
		days     int
		due      Date
		inTime   bool
		received Date
	}
	wants := []want{
		{ineligible, FindIneligible, 3, NewDate(2026, 2, 6), true, NewDate(2026, 1, 7)},
		{approved, Approve, 13, NewDate(2026, 2, 6), true, NewDate(2026, 1, 7)},
		{rejected, Reject, 33, NewDate(2026, 2, 6), false, NewDate(2026, 1, 7)},
	}
	if len(got) != len(wants) {
		t.Fatalf("%d decisions, want %d: %+v", len(got), len(wants), got)
	}
	for i, w := range wants {
		d := got[i]
		if d.Case != w.ref || d.Kind != w.kind || d.Days() != w.days || d.Due() != w.due ||
			d.InTime() != w.inTime || d.Received != w.received {
			t.Errorf("decision %d: %s %s received %s, %d days, due %s, in time %v; want %+v",
				i, d.Case, d.Kind, d.Received, d.Days(), d.Due(), d.InTime(), w)
		}
	}
	// The decision window the store opened counts from the same day.
	var due Date
	for _, e := range h.history(rejected) {
		if e.Kind == string(FindComplete) {
			var detail struct{ Opened []string }
			mustUnmarshal(t, e.Detail, &detail)
			due = parseDueOf(t, detail.Opened)
		}
	}
	if due != got[2].Due() {
		t.Errorf("the decision window was due %s, the decision says %s", due, got[2].Due())
	}
}

func (h *harness) history(ref Ref) []AuditEntry {
	h.t.Helper()
	es, err := h.store.History(h.ctx, ref)
	if err != nil {
		h.t.Fatal(err)
	}
	return es
}

// parseDueOf reads the day of "decision due YYYY-MM-DD" (Window.String).
func parseDueOf(t *testing.T, opened []string) Date {
	t.Helper()
	for _, s := range opened {
		if d, ok := strings.CutPrefix(s, "decision due "); ok {
			if v, err := ParseDate(d); err == nil {
				return v
			}
		}
	}
	t.Fatalf("no decision window in %v", opened)
	return Date{}
}

// TestStatusCasesAndWindows checks that every case comes with its own open
// windows, that deadlines come first due first within their days, and
// that the audit entries are those of the period.
func TestStatusCasesAndWindows(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	screening := h.reach(Screening)
	waiting := h.reach(AwaitingApplication)
	h.clock.Advance(24 * time.Hour)
	cut := h.clock.Now()
	deciding := h.reach(TestPlan)
	testing := h.reach(Testing)
	h.clock.Advance(time.Hour)

	var cs []*Case
	var ws []CaseWindow
	var audit []AuditEntry
	h.status(cut, h.clock.Now(), func(st *Status) {
		cs = collect(t, st.Cases())
		ws = collect(t, st.Windows(st.Today(), st.Today().AddDays(120)))
		audit = collect(t, st.Audit())
	})
	var refs []Ref
	for _, c := range cs {
		refs = append(refs, c.Ref)
		want := h.load(c.Ref)
		if len(c.Windows) != len(want.Windows) {
			t.Errorf("%s: %d windows, want %d", c.Ref, len(c.Windows), len(want.Windows))
		}
		for _, w := range c.Windows {
			if w.Case != c.Ref || w.Closed {
				t.Errorf("%s got window %+v", c.Ref, w)
			}
		}
	}
	if !slices.Equal(refs, []Ref{screening, waiting, deciding, testing}) {
		t.Fatalf("cases %v", refs)
	}
	for i, w := range ws {
		if i > 0 && w.Due.Before(ws[i-1].Due) {
			t.Errorf("deadline %d (%s) before %d (%s)", i, w.Due, i-1, ws[i-1].Due)
		}
		if w.Pending || w.Org != testApplicant.OrgName || w.Stage == "" {
			t.Errorf("deadline %+v", w)
		}
	}
	kinds := map[WindowKind]bool{}
	for _, w := range ws {
		kinds[w.Kind] = true
	}
	for _, k := range []WindowKind{WindowApplication, WindowDecision, WindowReport} {
		if !kinds[k] {
			t.Errorf("no %s window among the deadlines: %v", k, kinds)
		}
	}
	if kinds[WindowTesting] {
		t.Error("the end of testing (31 August) is listed within 120 days")
	}
	for _, e := range audit {
		if e.At.Before(cut) || e.Case == screening || e.Case == waiting {
			t.Errorf("audit entry %d of %s at %s is not of the period", e.Seq, e.Case, e.At)
		}
	}
	// Two walks' events, and the windows their letters' delivery started.
	if len(audit) != (4+1)+(7+3) {
		t.Errorf("%d audit entries in the period, want 15", len(audit))
	}
}

// TestStatusParticipants checks the announcement's order, the approval
// date and the test plan's KPIs joined with the latest progress report.
func TestStatusParticipants(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	first := h.reach(Agreement)
	lapsed := h.reach(Agreement)
	h.clock.Advance(48 * time.Hour)
	second := h.interest()
	for _, e := range []Event{{Kind: FindInScope}, {Kind: SubmitApplication},
		{Kind: FindComplete}} {
		h.do(second, e)
	}
	plan := kpiForm("test_plan", "kpis", []map[string]any{
		{"kpi": "Availability", "dimension": "reliability", "target": 99.5, "unit": "%"},
		{"kpi": "Undetected fraud", "dimension": "security", "target": 0, "unit": "cases"},
	}, map[string]any{"start_date": "2026-03-02", "end_date": "2026-08-31"})
	h.do(second, Event{Kind: SubmitTestPlan, Plan: testPlan, Form: plan})
	h.do(second, Event{Kind: Approve, Round: 1})
	approvedAt := h.clock.Now()
	h.do(second, Event{Kind: RecordSigned})
	report := kpiForm("progress_report", "kpi_results", []map[string]any{
		{"kpi": "availability ", "actual": "99.1"}, {"kpi": "Complaints", "actual": 3},
	}, map[string]any{"period_from": "2026-03-02", "period_to": "2026-04-01"})
	h.do(second, Event{Kind: SubmitProgressReport, Form: report})
	h.clock.Advance(20 * 24 * time.Hour)
	h.do(first, Event{Kind: RecordSigned, Plan: &Plan{Start: NewDate(2026, 3, 2),
		End: NewDate(2026, 9, 30)}})
	h.sweep() // the lapsed approval's 15 days have run out

	var ps []Participant
	h.status(time.Time{}, time.Time{}, func(st *Status) { ps = collect(t, st.Participants()) })
	if len(ps) != 2 || ps[0].Case.Ref != first || ps[1].Case.Ref != second ||
		!ps[0].Approved.Before(ps[1].Approved) {
		t.Fatalf("participants %+v; want %s then %s, approved in that order (not %s)", ps,
			first, second, lapsed)
	}
	p := ps[1]
	if !p.Approved.Equal(approvedAt) || p.Case.Stage != Testing ||
		p.Case.ReportsReceived != 1 || p.ReportTo != NewDate(2026, 4, 1) {
		t.Fatalf("participant %+v, approved %s (want %s)", p, p.Approved, approvedAt)
	}
	want := []KPI{
		{Name: "Availability", Dimension: "reliability", Unit: "%", Target: 99.5,
			HasTarget: true, Actual: 99.1, HasActual: true},
		{Name: "Undetected fraud", Dimension: "security", Unit: "cases", HasTarget: true},
		{Name: "Complaints", Actual: 3, HasActual: true},
	}
	if !slices.Equal(p.KPIs, want) {
		t.Errorf("KPIs %+v\nwant %+v", p.KPIs, want)
	}
}

// TestStatusTasks checks what the agency owes: screening, a decision
// running and one overdue, information that did not come, a request.
func TestStatusTasks(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	screen := h.reach(Screening)
	silent := h.reach(Screening)
	h.do(silent, Event{Kind: AskMoreInfo, Text: "the architecture",
		Date: NewDate(2026, 1, 12)})
	deciding := h.reach(TestPlan)
	h.reach(AwaitingApplication) // waits on the applicant: no task
	h.clock.Advance(10 * 24 * time.Hour)
	late := h.reach(Decision)
	h.clock.Set(at(2026, time.February, 20, 10, 0))
	h.sweep() // deciding's 30 days, and silent's information, run out
	fresh := h.reach(TestPlan)

	var tasks []Task
	h.status(time.Time{}, time.Time{}, func(st *Status) {
		var err error
		if tasks, err = st.Tasks(st.Today().AddDays(14)); err != nil {
			t.Fatal(err)
		}
	})
	type want struct {
		ref  Ref
		kind TaskKind
		due  Date
	}
	wants := []want{
		{silent, TaskInfoOverdue, NewDate(2026, 1, 12)},
		{deciding, TaskDecisionOverdue, NewDate(2026, 2, 4)},
		{late, TaskDecisionOverdue, NewDate(2026, 2, 14)},
		{fresh, TaskDecide, NewDate(2026, 3, 22)},
		{screen, TaskScreen, Date{}},
	}
	if len(tasks) != len(wants) {
		t.Fatalf("tasks %+v", tasks)
	}
	for i, w := range wants {
		got := tasks[i]
		if got.Case != w.ref || got.Kind != w.kind || got.Due != w.due {
			t.Errorf("task %d: %s %s due %s; want %+v", i, got.Case, got.Kind, got.Due, w)
		}
	}
	if !tasks[1].Overdue(DateOf(h.clock.Now())) || tasks[3].Overdue(DateOf(h.clock.Now())) {
		t.Error("overdue is wrong")
	}
}
