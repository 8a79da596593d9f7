package api

import "strings"

// Object is implemented by every top-level kind of the object model.
type Object interface {
	// GetObjectMeta returns the object's metadata, for reading and writing.
	GetObjectMeta() *ObjectMeta
	// GetTypeMeta returns the apiVersion and kind as they were decoded.
	GetTypeMeta() *TypeMeta
	// GroupVersionKind is the object's kind, whatever its TypeMeta says.
	GroupVersionKind() GroupVersionKind
	// DeepCopyObject returns a copy sharing no memory with the original.
	DeepCopyObject() Object
	// Validate reports every problem of the object at once, as a
	// *ValidationError, or nil.
	Validate() error
}

// GroupVersionKind names a kind: ("", "v1", "Pod"), ("rbac.authorization.k8s.io", "v1", "Role").
type GroupVersionKind struct {
	Group   string
	Version string
	Kind    string
}

// APIVersion renders the group and version as they appear in manifests: "v1"
// for the core group, "group/version" otherwise.
func (g GroupVersionKind) APIVersion() string {
	if g.Group == "" {
		return g.Version
	}
	return g.Group + "/" + g.Version
}

// String renders "apiVersion, Kind=kind".
func (g GroupVersionKind) String() string { return g.APIVersion() + ", Kind=" + g.Kind }

// KindInfo describes a kind of the object model: its name, its REST resource
// (the plural used in store keys such as /registry/pods/ns/name) and scope.
type KindInfo struct {
	GroupVersionKind
	// Resource is the lower-case plural, as in the API server's URLs.
	Resource string
	// Namespaced reports whether objects of the kind live in a namespace.
	Namespaced bool
	// New returns a new, empty object of the kind.
	New func() Object
}

var kindTable = [...]KindInfo{
	{GroupVersionKind{"", "v1", "Namespace"}, "namespaces", false, func() Object { return new(Namespace) }},
	{GroupVersionKind{"", "v1", "Node"}, "nodes", false, func() Object { return new(Node) }},
	{GroupVersionKind{"", "v1", "Pod"}, "pods", true, func() Object { return new(Pod) }},
	{GroupVersionKind{"", "v1", "Service"}, "services", true, func() Object { return new(Service) }},
	{GroupVersionKind{"", "v1", "PersistentVolume"}, "persistentvolumes", false, func() Object { return new(PersistentVolume) }},
	{GroupVersionKind{"", "v1", "PersistentVolumeClaim"}, "persistentvolumeclaims", true, func() Object { return new(PersistentVolumeClaim) }},
	{GroupVersionKind{"", "v1", "ServiceAccount"}, "serviceaccounts", true, func() Object { return new(ServiceAccount) }},
	{GroupVersionKind{"", "v1", "ConfigMap"}, "configmaps", true, func() Object { return new(ConfigMap) }},
	{GroupVersionKind{"storage.k8s.io", "v1", "StorageClass"}, "storageclasses", false, func() Object { return new(StorageClass) }},
	{GroupVersionKind{"rbac.authorization.k8s.io", "v1", "Role"}, "roles", true, func() Object { return new(Role) }},
	{GroupVersionKind{"rbac.authorization.k8s.io", "v1", "ClusterRole"}, "clusterroles", false, func() Object { return new(ClusterRole) }},
	{GroupVersionKind{"rbac.authorization.k8s.io", "v1", "RoleBinding"}, "rolebindings", true, func() Object { return new(RoleBinding) }},
	{GroupVersionKind{"rbac.authorization.k8s.io", "v1", "ClusterRoleBinding"}, "clusterrolebindings", false, func() Object { return new(ClusterRoleBinding) }},
	{GroupVersionKind{"networking.k8s.io", "v1", "NetworkPolicy"}, "networkpolicies", true, func() Object { return new(NetworkPolicy) }},
	{GroupVersionKind{"policy", "v1", "PodDisruptionBudget"}, "poddisruptionbudgets", true, func() Object { return new(PodDisruptionBudget) }},
	{GroupVersionKind{"coordination.k8s.io", "v1", "Lease"}, "leases", true, func() Object { return new(Lease) }},
	{GroupVersionKind{"discovery.k8s.io", "v1", "EndpointSlice"}, "endpointslices", true, func() Object { return new(EndpointSlice) }},
	{GroupVersionKind{"scheduling.k8s.io", "v1", "PriorityClass"}, "priorityclasses", false, func() Object { return new(PriorityClass) }},
}

