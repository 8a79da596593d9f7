package api

import (
	"encoding/json"
	"errors"
	"sort"
	"strconv"
	"strings"
)

// This file holds label selectors with the semantics of Kubernetes'
// k8s.io/apimachinery/pkg/labels and metav1.LabelSelectorAsSelector: the
// compiled [Selector], its [Requirement]s, the string syntax parser
// [ParseSelector], and the conversion from the [LabelSelector] API type.
//
// Error texts are byte-identical to Kubernetes' err.Error(), which is why they
// carry no "api:" prefix; every such error matches [ErrInvalidSelector] under
// errors.Is.

// ErrInvalidSelector is matched (errors.Is) by every error returned for a
// label selector, selector string or node selector that Kubernetes would
// reject.
var ErrInvalidSelector = errors.New("api: invalid selector")

// SelectionOperator is the operator of a [Requirement], spelled as
// apimachinery's selection.Operator.
type SelectionOperator string

// Selection operators.
const (
	SelectionDoesNotExist SelectionOperator = "!"
	SelectionEquals       SelectionOperator = "="
	SelectionDoubleEquals SelectionOperator = "=="
	SelectionIn           SelectionOperator = "in"
	SelectionNotEquals    SelectionOperator = "!="
	SelectionNotIn        SelectionOperator = "notin"
	SelectionExists       SelectionOperator = "exists"
	SelectionGreaterThan  SelectionOperator = "gt"
	SelectionLessThan     SelectionOperator = "lt"
)

// opKind is the operator reduced to its matching behaviour, so that Matches
// switches on a byte rather than comparing strings.
type opKind uint8

const (
	kindInvalid opKind = iota
	kindIn             // in, =, ==
	kindNotIn          // notin, !=
	kindExists
	kindDoesNotExist
	kindGreaterThan
	kindLessThan
)

func kindOf(op SelectionOperator) opKind {
	switch op {
	case SelectionIn, SelectionEquals, SelectionDoubleEquals:
		return kindIn
	case SelectionNotIn, SelectionNotEquals:
		return kindNotIn
	case SelectionExists:
		return kindExists
	case SelectionDoesNotExist:
		return kindDoesNotExist
	case SelectionGreaterThan:
		return kindGreaterThan
	case SelectionLessThan:
		return kindLessThan
	}
	return kindInvalid
}

// Requirement is one clause of a [Selector]: a key, an operator and values.
// Requirements are immutable; build them with [NewRequirement] (the zero
// Requirement matches nothing). Safe for concurrent use.
type Requirement struct {
	key    string
	op     SelectionOperator
	values []string // as given; never mutated
	kind   opKind
	num    int64 // the value of gt/lt, when numOK
	numOK  bool
}

// NewRequirement builds a requirement, validating it as Kubernetes'
// labels.NewRequirement does: the key must be a qualified name; in/notin need
// at least one value; =, == and != exactly one; exists and ! none; gt and lt
// exactly one decimal int64; every value must be a valid label value. All
// problems are reported at once, in Kubernetes' text. vals is copied.
func NewRequirement(key string, op SelectionOperator, vals []string) (Requirement, error) {
	r, errs := newRequirement(key, op, vals, "")
	if len(errs) > 0 {
		return Requirement{}, newSelectorError(errs)
	}
	return r, nil
}

