package notices

import (
	"encoding/json"

	"sandboxbot/cases"
)

// records are the sample applicant's latest forms, in the keys of
// FORMS.md, as a letter's notice carries them.
func (s *sampler) records() map[cases.EventKind]json.RawMessage {
	return map[cases.EventKind]json.RawMessage{
		cases.SubmitInterest:     s.interest(),
		cases.SubmitApplication:  s.application(),
		cases.SubmitTestPlan:     s.testPlan(),
		cases.RequestRoundChange: s.roundChange(),
		cases.RequestExtension:   s.extension(),
		cases.RequestWaiver:      s.waiver(),
		cases.Withdraw:           s.withdrawal(),
		cases.LodgeAppeal:        s.appeal(),
	}
}

func (s *sampler) interest() []byte {
	return formJSON("interest", map[string]any{
		"org_name": "บริษัท ตัวอย่าง ดิจิทัล จำกัด", "org_name_en": "Example Digital Co., Ltd.",
		"org_type": "company_limited", "juristic_id": "0105556123453",
		"contact_name":     s.pick("นายสมชาย ใจดี", "Somchai Jaidee"),
		"contact_position": s.pick("กรรมการผู้จัดการ", "Managing Director"),
		"contact_email":    "somchai@example.com", "contact_phone": "081 234 5678",
		"solution_name": s.pick("ระบบพิสูจน์และยืนยันตัวตนทางดิจิทัล ExampleID",
			"ExampleID digital identity platform"),
		"category": "digital-id", "rule_gap": "no_rule",
		"description": s.pick("บริการพิสูจน์และยืนยันตัวตนทางดิจิทัลด้วยการเปรียบเทียบใบหน้ากับบัตรประจำตัวประชาชน",
			"Digital identity proofing and authentication by matching the face to the ID card"),
		"innovation": s.pick("การตรวจสอบการมีชีวิต (liveness) บนอุปกรณ์ของผู้ใช้ "+
			"โดยไม่ส่งภาพใบหน้าออกนอกอุปกรณ์",
			"On-device liveness checks that never send the face image off the device"),
		"target_users": s.pick("ลูกค้าสหกรณ์ออมทรัพย์ที่เปิดบัญชีผ่านช่องทางออนไลน์",
			"Members of savings cooperatives opening accounts online"),
	}, nil)
}

func (s *sampler) application() []byte {
	return formJSON("application", map[string]any{
		"case_ref": sampleRef.String(), "juristic_id": "0105556123453",
		"registered_on": "2018-06-01", "experience_since": "2019-01-15",
		"capital_thb": 25000000, "staff_count": 48, "it_staff_count": 20,
		"never_suspended": true, "directors_qualified": true,
		"doc_certificate": "certificate.pdf", "doc_experience": "experience.pdf",
		"doc_financials": "financials-2024-2025.pdf", "doc_declaration": "declaration.pdf",
	}, nil)
}

