package mailbox

import (
	"strings"
)

// NoReply says why a message must not be answered, to keep mail loops and
// backscatter from starting. The zero value means it may be answered.
type NoReply string

// The reasons a message gets no answer.
const (
	// Answerable: nothing forbids an answer.
	Answerable NoReply = ""
	// AutoSubmitted: Auto-Submitted other than "no" (RFC 3834 s5), or the
	// headers autoresponders use without it (X-Autoreply, X-Autorespond).
	// Exchange's X-Auto-Response-Suppress is not one: it asks others not
	// to answer automatically, and some systems put it on all their mail.
	AutoSubmitted NoReply = "auto-submitted"
	// NullSender: the envelope sender was <> (RFC 5321 s4.5.5), as for
	// every delivery report, or From is MAILER-DAEMON or postmaster.
	NullSender NoReply = "null sender"
	// Report: a delivery status notification (RFC 3464, RFC 6522).
	Report NoReply = "delivery report"
	// ListMail: mail from a list (List-Id, RFC 2919) or marked bulk, junk
	// or list by Precedence.
	ListMail NoReply = "list mail"
)

// Classify says whether m may be answered. The envelope sender is read
// from the Return-Path field the final delivery adds (RFC 5321 s4.4).
func Classify(m *Message) NoReply {
	h := m.Header
	if m.Report != nil {
		return Report
	}
	if v := strings.ToLower(strings.TrimSpace(h.Get("Auto-Submitted"))); v != "" &&
		!strings.HasPrefix(v, "no") {
		return AutoSubmitted
	}
	if h.Get("X-Autoreply") != "" || h.Get("X-Autorespond") != "" {
		return AutoSubmitted
	}
	if rp := strings.TrimSpace(h.Get("Return-Path")); rp == "<>" {
		return NullSender
	}
	for _, a := range m.From {
		local, _, _ := strings.Cut(strings.ToLower(a.Address), "@")
		if local == "mailer-daemon" || local == "postmaster" || a.Address == "" {
			return NullSender
		}
	}
	if len(m.From) == 0 {
		return NullSender
	}
	if h.Get("List-Id") != "" || h.Get("List-Post") != "" {
		return ListMail
	}
	switch strings.ToLower(strings.TrimSpace(h.Get("Precedence"))) {
	case "bulk", "junk", "list":
		return ListMail
	}
	return Answerable
}
