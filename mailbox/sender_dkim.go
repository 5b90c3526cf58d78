package mailbox

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/emersion/go-msgauth/dkim"
)

// maxSignatures bounds the signatures verified in one message: each may
// cost a DNS lookup.
const maxSignatures = 5

// verifyDKIM verifies the message's DKIM signatures here (RFC 6376 s6) and
// returns the domain of one that is valid, aligned with the From domain
// and covers From. Otherwise it returns a *SenderError that says what the
// signatures, and our server, found.
func verifyDKIM(ctx context.Context, raw []byte, from, domain string,
	lookup func(string) ([]string, error), ours authVerdict) (string, error) {
	verifs, err := dkim.VerifyWithOptions(bytes.NewReader(raw),
		&dkim.VerifyOptions{LookupTXT: lookup, MaxVerifications: maxSignatures})
	if err != nil && !errors.Is(err, dkim.ErrTooManySignatures) {
		return "", withVerdict(refusal(from, ErrBadSignature, "the DKIM signatures "+
			"cannot be checked (%v)", "ตรวจสอบลายมือชื่อดิจิทัล (DKIM) ไม่ได้ (%v)", err), ours)
	}
	if ctx.Err() != nil {
		return "", ctx.Err()
	}

	var valid, failed []*dkim.Verification
	for _, v := range verifs {
		switch {
		case v.Err != nil:
			failed = append(failed, v)
		case aligned(v.Domain, domain) && coversFrom(v.HeaderKeys):
			return normalDomain(v.Domain), nil
		default:
			valid = append(valid, v)
		}
	}
	return "", withVerdict(whyNot(from, domain, valid, failed), ours)
}

func coversFrom(keys []string) bool {
	return slices.ContainsFunc(keys, func(k string) bool { return strings.EqualFold(k, "from") })
}

// whyNot says why no signature proves the sender.
func whyNot(from, domain string, valid, failed []*dkim.Verification) *SenderError {
	for _, v := range failed {
		if dkim.IsTempFail(v.Err) {
			return refusal(from, ErrSenderTemporary, "the DKIM key of %s cannot be "+
				"fetched now (%v); the message can be checked again later",
				"ยังดึงกุญแจ DKIM ของ %s ไม่ได้ในขณะนี้ (%v) ตรวจสอบอีเมลนี้ใหม่ได้ภายหลัง",
				v.Domain, v.Err)
		}
	}
	switch {
	case len(valid) > 0:
		return refusal(from, ErrSignatureDomain, "the message is signed by %s, not by "+
			"%s, the domain of its From address", "อีเมลนี้ลงลายมือชื่อดิจิทัลโดย %s "+
			"ไม่ใช่ %s ซึ่งเป็นโดเมนของผู้ส่ง", valid[0].Domain, domain)
	case len(failed) > 0:
		return refusal(from, ErrBadSignature, "the DKIM signature of %s does not verify "+
			"(%v): the message was changed after it was signed, or the key is not "+
			"that domain's", "ลายมือชื่อดิจิทัล (DKIM) ของ %s ตรวจสอบไม่ผ่าน (%v) "+
			"อีเมลอาจถูกแก้ไขหลังลงลายมือชื่อ", failed[0].Domain, failed[0].Err)
	}
	return refusal(from, ErrNoSignature, "the message carries no DKIM signature, so "+
		"nothing proves that %s sent it; send it from the agency's mail system, which "+
		"signs what it sends", "อีเมลนี้ไม่มีลายมือชื่อดิจิทัล (DKIM) จึงพิสูจน์ไม่ได้ว่า "+
		"%s เป็นผู้ส่ง กรุณาส่งจากระบบอีเมลของสำนักงานซึ่งลงลายมือชื่อให้", from)
}

// withVerdict adds to a refusal what our server said, and which
// Authentication-Results headers were ignored.
func withVerdict(e *SenderError, ours authVerdict) *SenderError {
	if ours.ours {
		e.Reason += "; our mail server found " + ours.said
		e.ReasonTH += " (ผลการตรวจของเซิร์ฟเวอร์อีเมลของสำนักงาน: " + ours.said + ")"
		if e.Err == ErrNoSignature && len(ours.passes) > 0 {
			e.Err = ErrSignatureDomain
		}
	}
	if len(ours.ignored) > 0 {
		ids := strings.Join(ours.ignored, ", ")
		e.Reason += "; Authentication-Results headers other than our server's topmost " +
			"one were ignored (" + ids + ")"
		e.ReasonTH += " (ไม่นำผล Authentication-Results อื่นนอกจากรายการบนสุดของ" +
			"เซิร์ฟเวอร์ของสำนักงานมาพิจารณา: " + ids + ")"
	}
	return e
}
