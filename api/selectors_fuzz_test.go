package api_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gantryhq/gantry/api"
)

// naiveRequirementMatches is the specification of one requirement, written
// from Kubernetes' documentation and independent of Requirement.Matches.
func naiveRequirementMatches(r api.Requirement, labels map[string]string) bool {
	v, has := labels[r.Key()]
	vals := r.Values()
	switch r.Operator() {
	case api.SelectionEquals, api.SelectionDoubleEquals, api.SelectionIn:
		return has && slices.Contains(vals, v)
	case api.SelectionNotEquals, api.SelectionNotIn:
		return !has || !slices.Contains(vals, v)
	case api.SelectionExists:
		return has
	case api.SelectionDoesNotExist:
		return !has
	case api.SelectionGreaterThan, api.SelectionLessThan:
		if !has || len(vals) != 1 {
			return false
		}
		got, err1 := strconv.ParseInt(v, 10, 64)
		bound, err2 := strconv.ParseInt(vals[0], 10, 64)
		if err1 != nil || err2 != nil {
			return false
		}
		if r.Operator() == api.SelectionGreaterThan {
			return got > bound
		}
		return got < bound
	}
	return false
}

func naiveSelectorMatches(s api.Selector, labels map[string]string) bool {
	if s.IsNothing() {
		return false
	}
	for _, r := range s.Requirements() {
		if !naiveRequirementMatches(r, labels) {
			return false
		}
	}
	return true
}

// probeLabelSets builds label sets that exercise every requirement of s: each
// key absent, present with each of its values, empty, and numeric neighbours.
func probeLabelSets(s api.Selector) []map[string]string {
	sets := []map[string]string{{}, nil}
	all := map[string]string{}
	for _, r := range s.Requirements() {
		candidates := append(r.Values(), "", "0", "-1", "x")
		for _, v := range r.Values() {
			if n, err := strconv.ParseInt(v, 10, 64); err == nil {
				candidates = append(candidates, strconv.FormatInt(n-1, 10), strconv.FormatInt(n+1, 10))
			}
		}
		for _, v := range candidates {
			sets = append(sets, map[string]string{r.Key(): v})
		}
		if vals := r.Values(); len(vals) > 0 {
			all[r.Key()] = vals[0]
		} else {
			all[r.Key()] = "present"
		}
		if len(sets) > 64 {
			break
		}
	}
	return append(sets, all)
}

// checkSelectorProperties checks s against the naive oracle and checks that
// its string form parses back to a selector that behaves the same.
func checkSelectorProperties(t *testing.T, source string, s api.Selector) {
	t.Helper()
	probes := probeLabelSets(s)
	for _, set := range probes {
		if got, want := s.Matches(set), naiveSelectorMatches(s, set); got != want {
			t.Fatalf("%s: Matches(%v) = %v, naive oracle says %v", source, set, got, want)
		}
	}
	if s.IsNothing() {
		return
	}
	str := s.String()
	again, err := api.ParseSelector(str)
	if err != nil {
		t.Fatalf("%s: String() = %q does not parse: %v", source, str, err)
	}
	for _, set := range probes {
		if s.Matches(set) != again.Matches(set) {
			t.Fatalf("%s: reparsed %q disagrees on %v", source, str, set)
		}
	}
	if again.Empty() != s.Empty() {
		t.Fatalf("%s: reparsed %q: Empty() = %v, want %v", source, str, again.Empty(), s.Empty())
	}
}

func FuzzParseSelector(f *testing.F) {
	var fx struct {
		Cases []struct {
			In struct{ S string } `json:"in"`
		} `json:"cases"`
	}
	primFixture(f, "selectorstrings.json.gz", &fx)
	for _, c := range fx.Cases {
		f.Add(c.In.S)
	}
	f.Add("a\x00b=c")
	f.Add("x in (a,,b),!y,z notin ()")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := api.ParseSelector(in)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("ParseSelector(%q): empty error text", in)
			}
			return
		}
		str := s.String()
		again, err := api.ParseSelector(str)
		if err != nil {
			t.Fatalf("ParseSelector(%q).String() = %q does not parse: %v", in, str, err)
		}
		// Parsed selectors have sorted, de-duplicated sets, so the canonical
		// string is a fixed point.
		if again.String() != str {
			t.Fatalf("ParseSelector(%q): String() %q reparses to %q", in, str, again.String())
		}
		checkSelectorProperties(t, strconv.Quote(in), s)
	})
}

// splitValues turns a fuzzed string into a value list: nil when empty,
// otherwise the comma-separated parts (so "" inside the list is possible).
func splitValues(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func FuzzLabelSelector(f *testing.F) {
	f.Add("app", "In", "web,db", "tier", "frontend", false)
	f.Add("app", "NotIn", "", "", "", false)
	f.Add("example.com/k", "Exists", "", "k", "", false)
	f.Add("k", "DoesNotExist", "x", "a/b/c", "v", false)
	f.Add("k", "Gt", "1", "", "", false)
	f.Add("in", "In", "in,notin,,", "notin", "in", false)
	f.Add("", "", "", "", "", true)
	f.Fuzz(func(t *testing.T, key, op, values, labelKey, labelValue string, isNil bool) {
		var ls *api.LabelSelector
		if !isNil {
			ls = &api.LabelSelector{}
			if key != "" || op != "" {
				ls.MatchExpressions = []api.LabelSelectorRequirement{{Key: key, Operator: api.LabelSelectorOperator(op), Values: splitValues(values)}}
			}
			if labelKey != "" {
				ls.MatchLabels = map[string]string{labelKey: labelValue}
			}
		}
		s, err := api.LabelSelectorAsSelector(ls)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("empty error text for %s", primJSON(ls))
			}
			return
		}
		switch {
		case ls == nil:
			if !s.IsNothing() {
				t.Fatalf("nil LabelSelector gave %q, want Nothing", s.String())
			}
		case len(ls.MatchLabels)+len(ls.MatchExpressions) == 0:
			if !s.Empty() {
				t.Fatalf("empty LabelSelector gave %q, want Everything", s.String())
			}
		}
		// The compiled selector agrees with the API type's own semantics.
		for _, set := range probeLabelSets(s) {
			if got, want := s.Matches(set), naiveLabelSelectorMatches(ls, set); got != want {
				t.Fatalf("%s: Matches(%v) = %v, want %v", primJSON(ls), set, got, want)
			}
		}
		checkSelectorProperties(t, primJSON(ls), s)
	})
}

// naiveLabelSelectorMatches is metav1.LabelSelector's documented meaning.
func naiveLabelSelectorMatches(ls *api.LabelSelector, labels map[string]string) bool {
	if ls == nil {
		return false
	}
	for k, v := range ls.MatchLabels {
		if got, ok := labels[k]; !ok || got != v {
			return false
		}
	}
	for _, e := range ls.MatchExpressions {
		v, has := labels[e.Key]
		switch e.Operator {
		case api.LabelSelectorOpIn:
			if !has || !slices.Contains(e.Values, v) {
				return false
			}
		case api.LabelSelectorOpNotIn:
			if has && slices.Contains(e.Values, v) {
				return false
			}
		case api.LabelSelectorOpExists:
			if !has {
				return false
			}
		case api.LabelSelectorOpDoesNotExist:
			if has {
				return false
			}
		}
	}
	return true
}
