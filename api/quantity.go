package api

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// ResourceName names a resource a container requests or a node offers, such
// as [ResourceCPU].
type ResourceName string

// Resource names whose meaning Kubernetes fixes.
const (
	ResourceCPU              ResourceName = "cpu"               // cores; "100m" is a tenth of a core
	ResourceMemory           ResourceName = "memory"            // bytes
	ResourceEphemeralStorage ResourceName = "ephemeral-storage" // bytes
	ResourcePods             ResourceName = "pods"              // a count
	ResourceStorage          ResourceName = "storage"           // bytes, for volumes and claims
)

// ResourceList maps resource names to amounts, as in a container's requests
// and limits or a node's capacity. A missing name and a nil list mean none.
type ResourceList map[ResourceName]Quantity

// Format says which family of suffixes [Quantity.String] prints.
type Format string

// The three formats of a Quantity.
const (
	DecimalExponent Format = "DecimalExponent" // e.g., 12e6
	BinarySI        Format = "BinarySI"        // e.g., 12Mi (12 × 2^20)
	DecimalSI       Format = "DecimalSI"       // e.g., 12M (12 × 10^6)
)

// Scale is a power of ten: a value at scale s counts units of 10^s.
// 1k is 1 at Kilo and 1000 at scale 0; 1m is 1 at Milli.
type Scale int32

// The decimal scales that have SI suffixes.
const (
	Nano  Scale = -9
	Micro Scale = -6
	Milli Scale = -3
	Kilo  Scale = 3
	Mega  Scale = 6
	Giga  Scale = 9
	Tera  Scale = 12
	Peta  Scale = 15
	Exa   Scale = 18
)

// quantityPattern is the grammar Kubernetes names in its format error. The
// scanner below is more permissive than this pattern, as Kubernetes' is.
const quantityPattern = `^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$`

// Errors returned by [ParseQuantity], always wrapped as
// `api: quantity "<input>": <text>`, where <text> is Kubernetes' wording.
var (
	// ErrQuantityFormat: the text is not a number followed by a suffix.
	ErrQuantityFormat = errors.New("quantities must match the regular expression '" + quantityPattern + "'")
	// ErrQuantityNumeric: the number has no digits where it needs some,
	// as in ".e-10".
	ErrQuantityNumeric = errors.New("unable to parse numeric part of quantity")
	// ErrQuantitySuffix: the suffix is unknown ("1K", "1ki") or its
	// exponent does not fit an int32 ("1e4294967296").
	ErrQuantitySuffix = errors.New("unable to parse quantity's suffix")
)

// Quantity is an exact fixed-point number with the format it prints in:
// Kubernetes' resource.Quantity ("100m", "2Gi", "1.5", "12e6").
//
// The zero value is 0 in DecimalSI. A Quantity is a value: copies are
// independent, and methods with a value receiver may be called from many
// goroutines at once. [Quantity.Add], [Quantity.Sub] and [Quantity.Neg]
// change the variable they are called on and need the caller's exclusion for
// it. Compare quantities with [Quantity.Cmp] or [Quantity.Equal], never with
// ==: equal amounts may be held in different forms.
//
// Amounts are never rounded by arithmetic. Parsing keeps every digit down to
// nano and rounds a finer non-zero remainder away from zero ("0.0001m" is
// 100n, "0.5n" is 1n), and caps a BinarySI quantity at 2^63-1 in magnitude,
// as Kubernetes does.
//
// Like Kubernetes, a Quantity keeps the common case in an int64 mantissa and
// a decimal scale, and switches to an exact big-number form when a value
// does not fit; the forms differ observably only in [Quantity.AsInt64] and
// in the last bits of [Quantity.AsApproximateFloat64], where both follow
// Kubernetes.
type Quantity struct {
	// The int64 form: the value is v × 10^e, when x is nil.
	v int64
	e int32

	f quantityFormat
	x *bigAmount // the exact form; never changed once a Quantity holds it
	s string     // the parsed text, kept when Kubernetes would print it as is
}

// bigAmount is an exact decimal: u × 10^e.
type bigAmount struct {
	u big.Int
	e int32
}

