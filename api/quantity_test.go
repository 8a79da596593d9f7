package api

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"os"
	"regexp"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

// quantityFixture is testdata/quantity.json.gz: inputs and Kubernetes
// v0.37.2's answers for them (see /shared/fixtures/api/README.md).
type quantityFixture struct {
	CmpRefs   []string              `json:"cmp_refs"`
	Cases     []quantityFixtureCase `json:"cases"`
	JSONCases []quantityFixtureCase `json:"json_cases"`
}

type quantityFixtureCase struct {
	ID  int    `json:"id"`
	Tag string `json:"tag"`
	In  struct {
		S    *string `json:"s"`
		JSON *string `json:"json"`
	} `json:"in"`
	Want struct {
		OK            bool    `json:"ok"`
		Error         string  `json:"error"`
		String        string  `json:"string"`
		Format        Format  `json:"format"`
		Sign          int     `json:"sign"`
		ValueExact    *int64  `json:"value_exact"`
		MilliExact    *int64  `json:"milli_exact"`
		AsInt64       *int64  `json:"as_int64"`
		ApproxFloat64 string  `json:"approx_float64"`
		Cmp           []int   `json:"cmp"`
		Reparses      *bool   `json:"reparses"`
		Repr          string  `json:"repr"`
		KubeValue     int64   `json:"value"`       // Kubernetes' own, not checked: see Value
		KubeMilli     int64   `json:"milli_value"` // likewise
		KubeSlowFloat *string `json:"float64_slow"`
	} `json:"want"`
}

// quantityAnswers is what the fixture test compares, for one quantity.
type quantityAnswers struct {
	String     string
	Format     Format
	Sign       int
	Value      int64
	MilliValue int64
	AsInt64    *int64
	Float      string
	Cmp        []int
	Reparses   bool
	Form       string // "int64Amount" or "infDec", as Kubernetes names its two forms
}

