package api_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/gantryhq/gantry/api"
)

func TestNodeSelectorFixture(t *testing.T) {
	var fx struct {
		Nodes []struct {
			Name   string            `json:"name"`
			Labels map[string]string `json:"labels"`
		} `json:"nodes"`
		Cases []struct {
			ID  int    `json:"id"`
			Tag string `json:"tag"`
			In  struct {
				NodeSelector    *api.NodeSelector             `json:"node_selector"`
				PodNodeSelector map[string]string             `json:"pod_node_selector"`
				Preferred       []api.PreferredSchedulingTerm `json:"preferred"`
			} `json:"in"`
			Want struct {
				Error              string  `json:"error"`
				Matches            string  `json:"matches"`
				LazyMatches        string  `json:"lazy_matches"`
				RequiredMatches    string  `json:"required_matches"`
				RequiredErrorNodes string  `json:"required_error_nodes"`
				PreferredScores    []int64 `json:"preferred_scores"`
				PreferredError     string  `json:"preferred_error"`
			} `json:"want"`
		} `json:"cases"`
	}
	primFixture(t, "nodeselectors.json.gz", &fx)
	require.Len(t, fx.Cases, 2000)
	nodes := make([]*api.Node, len(fx.Nodes))
	for i, n := range fx.Nodes {
		nodes[i] = &api.Node{ObjectMeta: api.ObjectMeta{Name: n.Name, Labels: n.Labels}}
	}
	type answers struct {
		Error, Matches, LazyMatches, RequiredMatches, RequiredErrorNodes, PreferredError string
		PreferredScores                                                                  []int64
	}
	for _, c := range fx.Cases {
		var got answers
		m, err := api.NewNodeSelector(c.In.NodeSelector)
		if err != nil {
			got.Error = err.Error()
			require.ErrorIs(t, err, api.ErrInvalidSelector)
		} else {
			got.Matches = primBits(len(nodes), func(i int) bool { return m.Match(nodes[i]) })
		}
		lazy := api.NewLazyErrorNodeSelector(c.In.NodeSelector)
		got.LazyMatches = primBits(len(nodes), func(i int) bool {
			ok, err := lazy.Match(nodes[i])
			if ok && err != nil {
				t.Errorf("case %d: lazy match on node %d returned true with error %v", c.ID, i, err)
			}
			return ok
		})
		var affinity *api.Affinity
		if c.In.NodeSelector != nil {
			affinity = &api.Affinity{NodeAffinity: &api.NodeAffinity{RequiredDuringSchedulingIgnoredDuringExecution: c.In.NodeSelector}}
		}
		req := api.NewRequiredNodeAffinity(c.In.PodNodeSelector, affinity)
		viaPod := api.GetRequiredNodeAffinity(&api.Pod{Spec: api.PodSpec{NodeSelector: c.In.PodNodeSelector, Affinity: affinity}})
		var errBits []bool
		got.RequiredMatches = primBits(len(nodes), func(i int) bool {
			ok, err := req.Match(nodes[i])
			ok2, err2 := viaPod.Match(nodes[i])
			if ok != ok2 || (err == nil) != (err2 == nil) {
				t.Errorf("case %d: GetRequiredNodeAffinity disagrees with NewRequiredNodeAffinity on node %d", c.ID, i)
			}
			errBits = append(errBits, err != nil)
			return ok
		})
		got.RequiredErrorNodes = primBits(len(nodes), func(i int) bool { return errBits[i] })
		if c.In.Preferred != nil {
			p, err := api.NewPreferredSchedulingTerms(c.In.Preferred)
			if err != nil {
				got.PreferredError = err.Error()
			} else {
				for _, n := range nodes {
					got.PreferredScores = append(got.PreferredScores, p.Score(n))
				}
			}
		}
		want := answers{c.Want.Error, c.Want.Matches, c.Want.LazyMatches, c.Want.RequiredMatches, c.Want.RequiredErrorNodes, c.Want.PreferredError, c.Want.PreferredScores}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("case %d (%s) %s pod=%v preferred=%s: mismatch (-want +got):\n%s",
				c.ID, c.Tag, primJSON(c.In.NodeSelector), c.In.PodNodeSelector, primJSON(c.In.Preferred), diff)
		}
	}
}

func nsr(key string, op api.NodeSelectorOperator, vals ...string) api.NodeSelectorRequirement {
	return api.NodeSelectorRequirement{Key: key, Operator: op, Values: vals}
}