// quantityFormat is Format in a byte; its zero is DecimalSI, which makes the
// zero Quantity a DecimalSI zero.
type quantityFormat uint8

const (
	formatDecimalSI quantityFormat = iota
	formatBinarySI
	formatDecimalExponent
)

func toQuantityFormat(f Format) quantityFormat {
	switch f {
	case DecimalSI:
		return formatDecimalSI
	case BinarySI:
		return formatBinarySI
	}
	return formatDecimalExponent
}

// MustParseQuantity is [ParseQuantity] for tests and start-up: it panics with
// ParseQuantity's error when s is not a quantity.
func MustParseQuantity(s string) Quantity {
	q, err := ParseQuantity(s)
	if err != nil {
		panic(err)
	}
	return q
}

// NewQuantity returns value in format f. A format other than the three
// constants prints, and is reported, as DecimalExponent, which is how
// Kubernetes prints a format it does not know.
func NewQuantity(value int64, f Format) Quantity {
	return Quantity{v: value, f: toQuantityFormat(f)}
}

// NewMilliQuantity returns milli thousandths in format f (see [NewQuantity]).
// A BinarySI quantity that is not a whole number of at least 1024 in
// magnitude prints in DecimalSI.
func NewMilliQuantity(milli int64, f Format) Quantity {
	return Quantity{v: milli, e: int32(Milli), f: toQuantityFormat(f)}
}

// NewScaledQuantity returns value × 10^scale in DecimalSI.
func NewScaledQuantity(value int64, scale Scale) Quantity {
	return Quantity{v: value, e: int32(scale)}
}

// ParseQuantity reads a quantity: an optionally signed decimal number
// ("1", "1.5", ".5", "1.") followed by one suffix — a binary one (Ki, Mi, Gi,
// Ti, Pi, Ei), a decimal one (n, u, m, none, k, M, G, T, P, E) or an exponent
// (e or E and a signed integer). The suffix sets the format.
//
// It accepts exactly what Kubernetes' ParseQuantity accepts, including its
// leniencies ("Ki", "-" and "." read as zero), with one exception: an
// exponent outside int32, which Kubernetes silently wraps ("1e4294967296" is
// 1 there), is rejected with [ErrQuantitySuffix]. Exponents near the int32
// limits are also read exactly where Kubernetes' int32 arithmetic wraps or
// stalls ("1.5e-2147483648" is 1e-9 here). Errors wrap [ErrQuantityFormat],
// [ErrQuantityNumeric] or [ErrQuantitySuffix] and quote s.
func ParseQuantity(s string) (Quantity, error) {
	q, err := parseQuantity(s)
	if err != nil {
		return Quantity{}, fmt.Errorf("api: quantity %q: %w", s, err)
	}
	return q, nil
}

// quantityText is a quantity split into its parts.
type quantityText struct {
	neg    bool
	digits bool   // whether the number has a digit at all
	num    string // integer digits without leading zeros; "0" when none are left
	frac   string // digits after the point
	suffix string
}

// scanQuantity splits s; what it accepts mirrors Kubernetes' scanner, which
// lets a bare sign, point or suffix through ("-", ".", "Ki" all read as 0).
func scanQuantity(s string) (quantityText, error) {
	var t quantityText
	pos, end := 0, len(s)
	if pos < end && (s[0] == '-' || s[0] == '+') {
		t.neg = s[0] == '-'
		pos++
	}
	for pos < end && s[pos] == '0' {
		pos++
		t.digits = true
	}
	if pos == end {
		t.num = "0"
		return t, nil
	}
	start := pos
	for pos < end && isQuantityDigit(s[pos]) {
		pos++
	}
	t.num = s[start:pos]
	if t.num == "" {
		t.num = "0"
	} else {
		t.digits = true
	}
	if pos == end {
		return t, nil
	}
	if s[pos] == '.' {
		pos++
		start = pos
		for pos < end && isQuantityDigit(s[pos]) {
			pos++
		}
		t.frac = s[start:pos]
		if t.frac != "" {
			t.digits = true
		}
		if pos == end {
			return t, nil
		}
	}
	start = pos
	for pos < end && strings.IndexByte("eEinumkKMGTP", s[pos]) >= 0 {
		pos++
	}
	if pos < end && (s[pos] == '-' || s[pos] == '+') {
		pos++
	}
	for pos < end && isQuantityDigit(s[pos]) {
		pos++
	}
	if pos < end {
		return t, ErrQuantityFormat
	}
	t.suffix = s[start:]
	return t, nil
}

