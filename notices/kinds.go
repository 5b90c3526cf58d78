package notices

import (
	"slices"

	"sandboxbot/cases"
)

// kinds is every notice the workflow owes, in the order of the guideline's
// steps, then the officers' notices.
var kinds = []cases.NoticeKind{
	cases.NoticeAcknowledgement,
	cases.NoticeInScope, cases.NoticeOutOfScope, cases.NoticeMoreInfo,
	cases.NoticeIncomplete, cases.NoticeIneligible, cases.NoticeComplete,
	cases.NoticeApproval, cases.NoticeRejection,
	cases.NoticeRoundChangeGrant, cases.NoticeRoundChangeRefuse,
	cases.NoticeApplicationLapsed, cases.NoticeApprovalLapsed,
	cases.NoticeTestingStarts,
	cases.NoticeExtensionGrant, cases.NoticeExtensionRefuse,
	cases.NoticeWaiverGrant, cases.NoticeWaiverRefuse,
	cases.NoticeReportOverdue, cases.NoticeTestingEnded,
	cases.NoticeToFixLetter, cases.NoticeFixesAccepted, cases.NoticeExpulsion,
	cases.NoticeExitSuccess, cases.NoticeExitPartial, cases.NoticeExitFailure,
	cases.NoticeWithdrawal,
	cases.NoticeAppealUpheld, cases.NoticeAppealAllowed, cases.NoticeResultFinal,
	cases.NoticeCaseClosed,
	cases.NoticeReminder,
	cases.NoticeSubmission, cases.NoticeConfirmation, cases.NoticeOfficerPrompt,
	cases.NoticeDecisionOverdue, cases.NoticeRefusal, cases.NoticeDeliveryFailed,
	cases.NoticeProposal,
	cases.NoticeHowTo, cases.NoticeCommandReply,
	cases.NoticeStatusReport, cases.NoticeDigest,
}

// letterKinds are the kinds the workflow table sends as numbered letters
// (cases.Owed.Letter), read from the table so that the two cannot differ.
var letterKinds = func() map[cases.NoticeKind]bool {
	m := map[cases.NoticeKind]bool{}
	for _, t := range cases.Transitions() {
		for _, o := range t.Owes {
			if o.Letter {
				m[o.Kind] = true
			}
		}
	}
	return m
}()

// Kinds returns every kind of notice Render writes, in the order of the
// guideline's steps, the officers' notices last. IsLetter says which are
// official letters. The slice is the caller's to keep.
func Kinds() []cases.NoticeKind { return slices.Clone(kinds) }

// IsLetter reports whether a kind is an official letter (หนังสือภายนอก)
// with a number of the outgoing register: Render attaches it as a PDF.
// The others are e-mails only.
func IsLetter(k cases.NoticeKind) bool { return letterKinds[k] }

// known reports whether Render has wording for k.
func known(k cases.NoticeKind) bool { return slices.Contains(kinds, k) }
