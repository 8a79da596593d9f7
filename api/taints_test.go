package api_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/gantryhq/gantry/api"
)

// primFilters are the fixture's FindMatchingUntoleratedTaint filters by name.
var primFilters = map[string]func(*api.Taint) bool{
	"NoSchedule|NoExecute": func(t *api.Taint) bool {
		return t.Effect == api.TaintEffectNoSchedule || t.Effect == api.TaintEffectNoExecute
	},
	"NoExecute": func(t *api.Taint) bool { return t.Effect == api.TaintEffectNoExecute },
	"all":       nil,
}

type primUntolerated struct {
	Found bool       `json:"found"`
	Taint *api.Taint `json:"taint"`
}

func TestTolerationFixture(t *testing.T) {
	var fx struct {
		Filters   []string `json:"filters"`
		PairCases []struct {
			ID  int    `json:"id"`
			Tag string `json:"tag"`
			In  struct {
				Toleration api.Toleration `json:"toleration"`
				Taint      api.Taint      `json:"taint"`
			} `json:"in"`
			Want struct {
				Tolerates    bool `json:"tolerates"`
				ToleratesCmp bool `json:"tolerates_cmp"`
			} `json:"want"`
		} `json:"pair_cases"`
		SetCases []struct {
			ID int `json:"id"`
			In struct {
				Tolerations []api.Toleration `json:"tolerations"`
				Taints      []api.Taint      `json:"taints"`
			} `json:"in"`
			Want struct {
				PerTaint       string                     `json:"per_taint"`
				PerTaintCmp    string                     `json:"per_taint_cmp"`
				Untolerated    map[string]primUntolerated `json:"untolerated"`
				UntoleratedCmp map[string]primUntolerated `json:"untolerated_cmp"`
			} `json:"want"`
		} `json:"set_cases"`
	}
	primFixture(t, "tolerations.json.gz", &fx)
	require.Len(t, fx.PairCases, 5000)
	require.Len(t, fx.SetCases, 1500)
	for _, f := range fx.Filters {
		require.Contains(t, primFilters, f)
	}

	for _, c := range fx.PairCases {
		got := [2]bool{c.In.Toleration.ToleratesTaint(&c.In.Taint), c.In.Toleration.ToleratesTaintWithComparison(&c.In.Taint)}
		want := [2]bool{c.Want.Tolerates, c.Want.ToleratesCmp}
		if got != want {
			t.Errorf("pair %d (%s): toleration %s taint %s: got (plain, cmp) %v, want %v",
				c.ID, c.Tag, primJSON(c.In.Toleration), primJSON(c.In.Taint), got, want)
		}
	}

	for _, c := range fx.SetCases {
		tols, taints := c.In.Tolerations, c.In.Taints
		perTaint := primBits(len(taints), func(i int) bool { return api.TolerationsTolerateTaint(tols, &taints[i]) })
		perTaintCmp := primBits(len(taints), func(i int) bool { return api.TolerationsTolerateTaintWithComparison(tols, &taints[i]) })
		untolerated := map[string]primUntolerated{}
		untoleratedCmp := map[string]primUntolerated{}
		for _, name := range fx.Filters {
			taint, found := api.FindMatchingUntoleratedTaint(taints, tols, primFilters[name])
			untolerated[name] = primResult(taint, found)
			taint, found = api.FindMatchingUntoleratedTaintWithComparison(taints, tols, primFilters[name])
			untoleratedCmp[name] = primResult(taint, found)
		}
		if diff := cmp.Diff(c.Want.PerTaint, perTaint); diff != "" {
			t.Errorf("set %d: per-taint tolerated (-want +got):\n%s", c.ID, diff)
		}
		if diff := cmp.Diff(c.Want.PerTaintCmp, perTaintCmp); diff != "" {
			t.Errorf("set %d: per-taint tolerated with comparison (-want +got):\n%s", c.ID, diff)
		}
		if diff := cmp.Diff(c.Want.Untolerated, untolerated); diff != "" {
			t.Errorf("set %d: first untolerated taint (-want +got):\n%s", c.ID, diff)
		}
		if diff := cmp.Diff(c.Want.UntoleratedCmp, untoleratedCmp); diff != "" {
			t.Errorf("set %d: first untolerated taint with comparison (-want +got):\n%s", c.ID, diff)
		}
	}
}

func primResult(taint api.Taint, found bool) primUntolerated {
	if !found {
		if taint != (api.Taint{}) {
			panic("FindMatchingUntoleratedTaint returned a taint with found=false")
		}
		return primUntolerated{}
	}
	return primUntolerated{Found: true, Taint: &taint}
}

