package api_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/gantryhq/gantry/api"
)

func decodeFile(t *testing.T, name string) []api.Object {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "manifests", name))
	require.NoError(t, err)
	objs, err := api.Decode(bytes.NewReader(b))
	require.NoError(t, err, "decoding %s", name)
	return objs
}

func kindsOf(objs []api.Object) []string {
	var out []string
	for _, o := range objs {
		out = append(out, o.GroupVersionKind().Kind+"/"+o.GetObjectMeta().Name)
	}
	return out
}

func TestDecodeRealWorldManifests(t *testing.T) {
	tests := []struct {
		file  string
		kinds []string
	}{
		{"pod-liveness.yaml", []string{"Pod/liveness-exec"}},
		{"deployment-shaped.yaml", []string{"Pod/myapp-pod"}},
		{"services.yaml", []string{"Service/my-service", "Service/named-target", "Service/lb", "EndpointSlice/example-abc"}},
		{"storage-rbac-netpol.yaml", []string{
			"PersistentVolume/example-pv", "PersistentVolumeClaim/myclaim", "StorageClass/local-storage",
			"Role/pod-reader", "ClusterRole/monitoring", "RoleBinding/read-pods", "ClusterRoleBinding/read-secrets-global",
			"NetworkPolicy/test-network-policy", "PodDisruptionBudget/zk-pdb", "Lease/my-controller",
			"Namespace/development", "PriorityClass/high-priority",
		}},
		{"kubectl-get-pods.json", []string{"Pod/web-7d4b9c7f8d-x2x9p", "Node/kind-worker"}},
	}
	for _, tt := range tests {
		t.Run(tt.file+" decodes every object and each one validates", func(t *testing.T) {
			objs := decodeFile(t, tt.file)
			if diff := cmp.Diff(tt.kinds, kindsOf(objs)); diff != "" {
				t.Fatalf("kinds (-want +got):\n%s", diff)
			}
			for _, o := range objs {
				if err := o.Validate(); err != nil {
					t.Errorf("%s: %v", o.GetObjectMeta().Name, err)
				}
			}
		})
	}
}