func nodeNamed(name string, kv ...string) *api.Node {
	return &api.Node{ObjectMeta: api.ObjectMeta{Name: name, Labels: labelsOf(kv...)}}
}

func TestNodeSelectorRules(t *testing.T) {
	gpu := nodeNamed("gpu-1", "gpu", "4", "zone", "a")
	cpu := nodeNamed("cpu-1", "zone", "b")
	anonymous := nodeNamed("", "gpu", "4")
	term := func(exprs ...api.NodeSelectorRequirement) api.NodeSelectorTerm {
		return api.NodeSelectorTerm{MatchExpressions: exprs}
	}
	fields := func(exprs ...api.NodeSelectorRequirement) api.NodeSelectorTerm {
		return api.NodeSelectorTerm{MatchFields: exprs}
	}
	tests := []struct {
		name  string
		terms []api.NodeSelectorTerm
		want  [3]bool // gpu, cpu, anonymous
	}{
		{"no terms match no node", nil, [3]bool{}},
		{"an empty term matches no node", []api.NodeSelectorTerm{{}}, [3]bool{}},
		{"terms are ORed", []api.NodeSelectorTerm{term(nsr("gpu", api.NodeSelectorOpExists)), term(nsr("zone", api.NodeSelectorOpIn, "b"))}, [3]bool{true, true, true}},
		{"expressions in a term are ANDed", []api.NodeSelectorTerm{term(nsr("gpu", api.NodeSelectorOpExists), nsr("zone", api.NodeSelectorOpIn, "b"))}, [3]bool{}},
		{"NotIn matches a node without the label", []api.NodeSelectorTerm{term(nsr("gpu", api.NodeSelectorOpNotIn, "4"))}, [3]bool{false, true, false}},
		{"DoesNotExist matches a node without the label", []api.NodeSelectorTerm{term(nsr("gpu", api.NodeSelectorOpDoesNotExist))}, [3]bool{false, true, false}},
		{"Gt compares the label as an integer", []api.NodeSelectorTerm{term(nsr("gpu", api.NodeSelectorOpGt, "3"))}, [3]bool{true, false, true}},
		{"Lt does not match a node without the label", []api.NodeSelectorTerm{term(nsr("gpu", api.NodeSelectorOpLt, "10"))}, [3]bool{true, false, true}},
		{"matchFields In compares metadata.name", []api.NodeSelectorTerm{fields(nsr("metadata.name", api.NodeSelectorOpIn, "cpu-1"))}, [3]bool{false, true, true}},
		{"matchFields NotIn excludes metadata.name", []api.NodeSelectorTerm{fields(nsr("metadata.name", api.NodeSelectorOpNotIn, "cpu-1"))}, [3]bool{true, false, true}},
		{"a node with an empty name skips matchFields entirely", []api.NodeSelectorTerm{fields(nsr("metadata.name", api.NodeSelectorOpIn, "nobody"))}, [3]bool{false, false, true}},
		{"an unknown field reads as the empty string", []api.NodeSelectorTerm{fields(nsr("metadata.uid", api.NodeSelectorOpIn, ""))}, [3]bool{true, true, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := api.NewNodeSelector(&api.NodeSelector{NodeSelectorTerms: tt.terms})
			require.NoError(t, err)
			got := [3]bool{m.Match(gpu), m.Match(cpu), m.Match(anonymous)}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("terms %s: matches for gpu, cpu, anonymous (-want +got):\n%s", primJSON(tt.terms), diff)
			}
		})
	}
}