func loadQuantityFixture(t testing.TB) quantityFixture {
	t.Helper()
	f, err := os.Open("testdata/quantity.json.gz")
	require.NoError(t, err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	require.NoError(t, err)
	var fx quantityFixture
	require.NoError(t, json.NewDecoder(zr).Decode(&fx))
	require.NotEmpty(t, fx.Cases)
	require.NotEmpty(t, fx.JSONCases)
	return fx
}

// kubeQuantityErrors maps Kubernetes' error texts to our sentinels.
var kubeQuantityErrors = map[string]error{
	ErrQuantityFormat.Error():  ErrQuantityFormat,
	ErrQuantityNumeric.Error(): ErrQuantityNumeric,
	ErrQuantitySuffix.Error():  ErrQuantitySuffix,
}

// exponentBeyondInt32 reports whether s ends in an exponent suffix that
// parses as an integer but not as an int32: Kubernetes wraps these, we reject
// them with ErrQuantitySuffix.
func exponentBeyondInt32(s string) bool {
	m := regexp.MustCompile(`[eE]([-+]?[0-9]+)$`).FindStringSubmatch(s)
	if m == nil {
		return false
	}
	n, ok := new(big.Int).SetString(m[1], 10)
	return ok && n.IsInt64() && (n.Int64() < math.MinInt32 || n.Int64() > math.MaxInt32)
}

func quantityForm(q Quantity) string {
	if q.x != nil {
		return "infDec"
	}
	return "int64Amount"
}

func answersFor(q Quantity, refs []Quantity) quantityAnswers {
	a := quantityAnswers{
		String:     q.String(),
		Format:     q.Format(),
		Sign:       q.Sign(),
		Value:      q.Value(),
		MilliValue: q.MilliValue(),
		Float:      strconv.FormatFloat(q.AsApproximateFloat64(), 'g', -1, 64),
		Form:       quantityForm(q),
	}
	if v, ok := q.AsInt64(); ok {
		a.AsInt64 = &v
	}
	if refs != nil {
		a.Cmp = make([]int, len(refs))
		for i, r := range refs {
			a.Cmp[i] = q.Cmp(r)
		}
	}
	back, err := ParseQuantity(a.String)
	a.Reparses = err == nil && back.Cmp(q) == 0
	return a
}

func (c quantityFixtureCase) answers() quantityAnswers {
	w := c.Want
	a := quantityAnswers{
		String:   w.String,
		Format:   w.Format,
		Sign:     w.Sign,
		AsInt64:  w.AsInt64,
		Float:    w.ApproxFloat64,
		Cmp:      w.Cmp,
		Reparses: w.Reparses == nil || *w.Reparses,
		Form:     w.Repr,
	}
	if a.Format == "" {
		// Kubernetes' zero Quantity has no format; ours is DecimalSI.
		a.Format = DecimalSI
	}
	// Value and MilliValue follow the exact answer, saturated when it does
	// not fit; Kubernetes' own answers (w.KubeValue) may be wrapped.
	a.Value = saturateInt64(w.Sign >= 0)
	if w.ValueExact != nil {
		a.Value = *w.ValueExact
	}
	a.MilliValue = saturateInt64(w.Sign >= 0)
	if w.MilliExact != nil {
		a.MilliValue = *w.MilliExact
	}
	return a
}

// TestQuantityFixture replays every case Kubernetes answered.
func TestQuantityFixture(t *testing.T) {
	fx := loadQuantityFixture(t)
	refs := make([]Quantity, len(fx.CmpRefs))
	for i, s := range fx.CmpRefs {
		refs[i] = MustParseQuantity(s)
	}
	var wrapped, kubeWrong, saturated int
	for _, c := range fx.Cases {
		s := *c.In.S
		q, err := ParseQuantity(s)
		if exponentBeyondInt32(s) && c.Want.OK {
			// Kubernetes wraps the exponent; we refuse it.
			wrapped++
			if !errors.Is(err, ErrQuantitySuffix) {
				t.Errorf("case %d ParseQuantity(%q): got %v, %v; want ErrQuantitySuffix for an exponent beyond int32", c.ID, s, q, err)
			}
			continue
		}
		if !c.Want.OK {
			checkQuantityError(t, fmt.Sprintf("case %d ParseQuantity(%q)", c.ID, s), s, err, c.Want.Error)
			continue
		}
		if err != nil {
			t.Errorf("case %d ParseQuantity(%q): unexpected error %v", c.ID, s, err)
			continue
		}
		var cmpRefs []Quantity
		if c.Want.Cmp != nil {
			cmpRefs = refs
		}
		switch w := c.Want; {
		case w.ValueExact == nil || w.MilliExact == nil:
			saturated++
		case *w.ValueExact != w.KubeValue || *w.MilliExact != w.KubeMilli:
			kubeWrong++
		}
		if diff := cmp.Diff(c.answers(), answersFor(q, cmpRefs)); diff != "" {
			t.Errorf("case %d (%s) ParseQuantity(%q) (-want +got):\n%s", c.ID, c.Tag, s, diff)
		}
	}
	t.Logf("%d cases: %d with an exponent beyond int32 rejected; Value or MilliValue "+
		"saturated in %d and exact where Kubernetes is not in %d", len(fx.Cases), wrapped, saturated, kubeWrong)

	for _, c := range fx.JSONCases {
		in := *c.In.JSON
		var obj struct {
			Q Quantity `json:"q"`
		}
		err := json.Unmarshal([]byte(`{"q": `+in+`}`), &obj)
		name := fmt.Sprintf("json case %d Unmarshal(%s)", c.ID, in)
		if !c.Want.OK {
			if _, ours := kubeQuantityErrors[c.Want.Error]; ours {
				checkQuantityError(t, name, "", err, c.Want.Error)
			} else if err == nil || err.Error() != c.Want.Error {
				t.Errorf("%s: got error %v, want %q", name, err, c.Want.Error)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: unexpected error %v", name, err)
			continue
		}
		if diff := cmp.Diff(c.answers(), answersFor(obj.Q, nil)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
}

// checkQuantityError checks err against Kubernetes' text want: it must wrap
// the matching sentinel and read `api: quantity "<s>": <want>` (s unknown
// when empty: then only the ending is checked).
func checkQuantityError(t *testing.T, name, s string, err error, want string) {
	t.Helper()
	sentinel, ok := kubeQuantityErrors[want]
	if !ok {
		t.Errorf("%s: fixture error %q is none of Kubernetes' quantity errors", name, want)
		return
	}
	if err == nil {
		t.Errorf("%s: got no error, want %q", name, want)
		return
	}
	if !errors.Is(err, sentinel) {
		t.Errorf("%s: got %v, want it to wrap %q", name, err, want)
	}
	wantText := fmt.Sprintf("api: quantity %q: %s", s, want)
	if s == "" {
		wantText = want
		if got := err.Error(); len(got) < len(want) || got[len(got)-len(want):] != want {
			t.Errorf("%s: got error %q, want it to end in %q", name, got, want)
		}
		return
	}
	if err.Error() != wantText {
		t.Errorf("%s: got error %q, want %q", name, err.Error(), wantText)
	}
}

// quantityCase is one row of the hand-written parse table: what String,
// Format, Value and MilliValue answer for in.
type quantityCase struct {
	name   string
	in     string
	want   string
	format Format
	value  int64
	milli  int64
}

// TestParseQuantityRules states Kubernetes' parsing and printing rules one
// row at a time.
func TestParseQuantityRules(t *testing.T) {
	const (
		dsi = DecimalSI
		bsi = BinarySI
		dex = DecimalExponent
		top = math.MaxInt64 // saturated
		bot = math.MinInt64 // saturated
	)
	tests := []quantityCase{
		// Suffixes.
		{"a plain integer is a count of units", "7", "7", dsi, 7, 7000},
		{"nano suffix n is a billionth", "5n", "5n", dsi, 1, 1},
		{"micro suffix u is a millionth", "5u", "5u", dsi, 1, 1},
		{"milli suffix m is a thousandth", "100m", "100m", dsi, 1, 100},
		{"kilo suffix k multiplies by 1000", "2k", "2k", dsi, 2000, 2000000},
		{"mega suffix M multiplies by 10^6", "3M", "3M", dsi, 3000000, 3000000000},
		{"giga suffix G multiplies by 10^9", "4G", "4G", dsi, 4000000000, 4000000000000},
		{"tera suffix T multiplies by 10^12", "5T", "5T", dsi, 5000000000000, 5000000000000000},
		{"peta suffix P multiplies by 10^15", "6P", "6P", dsi, 6000000000000000, 6000000000000000000},
		{"exa suffix E multiplies by 10^18 and MilliValue saturates", "1E", "1E", dsi, 1000000000000000000, top},
		{"binary suffix Ki multiplies by 1024", "1Ki", "1Ki", bsi, 1024, 1024000},
		{"binary suffix Mi multiplies by 2^20", "2Mi", "2Mi", bsi, 2097152, 2097152000},
		{"binary suffix Gi multiplies by 2^30", "2Gi", "2Gi", bsi, 2147483648, 2147483648000},
		{"binary suffix Ti multiplies by 2^40", "1Ti", "1Ti", bsi, 1099511627776, 1099511627776000},
		{"binary suffix Pi multiplies by 2^50", "3Pi", "3Pi", bsi, 3377699720527872, 3377699720527872000},
		{"binary suffix Ei multiplies by 2^60", "1Ei", "1Ei", bsi, 1152921504606846976, top},
		{"lower-case e and an integer is a decimal exponent", "12e6", "12e6", dex, 12000000, 12000000000},
		{"upper-case E followed by digits is an exponent not exa", "12E6", "12E6", dex, 12000000, 12000000000},
		{"an exponent may carry a plus sign", "1e+3", "1e+3", dex, 1000, 1000000},
		{"a negative exponent divides", "5e-3", "5e-3", dex, 1, 5},
		{"exponent zero is an exponent format", "3e0", "3e0", dex, 3, 3000},
		{"exponent minus zero is kept as typed", "3E-0", "3E-0", dex, 3, 3000},
		{"exponent leading zeros are read as decimal", "1e006", "1e006", dex, 1000000, 1000000000},

		// Canonical form.
		{"trailing zeros move into a larger suffix", "1000", "1k", dsi, 1000, 1000000},
		{"a million prints as 1M", "1000000", "1M", dsi, 1000000, 1000000000},
		{"a thousand milli print as 1", "1000m", "1", dsi, 1, 1000},
		{"5000m prints as 5", "5000m", "5", dsi, 5, 5000},
		{"1000k prints as 1M", "1000k", "1M", dsi, 1000000, 1000000000},
		{"1000n prints as 1u", "1000n", "1u", dsi, 1, 1},
		{"a fraction prints in milli", "1.5", "1500m", dsi, 2, 1500},
		{"a fraction finer than milli prints in micro", "1.2345", "1234500u", dsi, 2, 1235},
		{"a fraction finer than micro prints in nano", "0.123456789", "123456789n", dsi, 1, 124},
		{"a fraction with a suffix moves to the next smaller suffix", "1.5G", "1500M", dsi, 1500000000, 1500000000000},
		{"a fraction of a kilo that is whole prints without suffix", "1.5k", "1500", dsi, 1500, 1500000},
		{"an exponent not a multiple of three pads the mantissa", "1e4", "10e3", dex, 10000, 10000000},
		{"a fractional exponent quantity prints in multiples of three", "15e-1", "1500e-3", dex, 2, 1500},
		{"an exponent quantity with trailing zeros shifts them into the exponent", "120e5", "12e6", dex, 12000000, 12000000000},
		{"a whole exponent quantity below three digits prints plainly", "3e2", "300", dex, 300, 300000},
		{"zero prints as 0", "0", "0", dsi, 0, 0},
		{"negative zero prints as 0", "-0", "0", dsi, 0, 0},
		{"zero with a fraction prints as 0", "0.000", "0", dsi, 0, 0},
		{"zero with a binary suffix prints as 0 and stays BinarySI", "0Ki", "0", bsi, 0, 0},
		{"zero with an exponent prints as 0", "0e5", "0", dex, 0, 0},
		{"a negative value keeps its sign", "-1.5", "-1500m", dsi, -2, -1500},

		// Text kept as typed.
		{"a plus sign is kept when the number is otherwise canonical", "+1", "+1", dsi, 1, 1000},
		{"leading zeros are kept when the number is otherwise canonical", "007", "007", dsi, 7, 7000},
		{"a trailing point is kept as typed", "1.", "1.", dsi, 1, 1000},
		{"a trailing point before a suffix is kept as typed", "1.M", "1.M", dsi, 1000000, 1000000000},
		{"a fraction at a scale that is a multiple of three is kept as typed", "999.999", "999.999", dsi, 1000, 999999},
		{"a fraction with an exponent is kept as typed when the scale allows", "1.5e4", "1.5e4", dex, 15000, 15000000},
		{"leading zeros of a number with trailing zeros are dropped", "01000", "1k", dsi, 1000, 1000000},
		{"a plus sign before a fraction is dropped", "+1.5", "1500m", dsi, 2, 1500},
		{"a binary quantity is kept as typed when the digits are not a multiple of 8", "+00003Ki", "+00003Ki", bsi, 3072, 3072000},
		{"a binary quantity whose digits are a multiple of 8 is recomputed", "1024Ki", "1Mi", bsi, 1048576, 1048576000},
		{"a multiple of 8 that is no multiple of 1024 keeps its suffix", "1536Mi", "1536Mi", bsi, 1610612736, 1610612736000},

		// Kubernetes' scanner reads a missing number as zero.
		{"a bare binary suffix reads as zero", "Ki", "0", bsi, 0, 0},
		{"a bare decimal suffix reads as zero", "m", "0", dsi, 0, 0},
		{"a bare sign reads as zero", "-", "0", dsi, 0, 0},
		{"a bare point reads as zero", ".", "0", dsi, 0, 0},
		{"a point without integer digits reads the fraction", ".5", "500m", dsi, 1, 500},

		// Rounding to nano.
		{"sub-nano precision rounds up to 1n", "0.1n", "1n", dsi, 1, 1},
		{"sub-nano precision rounds away from zero for a negative", "-0.1n", "-1n", dsi, -1, -1},
		{"0.0001m is exactly 100n", "0.0001m", "100n", dsi, 1, 1},
		{"a half nano rounds up", "1.5n", "2n", dsi, 1, 1},
		{"999.999n rounds up to 1u", "999.999n", "1u", dsi, 1, 1},
		{"a tenth of a nano beyond nine digits rounds up", "0.1234567891", "123456790n", dsi, 1, 124},
		{"an exponent below nano rounds up to 1e-9", "1e-10", "1e-9", dex, 1, 1},
		{"an exponent far below nano rounds up to 1e-9", "1e-1000", "1e-9", dex, 1, 1},
		{"an exponent far below nano rounds away from zero for a negative", "-5e-1000", "-1e-9", dex, -1, -1},

		// Binary suffixes with fractions.
		{"a fraction with a binary suffix that is whole prints plainly below 1024", "0.5Ki", "512", bsi, 512, 512000},
		{"a fraction with a binary suffix that is whole and large keeps a binary suffix", "1.5Gi", "1536Mi", bsi, 1610612736, 1610612736000},
		{"a fraction with a binary suffix that is not whole prints in milli", "0.1Ki", "102400m", bsi, 103, 102400},
		{"a binary quantity below one becomes DecimalSI", "0.0001Ki", "102400u", dsi, 1, 103},
		{"a binary quantity of exactly 1000 prints as 1k", "0.9765625Ki", "1k", bsi, 1000, 1000000},
		{"a binary value 1024 or more that is whole but not a multiple of 1024 prints plainly", "1.5Ki", "1536", bsi, 1536, 1536000},
		{"a plainly printed binary value keeps trailing zeros a DecimalSI reparse would fold", "250.9765625Ki", "257000", bsi, 257000, 257000000},

		// Magnitude.
		{"a binary quantity is capped at 2^63-1", "8Ei", "9223372036854775807", bsi, top, top},
		{"a negative binary quantity is capped at -(2^63-1)", "-9Ei", "-9223372036854775807", bsi, -top, bot},
		{"a binary quantity just below the cap is exact", "8191Pi", "8191Pi", bsi, 9222246136947933184, top},
		{"a decimal quantity is not capped", "9223372036854775808", "9223372036854775808", dsi, top, top},
		{"max int64 parses exactly", "9223372036854775807", "9223372036854775807", dsi, top, top},
		{"min int64 parses exactly", "-9223372036854775808", "-9223372036854775808", dsi, bot, bot},
		{"many digits stay exact", "123456789012345678901234567890", "123456789012345678901234567890", dsi, top, top},
		{"a negative value beyond int64 saturates to MinInt64", "-1e21", "-1e21", dex, bot, bot},
		{"a DecimalSI value of 10^21 or more drops its suffix as Kubernetes does", "1000E", "1", dsi, top, top},
		{"a DecimalSI value a suffix can still hold keeps it", "999E", "999E", dsi, top, top},
		{"the same value in DecimalExponent keeps its exponent", "1000e18", "1e21", dex, top, top},
		{"a huge exponent stays exact", "1e400", "10e399", dex, top, top},
		{"the largest int32 exponent is accepted", "1e2147483647", "10e2147483646", dex, top, top},
		{"the smallest int32 exponent rounds up to nano", "1e-2147483648", "1e-9", dex, 1, 1},
		{"a fraction at the smallest int32 exponent rounds up to nano", "1.5e-2147483648", "1e-9", dex, 1, 1},

		// Value and MilliValue round away from zero.
		{"Value rounds a fraction up", "1.1", "1100m", dsi, 2, 1100},
		{"Value rounds a negative fraction down", "-1.1", "-1100m", dsi, -2, -1100},
		{"MilliValue rounds a sub-milli value up", "0.1m", "100u", dsi, 1, 1},
		{"MilliValue rounds a negative sub-milli value down", "-0.1m", "-100u", dsi, -1, -1},
		{"a negative binary fraction rounds away from zero", "-0.0015Ki", "-1536m", bsi, -2, -1536},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParseQuantity(tt.in)
			require.NoError(t, err, "ParseQuantity(%q)", tt.in)
			got := quantityCase{tt.name, tt.in, q.String(), q.Format(), q.Value(), q.MilliValue()}
			if diff := cmp.Diff(tt, got, cmp.AllowUnexported(quantityCase{})); diff != "" {
				t.Errorf("ParseQuantity(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestParseQuantityErrors: what is not a quantity, and which error says so.
func TestParseQuantityErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"the empty string is not a quantity", "", ErrQuantityFormat},
		{"an unknown letter is a format error", "12x", ErrQuantityFormat},
		{"a trailing space is a format error", "1Ki ", ErrQuantityFormat},
		{"a leading space is a format error", " 1", ErrQuantityFormat},
		{"two points are a format error", "1.2.3", ErrQuantityFormat},
		{"hexadecimal is a format error", "0x10", ErrQuantityFormat},
		{"a non-ASCII digit is a format error", "１", ErrQuantityFormat},
		{"the micro sign is not u", "1µ", ErrQuantityFormat},
		{"Inf is not a quantity", "Inf", ErrQuantityFormat},
		{"NaN is not a quantity", "NaN", ErrQuantityFormat},
		{"two exponents are a format error", "1e3e3", ErrQuantityFormat},
		{"upper-case KI has a letter outside the suffix alphabet", "1KI", ErrQuantityFormat},
		{"upper-case K is not kilo", "1K", ErrQuantitySuffix},
		{"lower-case ki is not a binary suffix", "1ki", ErrQuantitySuffix},
		{"mi is not a binary suffix", "1mi", ErrQuantitySuffix},
		{"a bare e is not an exponent", "1e", ErrQuantitySuffix},
		{"an exponent needs digits after its sign", "1e+", ErrQuantitySuffix},
		{"a suffix cannot be followed by an exponent", "1ke3", ErrQuantitySuffix},
		{"a doubled sign is a suffix error", "--1", ErrQuantitySuffix},
		{"a sign after the number is a suffix error", "1-", ErrQuantitySuffix},
		{"an exponent beyond int32 is rejected", "1e4294967296", ErrQuantitySuffix},
		{"an exponent just past int32 is rejected", "1e2147483648", ErrQuantitySuffix},
		{"a negative exponent beyond int32 is rejected", "1e-2147483649", ErrQuantitySuffix},
		{"an exponent beyond int64 is rejected", "1e9223372036854775808", ErrQuantitySuffix},
		{"a point without digits cannot take a sub-nano exponent", ".e-10", ErrQuantityNumeric},
		{"a bare Ei has no digits to scale", "Ei", ErrQuantityNumeric},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParseQuantity(tt.in)
			require.ErrorIs(t, err, tt.want, "ParseQuantity(%q) = %v", tt.in, q)
			require.Equal(t, fmt.Sprintf("api: quantity %q: %s", tt.in, tt.want), err.Error())
			require.Panics(t, func() { MustParseQuantity(tt.in) })
		})
	}
}

// TestQuantityConstructors: what the constructors build and how it prints.
func TestQuantityConstructors(t *testing.T) {
	tests := []struct {
		name   string
		q      Quantity
		want   string
		format Format
	}{
		{"the zero Quantity is 0 in DecimalSI", Quantity{}, "0", DecimalSI},
		{"NewQuantity in BinarySI prints 1024 as 1Ki", NewQuantity(1024, BinarySI), "1Ki", BinarySI},
		{"NewQuantity in BinarySI prints a value below 1024 plainly", NewQuantity(1000, BinarySI), "1k", BinarySI},
		{"NewQuantity in DecimalSI prints 1000 as 1k", NewQuantity(1000, DecimalSI), "1k", DecimalSI},
		{"NewQuantity in DecimalExponent prints 1000 as 1e3", NewQuantity(1000, DecimalExponent), "1e3", DecimalExponent},
		{"NewQuantity with an unknown format prints as DecimalExponent", NewQuantity(5000, ""), "5e3", DecimalExponent},
		{"NewQuantity keeps a negative binary value binary", NewQuantity(-2048, BinarySI), "-2Ki", BinarySI},
		{"NewQuantity of min int64 in BinarySI prints plainly as Kubernetes does", NewQuantity(math.MinInt64, BinarySI), "-9223372036854775808", BinarySI},
		{"NewMilliQuantity counts thousandths", NewMilliQuantity(1500, DecimalSI), "1500m", DecimalSI},
		{"NewMilliQuantity of a whole number prints without suffix", NewMilliQuantity(3000, DecimalSI), "3", DecimalSI},
		{"NewMilliQuantity in BinarySI of a whole multiple of 1024 is binary", NewMilliQuantity(2048000, BinarySI), "2Ki", BinarySI},
		{"NewMilliQuantity in BinarySI of a fraction prints in milli", NewMilliQuantity(1500500, BinarySI), "1500500m", BinarySI},
		{"NewScaledQuantity multiplies by a power of ten", NewScaledQuantity(5, Mega), "5M", DecimalSI},
		{"NewScaledQuantity at nano prints in nano", NewScaledQuantity(5, Nano), "5n", DecimalSI},
		{"NewScaledQuantity below nano drops the suffix as Kubernetes does", NewScaledQuantity(1, -12), "1", DecimalSI},
		{"NewScaledQuantity at an odd scale pads to a suffix", NewScaledQuantity(7, 4), "70k", DecimalSI},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, tt.q.String())
			require.Equal(t, tt.format, tt.q.Format())
		})
	}
}

