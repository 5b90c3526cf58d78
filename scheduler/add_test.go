package scheduler

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestAddRefuses: a bad spec is an error naming the job and the spec and
// saying what a spec looks like; a bad job is refused too.
func TestAddRefuses(t *testing.T) {
	t.Parallel()
	run := func(context.Context) error { return nil }
	tests := []struct {
		name    string
		runLog  RunLog
		jobs    []Job // all but the last are added first and must succeed
		want    error
		wantMsg []string
	}{
		{"four fields", nil, []Job{{Name: "digest", Spec: "30 8 * *", Run: run}},
			ErrBadSpec, []string{`job "digest"`, `spec "30 8 * *"`, "five fields", "@every"}},
		{"seconds field", nil, []Job{{Name: "digest", Spec: "0 30 8 * * 1-5", Run: run}},
			ErrBadSpec, []string{`spec "0 30 8 * * 1-5"`, "five fields"}},
		{"hour 24", nil, []Job{{Name: "digest", Spec: "0 24 * * *", Run: run}},
			ErrBadSpec, []string{"24"}},
		{"unknown descriptor", nil, []Job{{Name: "w", Spec: "@fortnightly", Run: run}},
			ErrBadSpec, []string{"@fortnightly"}},
		{"empty spec", nil, []Job{{Name: "w", Run: run}}, ErrBadSpec, []string{`spec ""`}},
		{"30 February", nil, []Job{{Name: "w", Spec: "0 0 30 2 *", Run: run}},
			ErrBadSpec, []string{"never comes due"}},
		{"no name", nil, []Job{{Spec: "@hourly", Run: run}}, ErrBadJob, []string{"no name"}},
		{"no run", nil, []Job{{Name: "w", Spec: "@hourly"}}, ErrBadJob, []string{"Run"}},
		{"catch-up without run log", nil, []Job{Workbook(run)}, ErrBadJob,
			[]string{"RunLog"}},
		{"name taken", newRunLog(nil), []Job{Workbook(run), Workbook(run)}, ErrBadJob,
			[]string{`"workbook"`, "taken"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := New(Options{RunLog: tt.runLog, Logger: newLogs().logger()})
			last := len(tt.jobs) - 1
			mustAdd(t, s, tt.jobs[:last]...)
			err := s.Add(tt.jobs[last])
			if !errors.Is(err, tt.want) {
				t.Fatalf("Add = %v, want %v", err, tt.want)
			}
			for _, m := range tt.wantMsg {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("error %q does not say %q", err, m)
				}
			}
		})
	}
}