// newRequirement validates and builds a requirement; path prefixes the field
// paths in error messages (Kubernetes' field.WithPath).
func newRequirement(key string, op SelectionOperator, vals []string, path string) (Requirement, []fieldError) {
	var errs []fieldError
	if msgs := IsQualifiedName(key); len(msgs) > 0 {
		errs = append(errs, invalidString(childPath(path, "key"), key, strings.Join(msgs, "; ")))
	}
	valuesPath := childPath(path, "values")
	kind := kindOf(op)
	switch kind {
	case kindIn, kindNotIn:
		if op == SelectionIn || op == SelectionNotIn {
			if len(vals) == 0 {
				errs = append(errs, invalidList(valuesPath, vals, "for 'in', 'notin' operators, values set can't be empty"))
			}
		} else if len(vals) != 1 {
			errs = append(errs, invalidList(valuesPath, vals, "exact-match compatibility requires one single value"))
		}
	case kindExists, kindDoesNotExist:
		if len(vals) != 0 {
			errs = append(errs, invalidList(valuesPath, vals, "values set must be empty for exists and does not exist"))
		}
	case kindGreaterThan, kindLessThan:
		if len(vals) != 1 {
			errs = append(errs, invalidList(valuesPath, vals, "for 'Gt', 'Lt' operators, exactly one value is required"))
		}
		for i, v := range vals {
			if _, ok := parseInt64(v); !ok {
				errs = append(errs, invalidString(indexPath(valuesPath, i), v, "for 'Gt', 'Lt' operators, the value must be an integer"))
			}
		}
	default:
		errs = append(errs, fieldError{
			path:   childPath(path, "operator"),
			typ:    "Unsupported value",
			value:  jsonValue(op),
			detail: `supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"`,
		})
	}
	for i, v := range vals {
		if msgs := IsValidLabelValue(v); len(msgs) > 0 {
			errs = append(errs, invalidString(keyPath(indexPath(valuesPath, i), key), v, strings.Join(msgs, "; ")))
		}
	}
	if len(errs) > 0 {
		return Requirement{}, errs
	}
	r := Requirement{key: key, op: op, kind: kind}
	if len(vals) > 0 {
		r.values = append([]string(nil), vals...)
	}
	if (kind == kindGreaterThan || kind == kindLessThan) && len(vals) == 1 {
		r.num, r.numOK = parseInt64(vals[0])
	}
	return r, nil
}

// Key returns the label key the requirement tests.
func (r Requirement) Key() string { return r.key }

// Operator returns the requirement's operator.
func (r Requirement) Operator() SelectionOperator { return r.op }

// Values returns the requirement's distinct values, sorted, in a new slice
// (Kubernetes returns a set).
func (r Requirement) Values() []string {
	out := append([]string(nil), r.values...)
	sort.Strings(out)
	return compactSorted(out)
}

// ValuesUnsorted returns a copy of the values in the order they were given.
func (r Requirement) ValuesUnsorted() []string {
	return append(make([]string, 0, len(r.values)), r.values...)
}

// Matches reports whether labels satisfy the requirement. As in Kubernetes,
// notin and != match a label set that lacks the key; gt and lt need the label
// to parse as a decimal int64. It never allocates.
func (r *Requirement) Matches(labels map[string]string) bool {
	switch r.kind {
	case kindIn:
		v, ok := labels[r.key]
		return ok && r.hasValue(v)
	case kindNotIn:
		v, ok := labels[r.key]
		return !ok || !r.hasValue(v)
	case kindExists:
		_, ok := labels[r.key]
		return ok
	case kindDoesNotExist:
		_, ok := labels[r.key]
		return !ok
	case kindGreaterThan, kindLessThan:
		v, ok := labels[r.key]
		if !ok || !r.numOK {
			return false
		}
		n, ok := parseInt64(v)
		if !ok {
			return false
		}
		if r.kind == kindGreaterThan {
			return n > r.num
		}
		return n < r.num
	}
	return false
}

func (r *Requirement) hasValue(v string) bool {
	for i := range r.values {
		if r.values[i] == v {
			return true
		}
	}
	return false
}

// String renders the requirement in selector syntax, as Kubernetes does:
// "k=v", "k==v", "k!=v", "k in (a,b)", "k notin (a,b)", "k", "!k", "k>1",
// "k<1". Several values are printed sorted.
func (r Requirement) String() string {
	var b strings.Builder
	r.writeTo(&b)
	return b.String()
}

