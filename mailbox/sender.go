package mailbox

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/mail"
	"net/textproto"
	"strings"
)

// SenderPolicy says what proves that a message comes from the address in
// its From header. The zero policy verifies DKIM in process with the
// system's resolver and trusts no Authentication-Results header.
type SenderPolicy struct {
	// AuthServID is the authserv-id (RFC 8601 s2.5) that our own receiving
	// server writes in the Authentication-Results header it adds on top of
	// each message. Empty: no Authentication-Results header is trusted.
	AuthServID string
	// LookupTXT returns the TXT records of a domain, for DKIM keys (RFC
	// 6376 s3.6.2). Nil uses the system resolver. A *net.DNSError that is
	// temporary makes the check fail with ErrSenderTemporary.
	LookupTXT func(domain string) ([]string, error)
	// AllowUnauthenticated accepts a message whose sender cannot be proven,
	// for trying the bot without signed mail. The Proof says so; the caller
	// should log a warning at every start. A message with a malformed From
	// or Sender, or that our server found to fail DMARC, is refused even
	// so.
	AllowUnauthenticated bool
}

// How a sender was proven (Proof.Method).
const (
	ProvenByAuthResults = "authentication-results" // our server's dkim=pass, aligned
	ProvenByDKIM        = "dkim"                   // a signature verified in process
	NotProven           = "none"                   // AllowUnauthenticated let it in
)

// Proof says who sent a message and how that is known.
type Proof struct {
	// Address is the From address, its domain in lower case; Domain is
	// that domain, in ASCII.
	Address, Domain string
	// Method is ProvenByAuthResults, ProvenByDKIM or NotProven.
	Method string
	// Signer is the signing domain (d=, header.d) that proves the sender;
	// empty when not proven.
	Signer string
	// Unauthenticated says that nothing proves the sender and
	// SenderPolicy.AllowUnauthenticated let the message in; Why is the
	// reason it would have been refused.
	Unauthenticated bool
	Why             string
}

// ProveSender decides whether raw, a whole message as received, comes from
// the address in its From header. It accepts only when:
//
//  1. there is exactly one From header (RFC 5322 s3.6 allows one) naming
//     exactly one mailbox, and no Sender header, or one naming the same
//     mailbox: a command must be sent by the officer, not on their behalf;
//  2. and either the topmost Authentication-Results header (RFC 8601),
//     whose authserv-id is SenderPolicy.AuthServID, shows dkim=pass with a
//     header.d aligned with the From domain (relaxed alignment, RFC 7489
//     s3.1.1); any other Authentication-Results header, anywhere, is
//     ignored, as is ours when it is not on top;
//  3. or, failing that, a DKIM signature verified here (RFC 6376) is of a
//     domain aligned with From, and its h= covers From.
//
// dmarc=fail in our Authentication-Results refuses the message whatever
// else passes. The error is a *SenderError saying why, or the context's
// error when ctx ends first.
func ProveSender(ctx context.Context, raw []byte, p SenderPolicy) (Proof, error) {
	if err := ctx.Err(); err != nil {
		return Proof{}, fmt.Errorf("mailbox: proving sender: %w", err)
	}
	h, err := readHeader(raw)
	if err != nil {
		return Proof{}, refusal("", ErrFromHeader, "the message header cannot be read (%v)",
			"อ่านส่วนหัวของอีเมลไม่ได้ (%v)", err)
	}
	from, domain, serr := oneSender(h)
	if serr != nil {
		return Proof{}, serr
	}
	proof := Proof{Address: from, Domain: domain}

	// Our own server's verdict, when it is on top.
	ours := readAuthResults(h, p.AuthServID)
	if ours.dmarcFail {
		return Proof{}, refusal(from, ErrDMARCFail, "our mail server (%s) found that the "+
			"message fails DMARC for %s", "เซิร์ฟเวอร์อีเมลของสำนักงาน (%s) ตรวจพบว่า"+
			"อีเมลนี้ไม่ผ่านการตรวจสอบ DMARC ของ %s", p.AuthServID, domain)
	}
	if d := ours.passFor(domain); d != "" {
		proof.Method, proof.Signer = ProvenByAuthResults, d
		return proof, nil
	}

	// A signature verified here.
	signer, err := verifyDKIM(ctx, raw, from, domain, lookupFor(ctx, p.LookupTXT), ours)
	if ctx.Err() != nil {
		return Proof{}, fmt.Errorf("mailbox: proving sender: %w", ctx.Err())
	}
	if err == nil {
		proof.Method, proof.Signer = ProvenByDKIM, signer
		return proof, nil
	}
	var se *SenderError
	if p.AllowUnauthenticated && errors.As(err, &se) {
		proof.Method, proof.Unauthenticated, proof.Why = NotProven, true, se.Reason
		return proof, nil
	}
	return Proof{}, err
}

