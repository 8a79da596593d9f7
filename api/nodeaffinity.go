package api

import (
	"sort"
	"strconv"
)

// This file holds node selector matching with the semantics of Kubernetes'
// k8s.io/component-helpers/scheduling/corev1/nodeaffinity: node selector
// terms are ORed, the expressions and fields within a term are ANDed, a term
// with neither matches nothing, matchFields know only metadata.name, and
// errors name their field paths exactly as Kubernetes does.

// nodeFieldName is the only node field a matchFields requirement can see.
const nodeFieldName = "metadata.name"

// The NotSupported details Kubernetes gives for node selector operators.
const (
	nodeSelectorOperators  = `supported values: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"`
	nodeFieldSelectorOpers = `supported values: "In", "NotIn"`
)

// nodeFieldRequirement is one compiled matchFields entry: the named field must
// (or, for NotIn, must not) equal value.
type nodeFieldRequirement struct {
	key      string
	value    string
	notEqual bool
}

// nodeSelectorTerm is one compiled NodeSelectorTerm. A term that failed to
// compile keeps its errors and never matches.
type nodeSelectorTerm struct {
	labels    Selector
	hasLabels bool
	fields    []nodeFieldRequirement
	hasFields bool
	errs      []fieldError
}

func compileNodeSelectorTerm(term *NodeSelectorTerm, path string) nodeSelectorTerm {
	var t nodeSelectorTerm
	if len(term.MatchExpressions) != 0 {
		var errs []fieldError
		t.labels, errs = nodeRequirementsSelector(term.MatchExpressions, childPath(path, "matchExpressions"))
		t.hasLabels = len(errs) == 0
		t.errs = append(t.errs, errs...)
	}
	if len(term.MatchFields) != 0 {
		var errs []fieldError
		t.fields, errs = nodeFieldRequirements(term.MatchFields, childPath(path, "matchFields"))
		t.hasFields = len(errs) == 0
		t.errs = append(t.errs, errs...)
	}
	return t
}

// match reports whether the node's labels and name satisfy the term; a node
// without a name has no fields, and then matchFields are not consulted.
func (t *nodeSelectorTerm) match(labels map[string]string, name string) bool {
	if t.hasLabels && !t.labels.Matches(labels) {
		return false
	}
	if t.hasFields && name != "" {
		for _, f := range t.fields {
			var got string
			if f.key == nodeFieldName {
				got = name
			}
			if (got == f.value) == f.notEqual {
				return false
			}
		}
	}
	return true
}

func isEmptyNodeSelectorTerm(t *NodeSelectorTerm) bool {
	return len(t.MatchExpressions) == 0 && len(t.MatchFields) == 0
}

func nodeSelectionOperator(op NodeSelectorOperator) (SelectionOperator, bool) {
	switch op {
	case NodeSelectorOpIn:
		return SelectionIn, true
	case NodeSelectorOpNotIn:
		return SelectionNotIn, true
	case NodeSelectorOpExists:
		return SelectionExists, true
	case NodeSelectorOpDoesNotExist:
		return SelectionDoesNotExist, true
	case NodeSelectorOpGt:
		return SelectionGreaterThan, true
	case NodeSelectorOpLt:
		return SelectionLessThan, true
	}
	return "", false
}

// nodeRequirementsSelector compiles matchExpressions, collecting every error.
// Requirements are added one at a time, each addition re-sorting by key, as
// Kubernetes' Selector.Add does.
func nodeRequirementsSelector(reqs []NodeSelectorRequirement, path string) (Selector, []fieldError) {
	var errs []fieldError
	var out []Requirement
	for i := range reqs {
		expr := &reqs[i]
		p := indexPath(path, i)
		op, ok := nodeSelectionOperator(expr.Operator)
		if !ok {
			errs = append(errs, fieldError{path: childPath(p, "operator"), typ: "Unsupported value", value: jsonValue(expr.Operator), detail: nodeSelectorOperators})
			continue
		}
		r, rerrs := newRequirement(expr.Key, op, expr.Values, p)
		if len(rerrs) > 0 {
			errs = append(errs, dedupeFieldErrors(rerrs)...)
			continue
		}
		out = append(out, r)
		sort.Sort(byKey(out))
	}
	if len(errs) > 0 {
		return Selector{}, errs
	}
	return Selector{reqs: out}, nil
}

