package mailbox

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"sandboxbot/cases"
)

// Errors of reply tokens. [VerifyToken] returns a *[TokenError] wrapping
// one of them; test with errors.Is.
var (
	// ErrTokenForged: the token is garbled, or was not made with our key
	// for this officer, or was altered.
	ErrTokenForged = errors.New("reply token forged or garbled")
	// ErrTokenExpired: the token's time has passed.
	ErrTokenExpired = errors.New("reply token expired")
	// ErrTokenOfficer: the token was issued to another officer.
	ErrTokenOfficer = errors.New("reply token issued to another officer")
	// ErrTokenCase: the token is for another case.
	ErrTokenCase = errors.New("reply token for another case")
	// ErrTokenStage: the token was issued in an earlier stage; the case
	// has moved on since.
	ErrTokenStage = errors.New("reply token for an earlier stage")
)

// TokenError says why a reply token is refused, in English and Thai, for
// the reply to the officer.
type TokenError struct {
	Err              error // one of the ErrToken… sentinels
	Reason, ReasonTH string
}

// Error returns "mailbox: verifying reply token: " and the reason.
func (e *TokenError) Error() string { return "mailbox: verifying reply token: " + e.Reason }

// Unwrap returns the sentinel.
func (e *TokenError) Unwrap() error { return e.Err }

// Token is what a reply token binds: the bot puts one in the Reply-To
// sub-address of every mail that asks an officer for a decision, and a
// command that comes back with it is known to answer that mail. A token is
// used once: the command's event carries ID() as cases.Event.Token, and the
// store refuses a second event with it (cases.ErrTokenUsed).
type Token struct {
	Case cases.Ref
	// Officer is the address the mail was sent to; compared without
	// regard to case.
	Officer string
	// Stage is the stage the case was in when the mail was written.
	Stage cases.Stage
	// Expires is when the token stops being valid; kept to the second.
	Expires time.Time

	raw []byte // the decoded token, once issued or verified
}

// ID returns the token's identifier for cases.Event.Token: a hash of the
// token, so that the store never holds the token itself. It is empty for a
// Token neither issued nor verified.
func (t Token) ID() string {
	if t.raw == nil {
		return ""
	}
	sum := sha256.Sum256(t.raw)
	return hex.EncodeToString(sum[:16])
}

// The token's bytes: version and stage, case year and sequence, expiry,
// a tag of the officer, a nonce, and the MAC; 30 bytes, 48 characters in
// base32.
const (
	tokenVersion = 1
	tokenBody    = 1 + 2 + 3 + 4 + 2 + 2
	tokenMACSize = 16 // HMAC-SHA256 truncated to 128 bits (RFC 2104 s5)
	tokenSize    = tokenBody + tokenMACSize
	// TokenLength is the length of a token in characters.
	TokenLength = tokenSize * 8 / 5
	// MinTokenKey is the shortest key IssueToken and VerifyToken take.
	MinTokenKey = 32
)

// tokenEncoding is base32 in lower case without padding (RFC 4648 s6): it
// survives mail systems that fold the case of local parts, and is read in
// either case.
var tokenEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").
	WithPadding(base32.NoPadding)

// IssueToken returns the token for t, signed with key (at least
// MinTokenKey bytes of secret): TokenLength characters of [a-z2-7]. Two
// tokens for the same fields differ by a random nonce, so each mail's token
// is used up on its own. It fails on a short key, a zero case, a stage not
// in cases.Stages, an officer that is not an address, or an expiry outside
// 1970-2106.
func IssueToken(key []byte, t Token) (string, error) {
	stage := slices.Index(cases.Stages, t.Stage)
	officer := addressKey(t.Officer)
	exp := t.Expires.Unix()
	switch {
	case len(key) < MinTokenKey:
		return "", fmt.Errorf("mailbox: issuing reply token: the key has %d bytes, "+
			"fewer than %d", len(key), MinTokenKey)
	case t.Case.IsZero() || t.Case.Year < 0 || t.Case.Year > math.MaxUint16 ||
		t.Case.Seq < 1 || t.Case.Seq >= 1<<24:
		return "", fmt.Errorf("mailbox: issuing reply token: %q is not a case", t.Case)
	case stage < 0:
		return "", fmt.Errorf("mailbox: issuing reply token: %q is not a stage", t.Stage)
	case officer == "":
		return "", fmt.Errorf("mailbox: issuing reply token: %q is not an officer's "+
			"address", t.Officer)
	case exp <= 0 || exp > math.MaxUint32:
		return "", fmt.Errorf("mailbox: issuing reply token: expiry %v is out of range",
			t.Expires)
	}
	b := make([]byte, tokenSize)
	b[0] = tokenVersion<<5 | byte(stage)
	binary.BigEndian.PutUint16(b[1:], uint16(t.Case.Year))
	b[3], b[4], b[5] = byte(t.Case.Seq>>16), byte(t.Case.Seq>>8), byte(t.Case.Seq)
	binary.BigEndian.PutUint32(b[6:], uint32(exp))
	copy(b[10:12], officerTag(officer))
	_, _ = rand.Read(b[12:14]) // never fails (crypto/rand, Go 1.24)
	copy(b[tokenBody:], tokenMAC(key, b[:tokenBody], officer))
	return tokenEncoding.EncodeToString(b), nil
}

