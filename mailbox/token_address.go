package mailbox

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
)

// ErrReplyAddress means a reply address cannot be made: the bot's address
// is not one, or its local part leaves no room for the token.
var ErrReplyAddress = errors.New("cannot make a reply address")

// maxLocalPart is the longest local part SMTP must accept (RFC 5321
// s4.5.3.1.1).
const maxLocalPart = 64

// ReplyAddress returns the bot's address with the token as its
// sub-address: sandboxbot@etda.example and t give
// sandboxbot+t@etda.example. bot may be "Name <addr>"; the name is dropped.
// It fails, wrapping ErrReplyAddress, when bot is not an address, already
// has a sub-address, or the local part would pass 64 octets: with
// TokenLength characters of token, the bot's local part may have at most
// 64 - 1 - TokenLength (15).
func ReplyAddress(bot, token string) (string, error) {
	local, domain, ok := splitAddress(bot)
	switch {
	case !ok:
		return "", fmt.Errorf("mailbox: making a reply address: %q is not an address: %w",
			bot, ErrReplyAddress)
	case strings.Contains(local, "+"):
		return "", fmt.Errorf("mailbox: making a reply address: %q already has a "+
			"sub-address: %w", bot, ErrReplyAddress)
	case token == "" || strings.Trim(token, "abcdefghijklmnopqrstuvwxyz234567") != "":
		return "", fmt.Errorf("mailbox: making a reply address: %q is not a reply token: "+
			"%w", token, ErrReplyAddress)
	case len(local)+1+len(token) > maxLocalPart:
		return "", fmt.Errorf("mailbox: making a reply address: %s+<token> would have "+
			"%d octets before the @, more than the %d of RFC 5321 s4.5.3.1.1; shorten "+
			"the bot's local part to %d: %w", local, len(local)+1+len(token),
			maxLocalPart, maxLocalPart-1-len(token), ErrReplyAddress)
	}
	return local + "+" + token + "@" + domain, nil
}

// FindToken returns the sub-address of the address a reply was sent to:
// of the first address among addrs whose local part before "+" is the
// bot's and whose domain is the bot's, both compared without regard to
// case. addrs are the values of To, Cc, Delivered-To and X-Original-To,
// each one address or a list ("Name <a@b>, c@d"); pass Delivered-To and
// X-Original-To, which the receiving server writes, first. ok is false
// when none has a sub-address.
func FindToken(bot string, addrs []string) (token string, ok bool) {
	local, domain, valid := splitAddress(bot)
	if !valid {
		return "", false
	}
	for _, value := range addrs {
		for _, a := range addressesIn(value) {
			l, d, valid := splitAddress(a)
			base, sub, plus := strings.Cut(l, "+")
			if valid && plus && sub != "" && strings.EqualFold(base, local) &&
				strings.EqualFold(d, domain) {
				return sub, true
			}
		}
	}
	return "", false
}

// addressesIn returns the addresses a header value names: a list, or one
// bare address such as Delivered-To holds.
func addressesIn(value string) []string {
	list, err := addressParser.ParseList(value)
	if err != nil {
		return []string{strings.Trim(strings.TrimSpace(value), "<>")}
	}
	out := make([]string, len(list))
	for i, a := range list {
		out[i] = a.Address
	}
	return out
}

// splitAddress splits an address ("a@b" or "Name <a@b>") at its last @.
func splitAddress(s string) (local, domain string, ok bool) {
	a, err := mail.ParseAddress(s)
	if err != nil {
		return "", "", false
	}
	at := strings.LastIndexByte(a.Address, '@')
	if at <= 0 || at == len(a.Address)-1 {
		return "", "", false
	}
	return a.Address[:at], a.Address[at+1:], true
}
