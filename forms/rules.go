package forms

import (
	"strings"
)

// Rules that look at more than one field, or at facts from outside the form.
// Each sees only values that parsed: a missing value is reported once, by
// its field, not again by a rule.

// experienceRule: the applicant must have at least two years of experience
// in electronic-transaction services, counted to the day the application
// arrives (guideline, eligibility). Two years back from 30 May 2025 is
// 30 May 2023; from 29 February it is 28 February (cases.Date.AddMonths).
func experienceRule(r *Record, opts ParseOptions) []Problem {
	since := r.Date("experience_since")
	if since.IsZero() || opts.Received.IsZero() {
		return nil
	}
	latest := opts.Received.AddMonths(-24)
	if !since.After(latest) {
		return nil
	}
	return []Problem{fieldProblem(r, "experience_since", since.String(),
		Label{"ประสบการณ์ไม่ถึง 2 ปี นับถึงวันยื่นคำขอ " + opts.Received.String(),
			"less than 2 years of experience counted to the day the application arrived, " +
				opts.Received.String()},
		Label{"วันที่ไม่หลัง " + latest.String(), "a date on or before " + latest.String()})}
}

// notAfterArrival: a date that has already happened cannot be after the day
// the form arrived.
func notAfterArrival(key string) Rule {
	return func(r *Record, opts ParseOptions) []Problem {
		d := r.Date(key)
		if d.IsZero() || opts.Received.IsZero() || !d.After(opts.Received) {
			return nil
		}
		return []Problem{fieldProblem(r, key, d.String(),
			Label{"อยู่หลังวันที่ยื่นแบบ", "is after the day the form arrived"},
			Label{"วันที่ไม่หลัง " + opts.Received.String(),
				"a date on or before " + opts.Received.String()})}
	}
}

// notBefore: the date under later may not be before the one under earlier
// (a period ends on or after the day it starts).
func notBefore(later, earlier string) Rule {
	return func(r *Record, _ ParseOptions) []Problem {
		a, b := r.Date(later), r.Date(earlier)
		if a.IsZero() || b.IsZero() || !a.Before(b) {
			return nil
		}
		return []Problem{fieldProblem(r, later, a.String(),
			Label{"อยู่ก่อน" + label(r, earlier).TH, "is before " + label(r, earlier).EN},
			Label{"วันที่ตั้งแต่ " + b.String(), "a date on or after " + b.String()})}
	}
}

// notMore: the number under part may not exceed the one under whole (IT
// staff are part of the staff).
func notMore(part, whole string) Rule {
	return func(r *Record, _ ParseOptions) []Problem {
		if !r.Fields.Has(part) || !r.Fields.Has(whole) ||
			r.Number(part) <= r.Number(whole) {
			return nil
		}
		w := fmtNum(r.Number(whole))
		return []Problem{fieldProblem(r, part, fmtNum(r.Number(part)),
			Label{"มากกว่า" + label(r, whole).TH, "is more than " + label(r, whole).EN},
			Label{"ไม่เกิน " + w, "at most " + w})}
	}
}

// attachmentsRule: every Attachment field must name a file attached to the
// same email (guideline step 2: the application and its documents).
func attachmentsRule(r *Record, opts ParseOptions) []Problem {
	if opts.Standalone {
		return nil
	}
	var ps []Problem
	if r.Schema() == nil {
		return nil
	}
	for _, f := range r.Schema().Fields {
		name := r.Text(f.Key)
		if f.Type != Attachment || name == "" || attached(name, opts.Attachments) {
			continue
		}
		list := strings.Join(opts.Attachments, ", ")
		if list == "" {
			list = "-"
		}
		ps = append(ps, fieldProblem(r, f.Key, name,
			Label{"ไม่พบไฟล์ชื่อนี้ในอีเมลฉบับนี้", "no file of this name is attached to the email"},
			Label{"ชื่อไฟล์ที่แนบมา: " + list, "the name of an attached file: " + list}))
	}
	return ps
}

func attached(name string, files []string) bool {
	for _, f := range files {
		if base, err := parseAttachment(f); err == nil && strings.EqualFold(base, name) {
			return true
		}
	}
	return false
}

func label(r *Record, key string) Label {
	if r.Schema() == nil {
		return Label{key, key}
	}
	if f, ok := r.Schema().Field(key); ok {
		return f.Label
	}
	return Label{key, key}
}

func fieldProblem(r *Record, key, got string, wrong, want Label) Problem {
	return Problem{Key: key, Label: label(r, key), Got: cut(got, 80), Wrong: wrong, Want: want}
}