func isQuantityDigit(c byte) bool { return '0' <= c && c <= '9' }

// quantitySuffix returns what a suffix means: a power of two or of ten, and
// the format it implies.
func quantitySuffix(s string) (binary bool, exp int32, f quantityFormat, err error) {
	switch s {
	case "":
		return false, 0, formatDecimalSI, nil
	case "n":
		return false, -9, formatDecimalSI, nil
	case "u":
		return false, -6, formatDecimalSI, nil
	case "m":
		return false, -3, formatDecimalSI, nil
	case "k":
		return false, 3, formatDecimalSI, nil
	case "M":
		return false, 6, formatDecimalSI, nil
	case "G":
		return false, 9, formatDecimalSI, nil
	case "T":
		return false, 12, formatDecimalSI, nil
	case "P":
		return false, 15, formatDecimalSI, nil
	case "E":
		return false, 18, formatDecimalSI, nil
	case "Ki":
		return true, 10, formatBinarySI, nil
	case "Mi":
		return true, 20, formatBinarySI, nil
	case "Gi":
		return true, 30, formatBinarySI, nil
	case "Ti":
		return true, 40, formatBinarySI, nil
	case "Pi":
		return true, 50, formatBinarySI, nil
	case "Ei":
		return true, 60, formatBinarySI, nil
	}
	if len(s) > 1 && (s[0] == 'e' || s[0] == 'E') {
		n, perr := strconv.ParseInt(s[1:], 10, 32)
		if perr != nil {
			return false, 0, 0, ErrQuantitySuffix
		}
		return false, int32(n), formatDecimalExponent, nil
	}
	return false, 0, 0, ErrQuantitySuffix
}

func parseQuantity(s string) (Quantity, error) {
	if s == "" {
		return Quantity{}, ErrQuantityFormat
	}
	if s == "0" {
		return Quantity{s: s}, nil
	}
	t, err := scanQuantity(s)
	if err != nil {
		return Quantity{}, err
	}
	binary, exp, f, err := quantitySuffix(t.suffix)
	if err != nil {
		return Quantity{}, err
	}

	// The int64 form holds numbers of at most 18 digits at scales down to
	// nano; Kubernetes budgets a binary suffix as a few of those digits.
	var fits bool
	var scale int64
	if binary {
		fits = t.frac == "" && 14-len(t.num)-int(exp)*3/10 >= 0
	} else {
		fits = 18-len(t.num)-len(t.frac) >= 0
		scale = int64(exp) - int64(len(t.frac))
	}
	if fits && scale >= int64(Nano) {
		digits := parseDigits(t.num, t.frac)
		v := int64(digits)
		if binary {
			if digits > math.MaxInt64>>uint(exp) {
				return parseBig(t, binary, exp, f)
			}
			v = int64(digits << uint(exp))
		}
		if t.neg {
			v = -v
		}
		q := Quantity{v: v, e: int32(scale), f: f}
		// Kubernetes prints the input as typed when it judges it already
		// canonical, which keeps signs, leading zeros and a bare point.
		if binary {
			if digits&7 != 0 {
				q.s = s
			}
		} else if scale%3 == 0 && t.num != "0" && !endsInThreeZeros(t.num, t.frac) {
			q.s = s
		}
		return q, nil
	}
	return parseBig(t, binary, exp, f)
}

// parseDigits reads at most 18 decimal digits, num then frac.
func parseDigits(num, frac string) uint64 {
	var d uint64
	for i := 0; i < len(num); i++ {
		d = d*10 + uint64(num[i]-'0')
	}
	for i := 0; i < len(frac); i++ {
		d = d*10 + uint64(frac[i]-'0')
	}
	return d
}