func TestDecodeKeepsKubernetesFields(t *testing.T) {
	pod := decodeFile(t, "deployment-shaped.yaml")[0].(*api.Pod)
	c := pod.Spec.Containers[0]
	require.Equal(t, "250m", c.Resources.Requests[api.ResourceCPU].String())
	require.Equal(t, "500m", c.Resources.Limits[api.ResourceCPU].String(), "a YAML number 0.5 is a quantity")
	require.Equal(t, int64(64<<20), c.Resources.Requests[api.ResourceMemory].Value())
	require.Equal(t, api.ProtocolUDP, c.Ports[1].Protocol)
	require.Equal(t, int32(5353), c.Ports[1].HostPort)
	require.Equal(t, "metadata.name", c.Env[0].ValueFrom.FieldRef.FieldPath)
	require.Equal(t, int64(2), c.Lifecycle.PostStart.Sleep.Seconds)
	require.True(t, pod.Spec.InitContainers[1].IsSidecar())
	require.False(t, pod.Spec.InitContainers[0].IsSidecar())
	require.Equal(t, "500Mi", pod.Spec.Volumes[0].EmptyDir.SizeLimit.String())
	require.Equal(t, "myclaim", pod.Spec.Volumes[1].PersistentVolumeClaim.ClaimName)
	require.Equal(t, api.PreemptNever, *pod.Spec.PreemptionPolicy)
	require.Equal(t, int32(1000000), *pod.Spec.Priority)
	require.Equal(t, "example.com/foo", pod.Spec.SchedulingGates[0].Name)
	require.Equal(t, "120Mi", pod.Spec.Overhead[api.ResourceMemory].String())
	require.Equal(t, int64(6000), *pod.Spec.Tolerations[1].TolerationSeconds)
	na := pod.Spec.Affinity.NodeAffinity
	require.Equal(t, []string{"antarctica-east1", "antarctica-west1"}, na.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms[0].MatchExpressions[0].Values)
	require.Equal(t, int32(1), na.PreferredDuringSchedulingIgnoredDuringExecution[0].Weight)
	require.Equal(t, "topology.kubernetes.io/zone", pod.Spec.Affinity.PodAffinity.RequiredDuringSchedulingIgnoredDuringExecution[0].TopologyKey)
	require.Equal(t, []string{"pod-template-hash"}, pod.Spec.Affinity.PodAntiAffinity.PreferredDuringSchedulingIgnoredDuringExecution[0].PodAffinityTerm.MatchLabelKeys)
	tsc := pod.Spec.TopologySpreadConstraints[0]
	require.Equal(t, int32(2), *tsc.MinDomains)
	require.Equal(t, api.NodeInclusionPolicyIgnore, *tsc.NodeTaintsPolicy)

	live := decodeFile(t, "pod-liveness.yaml")[0].(*api.Pod)
	lc := live.Spec.Containers[0]
	require.Equal(t, []string{"cat", "/tmp/healthy"}, lc.LivenessProbe.Exec.Command)
	require.Equal(t, int32(5), lc.LivenessProbe.PeriodSeconds)
	require.Equal(t, api.FromInt(8080), lc.ReadinessProbe.HTTPGet.Port)
	require.Equal(t, "Awesome", lc.ReadinessProbe.HTTPGet.HTTPHeaders[0].Value)
	require.Equal(t, "etcd", *lc.StartupProbe.GRPC.Service)
	require.Equal(t, int64(60), *lc.StartupProbe.TerminationGracePeriodSeconds)

	svcs := decodeFile(t, "services.yaml")
	named := svcs[1].(*api.Service)
	require.Equal(t, api.FromString("http-web-svc"), named.Spec.Ports[0].TargetPort)
	require.Equal(t, []string{"10.96.10.10", "fd00::10"}, named.Spec.ClusterIPs)
	np := svcs[0].(*api.Service)
	require.Equal(t, int32(30007), np.Spec.Ports[0].NodePort)
	require.Equal(t, api.TrafficPolicyLocal, *np.Spec.InternalTrafficPolicy)
	require.Equal(t, int32(10800), *np.Spec.SessionAffinityConfig.ClientIP.TimeoutSeconds)
	require.Equal(t, "192.0.2.127", svcs[2].(*api.Service).Status.LoadBalancer.Ingress[0].IP)
	es := svcs[3].(*api.EndpointSlice)
	require.True(t, *es.Endpoints[1].Conditions.Terminating)
	require.Equal(t, "us-west2-a", *es.Endpoints[0].Zone)
	require.Equal(t, "example", es.Labels[api.LabelServiceName])

	more := decodeFile(t, "storage-rbac-netpol.yaml")
	pv := more[0].(*api.PersistentVolume)
	require.Equal(t, "100Gi", pv.Spec.Capacity[api.ResourceStorage].String())
	require.Equal(t, "/mnt/disks/ssd1", pv.Spec.Local.Path)
	require.Equal(t, "myclaim", pv.Spec.ClaimRef.Name)
	sc := more[2].(*api.StorageClass)
	require.Equal(t, api.VolumeBindingWaitForFirstConsumer, *sc.VolumeBindingMode)
	require.Equal(t, []string{"us-central-1a", "us-central-1b"}, sc.AllowedTopologies[0].MatchLabelExpressions[0].Values)
	require.Equal(t, "true", sc.Annotations[api.AnnDefaultStorageClass])
	cr := more[4].(*api.ClusterRole)
	require.Equal(t, "true", cr.AggregationRule.ClusterRoleSelectors[0].MatchLabels["rbac.example.com/aggregate-to-monitoring"])
	pol := more[7].(*api.NetworkPolicy)
	require.Equal(t, int32(32768), *pol.Spec.Egress[0].Ports[0].EndPort)
	require.Equal(t, []string{"172.17.1.0/24"}, pol.Spec.Ingress[0].From[0].IPBlock.Except)
	require.Equal(t, api.FromString("50%"), *more[8].(*api.PodDisruptionBudget).Spec.MaxUnavailable)
	lease := more[9].(*api.Lease)
	require.Equal(t, 123456000, lease.Spec.RenewTime.Nanosecond())

	list := decodeFile(t, "kubectl-get-pods.json")
	p := list[0].(*api.Pod)
	require.Equal(t, "48211", p.ResourceVersion)
	require.True(t, *p.OwnerReferences[0].Controller)
	require.Equal(t, int32(2), p.Status.ContainerStatuses[0].RestartCount)
	require.Equal(t, "10.244.1.5", p.Status.PodIPs[0].IP)
	require.Equal(t, api.PodRunning, p.Status.Phase)
	n := list[1].(*api.Node)
	require.Equal(t, "263174212Ki", n.Status.Allocatable[api.ResourceEphemeralStorage].String())
}

func TestDecodeRoundTripsThroughJSON(t *testing.T) {
	for _, f := range []string{"pod-liveness.yaml", "deployment-shaped.yaml", "services.yaml", "storage-rbac-netpol.yaml", "kubectl-get-pods.json"} {
		t.Run(f, func(t *testing.T) {
			objs := decodeFile(t, f)
			for _, o := range objs {
				api.SetTypeMeta(o)
			}
			b, err := json.Marshal(objs)
			require.NoError(t, err)
			again, err := api.Decode(bytes.NewReader(b))
			require.NoError(t, err)
			if diff := cmp.Diff(objs, again, cmp.Comparer(func(a, b api.Quantity) bool { return a.Cmp(b) == 0 })); diff != "" {
				t.Fatalf("round trip changed objects (-first +second):\n%s", diff)
			}
		})
	}
}

