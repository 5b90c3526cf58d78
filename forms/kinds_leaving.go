package forms

// Forms about leaving the sandbox (guideline step 7) and the officers'
// assessment.

// withdrawalSchema is the participant's withdrawal.
var withdrawalSchema = &Schema{
	Kind: "withdrawal", Version: 1,
	Title: Label{"หนังสือขอถอนตัวจากการทดสอบ", "Withdrawal from testing"},
	Intro: Label{
		"ต้องแจ้งผู้ใช้บริการก่อนหยุดให้บริการ และปฏิบัติตามแผนการออกจากการทดสอบ",
		"Users must be told before the service stops; follow the exit plan.",
	},
	Fields: []Field{
		caseRef(),
		longText("reason", "เหตุผล", "Reason"),
		longText("user_notice_plan", "แผนการแจ้งผู้ใช้บริการ", "Plan for telling users"),
	},
}

// appealSchema asks for review of a partial-success or failure result,
// within 15 days of the announcement; cases checks the window.
var appealSchema = &Schema{
	Kind: "appeal", Version: 1,
	Title: Label{"คำขอทบทวนผลการทดสอบ", "Request for review (appeal)"},
	Intro: Label{
		"ยื่นเป็นหนังสือภายใน 15 วันนับแต่วันประกาศผล",
		"Send in writing within 15 days of the announcement of the result.",
	},
	Fields: []Field{
		caseRef(),
		longText("grounds", "เหตุผลในการขอทบทวน", "Grounds for review"),
	},
}

// postExitReportSchema is a report sent on schedule after leaving.
var postExitReportSchema = &Schema{
	Kind: "post_exit_report", Version: 1,
	Title: Label{"รายงานหลังออกจากการทดสอบ", "Post-exit report"},
	Intro: Label{
		"ส่งตามกำหนดเวลาหลังออกจากการทดสอบ",
		"Send on the agreed schedule after leaving the sandbox.",
	},
	Fields: []Field{
		caseRef(),
		date("period_from", "รายงานตั้งแต่วันที่", "Period from"),
		date("period_to", "ถึงวันที่", "Period to"),
		count("users", "จำนวนผู้ใช้บริการ", "Number of users", 0),
		count("transactions", "จำนวนธุรกรรม", "Number of transactions", 0),
		longText("issues", "ปัญหาที่พบ", "Issues"),
	},
	Rules: []Rule{notBefore("period_to", "period_from")},
}

// assessmentSchema is the officers' assessment on the five dimensions.
var assessmentSchema = &Schema{
	Kind: "assessment", Version: 1,
	Title: Label{"แบบประเมินผล (สำหรับเจ้าหน้าที่)", "Assessment (officers)"},
	Intro: Label{
		"ให้คะแนน 1 ถึง 5 ในแต่ละมิติ พร้อมหมายเหตุ",
		"Score each dimension from 1 to 5, with a note.",
	},
	Fields: []Field{
		caseRef(),
		score("security", "คะแนนด้านความมั่นคงปลอดภัย", "Security score"),
		longText("security_note", "หมายเหตุด้านความมั่นคงปลอดภัย", "Security note").optional(),
		score("privacy", "คะแนนด้านความเป็นส่วนตัว", "Privacy score"),
		longText("privacy_note", "หมายเหตุด้านความเป็นส่วนตัว", "Privacy note").optional(),
		score("reliability", "คะแนนด้านความน่าเชื่อถือ", "Reliability score"),
		longText("reliability_note", "หมายเหตุด้านความน่าเชื่อถือ", "Reliability note").
			optional(),
		score("accountability", "คะแนนด้านความรับผิดชอบ", "Accountability score"),
		longText("accountability_note", "หมายเหตุด้านความรับผิดชอบ", "Accountability note").
			optional(),
		score("ux", "คะแนนด้านประสบการณ์ผู้ใช้", "User experience score"),
		longText("ux_note", "หมายเหตุด้านประสบการณ์ผู้ใช้", "User experience note").optional(),
		longText("recommendation", "ข้อเสนอแนะ", "Recommendation"),
	},
}