// endsInThreeZeros reports whether num followed by frac ends in "000".
func endsInThreeZeros(num, frac string) bool {
	n := 0
	for _, part := range [2]string{frac, num} {
		for i := len(part) - 1; i >= 0 && n < 3; i-- {
			if part[i] != '0' {
				return false
			}
			n++
		}
	}
	return n == 3
}

// maxNanoShift bounds how far parseBig rescales a number up to the nano
// scale Kubernetes stores parsed big numbers at. Beyond it (exponents past a
// thousand) the number keeps its own exponent: Kubernetes would build a
// number with as many digits, and every answer but a float of such a number
// is the same either way (the float is infinite in both).
const maxNanoShift = 1024

// parseBig is the exact path for numbers the int64 form cannot hold.
func parseBig(t quantityText, binary bool, exp int32, f quantityFormat) (Quantity, error) {
	if !t.digits {
		return Quantity{}, ErrQuantityNumeric
	}
	x := new(bigAmount)
	u := &x.u
	digits := t.num
	if t.frac != "" {
		digits += t.frac
	}
	u.SetString(digits, 10)
	e := -int64(len(t.frac))
	if binary {
		u.Lsh(u, uint(exp))
	} else {
		e += int64(exp)
	}
	if u.Sign() == 0 {
		// Kubernetes leaves a zero at the scale it was written with.
		x.e = int32(max(math.MinInt32, min(e, math.MaxInt32)))
		return Quantity{f: f, x: x}, nil
	}
	// Keep everything down to nano; round a finer remainder away from zero.
	if e < int64(Nano) {
		roundAwayFromZero(u, int64(Nano)-e)
		e = int64(Nano)
	} else if shift := e - int64(Nano); shift > 0 && shift <= maxNanoShift {
		u.Mul(u, pow10Big(shift))
		e = int64(Nano)
	}
	if binary {
		if cmpBig(u, e, bigMaxInt64, 0) > 0 {
			u.Set(bigMaxInt64)
			e = 0
		}
		if cmpBig(u, e, bigOne, 0) < 0 {
			f = formatDecimalSI
		}
	}
	if t.neg {
		u.Neg(u)
	}
	x.e = int32(e)
	return Quantity{f: f, x: x}, nil
}

var (
	bigOne      = big.NewInt(1)
	bigTen      = big.NewInt(10)
	bigMaxInt64 = big.NewInt(math.MaxInt64)
)

// pow10Big returns 10^n for n >= 0.
func pow10Big(n int64) *big.Int {
	if n < int64(len(pow10Table)) {
		return new(big.Int).SetUint64(pow10Table[n])
	}
	return new(big.Int).Exp(bigTen, big.NewInt(n), nil)
}

// pow10Table holds the powers of ten that fit a uint64.
var pow10Table = [...]uint64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
}

// decimalDigitBounds returns lo, hi with 10^(lo-1) <= |u| < 10^hi for u != 0,
// from |u|'s bit length n: 0.30102 < log10(2) < 0.30103.
func decimalDigitBounds(u *big.Int) (lo, hi int64) {
	n := int64(u.BitLen()) // 2^(n-1) <= |u| < 2^n
	return (n-1)*30102/100000 + 1, n*30103/100000 + 1
}

// roundAwayFromZero divides u by 10^n (n > 0), rounding away from zero.
func roundAwayFromZero(u *big.Int, n int64) {
	sign := u.Sign()
	if sign == 0 {
		return
	}
	if _, hi := decimalDigitBounds(u); n >= hi {
		u.SetInt64(int64(sign))
		return
	}
	var r big.Int
	u.QuoRem(u, pow10Big(n), &r)
	if r.Sign() != 0 {
		u.Add(u, big.NewInt(int64(sign)))
	}
}

