package forms

// Forms sent during testing (guideline step 6) and around the decision
// (step 4, round change).

// progressReportSchema is the periodic progress report (รายงานผลการทดสอบ).
var progressReportSchema = &Schema{
	Kind: "progress_report", Version: 1,
	Title: Label{"รายงานความคืบหน้าการทดสอบ", "Progress report"},
	Intro: Label{
		"รายงานตามรอบที่ตกลงไว้ แนบบันทึกธุรกรรม (transaction log) ได้ในอีเมลฉบับเดียวกัน",
		"Report for each agreed period; a transaction log may be attached to the same email.",
	},
	Fields: []Field{
		caseRef(),
		date("period_from", "รายงานตั้งแต่วันที่", "Period from"),
		date("period_to", "ถึงวันที่", "Period to"),
		count("users", "จำนวนผู้ใช้บริการ", "Number of users", 0),
		count("transactions", "จำนวนธุรกรรม", "Number of transactions", 0),
		longText("incidents", "เหตุขัดข้องและข้อผิดพลาดที่พบ", "Incidents and errors found"),
		longText("complaints", "ข้อร้องเรียนของผู้ใช้บริการ", "Customer complaints"),
		longText("risks", "ความเสี่ยงที่พบ", "Risks found"),
		longText("measures", "มาตรการที่ดำเนินการ", "Measures taken").
			hint("คุ้มครองผู้บริโภค ความเสี่ยงไซเบอร์ ข้อมูลส่วนบุคคล",
				"consumer protection, IT/cyber risk, data protection"),
	},
	Tables: []Table{{
		Key:   "kpi_results",
		Label: Label{"ผลตามตัวชี้วัด", "KPI results"},
		Columns: []Field{
			text("kpi", "ตัวชี้วัด", "Indicator"),
			amount("actual", "ผลที่ได้", "Actual"),
		},
		MinRows: 1, PDFRows: 10,
	}},
	Rules: []Rule{notBefore("period_to", "period_from")},
}

// extensionSchema asks to extend testing; it must arrive at least 30 days
// before the end date, which cases checks against the case's end date.
var extensionSchema = &Schema{
	Kind: "extension", Version: 1,
	Title: Label{"คำขอขยายระยะเวลาการทดสอบ", "Request to extend testing"},
	Intro: Label{
		"ต้องยื่นล่วงหน้าไม่น้อยกว่า 30 วันก่อนวันสิ้นสุดการทดสอบ",
		"Must arrive at least 30 days before the end of testing.",
	},
	Fields: []Field{
		caseRef(),
		date("new_end_date", "วันสิ้นสุดการทดสอบที่ขอ", "Requested new end date"),
		longText("reason", "เหตุผล", "Reason"),
	},
}

// waiverSchema asks for a rule to be waived; it has no effect until the
// agency issues a notice or order.
var waiverSchema = &Schema{
	Kind: "waiver", Version: 1,
	Title: Label{"คำขอผ่อนผันหลักเกณฑ์", "Request to waive a rule"},
	Intro: Label{
		"การผ่อนผันมีผลเมื่อสำนักงานออกประกาศหรือคำสั่งเฉพาะแล้วเท่านั้น",
		"A waiver takes effect only when the agency issues a specific notice or order.",
	},
	Fields: []Field{
		caseRef(),
		text("rule", "หลักเกณฑ์ที่ขอผ่อนผัน", "Rule to be waived"),
		longText("reason", "เหตุผล", "Reason"),
	},
}

// roundChangeSchema asks to move to another testing round, within 5 days of
// being told of the approval (step 4); cases checks the window.
var roundChangeSchema = &Schema{
	Kind: "round_change", Version: 1,
	Title: Label{"คำขอเปลี่ยนรอบการทดสอบ", "Request to change testing round"},
	Intro: Label{
		"ยื่นภายใน 5 วันนับแต่ได้รับแจ้งผลการพิจารณา",
		"Send within 5 days of being told of the approval.",
	},
	Fields: []Field{
		caseRef(),
		count("requested_round", "รอบการทดสอบที่ขอเปลี่ยนไป", "Requested round", 1),
		longText("reason", "เหตุผล", "Reason"),
	},
}
