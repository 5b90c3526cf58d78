package forms

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits on the structure of a workbook's zip container.
const (
	maxZipEntries = 2000
	maxXMLEntry   = 16 << 20 // bytes of one part excelize keeps in memory
)

// checkZip refuses a workbook before excelize sees it: macros (a
// vbaProject.bin part, or a macro-enabled content type in
// [Content_Types].xml), too many entries, a declared inflated size over
// maxInflated (a zip bomb, refused before anything is inflated), and entries
// that inflate to more than they declare (archive/zip stops at the declared
// size and reports the lie; excelize would silently read nothing).
func checkZip(data []byte, maxInflated int64) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("workbook zip: %v: %w", err, ErrDamaged)
	}
	if len(zr.File) > maxZipEntries {
		return fmt.Errorf("workbook has %d parts: %w", len(zr.File), ErrZipBomb)
	}
	var total uint64
	for _, f := range zr.File {
		if strings.HasSuffix(strings.ToLower(f.Name), "vbaproject.bin") {
			return fmt.Errorf("workbook part %s: %w", f.Name, ErrMacro)
		}
		total += f.UncompressedSize64
		if total > uint64(maxInflated) {
			return fmt.Errorf("workbook would inflate to over %d bytes: %w",
				maxInflated, ErrZipBomb)
		}
	}
	for _, f := range zr.File {
		if err := checkEntry(f); err != nil {
			return err
		}
	}
	return nil
}

// checkEntry inflates one entry, at most to its declared size, and looks for
// macro content types.
func checkEntry(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("workbook part %s: %v: %w", f.Name, err, ErrDamaged)
	}
	defer rc.Close()
	var sink io.Writer = io.Discard
	var types bytes.Buffer
	if f.Name == "[Content_Types].xml" {
		sink = &types
	}
	n, err := io.Copy(sink, io.LimitReader(rc, int64(f.UncompressedSize64)+1))
	if errors.Is(err, zip.ErrChecksum) {
		return fmt.Errorf("workbook part %s: %v: %w", f.Name, err, ErrDamaged)
	}
	if err != nil || uint64(n) != f.UncompressedSize64 {
		return fmt.Errorf("workbook part %s inflates to other than its declared %d bytes: %w",
			f.Name, f.UncompressedSize64, ErrZipBomb)
	}
	if bytes.Contains(bytes.ToLower(types.Bytes()), []byte("macroenabled")) {
		return fmt.Errorf("workbook content type is macro-enabled: %w", ErrMacro)
	}
	return nil
}

// oleMagic starts an OLE compound file: a legacy .xls, or an Office file
// encrypted with a password (MS-OFFCRYPTO wraps the package in OLE).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// classifyOLE tells an encrypted workbook from a legacy binary one.
func classifyOLE(data []byte) error {
	if bytes.Contains(data, utf16("EncryptionInfo")) ||
		bytes.Contains(data, utf16("EncryptedPackage")) {
		return fmt.Errorf("workbook: %w", ErrEncrypted)
	}
	return fmt.Errorf("legacy .xls or other OLE file (save as .xlsx): %w", ErrUnknownFormat)
}

func utf16(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}