// cmpBig compares a × 10^ae with b × 10^be exactly, without building powers
// of ten larger than the numbers' own digits.
func cmpBig(a *big.Int, ae int64, b *big.Int, be int64) int {
	as, bs := a.Sign(), b.Sign()
	switch {
	case as != bs:
		if as > bs {
			return 1
		}
		return -1
	case as == 0:
		return 0
	}
	// Same sign, both non-zero: settle by magnitude where the digit counts do.
	alo, ahi := decimalDigitBounds(a)
	blo, bhi := decimalDigitBounds(b)
	switch {
	case alo-1+ae >= bhi+be:
		return as
	case blo-1+be >= ahi+ae:
		return -as
	}
	switch {
	case ae > be:
		a = new(big.Int).Mul(a, pow10Big(ae-be))
	case be > ae:
		b = new(big.Int).Mul(b, pow10Big(be-ae))
	}
	return a.Cmp(b)
}

// big returns q's exact form; for an int64 quantity it is a new one.
func (q Quantity) big() *bigAmount {
	if q.x != nil {
		return q.x
	}
	x := &bigAmount{e: q.e}
	x.u.SetInt64(q.v)
	return x
}

// String returns q as Kubernetes prints it.
//
// A quantity parsed from text Kubernetes deems canonical prints as typed, sign
// and leading zeros included ("+1", "007", "1.", "1.5e4"). Otherwise
// String removes trailing zeros into the suffix, picks the largest suffix
// that keeps the mantissa whole, and prints with the quantity's format:
//   - DecimalSI: a suffix from n to E ("1500m", "12M").
//   - DecimalExponent: e and a multiple of three ("1500e-3", "12e6").
//   - BinarySI: a suffix from Ki to Ei ("1536Mi"); a value between -1024 and
//     1024, or one that is not a whole number, prints as DecimalSI.
//
// Zero prints as "0". As in Kubernetes v0.37.2, a DecimalSI amount whose
// canonical suffix would lie beyond E — a non-zero multiple of 10^21 — or
// below n (only built with [NewScaledQuantity] or arithmetic) prints with no
// suffix at all: "1000E" prints as "1", which parses back to another amount.
// Use DecimalExponent to print such amounts faithfully.
func (q Quantity) String() string {
	if q.s != "" {
		return q.s
	}
	var buf [32]byte
	return string(q.appendString(buf[:0]))
}

// appendString appends q's canonical text (not the kept input) to dst.
func (q Quantity) appendString(dst []byte) []byte {
	if q.IsZero() {
		return append(dst, '0')
	}
	f := q.f
	if f == formatBinarySI {
		if q.CmpInt64(-1024) > 0 && q.CmpInt64(1024) < 0 {
			f = formatDecimalSI
		} else if b, ok := q.appendBinary(dst); ok {
			return b
		} else {
			f = formatDecimalSI
		}
	}
	if q.x == nil {
		neg := q.v < 0
		m := uint64(q.v)
		if neg {
			m = -m
		}
		e := int64(q.e)
		for m%10 == 0 {
			m /= 10
			e++
		}
		if neg {
			dst = append(dst, '-')
		}
		dst = strconv.AppendUint(dst, m, 10)
		return appendDecimalSuffix(dst, e, f)
	}
	if q.x.u.Sign() < 0 {
		dst = append(dst, '-')
	}
	start := len(dst)
	dst = new(big.Int).Abs(&q.x.u).Append(dst, 10)
	e := int64(q.x.e)
	for len(dst)-start > 1 && dst[len(dst)-1] == '0' {
		dst = dst[:len(dst)-1]
		e++
	}
	return appendDecimalSuffix(dst, e, f)
}

// appendDecimalSuffix pads the mantissa just appended with zeros until the
// exponent e is a multiple of three, then appends the suffix for it.
func appendDecimalSuffix(dst []byte, e int64, f quantityFormat) []byte {
	for e%3 != 0 {
		dst = append(dst, '0')
		e--
	}
	if f == formatDecimalExponent {
		if e == 0 {
			return dst
		}
		return strconv.AppendInt(append(dst, 'e'), e, 10)
	}
	if e >= int64(Nano) && e <= int64(Exa) && e != 0 {
		return append(dst, "num kMGTPE"[(e-int64(Nano))/3])
	}
	// Scale 0 has no suffix; past E (or below n) Kubernetes v0.37.2 has
	// none either, and prints none.
	return dst
}