func (r *Requirement) writeTo(b *strings.Builder) {
	if r.op == SelectionDoesNotExist {
		b.WriteByte('!')
	}
	b.WriteString(r.key)
	switch r.op {
	case SelectionEquals:
		b.WriteString("=")
	case SelectionDoubleEquals:
		b.WriteString("==")
	case SelectionNotEquals:
		b.WriteString("!=")
	case SelectionIn:
		b.WriteString(" in ")
	case SelectionNotIn:
		b.WriteString(" notin ")
	case SelectionGreaterThan:
		b.WriteString(">")
	case SelectionLessThan:
		b.WriteString("<")
	case SelectionExists, SelectionDoesNotExist:
		return
	}
	paren := r.op == SelectionIn || r.op == SelectionNotIn
	if paren {
		b.WriteByte('(')
	}
	if len(r.values) == 1 {
		b.WriteString(r.values[0])
	} else {
		vals := r.values
		if !sort.StringsAreSorted(vals) {
			vals = append([]string(nil), vals...)
			sort.Strings(vals)
		}
		for i, v := range vals {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(v)
		}
	}
	if paren {
		b.WriteByte(')')
	}
}

// Selector is a compiled label selector: the AND of its requirements, kept
// sorted by key. It is an immutable value, safe for concurrent use and cheap to
// copy.
//
// The zero Selector has no requirements and selects everything, like
// Kubernetes' labels.NewSelector(); [Nothing] is the only Selector that selects
// nothing.
type Selector struct {
	reqs    []Requirement
	nothing bool
}

// Everything returns a selector that matches every label set (the zero
// Selector).
func Everything() Selector { return Selector{} }

// Nothing returns a selector that matches no label set.
func Nothing() Selector { return Selector{nothing: true} }

// Matches reports whether labels (nil is an empty set) satisfy every
// requirement. It does not allocate.
func (s Selector) Matches(labels map[string]string) bool {
	if s.nothing {
		return false
	}
	for i := range s.reqs {
		if !s.reqs[i].Matches(labels) {
			return false
		}
	}
	return true
}

// Empty reports whether the selector places no restriction (it matches
// everything). Nothing is not empty.
func (s Selector) Empty() bool { return !s.nothing && len(s.reqs) == 0 }

// IsNothing reports whether s is the [Nothing] selector.
func (s Selector) IsNothing() bool { return s.nothing }

// String renders the selector in the syntax [ParseSelector] reads, with
// requirements in key order, as Kubernetes does. Everything and Nothing both
// render as "".
func (s Selector) String() string {
	if s.nothing || len(s.reqs) == 0 {
		return ""
	}
	var b strings.Builder
	for i := range s.reqs {
		if i > 0 {
			b.WriteByte(',')
		}
		s.reqs[i].writeTo(&b)
	}
	return b.String()
}

// Requirements returns the requirements in key order, in a new slice; nil for
// Everything and Nothing (tell them apart with [Selector.IsNothing]).
func (s Selector) Requirements() []Requirement {
	if s.nothing || len(s.reqs) == 0 {
		return nil
	}
	return append([]Requirement(nil), s.reqs...)
}

// Add returns a new selector with reqs added, sorted by key the way
// Kubernetes' Selector.Add sorts. Nothing stays Nothing. s is not modified.
func (s Selector) Add(reqs ...Requirement) Selector {
	if s.nothing {
		return s
	}
	out := make([]Requirement, 0, len(s.reqs)+len(reqs))
	out = append(out, s.reqs...)
	out = append(out, reqs...)
	sort.Sort(byKey(out))
	return Selector{reqs: out}
}

// RequiresExactMatch reports whether the selector pins label to one value
// (its first requirement on label is =, == or in with a single value), and
// that value.
func (s Selector) RequiresExactMatch(label string) (value string, found bool) {
	for i := range s.reqs {
		r := &s.reqs[i]
		if r.key != label {
			continue
		}
		switch r.op {
		case SelectionEquals, SelectionDoubleEquals, SelectionIn:
			if len(r.values) == 1 {
				return r.values[0], true
			}
		}
		return "", false
	}
	return "", false
}

// byKey orders requirements by key. It is sorted with sort.Sort, exactly as
// Kubernetes sorts, so requirements with equal keys end in the same order.
type byKey []Requirement

func (a byKey) Len() int           { return len(a) }
func (a byKey) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a byKey) Less(i, j int) bool { return a[i].key < a[j].key }

