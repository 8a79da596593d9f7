package api

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// ErrorType is the class of a field error; its text is Kubernetes' own.
type ErrorType string

// Field error types, rendered as Kubernetes renders them.
const (
	ErrorTypeNotFound     ErrorType = "Not found"
	ErrorTypeRequired     ErrorType = "Required value"
	ErrorTypeDuplicate    ErrorType = "Duplicate value"
	ErrorTypeInvalid      ErrorType = "Invalid value"
	ErrorTypeNotSupported ErrorType = "Unsupported value"
	ErrorTypeForbidden    ErrorType = "Forbidden"
	ErrorTypeTooLong      ErrorType = "Too long"
	ErrorTypeTooMany      ErrorType = "Too many"
)

// FieldError is one problem of one field, as Kubernetes' field.Error.
type FieldError struct {
	// Field is the path, such as spec.containers[1].ports[0].containerPort.
	Field string
	// Type is the class of problem.
	Type ErrorType
	// BadValue is the offending value, when there is one.
	BadValue any
	// Detail explains the problem.
	Detail string
}

// Error renders the error as Kubernetes does:
// `spec.containers[0].name: Required value`,
// `metadata.name: Invalid value: "Web": a lowercase RFC 1123 …`.
func (e *FieldError) Error() string {
	var b strings.Builder
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(string(e.Type))
	switch e.Type {
	case ErrorTypeInvalid, ErrorTypeNotSupported, ErrorTypeDuplicate, ErrorTypeNotFound:
		if e.BadValue != omitValue {
			b.WriteString(": ")
			b.WriteString(renderValue(e.BadValue))
		}
	}
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	return b.String()
}

type omitted struct{}

var omitValue any = omitted{}

func renderValue(v any) string {
	if v == nil {
		return "null"
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return "null"
		}
		rv = rv.Elem()
		v = rv.Interface()
	}
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case fmt.Stringer:
		return strconv.Quote(x.String())
	}
	if rv.Kind() == reflect.String {
		return strconv.Quote(rv.String())
	}
	return fmt.Sprintf("%v", v)
}

// ErrorList is a list of field errors.
type ErrorList []*FieldError

// path builds field paths: p.Child("spec").Child("containers").Index(1).
type path struct {
	parent *path
	name   string
	index  string
}

func newPath(name string, more ...string) *path {
	p := &path{name: name}
	for _, m := range more {
		p = p.Child(m)
	}
	return p
}

func (p *path) Child(name string, more ...string) *path {
	q := &path{parent: p, name: name}
	for _, m := range more {
		q = &path{parent: q, name: m}
	}
	return q
}
func (p *path) Index(i int) *path  { return &path{parent: p, index: strconv.Itoa(i)} }
func (p *path) Key(k string) *path { return &path{parent: p, index: k} }

func (p *path) String() string {
	if p == nil {
		return ""
	}
	var elems []*path
	for q := p; q != nil; q = q.parent {
		elems = append(elems, q)
	}
	var b strings.Builder
	for i := len(elems) - 1; i >= 0; i-- {
		e := elems[i]
		if e.name == "" {
			b.WriteString("[")
			b.WriteString(e.index)
			b.WriteString("]")
			continue
		}
		if b.Len() > 0 {
			b.WriteString(".")
		}
		b.WriteString(e.name)
	}
	return b.String()
}

func required(p *path, detail string) *FieldError {
	return &FieldError{Field: p.String(), Type: ErrorTypeRequired, BadValue: omitValue, Detail: detail}
}

func invalid(p *path, v any, detail string) *FieldError {
	return &FieldError{Field: p.String(), Type: ErrorTypeInvalid, BadValue: v, Detail: detail}
}

func duplicate(p *path, v any) *FieldError {
	return &FieldError{Field: p.String(), Type: ErrorTypeDuplicate, BadValue: v}
}

func forbidden(p *path, detail string) *FieldError {
	return &FieldError{Field: p.String(), Type: ErrorTypeForbidden, BadValue: omitValue, Detail: detail}
}

func tooMany(p *path, actual, max int) *FieldError {
	return &FieldError{Field: p.String(), Type: ErrorTypeTooMany, BadValue: actual,
		Detail: fmt.Sprintf("must have at most %d items", max)}
}

func notSupported[T ~string](p *path, v T, supported ...T) *FieldError {
	quoted := make([]string, len(supported))
	for i, s := range supported {
		quoted[i] = strconv.Quote(string(s))
	}
	return &FieldError{Field: p.String(), Type: ErrorTypeNotSupported, BadValue: string(v),
		Detail: "supported values: " + strings.Join(quoted, ", ")}
}

// ValidationError is what Validate returns: every problem of one object.
type ValidationError struct {
	Kind      string
	Namespace string
	Name      string
	Errors    ErrorList
}

// Error renders Kubernetes' sentence: `Pod "web" is invalid: [a, b]`, or
// without brackets for a single problem.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString(e.Kind)
	b.WriteString(" ")
	b.WriteString(strconv.Quote(e.Name))
	b.WriteString(" is invalid: ")
	if len(e.Errors) == 1 {
		b.WriteString(e.Errors[0].Error())
		return b.String()
	}
	b.WriteString("[")
	for i, fe := range e.Errors {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(fe.Error())
	}
	b.WriteString("]")
	return b.String()
}

func newValidationError(obj Object, errs ErrorList) error {
	if len(errs) == 0 {
		return nil
	}
	m := obj.GetObjectMeta()
	return &ValidationError{Kind: obj.GroupVersionKind().Kind, Namespace: m.Namespace, Name: m.Name, Errors: errs}
}

func sortedKeys[K ~string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
