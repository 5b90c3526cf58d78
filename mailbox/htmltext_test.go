package mailbox

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestHTMLText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, html, want string
	}{
		{"lines", `<div>APPROVE ROUND 2</div><div>Good   plan,<br>strong KPIs.</div>`,
			"APPROVE ROUND 2\nGood plan,\nstrong KPIs."},
		{"paragraphs", `<p class=MsoNormal>REJECT<o:p></o:p></p><p class=MsoNormal>` +
			`&nbsp;<o:p></o:p></p><p class=MsoNormal>no KPI</p>`, "REJECT\n\nno KPI"},
		{"entities", `<p>REJECT &quot;plan&quot; &amp; annex &lt;A&gt; &#3652;&#3617;&#3656;</p>`,
			`REJECT "plan" & annex <A> ไม่`},
		{"nbsp", "<div>IN&nbsp;SCOPE</div>", "IN SCOPE"},
		{"inline", `<div><b>APPROVE</b> <span>ROUND</span> <i>2</i></div>`,
			"APPROVE ROUND 2"},
		{"script and style", `<html><head><title>t</title><style>p{color:red}</style>` +
			`</head><body><script>alert(1)</script><p>HELP</p></body></html>`, "HELP"},
		{"comments", `<!--[if !mso]><p>hidden</p><![endif]--><p>HELP</p>`, "HELP"},
		{"hidden", `<div style="display: none">REJECT x</div><div>HELP</div>`, "HELP"},
		{"blockquote", `<div>COMPLETE</div><blockquote type="cite"><div>On x wrote:</div>` +
			`<div>case text</div></blockquote>`, "COMPLETE\n> On x wrote:\n> case text"},
		{"gmail quote", `<div dir="ltr">IN SCOPE</div><br><div class="gmail_quote">` +
			`<div dir="ltr" class="gmail_attr">On Sat, 30 May 2026 at 10:00, Bot ` +
			`&lt;bot@x&gt; wrote:<br></div><blockquote class="gmail_quote">text</blockquote>` +
			`</div>`, "IN SCOPE\n\n> On Sat, 30 May 2026 at 10:00, Bot <bot@x> wrote:\n> text"},
		{"outlook divRplyFwdMsg", `<div>REJECT no KPI</div><div id="appendonsend"></div>` +
			`<hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr">` +
			`<b>From:</b> Bot<br><b>Sent:</b> Saturday</div><div>original</div>`,
			"REJECT no KPI\n> From: Bot\n> Sent: Saturday\n> original"},
		{"hr then from", `<p>HELP</p><hr><p><b>From:</b> Bot<br><b>Sent:</b> x</p><p>orig</p>`,
			"HELP\n> From: Bot\n> Sent: x\n> orig"},
		{"hr then thai from", `<p>สถานะ</p><hr><p><b>จาก:</b> Bot</p><p>orig</p>`,
			"สถานะ\n> จาก: Bot\n> orig"},
		{"hr alone", `<p>REJECT a</p><hr><p>b</p>`, "REJECT a\nb"},
		{"moz cite", `<p>FIXED</p><div class="moz-cite-prefix">On 30/05/2026, Bot wrote:<br>` +
			`</div><blockquote type="cite">q</blockquote>`,
			"FIXED\n> On 30/05/2026, Bot wrote:\n> q"},
		{"signature", `<div>REJECT x</div><div id="Signature"><p>Somchai</p></div>`,
			"REJECT x\n--\nSomchai"},
		{"gmail signature", `<div>REJECT x</div><div class="gmail_signature">S</div>`,
			"REJECT x\n--\nS"},
		{"pre", "<pre>REJECT\n  two  spaces</pre>", "REJECT\n  two  spaces"},
		{"list and table", `<p>REJECT</p><ul><li>a</li><li>b</li></ul><table><tr><td>c` +
			`</td><td>d</td></tr></table>`, "REJECT\n- a\n- b\nc d"},
		{"malformed", `<div>HELP<p>x<blockquote>q`, "HELP\nx\n> q"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		if got := HTMLText(tt.html); got != tt.want {
			t.Errorf("%s: HTMLText\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestHTMLTextReadsAsCommand(t *testing.T) {
	t.Parallel()
	html := `<div dir="ltr">REJECT<div>The plan has no KPI.</div></div><br>` +
		`<div class="gmail_quote"><div class="gmail_attr">On Sat, Bot wrote:</div>` +
		`<blockquote class="gmail_quote">APPROVE ROUND 1</blockquote></div>`
	c, err := ReadCommand(HTMLText(html))
	if err != nil || c.Word != "REJECT" || c.Text != "The plan has no KPI." {
		t.Errorf("ReadCommand(HTMLText) = %+v, %v", c, err)
	}
}

func TestCharsetReader(t *testing.T) {
	t.Parallel()
	// "ไทย" in TIS-620 / Windows-874.
	thai := []byte{0xe4, 0xb7, 0xc2}
	for _, label := range []string{"windows-874", "TIS-620", "x-cp874", "cp874",
		"iso-8859-11", `"tis620"`} {
		r, err := CharsetReader(label, strings.NewReader(string(thai)))
		if err != nil {
			t.Errorf("CharsetReader(%q): %v", label, err)
			continue
		}
		b, _ := io.ReadAll(r)
		if string(b) != "ไทย" {
			t.Errorf("CharsetReader(%q) read %q", label, b)
		}
	}
	for _, label := range []string{"utf-8", "US-ASCII", ""} {
		if r, err := CharsetReader(label, strings.NewReader("x")); err != nil || r == nil {
			t.Errorf("CharsetReader(%q): %v", label, err)
		}
	}
	if _, err := CharsetReader("x-klingon", strings.NewReader("x")); !errors.Is(err,
		ErrUnknownCharset) {
		t.Errorf("CharsetReader(x-klingon): %v, want ErrUnknownCharset", err)
	}
}
