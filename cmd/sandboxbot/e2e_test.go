package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/base64"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/xuri/excelize/v2"

	"sandboxbot/forms"
	"sandboxbot/internal/mailstack"
)

// TestMain runs the tests, or, with SANDBOXBOT_BE_MAIN=1, is the
// sandboxbot program itself: the end-to-end tests start this test binary
// as the bot, so that they test the real command without building it.
func TestMain(m *testing.M) {
	if os.Getenv("SANDBOXBOT_BE_MAIN") == "1" {
		main()
	}
	os.Exit(mailstack.Main(m))
}

// world is a bot's surroundings on the shared mail stack: its own intake
// mailbox, an officer and an applicant, a data directory and a config.
type world struct {
	t         testing.TB
	stack     *mailstack.Stack
	bot       mailstack.User
	officer   mailstack.User
	applicant mailstack.User
	dir       string // data directory
	config    string // config file
	seq       atomic.Int64
	logLevel  string // of the bot; default info
	profile   string // where the bot writes a CPU profile, if set
}

// worldOptions change a world's configuration.
type worldOptions struct {
	stack *mailstack.Stack // default the shared one
	smtp  string           // the bot's SMTP address, default the stack's
	mail  string           // more lines of the [mail] section
	// noOfficer leaves the roster empty: only applicants get mail.
	noOfficer bool
}

func newWorld(t testing.TB, o worldOptions) *world {
	t.Helper()
	s := o.stack
	if s == nil {
		s = mailstack.Shared(t)
	}
	if o.smtp == "" {
		o.smtp = s.SMTP
	}
	w := &world{t: t, stack: s, bot: mailstack.NewUser(t, s, "sandbox.test"),
		officer:   mailstack.NewUser(t, s, "sandbox.test"),
		applicant: mailstack.NewUser(t, s, "example.test"), dir: t.TempDir()}
	imapURL := (&url.URL{Scheme: "imap", User: url.UserPassword(w.bot.Address,
		w.bot.Password), Host: s.IMAP, Path: "/INBOX", RawQuery: "tls=none"}).String()
	today := time.Now().In(time.FixedZone("ICT", 7*3600))
	w.config = filepath.Join(w.dir, "sandboxbot.toml")
	officers := fmt.Sprintf("[[officers]]\naddress = %q\nname = \"Officer\"\n"+
		"roles = [\"screener\", \"reviewer\", \"approver\", \"manager\"]\n",
		w.officer.Address)
	if o.noOfficer {
		officers = ""
	}
	cfg := fmt.Sprintf(`[mail]
intake = %q
smtp = "smtp://%s?tls=none"
address = %q
management = []
%s

%s
[[rounds]]
number = 1
opens = %q
closes = %q
categories = ["e-document", "e-meeting", "digital-id"]
`, imapURL, o.smtp, w.bot.Address, o.mail, officers,
		today.AddDate(0, 0, -30).Format(time.DateOnly),
		today.AddDate(0, 0, 60).Format(time.DateOnly))
	if err := os.WriteFile(w.config, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return w
}

// bot is a running sandboxbot process.
type bot struct {
	cmd    *exec.Cmd
	done   chan struct{}
	err    error
	stderr *bytes.Buffer
}

// start runs the bot with extra environment variables.
func (w *world) start(env ...string) *bot {
	w.t.Helper()
	level := w.logLevel
	if level == "" {
		level = "info"
	}
	args := []string{"run", "--data", w.dir, "--config", w.config, "--log-level", level}
	if w.profile != "" {
		args = append(args, "--cpu-profile", w.profile)
	}
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), "SANDBOXBOT_BE_MAIN=1"), env...)
	b := &bot{cmd: cmd, done: make(chan struct{}), stderr: &bytes.Buffer{}}
	cmd.Stderr, cmd.Stdout = b.stderr, nil
	if err := cmd.Start(); err != nil {
		w.t.Fatal(err)
	}
	go func() { b.err = cmd.Wait(); close(b.done) }()
	w.t.Cleanup(func() { b.stop() })
	return b
}

// stop ends the bot with SIGTERM and waits, killing it after 30 s.
func (b *bot) stop() {
	select {
	case <-b.done:
		return
	default:
	}
	b.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-b.done:
	case <-time.After(30 * time.Second):
		b.cmd.Process.Kill()
		<-b.done
	}
}

// killed reports whether the bot died of SIGKILL within timeout.
func (b *bot) killed(timeout time.Duration) bool {
	select {
	case <-b.done:
	case <-time.After(timeout):
		return false
	}
	ws, ok := b.cmd.ProcessState.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL
}