// appendBinary appends q as a whole number of the largest power of 1024 that
// divides it; it reports false, appending nothing, when q is not whole.
func (q Quantity) appendBinary(dst []byte) ([]byte, bool) {
	if q.x == nil {
		var n int64
		ok := true
		if q.e >= 0 {
			n, ok = mulPow10(q.v, int64(q.e))
		} else if q.e < -18 {
			return dst, false // no non-zero int64 is a multiple of 10^19
		} else if p := int64(pow10Table[-q.e]); q.v%p == 0 {
			n = q.v / p
		} else {
			return dst, false
		}
		if ok {
			if n == math.MinInt64 {
				// Kubernetes' int64 path cannot take factors out of -2^63.
				return strconv.AppendInt(dst, n, 10), true
			}
			k := bits.TrailingZeros64(uint64(n)) / 10
			return appendBinarySuffix(strconv.AppendInt(dst, n>>(10*k), 10), k), true
		}
	}
	x := q.big()
	n := new(big.Int)
	if x.e >= 0 {
		n.Mul(&x.u, pow10Big(int64(x.e)))
	} else {
		var r big.Int
		if _, hi := decimalDigitBounds(&x.u); int64(-x.e) >= hi {
			return dst, false
		}
		n.QuoRem(&x.u, pow10Big(int64(-x.e)), &r)
		if r.Sign() != 0 {
			return dst, false
		}
	}
	k := int(n.TrailingZeroBits() / 10)
	n.Rsh(n, uint(10*k))
	return appendBinarySuffix(n.Append(dst, 10), k), true
}

// appendBinarySuffix appends the suffix for 1024^k; like Kubernetes it has
// none beyond Ei.
func appendBinarySuffix(dst []byte, k int) []byte {
	if k >= 1 && k <= 6 {
		dst = append(dst, "KMGTPE"[k-1], 'i')
	}
	return dst
}

// mulPow10 returns v × 10^n for n >= 0, or false if that overflows int64.
func mulPow10(v int64, n int64) (int64, bool) {
	if v == 0 || n == 0 {
		return v, true
	}
	if n >= int64(len(pow10Table)) {
		return 0, false
	}
	m := uint64(v)
	if v < 0 {
		m = -m
	}
	hi, lo := bits.Mul64(m, pow10Table[n])
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if v < 0 {
		return -int64(lo), true
	}
	return int64(lo), true
}

// Format returns q's format: the family of suffixes [Quantity.String]
// prints with, BinarySI falling back to DecimalSI where noted there.
func (q Quantity) Format() Format {
	switch q.f {
	case formatBinarySI:
		return BinarySI
	case formatDecimalExponent:
		return DecimalExponent
	}
	return DecimalSI
}

// Sign returns -1, 0 or +1 as q is negative, zero or positive.
func (q Quantity) Sign() int {
	if q.x != nil {
		return q.x.u.Sign()
	}
	switch {
	case q.v < 0:
		return -1
	case q.v > 0:
		return 1
	}
	return 0
}

// IsZero reports whether q is zero.
func (q Quantity) IsZero() bool { return q.Sign() == 0 }

// Value returns q rounded away from zero to a whole number: "1.1" is 2 and
// "-1.1" is -2. A value beyond int64 saturates to [math.MaxInt64] or
// [math.MinInt64].
//
// Value, [Quantity.MilliValue] and [Quantity.ScaledValue] follow the
// arithmetic where Kubernetes v0.37.2 does not: for some negative quantities
// held in the big form it rounds the wrong way ("-1.5n" has Value 1 there),
// and an answer beyond int64 comes back as 0 or wrapped. Everywhere else the
// answers are the same.
func (q Quantity) Value() int64 { return q.ScaledValue(0) }

// MilliValue returns q in thousandths, rounded away from zero and saturated
// like [Quantity.Value]: "1.5" is 1500, "0.1m" is 1.
func (q Quantity) MilliValue() int64 { return q.ScaledValue(Milli) }

