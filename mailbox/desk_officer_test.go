package mailbox

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-msgauth/dkim"

	"sandboxbot/cases"
)

// officerHarness is a desk with a roster of three officers at etda.test,
// whose mail is signed with DKIM keys the harness's resolver serves, a
// composer that gives officers' mail reply tokens, and a real case store.
type officerHarness struct {
	*deskHarness
	key     []byte // reply tokens
	signers map[string]ed25519.PrivateKey
}

const (
	deskScreener = "somsri@etda.test"
	deskApprover = "anan@etda.test"
	deskSecond   = "pim@etda.test"
	deskBot      = "bot@etda.test"
)

func newOfficerHarness(t *testing.T, fourEyes bool) *officerHarness {
	t.Helper()
	ctx := context.Background()
	clock := cases.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, cases.Bangkok))
	roster := NewRoster([]Officer{
		{Address: deskScreener, Name: "Somsri", Roles: []string{RoleScreener, RoleReviewer}},
		{Address: deskApprover, Name: "Anan", Roles: []string{RoleApprover}},
		{Address: deskSecond, Name: "Pim", Roles: []string{RoleApprover, RoleScreener}},
	}, nil)
	h := &officerHarness{key: bytes.Repeat([]byte("k"), 32),
		signers: map[string]ed25519.PrivateKey{}}
	for _, d := range []string{"etda.test", "evil.test"} {
		_, priv, _ := ed25519.GenerateKey(nil)
		h.signers[d] = priv
	}
	replyTo := func(ref cases.Ref, officer string, stage cases.Stage) (string, error) {
		tok, err := IssueToken(h.key, Token{Case: ref, Officer: officer, Stage: stage,
			Expires: clock.Now().Add(30 * 24 * time.Hour)})
		if err != nil {
			return "", err
		}
		return ReplyAddress(deskBot, tok)
	}
	comp, err := NewComposer(ComposerOptions{Renderer: testRenderer, Directory: roster,
		From: mail.Address{Address: deskBot}, ReplyTo: replyTo})
	if err != nil {
		t.Fatal(err)
	}
	s := newTestStore(t, cases.Options{Clock: clock, Composer: comp,
		Policy: cases.Policy{FourEyes: fourEyes}})
	d, err := NewDesk(DeskOptions{Store: s, Forms: testForms,
		Officers: Officers{Roster: roster, TokenKey: h.key, Bot: deskBot,
			Sender: SenderPolicy{AuthServID: "mx.etda.test", LookupTXT: h.lookupTXT}},
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	h.deskHarness = &deskHarness{t: t, ctx: ctx, store: s, clock: clock, desk: d}
	return h
}

// lookupTXT serves the public keys of the harness's signers.
func (h *officerHarness) lookupTXT(name string) ([]string, error) {
	for d, k := range h.signers {
		if name == "sel._domainkey."+d {
			pub := k.Public().(ed25519.PublicKey)
			return []string{"v=DKIM1; k=ed25519; p=" + base64.StdEncoding.EncodeToString(pub)},
				nil
		}
	}
	return nil, fmt.Errorf("no TXT record for %s", name)
}

// sign adds a DKIM-Signature of domain d to raw.
func (h *officerHarness) sign(raw, d string) string {
	h.t.Helper()
	var out bytes.Buffer
	err := dkim.Sign(&out, strings.NewReader(strings.ReplaceAll(raw, "\n", "\r\n")),
		&dkim.SignOptions{Domain: d, Selector: "sel", Signer: h.signers[d]})
	if err != nil {
		h.t.Fatal(err)
	}
	return strings.ReplaceAll(out.String(), "\r\n", "\n")
}

// openCase opens a case by an applicant's interest and returns its ref.
func (h *officerHarness) openCase() cases.Ref {
	h.t.Helper()
	h.commit(withForm("apply@corp.test", "interest", "interest.form", interestJSON()))
	list, _ := h.store.Cases(h.ctx)
	return list[len(list)-1].Ref
}

// replyAddress returns the reply address the bot gave officer in its last
// mail to them about ref.
func (h *officerHarness) replyAddress(officer string, ref cases.Ref) string {
	h.t.Helper()
	var addr string
	rows := h.rows()
	for _, r := range rows {
		m, err := ReadMessage(r.Raw, Limits{})
		if err != nil || r.Case != ref || !strings.EqualFold(r.To[0], officer) {
			continue
		}
		if rt := m.Header.Get("Reply-To"); rt != "" {
			a, _ := mail.ParseAddress(rt)
			addr = a.Address
		}
	}
	for _, r := range rows { // leave nothing claimed for the next look
		h.store.MarkSent(h.ctx, r.ID, "250", h.clock.Now())
	}
	if addr == "" {
		h.t.Fatalf("the bot sent %s no mail with a reply address about %s", officer, ref)
	}
	return addr
}

// token issues a reply address for officer directly, as the bot would.
func (h *officerHarness) token(officer string, ref cases.Ref, stage cases.Stage,
	expires time.Time) string {
	tok, err := IssueToken(h.key, Token{Case: ref, Officer: officer, Stage: stage,
		Expires: expires})
	if err != nil {
		h.t.Fatal(err)
	}
	addr, _ := ReplyAddress(deskBot, tok)
	return addr
}

// reply is an officer's reply to the bot about ref, sent to "to".
func officerReply(from, to string, ref cases.Ref, body string, extra ...string) string {
	return fmt.Sprintf("From: %s\nTo: %s\nSubject: Re: %s submission\n"+
		"Message-ID: <%d@etda.test>\nDate: Mon, 02 Mar 2026 09:30:00 +0700\n%s\n%s\n\n"+
		"> the bot's mail\n", from, to, ref.Tag(), time.Now().UnixNano(),
		strings.Join(extra, ""), body)
}

// state is what must not change under a refused command.
func (h *officerHarness) state(ref cases.Ref) string {
	c, err := h.store.Case(h.ctx, ref)
	if err != nil {
		h.t.Fatal(err)
	}
	return fmt.Sprintf("%s paused=%v round=%d windows=%d", c.Stage, c.Paused, c.Round,
		len(c.Windows))
}

func (h *officerHarness) refusals(ref cases.Ref) int {
	hist, _ := h.store.History(h.ctx, ref)
	n := 0
	for _, e := range hist {
		if e.Kind == "refused" {
			n++
		}
	}
	return n
}

func TestOfficerInScopeByReply(t *testing.T) {
	t.Parallel()
	h := newOfficerHarness(t, false)
	ref := h.openCase()
	to := h.replyAddress(deskScreener, ref)
	msg := h.sign(officerReply("Somsri <"+deskScreener+">", to, ref, "IN SCOPE"), "etda.test")
	if d := h.commit(msg); d != Processed {
		t.Fatalf("destination %v", d)
	}
	if got := h.state(ref); !strings.HasPrefix(got, "awaiting_application") {
		t.Fatalf("state %s", got)
	}
	got := h.outbox()
	want(t, got, "in_scope>apply@corp.test", "confirmation>"+deskScreener)
}

// TestOfficerSpoofing tries ten ways to give a command one may not: each is
// refused, changes nothing, and is recorded.
func TestOfficerSpoofing(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		// mail writes the attempt; to is the deskScreener's reply address.
		mail func(h *officerHarness, ref cases.Ref, to string) string
		// before runs first, on the case, for the attempts that need it.
		before func(h *officerHarness, ref cases.Ref, to string)
	}{
		{name: "forged From without a signature",
			mail: func(h *officerHarness, ref cases.Ref, to string) string {
				return officerReply(deskScreener, to, ref, "IN SCOPE")
			}},
		{name: "DKIM of another domain",
			mail: func(h *officerHarness, ref cases.Ref, to string) string {
				return h.sign(officerReply(deskScreener, to, ref, "IN SCOPE"), "evil.test")
			}},
		{name: "dmarc=fail from our server",
			mail: func(h *officerHarness, ref cases.Ref, to string) string {
				return h.sign(officerReply(deskScreener, to, ref, "IN SCOPE"), "etda.test")
			}},
		{name: "a foreign Authentication-Results on top",
			mail: func(h *officerHarness, ref cases.Ref, to string) string {
				return "Authentication-Results: mx.evil.test; dkim=pass header.d=etda.test; " +
					"dmarc=pass\n" + officerReply(deskScreener, to, ref, "IN SCOPE")
			}},
		{name: "two From headers",
			mail: func(h *officerHarness, ref cases.Ref, to string) string {
				return h.sign("From: mallory@evil.test\n"+officerReply(deskScreener, to, ref, "IN SCOPE"),
					"etda.test")
			}},
		{name: "Reply-To pointing elsewhere",
			mail: func(h *officerHarness, ref cases.Ref, to string) string {
				return h.sign(officerReply(deskScreener, to, ref, "IN SCOPE",
					"Reply-To: mallory@evil.test\n"), "etda.test")
			}},
		{name: "another officer's token",
			mail: func(h *officerHarness, ref cases.Ref, to string) string {
				return h.sign(officerReply(deskSecond, to, ref, "IN SCOPE"), "etda.test")
			}},
		{name: "a replayed token",
			before: func(h *officerHarness, ref cases.Ref, to string) {
				h.commit(h.sign(officerReply(deskScreener, to, ref, "MORE INFO your certificate"),
					"etda.test"))
				h.outbox()
			},
			mail: func(h *officerHarness, ref cases.Ref, to string) string {
				return h.sign(officerReply(deskScreener, to, ref, "MORE INFO your financial statements"),
					"etda.test")
			}},
		{name: "an expired token",
			before: func(h *officerHarness, ref cases.Ref, to string) {
				h.clock.Advance(31 * 24 * time.Hour)
			},
			mail: func(h *officerHarness, ref cases.Ref, to string) string {
				return h.sign(officerReply(deskScreener, to, ref, "IN SCOPE"), "etda.test")
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newOfficerHarness(t, false)
			ref := h.openCase()
			to := h.replyAddress(deskScreener, ref)
			if tt.before != nil {
				tt.before(h, ref, to)
			}
			raw := tt.mail(h, ref, to)
			if tt.name == "dmarc=fail from our server" {
				raw = "Authentication-Results: mx.etda.test; dkim=pass header.d=etda.test; " +
					"dmarc=fail header.from=etda.test\n" + raw
			}
			before, refused := h.state(ref), h.refusals(ref)
			d := h.commit(raw)
			if after := h.state(ref); after != before {
				t.Fatalf("the case changed: %s → %s", before, after)
			}
			if h.refusals(ref) != refused+1 {
				t.Fatalf("no audit entry of the refusal")
			}
			rows := h.rows()
			if len(rows) != 1 || rows[0].Notice != cases.NoticeRefusal {
				t.Fatalf("answer %v, want one refusal", rows)
			}
			t.Logf("%v: %s", d, strings.SplitN(bodyOf(t, rows[0]), "\n", 2)[0])
		})
	}
	t.Run("a proposer seconding their own approval", func(t *testing.T) {
		t.Parallel()
		h := newOfficerHarness(t, true)
		ref := h.toDecision()
		for i, want := range []string{"proposal", "refused"} {
			to := h.token(deskApprover, ref, cases.Decision, h.clock.Now().Add(time.Hour))
			before, refused := h.state(ref), h.refusals(ref)
			h.commit(h.sign(officerReply(deskApprover, to, ref, "APPROVE ROUND 1"), "etda.test"))
			if after := h.state(ref); after != before {
				t.Fatalf("attempt %d changed the case: %s → %s", i, before, after)
			}
			if want == "refused" && h.refusals(ref) != refused+1 {
				t.Fatalf("the deskSecond approval by the proposer was not refused")
			}
			h.outbox()
		}
		// A different officer seconds it: now it moves.
		to := h.token(deskSecond, ref, cases.Decision, h.clock.Now().Add(time.Hour))
		h.commit(h.sign(officerReply(deskSecond, to, ref, "APPROVE ROUND 1"), "etda.test"))
		if got := h.state(ref); !strings.HasPrefix(got, "agreement") {
			t.Fatalf("seconded approval: %s", got)
		}
	})
}