// TestQuantityArithmetic: Add, Sub and Neg are exact and keep formats as
// Kubernetes does.
func TestQuantityArithmetic(t *testing.T) {
	mp := MustParseQuantity
	minInt := NewQuantity(math.MinInt64, DecimalSI)
	tests := []struct {
		name   string
		q      Quantity
		op     func(q *Quantity)
		want   string
		format Format
	}{
		{"adding a whole number to milli keeps milli", mp("100m"), func(q *Quantity) { q.Add(mp("1")) }, "1100m", DecimalSI},
		{"adding into zero takes the other's format", Quantity{}, func(q *Quantity) { q.Add(mp("1Ki")) }, "1Ki", BinarySI},
		{"adding keeps the receiver's format", mp("1"), func(q *Quantity) { q.Add(mp("1Ki")) }, "1025", DecimalSI},
		{"adding binary amounts stays binary", mp("1Gi"), func(q *Quantity) { q.Add(mp("512Mi")) }, "1536Mi", BinarySI},
		{"subtracting an equal amount prints 0", mp("1Gi"), func(q *Quantity) { q.Sub(mp("1Gi")) }, "0", BinarySI},
		{"subtracting below zero goes negative", mp("100m"), func(q *Quantity) { q.Sub(mp("1")) }, "-900m", DecimalSI},
		{"subtracting from zero takes the other's format", Quantity{}, func(q *Quantity) { q.Sub(mp("2Ki")) }, "-2Ki", BinarySI},
		{"a sum beyond int64 stays exact", mp("8E"), func(q *Quantity) { q.Add(mp("8E")) }, "16E", DecimalSI},
		{"a sum of nano and a big number keeps every digit", mp("123456789012345678901234567890"), func(q *Quantity) { q.Add(mp("1n")) }, "123456789012345678901234567890000000001n", DecimalSI},
		{"negating min int64 is exact", minInt, func(q *Quantity) { q.Neg() }, "9223372036854775808", DecimalSI},
		{"subtracting min int64 is exact", Quantity{}, func(q *Quantity) { q.Sub(minInt) }, "9223372036854775808", DecimalSI},
		{"negating flips the sign", mp("1.5Gi"), func(q *Quantity) { q.Neg() }, "-1536Mi", BinarySI},
		{"arithmetic forgets the text as typed", mp("+007"), func(q *Quantity) { q.Add(Quantity{}) }, "7", DecimalSI},
		{"negating twice restores the amount", mp("-3.5"), func(q *Quantity) { q.Neg(); q.Neg() }, "-3500m", DecimalSI},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := tt.q
			q := tt.q
			tt.op(&q)
			require.Equal(t, tt.want, q.String())
			require.Equal(t, tt.format, q.Format())
			require.Equal(t, orig.String(), tt.q.String(), "the original changed through a copy")
		})
	}
}

