package notices

import (
	"time"

	"sandboxbot/cases"
)

// samples sets, for each kind, the stage, event and windows of the sample
// notice over the base case (testing, round 2).
var samples = map[cases.NoticeKind]func(s *sampler, n *cases.Notice){
	cases.NoticeAcknowledgement: func(s *sampler, n *cases.Notice) {
		n.Case.Stage, n.From, n.Case.Round, n.Case.Plan = cases.Screening, cases.None, 0,
			cases.Plan{}
		n.Case.Opened, n.Case.LastSubmission = sampleAt, sampleAt
		n.Event = s.applicant(cases.SubmitInterest, nil)
		n.Event.Applicant = &n.Case.Applicant
	},
	cases.NoticeInScope: func(s *sampler, n *cases.Notice) {
		before(n, cases.AwaitingApplication, cases.Screening)
		n.Event = s.officer(cases.FindInScope)
		n.Windows = []cases.Window{s.told(cases.WindowApplication, 30)}
	},
	cases.NoticeOutOfScope: func(s *sampler, n *cases.Notice) {
		before(n, cases.Closed, cases.Screening)
		n.Case.Outcome = cases.OutOfScope
		n.Event = s.officer(cases.FindOutOfScope)
		n.Event.Text = s.pick("บริการที่เสนอเป็นระบบรับชำระเงินทางอิเล็กทรอนิกส์ ซึ่งอยู่ภายใต้"+
			"การกำกับดูแลของธนาคารแห่งประเทศไทย และไม่อยู่ในประเภทบริการที่เปิดรับในรอบนี้",
			"The service is an electronic payment system, which is supervised by the Bank "+
				"of Thailand, and is not of a category this round takes.")
	},
	cases.NoticeMoreInfo: func(s *sampler, n *cases.Notice) {
		before(n, cases.Screening, cases.Screening)
		n.Case.Paused = true
		n.Event = s.officer(cases.AskMoreInfo)
		n.Event.Text = s.pick("แผนภาพสถาปัตยกรรมของระบบ ExampleID และผู้ให้บริการที่เกี่ยวข้อง\n"+
			"ระดับความน่าเชื่อถือของการพิสูจน์ตัวตน (IAL) และการยืนยันตัวตน (AAL) ที่ให้บริการ",
			"A diagram of the ExampleID system's architecture and the providers involved\n"+
				"The identity assurance (IAL) and authenticator assurance (AAL) levels offered")
		n.Windows = []cases.Window{s.told(cases.WindowMoreInfo, cases.DefaultPolicy.MoreInfoDays)}
	},
	cases.NoticeIncomplete: func(s *sampler, n *cases.Notice) {
		before(n, cases.ApplicationReview, cases.ApplicationReview)
		n.Case.Paused = true
		n.Event = s.officer(cases.FindIncomplete)
		n.Event.Text = s.pick("หนังสือรับรองการจดทะเบียนนิติบุคคลที่ออกให้ไม่เกิน 6 เดือน\n"+
			"งบการเงินย้อนหลัง 2 ปีที่ผ่านการตรวจสอบจากผู้สอบบัญชีรับอนุญาต",
			"A certificate of registration issued within the last 6 months\n"+
				"Audited financial statements for the last 2 years")
		n.Windows = []cases.Window{s.told(cases.WindowMoreInfo, cases.DefaultPolicy.MoreInfoDays)}
	},
	cases.NoticeIneligible: func(s *sampler, n *cases.Notice) {
		before(n, cases.Closed, cases.ApplicationReview)
		n.Case.Outcome = cases.Rejected
		n.Event = s.officer(cases.FindIneligible)
		n.Event.Text = s.pick("ประสบการณ์เกี่ยวกับการให้บริการด้านธุรกรรมทางอิเล็กทรอนิกส์ไม่ถึง 2 ปี "+
			"นับถึงวันยื่นคำขอ (เริ่มให้บริการเมื่อวันที่ 1 สิงหาคม 2567)",
			"Less than 2 years of experience in electronic-transaction services on the day "+
				"of application (service began on 1 August 2024)")
	},
	cases.NoticeComplete: func(s *sampler, n *cases.Notice) {
		before(n, cases.TestPlan, cases.ApplicationReview)
		n.Event = s.officer(cases.FindComplete)
		got := cases.DateOf(n.Case.LastSubmission)
		n.Windows = []cases.Window{s.until(cases.WindowDecision, got,
			s.cal.Due(got, 30, cases.Agency))}
	},
	cases.NoticeApproval: approved,
	cases.NoticeRejection: func(s *sampler, n *cases.Notice) {
		before(n, cases.Closed, cases.Decision)
		n.Case.Outcome = cases.Rejected
		n.Event = s.officer(cases.Reject)
		n.Event.Text = s.pick("แผนการทดสอบยังไม่มีมาตรการคุ้มครองข้อมูลส่วนบุคคลของผู้ใช้บริการ"+
			"ที่เพียงพอ และไม่มีแผนรองรับการออกจากการทดสอบกรณีไม่สำเร็จ",
			"The test plan lacks adequate measures to protect users' personal data and has "+
				"no exit plan for failure.")
	},
	cases.NoticeRoundChangeGrant: func(s *sampler, n *cases.Notice) {
		inAgreement(s, n)
		n.Case.Round = 3
		n.Event = s.officer(cases.GrantRoundChange)
	},
	cases.NoticeRoundChangeRefuse: func(s *sampler, n *cases.Notice) {
		inAgreement(s, n)
		n.Event = s.officer(cases.RefuseRoundChange)
		n.Event.Text = s.pick("รอบการทดสอบที่ 3 มีผู้เข้าร่วมทดสอบครบจำนวนที่กำหนดแล้ว",
			"Testing round 3 is already full.")
	},
	cases.NoticeApplicationLapsed: func(s *sampler, n *cases.Notice) {
		before(n, cases.Closed, cases.AwaitingApplication)
		n.Case.Outcome = cases.Lapsed
		n.Event = s.clock(cases.ApplicationLapses)
		told := cases.NewDate(2026, 2, 24)
		w := s.until(cases.WindowApplication, told, s.cal.Due(told, 30, cases.Applicant))
		n.Window = &w
	},
	cases.NoticeApprovalLapsed: func(s *sampler, n *cases.Notice) {
		before(n, cases.Closed, cases.Agreement)
		n.Case.Outcome, n.Case.Round, n.Case.Plan = cases.Lapsed, 2, samplePlan
		n.Event = s.clock(cases.AgreementLapses)
		told := cases.NewDate(2026, 3, 11)
		w := s.until(cases.WindowAgreement, told, s.cal.Due(told, 15, cases.Applicant))
		n.Window = &w
	},
	cases.NoticeTestingStarts: func(s *sampler, n *cases.Notice) {
		n.From = cases.Agreement
		n.Event = s.officer(cases.RecordSigned)
		n.Windows = []cases.Window{
			s.until(cases.WindowTesting, samplePlan.Start, samplePlan.End),
			s.until(cases.WindowExtension, s.today, s.cal.LatestBefore(samplePlan.End, 30)),
			s.report(cases.WindowReport, samplePlan.Start, 1, 1)}
	},
	cases.NoticeExtensionGrant: func(s *sampler, n *cases.Notice) {
		end := cases.NewDate(2027, 1, 31)
		n.Case.Plan.End = end
		n.Event = s.officer(cases.GrantExtension)
		n.Windows = []cases.Window{s.until(cases.WindowTesting, samplePlan.Start, end),
			s.until(cases.WindowExtension, s.today, s.cal.LatestBefore(end, 30))}
	},
	cases.NoticeExtensionRefuse: func(s *sampler, n *cases.Notice) {
		n.Event = s.officer(cases.RefuseExtension)
		n.Event.Text = s.pick("ผลการทดสอบตามตัวชี้วัดที่รายงานมาเพียงพอต่อการประเมินภายในระยะเวลาเดิม",
			"The results reported against the indicators are enough to assess the test "+
				"within the period agreed.")
	},
	cases.NoticeWaiverGrant: func(s *sampler, n *cases.Notice) {
		n.Case.Waivers = []string{waiverRule(s)}
		n.Event = s.officer(cases.GrantWaiver)
		n.Event.Text = s.pick("ให้จัดเก็บภาพใบหน้าไว้ไม่เกิน 90 วัน และรายงานจำนวนรายการในรายงานความคืบหน้า"+
			"ทุกฉบับ", "Face images are kept no longer than 90 days and their number is "+
			"given in every progress report.")
	},
	cases.NoticeWaiverRefuse: func(s *sampler, n *cases.Notice) {
		n.Event = s.officer(cases.RefuseWaiver)
		n.Event.Text = s.pick("การผ่อนผันดังกล่าวอาจกระทบต่อการคุ้มครองข้อมูลส่วนบุคคลของผู้ใช้บริการ",
			"Such a waiver could harm the protection of users' personal data.")
	},
	cases.NoticeReportOverdue: func(s *sampler, n *cases.Notice) {
		n.Case.Plan = cases.Plan{Start: cases.NewDate(2026, 1, 1), End: cases.NewDate(2026, 6,
			30), Every: "monthly"}
		n.Event = s.clock(cases.ReportOverdue)
		w := s.report(cases.WindowReport, n.Case.Plan.Start, 2, 1)
		n.Window = &w
		n.Windows = []cases.Window{s.report(cases.WindowReport, n.Case.Plan.Start, 3, 1)}
		n.Case.ReportsReceived, n.Case.ReportsMissed = 1, 1
	},
	cases.NoticeTestingEnded: func(s *sampler, n *cases.Notice) {
		n.Case.Stage = cases.ExitReview
		n.Case.Plan.End = cases.NewDate(2026, 3, 29)
		n.Event = s.clock(cases.TestingEnds)
		w := s.until(cases.WindowTesting, samplePlan.Start, n.Case.Plan.End)
		n.Window = &w
	},
	cases.NoticeToFixLetter: func(s *sampler, n *cases.Notice) {
		n.Event = s.officer(cases.NoticeToFix)
		n.Event.Date = cases.NewDate(2026, 4, 30)
		n.Event.Text = s.pick("จัดส่งบันทึกธุรกรรม (Transaction Log) ประจำเดือนกุมภาพันธ์ 2569 ที่ยังไม่ได้รับ\n"+
			"ปรับปรุงขั้นตอนการแจ้งเหตุขัดข้องให้ผู้ใช้บริการทราบภายใน 24 ชั่วโมง",
			"Send the transaction log for February 2026, which has not been received\n"+
				"Change the outage procedure so that users are told within 24 hours")
		n.Windows = []cases.Window{s.until(cases.WindowFixes, s.today,
			s.cal.Due(n.Event.Date, 0, cases.Applicant))}
	},
	cases.NoticeFixesAccepted: func(s *sampler, n *cases.Notice) {
		n.Event = s.officer(cases.ConfirmFixed)
	},
	cases.NoticeExpulsion: func(s *sampler, n *cases.Notice) {
		exited(n, cases.PostExit, cases.Expelled)
		n.Event = s.officer(cases.Expel)
		n.Event.Text = s.pick("ไม่ดำเนินการแก้ไขตามหนังสือแจ้งให้แก้ไข ที่ สพธอ. 398/2569 "+
			"ภายในวันที่ 20 มีนาคม 2569", "The fixes required by the notice to fix no. "+
			"สพธอ. 398/2569 were not made by 20 March 2026.")
		n.Windows = []cases.Window{s.postExit()}
	},
	cases.NoticeExitSuccess: func(s *sampler, n *cases.Notice) {
		exited(n, cases.PostExit, cases.Success)
		n.Event = s.officer(cases.ExitSuccess)
		n.Windows = []cases.Window{s.postExit()}
	},
	cases.NoticeExitPartial: func(s *sampler, n *cases.Notice) {
		exited(n, cases.Appeal, cases.PartialSuccess)
		n.Event = s.officer(cases.ExitPartial)
		n.Event.Date = cases.NewDate(2026, 6, 30)
		n.Event.Text = s.pick("อัตราการพิสูจน์ตัวตนสำเร็จในครั้งแรกต่ำกว่าเป้าหมาย "+
			"(ร้อยละ 88 จากเป้าหมายร้อยละ 95)",
			"The first-attempt identity proofing rate is 88%, below its target of 95%.")
		n.Windows = []cases.Window{s.told(cases.WindowAppeal, 15),
			s.until(cases.WindowFixes, s.today, s.cal.Due(n.Event.Date, 0, cases.Applicant))}
	},
	cases.NoticeExitFailure: func(s *sampler, n *cases.Notice) {
		exited(n, cases.Appeal, cases.Failure)
		n.Event = s.officer(cases.ExitFailure)
		n.Event.Text = s.pick("พบการปลอมแปลงตัวตนที่ตรวจไม่พบ 3 ครั้ง จากเป้าหมาย 0 ครั้ง "+
			"และระบบพร้อมใช้งานร้อยละ 97.1 จากเป้าหมายร้อยละ 99.5",
			"Three impersonations went undetected, against a target of none, and the "+
				"system was available 97.1% of the time, against a target of 99.5%.")
		n.Windows = []cases.Window{s.told(cases.WindowAppeal, 15)}
	},
	cases.NoticeWithdrawal: func(s *sampler, n *cases.Notice) {
		exited(n, cases.PostExit, cases.Withdrawn)
		n.Event = s.applicant(cases.Withdraw, nil)
		n.Windows = []cases.Window{s.postExit()}
	},
	cases.NoticeAppealUpheld: func(s *sampler, n *cases.Notice) {
		afterAppeal(s, n, cases.Failure)
		n.Event = s.officer(cases.UpholdResult)
		n.Event.Text = s.pick("ข้อมูลที่ยื่นเพิ่มเติมไม่แสดงว่าผลการทดสอบเป็นไปตามตัวชี้วัดที่กำหนด",
			"The further evidence does not show that the results met the indicators.")
	},
	cases.NoticeAppealAllowed: func(s *sampler, n *cases.Notice) {
		afterAppeal(s, n, cases.PartialSuccess)
		n.Event = s.officer(cases.AllowAppeal)
		n.Event.Outcome = cases.PartialSuccess
	},
	cases.NoticeResultFinal: func(s *sampler, n *cases.Notice) {
		afterAppeal(s, n, cases.PartialSuccess)
		n.Event = s.clock(cases.AppealLapses)
		told := cases.NewDate(2026, 3, 11)
		w := s.until(cases.WindowAppeal, told, s.cal.Due(told, 15, cases.Applicant))
		n.Window = &w
	},
	cases.NoticeCaseClosed: func(s *sampler, n *cases.Notice) {
		before(n, cases.Closed, cases.PostExit)
		n.Case.Outcome = cases.Success
		n.Case.ExitedOn = cases.NewDate(2025, 12, 1)
		n.Event = s.officer(cases.CloseCase)
	},
	cases.NoticeReminder: func(s *sampler, n *cases.Notice) {
		before(n, cases.Agreement, cases.Agreement)
		w := s.until(cases.WindowAgreement, cases.NewDate(2026, 3, 16),
			s.cal.Due(cases.NewDate(2026, 3, 16), 15, cases.Applicant))
		w.Remind = 3
		n.Window = &w
		n.At = w.Due.AddDays(-3).Start().Add(8 * time.Hour)
	},
	cases.NoticeSubmission: func(s *sampler, n *cases.Notice) {
		before(n, cases.Decision, cases.TestPlan)
		n.To = cases.ToOfficers
		n.Event = s.applicant(cases.SubmitTestPlan, nil)
		n.Event.Form = s.testPlan()
		n.Event.Plan = &samplePlan
	},
	cases.NoticeConfirmation: func(s *sampler, n *cases.Notice) {
		approved(s, n)
		n.To = cases.ToActor
	},
	cases.NoticeOfficerPrompt: func(s *sampler, n *cases.Notice) {
		n.To = cases.ToOfficers
		n.Event = s.clock(cases.FixesOverdue)
		w := s.until(cases.WindowFixes, cases.NewDate(2026, 3, 2), cases.NewDate(2026, 3, 27))
		n.Window = &w
		n.Case.FixesOverdue = true
	},
	cases.NoticeDecisionOverdue: func(s *sampler, n *cases.Notice) {
		before(n, cases.Decision, cases.Decision)
		n.To = cases.ToOfficers
		n.Event = s.clock(cases.DecisionOverdue)
		got := cases.DateOf(n.Case.LastSubmission)
		w := s.until(cases.WindowDecision, got, s.cal.Due(got, 30, cases.Agency))
		n.Window = &w
	},
	cases.NoticeRefusal: func(s *sampler, n *cases.Notice) {
		inAgreement(s, n)
		n.To = cases.ToActor
		n.Event = s.applicant(cases.RequestRoundChange, nil)
		n.Event.Round = 3
		n.Reason = "the time to ask for another testing round has ended " +
			"(the last day was 2026-03-23)"
	},
	cases.NoticeProposal: func(s *sampler, n *cases.Notice) {
		before(n, cases.Decision, cases.Decision)
		n.To = cases.ToOfficers
		n.Event = s.officer(cases.Approve)
		n.Event.Round = 2
		n.Proposal = &cases.Proposal{Case: sampleRef, Kind: cases.Approve,
			Args: cases.ProposalArgs{Round: 2, Text: "KPIs and exit plans are sound"},
			By:   sampleOfficer, At: sampleAt}
	},
	cases.NoticeDeliveryFailed: func(s *sampler, n *cases.Notice) {
		before(n, cases.AwaitingApplication, cases.AwaitingApplication)
		n.To = cases.ToOfficers
		n.Reason = "<DSS-2569-0007.in_scope.5f1c0a9e3b7d@sandboxbot.invalid> to " +
			"[somchai@example.com]: 550 5.1.1 <somchai@example.com>: Recipient address " +
			"rejected: User unknown"
	},
	cases.NoticeHowTo: func(s *sampler, n *cases.Notice) {
		n.Case = cases.Case{Stage: cases.None}
		n.To = cases.ToActor
		n.Event = cases.Event{Actor: cases.ByApplicant, By: "somchai@example.com",
			At: sampleAt}
		n.Reason = "the attachment แบบแจ้งความประสงค์.pdf is protected by a password; " +
			"send it without one"
		n.ReasonTH = "ไฟล์แนบ แบบแจ้งความประสงค์.pdf มีการตั้งรหัสผ่าน โปรดส่งไฟล์ที่ไม่มีรหัสผ่าน"
	},
	cases.NoticeStatusReport: func(s *sampler, n *cases.Notice) {
		n.Case = cases.Case{Stage: cases.None}
		n.To = cases.ToManagement
		n.Reason = "Period of the report: 23 March 2026 to 30 March 2026\nCases: 42"
		n.ReasonTH = "ช่วงเวลาของรายงาน: 23 มีนาคม 2569 ถึง 30 มีนาคม 2569\nจำนวนเรื่องทั้งหมด: 42"
	},
	cases.NoticeDigest: func(s *sampler, n *cases.Notice) {
		n.Case = cases.Case{Stage: cases.None}
		n.To = cases.ToOfficers
		tasks := sampleTasks(s)
		n.Reason = digestText(tasks, s.today, English)
		n.ReasonTH = digestText(tasks, s.today, Thai)
	},
	cases.NoticeCommandReply: func(s *sampler, n *cases.Notice) {
		before(n, cases.Screening, cases.Screening)
		n.To = cases.ToActor
		n.Event = s.officer("")
		n.Reason = "Commands valid now:\nIN SCOPE\nOUT OF SCOPE <reason>"
		n.ReasonTH = "คำสั่งที่ใช้ได้ขณะนี้:\nอยู่ในขอบข่าย\nไม่อยู่ในขอบข่าย <เหตุผล>"
	},
}