func TestNodeSelectorErrors(t *testing.T) {
	node := nodeNamed("gpu-1", "gpu", "4")
	bad := api.NodeSelectorTerm{MatchExpressions: []api.NodeSelectorRequirement{nsr("gpu", api.NodeSelectorOpGt, "x")}}
	good := api.NodeSelectorTerm{MatchExpressions: []api.NodeSelectorRequirement{nsr("gpu", api.NodeSelectorOpExists)}}
	const badMsg = "nodeSelectorTerms[0].matchExpressions[0].values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer"

	t.Run("NewNodeSelector rejects an invalid term", func(t *testing.T) {
		_, err := api.NewNodeSelector(&api.NodeSelector{NodeSelectorTerms: []api.NodeSelectorTerm{bad, good}})
		require.ErrorIs(t, err, api.ErrInvalidSelector)
		require.EqualError(t, err, badMsg)
	})
	t.Run("the lazy selector ignores an invalid term when another matches", func(t *testing.T) {
		ok, err := api.NewLazyErrorNodeSelector(&api.NodeSelector{NodeSelectorTerms: []api.NodeSelectorTerm{bad, good}}).Match(node)
		require.NoError(t, err)
		require.True(t, ok)
	})
	t.Run("the lazy selector reports invalid terms when none matches", func(t *testing.T) {
		ok, err := api.NewLazyErrorNodeSelector(&api.NodeSelector{NodeSelectorTerms: []api.NodeSelectorTerm{bad, good}}).Match(nodeNamed("cpu"))
		require.False(t, ok)
		require.EqualError(t, err, badMsg)
	})
	t.Run("several problems are bracketed", func(t *testing.T) {
		_, err := api.NewNodeSelector(&api.NodeSelector{NodeSelectorTerms: []api.NodeSelectorTerm{
			{MatchFields: []api.NodeSelectorRequirement{nsr("metadata.name", api.NodeSelectorOpExists), nsr("metadata.name", api.NodeSelectorOpIn)}},
		}})
		require.EqualError(t, err, `[nodeSelectorTerms[0].matchFields[0].operator: Unsupported value: "Exists": supported values: "In", "NotIn", nodeSelectorTerms[0].matchFields[1].values: Invalid value: null: must have one element]`)
	})
	t.Run("a nil node selector matches nothing", func(t *testing.T) {
		m, err := api.NewNodeSelector(nil)
		require.NoError(t, err)
		require.False(t, m.Match(node))
	})
	t.Run("a nil node matches nothing", func(t *testing.T) {
		m, err := api.NewNodeSelector(&api.NodeSelector{NodeSelectorTerms: []api.NodeSelectorTerm{good}})
		require.NoError(t, err)
		require.False(t, m.Match(nil))
	})
}

