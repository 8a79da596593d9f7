package api

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// TypeMeta is the apiVersion and kind every Kubernetes object carries on the wire.
type TypeMeta struct {
	APIVersion string `json:"apiVersion,omitempty"`
	Kind       string `json:"kind,omitempty"`
}

// GetTypeMeta returns t itself; it is promoted to every object that embeds TypeMeta.
func (t *TypeMeta) GetTypeMeta() *TypeMeta { return t }

// ObjectMeta is the metadata every stored object has.
type ObjectMeta struct {
	Name                       string            `json:"name,omitempty"`
	GenerateName               string            `json:"generateName,omitempty"`
	Namespace                  string            `json:"namespace,omitempty"`
	UID                        string            `json:"uid,omitempty"`
	ResourceVersion            string            `json:"resourceVersion,omitempty"`
	Generation                 int64             `json:"generation,omitempty"`
	CreationTimestamp          Time              `json:"creationTimestamp,omitzero"`
	DeletionTimestamp          *Time             `json:"deletionTimestamp,omitempty"`
	DeletionGracePeriodSeconds *int64            `json:"deletionGracePeriodSeconds,omitempty"`
	Labels                     map[string]string `json:"labels,omitempty"`
	Annotations                map[string]string `json:"annotations,omitempty"`
	OwnerReferences            []OwnerReference  `json:"ownerReferences,omitempty"`
	Finalizers                 []string          `json:"finalizers,omitempty"`
}

// GetObjectMeta returns m itself; it is promoted to every object that embeds ObjectMeta.
func (m *ObjectMeta) GetObjectMeta() *ObjectMeta { return m }

// OwnerReference names the object that owns another.
type OwnerReference struct {
	APIVersion         string `json:"apiVersion"`
	Kind               string `json:"kind"`
	Name               string `json:"name"`
	UID                string `json:"uid"`
	Controller         *bool  `json:"controller,omitempty"`
	BlockOwnerDeletion *bool  `json:"blockOwnerDeletion,omitempty"`
}

// ListMeta is the metadata of a list: the revision it was read at and the
// token to continue a paginated read.
type ListMeta struct {
	ResourceVersion    string `json:"resourceVersion,omitempty"`
	Continue           string `json:"continue,omitempty"`
	RemainingItemCount *int64 `json:"remainingItemCount,omitempty"`
}

// Time is a timestamp that encodes as RFC 3339 with second precision, as
// Kubernetes' metav1.Time does. The zero Time encodes as JSON null.
type Time struct {
	time.Time
}

// NewTime wraps t, truncated to seconds as Kubernetes stores it.
func NewTime(t time.Time) Time { return Time{t.Truncate(time.Second)} }

// IsZero reports whether t is the zero time; it lets `omitzero` drop unset stamps.
func (t Time) IsZero() bool { return t.Time.IsZero() }

// MarshalJSON encodes t as an RFC 3339 UTC string, or null when zero.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.Time.IsZero() {
		return []byte("null"), nil
	}
	return []byte(strconv.Quote(t.UTC().Format(time.RFC3339))), nil
}

// UnmarshalJSON accepts null and RFC 3339 strings (fractional seconds allowed).
func (t *Time) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		t.Time = time.Time{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("time must be an RFC 3339 string, got %s", b)
	}
	if s == "" {
		t.Time = time.Time{}
		return nil
	}
	pt, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("time %q is not RFC 3339", s)
	}
	t.Time = pt.Local()
	return nil
}

// MicroTime is a timestamp with microsecond precision (RFC 3339 with six
// fractional digits), as Kubernetes' metav1.MicroTime used by Lease.
type MicroTime struct {
	time.Time
}

// IsZero reports whether t is the zero time.
func (t MicroTime) IsZero() bool { return t.Time.IsZero() }

// MarshalJSON encodes t with microsecond precision, or null when zero.
func (t MicroTime) MarshalJSON() ([]byte, error) {
	if t.Time.IsZero() {
		return []byte("null"), nil
	}
	return []byte(strconv.Quote(t.UTC().Format("2006-01-02T15:04:05.000000Z07:00"))), nil
}

// UnmarshalJSON accepts null and RFC 3339 strings.
func (t *MicroTime) UnmarshalJSON(b []byte) error {
	var tt Time
	if err := tt.UnmarshalJSON(b); err != nil {
		return err
	}
	t.Time = tt.Time
	return nil
}

// Condition is the generic status condition of metav1.
type Condition struct {
	Type               string `json:"type"`
	Status             string `json:"status"`
	ObservedGeneration int64  `json:"observedGeneration,omitempty"`
	LastTransitionTime Time   `json:"lastTransitionTime,omitzero"`
	Reason             string `json:"reason,omitempty"`
	Message            string `json:"message,omitempty"`
}

// ConditionStatus is "True", "False" or "Unknown".
type ConditionStatus string

// Condition status values.
const (
	ConditionTrue    ConditionStatus = "True"
	ConditionFalse   ConditionStatus = "False"
	ConditionUnknown ConditionStatus = "Unknown"
)

// IntOrString holds either an integer or a string, as a Service's targetPort
// or a PodDisruptionBudget's minAvailable. The zero value is the integer 0.
type IntOrString struct {
	Type   IntOrStringType
	IntVal int32
	StrVal string
}

// IntOrStringType says which field of an IntOrString is set.
type IntOrStringType int

// IntOrString kinds.
const (
	IntType IntOrStringType = iota
	StringType
)

// FromInt returns an IntOrString holding i.
func FromInt(i int32) IntOrString { return IntOrString{Type: IntType, IntVal: i} }

// FromString returns an IntOrString holding s.
func FromString(s string) IntOrString { return IntOrString{Type: StringType, StrVal: s} }

// String renders the value held.
func (v IntOrString) String() string {
	if v.Type == StringType {
		return v.StrVal
	}
	return strconv.Itoa(int(v.IntVal))
}

// IsZero reports whether v is the integer 0.
func (v IntOrString) IsZero() bool { return v.Type == IntType && v.IntVal == 0 }

// MarshalJSON encodes v as a JSON number or string.
func (v IntOrString) MarshalJSON() ([]byte, error) {
	if v.Type == StringType {
		return json.Marshal(v.StrVal)
	}
	return json.Marshal(v.IntVal)
}

// UnmarshalJSON accepts a JSON number (fitting int32) or a string.
func (v *IntOrString) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		v.Type = StringType
		v.IntVal = 0
		return json.Unmarshal(b, &v.StrVal)
	}
	var i int32
	if err := json.Unmarshal(b, &i); err != nil {
		return fmt.Errorf("must be an integer or a string, got %s", b)
	}
	*v = IntOrString{Type: IntType, IntVal: i}
	return nil
}

// GetScaledValueFromIntOrPercent resolves v against total: an integer is
// returned as is; a string "N%" yields N percent of total, rounded up when
// roundUp is set and down otherwise, as Kubernetes' intstr helper.
func GetScaledValueFromIntOrPercent(v *IntOrString, total int, roundUp bool) (int, error) {
	if v == nil {
		return 0, fmt.Errorf("nil value for IntOrString")
	}
	if v.Type == IntType {
		return int(v.IntVal), nil
	}
	s := v.StrVal
	if len(s) < 2 || s[len(s)-1] != '%' {
		return 0, fmt.Errorf("invalid value for IntOrString: invalid type: string is not a percentage")
	}
	p, err := strconv.Atoi(s[:len(s)-1])
	if err != nil {
		return 0, fmt.Errorf("invalid value %q: %v", s, err)
	}
	if roundUp {
		return (p*total + 99) / 100, nil
	}
	return p * total / 100, nil
}