func TestTolerationRules(t *testing.T) {
	gpu := &api.Taint{Key: "gpu", Value: "true", Effect: api.TaintEffectNoSchedule}
	score := &api.Taint{Key: "score", Value: "5", Effect: api.TaintEffectNoExecute}
	tol := func(key string, op api.TolerationOperator, value string, effect api.TaintEffect) api.Toleration {
		return api.Toleration{Key: key, Operator: op, Value: value, Effect: effect}
	}
	tests := []struct {
		name  string
		tol   api.Toleration
		taint *api.Taint
		want  bool // comparison disabled
		cmp   bool // comparison enabled
	}{
		{"toleration with empty key and Exists tolerates every taint", tol("", api.TolerationOpExists, "", ""), gpu, true, true},
		{"toleration with empty key and Exists still needs a matching effect", tol("", api.TolerationOpExists, "", api.TaintEffectNoExecute), gpu, false, false},
		{"toleration with empty key and Equal tolerates only an equal value", tol("", api.TolerationOpEqual, "true", ""), gpu, true, true},
		{"empty operator means Equal", tol("gpu", "", "true", api.TaintEffectNoSchedule), gpu, true, true},
		{"Equal needs an equal value", tol("gpu", api.TolerationOpEqual, "false", ""), gpu, false, false},
		{"Exists ignores the value", tol("gpu", api.TolerationOpExists, "anything", ""), gpu, true, true},
		{"a different key is not tolerated", tol("cpu", api.TolerationOpExists, "", ""), gpu, false, false},
		{"a different effect is not tolerated", tol("gpu", api.TolerationOpExists, "", api.TaintEffectPreferNoSchedule), gpu, false, false},
		{"operators are case sensitive", tol("gpu", "exists", "", ""), gpu, false, false},
		{"Lt never tolerates while comparison operators are disabled", tol("score", api.TolerationOpLt, "10", ""), score, false, true},
		{"Gt tolerates a greater taint value", tol("score", api.TolerationOpGt, "4", ""), score, false, true},
		{"Gt rejects an equal taint value", tol("score", api.TolerationOpGt, "5", ""), score, false, false},
		{"Lt needs a canonical integer toleration value", tol("score", api.TolerationOpLt, "010", ""), score, false, false},
		{"Lt needs an integer taint value", tol("gpu", api.TolerationOpLt, "10", ""), gpu, false, false},
		{"Gt rejects a value beyond int64", tol("score", api.TolerationOpGt, "-9223372036854775809", ""), score, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.tol.ToleratesTaint(tt.taint); got != tt.want {
				t.Errorf("%s.ToleratesTaint(%s) = %v, want %v", primJSON(tt.tol), tt.taint, got, tt.want)
			}
			if got := tt.tol.ToleratesTaintWithComparison(tt.taint); got != tt.cmp {
				t.Errorf("%s.ToleratesTaintWithComparison(%s) = %v, want %v", primJSON(tt.tol), tt.taint, got, tt.cmp)
			}
		})
	}
}

func TestFindMatchingUntoleratedTaintRules(t *testing.T) {
	taints := []api.Taint{
		{Key: "soft", Effect: api.TaintEffectPreferNoSchedule},
		{Key: "dedicated", Value: "gpu", Effect: api.TaintEffectNoSchedule},
		{Key: "evict", Effect: api.TaintEffectNoExecute},
	}
	noScheduleOrExecute := primFilters["NoSchedule|NoExecute"]
	t.Run("the first untolerated filtered taint is returned", func(t *testing.T) {
		got, found := api.FindMatchingUntoleratedTaint(taints, nil, noScheduleOrExecute)
		require.True(t, found)
		require.Equal(t, taints[1], got)
	})
	t.Run("a nil filter considers every taint", func(t *testing.T) {
		got, found := api.FindMatchingUntoleratedTaint(taints, nil, nil)
		require.True(t, found)
		require.Equal(t, taints[0], got)
	})
	t.Run("tolerating every filtered taint finds nothing", func(t *testing.T) {
		tols := []api.Toleration{{Key: "dedicated", Operator: api.TolerationOpEqual, Value: "gpu"}, {Key: "evict", Operator: api.TolerationOpExists}}
		got, found := api.FindMatchingUntoleratedTaint(taints, tols, noScheduleOrExecute)
		require.False(t, found)
		require.Equal(t, api.Taint{}, got)
	})
	t.Run("no taints find nothing", func(t *testing.T) {
		_, found := api.FindMatchingUntoleratedTaint(nil, nil, nil)
		require.False(t, found)
	})
}

func TestTaintString(t *testing.T) {
	tests := []struct {
		name  string
		taint api.Taint
		want  string
	}{
		{"a taint renders as key=value:effect", api.Taint{Key: "k", Value: "v", Effect: api.TaintEffectNoSchedule}, "k=v:NoSchedule"},
		{"a taint without a value renders as key:effect", api.Taint{Key: "k", Effect: api.TaintEffectNoExecute}, "k:NoExecute"},
		{"a taint without an effect keeps the trailing colon", api.Taint{Key: "k", Value: "v"}, "k=v:"},
		{"a bare key renders alone", api.Taint{Key: "k"}, "k"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.taint.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTaintAndTolerationIdentity(t *testing.T) {
	a := api.Taint{Key: "k", Value: "1", Effect: api.TaintEffectNoSchedule}
	b := api.Taint{Key: "k", Value: "2", Effect: api.TaintEffectNoSchedule}
	c := api.Taint{Key: "k", Value: "1", Effect: api.TaintEffectNoExecute}
	require.True(t, a.MatchTaint(&b), "taints with the same key and effect match whatever their values")
	require.False(t, a.MatchTaint(&c), "taints with different effects do not match")
	require.True(t, a.MatchTaintByKey(&c), "MatchTaintByKey compares keys only")
	x := api.Toleration{Key: "k", Operator: api.TolerationOpEqual, Value: "v"}
	y := x
	y.TolerationSeconds = new(int64)
	require.True(t, x.MatchToleration(&y), "tolerations match on key, operator, value and effect only")
	y.Value = "w"
	require.False(t, x.MatchToleration(&y))
}
