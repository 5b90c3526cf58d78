package cases

import (
	"slices"
	"time"
)

// TaskKind names something the agency must do on a case.
type TaskKind string

// The agency's tasks, in the order of the guideline's steps.
const (
	TaskScreen            TaskKind = "screen"             // step 1: screen the interest
	TaskReviewApplication TaskKind = "review_application" // step 2: complete? eligible?
	TaskDecide            TaskKind = "decide"             // step 4: the 30 days run
	TaskDecisionOverdue   TaskKind = "decision_overdue"   // step 4: the 30 days ran out
	TaskRoundChange       TaskKind = "round_change"       // step 4: another round asked for
	TaskTestingEnds       TaskKind = "testing_ends"       // step 6: the test period ends
	TaskExtension         TaskKind = "extension"          // step 6.2: an extension asked for
	TaskWaiver            TaskKind = "waiver"             // step 6.3: a waiver asked for
	TaskJudgeResult       TaskKind = "judge_result"       // step 7: testing ended
	TaskAppeal            TaskKind = "appeal"             // step 7.3: an appeal lodged
	TaskFixesOverdue      TaskKind = "fixes_overdue"      // step 7: fixes not made in time
	TaskInfoOverdue       TaskKind = "info_overdue"       // information asked for did not come
)

var taskTitles = map[TaskKind][2]string{
	TaskScreen:            {"พิจารณาการแจ้งความประสงค์", "screen the expression of interest"},
	TaskReviewApplication: {"ตรวจสอบคำขอและเอกสาร", "review the application"},
	TaskDecide:            {"แจ้งผลการพิจารณา", "decide on the application"},
	TaskDecisionOverdue: {"แจ้งผลการพิจารณา (พ้นกำหนด 30 วัน)",
		"decide on the application (30 days passed)"},
	TaskRoundChange:  {"พิจารณาคำขอเปลี่ยนรอบการทดสอบ", "answer the request for another round"},
	TaskTestingEnds:  {"ครบกำหนดระยะเวลาการทดสอบ", "the test period ends"},
	TaskExtension:    {"พิจารณาคำขอขยายระยะเวลาการทดสอบ", "answer the request for an extension"},
	TaskWaiver:       {"พิจารณาคำขอผ่อนผันหลักเกณฑ์", "answer the request for a waiver"},
	TaskJudgeResult:  {"ประเมินผลการทดสอบ", "judge the result of testing"},
	TaskAppeal:       {"พิจารณาคำขอทบทวน", "decide on the appeal"},
	TaskFixesOverdue: {"พ้นกำหนดการแก้ไข", "the fixes were not made in time"},
	TaskInfoOverdue:  {"พ้นกำหนดส่งข้อมูลเพิ่มเติม", "the information asked for did not come"},
}

// Title returns what the task is, in Thai and in English.
func (k TaskKind) Title() (th, en string) {
	t := taskTitles[k]
	return t[0], t[1]
}

// Task is something the agency must do on a case: decide, judge a result,
// answer a request, or act on a period that ran out (the officers were
// prompted when it did).
type Task struct {
	Case     Ref
	Org      string
	OrgEN    string
	Solution string
	Stage    Stage
	Kind     TaskKind
	// Since is when the wait began: the submission or request to answer,
	// the start of the stage, or when the period ran out.
	Since time.Time
	// Due is the agency's last day: the decision window's, the end of
	// testing, or the last day of the period that ran out. Zero when no
	// period binds the agency.
	Due Date
}

// Overdue reports whether the task's last day is before today.
func (t Task) Overdue(today Date) bool { return !t.Due.IsZero() && t.Due.Before(today) }

