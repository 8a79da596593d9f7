package api

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// FuzzQuantity checks, for any input, that ParseQuantity either fails with
// one of its sentinels or yields a quantity whose String parses back to the
// same amount (save where Kubernetes drops a suffix) and the same String
// (save where a BinarySI amount printed without suffix reparses as
// DecimalSI; the String after that is stable), whose JSON
// round-trips, whose arithmetic with itself is exact, and whose amount and
// Value agree with a naive big.Rat reading of the input.
func FuzzQuantity(f *testing.F) {
	for _, s := range []string{
		"0", "1", "100m", "2Gi", "1.5", "-1.5n", "0.0001m", "1e3", "1E3", "1E", "+007", "1.",
		"1.5Ki", "0.1Ki", "8Ei", "-9Ei", "1000E", "1e21", "1e400", "0e400", "1e-1000",
		"1e2147483647", "1e-2147483648", "1e4294967296", "9223372036854775808",
		"123456789012345678901234567890e500", "0.9765625Ki", "Ki", "-", ".", ".e-10",
		"1ki", "1K", "12x", "", " 1", "1..2", "250.9765625Ki",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuantity(s)
		if err != nil {
			if !errors.Is(err, ErrQuantityFormat) && !errors.Is(err, ErrQuantityNumeric) && !errors.Is(err, ErrQuantitySuffix) {
				t.Fatalf("ParseQuantity(%q): error %v wraps none of the sentinels", s, err)
			}
			return
		}
		str := q.String()
		back, err := ParseQuantity(str)
		if err != nil {
			t.Fatalf("ParseQuantity(%q).String() = %q, which does not parse: %v", s, str, err)
		}
		// A BinarySI amount printed without a binary suffix ("257000")
		// reparses as DecimalSI and may print differently ("257k"); from
		// there on the text is stable.
		if got := back.String(); got != str && back.Format() == q.Format() {
			t.Fatalf("ParseQuantity(%q).String() = %q, but that parses to %q", s, str, got)
		}
		if again := MustParseQuantity(back.String()); again.String() != back.String() {
			t.Fatalf("ParseQuantity(%q) prints %q, then %q, then %q", s, str, back.String(), again.String())
		}
		dropped := suffixDropped(q)
		if (back.Cmp(q) == 0) == dropped {
			t.Fatalf("ParseQuantity(%q) = %q: reparsed Cmp = %d, suffix dropped = %v", s, str, back.Cmp(q), dropped)
		}

		b, err := json.Marshal(q)
		if err != nil {
			t.Fatalf("Marshal(%q): %v", s, err)
		}
		var fromJSON Quantity
		if err := json.Unmarshal(b, &fromJSON); err != nil {
			t.Fatalf("Unmarshal(%s) from %q: %v", b, s, err)
		}
		if fromJSON.String() != back.String() || fromJSON.Cmp(back) != 0 {
			t.Fatalf("JSON round trip of %q: got %q, want %q", s, fromJSON.String(), back.String())
		}

		sum := q
		sum.Add(q)
		sum.Sub(q)
		if sum.Cmp(q) != 0 || sum.Format() != q.Format() && !q.IsZero() {
			t.Fatalf("%q + itself - itself = %q (%s), want %q", s, sum.String(), sum.Format(), str)
		}
		neg := q
		neg.Neg()
		if neg.Sign() != -q.Sign() {
			t.Fatalf("-(%q) has sign %d", s, neg.Sign())
		}
		if v, ok := q.AsInt64(); ok && NewQuantity(v, DecimalSI).Cmp(q) != 0 {
			t.Fatalf("ParseQuantity(%q).AsInt64() = %d, which is not the amount", s, v)
		}

		want, ok := naiveQuantity(s)
		if !ok {
			return
		}
		if got := quantityRat(q); got.Cmp(want) != 0 {
			t.Fatalf("ParseQuantity(%q) = %s, naive reading gives %s", s, got.RatString(), want.RatString())
		}
		if got, want := q.Value(), roundRat(want, 0); got != want {
			t.Fatalf("ParseQuantity(%q).Value() = %d, want %d", s, got, want)
		}
		if got, want := q.MilliValue(), roundRat(want, 3); got != want {
			t.Fatalf("ParseQuantity(%q).MilliValue() = %d, want %d", s, got, want)
		}
		// Kubernetes' float of a big-form amount goes through amount × 10^9,
		// which overflows first near the top of the float64 range.
		if w, _ := want.Float64(); w != 0 && math.Abs(w) < 1e290 && math.Abs(w) > 1e-290 {
			if got := q.AsApproximateFloat64(); math.Abs(got-w) > 1e-12*math.Abs(w) {
				t.Fatalf("ParseQuantity(%q).AsApproximateFloat64() = %v, want about %v", s, got, w)
			}
		}
	})
}