// ScaledValue returns q in units of 10^s, rounded away from zero and
// saturated like [Quantity.Value]: "1k".ScaledValue(Kilo) is 1,
// "1".ScaledValue(Milli) is 1000.
func (q Quantity) ScaledValue(s Scale) int64 {
	if q.x == nil {
		if q.v == 0 {
			return 0
		}
		d := int64(q.e) - int64(s)
		if d >= 0 {
			if r, ok := mulPow10(q.v, d); ok {
				return r
			}
			return saturateInt64(q.v > 0)
		}
		if -d > 18 {
			return sign64(q.v) // |v| < 10^19
		}
		p := int64(pow10Table[-d])
		r := q.v / p
		if q.v%p != 0 {
			r += sign64(q.v)
		}
		return r
	}
	u := &q.x.u
	sign := u.Sign()
	if sign == 0 {
		return 0
	}
	d := int64(q.x.e) - int64(s)
	r := new(big.Int)
	if d >= 0 {
		if lo, _ := decimalDigitBounds(u); lo+d > 20 {
			return saturateInt64(sign > 0)
		}
		r.Mul(u, pow10Big(d))
	} else {
		r.Set(u)
		roundAwayFromZero(r, -d)
	}
	if !r.IsInt64() {
		return saturateInt64(sign > 0)
	}
	return r.Int64()
}

func saturateInt64(positive bool) int64 {
	if positive {
		return math.MaxInt64
	}
	return math.MinInt64
}

func sign64(v int64) int64 {
	if v < 0 {
		return -1
	}
	return 1
}

// AsInt64 returns q as an int64 when that is immediate, as Kubernetes'
// AsInt64 does: only for an int64-form quantity with a scale of zero or
// more whose value fits. It reports false for every quantity parsed with a
// fraction or a sub-unit suffix ("1000m", "1.0"), and for one held in the
// big form ("9223372036854775807", "1.5Ki"), even when its value is whole.
func (q Quantity) AsInt64() (int64, bool) {
	if q.x != nil || q.e < 0 {
		return 0, false
	}
	return mulPow10(q.v, int64(q.e))
}

// AsApproximateFloat64 returns q as a float64, computed as Kubernetes does
// (the mantissa as a float times a power of ten), so it may differ from the
// nearest float64 in the last bits. It is ±Inf beyond the float64 range —
// and, as in Kubernetes, from about 1e299 up for a quantity parsed with more
// than 18 digits, whose mantissa is held in nano — and NaN for a zero written
// with an exponent beyond the range ("0e400").
func (q Quantity) AsApproximateFloat64() float64 {
	var base float64
	var e int32
	if q.x != nil {
		base, _ = new(big.Float).SetInt(&q.x.u).Float64()
		e = q.x.e
	} else {
		base, e = float64(q.v), q.e
	}
	if e == 0 {
		return base
	}
	return base * math.Pow10(int(e))
}

// Cmp returns -1, 0 or +1 as q is less than, equal to or greater than y,
// comparing amounts exactly, whatever their formats.
func (q Quantity) Cmp(y Quantity) int {
	if q.x == nil && y.x == nil {
		return cmpInt64Amount(q.v, int64(q.e), y.v, int64(y.e))
	}
	a, b := q.big(), y.big()
	return cmpBig(&a.u, int64(a.e), &b.u, int64(b.e))
}

