package notices

import "os"

// Agency is who sends the letters: the agency's names, address, signatory
// and the unit that handles the sandbox. Each empty field takes the value
// of DefaultAgency, except the signatory's name, telephone, e-mail and
// emblem, which are left out of the page when empty.
type Agency struct {
	// NameTH and NameEN are the agency's full names.
	NameTH, NameEN string
	// AddressTH and AddressEN are the postal address, one line each, set
	// under the name at the top right of a letter.
	AddressTH, AddressEN []string
	// SignerTH and SignerEN are the signatory's full name with title
	// (นางสาว…, Ms …), printed in parentheses under the signature.
	SignerTH, SignerEN string
	// PositionTH and PositionEN are the signatory's position, one line
	// each (a second line such as ปฏิบัติการแทน… is allowed).
	PositionTH, PositionEN []string
	// UnitTH and UnitEN are the responsible unit (ส่วนราชการเจ้าของเรื่อง),
	// set at the bottom left of a letter and under e-mails.
	UnitTH, UnitEN string
	// Phone and Email are the unit's contact lines; "" leaves each out.
	Phone, Email string
	// EmblemPath is a PNG or JPEG (the agency's emblem) set at the top
	// centre of letters; "" for none. It is read at every Render, so a new
	// file is used without a restart.
	EmblemPath string
}

// DefaultAgency is the Electronic Transactions Development Agency (ETDA,
// สพธอ.) at its Bangkok office, signing as its Executive Director. It has
// no signatory name, telephone, e-mail or emblem: those are the operator's
// to configure.
var DefaultAgency = Agency{
	NameTH: "สำนักงานพัฒนาธุรกรรมทางอิเล็กทรอนิกส์",
	NameEN: "Electronic Transactions Development Agency",
	AddressTH: []string{"อาคารเดอะ ไนน์ ทาวเวอร์ แกรนด์ พระราม 9",
		"33/4 ถนนพระราม 9 เขตห้วยขวาง", "กรุงเทพฯ 10310"},
	AddressEN: []string{"The Nine Tower Grand Rama 9", "33/4 Rama 9 Road, Huai Khwang",
		"Bangkok 10310, Thailand"},
	PositionTH: []string{"ผู้อำนวยการ", "สำนักงานพัฒนาธุรกรรมทางอิเล็กทรอนิกส์"},
	PositionEN: []string{"Executive Director",
		"Electronic Transactions Development Agency"},
	UnitTH: "โครงการ Digital Service Sandbox",
	UnitEN: "Digital Service Sandbox",
}

// withDefaults fills the empty fields from DefaultAgency.
func (a Agency) withDefaults() Agency {
	d := DefaultAgency
	fill := func(s *string, def string) {
		if *s == "" {
			*s = def
		}
	}
	fillLines := func(s *[]string, def []string) {
		if len(*s) == 0 {
			*s = def
		}
	}
	fill(&a.NameTH, d.NameTH)
	fill(&a.NameEN, d.NameEN)
	fillLines(&a.AddressTH, d.AddressTH)
	fillLines(&a.AddressEN, d.AddressEN)
	fillLines(&a.PositionTH, d.PositionTH)
	fillLines(&a.PositionEN, d.PositionEN)
	fill(&a.UnitTH, d.UnitTH)
	fill(&a.UnitEN, d.UnitEN)
	return a
}

// emblem reads the emblem file; nil when there is none.
func (a Agency) emblem() ([]byte, error) {
	if a.EmblemPath == "" {
		return nil, nil
	}
	b, err := os.ReadFile(a.EmblemPath)
	if err != nil {
		return nil, errorf("reading the emblem %s: %w", a.EmblemPath, err)
	}
	return b, nil
}