// Kinds returns every kind of the object model, in a fixed order. The slice
// is a fresh copy the caller owns.
func Kinds() []KindInfo {
	out := make([]KindInfo, len(kindTable))
	copy(out, kindTable[:])
	return out
}

// LookupKind finds a kind by its manifest apiVersion and kind. Kinds are
// case-sensitive, as in Kubernetes.
func LookupKind(apiVersion, kind string) (KindInfo, bool) {
	group, version := "", apiVersion
	if i := strings.IndexByte(apiVersion, '/'); i >= 0 {
		group, version = apiVersion[:i], apiVersion[i+1:]
	}
	for _, k := range kindTable {
		if k.Kind == kind && k.Group == group && k.Version == version {
			return k, true
		}
	}
	return KindInfo{}, false
}

// LookupResource finds a kind by its group and plural resource name
// ("", "pods"), as RBAC rules and store keys name them.
func LookupResource(group, resource string) (KindInfo, bool) {
	for _, k := range kindTable {
		if k.Resource == resource && k.Group == group {
			return k, true
		}
	}
	return KindInfo{}, false
}

// KindOf returns the KindInfo of obj's Go type.
func KindOf(obj Object) KindInfo {
	gvk := obj.GroupVersionKind()
	for _, k := range kindTable {
		if k.GroupVersionKind == gvk {
			return k
		}
	}
	return KindInfo{GroupVersionKind: gvk}
}

// SetTypeMeta fills obj's apiVersion and kind from its Go type, so that the
// JSON it encodes to is a complete manifest.
func SetTypeMeta(obj Object) {
	gvk := obj.GroupVersionKind()
	tm := obj.GetTypeMeta()
	tm.APIVersion = gvk.APIVersion()
	tm.Kind = gvk.Kind
}

// NamespacedName is the namespace and name of an object; Namespace is empty
// for cluster-scoped objects.
type NamespacedName struct {
	Namespace string
	Name      string
}

// String renders "namespace/name", or "name" without a namespace.
func (n NamespacedName) String() string {
	if n.Namespace == "" {
		return n.Name
	}
	return n.Namespace + "/" + n.Name
}

// Key returns the namespace and name of m.
func (m *ObjectMeta) Key() NamespacedName {
	return NamespacedName{Namespace: m.Namespace, Name: m.Name}
}

func (*Namespace) GroupVersionKind() GroupVersionKind { return kindTable[0].GroupVersionKind }
func (*Node) GroupVersionKind() GroupVersionKind      { return kindTable[1].GroupVersionKind }
func (*Pod) GroupVersionKind() GroupVersionKind       { return kindTable[2].GroupVersionKind }
func (*Service) GroupVersionKind() GroupVersionKind   { return kindTable[3].GroupVersionKind }
func (*PersistentVolume) GroupVersionKind() GroupVersionKind {
	return kindTable[4].GroupVersionKind
}
func (*PersistentVolumeClaim) GroupVersionKind() GroupVersionKind {
	return kindTable[5].GroupVersionKind
}
func (*ServiceAccount) GroupVersionKind() GroupVersionKind { return kindTable[6].GroupVersionKind }
func (*ConfigMap) GroupVersionKind() GroupVersionKind      { return kindTable[7].GroupVersionKind }
func (*StorageClass) GroupVersionKind() GroupVersionKind   { return kindTable[8].GroupVersionKind }
func (*Role) GroupVersionKind() GroupVersionKind           { return kindTable[9].GroupVersionKind }
func (*ClusterRole) GroupVersionKind() GroupVersionKind    { return kindTable[10].GroupVersionKind }
func (*RoleBinding) GroupVersionKind() GroupVersionKind    { return kindTable[11].GroupVersionKind }
func (*ClusterRoleBinding) GroupVersionKind() GroupVersionKind {
	return kindTable[12].GroupVersionKind
}
func (*NetworkPolicy) GroupVersionKind() GroupVersionKind { return kindTable[13].GroupVersionKind }
func (*PodDisruptionBudget) GroupVersionKind() GroupVersionKind {
	return kindTable[14].GroupVersionKind
}
func (*Lease) GroupVersionKind() GroupVersionKind         { return kindTable[15].GroupVersionKind }
func (*EndpointSlice) GroupVersionKind() GroupVersionKind { return kindTable[16].GroupVersionKind }
func (*PriorityClass) GroupVersionKind() GroupVersionKind { return kindTable[17].GroupVersionKind }
