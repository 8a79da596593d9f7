package api_test

import (
	"fmt"

	"github.com/gantryhq/gantry/api"
)

func ExampleParseSelector() {
	sel, err := api.ParseSelector("tier in (web, cache), app=shop, !legacy")
	if err != nil {
		panic(err)
	}
	fmt.Println(sel.String())
	fmt.Println(sel.Matches(map[string]string{"app": "shop", "tier": "web"}))
	fmt.Println(sel.Matches(map[string]string{"app": "shop", "tier": "web", "legacy": "true"}))

	_, err = api.ParseSelector("app in web")
	fmt.Println(err)
	// Output:
	// app=shop,!legacy,tier in (cache,web)
	// true
	// false
	// unable to parse requirement: found 'web' expected: '('
}

func ExampleLabelSelectorAsSelector() {
	sel, err := api.LabelSelectorAsSelector(&api.LabelSelector{
		MatchLabels: map[string]string{"app": "shop"},
		MatchExpressions: []api.LabelSelectorRequirement{
			{Key: "track", Operator: api.LabelSelectorOpNotIn, Values: []string{"canary"}},
		},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(sel.String())
	// NotIn matches a label set without the key.
	fmt.Println(sel.Matches(map[string]string{"app": "shop"}))

	none, _ := api.LabelSelectorAsSelector(nil)
	all, _ := api.LabelSelectorAsSelector(&api.LabelSelector{})
	fmt.Println(none.Matches(nil), all.Matches(nil))

	_, err = api.LabelSelectorAsSelector(&api.LabelSelector{
		MatchExpressions: []api.LabelSelectorRequirement{{Key: "app", Operator: api.LabelSelectorOpIn}},
	})
	fmt.Println(err)
	// Output:
	// app=shop,track notin (canary)
	// true
	// false true
	// values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty
}

func ExampleSelectorFromSet() {
	sel := api.SelectorFromSet(map[string]string{"zone": "a", "app": "shop"})
	fmt.Println(sel.String())
	fmt.Println(sel.Matches(map[string]string{"app": "shop", "zone": "a", "extra": "x"}))
	// Output:
	// app=shop,zone=a
	// true
}

func ExampleNewRequirement() {
	r, err := api.NewRequirement("replicas", api.SelectionGreaterThan, []string{"2"})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.String(), r.Matches(map[string]string{"replicas": "3"}))

	_, err = api.NewRequirement("replicas", api.SelectionGreaterThan, []string{"two"})
	fmt.Println(err)
	// Output:
	// replicas>2 true
	// values[0]: Invalid value: "two": for 'Gt', 'Lt' operators, the value must be an integer
}

func ExampleNewNodeSelector() {
	m, err := api.NewNodeSelector(&api.NodeSelector{NodeSelectorTerms: []api.NodeSelectorTerm{
		{MatchExpressions: []api.NodeSelectorRequirement{{Key: "gpu", Operator: api.NodeSelectorOpGt, Values: []string{"1"}}}},
		{MatchFields: []api.NodeSelectorRequirement{{Key: "metadata.name", Operator: api.NodeSelectorOpIn, Values: []string{"node-7"}}}},
	}})
	if err != nil {
		panic(err)
	}
	node := func(name string, labels map[string]string) *api.Node {
		return &api.Node{ObjectMeta: api.ObjectMeta{Name: name, Labels: labels}}
	}
	fmt.Println(m.Match(node("node-1", map[string]string{"gpu": "4"})))
	fmt.Println(m.Match(node("node-7", nil)))
	fmt.Println(m.Match(node("node-2", map[string]string{"gpu": "1"})))

	_, err = api.NewNodeSelector(&api.NodeSelector{NodeSelectorTerms: []api.NodeSelectorTerm{
		{MatchExpressions: []api.NodeSelectorRequirement{{Key: "gpu", Operator: "Equals", Values: []string{"1"}}}},
	}})
	fmt.Println(err)
	// Output:
	// true
	// true
	// false
	// nodeSelectorTerms[0].matchExpressions[0].operator: Unsupported value: "Equals": supported values: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"
}

func ExampleNewLazyErrorNodeSelector() {
	s := api.NewLazyErrorNodeSelector(&api.NodeSelector{NodeSelectorTerms: []api.NodeSelectorTerm{
		{MatchExpressions: []api.NodeSelectorRequirement{{Key: "gpu", Operator: api.NodeSelectorOpGt}}},
		{MatchExpressions: []api.NodeSelectorRequirement{{Key: "ssd", Operator: api.NodeSelectorOpExists}}},
	}})
	ok, err := s.Match(&api.Node{ObjectMeta: api.ObjectMeta{Name: "a", Labels: map[string]string{"ssd": ""}}})
	fmt.Println(ok, err)
	ok, err = s.Match(&api.Node{ObjectMeta: api.ObjectMeta{Name: "b"}})
	fmt.Println(ok, err)
	// Output:
	// true <nil>
	// false nodeSelectorTerms[0].matchExpressions[0].values: Invalid value: null: for 'Gt', 'Lt' operators, exactly one value is required
}

func ExampleGetRequiredNodeAffinity() {
	pod := &api.Pod{Spec: api.PodSpec{
		NodeSelector: map[string]string{"disk": "ssd"},
		Affinity: &api.Affinity{NodeAffinity: &api.NodeAffinity{
			RequiredDuringSchedulingIgnoredDuringExecution: &api.NodeSelector{NodeSelectorTerms: []api.NodeSelectorTerm{
				{MatchExpressions: []api.NodeSelectorRequirement{{Key: "zone", Operator: api.NodeSelectorOpIn, Values: []string{"a", "b"}}}},
			}},
		}},
	}}
	r := api.GetRequiredNodeAffinity(pod)
	for _, labels := range []map[string]string{
		{"disk": "ssd", "zone": "a"},
		{"disk": "hdd", "zone": "a"},
		{"disk": "ssd", "zone": "c"},
	} {
		ok, _ := r.Match(&api.Node{ObjectMeta: api.ObjectMeta{Name: "n", Labels: labels}})
		fmt.Println(labels, ok)
	}
	// Output:
	// map[disk:ssd zone:a] true
	// map[disk:hdd zone:a] false
	// map[disk:ssd zone:c] false
}

func ExampleNewPreferredSchedulingTerms() {
	p, err := api.NewPreferredSchedulingTerms([]api.PreferredSchedulingTerm{
		{Weight: 10, Preference: api.NodeSelectorTerm{MatchExpressions: []api.NodeSelectorRequirement{{Key: "disk", Operator: api.NodeSelectorOpIn, Values: []string{"ssd"}}}}},
		{Weight: 3, Preference: api.NodeSelectorTerm{MatchExpressions: []api.NodeSelectorRequirement{{Key: "zone", Operator: api.NodeSelectorOpExists}}}},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Score(&api.Node{ObjectMeta: api.ObjectMeta{Labels: map[string]string{"disk": "ssd", "zone": "a"}}}))
	fmt.Println(p.Score(&api.Node{ObjectMeta: api.ObjectMeta{Labels: map[string]string{"zone": "a"}}}))
	// Output:
	// 13
	// 3
}

func ExampleNodeSelectorRequirementsAsSelector() {
	sel, err := api.NodeSelectorRequirementsAsSelector([]api.NodeSelectorRequirement{
		{Key: "zone", Operator: api.NodeSelectorOpNotIn, Values: []string{"b", "a"}},
		{Key: "cpu", Operator: api.NodeSelectorOpGt, Values: []string{"4"}},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(sel.String())
	// Output:
	// cpu>4,zone notin (a,b)
}

func ExampleToleration_ToleratesTaint() {
	taint := &api.Taint{Key: "dedicated", Value: "gpu", Effect: api.TaintEffectNoSchedule}
	for _, tol := range []api.Toleration{
		{Operator: api.TolerationOpExists},
		{Key: "dedicated", Value: "gpu"},
		{Key: "dedicated", Operator: api.TolerationOpEqual, Value: "gpu", Effect: api.TaintEffectNoExecute},
	} {
		fmt.Println(tol.ToleratesTaint(taint))
	}
	// Output:
	// true
	// true
	// false
}

func ExampleToleration_ToleratesTaintWithComparison() {
	taint := &api.Taint{Key: "slots", Value: "8", Effect: api.TaintEffectNoSchedule}
	tol := api.Toleration{Key: "slots", Operator: api.TolerationOpLt, Value: "16"}
	fmt.Println(tol.ToleratesTaint(taint), tol.ToleratesTaintWithComparison(taint))
	// Output:
	// false true
}

func ExampleFindMatchingUntoleratedTaint() {
	taints := []api.Taint{
		{Key: "soft", Effect: api.TaintEffectPreferNoSchedule},
		{Key: "dedicated", Value: "gpu", Effect: api.TaintEffectNoSchedule},
	}
	scheduling := func(t *api.Taint) bool {
		return t.Effect == api.TaintEffectNoSchedule || t.Effect == api.TaintEffectNoExecute
	}
	taint, found := api.FindMatchingUntoleratedTaint(taints, nil, scheduling)
	fmt.Println(found, taint)
	_, found = api.FindMatchingUntoleratedTaint(taints, []api.Toleration{{Key: "dedicated", Operator: api.TolerationOpExists}}, scheduling)
	fmt.Println(found)
	// Output:
	// true dedicated=gpu:NoSchedule
	// false
}

func ExampleTaint_String() {
	fmt.Println(api.Taint{Key: "k", Value: "v", Effect: api.TaintEffectNoExecute})
	fmt.Println(api.Taint{Key: "k", Effect: api.TaintEffectNoSchedule})
	fmt.Println(api.Taint{Key: "k", Value: "v"})
	// Output:
	// k=v:NoExecute
	// k:NoSchedule
	// k=v:
}

func ExampleIsQualifiedName() {
	fmt.Println(api.IsQualifiedName("example.com/app"))
	fmt.Println(api.IsQualifiedName("example.com/"))
	// Output:
	// []
	// [name part must be non-empty name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')]
}

func ExampleIsDNS1123Label() {
	fmt.Println(api.IsDNS1123Label("web-1"))
	fmt.Println(api.IsDNS1123Label("web.1"))
	// Output:
	// []
	// [must not contain dots]
}

func ExampleNameIsDNSSubdomain() {
	// A generateName prefix may end in '-'; a name may not.
	fmt.Println(len(api.NameIsDNSSubdomain("web-", true)), len(api.NameIsDNSSubdomain("web-", false)))
	// Output:
	// 0 1
}

func ExampleIsDecimalInteger() {
	for _, s := range []string{"42", "-7", "007", "+1", ""} {
		fmt.Printf("%q %v\n", s, api.IsDecimalInteger(s))
	}
	// Output:
	// "42" []
	// "-7" []
	// "007" [must be a valid decimal integer in canonical form]
	// "+1" [must be a valid decimal integer in canonical form]
	// "" [must be non-empty]
}

func ExampleNothing() {
	everything, nothing := api.Everything(), api.Nothing()
	fmt.Println(everything.Empty(), everything.Matches(nil))
	fmt.Println(nothing.Empty(), nothing.IsNothing(), nothing.Matches(nil))
	// The zero Selector is Everything.
	var zero api.Selector
	fmt.Println(zero.Empty())
	// Output:
	// true true
	// false true false
	// true
}

func ExampleSelector_RequiresExactMatch() {
	sel, _ := api.ParseSelector("app in (shop),tier in (web,cache)")
	fmt.Println(sel.RequiresExactMatch("app"))
	fmt.Println(sel.RequiresExactMatch("tier"))
	// Output:
	// shop true
	//  false
}

func ExampleLabelSelector_Matches() {
	ls := &api.LabelSelector{MatchExpressions: []api.LabelSelectorRequirement{
		{Key: "env", Operator: api.LabelSelectorOpIn, Values: []string{"prod", "staging"}},
	}}
	fmt.Println(ls.Matches(map[string]string{"env": "prod"}))
	fmt.Println(ls.Matches(map[string]string{"env": "dev"}))
	// Output:
	// true <nil>
	// false <nil>
}

func ExampleFormatLabelSelector() {
	fmt.Println(api.FormatLabelSelector(&api.LabelSelector{MatchLabels: map[string]string{"app": "shop"}}))
	fmt.Println(api.FormatLabelSelector(&api.LabelSelector{}))
	fmt.Println(api.FormatLabelSelector(&api.LabelSelector{MatchLabels: map[string]string{"app": "-"}}))
	// Output:
	// app=shop
	// <none>
	// <error>
}

func ExampleTolerationsTolerateTaint() {
	tolerations := []api.Toleration{
		{Key: "node.kubernetes.io/not-ready", Operator: api.TolerationOpExists, Effect: api.TaintEffectNoExecute},
		{Key: "slots", Operator: api.TolerationOpGt, Value: "2"},
	}
	notReady := &api.Taint{Key: "node.kubernetes.io/not-ready", Effect: api.TaintEffectNoExecute}
	slots := &api.Taint{Key: "slots", Value: "4", Effect: api.TaintEffectNoSchedule}
	fmt.Println(api.TolerationsTolerateTaint(tolerations, notReady))
	fmt.Println(api.TolerationsTolerateTaint(tolerations, slots), api.TolerationsTolerateTaintWithComparison(tolerations, slots))
	// Output:
	// true
	// false true
}

func ExampleIsValidLabelValue() {
	fmt.Println(api.IsValidLabelValue(""))
	fmt.Println(api.IsValidLabelValue("v1.2_beta"))
	fmt.Println(api.IsValidLabelValue("-v1"))
	// Output:
	// []
	// []
	// [a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')]
}

func ExampleIsValidPortName() {
	fmt.Println(api.IsValidPortName("http-alt"))
	fmt.Println(api.IsValidPortName("8080"))
	// Output:
	// []
	// [must contain at least one letter (a-z)]
}

func ExampleIsValidIP() {
	fmt.Println(api.IsValidIP("10.0.0.010"))
	fmt.Println(api.IsValidIP("10.0.0.256"))
	fmt.Println(api.IsValidCIDR("fd00::/64"))
	// Output:
	// []
	// [must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)]
	// []
}
