package forms

// Forms sent before testing: guideline steps 1 to 3.

// interestSchema is the expression of interest (แบบแจ้งความประสงค์), step 1.
var interestSchema = &Schema{
	Kind: "interest", Version: 1,
	Title: Label{"แบบแจ้งความประสงค์เข้าร่วมการทดสอบ", "Expression of interest"},
	Intro: Label{
		"ส่งแบบนี้ภายในช่วงเวลารับแจ้งความประสงค์ของรอบการทดสอบที่เปิดอยู่",
		"Send this form while a testing round is open for expressions of interest.",
	},
	Fields: []Field{
		text("org_name", "ชื่อหน่วยงาน", "Organisation name"),
		text("org_name_en", "ชื่อหน่วยงานภาษาอังกฤษ", "Organisation name in English").optional(),
		enum("org_type", "ประเภทหน่วยงาน", "Type of organisation", orgTypes),
		juristicID(),
		text("contact_name", "ชื่อผู้ติดต่อ", "Contact person"),
		text("contact_position", "ตำแหน่งผู้ติดต่อ", "Contact's position"),
		email("contact_email", "อีเมลผู้ติดต่อ", "Contact e-mail"),
		phone("contact_phone", "โทรศัพท์ผู้ติดต่อ", "Contact phone"),
		text("solution_name", "ชื่อบริการหรือนวัตกรรม", "Name of the service"),
		enum("category", "ประเภทบริการ", "Service category", categories),
		longText("description", "รายละเอียดบริการ", "Description of the service"),
		longText("innovation", "สิ่งที่เป็นนวัตกรรมและเหตุที่ต้องทดสอบใน Sandbox",
			"What is new, and why the sandbox is needed"),
		enum("rule_gap", "ลักษณะของช่องว่างด้านกฎเกณฑ์", "Kind of regulatory gap", ruleGaps),
		longText("target_users", "กลุ่มผู้ใช้บริการเป้าหมาย", "Target users"),
		count("preferred_round", "รอบการทดสอบที่ต้องการ", "Preferred testing round", 1).
			optional(),
	},
}

var orgTypes = []Option{
	opt("government_agency", "หน่วยงานของรัฐ", "Government agency"),
	opt("company_limited", "บริษัทจำกัด", "Limited company"),
	opt("public_company", "บริษัทมหาชนจำกัด", "Public limited company"),
	opt("private_organisation", "องค์กรเอกชน", "Private organisation"),
	opt("other", "อื่น ๆ", "Other"),
}

var categories = []Option{
	opt("e-document", "เอกสารอิเล็กทรอนิกส์", "e-Document"),
	opt("e-meeting", "การประชุมผ่านสื่ออิเล็กทรอนิกส์", "e-Meeting"),
	opt("digital-id", "การพิสูจน์และยืนยันตัวตนทางดิจิทัล", "Digital ID"),
}

var ruleGaps = []Option{
	opt("infrastructure_standard", "ยังไม่มีมาตรฐานโครงสร้างพื้นฐาน",
		"No infrastructure standard yet"),
	opt("no_rule", "ยังไม่มีกฎเกณฑ์รองรับ", "No rule covers the service"),
	opt("rule_conflict", "ขัดหรือไม่สอดคล้องกับกฎเกณฑ์ที่มีอยู่", "Conflicts with existing rules"),
}