// tokenMAC is the HMAC-SHA256 of the token's body and the officer's
// address, truncated.
func tokenMAC(key, body []byte, officer string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("sandboxbot reply token\x00"))
	m.Write(body)
	m.Write([]byte(officer))
	return m.Sum(nil)[:tokenMACSize]
}

// officerTag lets VerifyToken tell a token of another officer from a
// forged one. It is no secret and proves nothing; the MAC does.
func officerTag(officer string) []byte {
	sum := sha256.Sum256([]byte(officer))
	return sum[:2]
}

// VerifyToken checks a reply token, in either case, against the officer
// proven to have sent the reply, the case it is about and the stage the
// case is in now, at time now. It returns the token, whose ID() the event
// carries, or a *TokenError wrapping ErrTokenForged (garbled, altered, or
// not made with key), ErrTokenOfficer, ErrTokenCase, ErrTokenStage (the
// case moved on since the mail was written) or ErrTokenExpired. The MAC is
// compared in constant time.
func VerifyToken(key []byte, s string, now time.Time, officer string, ref cases.Ref,
	stage cases.Stage) (Token, error) {
	b, err := tokenEncoding.DecodeString(strings.ToLower(strings.TrimSpace(s)))
	if err != nil || len(b) != tokenSize || b[0]>>5 != tokenVersion ||
		int(b[0]&0x1f) >= len(cases.Stages) || len(key) < MinTokenKey {
		return Token{}, tokenForged()
	}
	who := addressKey(officer)
	if who == "" || !hmac.Equal(b[10:12], officerTag(who)) {
		return Token{}, &TokenError{Err: ErrTokenOfficer,
			Reason: "the reply address was given to another officer; reply from your " +
				"own mailbox to the message sent to you",
			ReasonTH: "ที่อยู่สำหรับตอบกลับนี้ออกให้เจ้าหน้าที่ท่านอื่น กรุณาตอบกลับจากอีเมล" +
				"ของท่านเองถึงข้อความที่ส่งถึงท่าน"}
	}
	if !hmac.Equal(b[tokenBody:], tokenMAC(key, b[:tokenBody], who)) {
		return Token{}, tokenForged()
	}

	t := Token{Officer: who, Stage: cases.Stages[b[0]&0x1f], raw: b,
		Case: cases.Ref{Year: int(binary.BigEndian.Uint16(b[1:])),
			Seq: int(b[3])<<16 | int(b[4])<<8 | int(b[5])},
		Expires: time.Unix(int64(binary.BigEndian.Uint32(b[6:])), 0).UTC()}
	switch {
	case t.Case != ref:
		return Token{}, &TokenError{Err: ErrTokenCase,
			Reason: fmt.Sprintf("the reply address is for case %s, not %s", t.Case, ref),
			ReasonTH: fmt.Sprintf("ที่อยู่สำหรับตอบกลับนี้เป็นของเรื่อง %s ไม่ใช่ %s",
				t.Case, ref)}
	case t.Stage != stage:
		return Token{}, &TokenError{Err: ErrTokenStage,
			Reason: fmt.Sprintf("the message you replied to was written when the case "+
				"was in stage %s; it is in %s now: reply HELP for the commands valid now",
				t.Stage, stage),
			ReasonTH: fmt.Sprintf("ข้อความที่ท่านตอบกลับเขียนขึ้นเมื่อเรื่องอยู่ในขั้นตอน "+
				"%s ขณะนี้อยู่ในขั้นตอน %s แล้ว กรุณาตอบกลับด้วยคำว่า ช่วยเหลือ "+
				"เพื่อดูคำสั่งที่ใช้ได้", t.Stage, stage)}
	case !now.Before(t.Expires):
		at := t.Expires.In(cases.Bangkok).Format("2006-01-02 15:04")
		return Token{}, &TokenError{Err: ErrTokenExpired,
			Reason: fmt.Sprintf("the reply address expired on %s (Bangkok); reply to "+
				"the latest message about the case", at),
			ReasonTH: fmt.Sprintf("ที่อยู่สำหรับตอบกลับนี้หมดอายุเมื่อ %s น. กรุณาตอบกลับ"+
				"ข้อความล่าสุดของเรื่องนี้", at)}
	}
	return t, nil
}

func tokenForged() *TokenError {
	return &TokenError{Err: ErrTokenForged,
		Reason: "the reply address holds no token the bot issued (it is garbled or was " +
			"altered); reply to the bot's own message",
		ReasonTH: "ที่อยู่สำหรับตอบกลับไม่มีรหัสที่ระบบออกให้ (รหัสผิดรูปแบบหรือถูกแก้ไข) " +
			"กรุณาตอบกลับข้อความของระบบโดยตรง"}
}
