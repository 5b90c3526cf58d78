package forms

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

var (
	plainNumber   = regexp.MustCompile(`^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$`)
	groupedNumber = regexp.MustCompile(`^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$`)
	currency      = strings.NewReplacer("บาท", "", "฿", "", "thb", "", "baht", "", " ", "")
)

var notANumber = invalid{"อ่านเป็นตัวเลขไม่ได้", "this is not a number"}

// parseNumber reads a number as written: Thai digits, commas between
// thousands ("1,000,000.50"), a currency word or sign, or the exponent form a
// workbook stores ("1E+20"). A comma as decimal mark is not accepted.
func parseNumber(s string) (float64, error) {
	s = currency.Replace(strings.ToLower(dashes.Replace(asciiDigits(s))))
	if groupedNumber.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	if !plainNumber.MatchString(s) {
		return 0, notANumber
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, notANumber
	}
	return f, nil
}

// checkNumber applies a Number field's bounds and whole-number rule. Values
// within 1e-9 of a whole number (floating-point noise from a workbook) count
// as whole and are rounded.
func checkNumber(f Field, n float64) (float64, error) {
	if f.Integer {
		r := math.Round(n)
		if math.Abs(n-r) > 1e-9 {
			return 0, invalid{"ต้องเป็นจำนวนเต็ม", "must be a whole number"}
		}
		n = r
	}
	if f.Min < f.Max && (n < f.Min || n > f.Max) {
		return 0, invalid{"อยู่นอกช่วงที่กำหนด", "is out of range"}
	}
	return n, nil
}