// toDecision takes a new case to the decision stage through the store.
func (h *officerHarness) toDecision() cases.Ref {
	h.t.Helper()
	ref := h.openCase()
	for _, e := range []cases.Event{
		{Kind: cases.FindInScope, Actor: cases.ByOfficer, By: deskScreener},
		{Kind: cases.SubmitApplication, Actor: cases.ByApplicant, By: "apply@corp.test"},
		{Kind: cases.FindComplete, Actor: cases.ByOfficer, By: deskScreener},
		{Kind: cases.SubmitTestPlan, Actor: cases.ByApplicant, By: "apply@corp.test",
			Plan: &cases.Plan{Start: cases.NewDate(2026, 5, 1),
				End: cases.NewDate(2026, 10, 31), Every: "monthly"}},
	} {
		e.Case = ref
		if _, err := h.store.Apply(h.ctx, e); err != nil {
			h.t.Fatalf("%s: %v", e.Kind, err)
		}
	}
	h.outbox()
	return ref
}

// TestTwoApprovalsAtOnce: two officers approve the same case 10 ms apart;
// exactly one transition happens.
func TestTwoApprovalsAtOnce(t *testing.T) {
	t.Parallel()
	h := newOfficerHarness(t, false)
	ref := h.toDecision()
	var wg sync.WaitGroup
	for i, o := range []string{deskApprover, deskSecond} {
		to := h.token(o, ref, cases.Decision, h.clock.Now().Add(time.Hour))
		raw := []byte(strings.ReplaceAll(h.sign(officerReply(o, to, ref, "APPROVE ROUND 1"),
			"etda.test"), "\n", "\r\n"))
		wg.Go(func() {
			time.Sleep(time.Duration(i) * 10 * time.Millisecond)
			m := &Inbound{Mailbox: "imap://bot@test/INBOX", UIDValidity: 1,
				UID: uint32(100 + i), SHA256: sha256.Sum256(raw), MessageID: MessageID(raw),
				Raw: raw, Size: int64(len(raw)), Received: h.clock.Now()}
			if _, err := h.desk.Commit(h.ctx, m); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	hist, _ := h.store.History(h.ctx, ref)
	approvals := 0
	for _, e := range hist {
		if e.Kind == string(cases.Approve) {
			approvals++
		}
	}
	if approvals != 1 || !strings.HasPrefix(h.state(ref), "agreement") {
		t.Fatalf("%d approvals, state %s", approvals, h.state(ref))
	}
	if h.refusals(ref) != 1 {
		t.Fatalf("%d refusals, want the deskSecond approval refused", h.refusals(ref))
	}
}