// approved is the approval into round 2: 5 days to ask for another round,
// 15 to sign.
func approved(s *sampler, n *cases.Notice) {
	before(n, cases.Agreement, cases.Decision)
	n.Case.Round, n.Case.Plan = 2, samplePlan
	n.Event = s.officer(cases.Approve)
	n.Event.Round = 2
	n.Windows = []cases.Window{s.told(cases.WindowRoundChange, 5),
		s.told(cases.WindowAgreement, 15)}
}

// before sets the case in a stage before testing began.
func before(n *cases.Notice, stage, from cases.Stage) {
	n.Case.Stage, n.From = stage, from
	if stage != cases.Agreement {
		n.Case.Round = 0
	}
	switch from {
	case cases.None, cases.Screening, cases.AwaitingApplication, cases.ApplicationReview:
		n.Case.Plan = cases.Plan{}
	}
}

// inAgreement sets the case as approved into round 2, with the round
// change asked for and the agreement still to sign.
func inAgreement(s *sampler, n *cases.Notice) {
	before(n, cases.Agreement, cases.Agreement)
	told := cases.NewDate(2026, 3, 18)
	n.Case.Windows = []cases.Window{s.until(cases.WindowAgreement, told,
		s.cal.Due(told, 15, cases.Applicant))}
}

