// Package gantry is a Go SDK of container-orchestration building blocks:
// the algorithms and node-side mechanisms Kubernetes keeps inside its
// binaries, cut out as small importable packages with Kubernetes' exact
// semantics, faster than the code they replace, and tested against real
// parts — etcd, CNI plugins, the kernel's nftables and IPVS.
//
// # Package map
//
//	api        Kubernetes-shaped objects, quantities, selectors, taints, validation, manifest decoding
//	scheduler  predicate/priority scheduler: filter, score, select, queue, preemption, explanations (kube-scheduler)
//	rbac       RBAC evaluator: binding resolution, aggregation, escalation checks, can-i, who-can (RBAC authorizer)
//	netpolicy  NetworkPolicy evaluator, reachability tables, explanations; netpolicy/nft enforces in the kernel
//	volume     PV/PVC binder with Immediate and WaitForFirstConsumer binding, provisioners, reclaim (PV controller)
//	probe      exec, TCP, HTTP and gRPC probers and a probe manager (kubelet prober)
//	runtime    pod lifecycle core; runtime/process runs pods as processes in network namespaces on CNI (kubelet)
//	proxy      Service planner: Services + EndpointSlices → minimal kernel diffs; proxy/nft and proxy/ipvs apply them (kube-proxy)
//	store      typed object store with resourceVersion CAS, lists, watches, informers; memory, etcd and embedded etcd
//	examples/  reference binaries: the all-in-one cluster demo and one CLI per block
//
// # How the blocks compose
//
// Every block imports [github.com/gantryhq/gantry/api] and the standard
// library, never a sibling block. Where two blocks meet — the scheduler asks
// the volume binder whether a node can host a pod's claims, the runtime runs
// the probe manager, the volume controller writes through the store — the
// consumer declares a small interface and the program that embeds both
// passes the concrete type in, as the binaries under examples/ do. Heavy
// dependencies (etcd, netlink, CNI) live in sub-packages, so importing a
// pure core such as rbac compiles neither etcd nor netlink.
//
// # Embedding a block
//
// Decode ordinary manifests with [github.com/gantryhq/gantry/api.Decode],
// then hand the objects to a block:
//
//	objs, err := api.Decode(file)             // multi-document YAML or JSON
//	if err != nil {
//		return err                             // names document, object and field
//	}
//	for _, o := range objs {
//		if err := o.Validate(); err != nil {   // Kubernetes' own rules and sentences
//			fmt.Println(err)
//		}
//	}
//
// Each block's package documentation shows its own entry point.
package gantry