// suffixDropped reports whether q's String loses its amount: Kubernetes
// prints a DecimalSI multiple of 10^21 without a suffix ("1000E" as "1").
func suffixDropped(q Quantity) bool {
	if q.s != "" || q.f != formatDecimalSI || q.IsZero() {
		return false
	}
	x := q.big()
	if x.e >= 21 {
		return true
	}
	n := 21 - int64(x.e)
	if _, hi := decimalDigitBounds(&x.u); n > hi {
		return false
	}
	return new(big.Int).Rem(&x.u, pow10Big(n)).Sign() == 0
}

var naiveQuantityPattern = regexp.MustCompile(`^([+-]?)([0-9]*)(?:\.([0-9]*))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]{1,3})?$`)

// naiveQuantity reads s straight from the grammar with big.Rat, for inputs
// with a digit and an exponent below a thousand: the amount, rounded away
// from zero to nano, and capped at 2^63-1 in magnitude for binary suffixes.
func naiveQuantity(s string) (*big.Rat, bool) {
	m := naiveQuantityPattern.FindStringSubmatch(s)
	if m == nil || m[2]+m[3] == "" {
		return nil, false
	}
	digits, _ := new(big.Int).SetString(m[2]+m[3], 10)
	r := new(big.Rat).SetFrac(digits, pow10Big(int64(len(m[3]))))
	if m[1] == "-" {
		r.Neg(r)
	}
	binary := strings.HasSuffix(m[4], "i")
	exp := map[string]int64{
		"": 0, "n": -9, "u": -6, "m": -3, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18,
		"Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60,
	}
	e, ok := exp[m[4]]
	if !ok {
		e, _ = strconv.ParseInt(m[4][1:], 10, 64)
	}
	var factor big.Rat
	switch {
	case binary:
		factor.SetInt(new(big.Int).Lsh(big.NewInt(1), uint(e)))
	case e >= 0:
		factor.SetInt(pow10Big(e))
	default:
		factor.SetFrac(big.NewInt(1), pow10Big(-e))
	}
	r.Mul(r, &factor)
	nanos := new(big.Rat).Mul(r, new(big.Rat).SetInt(pow10Big(9)))
	r.SetFrac(roundRatBig(nanos), pow10Big(9))
	if binary {
		limit := new(big.Rat).SetInt64(math.MaxInt64)
		negLimit := new(big.Rat).Neg(limit)
		switch {
		case r.Cmp(limit) > 0:
			r = limit
		case r.Cmp(negLimit) < 0:
			r = negLimit
		}
	}
	return r, true
}

// roundRatBig rounds r away from zero to an integer.
func roundRatBig(r *big.Rat) *big.Int {
	q, rem := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	if rem.Sign() != 0 {
		q.Add(q, big.NewInt(int64(r.Sign())))
	}
	return q
}

// roundRat returns r × 10^digits rounded away from zero, saturated to int64.
func roundRat(r *big.Rat, digits int64) int64 {
	n := roundRatBig(new(big.Rat).Mul(r, new(big.Rat).SetInt(pow10Big(digits))))
	switch {
	case n.IsInt64():
		return n.Int64()
	case n.Sign() > 0:
		return math.MaxInt64
	}
	return math.MinInt64
}

// quantityRat returns q's exact amount.
func quantityRat(q Quantity) *big.Rat {
	x := q.big()
	if x.e >= 0 {
		return new(big.Rat).SetInt(new(big.Int).Mul(&x.u, pow10Big(int64(x.e))))
	}
	return new(big.Rat).SetFrac(&x.u, pow10Big(-int64(x.e)))
}
