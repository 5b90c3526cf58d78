package testtool

import (
	"bytes"
	"encoding/xml"
	"maps"
	"slices"
)

// XFDF writes form field values as an XFDF file (ISO 19444-1), which
// `pdftk fill_form` reads and which carries UTF-8, so Thai values survive.
// The value "true" checks a box: the blank forms' on state is Yes.
func XFDF(values map[string]string) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<xfdf xmlns="http://ns.adobe.com/xfdf/" xml:space="preserve"><fields>` + "\n")
	for _, k := range slices.Sorted(maps.Keys(values)) {
		v := values[k]
		if v == "true" {
			v = "Yes"
		}
		b.WriteString(`<field name="`)
		xml.EscapeText(&b, []byte(k))
		b.WriteString(`"><value>`)
		xml.EscapeText(&b, []byte(v))
		b.WriteString("</value></field>\n")
	}
	b.WriteString("</fields></xfdf>\n")
	return b.Bytes()
}