func (s *sampler) testPlan() []byte {
	return formJSON("test_plan", map[string]any{
		"case_ref": sampleRef.String(),
		"process": s.pick("ผู้ใช้บริการสมัครสมาชิกสหกรณ์ผ่านแอปพลิเคชัน พิสูจน์ตัวตนด้วยบัตรประจำตัวประชาชน"+
			"และภาพใบหน้า แล้วยืนยันตัวตนด้วยรหัสผ่านครั้งเดียวทุกครั้งที่ทำธุรกรรม",
			"Users join a cooperative through the app, prove their identity with their ID "+
				"card and a face image, then authenticate with a one-time password for each "+
				"transaction."),
		"steps": s.pick("เดือนที่ 1 ทดสอบกับพนักงานของสหกรณ์นำร่อง 2 แห่ง\n"+
			"เดือนที่ 2–4 เปิดให้สมาชิกใหม่ไม่เกิน 5,000 ราย\nเดือนที่ 5–6 ประเมินผลและปรับปรุง",
			"Month 1: staff of two pilot cooperatives\nMonths 2–4: up to 5,000 new members\n"+
				"Months 5–6: assessment and improvements"),
		"start_date": samplePlan.Start.String(), "end_date": samplePlan.End.String(),
		"report_every": "monthly", "users_limit": 5000, "transactions_limit": 100000,
		"expected_results": s.pick("สมาชิกใหม่เปิดบัญชีได้ภายใน 10 นาทีโดยไม่ต้องมาที่สหกรณ์ "+
			"และไม่มีการปลอมแปลงตัวตนที่ตรวจไม่พบ", "New members open an account within "+
			"10 minutes without visiting the cooperative, with no undetected impersonation."),
		"exit_plan_success": s.pick("ขยายบริการให้สหกรณ์อื่นภายใต้มาตรฐานการพิสูจน์และยืนยันตัวตนทางดิจิทัล"+
			"ที่เกี่ยวข้อง", "Extend the service to other cooperatives under the applicable "+
			"digital identity standards."),
		"exit_plan_failure": s.pick("หยุดรับสมาชิกใหม่ แจ้งผู้ใช้บริการล่วงหน้า 30 วัน ลบภาพใบหน้าทั้งหมด "+
			"และส่งมอบข้อมูลสมาชิกคืนสหกรณ์", "Stop taking new members, give users 30 days' "+
			"notice, delete every face image and hand the members' data back to the "+
			"cooperatives."),
	}, map[string][]map[string]any{"kpis": {
		{"kpi": s.pick("อัตราการพิสูจน์ตัวตนสำเร็จในครั้งแรก", "First-attempt proofing rate"),
			"dimension": "ux", "target": 95, "unit": s.pick("ร้อยละ", "%")},
		{"kpi": s.pick("การปลอมแปลงตัวตนที่ตรวจไม่พบ", "Undetected impersonations"),
			"dimension": "security", "target": 0, "unit": s.pick("ครั้ง", "cases")},
		{"kpi": s.pick("ความพร้อมใช้งานของระบบ", "System availability"),
			"dimension": "reliability", "target": 99.5, "unit": s.pick("ร้อยละ", "%")},
	}})
}

func (s *sampler) roundChange() []byte {
	return formJSON("round_change", map[string]any{"case_ref": sampleRef.String(),
		"requested_round": 3, "reason": s.pick("ระบบของสหกรณ์นำร่องยังเชื่อมต่อไม่แล้วเสร็จ",
			"The pilot cooperatives' systems are not yet connected.")}, nil)
}

func (s *sampler) extension() []byte {
	return formJSON("extension", map[string]any{"case_ref": sampleRef.String(),
		"new_end_date": "2027-01-31", "reason": s.pick("ต้องการทดสอบกับสหกรณ์เพิ่มอีก 1 แห่ง",
			"To test with one more cooperative.")}, nil)
}

func (s *sampler) waiver() []byte {
	return formJSON("waiver", map[string]any{"case_ref": sampleRef.String(),
		"rule": waiverRule(s), "reason": s.pick("ต้องใช้ภาพใบหน้าตรวจสอบข้อร้องเรียนย้อนหลัง",
			"Face images are needed to investigate complaints after the fact.")}, nil)
}

func (s *sampler) withdrawal() []byte {
	return formJSON("withdrawal", map[string]any{"case_ref": sampleRef.String(),
		"reason": s.pick("บริษัทปรับแผนธุรกิจ", "The company has changed its business plan."),
		"user_notice_plan": s.pick("แจ้งสมาชิกทางอีเมลและในแอปพลิเคชันล่วงหน้า 30 วัน",
			"Members are told by e-mail and in the app 30 days ahead.")}, nil)
}

func (s *sampler) appeal() []byte {
	return formJSON("appeal", map[string]any{"case_ref": sampleRef.String(),
		"grounds": s.pick("อัตราความพร้อมใช้งานลดลงเพราะเหตุขัดข้องของผู้ให้บริการคลาวด์ "+
			"ซึ่งอยู่นอกการควบคุมของบริษัท",
			"Availability fell because of an outage at the cloud provider, beyond the "+
				"company's control.")}, nil)
}