func TestRequiredNodeAffinityRules(t *testing.T) {
	ssd := nodeNamed("n1", "disk", "ssd", "gpu", "1")
	hdd := nodeNamed("n2", "disk", "hdd", "gpu", "1")
	gpuTerm := &api.NodeSelector{NodeSelectorTerms: []api.NodeSelectorTerm{{MatchExpressions: []api.NodeSelectorRequirement{nsr("gpu", api.NodeSelectorOpExists)}}}}
	badTerm := &api.NodeSelector{NodeSelectorTerms: []api.NodeSelectorTerm{{MatchExpressions: []api.NodeSelectorRequirement{nsr("gpu", api.NodeSelectorOpGt)}}}}
	withAffinity := func(ns *api.NodeSelector) *api.Affinity {
		return &api.Affinity{NodeAffinity: &api.NodeAffinity{RequiredDuringSchedulingIgnoredDuringExecution: ns}}
	}
	tests := []struct {
		name     string
		pod      *api.Pod
		want     [2]bool // ssd, hdd
		wantErrs [2]bool
	}{
		{"a pod without constraints fits every node", &api.Pod{}, [2]bool{true, true}, [2]bool{}},
		{"nodeSelector requires every pair", &api.Pod{Spec: api.PodSpec{NodeSelector: labelsOf("disk", "ssd")}}, [2]bool{true, false}, [2]bool{}},
		{"nodeSelector and required terms are ANDed", &api.Pod{Spec: api.PodSpec{NodeSelector: labelsOf("disk", "ssd"), Affinity: withAffinity(gpuTerm)}}, [2]bool{true, false}, [2]bool{}},
		{"an invalid term errors only on nodes the nodeSelector admits", &api.Pod{Spec: api.PodSpec{NodeSelector: labelsOf("disk", "ssd"), Affinity: withAffinity(badTerm)}}, [2]bool{}, [2]bool{true, false}},
		{"affinity without required terms places no restriction", &api.Pod{Spec: api.PodSpec{Affinity: &api.Affinity{NodeAffinity: &api.NodeAffinity{}}}}, [2]bool{true, true}, [2]bool{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := api.GetRequiredNodeAffinity(tt.pod)
			var got, gotErrs [2]bool
			for i, n := range []*api.Node{ssd, hdd} {
				ok, err := r.Match(n)
				got[i], gotErrs[i] = ok, err != nil
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("matches for ssd, hdd (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantErrs, gotErrs); diff != "" {
				t.Errorf("errors for ssd, hdd (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPreferredSchedulingTermsRules(t *testing.T) {
	node := nodeNamed("n1", "disk", "ssd", "gpu", "2")
	pref := func(w int32, exprs ...api.NodeSelectorRequirement) api.PreferredSchedulingTerm {
		return api.PreferredSchedulingTerm{Weight: w, Preference: api.NodeSelectorTerm{MatchExpressions: exprs}}
	}
	tests := []struct {
		name  string
		terms []api.PreferredSchedulingTerm
		want  int64
	}{
		{"no terms score zero", nil, 0},
		{"matching weights add up", []api.PreferredSchedulingTerm{pref(3, nsr("disk", api.NodeSelectorOpIn, "ssd")), pref(5, nsr("gpu", api.NodeSelectorOpGt, "1"))}, 8},
		{"a term that does not match adds nothing", []api.PreferredSchedulingTerm{pref(3, nsr("disk", api.NodeSelectorOpIn, "hdd"))}, 0},
		{"negative weights subtract", []api.PreferredSchedulingTerm{pref(-4, nsr("disk", api.NodeSelectorOpExists))}, -4},
		{"a zero-weight term is skipped even when invalid", []api.PreferredSchedulingTerm{pref(0, nsr("gpu", api.NodeSelectorOpGt, "x")), pref(1, nsr("gpu", api.NodeSelectorOpExists))}, 1},
		{"an empty preference is skipped", []api.PreferredSchedulingTerm{{Weight: 9}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := api.NewPreferredSchedulingTerms(tt.terms)
			require.NoError(t, err)
			if got := p.Score(node); got != tt.want {
				t.Errorf("Score = %d, want %d", got, tt.want)
			}
		})
	}
	t.Run("an invalid weighted term is reported against its index", func(t *testing.T) {
		_, err := api.NewPreferredSchedulingTerms([]api.PreferredSchedulingTerm{pref(1, nsr("gpu", api.NodeSelectorOpExists)), pref(2, nsr("gpu", "Foo"))})
		require.EqualError(t, err, `[1].matchExpressions[0].operator: Unsupported value: "Foo": supported values: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"`)
	})
}

func TestNodeSelectorRequirementsAsSelector(t *testing.T) {
	t.Run("no requirements select nothing", func(t *testing.T) {
		s, err := api.NodeSelectorRequirementsAsSelector(nil)
		require.NoError(t, err)
		require.True(t, s.IsNothing())
	})
	t.Run("requirements become a sorted label selector", func(t *testing.T) {
		s, err := api.NodeSelectorRequirementsAsSelector([]api.NodeSelectorRequirement{
			nsr("zone", api.NodeSelectorOpNotIn, "b", "a"), nsr("gpu", api.NodeSelectorOpGt, "1"), nsr("arch", api.NodeSelectorOpDoesNotExist),
		})
		require.NoError(t, err)
		require.Equal(t, "!arch,gpu>1,zone notin (a,b)", s.String())
	})
	t.Run("an unknown operator is rejected", func(t *testing.T) {
		_, err := api.NodeSelectorRequirementsAsSelector([]api.NodeSelectorRequirement{nsr("gpu", "Equals", "1")})
		require.EqualError(t, err, `"Equals" is not a valid node selector operator`)
	})
}

func BenchmarkNodeSelectorMatch(b *testing.B) {
	ns := &api.NodeSelector{NodeSelectorTerms: []api.NodeSelectorTerm{
		{MatchExpressions: []api.NodeSelectorRequirement{nsr("gpu", api.NodeSelectorOpExists), nsr("zone", api.NodeSelectorOpIn, "x", "y")}},
		{
			MatchExpressions: []api.NodeSelectorRequirement{
				nsr("kubernetes.io/arch", api.NodeSelectorOpIn, "amd64"),
				nsr("cpu", api.NodeSelectorOpGt, "4"),
				nsr("pool", api.NodeSelectorOpNotIn, "spot"),
			},
			MatchFields: []api.NodeSelectorRequirement{nsr("metadata.name", api.NodeSelectorOpNotIn, "node-0")},
		},
	}}
	m, err := api.NewNodeSelector(ns)
	require.NoError(b, err)
	for _, n := range []int{1, 100} {
		nodes := make([]*api.Node, n)
		for i := range nodes {
			nodes[i] = nodeNamed(fmt.Sprintf("node-%d", i+1), "kubernetes.io/arch", "amd64", "cpu", "16", "pool", "default",
				"kubernetes.io/hostname", fmt.Sprintf("node-%d", i+1), "topology.kubernetes.io/zone", "z")
		}
		b.Run(fmt.Sprintf("nodes=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, node := range nodes {
					if !m.Match(node) {
						b.Fatal("node should match")
					}
				}
			}
		})
	}
}