func TestDecodeStreams(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		kinds []string
	}{
		{
			name: "multi-document YAML with comments, blank documents and a trailing separator",
			in: `# leading comment
---
apiVersion: v1
kind: Namespace
metadata: {name: a}
---
# only a comment
---

---   # separator with a comment
apiVersion: v1
kind: Namespace
metadata:
  name: b  # trailing comment
---
`,
			kinds: []string{"Namespace/a", "Namespace/b"},
		},
		{
			name:  "a JSON stream of several objects",
			in:    `{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a"}} {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"b"}}`,
			kinds: []string{"Namespace/a", "Namespace/b"},
		},
		{
			name:  "a JSON array of objects",
			in:    `[{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a"}},{"apiVersion":"v1","kind":"Node","metadata":{"name":"n"}}]`,
			kinds: []string{"Namespace/a", "Node/n"},
		},
		{
			name:  "a typed PodList as the API server returns it",
			in:    `{"apiVersion":"v1","kind":"PodList","metadata":{"resourceVersion":"7"},"items":[{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"d"},"spec":{"containers":[{"name":"c","image":"i"}]}}]}`,
			kinds: []string{"Pod/p"},
		},
		{
			name:  "a YAML List",
			in:    "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: x}\n",
			kinds: []string{"Namespace/x"},
		},
		{
			name:  "YAML in flow style starting with a brace",
			in:    "{apiVersion: v1, kind: Namespace, metadata: {name: flow}}\n",
			kinds: []string{"Namespace/flow"},
		},
		{
			name:  "an empty input has no objects",
			in:    "\n# nothing\n",
			kinds: nil,
		},
		{
			name:  "unknown fields are ignored",
			in:    "apiVersion: v1\nkind: Namespace\nmetadata: {name: a, managedFields: [{manager: kubectl}]}\nspec: {whatever: 1}\n",
			kinds: []string{"Namespace/a"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			objs, err := api.Decode(strings.NewReader(tt.in))
			require.NoError(t, err)
			if diff := cmp.Diff(tt.kinds, kindsOf(objs)); diff != "" {
				t.Fatalf("kinds (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeBadInput(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{
			name: "an unknown kind is named with its apiVersion",
			in:   "apiVersion: v1\nkind: Namespace\nmetadata: {name: ok}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n",
			want: `api: document 2 (Deployment "web"): unknown kind "Deployment" in apiVersion "apps/v1"`,
		},
		{
			name: "kinds are case-sensitive",
			in:   "apiVersion: v1\nkind: pod\nmetadata: {name: p}\n",
			want: `api: document 1 (pod "p"): unknown kind "pod" in apiVersion "v1"`,
		},
		{
			name: "a missing kind is reported",
			in:   "apiVersion: v1\nmetadata: {name: p}\n",
			want: `api: document 1: object with apiVersion "v1" has no kind`,
		},
		{
			name: "a missing apiVersion is reported",
			in:   "kind: Pod\nmetadata: {name: p}\n",
			want: `api: document 1 (Pod "p"): Pod has no apiVersion`,
		},
		{
			name: "a string where an integer belongs names the field with its indices",
			in:   "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n  containers:\n  - name: a\n    image: nginx\n  - name: b\n    image: redis\n    ports:\n    - containerPort: http\n",
			want: `api: document 1 (Pod "shop/web"): spec.containers[1].ports[0].containerPort: expected an integer (int32), got string "http"`,
		},
		{
			name: "a bad quantity names the resource and quotes the input",
			in:   "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: a\n    image: x\n    resources:\n      requests: {cpu: 2 cores}\n",
			want: `api: document 1 (Pod "web"): spec.containers[0].resources.requests[cpu]: ` + quantityErr(t, "2 cores"),
		},
		{
			name: "a list where an object belongs",
			in:   "apiVersion: v1\nkind: Node\nmetadata: {name: node-1}\nspec:\n  taints: {key: a}\n",
			want: `api: document 1 (Node "node-1"): spec.taints: expected a list, got an object`,
		},
		{
			name: "YAML 1.1 reads an unquoted y as a boolean, as kubectl does",
			in:   "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: y\n",
			want: `api: document 1 (Pod "p"): spec.containers[0].image: expected a string, got boolean true`,
		},
		{
			name: "a tab in YAML indentation is a syntax error with its line",
			in:   "apiVersion: v1\nkind: Namespace\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n\tname: tabbed\n",
			want: "api: document 2: document starts at line 4: yaml: line 4: found character that cannot start any token",
		},
		{
			name: "a bad item inside a List names the item",
			in:   `{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a"}},{"apiVersion":"v1","kind":"Node","metadata":{"name":"n"},"spec":{"unschedulable":"yes"}}]}`,
			want: `api: document 1, item 1 (Node "n"): spec.unschedulable: expected a boolean, got string "yes"`,
		},
		{
			name: "a scalar document is not an object",
			in:   "just a string\n",
			want: `api: document 1: expected an object, got "\"just a string\""`,
		},
		{
			name: "a port number beyond int32 is out of range",
			in:   "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 99999999999}]\n",
			want: `api: document 1 (Service "s"): spec.ports[0].port: expected an integer (int32), got number 99999999999`,
		},
		{
			name: "a bad targetPort type",
			in:   "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80, targetPort: [1]}]\n",
			want: `api: document 1 (Service "s"): spec.ports[0].targetPort: must be an integer or a string, got [1]`,
		},
		{
			name: "a bad timestamp",
			in:   "apiVersion: v1\nkind: Namespace\nmetadata: {name: a, creationTimestamp: yesterday}\n",
			want: `api: document 1 (Namespace "a"): metadata.creationTimestamp: time "yesterday" is not RFC 3339`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := api.Decode(strings.NewReader(tt.in))
			require.Error(t, err)
			require.Equal(t, tt.want, err.Error())
			var de *api.DecodeError
			require.True(t, errors.As(err, &de), "error is a *api.DecodeError")
		})
	}
}

func quantityErr(t *testing.T, s string) string {
	t.Helper()
	_, err := api.ParseQuantity(s)
	require.Error(t, err)
	return err.Error()
}

func TestDecodeUnknownKindWrapsSentinel(t *testing.T) {
	_, err := api.Decode(strings.NewReader("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n"))
	require.ErrorIs(t, err, api.ErrUnknownKind)
}

// TestDeepCopySharesNoMemory decodes every manifest, deep-copies each
// object, and checks that the copy is equal and that no pointer, slice or
// map of the copy aliases the original.
func TestDeepCopySharesNoMemory(t *testing.T) {
	for _, f := range []string{"pod-liveness.yaml", "deployment-shaped.yaml", "services.yaml", "storage-rbac-netpol.yaml", "kubectl-get-pods.json"} {
		for _, o := range decodeFile(t, f) {
			c := o.DeepCopyObject()
			if diff := cmp.Diff(o, c, cmp.Comparer(func(a, b api.Quantity) bool { return a.Cmp(b) == 0 })); diff != "" {
				t.Fatalf("%s: copy differs (-orig +copy):\n%s", f, diff)
			}
			if p := sharedPath(reflect.ValueOf(o), reflect.ValueOf(c), ""); p != "" {
				t.Errorf("%s %s: copy shares memory at %s", f, o.GetObjectMeta().Name, p)
			}
		}
	}
}

func sharedPath(a, b reflect.Value, path string) string {
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() {
			return ""
		}
		if a.Pointer() == b.Pointer() && a.Type() != reflect.TypeOf(&api.Quantity{}) {
			return path
		}
		return sharedPath(a.Elem(), b.Elem(), path)
	case reflect.Interface:
		if a.IsNil() {
			return ""
		}
		return sharedPath(a.Elem(), b.Elem(), path)
	case reflect.Slice:
		if a.Len() == 0 {
			return ""
		}
		if a.Pointer() == b.Pointer() {
			return path
		}
		for i := 0; i < a.Len(); i++ {
			if p := sharedPath(a.Index(i), b.Index(i), path+"[]"); p != "" {
				return p
			}
		}
	case reflect.Map:
		if a.Len() == 0 {
			return ""
		}
		if a.Pointer() == b.Pointer() {
			return path
		}
	case reflect.Struct:
		if a.Type() == reflect.TypeOf(api.Quantity{}) || a.Type() == reflect.TypeOf(api.Time{}) || a.Type() == reflect.TypeOf(api.MicroTime{}) {
			return ""
		}
		for i := 0; i < a.NumField(); i++ {
			if !a.Type().Field(i).IsExported() {
				continue
			}
			if p := sharedPath(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); p != "" {
				return p
			}
		}
	}
	return ""
}

func FuzzDecode(f *testing.F) {
	for _, name := range []string{"pod-liveness.yaml", "services.yaml", "storage-rbac-netpol.yaml", "kubectl-get-pods.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", "manifests", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("apiVersion: v1\nkind: List\nitems: [1, {}]\n"))
	f.Add([]byte(`[{"kind":"Pod","apiVersion":"v1","spec":{"containers":[{"ports":[{"containerPort":"x"}]}]}}]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		objs, err := api.Decode(bytes.NewReader(b))
		if err != nil {
			return
		}
		for _, o := range objs {
			_ = o.Validate()
			_ = o.DeepCopyObject()
			api.SetTypeMeta(o)
			if _, err := json.Marshal(o); err != nil {
				t.Fatalf("decoded object does not encode: %v", err)
			}
		}
	})
}