// applicationSchema is the application to test (คำขอเข้าร่วมทดสอบ), step 2.
var applicationSchema = &Schema{
	Kind: "application", Version: 1,
	Title: Label{"คำขอเข้าร่วมการทดสอบ", "Application to test"},
	Intro: Label{
		"ส่งภายใน 30 วันนับแต่ได้รับแจ้งว่าอยู่ในขอบข่าย พร้อมแนบเอกสารประกอบในอีเมลฉบับเดียวกัน",
		"Send within 30 days of being told the case is in scope, " +
			"with the supporting documents attached to the same email.",
	},
	Fields: []Field{
		caseRef(),
		juristicID(),
		date("registered_on", "วันที่จดทะเบียนนิติบุคคล", "Date of registration"),
		date("experience_since", "ให้บริการธุรกรรมทางอิเล็กทรอนิกส์ตั้งแต่วันที่",
			"Providing electronic-transaction services since").
			hint("อย่างน้อย 2 ปีก่อนวันยื่นคำขอ", "at least 2 years before the application"),
		amount("capital_thb", "ทุนจดทะเบียน (บาท)", "Registered capital (THB)"),
		count("staff_count", "จำนวนพนักงาน", "Number of staff", 1),
		count("it_staff_count", "จำนวนบุคลากรด้านเทคโนโลยีสารสนเทศ", "Number of IT staff", 0),
		declaration("never_suspended",
			"ไม่เคยถูกสั่งพักหรือเพิกถอนตามกฎหมายว่าด้วยธุรกรรมทางอิเล็กทรอนิกส์",
			"Never suspended or struck off under the electronic-transactions law"),
		declaration("directors_qualified", "กรรมการมีคุณสมบัติและไม่มีลักษณะต้องห้าม",
			"The directors meet the requirements"),
		longText("consumer_protection", "มาตรการคุ้มครองผู้บริโภค", "Consumer protection"),
		longText("risk_management", "การบริหารความเสี่ยงด้านเทคโนโลยีและไซเบอร์",
			"IT and cyber risk management"),
		longText("data_protection", "การคุ้มครองข้อมูลส่วนบุคคล", "Personal data protection"),
		attachment("doc_certificate", "หนังสือรับรองการจดทะเบียนนิติบุคคล",
			"Certificate of registration"),
		attachment("doc_experience", "หลักฐานแสดงประสบการณ์", "Evidence of experience"),
		attachment("doc_financials", "งบการเงิน", "Financial statements"),
		attachment("doc_declaration", "หนังสือรับรองคุณสมบัติที่ลงนามแล้ว", "Signed declaration"),
	},
	Rules: []Rule{
		experienceRule,
		notAfterArrival("registered_on"),
		notAfterArrival("experience_since"),
		notMore("it_staff_count", "staff_count"),
		attachmentsRule,
	},
}

// testPlanSchema is the test plan (แผนการทดสอบ), step 3.
var testPlanSchema = &Schema{
	Kind: "test_plan", Version: 1,
	Title: Label{"แผนการทดสอบ", "Test plan"},
	Intro: Label{
		"ระบุกระบวนการ ขั้นตอน ตัวชี้วัดความสำเร็จ ผลที่คาดหวัง และแผนการออกจากการทดสอบ",
		"Give the process, steps, success indicators, expected results and exit plans.",
	},
	Fields: []Field{
		caseRef(),
		longText("process", "กระบวนการที่จะทดสอบ", "Process to be tested"),
		longText("steps", "ขั้นตอนการทดสอบ", "Test steps"),
		date("start_date", "วันเริ่มทดสอบ", "Start of testing"),
		date("end_date", "วันสิ้นสุดการทดสอบ", "End of testing"),
		enum("report_every", "ความถี่ในการรายงานผล", "Reporting period", reportPeriods),
		count("users_limit", "จำนวนผู้ใช้บริการสูงสุด", "Maximum number of users", 1),
		count("transactions_limit", "จำนวนธุรกรรมสูงสุด", "Maximum number of transactions", 1),
		longText("expected_results", "ผลที่คาดว่าจะได้รับ", "Expected results"),
		longText("exit_plan_success", "แผนการออกเมื่อทดสอบสำเร็จ", "Exit plan on success"),
		longText("exit_plan_failure", "แผนการออกเมื่อทดสอบไม่สำเร็จ", "Exit plan on failure"),
	},
	Tables: []Table{{
		Key:   "kpis",
		Label: Label{"ตัวชี้วัดความสำเร็จ", "Success indicators (KPIs)"},
		Columns: []Field{
			text("kpi", "ตัวชี้วัด", "Indicator"),
			enum("dimension", "มิติการประเมิน", "Dimension", dimensions),
			amount("target", "ค่าเป้าหมาย", "Target"),
			text("unit", "หน่วย", "Unit"),
		},
		MinRows: 1, PDFRows: 10,
	}},
	Rules: []Rule{notBefore("end_date", "start_date")},
}

var reportPeriods = []Option{
	opt("monthly", "รายเดือน", "Monthly"),
	opt("quarterly", "รายไตรมาส", "Quarterly"),
}

// dimensions are the five dimensions every case is assessed on.
var dimensions = []Option{
	opt("security", "ความมั่นคงปลอดภัย", "Security"),
	opt("privacy", "ความเป็นส่วนตัว", "Privacy"),
	opt("reliability", "ความน่าเชื่อถือ", "Reliability"),
	opt("accountability", "ความรับผิดชอบ", "Accountability"),
	opt("ux", "ประสบการณ์ผู้ใช้", "User experience"),
}
