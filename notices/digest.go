package notices

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"sandboxbot/cases"
)

// DigestOptions say how far ahead the officers' digest looks and whether it
// carries its rows as a file.
type DigestOptions struct {
	// Horizon is how many days ahead the end of a test period is listed;
	// zero means 14. Every other task is listed whatever its day.
	Horizon int
	// Attach adds the rows as a small xlsx file.
	Attach bool
}

// DigestNotice reads what the agency has to do (cases.Status.Tasks) as of
// now and returns the officers' digest, for cases.Store.Notify to queue:
// Kind NoticeDigest to cases.ToOfficers, the rows first due first in
// Reason (English) and ReasonTH (Thai), which the wording templates
// place in the body, and with opt.Attach the same rows as an xlsx file.
// It returns how many tasks it lists, so that a scheduler may skip an
// empty digest. It fails with src's error or ctx's.
func DigestNotice(ctx context.Context, src StatusSource, now time.Time,
	opt DigestOptions) (cases.Notice, int, error) {
	if opt.Horizon == 0 {
		opt.Horizon = 14
	}
	var tasks []cases.Task
	err := src.Status(ctx, cases.StatusQuery{At: now}, func(st *cases.Status) error {
		var err error
		tasks, err = st.Tasks(st.Today().AddDays(opt.Horizon))
		return err
	})
	if err != nil {
		return cases.Notice{}, 0, err
	}
	today := cases.DateOf(now)
	n := cases.Notice{Kind: cases.NoticeDigest, To: cases.ToOfficers, At: now,
		Reason: digestText(tasks, today, English), ReasonTH: digestText(tasks, today, Thai)}
	if opt.Attach && len(tasks) > 0 {
		f, err := digestFile(tasks, today)
		if err != nil {
			return cases.Notice{}, 0, err
		}
		n.Files = []cases.File{f}
	}
	return n, len(tasks), nil
}

// digestWords are the digest's fixed wording in one language; the %d of
// late, left and waited is a number of days.
type digestWords struct {
	overdue, due, open, none string
	dueOn, lastDay, waiting  string
	late, left, waited       string
}

var digestLangs = map[Lang]digestWords{
	Thai: {overdue: "เกินกำหนดแล้ว", due: "มีกำหนดเวลา",
		open: "ไม่มีกำหนดเวลา (เรียงตามระยะเวลาที่รอ)",
		none: "ไม่มีเรื่องที่รอสำนักงานดำเนินการ", dueOn: "ครบกำหนดวันที่",
		lastDay: "วันนี้เป็นวันสุดท้าย", waiting: "รอตั้งแต่วันที่", late: "เกินมา %d วัน",
		left: "อีก %d วัน", waited: "รอมาแล้ว %d วัน"},
	English: {overdue: "Overdue", due: "Due", open: "No deadline (longest waiting first)",
		none: "Nothing is waiting on the Agency.", dueOn: "due", lastDay: "last day today",
		waiting: "waiting since", late: "%d days overdue", left: "%d days left",
		waited: "%d days"},
}

// digestText writes the tasks in three groups (overdue, with a last day,
// without one), numbered across them, two lines a task: the case, then
// what is to be done and by when.
func digestText(tasks []cases.Task, today cases.Date, lang Lang) string {
	w := digestLangs[lang]
	if len(tasks) == 0 {
		return w.none
	}
	var b strings.Builder
	group := ""
	for i, t := range tasks {
		g := w.open
		switch {
		case t.Overdue(today):
			g = w.overdue
		case !t.Due.IsZero():
			g = w.due
		}
		if g != group {
			if group != "" {
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "%s\n", g)
			group = g
		}
		org := flat(t.Org)
		if lang == English && t.OrgEN != "" {
			org = flat(t.OrgEN)
		}
		fmt.Fprintf(&b, "%d. %s %s\n   %s: %s\n", i+1, t.Case, org, taskLabel(t.Kind).in(lang),
			w.when(t, today, lang))
	}
	return strings.TrimRight(b.String(), "\n")
}

// when says by when a task is due, or since when it waits.
func (w digestWords) when(t cases.Task, today cases.Date, lang Lang) string {
	if t.Due.IsZero() {
		if t.Since.IsZero() {
			return ""
		}
		days := cases.DateOf(t.Since).DaysUntil(today)
		return fmt.Sprintf("%s %s (%s)", w.waiting, FormatDate(t.Since.In(cases.Bangkok), lang,
			false), fmt.Sprintf(w.waited, days))
	}
	left := today.DaysUntil(t.Due)
	how := fmt.Sprintf(w.left, left)
	switch {
	case left < 0:
		how = fmt.Sprintf(w.late, -left)
	case left == 0:
		how = w.lastDay
	}
	return fmt.Sprintf("%s %s (%s)", w.dueOn, FormatDate(t.Due.Start(), lang, false), how)
}

var digestColumns = []column{
	{label{"วันครบกำหนด", "Due"}, 12},
	{label{"เหลือ (วัน)", "Days left"}, 10},
	{label{"เลขที่เรื่อง", "Reference"}, 16},
	{label{"หน่วยงาน", "Organisation"}, 40},
	{label{"ขั้นตอน", "Stage"}, 30},
	{label{"งานที่ต้องดำเนินการ", "To do"}, 40},
	{label{"รอตั้งแต่", "Waiting since"}, 17},
}

// digestFile writes the tasks as an xlsx file of one sheet.
func digestFile(tasks []cases.Task, today cases.Date) (cases.File, error) {
	var buf bytes.Buffer
	err := writeOneSheet(&buf, "digest", "งานที่รอ Digest", "Digest", digestColumns, nil,
		func(s *sheet) error {
			for _, t := range tasks {
				var left any
				if !t.Due.IsZero() {
					left = today.DaysUntil(t.Due)
				}
				err := s.add(t.Due, left, t.Case.String(), t.Org, stageText(t.Stage),
					taskText(t.Kind), t.Since)
				if err != nil {
					return err
				}
			}
			return nil
		})
	if err != nil {
		return cases.File{}, err
	}
	return cases.File{Name: "digest-" + today.String() + ".xlsx", ContentType: xlsxType,
		Data: buf.Bytes()}, nil
}
