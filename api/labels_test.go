package api_test

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/gantryhq/gantry/api"
)

// primFixture decodes one of the oracle corpora in testdata/ into v.
func primFixture(t testing.TB, name string, v any) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	require.NoError(t, err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	require.NoError(t, err)
	require.NoError(t, json.NewDecoder(zr).Decode(v))
}

// primBits renders answers as a fixture bit string.
func primBits(n int, answer func(i int) bool) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if answer(i) {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	}
	return b.String()
}

type selectorCase struct {
	ID  int    `json:"id"`
	Tag string `json:"tag"`
	In  struct {
		Selector *api.LabelSelector `json:"selector"`
	} `json:"in"`
	Want struct {
		OK      bool   `json:"ok"`
		Error   string `json:"error"`
		String  string `json:"string"`
		Empty   bool   `json:"empty"`
		Matches string `json:"matches"`
	} `json:"want"`
}

func TestLabelSelectorAsSelectorFixture(t *testing.T) {
	var fx struct {
		LabelSets []map[string]string `json:"label_sets"`
		Cases     []selectorCase      `json:"cases"`
	}
	primFixture(t, "selectors.json.gz", &fx)
	require.Len(t, fx.Cases, 3000)
	for _, c := range fx.Cases {
		sel, err := api.LabelSelectorAsSelector(c.In.Selector)
		if !c.Want.OK {
			if err == nil {
				t.Errorf("case %d (%s): got selector %q, want error %q", c.ID, c.Tag, sel.String(), c.Want.Error)
				continue
			}
			if err.Error() != c.Want.Error {
				t.Errorf("case %d (%s): error mismatch (-want +got):\n%s", c.ID, c.Tag, cmp.Diff(c.Want.Error, err.Error()))
			}
			if !errors.Is(err, api.ErrInvalidSelector) {
				t.Errorf("case %d: error %v does not match ErrInvalidSelector", c.ID, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("case %d (%s): unexpected error %v", c.ID, c.Tag, err)
			continue
		}
		got := struct {
			String  string
			Empty   bool
			Matches string
		}{sel.String(), sel.Empty(), primBits(len(fx.LabelSets), func(i int) bool { return sel.Matches(fx.LabelSets[i]) })}
		want := struct {
			String  string
			Empty   bool
			Matches string
		}{c.Want.String, c.Want.Empty, c.Want.Matches}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("case %d (%s) %s: mismatch (-want +got):\n%s", c.ID, c.Tag, primJSON(c.In.Selector), diff)
		}
		// The convenience method agrees with the compiled selector.
		for i, ls := range fx.LabelSets {
			m, err := c.In.Selector.Matches(ls)
			require.NoError(t, err)
			if m != (c.Want.Matches[i] == '1') {
				t.Fatalf("case %d: LabelSelector.Matches(label_sets[%d]) = %v", c.ID, i, m)
			}
		}
	}
}

func primJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

type primRequirement struct {
	Key      string   `json:"key"`
	Operator string   `json:"operator"`
	Values   []string `json:"values"`
}

func TestParseSelectorFixture(t *testing.T) {
	var fx struct {
		LabelSets []map[string]string `json:"label_sets"`
		Cases     []struct {
			ID   int                `json:"id"`
			Tag  string             `json:"tag"`
			In   struct{ S string } `json:"in"`
			Want struct {
				OK           bool              `json:"ok"`
				Error        string            `json:"error"`
				String       string            `json:"string"`
				Empty        bool              `json:"empty"`
				Requirements []primRequirement `json:"requirements"`
				Matches      string            `json:"matches"`
				Reparses     bool              `json:"reparses"`
			} `json:"want"`
		} `json:"cases"`
	}
	primFixture(t, "selectorstrings.json.gz", &fx)
	require.Len(t, fx.Cases, 3000)
	for _, c := range fx.Cases {
		sel, err := api.ParseSelector(c.In.S)
		if !c.Want.OK {
			if err == nil {
				t.Errorf("case %d (%s) %q: got %q, want error %q", c.ID, c.Tag, c.In.S, sel.String(), c.Want.Error)
			} else if err.Error() != c.Want.Error {
				t.Errorf("case %d (%s) %q: error mismatch (-want +got):\n%s", c.ID, c.Tag, c.In.S, cmp.Diff(c.Want.Error, err.Error()))
			}
			continue
		}
		if err != nil {
			t.Errorf("case %d (%s) %q: unexpected error %v", c.ID, c.Tag, c.In.S, err)
			continue
		}
		var reqs []primRequirement
		for _, r := range sel.Requirements() {
			reqs = append(reqs, primRequirement{r.Key(), string(r.Operator()), r.ValuesUnsorted()})
		}
		if diff := cmp.Diff(c.Want.Requirements, reqs, cmp.Comparer(func(a, b []string) bool {
			return strings.Join(a, "\x00") == strings.Join(b, "\x00") && len(a) == len(b)
		})); diff != "" {
			t.Errorf("case %d %q: requirements mismatch (-want +got):\n%s", c.ID, c.In.S, diff)
		}
		got := primBits(len(fx.LabelSets), func(i int) bool { return sel.Matches(fx.LabelSets[i]) })
		if sel.String() != c.Want.String || sel.Empty() != c.Want.Empty || got != c.Want.Matches {
			t.Errorf("case %d %q: got string %q empty %v matches %s; want %q %v %s",
				c.ID, c.In.S, sel.String(), sel.Empty(), got, c.Want.String, c.Want.Empty, c.Want.Matches)
		}
		again, err := api.ParseSelector(c.Want.String)
		if reparses := err == nil && again.String() == c.Want.String; reparses != c.Want.Reparses {
			t.Errorf("case %d: reparse of %q: got %v (err %v), want %v", c.ID, c.Want.String, reparses, err, c.Want.Reparses)
		}
	}
}

// Builders keep the rule tables short.
func expr(key string, op api.LabelSelectorOperator, vals ...string) api.LabelSelectorRequirement {
	return api.LabelSelectorRequirement{Key: key, Operator: op, Values: vals}
}

func labelsOf(kv ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

func TestLabelSelectorRules(t *testing.T) {
	web := labelsOf("app", "web", "tier", "frontend")
	db := labelsOf("app", "db")
	bare := labelsOf()
	tests := []struct {
		name string
		ls   *api.LabelSelector
		// answers for web, db, bare, nil
		want [4]bool
	}{
		{"nil LabelSelector selects nothing", nil, [4]bool{}},
		{"empty LabelSelector selects everything", &api.LabelSelector{}, [4]bool{true, true, true, true}},
		{"LabelSelector with empty lists selects everything", &api.LabelSelector{MatchLabels: map[string]string{}, MatchExpressions: []api.LabelSelectorRequirement{}}, [4]bool{true, true, true, true}},
		{"matchLabels requires an equal value", &api.LabelSelector{MatchLabels: labelsOf("app", "web")}, [4]bool{true, false, false, false}},
		{"matchLabels with an empty value requires the key with an empty value", &api.LabelSelector{MatchLabels: labelsOf("app", "")}, [4]bool{}},
		{"In matches a listed value", &api.LabelSelector{MatchExpressions: []api.LabelSelectorRequirement{expr("app", api.LabelSelectorOpIn, "db", "cache")}}, [4]bool{false, true, false, false}},
		{"In does not match a label set without the key", &api.LabelSelector{MatchExpressions: []api.LabelSelectorRequirement{expr("tier", api.LabelSelectorOpIn, "frontend")}}, [4]bool{true, false, false, false}},
		{"NotIn matches a label set without the key", &api.LabelSelector{MatchExpressions: []api.LabelSelectorRequirement{expr("tier", api.LabelSelectorOpNotIn, "frontend")}}, [4]bool{false, true, true, true}},
		{"NotIn rejects a listed value", &api.LabelSelector{MatchExpressions: []api.LabelSelectorRequirement{expr("app", api.LabelSelectorOpNotIn, "web")}}, [4]bool{false, true, true, true}},
		{"Exists needs the key whatever its value", &api.LabelSelector{MatchExpressions: []api.LabelSelectorRequirement{expr("app", api.LabelSelectorOpExists)}}, [4]bool{true, true, false, false}},
		{"DoesNotExist needs the key absent", &api.LabelSelector{MatchExpressions: []api.LabelSelectorRequirement{expr("tier", api.LabelSelectorOpDoesNotExist)}}, [4]bool{false, true, true, true}},
		{"matchLabels and matchExpressions are ANDed", &api.LabelSelector{MatchLabels: labelsOf("app", "web"), MatchExpressions: []api.LabelSelectorRequirement{expr("tier", api.LabelSelectorOpDoesNotExist)}}, [4]bool{}},
		{"contradictory requirements match nothing", &api.LabelSelector{MatchExpressions: []api.LabelSelectorRequirement{expr("app", api.LabelSelectorOpExists), expr("app", api.LabelSelectorOpDoesNotExist)}}, [4]bool{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sel, err := api.LabelSelectorAsSelector(tt.ls)
			require.NoError(t, err)
			got := [4]bool{sel.Matches(web), sel.Matches(db), sel.Matches(bare), sel.Matches(nil)}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("selector %s (%q): matches for web, db, bare, nil (-want +got):\n%s", primJSON(tt.ls), sel.String(), diff)
			}
		})
	}
}

func TestLabelSelectorErrors(t *testing.T) {
	tests := []struct {
		name string
		ls   *api.LabelSelector
		want string
	}{
		{"In without values is rejected", &api.LabelSelector{MatchExpressions: []api.LabelSelectorRequirement{expr("app", api.LabelSelectorOpIn)}},
			"values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"},
		{"Exists with values is rejected", &api.LabelSelector{MatchExpressions: []api.LabelSelectorRequirement{expr("app", api.LabelSelectorOpExists, "a", "b")}},
			`values: Invalid value: ["a","b"]: values set must be empty for exists and does not exist`},
		{"Gt is not a label selector operator", &api.LabelSelector{MatchExpressions: []api.LabelSelectorRequirement{expr("app", "Gt", "1")}},
			`"Gt" is not a valid label selector operator`},
		{"operators are case sensitive", &api.LabelSelector{MatchExpressions: []api.LabelSelectorRequirement{expr("app", "in", "a")}},
			`"in" is not a valid label selector operator`},
		{"a key with two slashes is rejected", &api.LabelSelector{MatchLabels: labelsOf("a/b/c", "x")},
			"key: Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"},
		{"a bad key and a bad value are reported together", &api.LabelSelector{MatchExpressions: []api.LabelSelectorRequirement{expr("k", api.LabelSelectorOpIn, strings.Repeat("v", 64))}},
			`values[0][k]: Invalid value: "` + strings.Repeat("v", 64) + `": must be no more than 63 bytes`},
		{"the first bad expression stops the conversion", &api.LabelSelector{MatchExpressions: []api.LabelSelectorRequirement{expr("x", api.LabelSelectorOpIn), expr("bad key", api.LabelSelectorOpExists)}},
			"values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := api.LabelSelectorAsSelector(tt.ls)
			require.Error(t, err)
			require.ErrorIs(t, err, api.ErrInvalidSelector)
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseSelectorRules(t *testing.T) {
	set := labelsOf("app", "web", "tier", "frontend", "replicas", "3", "zero", "")
	tests := []struct {
		name      string
		in        string
		canonical string
		matches   bool
	}{
		{"the empty string selects everything", "", "", true},
		{"blanks alone select everything", " \t\r\n", "", true},
		{"= requires an equal value", "app=web", "app=web", true},
		{"== is kept as typed", "app==web", "app==web", true},
		{"!= matches a label set without the key", "missing!=x", "missing!=x", true},
		{"!= rejects an equal value", "app!=web", "app!=web", false},
		{"a missing value after = means the empty value", "zero=", "zero=", true},
		{"a bare key means the key exists", "app", "app", true},
		{"! means the key does not exist", "!app", "!app", false},
		{"in matches a listed value", "app in (db,web)", "app in (db,web)", true},
		{"set values print sorted and de-duplicated", "app in (web, db, web)", "app in (db,web)", true},
		{"() is the set holding the empty value", "zero in ()", "zero in ()", true},
		{"notin matches a label set without the key", "missing notin (a)", "missing notin (a)", true},
		{"in and notin are identifiers inside a value list", "app notin (in,notin)", "app notin (in,notin)", true},
		{"gt compares integers", "replicas>2", "replicas>2", true},
		{"lt compares integers", "replicas<3", "replicas<3", false},
		{"gt needs the key", "missing>0", "missing>0", false},
		{"gt fails on a label that is not an integer", "app>0", "app>0", false},
		{"requirements are sorted by key", "tier=frontend,app=web", "app=web,tier=frontend", true},
		{"requirements on one key keep their order", "app,!app", "app,!app", false},
		{"a NUL byte where a token starts ends the input", "app=web \x00garbage", "app=web", true},
		{"a NUL byte inside a token separates tokens", "app=\x00web", "app=web", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sel, err := api.ParseSelector(tt.in)
			require.NoError(t, err)
			if got := sel.String(); got != tt.canonical {
				t.Errorf("ParseSelector(%q).String() = %q, want %q", tt.in, got, tt.canonical)
			}
			if got := sel.Matches(set); got != tt.matches {
				t.Errorf("ParseSelector(%q).Matches(%v) = %v, want %v", tt.in, set, got, tt.matches)
			}
		})
	}
}

func TestParseSelectorErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"a trailing comma is rejected", "a=b,", "found '', expected: identifier after ','"},
		{"an unknown operator is rejected", "a ~ b", "unable to parse requirement: found '~', expected: in, notin, =, ==, !=, gt, lt"},
		{"a set needs parentheses", "a in b", "unable to parse requirement: found 'b' expected: '('"},
		{"an unclosed set is rejected", "a in (b", "unable to parse requirement: found '', expected: ',' or ')'"},
		{"! cannot carry a value", "!a=b", "found '=', expected: ',' or 'end of string'"},
		{"gt needs an integer", "a>b", "unable to parse requirement: values[0]: Invalid value: \"b\": for 'Gt', 'Lt' operators, the value must be an integer"},
		{"a bad key is reported against a nil path", "-a=b", "unable to parse requirement: <nil>: Invalid value: \"-a\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"},
		{"a value that is not a label value is rejected", "a=b c", "found 'c', expected: ',' or 'end of string'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := api.ParseSelector(tt.in)
			require.Error(t, err)
			require.ErrorIs(t, err, api.ErrInvalidSelector)
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("ParseSelector(%q) error (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestSelectorValues(t *testing.T) {
	t.Run("the zero Selector selects everything", func(t *testing.T) {
		var s api.Selector
		require.True(t, s.Empty())
		require.False(t, s.IsNothing())
		require.True(t, s.Matches(nil))
		require.Equal(t, "", s.String())
	})
	t.Run("Nothing selects nothing and is not empty", func(t *testing.T) {
		s := api.Nothing()
		require.False(t, s.Empty())
		require.True(t, s.IsNothing())
		require.False(t, s.Matches(map[string]string{}))
		require.Nil(t, s.Requirements())
		require.True(t, s.Add(mustRequirement(t, "a", api.SelectionExists)).IsNothing())
	})
	t.Run("SelectorFromSet of an empty set selects everything", func(t *testing.T) {
		require.True(t, api.SelectorFromSet(nil).Empty())
		require.True(t, api.SelectorFromSet(map[string]string{}).Matches(labelsOf("x", "y")))
	})
	t.Run("SelectorFromSet requires every pair", func(t *testing.T) {
		s := api.SelectorFromSet(labelsOf("b", "2", "a", "1"))
		require.Equal(t, "a=1,b=2", s.String())
		require.True(t, s.Matches(labelsOf("a", "1", "b", "2", "c", "3")))
		require.False(t, s.Matches(labelsOf("a", "1")))
		v, ok := s.RequiresExactMatch("b")
		require.True(t, ok)
		require.Equal(t, "2", v)
	})
	t.Run("ValidatedSelectorFromSet rejects a bad value", func(t *testing.T) {
		_, err := api.ValidatedSelectorFromSet(labelsOf("a", "-x"))
		require.ErrorIs(t, err, api.ErrInvalidSelector)
	})
	t.Run("Requirement values come back sorted and as given", func(t *testing.T) {
		r := mustRequirement(t, "k", api.SelectionIn, "b", "a", "b")
		require.Equal(t, []string{"a", "b"}, r.Values())
		require.Equal(t, []string{"b", "a", "b"}, r.ValuesUnsorted())
		require.Equal(t, "k in (a,b,b)", r.String())
	})
	t.Run("NewRequirement rejects an unknown operator", func(t *testing.T) {
		_, err := api.NewRequirement("k", "~", nil)
		require.EqualError(t, err, `operator: Unsupported value: "~": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"`)
	})
	t.Run("Add keeps requirements sorted by key", func(t *testing.T) {
		s := api.Everything().Add(mustRequirement(t, "b", api.SelectionExists), mustRequirement(t, "a", api.SelectionDoesNotExist))
		require.Equal(t, "!a,b", s.String())
	})
	t.Run("FormatLabelSelector renders none and error", func(t *testing.T) {
		require.Equal(t, "<none>", api.FormatLabelSelector(nil))
		require.Equal(t, "<none>", api.FormatLabelSelector(&api.LabelSelector{}))
		require.Equal(t, "<error>", api.FormatLabelSelector(&api.LabelSelector{MatchLabels: labelsOf("-", "x")}))
		require.Equal(t, "app=web", api.FormatLabelSelector(&api.LabelSelector{MatchLabels: labelsOf("app", "web")}))
	})
}

func mustRequirement(t testing.TB, key string, op api.SelectionOperator, vals ...string) api.Requirement {
	t.Helper()
	r, err := api.NewRequirement(key, op, vals)
	require.NoError(t, err)
	return r
}

func TestSelectorMatchesDoesNotAllocate(t *testing.T) {
	sel, err := api.ParseSelector("app=web,tier in (frontend,backend),!legacy,replicas>2,zone notin (a,b),env")
	require.NoError(t, err)
	set := labelsOf("app", "web", "tier", "frontend", "replicas", "10", "env", "prod")
	allocs := testing.AllocsPerRun(100, func() {
		if !sel.Matches(set) {
			t.Fatal("selector should match")
		}
	})
	if allocs != 0 {
		t.Errorf("Selector.Matches allocates %v times per call, want 0", allocs)
	}
}

func BenchmarkSelectorMatches(b *testing.B) {
	sel, err := api.ParseSelector("app=web,tier in (frontend,backend),!legacy,replicas>2,zone notin (a,b),env")
	require.NoError(b, err)
	set := labelsOf("app", "web", "tier", "frontend", "replicas", "10", "env", "prod",
		"kubernetes.io/hostname", "node-1", "topology.kubernetes.io/zone", "c")
	b.ReportAllocs()
	for b.Loop() {
		if !sel.Matches(set) {
			b.Fatal("selector should match")
		}
	}
}

func BenchmarkParseSelector(b *testing.B) {
	const s = "app=web,tier in (frontend,backend),!legacy,replicas>2,zone notin (a,b),env"
	b.ReportAllocs()
	for b.Loop() {
		if _, err := api.ParseSelector(s); err != nil {
			b.Fatal(err)
		}
	}
}