// TestQuantityCmp: comparison is exact and ignores format and form.
func TestQuantityCmp(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want int
	}{
		{"1k equals 1000", "1k", "1000", 0},
		{"1k equals 1e3 across formats", "1k", "1e3", 0},
		{"1Ki is more than 1k", "1Ki", "1k", 1},
		{"1m is more than 999u", "1m", "999u", 1},
		{"-1 is less than 0", "-1", "0", -1},
		{"1n is more than 0", "1n", "0", 1},
		{"a value in the big form equals the same value in the int64 form", "9223372036854775807", "9223372036854775807000m", 0},
		{"2^63 is more than 2^63-1", "9223372036854775808", "9223372036854775807", 1},
		{"1e400 is more than 1E", "1e400", "1E", 1},
		{"-1e400 is less than -1E", "-1e400", "-1E", -1},
		{"exponents a billion apart compare without expanding", "1e1000000000", "1e-1000000000", 1},
		{"1.5Ki equals 1536", "1.5Ki", "1536", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := MustParseQuantity(tt.a), MustParseQuantity(tt.b)
			require.Equal(t, tt.want, a.Cmp(b), "%s.Cmp(%s)", tt.a, tt.b)
			require.Equal(t, -tt.want, b.Cmp(a), "%s.Cmp(%s)", tt.b, tt.a)
			require.Equal(t, tt.want == 0, a.Equal(b))
		})
	}
	require.Equal(t, 1, MustParseQuantity("1025m").CmpInt64(1))
	require.Equal(t, 0, MustParseQuantity("1k").CmpInt64(1000))
}