// SelectorFromSet returns a selector requiring each key of set to equal its
// value. Nothing is validated. A nil or empty set gives Everything.
func SelectorFromSet(set map[string]string) Selector {
	if len(set) == 0 {
		return Selector{}
	}
	reqs := make([]Requirement, 0, len(set))
	for _, k := range sortedLabelKeys(set) {
		reqs = append(reqs, Requirement{key: k, op: SelectionEquals, kind: kindIn, values: []string{set[k]}})
	}
	return Selector{reqs: reqs}
}

// ValidatedSelectorFromSet is [SelectorFromSet] with each key and value
// validated; it reports the problems of the first offending key in key order.
func ValidatedSelectorFromSet(set map[string]string) (Selector, error) {
	if len(set) == 0 {
		return Selector{}, nil
	}
	reqs := make([]Requirement, 0, len(set))
	for _, k := range sortedLabelKeys(set) {
		r, errs := newRequirement(k, SelectionEquals, []string{set[k]}, "")
		if len(errs) > 0 {
			return Selector{}, newSelectorError(errs)
		}
		reqs = append(reqs, r)
	}
	return Selector{reqs: reqs}, nil
}

// LabelSelectorAsSelector compiles the API type as Kubernetes'
// metav1.LabelSelectorAsSelector: nil selects nothing, an empty selector
// selects everything, matchLabels become = requirements and matchExpressions
// In/NotIn/Exists/DoesNotExist requirements. The first invalid entry stops
// the conversion and its problems are returned in Kubernetes' text;
// matchLabels are checked in key order (Kubernetes walks its map in random
// order, so with several bad matchLabels it may name a different one).
func LabelSelectorAsSelector(ls *LabelSelector) (Selector, error) {
	if ls == nil {
		return Nothing(), nil
	}
	if len(ls.MatchLabels)+len(ls.MatchExpressions) == 0 {
		return Everything(), nil
	}
	reqs := make([]Requirement, 0, len(ls.MatchLabels)+len(ls.MatchExpressions))
	for _, k := range sortedLabelKeys(ls.MatchLabels) {
		r, errs := newRequirement(k, SelectionEquals, []string{ls.MatchLabels[k]}, "")
		if len(errs) > 0 {
			return Selector{}, newSelectorError(errs)
		}
		reqs = append(reqs, r)
	}
	for _, expr := range ls.MatchExpressions {
		var op SelectionOperator
		switch expr.Operator {
		case LabelSelectorOpIn:
			op = SelectionIn
		case LabelSelectorOpNotIn:
			op = SelectionNotIn
		case LabelSelectorOpExists:
			op = SelectionExists
		case LabelSelectorOpDoesNotExist:
			op = SelectionDoesNotExist
		default:
			return Selector{}, &selectorError{msg: strconv.Quote(string(expr.Operator)) + " is not a valid label selector operator"}
		}
		// Kubernetes copies the values with append([]string(nil), ...), so
		// an empty list is reported as null.
		r, errs := newRequirement(expr.Key, op, append([]string(nil), expr.Values...), "")
		if len(errs) > 0 {
			return Selector{}, newSelectorError(errs)
		}
		reqs = append(reqs, r)
	}
	sort.Sort(byKey(reqs))
	return Selector{reqs: reqs}, nil
}

// Matches compiles ls with [LabelSelectorAsSelector] and matches labels. A nil
// ls matches nothing. It compiles on every call; hot paths should compile once.
func (ls *LabelSelector) Matches(labels map[string]string) (bool, error) {
	s, err := LabelSelectorAsSelector(ls)
	if err != nil {
		return false, err
	}
	return s.Matches(labels), nil
}

// FormatLabelSelector renders ls as kubectl does: its selector string,
// "<none>" when that is empty (nil or empty ls) and "<error>" when invalid.
func FormatLabelSelector(ls *LabelSelector) string {
	s, err := LabelSelectorAsSelector(ls)
	if err != nil {
		return "<error>"
	}
	if str := s.String(); str != "" {
		return str
	}
	return "<none>"
}

func sortedLabelKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func compactSorted(s []string) []string {
	if len(s) < 2 {
		return s
	}
	out := s[:1]
	for _, v := range s[1:] {
		if v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}

// parseInt64 is strconv.ParseInt(s, 10, 64) without the allocation of its
// error: an optional sign, one or more decimal digits, within int64 range.
func parseInt64(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	neg := false
	switch s[0] {
	case '+':
		s = s[1:]
	case '-':
		neg = true
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	const cutoff = uint64(1) << 63
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if n > cutoff/10 {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
		if n > cutoff {
			return 0, false
		}
	}
	if neg {
		if n == cutoff {
			return -1 << 63, true
		}
		return -int64(n), true
	}
	if n >= cutoff {
		return 0, false
	}
	return int64(n), true
}

// ParseSelector parses the label selector string syntax of Kubernetes'
// labels.Parse:
//
//	<selector>    ::= <requirement> | <requirement> "," <selector>
//	<requirement> ::= [!] KEY [ <set-based> | <exact> | <comparison> ]
//	<set-based>   ::= ("in" | "notin") "(" VALUE { "," VALUE } ")"
//	<exact>       ::= ("=" | "==" | "!=") VALUE
//	<comparison>  ::= (">" | "<") INTEGER
//
// Blanks (space, tab, CR, LF) separate tokens; values may be empty ("a=",
// "a in ()"). As in Kubernetes' lexer, a NUL byte ends the input where a
// token would start and is a (consumed) separator elsewhere. Set values
// are de-duplicated and sorted; requirements are sorted by key. The empty
// string gives Everything. Errors carry Kubernetes' exact text.
func ParseSelector(s string) (Selector, error) {
	p := parser{items: make([]item, 0, 8+len(s)/3)}
	p.scan(s)
	reqs, err := p.parse()
	if err != nil {
		return Selector{}, err
	}
	sort.Sort(byKey(reqs))
	return Selector{reqs: reqs}, nil
}

// Tokens of the selector string syntax.
type token uint8

const (
	tokError token = iota
	tokEnd
	tokClosePar
	tokComma
	tokNot // "!"
	tokDoubleEquals
	tokEquals
	tokGreater
	tokIdent
	tokIn
	tokLess
	tokNotEquals
	tokNotIn
	tokOpenPar
)

func symbolToken(s string) token {
	switch s {
	case ")":
		return tokClosePar
	case ",":
		return tokComma
	case "!":
		return tokNot
	case "==":
		return tokDoubleEquals
	case "=":
		return tokEquals
	case ">":
		return tokGreater
	case "<":
		return tokLess
	case "!=":
		return tokNotEquals
	case "(":
		return tokOpenPar
	}
	return tokError
}

type item struct {
	tok token
	lit string
}

type parser struct {
	items []item
	pos   int
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func isSymbol(c byte) bool {
	switch c {
	case '=', '!', '(', ')', ',', '>', '<':
		return true
	}
	return false
}

// scan tokenizes s byte by byte, reproducing Kubernetes' lexer, including
// its treatment of a NUL byte as end of input where a token would start and
// as a consumed separator when it ends an identifier or operator.
func (p *parser) scan(s string) {
	pos := 0
	read := func() byte {
		if pos < len(s) {
			c := s[pos]
			pos++
			return c
		}
		return 0
	}
	for {
		c := read()
		for isBlank(c) {
			c = read()
		}
		switch {
		case c == 0:
			p.items = append(p.items, item{tokEnd, ""})
			return
		case isSymbol(c):
			pos--
			start := pos
			var last item
			for {
				c := read()
				if c == 0 {
					break
				}
				if !isSymbol(c) {
					pos--
					break
				}
				if t := symbolToken(s[start:pos]); t != tokError {
					last = item{t, s[start:pos]}
				} else if last.tok != tokError {
					pos--
					break
				}
			}
			// Every symbol byte is a token on its own, so last is set.
			p.items = append(p.items, last)
		default:
			pos--
			start := pos
			for {
				c := read()
				if c == 0 {
					break
				}
				if isSymbol(c) || isBlank(c) {
					pos--
					break
				}
			}
			lit := s[start:pos]
			if pos > start && s[pos-1] == 0 {
				// A NUL ended the identifier; it is consumed, not part of it.
				lit = s[start : pos-1]
			}
			switch lit {
			case "in":
				p.items = append(p.items, item{tokIn, lit})
			case "notin":
				p.items = append(p.items, item{tokNotIn, lit})
			default:
				p.items = append(p.items, item{tokIdent, lit})
			}
		}
	}
}

// values reports whether "in"/"notin" are read as identifiers (true) or as
// operators (false).
func (p *parser) lookahead(values bool) (token, string) {
	it := p.items[p.position()]
	return contextual(it, values), it.lit
}

func (p *parser) consume(values bool) (token, string) {
	it := p.items[p.position()]
	p.pos++
	return contextual(it, values), it.lit
}

// position clamps the cursor to the end token, so a malformed input can never
// index past it.
func (p *parser) position() int {
	if p.pos >= len(p.items) {
		return len(p.items) - 1
	}
	return p.pos
}

func contextual(it item, values bool) token {
	if values && (it.tok == tokIn || it.tok == tokNotIn) {
		return tokIdent
	}
	return it.tok
}

func parseError(msg string) error { return &selectorError{msg: msg} }

func requirementError(msg string) error {
	return &selectorError{msg: "unable to parse requirement: " + msg}
}

func (p *parser) parse() ([]Requirement, error) {
	reqs := make([]Requirement, 0, 1+len(p.items)/4)
	for {
		tok, lit := p.lookahead(true)
		switch tok {
		case tokIdent, tokNot:
			r, err := p.parseRequirement()
			if err != nil {
				return nil, err
			}
			reqs = append(reqs, r)
			t, l := p.consume(true)
			switch t {
			case tokEnd:
				return reqs, nil
			case tokComma:
				if t2, l2 := p.lookahead(true); t2 != tokIdent && t2 != tokNot {
					return nil, parseError("found '" + l2 + "', expected: identifier after ','")
				}
			default:
				return nil, parseError("found '" + l + "', expected: ',' or 'end of string'")
			}
		case tokEnd:
			return reqs, nil
		default:
			return nil, parseError("found '" + lit + "', expected: !, identifier, or 'end of string'")
		}
	}
}

func (p *parser) parseRequirement() (Requirement, error) {
	// Key, and the operator when it is implied.
	var op SelectionOperator
	tok, key := p.consume(true)
	if tok == tokNot {
		op = SelectionDoesNotExist
		tok, key = p.consume(true)
	}
	if tok != tokIdent {
		return Requirement{}, requirementError("found '" + key + "', expected: identifier")
	}
	if msgs := IsQualifiedName(key); len(msgs) > 0 {
		// Kubernetes validates the key against a nil field path here.
		return Requirement{}, requirementError(invalidString("<nil>", key, strings.Join(msgs, "; ")).Error())
	}
	if t, _ := p.lookahead(true); (t == tokEnd || t == tokComma) && op != SelectionDoesNotExist {
		op = SelectionExists
	}
	if op == SelectionExists || op == SelectionDoesNotExist {
		return p.finish(key, op, []string{})
	}

	tok, lit := p.consume(false)
	switch tok {
	case tokIn:
		op = SelectionIn
	case tokEquals:
		op = SelectionEquals
	case tokDoubleEquals:
		op = SelectionDoubleEquals
	case tokGreater:
		op = SelectionGreaterThan
	case tokLess:
		op = SelectionLessThan
	case tokNotIn:
		op = SelectionNotIn
	case tokNotEquals:
		op = SelectionNotEquals
	default:
		return Requirement{}, requirementError("found '" + lit + "', expected: in, notin, =, ==, !=, gt, lt")
	}
	var vals []string
	var err error
	if op == SelectionIn || op == SelectionNotIn {
		vals, err = p.parseValues()
	} else {
		vals, err = p.parseExactValue()
	}
	if err != nil {
		return Requirement{}, err
	}
	sort.Strings(vals)
	return p.finish(key, op, compactSorted(vals))
}

func (p *parser) finish(key string, op SelectionOperator, vals []string) (Requirement, error) {
	r, errs := newRequirement(key, op, vals, "")
	if len(errs) > 0 {
		return Requirement{}, requirementError(newSelectorError(errs).Error())
	}
	return r, nil
}

// parseValues reads "(" values ")"; "()" is the single empty value.
func (p *parser) parseValues() ([]string, error) {
	if tok, lit := p.consume(true); tok != tokOpenPar {
		return nil, requirementError("found '" + lit + "' expected: '('")
	}
	tok, lit := p.lookahead(true)
	switch tok {
	case tokIdent, tokComma:
		vals, err := p.parseIdentifiers()
		if err != nil {
			return nil, err
		}
		p.consume(true) // the ')' parseIdentifiers stopped at
		return vals, nil
	case tokClosePar:
		p.consume(true)
		return []string{""}, nil
	default:
		return nil, requirementError("found '" + lit + "', expected: ',', ')' or identifier")
	}
}

// parseIdentifiers reads a comma-separated list of possibly empty values up
// to, but not including, the closing parenthesis.
func (p *parser) parseIdentifiers() ([]string, error) {
	var vals []string
	for {
		tok, lit := p.consume(true)
		switch tok {
		case tokIdent:
			vals = append(vals, lit)
			switch t2, l2 := p.lookahead(true); t2 {
			case tokComma:
				continue
			case tokClosePar:
				return vals, nil
			default:
				return nil, requirementError("found '" + l2 + "', expected: ',' or ')'")
			}
		case tokComma:
			if len(vals) == 0 {
				vals = append(vals, "") // "(,"
			}
			switch t2, _ := p.lookahead(true); t2 {
			case tokClosePar:
				return append(vals, ""), nil // ",)"
			case tokComma:
				vals = append(vals, "") // ",,"
			}
		default:
			return nil, requirementError("found '" + lit + "', expected: ',', or identifier")
		}
	}
}

// parseExactValue reads the single value after =, ==, !=, > or <; a missing
// value is the empty string.
func (p *parser) parseExactValue() ([]string, error) {
	if t, _ := p.lookahead(true); t == tokEnd || t == tokComma {
		return []string{""}, nil
	}
	tok, lit := p.consume(true)
	if tok == tokIdent {
		return []string{lit}, nil
	}
	return nil, requirementError("found '" + lit + "', expected: identifier")
}

// fieldError is one Kubernetes field.Error, already rendered into its parts.
type fieldError struct {
	path   string
	typ    string // "Invalid value", "Unsupported value"
	value  string // the bad value as Kubernetes prints it
	detail string
}

func (e fieldError) Error() string {
	s := e.path + ": " + e.typ + ": " + e.value
	if e.detail != "" {
		s += ": " + e.detail
	}
	return s
}

func invalidString(path, value, detail string) fieldError {
	return fieldError{path: path, typ: "Invalid value", value: strconv.Quote(value), detail: detail}
}

func invalidList(path string, values []string, detail string) fieldError {
	return fieldError{path: path, typ: "Invalid value", value: jsonValue(values), detail: detail}
}

// jsonValue renders a bad value that is neither a plain string nor a number,
// as Kubernetes does: as JSON, nil slices as null.
func jsonValue(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

func childPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func indexPath(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }
func keyPath(path, key string) string     { return path + "[" + key + "]" }

// selectorError is a rejected selector: either one message, or a list of
// field errors rendered like Kubernetes' aggregate error (distinct messages,
// bracketed and comma-separated when more than one).
type selectorError struct {
	msg string
}

func newSelectorError(errs []fieldError) *selectorError {
	msgs := make([]string, 0, len(errs))
	seen := make(map[string]bool, len(errs))
	for _, e := range errs {
		m := e.Error()
		if !seen[m] {
			seen[m] = true
			msgs = append(msgs, m)
		}
	}
	if len(msgs) == 1 {
		return &selectorError{msg: msgs[0]}
	}
	return &selectorError{msg: "[" + strings.Join(msgs, ", ") + "]"}
}

func (e *selectorError) Error() string { return e.msg }

// Is makes every selector error match [ErrInvalidSelector].
func (e *selectorError) Is(target error) bool { return target == ErrInvalidSelector }