// afterAppeal sets the case as decided on appeal, leaving it in
// post-exit reporting with an outcome.
func afterAppeal(s *sampler, n *cases.Notice, o cases.Outcome) {
	exited(n, cases.PostExit, o)
	n.From = cases.Appeal
	n.Case.ExitedOn = cases.NewDate(2026, 3, 10)
	n.Windows = []cases.Window{s.report(cases.WindowPostExitReport, n.Case.ExitedOn, 1, 3)}
	if o == cases.PartialSuccess {
		n.Case.Windows = []cases.Window{s.until(cases.WindowFixes, n.Case.ExitedOn,
			cases.NewDate(2026, 6, 30))}
	}
}

func waiverRule(s *sampler) string {
	return s.pick("หลักเกณฑ์การจัดเก็บภาพใบหน้าของผู้ใช้บริการไว้ไม่เกิน 30 วัน",
		"The rule that users' face images are kept no longer than 30 days")
}

// sampleTasks are a decision overdue, one due and an expression of
// interest to screen.
func sampleTasks(s *sampler) []cases.Task {
	c := s.base()
	task := func(k cases.TaskKind, st cases.Stage, since time.Time, due cases.Date) cases.Task {
		return cases.Task{Case: c.Ref, Org: c.Applicant.OrgName, OrgEN: c.Applicant.OrgNameEN,
			Solution: c.Applicant.Solution, Stage: st, Kind: k, Since: since, Due: due}
	}
	return []cases.Task{
		task(cases.TaskDecisionOverdue, cases.Decision, sampleAt.AddDate(0, 0, -3),
			s.today.AddDays(-3)),
		task(cases.TaskDecide, cases.TestPlan, c.LastSubmission, s.today.AddDays(12)),
		task(cases.TaskScreen, cases.Screening, c.Opened, cases.Date{}),
	}
}
