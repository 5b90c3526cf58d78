package notices

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"sandboxbot/cases"
)

// renderingStore opens the seeded database a second time with a composer
// that renders every notice (Render) and keeps it, as the bot's outbox
// composer would before writing the message.
func renderingStore(t *testing.T, s *seeded) (*cases.Store, func() []*Rendered) {
	t.Helper()
	var mu sync.Mutex
	var got []*Rendered
	comp := cases.ComposerFunc(func(ctx context.Context, n cases.Notice) ([]cases.Message,
		error) {
		r, err := Render(ctx, n, RenderOptions{})
		if err != nil {
			return nil, err
		}
		r.Attachments = nil
		for _, f := range n.Files {
			r.Attachments = append(r.Attachments, Attachment{f.Name, f.ContentType, f.Data})
		}
		mu.Lock()
		got = append(got, r)
		mu.Unlock()
		id := cases.NewMessageID(n.Case.Ref, n.Kind, "etda.test")
		m := cases.Message{MessageID: id, From: "bot@etda.test",
			To: []string{"officers@etda.test"}, Raw: []byte("Message-ID: " + id + "\r\n\r\n")}
		return []cases.Message{m}, nil
	})
	store, err := cases.OpenSQLite(context.Background(), s.path, cases.Options{
		Clock: s.clock, Composer: comp, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store, func() []*Rendered {
		mu.Lock()
		defer mu.Unlock()
		return got
	}
}

// The seeded store's tasks as of reportAt, first due first: the
// information case 2 did not send by 20 January, the decision on case 6
// due 7 February, the decision on case 5 due 1 April; then, longest
// waiting first, case 1 to screen, case 4's application, case 9's request
// for an extension.
var seededTasks = []struct {
	n    int
	kind cases.TaskKind
	when string
}{
	{2, cases.TaskInfoOverdue, "due 20 January 2026 (55 days overdue)"},
	{6, cases.TaskDecisionOverdue, "due 7 February 2026 (37 days overdue)"},
	{5, cases.TaskDecide, "due 1 April 2026 (16 days left)"},
	{1, cases.TaskScreen, "waiting since 5 January 2026 (70 days)"},
	{4, cases.TaskReviewApplication, "waiting since 8 January 2026 (67 days)"},
	{9, cases.TaskExtension, "waiting since 10 March 2026 (6 days)"},
}

// TestDigestNotice builds the digest of the seeded store, checks its rows
// and their order in both languages and in the attached workbook, and
// queues it with Store.Notify through a composer that renders it.
func TestDigestNotice(t *testing.T) {
	t.Parallel()
	s := seedStatus(t)
	ctx := context.Background()
	n, count, err := DigestNotice(ctx, s.store, reportAt, DigestOptions{Attach: true})
	if err != nil {
		t.Fatal(err)
	}
	if n.Kind != cases.NoticeDigest || n.To != cases.ToOfficers || count != len(seededTasks) {
		t.Fatalf("digest %s to %s with %d tasks", n.Kind, n.To, count)
	}
	last := -1
	for i, want := range seededTasks {
		line := itoa(i+1) + ". " + s.refs[want.n].String() + " "
		at := strings.Index(n.Reason, line)
		_, en := want.kind.Title()
		if at < last || !strings.Contains(n.Reason[at:], en+": "+want.when) {
			t.Errorf("task %d (case %d, %s) is missing or out of order:\n%s", i+1, want.n,
				want.kind, n.Reason)
		}
		last = at
		if !strings.Contains(n.ReasonTH, line) {
			t.Errorf("the Thai digest lacks %q", line)
		}
	}
	for _, want := range []string{"เกินกำหนดแล้ว", "เกินมา 55 วัน", "อีก 16 วัน",
		"ครบกำหนดวันที่ 1 เมษายน 2569", "รอมาแล้ว 70 วัน"} {
		if !strings.Contains(n.ReasonTH, want) {
			t.Errorf("the Thai digest lacks %q:\n%s", want, n.ReasonTH)
		}
	}
	if strings.ContainsAny(n.Reason, "\t\r") {
		t.Error("an organisation's control characters reach the digest")
	}
	checkDigestFile(t, n.Files)

	store, rendered := renderingStore(t, s)
	ids, err := store.Notify(ctx, n)
	if err != nil || len(ids) != 1 {
		t.Fatalf("Notify: %v, %v", ids, err)
	}
	r := rendered()[0]
	if !strings.Contains(r.Subject, "งานที่รอสำนักงานดำเนินการ ประจำวันที่ 16 มีนาคม 2569") ||
		!strings.Contains(r.Body, n.ReasonTH) || !strings.Contains(r.Body, n.Reason) ||
		len(r.Attachments) != 1 {
		t.Errorf("rendered digest:\n%s\n\n%s", r.Subject, r.Body)
	}
}

func checkDigestFile(t *testing.T, files []cases.File) {
	t.Helper()
	if len(files) != 1 || files[0].Name != "digest-2026-03-16.xlsx" {
		t.Fatalf("files %+v", files)
	}
	f, err := excelize.OpenReader(bytes.NewReader(files[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil || len(rows) != 1+len(seededTasks) {
		t.Fatalf("the digest file has %d rows (%v)", len(rows), err)
	}
	if rows[1][0] != "2026-01-20" || rows[1][1] != "-55" || rows[4][0] != "" {
		t.Errorf("digest rows %q", rows)
	}
}

func TestDigestEmpty(t *testing.T) {
	t.Parallel()
	store, err := cases.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "e.db"),
		cases.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	n, count, err := DigestNotice(context.Background(), store, reportAt,
		DigestOptions{Attach: true})
	if err != nil {
		t.Fatal(err)
	}
	if count != 0 || n.Files != nil || n.Reason != digestLangs[English].none {
		t.Errorf("empty digest: %d tasks, %d files, %q", count, len(n.Files), n.Reason)
	}
}