// db opens the bot's database read-only, beside the running bot.
func (w *world) db() *sql.DB {
	w.t.Helper()
	path := filepath.Join(w.dir, "sandboxbot.db")
	waitFor(w.t, 30*time.Second, "the bot's database", func() bool {
		_, err := os.Stat(path)
		return err == nil
	})
	db, err := sql.Open("sqlite", "file:"+path+
		"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		w.t.Fatal(err)
	}
	w.t.Cleanup(func() { db.Close() })
	return db
}

// count runs a query giving one number.
func count(t testing.TB, db *sql.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return 0
		}
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// waitFor polls cond every 50 ms until it holds or timeout passes.
func waitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// submission is an applicant's mail with a filled interest workbook, or
// none when form is nil.
func (w *world) submission(form []byte) []byte {
	n := w.seq.Add(1)
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: =?utf-8?b?4LmB4Lia4Lia4LmB4LiI4LmJ4LiH?= %d"+
		"\r\nMessage-ID: <sub-%d-%d@example.test>\r\nDate: %s\r\nMIME-Version: 1.0\r\n",
		w.applicant.Address, w.bot.Address, n, n, time.Now().UnixNano(),
		time.Now().Format(time.RFC1123Z))
	if form == nil {
		b.WriteString("Content-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n")
		return []byte(b.String())
	}
	b.WriteString("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\n\r\nForm attached.\r\n--b\r\n" +
		"Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n" +
		"Content-Transfer-Encoding: base64\r\n" +
		"Content-Disposition: attachment; filename=\"interest.xlsx\"\r\n\r\n")
	b.WriteString(base64Lines(form))
	b.WriteString("\r\n--b--\r\n")
	return []byte(b.String())
}

// interestWorkbook fills the blank interest workbook as a person would,
// with contact as the contact's address.
func interestWorkbook(t testing.TB, contact string) []byte {
	t.Helper()
	var blank bytes.Buffer
	if err := forms.WriteBlank(context.Background(), &blank, "interest", forms.XLSX); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&blank)
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]any{
		"org_name": "บริษัท ทดสอบระบบ จำกัด", "org_type": "company_limited",
		"juristic_id": "0105556012341", "contact_name": "สมชาย ใจดี",
		"contact_position": "ผู้จัดการ", "contact_email": contact,
		"contact_phone": "02-123-4567", "solution_name": "ระบบลงนามอิเล็กทรอนิกส์",
		"category": "e-document", "description": "บริการลงนามเอกสารอิเล็กทรอนิกส์",
		"innovation": "ลายมือชื่อดิจิทัลบนโทรศัพท์", "rule_gap": "no_rule",
		"target_users": "ผู้ประกอบการ SME",
	}
	for _, dn := range f.GetDefinedName() {
		v, ok := values[dn.Name]
		if !ok {
			continue
		}
		sheet, cell, found := strings.Cut(strings.ReplaceAll(dn.RefersTo, "$", ""), "!")
		if !found {
			t.Fatalf("defined name %s refers to %s", dn.Name, dn.RefersTo)
		}
		if err := f.SetCellValue(strings.Trim(sheet, "'"), cell, v); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// base64Lines encodes b in lines of 76 characters (RFC 2045 s6.8).
func base64Lines(b []byte) string {
	enc := base64.StdEncoding.EncodeToString(b)
	var s strings.Builder
	for len(enc) > 76 {
		s.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	s.WriteString(enc)
	return s.String()
}

// messageIDs returns the Message-ID of every message in a folder of u.
func (w *world) messageIDs(u mailstack.User, folder string) []string {
	var out []string
	for _, m := range w.fetch(u, folder, &imap.FetchOptions{Envelope: true}) {
		out = append(out, m.Envelope.MessageID)
	}
	return out
}

// bodies returns the raw messages in a folder of u.
func (w *world) bodies(u mailstack.User, folder string) [][]byte {
	whole := &imap.FetchItemBodySection{Peek: true}
	var out [][]byte
	for _, m := range w.fetch(u, folder, &imap.FetchOptions{
		BodySection: []*imap.FetchItemBodySection{whole}}) {
		out = append(out, m.FindBodySection(whole))
	}
	return out
}

// fetch fetches every message of a folder of u, read-only; none when the
// folder is empty or missing.
func (w *world) fetch(u mailstack.User, folder string,
	opts *imap.FetchOptions) []*imapclient.FetchMessageBuffer {
	w.t.Helper()
	c := mailstack.Login(w.t, w.stack, u)
	defer c.Close()
	sel, err := c.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil || sel.NumMessages == 0 {
		return nil
	}
	msgs, err := c.Fetch(imap.SeqSet{{Start: 1, Stop: 0}}, opts).Collect()
	if err != nil {
		w.t.Fatal(err)
	}
	return msgs
}
