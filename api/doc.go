// Package api is gantry's object model: Kubernetes-shaped Go structs whose JSON
// field names are Kubernetes' own, so manifests and `kubectl get -o json|yaml`
// output decode directly, plus the primitives every block shares — resource
// quantities, label and node selectors, taints and tolerations, validation and
// manifest decoding.
package api

//go:generate go run ../internal/gendeepcopy -o zz_deepcopy.go
