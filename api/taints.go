package api

// This file holds taint and toleration matching with the semantics of
// Kubernetes' k8s.io/api/core/v1 (Toleration.ToleratesTaint, Taint.ToString)
// and k8s.io/component-helpers/scheduling/corev1 (TolerationsTolerateTaint,
// FindMatchingUntoleratedTaint). All functions are pure and safe for
// concurrent use.

// ToleratesTaint reports whether t tolerates taint with Kubernetes' default
// feature gates, under which the comparison operators Lt and Gt are disabled
// and never tolerate:
//
//   - an empty effect matches every effect, otherwise the effects must be equal;
//   - an empty key matches every key, otherwise the keys must be equal;
//   - Exists matches every value; Equal, or an empty operator, needs equal
//     values; any other operator (including "exists" or "Equal " misspelled)
//     matches nothing.
//
// TolerationSeconds is not consulted.
func (t *Toleration) ToleratesTaint(taint *Taint) bool {
	return t.toleratesTaint(taint, false)
}

// ToleratesTaintWithComparison is [Toleration.ToleratesTaint] with
// Kubernetes' TaintTolerationComparisonOperators gate enabled: Lt tolerates a
// taint whose value is less than the toleration's, Gt one whose value is
// greater. Both values must be decimal integers in canonical form (see
// [IsDecimalInteger]) that fit an int64; otherwise the toleration does not
// match (Kubernetes also returns, and the scheduler logs, a parse error).
func (t *Toleration) ToleratesTaintWithComparison(taint *Taint) bool {
	return t.toleratesTaint(taint, true)
}

func (t *Toleration) toleratesTaint(taint *Taint, comparison bool) bool {
	if t.Effect != "" && t.Effect != taint.Effect {
		return false
	}
	if t.Key != "" && t.Key != taint.Key {
		return false
	}
	switch t.Operator {
	case "", TolerationOpEqual:
		return t.Value == taint.Value
	case TolerationOpExists:
		return true
	case TolerationOpLt, TolerationOpGt:
		if !comparison {
			return false
		}
		tol, ok := canonicalInt64(t.Value)
		if !ok {
			return false
		}
		val, ok := canonicalInt64(taint.Value)
		if !ok {
			return false
		}
		if t.Operator == TolerationOpLt {
			return val < tol
		}
		return val > tol
	}
	return false
}

// canonicalInt64 parses s when it is a canonical decimal integer within int64.
func canonicalInt64(s string) (int64, bool) {
	if s == "" || !isCanonicalDecimal(s) {
		return 0, false
	}
	return parseInt64(s)
}

// MatchToleration reports whether t and other have the same key, operator,
// value and effect, the identity Kubernetes uses for tolerations.
func (t *Toleration) MatchToleration(other *Toleration) bool {
	return t.Key == other.Key && t.Effect == other.Effect && t.Operator == other.Operator && t.Value == other.Value
}

// TolerationsTolerateTaint reports whether any of tolerations tolerates taint
// ([Toleration.ToleratesTaint], comparison operators disabled).
func TolerationsTolerateTaint(tolerations []Toleration, taint *Taint) bool {
	return tolerationsTolerate(tolerations, taint, false)
}

// TolerationsTolerateTaintWithComparison is [TolerationsTolerateTaint] with
// the Lt and Gt operators enabled.
func TolerationsTolerateTaintWithComparison(tolerations []Toleration, taint *Taint) bool {
	return tolerationsTolerate(tolerations, taint, true)
}

func tolerationsTolerate(tolerations []Toleration, taint *Taint, comparison bool) bool {
	for i := range tolerations {
		if tolerations[i].toleratesTaint(taint, comparison) {
			return true
		}
	}
	return false
}

// FindMatchingUntoleratedTaint returns the first taint, in order, that filter
// accepts and no toleration tolerates, and true; or the zero Taint and false
// when every such taint is tolerated. A nil filter accepts every taint. The
// scheduler's TaintToleration filter passes a filter accepting NoSchedule and
// NoExecute. Comparison operators are disabled.
func FindMatchingUntoleratedTaint(taints []Taint, tolerations []Toleration, filter func(*Taint) bool) (Taint, bool) {
	return findUntolerated(taints, tolerations, filter, false)
}

// FindMatchingUntoleratedTaintWithComparison is
// [FindMatchingUntoleratedTaint] with the Lt and Gt operators enabled.
func FindMatchingUntoleratedTaintWithComparison(taints []Taint, tolerations []Toleration, filter func(*Taint) bool) (Taint, bool) {
	return findUntolerated(taints, tolerations, filter, true)
}

func findUntolerated(taints []Taint, tolerations []Toleration, filter func(*Taint) bool, comparison bool) (Taint, bool) {
	for i := range taints {
		taint := &taints[i]
		if filter != nil && !filter(taint) {
			continue
		}
		if !tolerationsTolerate(tolerations, taint, comparison) {
			return *taint, true
		}
	}
	return Taint{}, false
}

// String renders the taint as Kubernetes' Taint.ToString: "key=value:effect",
// "key:effect" without a value, "key=value:" without an effect, and "key"
// with neither.
func (t Taint) String() string {
	switch {
	case t.Effect == "" && t.Value == "":
		return t.Key
	case t.Effect == "":
		return t.Key + "=" + t.Value + ":"
	case t.Value == "":
		return t.Key + ":" + string(t.Effect)
	}
	return t.Key + "=" + t.Value + ":" + string(t.Effect)
}

// MatchTaint reports whether t and other have the same key and effect, the
// identity Kubernetes uses for taints.
func (t *Taint) MatchTaint(other *Taint) bool {
	return t.Key == other.Key && t.Effect == other.Effect
}

// MatchTaintByKey reports whether t and other have the same key.
func (t *Taint) MatchTaintByKey(other *Taint) bool {
	return t.Key == other.Key
}