// TestQuantityAccessors: ScaledValue, AsInt64 and AsApproximateFloat64.
func TestQuantityAccessors(t *testing.T) {
	scaled := []struct {
		name  string
		in    string
		scale Scale
		want  int64
	}{
		{"ScaledValue at kilo counts thousands", "1k", Kilo, 1},
		{"ScaledValue at milli counts thousandths", "1", Milli, 1000},
		{"ScaledValue rounds a partial unit up", "1Gi", Giga, 2},
		{"ScaledValue rounds a negative partial unit down", "-1Gi", Giga, -2},
		{"ScaledValue saturates beyond int64", "1", Scale(-30), math.MaxInt64},
		{"ScaledValue of a tiny value at a large scale is one unit", "1n", Exa, 1},
	}
	for _, tt := range scaled {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, MustParseQuantity(tt.in).ScaledValue(tt.scale))
		})
	}
	asInt := []struct {
		name string
		in   string
		want int64
		ok   bool
	}{
		{"AsInt64 of a whole number with a suffix", "1k", 1000, true},
		{"AsInt64 of a binary quantity", "2Gi", 2147483648, true},
		{"AsInt64 of milli is refused even when whole, as in Kubernetes", "1000m", 0, false},
		{"AsInt64 of a big-form quantity is refused even when it fits", "9223372036854775807", 0, false},
		{"AsInt64 refuses a value beyond int64", "1e19", 0, false},
		{"AsInt64 of an exponent within int64", "1e18", 1000000000000000000, true},
	}
	for _, tt := range asInt {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := MustParseQuantity(tt.in).AsInt64()
			require.Equal(t, tt.ok, ok)
			require.Equal(t, tt.want, v)
		})
	}
	floats := []struct {
		name string
		in   string
		want float64
	}{
		{"a float of a fraction", "1.5", 1.5},
		{"a float of nano", "1n", 1e-9},
		{"a float of a binary quantity", "1Gi", 1 << 30},
		{"a float beyond float64 is +Inf", "1e400", math.Inf(1)},
		{"a negative float beyond float64 is -Inf", "-1e400", math.Inf(-1)},
		{"a zero written with a huge exponent is NaN, as in Kubernetes", "0e400", math.NaN()},
	}
	for _, tt := range floats {
		t.Run(tt.name, func(t *testing.T) {
			got := MustParseQuantity(tt.in).AsApproximateFloat64()
			if math.IsNaN(tt.want) {
				require.True(t, math.IsNaN(got), "got %v, want NaN", got)
				return
			}
			require.Equal(t, tt.want, got)
		})
	}
}