// readHeader reads the header section of raw; a message with no body (one
// fetched header only) is read too.
func readHeader(raw []byte) (textproto.MIMEHeader, error) {
	h, err := textproto.NewReader(bufio.NewReader(bytes.NewReader(raw))).ReadMIMEHeader()
	if errors.Is(err, io.EOF) && len(h) > 0 {
		err = nil
	}
	return h, err
}

// addressParser decodes RFC 2047 display names in any charset CharsetReader
// knows, Thai ones included.
var addressParser = mail.AddressParser{WordDecoder: &mime.WordDecoder{
	CharsetReader: CharsetReader}}

// oneSender returns the one mailbox the From header names, with its domain
// lower-cased, and the domain in ASCII; a *SenderError when there is not
// exactly one, or a Sender header names another.
func oneSender(h textproto.MIMEHeader) (addr, domain string, err *SenderError) {
	froms := h.Values("From")
	switch {
	case len(froms) == 0:
		return "", "", refusal("", ErrFromHeader, "the message has no From header",
			"อีเมลนี้ไม่มีส่วนหัว From")
	case len(froms) > 1:
		return "", "", refusal("", ErrFromHeader, "the message has %d From headers; a "+
			"message has exactly one (RFC 5322 s3.6)", "อีเมลนี้มีส่วนหัว From %d รายการ "+
			"แต่อีเมลต้องมีเพียงรายการเดียว", len(froms))
	}
	addr, err = oneMailbox(froms[0], "From")
	if err != nil {
		return "", "", err
	}
	at := strings.LastIndexByte(addr, '@')
	domain = normalDomain(addr[at+1:])
	if domain == "" {
		return "", "", refusal(addr, ErrFromHeader, "the From domain %q is not a domain "+
			"name", "โดเมนของผู้ส่ง %q ไม่ถูกต้อง", addr[at+1:])
	}
	addr = addr[:at+1] + strings.ToLower(addr[at+1:])

	if senders := h.Values("Sender"); len(senders) > 0 {
		s, serr := oneMailbox(senders[0], "Sender")
		if serr == nil && len(senders) > 1 {
			serr = refusal("", ErrFromHeader, "the message has %d Sender headers",
				"อีเมลนี้มีส่วนหัว Sender %d รายการ", len(senders))
		}
		if serr != nil {
			serr.Address = addr
			return "", "", serr
		}
		if !strings.EqualFold(s, addr) {
			return "", "", refusal(addr, ErrFromHeader, "the message was sent by %s "+
				"(Sender) on behalf of %s (From); a command must be sent by the officer",
				"อีเมลนี้ส่งโดย %s (Sender) ในนามของ %s (From) คำสั่งต้องส่งโดยเจ้าหน้าที่เอง",
				s, addr)
		}
	}
	return addr, domain, nil
}

// oneMailbox returns the address of the one mailbox a header field names.
func oneMailbox(value, field string) (string, *SenderError) {
	list, err := addressParser.ParseList(value)
	if err != nil {
		return "", refusal("", ErrFromHeader, "the %s header cannot be read (%v)",
			"อ่านส่วนหัว %s ไม่ได้ (%v)", field, err)
	}
	if len(list) != 1 {
		return "", refusal("", ErrFromHeader, "the %s header names %d addresses; a "+
			"command must come from one officer", "ส่วนหัว %s ระบุที่อยู่อีเมล %d รายการ "+
			"คำสั่งต้องมาจากเจ้าหน้าที่คนเดียว", field, len(list))
	}
	return list[0].Address, nil
}

// lookupFor returns the TXT lookup DKIM uses: the policy's, or the system
// resolver's bound to ctx; either stops once ctx ends.
func lookupFor(ctx context.Context, lookup func(string) ([]string, error)) func(
	string) ([]string, error) {
	return func(domain string) ([]string, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if lookup != nil {
			return lookup(domain)
		}
		return net.DefaultResolver.LookupTXT(ctx, domain)
	}
}
