package api_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/gantryhq/gantry/api"
)

func ExampleDecode() {
	manifests := `
apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
  - name: web
    image: nginx:1.27
    resources:
      requests: {cpu: 250m, memory: 64Mi}
`
	objs, err := api.Decode(strings.NewReader(manifests))
	if err != nil {
		panic(err)
	}
	for _, o := range objs {
		fmt.Println(o.GroupVersionKind().Kind, o.GetObjectMeta().Key())
	}
	pod := objs[1].(*api.Pod)
	fmt.Println(pod.Spec.Containers[0].Resources.Requests[api.ResourceCPU].MilliValue(), "millicores")
	// Output:
	// Namespace shop
	// Pod shop/web
	// 250 millicores
}

func ExampleDecode_badInput() {
	_, err := api.Decode(strings.NewReader(`
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: http
`))
	fmt.Println(err)
	var de *api.DecodeError
	if errors.As(err, &de) {
		fmt.Println(de.Document, de.Kind, de.Name, de.Field)
	}
	// Output:
	// api: document 1 (Pod "web"): spec.containers[0].ports[0].containerPort: expected an integer (int32), got string "http"
	// 1 Pod web spec.containers[0].ports[0].containerPort
}

func ExamplePod_Validate() {
	pod := &api.Pod{
		ObjectMeta: api.ObjectMeta{Name: "Web", Namespace: "shop"},
		Spec: api.PodSpec{Containers: []api.Container{
			{Name: "web", Ports: []api.ContainerPort{{ContainerPort: 70000}}},
		}},
	}
	err := pod.Validate()
	var ve *api.ValidationError
	if errors.As(err, &ve) {
		for _, fe := range ve.Errors {
			fmt.Println(fe)
		}
	}
	// Output:
	// metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
	// spec.containers[0].image: Required value
	// spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive
}

func ExampleLookupKind() {
	k, ok := api.LookupKind("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")
	fmt.Println(ok, k.Resource, k.Namespaced)
	// Output: true clusterrolebindings false
}