// TestQuantityJSON: JSON encoding is the string form; decoding is
// Kubernetes' lenient one.
func TestQuantityJSON(t *testing.T) {
	tests := []struct {
		name    string
		in      string // the JSON value of "q"
		want    string // String after decoding
		wantErr error
	}{
		{"a JSON string decodes as a quantity", `"1Ki"`, "1Ki", nil},
		{"a JSON number decodes as written", `1e3`, "1e3", nil},
		{"a JSON fraction decodes to milli", `1.5`, "1500m", nil},
		{"white space inside the quotes is trimmed", `" 1 "`, "1", nil},
		{"null decodes to zero", `null`, "0", nil},
		{"a JSON escape is not unescaped", `"\u0031"`, "", ErrQuantityFormat},
		{"a JSON boolean is not a quantity", `true`, "", ErrQuantityFormat},
		{"an empty JSON string is not a quantity", `""`, "", ErrQuantityFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			obj := struct {
				Q Quantity `json:"q"`
			}{Q: MustParseQuantity("5")}
			err := json.Unmarshal([]byte(`{"q":`+tt.in+`}`), &obj)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				require.Equal(t, "5", obj.Q.String(), "a failed decode changed the quantity")
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, obj.Q.String())
		})
	}

	t.Run("a quantity encodes as a JSON string of its String", func(t *testing.T) {
		b, err := json.Marshal(ResourceList{ResourceCPU: MustParseQuantity("1.5"), ResourceMemory: MustParseQuantity("+2Gi"), ResourcePods: {}})
		require.NoError(t, err)
		require.Equal(t, `{"cpu":"1500m","memory":"+2Gi","pods":"0"}`, string(b))
	})
	t.Run("null resets a quantity entirely", func(t *testing.T) {
		q := MustParseQuantity("007Ki")
		require.NoError(t, q.UnmarshalJSON([]byte("null")))
		require.Equal(t, "0", q.String())
		require.Equal(t, DecimalSI, q.Format())
	})
}

