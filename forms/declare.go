package forms

// Constructors that keep the schema declarations to one line per field.

func field(t Type, key, th, en string) Field {
	return Field{Key: key, Label: Label{th, en}, Type: t}
}

func text(key, th, en string) Field     { return field(Text, key, th, en) }
func longText(key, th, en string) Field { return field(LongText, key, th, en) }
func date(key, th, en string) Field     { return field(Date, key, th, en) }
func email(key, th, en string) Field    { return field(Email, key, th, en) }
func phone(key, th, en string) Field    { return field(Phone, key, th, en) }

// count declares a whole number of at least min.
func count(key, th, en string, min float64) Field {
	f := field(Number, key, th, en)
	f.Integer, f.Min, f.Max = true, min, 1e12
	return f
}

// amount declares a decimal number of at least zero.
func amount(key, th, en string) Field {
	f := field(Number, key, th, en)
	f.Min, f.Max = 0, 1e15
	return f
}

// score declares a whole number from 1 to 5.
func score(key, th, en string) Field {
	f := count(key, th, en, 1)
	f.Max = 5
	return f
}

func enum(key, th, en string, opts []Option) Field {
	f := field(Enum, key, th, en)
	f.Options = opts
	return f
}

// declaration declares a yes/no statement the sender must answer yes.
func declaration(key, th, en string) Field {
	f := field(YesNo, key, th, en)
	f.MustBeYes = true
	return f
}

func juristicID() Field {
	return field(JuristicID, "juristic_id",
		"เลขทะเบียนนิติบุคคล", "Juristic person registration number")
}

func caseRef() Field {
	return field(CaseRef, "case_ref", "เลขที่อ้างอิงเรื่อง", "Case reference")
}

func attachment(key, th, en string) Field {
	f := field(Attachment, key, th, en)
	f.Hint = Label{
		"ชื่อไฟล์ที่แนบมากับอีเมลฉบับเดียวกัน",
		"the name of a file attached to the same email",
	}
	return f
}

func (f Field) optional() Field {
	f.Optional = true
	return f
}

func (f Field) hint(th, en string) Field {
	f.Hint = Label{th, en}
	return f
}

func opt(key, th, en string) Option { return Option{Key: key, Label: Label{th, en}} }
