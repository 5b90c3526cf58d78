package mailbox

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emersion/go-message"

	"sandboxbot/cases"
)

// replyParts returns the text/plain and text/html bodies of a sample reply,
// transfer-decoded and charset-decoded by go-message, which decodes with
// CharsetReader (see message.go).
func replyParts(t testing.TB, raw []byte) (plain, html string) {
	t.Helper()
	m, err := message.Read(bytes.NewReader(raw))
	if err != nil && !message.IsUnknownCharset(err) {
		t.Fatalf("reading message: %v", err)
	}
	err = m.Walk(func(_ []int, e *message.Entity, err error) error {
		if err != nil && !message.IsUnknownCharset(err) {
			return err
		}
		typ, _, _ := e.Header.ContentType()
		if typ != "text/plain" && typ != "text/html" {
			return nil
		}
		b, err := io.ReadAll(e.Body)
		if err != nil {
			return err
		}
		if typ == "text/plain" && plain == "" {
			plain = string(b)
		} else if typ == "text/html" && html == "" {
			html = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walking message: %v", err)
	}
	return plain, html
}

// sampleReplies reads testdata/replies/*.eml.
func sampleReplies(t testing.TB) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "replies", "*.eml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample replies: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = b
	}
	return out
}

// TestSampleReplies reads every sample reply as the desk will: the text
// part, or the HTML part through HTMLText when there is no text part. When
// a reply has both, the HTML part must read as the same command.
func TestSampleReplies(t *testing.T) {
	t.Parallel()
	want := map[string]Command{
		"thunderbird_en_plain.eml": {Word: "IN SCOPE", Kind: cases.FindInScope,
			Lang: "en"},
		"thunderbird_th_tis620.eml": {Word: "OUT OF SCOPE", Kind: cases.FindOutOfScope,
			Lang: "th", Text: "บริการที่เสนอเป็นการชำระเงินทางอิเล็กทรอนิกส์ " +
				"ซึ่งอยู่ในการกำกับของธนาคารแห่งประเทศไทย"},
		"outlook_desktop_en_alternative.eml": {Word: "APPROVE ROUND", Kind: cases.Approve,
			Lang: "en", Round: 2,
			Text: "The plan covers all five dimensions; round 2 still has places.\n\nSomchai"},
		"outlook_desktop_th_windows874_plain.eml": {Word: "REJECT", Kind: cases.Reject,
			Lang: "th", Text: "แผนการทดสอบไม่มีตัวชี้วัดด้านความเป็นส่วนตัว " +
				"และไม่มีแผนการออกกรณีทดสอบไม่สำเร็จ"},
		"owa_en_html_only.eml": {Word: "MORE INFO", Kind: cases.AskMoreInfo, Lang: "en",
			Date: day(2026, 6, 15), Text: "A company certificate issued within the last " +
				"6 months, and the audited financial statements for 2025."},
		"gmail_en_alternative.eml": {Word: "FIX BY", Kind: cases.NoticeToFix, Lang: "en",
			Date: day(2026, 6, 30), Text: "publish the privacy notice to users and log consent"},
		"gmail_th_base64.eml": {Word: "APPROVE ROUND", Kind: cases.Approve, Lang: "th",
			Round: 2, Text: "แผนการทดสอบครบทั้งห้ามิติ"},
		"applemail_en_alternative.eml": {Word: "SIGNED", Kind: cases.RecordSigned,
			Lang: "en", Start: day(2026, 7, 1), End: day(2026, 12, 31),
			Text: "Both copies are with the legal unit."},
		"iphone_th_qp.eml": {Word: "MORE INFO", Kind: cases.AskMoreInfo, Lang: "th",
			Date: day(2026, 6, 15), Text: "หนังสือรับรองบริษัทฉบับล่าสุด"},
		"thunderbird_en_html_only.eml": {Word: "COMPLETE", Kind: cases.FindComplete,
			Lang: "en", Text: "All four documents are in order."},
		"outlook_mac_th_alternative.eml": {Word: "UPHOLD", Kind: cases.UpholdResult,
			Lang: "th", Text: "ผลการทดสอบไม่ถึงเป้าหมายด้านความมั่นคงปลอดภัยทั้งสามรอบรายงาน"},
		"gmail_en_signature.eml": {Word: "ALLOW APPEAL", Kind: cases.AllowAppeal,
			Lang: "en", Outcome: cases.Success, Text: "The KPI report of 12 June shows the " +
				"reliability target was met after all."},
		"outlook_ios_th_alternative.eml": {Word: "GRANT EXTENSION",
			Kind: cases.GrantExtension, Lang: "th", Date: day(2026, 12, 31)},
		"thunderbird_th_xcp874.eml": {Word: "HELP", Query: QueryHelp, Lang: "th"},
		"gmail_en_nbsp_qp.eml":      {Word: "HELP", Query: QueryHelp, Lang: "en"},
		"outlook_desktop_en_original_message.eml": {Word: "EXPEL NOW",
			Kind: cases.ExpelAtOnce, Lang: "en", Text: "Customers' personal data was " +
				"published on the test site on 2 June.\nThe participant cannot put this " +
				"right within the test."},
		"applemail_th_plain_qp.eml": {Word: "STATUS", Query: QueryStatus, Lang: "th"},
		"outlook_desktop_th_windows874_alternative.eml": {Word: "FIX BY",
			Kind: cases.NoticeToFix, Lang: "th", Date: day(2026, 6, 30),
			Text: "ปรับปรุงขั้นตอนการยืนยันตัวตนให้เป็นไปตามมาตรฐาน"},
	}
	samples := sampleReplies(t)
	if len(samples) != len(want) {
		t.Errorf("%d samples, %d expectations", len(samples), len(want))
	}
	for name, raw := range samples {
		w, ok := want[name]
		if !ok {
			t.Errorf("%s: no expectation", name)
			continue
		}
		plain, html := replyParts(t, raw)
		if plain == "" && html == "" {
			t.Errorf("%s: no text or HTML part", name)
			continue
		}
		if plain != "" {
			checkSample(t, name+" (text)", plain, w)
		}
		if html != "" {
			checkSample(t, name+" (html)", HTMLText(html), w)
		}
		// And as the desk reads it: ReadMessage's text.
		m, err := ReadMessage(raw, Limits{})
		if err != nil {
			t.Errorf("%s: ReadMessage: %v", name, err)
			continue
		}
		checkSample(t, name+" (desk)", m.Text, w)
	}
}

func checkSample(t *testing.T, name, text string, want Command) {
	t.Helper()
	got, err := ReadCommand(text)
	if err != nil {
		t.Errorf("%s: %v\ntext:\n%s", name, err, text)
		return
	}
	if got != want {
		t.Errorf("%s:\n got %+v\nwant %+v", name, got, want)
	}
}

// TestSampleRepliesQuoteCut: what a sample quotes never leaks into the
// command's text.
func TestSampleRepliesQuoteCut(t *testing.T) {
	t.Parallel()
	for name, raw := range sampleReplies(t) {
		plain, html := replyParts(t, raw)
		for _, text := range []string{plain, HTMLText(html)} {
			if text == "" {
				continue
			}
			c, err := ReadCommand(text)
			if err != nil {
				continue // reported by TestSampleReplies
			}
			for _, leak := range []string{"Sandbox Bot", "DSS-2569", "sandboxbot@"} {
				if strings.Contains(c.Text, leak) {
					t.Errorf("%s: text %q holds quoted %q", name, c.Text, leak)
				}
			}
		}
	}
}