// TestQuantityGoCmp: go-cmp compares quantities by amount through Equal.
func TestQuantityGoCmp(t *testing.T) {
	a := ResourceList{ResourceCPU: MustParseQuantity("1"), ResourceMemory: MustParseQuantity("1Gi")}
	b := ResourceList{ResourceCPU: MustParseQuantity("1000m"), ResourceMemory: MustParseQuantity("1024Mi")}
	require.Empty(t, cmp.Diff(a, b))
}

func BenchmarkParseQuantity(b *testing.B) {
	for _, s := range []string{"100m", "2Gi", "1", "1.5", "1536Mi", "1.5Gi", "123456789012345678901234567890"} {
		b.Run("in="+s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseQuantity(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkQuantityString(b *testing.B) {
	for _, tc := range []struct {
		name string
		q    Quantity
	}{
		{"kept=100m", MustParseQuantity("100m")},
		{"milli=1500m", NewMilliQuantity(1500, DecimalSI)},
		{"binary=3Gi", NewQuantity(3<<30, BinarySI)},
		{"exponent=12e6", NewQuantity(12000000, DecimalExponent)},
		{"big=1536Mi", MustParseQuantity("1.5Gi")},
		{"big=30digits", MustParseQuantity("123456789012345678901234567890")},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = tc.q.String()
			}
		})
	}
}