// dedupeFieldErrors drops repeated messages within one requirement, as
// Kubernetes' ErrorList.ToAggregate does before they are flattened.
func dedupeFieldErrors(errs []fieldError) []fieldError {
	if len(errs) < 2 {
		return errs
	}
	out := errs[:0:0]
	seen := make(map[string]bool, len(errs))
	for _, e := range errs {
		if m := e.Error(); !seen[m] {
			seen[m] = true
			out = append(out, e)
		}
	}
	return out
}

func nodeFieldRequirements(reqs []NodeSelectorRequirement, path string) ([]nodeFieldRequirement, []fieldError) {
	var errs []fieldError
	var out []nodeFieldRequirement
	for i := range reqs {
		expr := &reqs[i]
		p := indexPath(path, i)
		switch expr.Operator {
		case NodeSelectorOpIn, NodeSelectorOpNotIn:
			if len(expr.Values) != 1 {
				errs = append(errs, invalidList(childPath(p, "values"), expr.Values, "must have one element"))
				continue
			}
			out = append(out, nodeFieldRequirement{key: expr.Key, value: expr.Values[0], notEqual: expr.Operator == NodeSelectorOpNotIn})
		default:
			errs = append(errs, fieldError{path: childPath(p, "operator"), typ: "Unsupported value", value: jsonValue(expr.Operator), detail: nodeFieldSelectorOpers})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// NodeSelectorRequirementsAsSelector compiles node selector expressions into a
// label [Selector], as Kubernetes' v1helper.NodeSelectorRequirementsAsSelector:
// no expressions select nothing, and the first invalid expression stops the
// conversion with its error. Gt and Lt become gt and lt requirements.
func NodeSelectorRequirementsAsSelector(reqs []NodeSelectorRequirement) (Selector, error) {
	if len(reqs) == 0 {
		return Nothing(), nil
	}
	var out []Requirement
	for i := range reqs {
		expr := &reqs[i]
		op, ok := nodeSelectionOperator(expr.Operator)
		if !ok {
			return Selector{}, &selectorError{msg: strconv.Quote(string(expr.Operator)) + " is not a valid node selector operator"}
		}
		r, errs := newRequirement(expr.Key, op, expr.Values, "")
		if len(errs) > 0 {
			return Selector{}, newSelectorError(errs)
		}
		out = append(out, r)
		sort.Sort(byKey(out))
	}
	return Selector{reqs: out}, nil
}

// LazyErrorNodeSelector is a compiled [NodeSelector] that keeps terms it
// could not compile and reports their errors only when no other term matches,
// as Kubernetes' nodeaffinity.LazyErrorNodeSelector (what the scheduler uses
// for required node affinity). It is immutable and safe for concurrent use.
type LazyErrorNodeSelector struct {
	terms []nodeSelectorTerm
}

// NewLazyErrorNodeSelector compiles ns. Empty terms are dropped (they match
// nothing); a nil ns, which Kubernetes would dereference, matches nothing.
func NewLazyErrorNodeSelector(ns *NodeSelector) *LazyErrorNodeSelector {
	if ns == nil {
		return &LazyErrorNodeSelector{}
	}
	const path = "nodeSelectorTerms"
	terms := make([]nodeSelectorTerm, 0, len(ns.NodeSelectorTerms))
	for i := range ns.NodeSelectorTerms {
		term := &ns.NodeSelectorTerms[i]
		if isEmptyNodeSelectorTerm(term) {
			continue
		}
		terms = append(terms, compileNodeSelectorTerm(term, indexPath(path, i)))
	}
	return &LazyErrorNodeSelector{terms: terms}
}

// Match reports whether any term matches node. When none does, the error
// lists the problems of every term that failed to compile (nil if all
// compiled). A nil node matches nothing.
func (s *LazyErrorNodeSelector) Match(node *Node) (bool, error) {
	if node == nil {
		return false, nil
	}
	var errs []fieldError
	for i := range s.terms {
		t := &s.terms[i]
		if len(t.errs) > 0 {
			errs = append(errs, t.errs...)
			continue
		}
		if t.match(node.Labels, node.Name) {
			return true, nil
		}
	}
	if len(errs) > 0 {
		return false, newSelectorError(errs)
	}
	return false, nil
}

// errs returns every compile error, in term order.
func (s *LazyErrorNodeSelector) errs() []fieldError {
	var errs []fieldError
	for i := range s.terms {
		errs = append(errs, s.terms[i].errs...)
	}
	return errs
}

// NodeSelectorMatcher is a compiled, valid [NodeSelector], as Kubernetes'
// nodeaffinity.NodeSelector. It is immutable and safe for concurrent use.
type NodeSelectorMatcher struct {
	lazy LazyErrorNodeSelector
}

// NewNodeSelector compiles ns, returning every problem of every term in one
// error (Kubernetes' text, e.g. "[nodeSelectorTerms[0].matchExpressions[0].values:
// Invalid value: null: ..., ...]"). A nil ns matches nothing.
func NewNodeSelector(ns *NodeSelector) (*NodeSelectorMatcher, error) {
	lazy := NewLazyErrorNodeSelector(ns)
	if errs := lazy.errs(); len(errs) > 0 {
		return nil, newSelectorError(errs)
	}
	return &NodeSelectorMatcher{lazy: *lazy}, nil
}

// Match reports whether any term matches node (the terms are ORed; within a
// term, expressions and fields are ANDed). A nil node matches nothing.
func (m *NodeSelectorMatcher) Match(node *Node) bool {
	ok, _ := m.lazy.Match(node)
	return ok
}

// RequiredNodeAffinity is the scheduler's required node placement of a pod:
// its spec.nodeSelector AND its required node affinity terms, as Kubernetes'
// nodeaffinity.RequiredNodeAffinity. The zero value places no restriction.
// It is immutable and safe for concurrent use.
type RequiredNodeAffinity struct {
	labels       Selector
	hasLabels    bool
	nodeSelector *LazyErrorNodeSelector
}

// GetRequiredNodeAffinity returns the required node placement of pod.
func GetRequiredNodeAffinity(pod *Pod) RequiredNodeAffinity {
	if pod == nil {
		return RequiredNodeAffinity{}
	}
	return NewRequiredNodeAffinity(pod.Spec.NodeSelector, pod.Spec.Affinity)
}

// NewRequiredNodeAffinity combines a pod's nodeSelector map and affinity.
// Invalid affinity terms are kept and reported lazily by
// [RequiredNodeAffinity.Match].
func NewRequiredNodeAffinity(nodeSelector map[string]string, affinity *Affinity) RequiredNodeAffinity {
	var r RequiredNodeAffinity
	if len(nodeSelector) > 0 {
		r.labels, r.hasLabels = SelectorFromSet(nodeSelector), true
	}
	if affinity != nil && affinity.NodeAffinity != nil && affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution != nil {
		r.nodeSelector = NewLazyErrorNodeSelector(affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution)
	}
	return r
}

// Match reports whether node satisfies the nodeSelector map and, if present,
// one of the required terms. The error is the lazy selector's: the problems
// of invalid terms when no valid term matched a node the map admitted. A nil
// node matches nothing.
func (r RequiredNodeAffinity) Match(node *Node) (bool, error) {
	if node == nil {
		return false, nil
	}
	if r.hasLabels && !r.labels.Matches(node.Labels) {
		return false, nil
	}
	if r.nodeSelector != nil {
		return r.nodeSelector.Match(node)
	}
	return true, nil
}

// PreferredSchedulingTerms is a compiled list of weighted preferences, as
// Kubernetes' nodeaffinity.PreferredSchedulingTerms. It is immutable and safe
// for concurrent use.
type PreferredSchedulingTerms struct {
	terms []weightedTerm
}

type weightedTerm struct {
	nodeSelectorTerm
	weight int64
}

// NewPreferredSchedulingTerms compiles terms. Terms of weight 0 and empty
// terms are skipped without being checked; negative weights are kept, as in
// Kubernetes. All problems are returned in one error, with paths rooted at the
// term index ("[0].matchExpressions[0]...").
func NewPreferredSchedulingTerms(terms []PreferredSchedulingTerm) (*PreferredSchedulingTerms, error) {
	var errs []fieldError
	out := make([]weightedTerm, 0, len(terms))
	for i := range terms {
		term := &terms[i]
		if term.Weight == 0 || isEmptyNodeSelectorTerm(&term.Preference) {
			continue
		}
		t := compileNodeSelectorTerm(&term.Preference, indexPath("", i))
		if len(t.errs) > 0 {
			errs = append(errs, t.errs...)
			continue
		}
		out = append(out, weightedTerm{nodeSelectorTerm: t, weight: int64(term.Weight)})
	}
	if len(errs) > 0 {
		return nil, newSelectorError(errs)
	}
	return &PreferredSchedulingTerms{terms: out}, nil
}

// Score returns the sum of the weights of the terms node matches. A nil node
// scores 0.
func (t *PreferredSchedulingTerms) Score(node *Node) int64 {
	if node == nil {
		return 0
	}
	var score int64
	for i := range t.terms {
		if t.terms[i].match(node.Labels, node.Name) {
			score += t.terms[i].weight
		}
	}
	return score
}