// cmpInt64Amount compares a × 10^ae with b × 10^be.
func cmpInt64Amount(a, ae, b, be int64) int {
	if ae != be && a != 0 && b != 0 && (a < 0) == (b < 0) {
		// Bring the one with the larger exponent to the other's scale; if
		// that overflows, it is the larger in magnitude.
		if ae > be {
			s, ok := mulPow10(a, ae-be)
			if !ok {
				return int(sign64(a))
			}
			a = s
		} else {
			s, ok := mulPow10(b, be-ae)
			if !ok {
				return -int(sign64(b))
			}
			b = s
		}
	}
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// CmpInt64 compares q with y as [Quantity.Cmp] does.
func (q Quantity) CmpInt64(y int64) int { return q.Cmp(Quantity{v: y}) }

// Equal reports whether q and y are the same amount, whatever their formats
// ("1k" equals "1000"). It lets go-cmp compare quantities.
func (q Quantity) Equal(y Quantity) bool { return q.Cmp(y) == 0 }

// Add sets q to q + y, exactly. A zero q takes y's format.
func (q *Quantity) Add(y Quantity) {
	q.s = ""
	if q.x == nil && y.x == nil {
		if q.v == 0 {
			q.f = y.f
		}
		if v, e, ok := addInt64Amount(q.v, q.e, y.v, y.e); ok {
			q.v, q.e = v, e
			return
		}
	} else if q.IsZero() {
		q.f = y.f
	}
	q.setBig(addBig(q.big(), y.big(), false))
}

// Sub sets q to q - y, exactly. A zero q takes y's format.
func (q *Quantity) Sub(y Quantity) {
	q.s = ""
	if q.IsZero() {
		q.f = y.f
	}
	if q.x == nil && y.x == nil && y.v != math.MinInt64 {
		if v, e, ok := addInt64Amount(q.v, q.e, -y.v, y.e); ok {
			q.v, q.e = v, e
			return
		}
	}
	q.setBig(addBig(q.big(), y.big(), true))
}

// Neg sets q to -q.
func (q *Quantity) Neg() {
	q.s = ""
	switch {
	case q.x != nil:
		x := &bigAmount{e: q.x.e}
		x.u.Neg(&q.x.u)
		q.x = x
	case q.v == math.MinInt64:
		x := q.big()
		x.u.Neg(&x.u)
		q.setBig(x)
	default:
		q.v = -q.v
	}
}

func (q *Quantity) setBig(x *bigAmount) {
	q.x, q.v, q.e = x, 0, 0
}

// addInt64Amount adds a × 10^ae and b × 10^be in the int64 form, at the
// smaller scale; a zero operand leaves the other, scale and all. It reports
// false when the sum does not fit.
func addInt64Amount(a int64, ae int32, b int64, be int32) (int64, int32, bool) {
	switch {
	case b == 0:
		return a, ae, true
	case a == 0:
		return b, be, true
	case ae > be:
		var ok bool
		if a, ok = mulPow10(a, int64(ae)-int64(be)); !ok {
			return 0, 0, false
		}
		ae = be
	case be > ae:
		var ok bool
		if b, ok = mulPow10(b, int64(be)-int64(ae)); !ok {
			return 0, 0, false
		}
	}
	s := a + b
	if (a > 0 && b > 0 && s < 0) || (a < 0 && b < 0 && s >= 0) {
		return 0, 0, false
	}
	return s, ae, true
}

// addBig returns a + b (or a - b) at the smaller of their exponents.
func addBig(a, b *bigAmount, sub bool) *bigAmount {
	e := min(a.e, b.e)
	x := &bigAmount{e: e}
	x.u.Mul(&a.u, pow10Big(int64(a.e)-int64(e)))
	y := new(big.Int).Mul(&b.u, pow10Big(int64(b.e)-int64(e)))
	if sub {
		x.u.Sub(&x.u, y)
	} else {
		x.u.Add(&x.u, y)
	}
	return x
}

// MarshalJSON encodes q as a JSON string of [Quantity.String].
func (q Quantity) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, len(q.s)+24)
	b = append(b, '"')
	if q.s != "" {
		b = append(b, q.s...)
	} else {
		b = q.appendString(b)
	}
	return append(b, '"'), nil
}

// UnmarshalJSON decodes q as Kubernetes does: null is zero; otherwise the
// bytes, less one pair of enclosing quotes and surrounding white space, must
// parse with [ParseQuantity]. So JSON numbers are read as written (1e3 stays
// "1e3"), and a string is taken without JSON unescaping ("\u0031" is an
// error). On error q is unchanged.
func (q *Quantity) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*q = Quantity{}
		return nil
	}
	if n := len(data); n >= 2 && data[0] == '"' && data[n-1] == '"' {
		data = data[1 : n-1]
	}
	parsed, err := ParseQuantity(strings.TrimSpace(string(data)))
	if err != nil {
		return err
	}
	*q = parsed
	return nil
}