// TasksOf returns what the agency must do on c, a case with its open
// windows as Cases yields it, first due first (see Tasks for the order).
func (st *Status) TasksOf(c *Case) ([]Task, error) {
	var out []Task
	add := func(k TaskKind, since time.Time, due Date) {
		out = append(out, Task{Case: c.Ref, Org: c.Applicant.OrgName,
			OrgEN: c.Applicant.OrgNameEN, Solution: c.Applicant.Solution, Stage: c.Stage,
			Kind: k, Since: since, Due: due})
	}
	for _, w := range c.Windows {
		if w.Closed || w.Pending || w.Party != Agency {
			continue
		}
		switch w.Kind {
		case WindowDecision:
			add(TaskDecide, c.LastSubmission, w.Due)
		case WindowTesting:
			add(TaskTestingEnds, w.Start.Start(), w.Due)
		}
	}
	if err := st.expiredTasks(c, add); err != nil {
		return nil, err
	}
	waiting := c.LastSubmission
	if waiting.IsZero() {
		waiting = c.StageSince
	}
	switch {
	case c.Paused:
	case c.Stage == Screening:
		add(TaskScreen, waiting, Date{})
	case c.Stage == ApplicationReview:
		add(TaskReviewApplication, waiting, Date{})
	case c.Stage == ExitReview:
		add(TaskJudgeResult, c.StageSince, Date{})
	}
	if c.Requests.RoundChange != 0 && c.Stage == Agreement {
		add(TaskRoundChange, waiting, Date{})
	}
	if !c.Requests.Extension.IsZero() && c.Stage == Testing {
		add(TaskExtension, waiting, Date{})
	}
	if c.Requests.Waiver != "" && c.Stage == Testing {
		add(TaskWaiver, waiting, Date{})
	}
	if c.Requests.Appeal && c.Stage == Appeal {
		add(TaskAppeal, waiting, Date{})
	}
	sortTasks(out)
	return out, nil
}

// expiredTasks adds the tasks of periods that ran out and left the agency
// to act: the decision window (the case is still before its decision with
// no decision window open), information asked for (still paused with none
// open), and fixes. Their last day is the window's that ran out, and they
// wait from the moment it did.
func (st *Status) expiredTasks(c *Case, add func(TaskKind, time.Time, Date)) error {
	expired := func(k TaskKind, w WindowKind) error {
		ex, err := st.readExpiries()
		if err != nil {
			return err
		}
		due := ex[expiryKey{c.Ref, w}]
		since := c.Updated
		if !due.IsZero() {
			since = due.End()
		}
		add(k, since, due)
		return nil
	}
	_, deciding := c.Window(WindowDecision)
	if (c.Stage == TestPlan || c.Stage == Decision) && !deciding {
		if err := expired(TaskDecisionOverdue, WindowDecision); err != nil {
			return err
		}
	}
	if _, asked := c.Window(WindowMoreInfo); c.Paused && !asked {
		if err := expired(TaskInfoOverdue, WindowMoreInfo); err != nil {
			return err
		}
	}
	if c.FixesOverdue {
		return expired(TaskFixesOverdue, WindowFixes)
	}
	return nil
}

type expiryKey struct {
	ref  Ref
	kind WindowKind
}

// readExpiries reads, the first time they are needed, the last day of
// each case's latest window of each kind that ran out: one small entry per
// such window.
func (st *Status) readExpiries() (map[expiryKey]Date, error) {
	st.expiriesMu.Lock()
	defer st.expiriesMu.Unlock()
	if st.expiries != nil {
		return st.expiries, nil
	}
	ex := map[expiryKey]Date{}
	err := st.r.eachExpiredWindow(st.ctx, func(ref Ref, k WindowKind, due Date) error {
		ex[expiryKey{ref, k}] = due
		return nil
	})
	if err != nil {
		return nil, err
	}
	st.expiries = ex
	return ex, nil
}

// Tasks returns what the agency must do on every case, first due first,
// those without a last day after them, longest waiting first; the end of
// a test period after until is left out. The list is held in memory: one
// entry per task, far fewer than the cases.
func (st *Status) Tasks(until Date) ([]Task, error) {
	var out []Task
	err := st.r.eachTaskCase(st.ctx, until, func(c *Case) error {
		ts, err := st.TasksOf(c)
		for _, t := range ts {
			if t.Kind == TaskTestingEnds && t.Due.After(until) {
				continue
			}
			out = append(out, t)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	sortTasks(out)
	return out, nil
}

// sortTasks orders tasks by last day, then those without one, each by how
// long they have waited, then by case.
func sortTasks(ts []Task) {
	slices.SortStableFunc(ts, func(a, b Task) int {
		switch {
		case a.Due.IsZero() != b.Due.IsZero():
			if a.Due.IsZero() {
				return 1
			}
			return -1
		case a.Due != b.Due:
			return a.Due.Compare(b.Due)
		case !a.Since.Equal(b.Since):
			return a.Since.Compare(b.Since)
		}
		return cmpInt(a.Case.Year*1000000+a.Case.Seq, b.Case.Year*1000000+b.Case.Seq)
	})
}
