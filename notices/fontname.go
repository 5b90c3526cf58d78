package notices

import (
	"encoding/binary"
	"errors"
	"unicode/utf16"
)

// errNoPostScriptName means a font's name table has no usable name ID 6.
var errNoPostScriptName = errors.New("no PostScript name (name ID 6)")

// postScriptName reads name ID 6 from a TrueType 'name' table (OpenType
// spec, "name — Naming Table"): the Windows Unicode record (platform 3,
// encoding 1, UTF-16BE) if present, else the Macintosh Roman one.
func postScriptName(name []byte) (string, error) {
	if len(name) < 6 {
		return "", errNoPostScriptName
	}
	count := int(binary.BigEndian.Uint16(name[2:]))
	strings := int(binary.BigEndian.Uint16(name[4:]))
	var mac string
	for i := 0; i < count; i++ {
		rec := 6 + 12*i
		if rec+12 > len(name) {
			break
		}
		platform := binary.BigEndian.Uint16(name[rec:])
		encoding := binary.BigEndian.Uint16(name[rec+2:])
		id := binary.BigEndian.Uint16(name[rec+6:])
		length := int(binary.BigEndian.Uint16(name[rec+8:]))
		off := strings + int(binary.BigEndian.Uint16(name[rec+10:]))
		if id != 6 || off+length > len(name) {
			continue
		}
		raw := name[off : off+length]
		switch {
		case platform == 3 && encoding == 1 && length%2 == 0:
			u := make([]uint16, length/2)
			for k := range u {
				u[k] = binary.BigEndian.Uint16(raw[2*k:])
			}
			return string(utf16.Decode(u)), nil
		case platform == 1 && encoding == 0:
			mac = string(raw)
		}
	}
	if mac == "" {
		return "", errNoPostScriptName
	}
	return mac, nil
}
