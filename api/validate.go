package api

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// Validation follows Kubernetes' API validation for the fields the object
// model carries: the same rules, field paths and error sentences, so that a
// manifest gantry rejects is one the API server rejects too. Fields that are
// defaulted by the API server (protocols, restart policies, …) may be empty.

type nameFunc func(name string, prefix bool) []string

func validateMeta(m *ObjectMeta, namespaced bool, nameFn nameFunc) ErrorList {
	var errs ErrorList
	p := newPath("metadata")
	if m.GenerateName != "" {
		for _, msg := range nameFn(m.GenerateName, true) {
			errs = append(errs, invalid(p.Child("generateName"), m.GenerateName, msg))
		}
	}
	if m.Name == "" {
		if m.GenerateName == "" {
			errs = append(errs, required(p.Child("name"), "name or generateName is required"))
		}
	} else {
		for _, msg := range nameFn(m.Name, false) {
			errs = append(errs, invalid(p.Child("name"), m.Name, msg))
		}
	}
	if namespaced {
		if m.Namespace != "" {
			for _, msg := range IsDNS1123Label(m.Namespace) {
				errs = append(errs, invalid(p.Child("namespace"), m.Namespace, msg))
			}
		}
	} else if m.Namespace != "" {
		errs = append(errs, forbidden(p.Child("namespace"), "not allowed on this type"))
	}
	if m.Generation < 0 {
		errs = append(errs, invalid(p.Child("generation"), m.Generation, "must be greater than or equal to 0"))
	}
	errs = append(errs, validateLabels(m.Labels, p.Child("labels"))...)
	errs = append(errs, validateAnnotations(m.Annotations, p.Child("annotations"))...)
	for i, o := range m.OwnerReferences {
		op := p.Child("ownerReferences").Index(i)
		if o.APIVersion == "" {
			errs = append(errs, invalid(op.Child("apiVersion"), o.APIVersion, "version must not be empty"))
		}
		if o.Kind == "" {
			errs = append(errs, invalid(op.Child("kind"), o.Kind, "kind must not be empty"))
		}
		if o.Name == "" {
			errs = append(errs, invalid(op.Child("name"), o.Name, "name must not be empty"))
		}
		if o.UID == "" {
			errs = append(errs, invalid(op.Child("uid"), o.UID, "uid must not be empty"))
		}
	}
	for i, f := range m.Finalizers {
		for _, msg := range IsQualifiedName(f) {
			errs = append(errs, invalid(p.Child("finalizers").Index(i), f, msg))
		}
	}
	return errs
}

func validateLabels(labels map[string]string, p *path) ErrorList {
	var errs ErrorList
	for _, k := range sortedKeys(labels) {
		for _, msg := range IsQualifiedName(k) {
			errs = append(errs, invalid(p, k, msg))
		}
		for _, msg := range IsValidLabelValue(labels[k]) {
			errs = append(errs, invalid(p, labels[k], msg))
		}
	}
	return errs
}

// totalAnnotationSizeLimit is Kubernetes' limit on the summed size of an
// object's annotation keys and values.
const totalAnnotationSizeLimit = 256 * 1024

func validateAnnotations(ann map[string]string, p *path) ErrorList {
	var errs ErrorList
	size := 0
	for _, k := range sortedKeys(ann) {
		for _, msg := range IsQualifiedName(strings.ToLower(k)) {
			errs = append(errs, invalid(p, k, msg))
		}
		size += len(k) + len(ann[k])
	}
	if size > totalAnnotationSizeLimit {
		errs = append(errs, &FieldError{Field: p.String(), Type: ErrorTypeTooLong, BadValue: omitValue,
			Detail: fmt.Sprintf("may not be more than %d bytes", totalAnnotationSizeLimit)})
	}
	return errs
}

// isPathSegmentName is Kubernetes' rule for RBAC object names: anything that
// can be one segment of a URL path.
func isPathSegmentName(name string, prefix bool) []string {
	var errs []string
	if !prefix && (name == "." || name == "..") {
		errs = append(errs, fmt.Sprintf("may not be '%s'", name))
	}
	for _, c := range []string{"/", "%"} {
		if strings.Contains(name, c) {
			errs = append(errs, fmt.Sprintf("may not contain '%s'", c))
		}
	}
	return errs
}

func dns1035(name string, prefix bool) []string {
	if prefix {
		name = maskTrailingDash(name)
	}
	return IsDNS1035Label(name)
}

func maskTrailingDash(name string) string {
	if len(name) > 1 && strings.HasSuffix(name, "-") {
		return name[:len(name)-2] + "a"
	}
	return name
}

func validatePortNum(p *path, port int32) ErrorList {
	if port < 1 || port > 65535 {
		return ErrorList{invalid(p, port, "must be between 1 and 65535, inclusive")}
	}
	return nil
}

func validateProtocol(p *path, proto Protocol, allowEmpty bool) ErrorList {
	switch proto {
	case ProtocolTCP, ProtocolUDP, ProtocolSCTP:
		return nil
	case "":
		if allowEmpty {
			return nil
		}
		return ErrorList{required(p, "")}
	}
	return ErrorList{notSupported(p, proto, ProtocolSCTP, ProtocolTCP, ProtocolUDP)}
}

func validateLabelSelector(ls *LabelSelector, p *path) ErrorList {
	if ls == nil {
		return nil
	}
	var errs ErrorList
	for i, r := range ls.MatchExpressions {
		rp := p.Child("matchExpressions").Index(i)
		switch r.Operator {
		case LabelSelectorOpIn, LabelSelectorOpNotIn:
			if len(r.Values) == 0 {
				errs = append(errs, required(rp.Child("values"), "must be specified when `operator` is 'In' or 'NotIn'"))
			}
		case LabelSelectorOpExists, LabelSelectorOpDoesNotExist:
			if len(r.Values) > 0 {
				errs = append(errs, forbidden(rp.Child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
			}
		default:
			errs = append(errs, invalid(rp.Child("operator"), r.Operator, "not a valid selector operator"))
		}
		for _, msg := range IsQualifiedName(r.Key) {
			errs = append(errs, invalid(rp.Child("key"), r.Key, msg))
		}
		for j, v := range r.Values {
			for _, msg := range IsValidLabelValue(v) {
				errs = append(errs, invalid(rp.Child("values").Index(j), v, msg))
			}
		}
	}
	errs = append(errs, validateLabels(ls.MatchLabels, p.Child("matchLabels"))...)
	return errs
}

func validateNodeSelectorRequirement(r NodeSelectorRequirement, p *path, field bool) ErrorList {
	var errs ErrorList
	switch r.Operator {
	case NodeSelectorOpIn, NodeSelectorOpNotIn:
		if len(r.Values) == 0 {
			errs = append(errs, required(p.Child("values"), "must be specified when `operator` is 'In' or 'NotIn'"))
		}
	case NodeSelectorOpExists, NodeSelectorOpDoesNotExist:
		if len(r.Values) > 0 {
			errs = append(errs, forbidden(p.Child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
		}
	case NodeSelectorOpGt, NodeSelectorOpLt:
		if len(r.Values) != 1 {
			errs = append(errs, required(p.Child("values"), "must be specified single value when `operator` is 'Lt' or 'Gt'"))
		}
	default:
		errs = append(errs, invalid(p.Child("operator"), r.Operator, "not a valid selector operator"))
	}
	if field {
		if r.Key != "metadata.name" {
			errs = append(errs, notSupported(p.Child("key"), r.Key, "metadata.name"))
		}
		if (r.Operator == NodeSelectorOpIn || r.Operator == NodeSelectorOpNotIn) && len(r.Values) != 1 && len(r.Values) > 0 {
			errs = append(errs, required(p.Child("values"), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"))
		}
		return errs
	}
	for _, msg := range IsQualifiedName(r.Key) {
		errs = append(errs, invalid(p.Child("key"), r.Key, msg))
	}
	return errs
}

func validateNodeSelectorTerm(t NodeSelectorTerm, p *path) ErrorList {
	var errs ErrorList
	for i, r := range t.MatchExpressions {
		errs = append(errs, validateNodeSelectorRequirement(r, p.Child("matchExpressions").Index(i), false)...)
	}
	for i, r := range t.MatchFields {
		errs = append(errs, validateNodeSelectorRequirement(r, p.Child("matchFields").Index(i), true)...)
	}
	return errs
}

func validateNodeSelector(ns *NodeSelector, p *path) ErrorList {
	if ns == nil {
		return nil
	}
	var errs ErrorList
	tp := p.Child("nodeSelectorTerms")
	if len(ns.NodeSelectorTerms) == 0 {
		return ErrorList{required(tp, "must have at least one node selector term")}
	}
	for i, t := range ns.NodeSelectorTerms {
		errs = append(errs, validateNodeSelectorTerm(t, tp.Index(i))...)
	}
	return errs
}

// Validate checks a Namespace.
func (n *Namespace) Validate() error {
	return newValidationError(n, validateMeta(&n.ObjectMeta, false, func(s string, prefix bool) []string {
		if prefix {
			s = maskTrailingDash(s)
		}
		return IsDNS1123Label(s)
	}))
}

// Validate checks a Node: its name, labels, taints and resource lists.
func (n *Node) Validate() error {
	errs := validateMeta(&n.ObjectMeta, false, NameIsDNSSubdomain)
	errs = append(errs, validateTaints(n.Spec.Taints, newPath("spec", "taints"))...)
	errs = append(errs, validateResourceList(n.Status.Capacity, newPath("status", "capacity"))...)
	errs = append(errs, validateResourceList(n.Status.Allocatable, newPath("status", "allocatable"))...)
	return newValidationError(n, errs)
}

func validateTaints(taints []Taint, p *path) ErrorList {
	var errs ErrorList
	seen := map[string]bool{}
	for i, t := range taints {
		tp := p.Index(i)
		for _, msg := range IsQualifiedName(t.Key) {
			errs = append(errs, invalid(tp.Child("key"), t.Key, msg))
		}
		if t.Value != "" {
			for _, msg := range IsValidLabelValue(t.Value) {
				errs = append(errs, invalid(tp.Child("value"), t.Value, msg))
			}
		}
		switch t.Effect {
		case TaintEffectNoSchedule, TaintEffectPreferNoSchedule, TaintEffectNoExecute:
		case "":
			errs = append(errs, required(tp.Child("effect"), ""))
		default:
			errs = append(errs, notSupported(tp.Child("effect"), t.Effect, TaintEffectNoExecute, TaintEffectNoSchedule, TaintEffectPreferNoSchedule))
		}
		k := t.Key + ":" + string(t.Effect)
		if seen[k] {
			errs = append(errs, duplicate(tp, k))
		}
		seen[k] = true
	}
	return errs
}

func isNativeResource(name ResourceName) bool {
	return !strings.Contains(string(name), "/") || strings.Contains(string(name), "kubernetes.io/")
}

func validateResourceList(rl ResourceList, p *path) ErrorList {
	var errs ErrorList
	for _, k := range sortedKeys(rl) {
		q := rl[k]
		kp := p.Key(string(k))
		for _, msg := range IsQualifiedName(string(k)) {
			errs = append(errs, invalid(kp, k, msg))
		}
		if q.Sign() < 0 {
			errs = append(errs, invalid(kp, q.String(), "must be greater than or equal to 0"))
		}
		if !isNativeResource(k) || k == ResourcePods {
			if q.MilliValue()%1000 != 0 {
				errs = append(errs, invalid(kp, q.String(), "must be an integer"))
			}
		}
	}
	return errs
}

func validateResources(r ResourceRequirements, p *path) ErrorList {
	errs := validateResourceList(r.Limits, p.Child("limits"))
	errs = append(errs, validateResourceList(r.Requests, p.Child("requests"))...)
	for _, k := range sortedKeys(r.Requests) {
		req := r.Requests[k]
		lim, ok := r.Limits[k]
		if !ok {
			if !isNativeResource(k) {
				errs = append(errs, forbidden(p.Child("limits"), "Limit must be set for non overcommitable resources"))
			}
			continue
		}
		if !isNativeResource(k) && req.Cmp(lim) != 0 {
			errs = append(errs, invalid(p.Child("requests").Key(string(k)), req.String(), fmt.Sprintf("must be equal to %s limit of %s", k, lim.String())))
		} else if req.Cmp(lim) > 0 {
			errs = append(errs, invalid(p.Child("requests").Key(string(k)), req.String(), fmt.Sprintf("must be less than or equal to %s limit of %s", k, lim.String())))
		}
	}
	return errs
}

// Validate checks a Pod the way the API server does on create.
func (pod *Pod) Validate() error {
	errs := validateMeta(&pod.ObjectMeta, true, NameIsDNSSubdomain)
	errs = append(errs, validatePodSpec(&pod.Spec, newPath("spec"))...)
	return newValidationError(pod, errs)
}

func validatePodSpec(s *PodSpec, p *path) ErrorList {
	var errs ErrorList
	volumes := map[string]bool{}
	for i, v := range s.Volumes {
		vp := p.Child("volumes").Index(i)
		if v.Name == "" {
			errs = append(errs, required(vp.Child("name"), ""))
		} else {
			for _, msg := range IsDNS1123Label(v.Name) {
				errs = append(errs, invalid(vp.Child("name"), v.Name, msg))
			}
			if volumes[v.Name] {
				errs = append(errs, duplicate(vp.Child("name"), v.Name))
			}
			volumes[v.Name] = true
		}
		errs = append(errs, validateVolumeSource(&v.VolumeSource, vp)...)
	}
	if len(s.Containers) == 0 {
		errs = append(errs, required(p.Child("containers"), ""))
	}
	names := map[string]bool{}
	for i := range s.InitContainers {
		errs = append(errs, validateContainer(&s.InitContainers[i], p.Child("initContainers").Index(i), true, names, volumes, s.HostNetwork)...)
	}
	for i := range s.Containers {
		errs = append(errs, validateContainer(&s.Containers[i], p.Child("containers").Index(i), false, names, volumes, s.HostNetwork)...)
	}
	switch s.RestartPolicy {
	case "", RestartPolicyAlways, RestartPolicyOnFailure, RestartPolicyNever:
	default:
		errs = append(errs, notSupported(p.Child("restartPolicy"), s.RestartPolicy, RestartPolicyAlways, RestartPolicyOnFailure, RestartPolicyNever))
	}
	if s.TerminationGracePeriodSeconds != nil && *s.TerminationGracePeriodSeconds < 0 {
		errs = append(errs, invalid(p.Child("terminationGracePeriodSeconds"), *s.TerminationGracePeriodSeconds, "must be greater than or equal to 0"))
	}
	if s.ActiveDeadlineSeconds != nil && *s.ActiveDeadlineSeconds <= 0 {
		errs = append(errs, invalid(p.Child("activeDeadlineSeconds"), *s.ActiveDeadlineSeconds, "must be between 1 and 2147483647, inclusive"))
	}
	errs = append(errs, validateLabels(s.NodeSelector, p.Child("nodeSelector"))...)
	if s.NodeName != "" {
		for _, msg := range IsDNS1123Subdomain(s.NodeName) {
			errs = append(errs, invalid(p.Child("nodeName"), s.NodeName, msg))
		}
	}
	if s.ServiceAccountName != "" {
		for _, msg := range IsDNS1123Subdomain(s.ServiceAccountName) {
			errs = append(errs, invalid(p.Child("serviceAccountName"), s.ServiceAccountName, msg))
		}
	}
	errs = append(errs, validateTolerations(s.Tolerations, p.Child("tolerations"))...)
	errs = append(errs, validateAffinity(s.Affinity, p.Child("affinity"))...)
	errs = append(errs, validateTopologySpread(s.TopologySpreadConstraints, p.Child("topologySpreadConstraints"))...)
	gates := map[string]bool{}
	for i, g := range s.SchedulingGates {
		gp := p.Child("schedulingGates").Index(i).Child("name")
		for _, msg := range IsQualifiedName(g.Name) {
			errs = append(errs, invalid(gp, g.Name, msg))
		}
		if gates[g.Name] {
			errs = append(errs, duplicate(gp, g.Name))
		}
		gates[g.Name] = true
	}
	if s.PreemptionPolicy != nil {
		switch *s.PreemptionPolicy {
		case PreemptLowerPriority, PreemptNever:
		default:
			errs = append(errs, notSupported(p.Child("preemptionPolicy"), *s.PreemptionPolicy, PreemptLowerPriority, PreemptNever))
		}
	}
	errs = append(errs, validateResourceList(s.Overhead, p.Child("overhead"))...)
	return errs
}

func validateVolumeSource(v *VolumeSource, p *path) ErrorList {
	var errs ErrorList
	n := 0
	if v.HostPath != nil {
		n++
		if v.HostPath.Path == "" {
			errs = append(errs, required(p.Child("hostPath", "path"), ""))
		}
	}
	if v.EmptyDir != nil {
		n++
		if v.EmptyDir.SizeLimit != nil && v.EmptyDir.SizeLimit.Sign() < 0 {
			errs = append(errs, forbidden(p.Child("emptyDir", "sizeLimit"), "SizeLimit field must be a valid resource quantity"))
		}
	}
	if v.PersistentVolumeClaim != nil {
		n++
		if v.PersistentVolumeClaim.ClaimName == "" {
			errs = append(errs, required(p.Child("persistentVolumeClaim", "claimName"), ""))
		}
	}
	if v.ConfigMap != nil {
		n++
	}
	if v.Secret != nil {
		n++
	}
	if v.Projected != nil {
		n++
	}
	if v.DownwardAPI != nil {
		n++
	}
	switch {
	case n == 0:
		errs = append(errs, required(p, "must specify a volume type"))
	case n > 1:
		errs = append(errs, forbidden(p, "may not specify more than 1 volume type"))
	}
	return errs
}

func validateContainer(c *Container, p *path, init bool, names, volumes map[string]bool, hostNetwork bool) ErrorList {
	var errs ErrorList
	if c.Name == "" {
		errs = append(errs, required(p.Child("name"), ""))
	} else {
		for _, msg := range IsDNS1123Label(c.Name) {
			errs = append(errs, invalid(p.Child("name"), c.Name, msg))
		}
		if names[c.Name] {
			errs = append(errs, duplicate(p.Child("name"), c.Name))
		}
		names[c.Name] = true
	}
	if strings.TrimSpace(c.Image) == "" {
		errs = append(errs, required(p.Child("image"), ""))
	}
	portNames := map[string]bool{}
	for i, port := range c.Ports {
		pp := p.Child("ports").Index(i)
		if port.Name != "" {
			for _, msg := range IsValidPortName(port.Name) {
				errs = append(errs, invalid(pp.Child("name"), port.Name, msg))
			}
			if portNames[port.Name] {
				errs = append(errs, duplicate(pp.Child("name"), port.Name))
			}
			portNames[port.Name] = true
		}
		if port.ContainerPort == 0 {
			errs = append(errs, required(pp.Child("containerPort"), ""))
		} else {
			errs = append(errs, validatePortNum(pp.Child("containerPort"), port.ContainerPort)...)
		}
		if port.HostPort != 0 {
			errs = append(errs, validatePortNum(pp.Child("hostPort"), port.HostPort)...)
			if hostNetwork && port.HostPort != port.ContainerPort {
				errs = append(errs, invalid(pp.Child("hostPort"), port.HostPort, "must match `containerPort` when `hostNetwork` is true"))
			}
		}
		errs = append(errs, validateProtocol(pp.Child("protocol"), port.Protocol, true)...)
		if port.HostIP != "" {
			if _, err := netip.ParseAddr(port.HostIP); err != nil {
				errs = append(errs, invalid(pp.Child("hostIP"), port.HostIP, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"))
			}
		}
	}
	for i, e := range c.Env {
		if e.Name == "" {
			errs = append(errs, required(p.Child("env").Index(i).Child("name"), ""))
		}
	}
	errs = append(errs, validateResources(c.Resources, p.Child("resources"))...)
	for i, m := range c.VolumeMounts {
		mp := p.Child("volumeMounts").Index(i)
		if m.Name == "" {
			errs = append(errs, required(mp.Child("name"), ""))
		} else if !volumes[m.Name] {
			errs = append(errs, &FieldError{Field: mp.Child("name").String(), Type: ErrorTypeNotFound, BadValue: m.Name})
		}
		if m.MountPath == "" {
			errs = append(errs, required(mp.Child("mountPath"), ""))
		}
	}
	sidecar := init && c.IsSidecar()
	if c.RestartPolicy != nil {
		switch {
		case !init:
			errs = append(errs, forbidden(p.Child("restartPolicy"), "may not be set for non-init containers"))
		case *c.RestartPolicy != ContainerRestartPolicyAlways:
			errs = append(errs, notSupported(p.Child("restartPolicy"), *c.RestartPolicy, ContainerRestartPolicyAlways))
		}
	}
	probes := []struct {
		name  string
		probe *Probe
	}{{"livenessProbe", c.LivenessProbe}, {"readinessProbe", c.ReadinessProbe}, {"startupProbe", c.StartupProbe}}
	for _, pr := range probes {
		if pr.probe == nil {
			continue
		}
		pp := p.Child(pr.name)
		if init && !sidecar {
			errs = append(errs, forbidden(pp, "may not be set for init containers without restartPolicy=Always"))
			continue
		}
		errs = append(errs, validateProbe(pr.probe, pp, pr.name != "readinessProbe")...)
	}
	if c.Lifecycle != nil {
		if init && !sidecar {
			errs = append(errs, forbidden(p.Child("lifecycle"), "may not be set for init containers without restartPolicy=Always"))
		} else {
			if c.Lifecycle.PostStart != nil {
				errs = append(errs, validateLifecycleHandler(c.Lifecycle.PostStart, p.Child("lifecycle", "postStart"))...)
			}
			if c.Lifecycle.PreStop != nil {
				errs = append(errs, validateLifecycleHandler(c.Lifecycle.PreStop, p.Child("lifecycle", "preStop"))...)
			}
		}
	}
	return errs
}

func validateProbe(pr *Probe, p *path, successMustBeOne bool) ErrorList {
	errs := validateHandler(pr.Exec, pr.HTTPGet, pr.TCPSocket, pr.GRPC, nil, p)
	nonNeg := []struct {
		name string
		v    int32
	}{
		{"initialDelaySeconds", pr.InitialDelaySeconds},
		{"timeoutSeconds", pr.TimeoutSeconds},
		{"periodSeconds", pr.PeriodSeconds},
		{"successThreshold", pr.SuccessThreshold},
		{"failureThreshold", pr.FailureThreshold},
	}
	for _, f := range nonNeg {
		if f.v < 0 {
			errs = append(errs, invalid(p.Child(f.name), f.v, "must be greater than or equal to 0"))
		}
	}
	if successMustBeOne && pr.SuccessThreshold != 0 && pr.SuccessThreshold != 1 {
		errs = append(errs, invalid(p.Child("successThreshold"), pr.SuccessThreshold, "must be 1"))
	}
	if pr.TerminationGracePeriodSeconds != nil && *pr.TerminationGracePeriodSeconds <= 0 {
		errs = append(errs, invalid(p.Child("terminationGracePeriodSeconds"), *pr.TerminationGracePeriodSeconds, "must be greater than 0"))
	}
	return errs
}

func validateLifecycleHandler(h *LifecycleHandler, p *path) ErrorList {
	errs := validateHandler(h.Exec, h.HTTPGet, h.TCPSocket, nil, h.Sleep, p)
	if h.Sleep != nil && h.Sleep.Seconds < 0 {
		errs = append(errs, invalid(p.Child("sleep", "seconds"), h.Sleep.Seconds, "must be non-negative"))
	}
	return errs
}

func validateHandler(ex *ExecAction, hg *HTTPGetAction, tcp *TCPSocketAction, grpc *GRPCAction, sleep *SleepAction, p *path) ErrorList {
	var errs ErrorList
	n := 0
	if ex != nil {
		n++
		if len(ex.Command) == 0 {
			errs = append(errs, required(p.Child("exec", "command"), ""))
		}
	}
	if hg != nil {
		n++
		if n == 1 {
			errs = append(errs, validatePortOrName(hg.Port, p.Child("httpGet", "port"))...)
			switch hg.Scheme {
			case "", URISchemeHTTP, URISchemeHTTPS:
			default:
				errs = append(errs, notSupported(p.Child("httpGet", "scheme"), hg.Scheme, URISchemeHTTP, URISchemeHTTPS))
			}
			for i, h := range hg.HTTPHeaders {
				if h.Name == "" || strings.ContainsAny(h.Name, " :\t\r\n") {
					errs = append(errs, invalid(p.Child("httpGet", "httpHeaders").Index(i).Child("name"), h.Name, "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')"))
				}
			}
		}
	}
	if tcp != nil {
		n++
		if n == 1 {
			errs = append(errs, validatePortOrName(tcp.Port, p.Child("tcpSocket", "port"))...)
		}
	}
	if grpc != nil {
		n++
		if n == 1 {
			errs = append(errs, validatePortNum(p.Child("grpc", "port"), grpc.Port)...)
		}
	}
	if sleep != nil {
		n++
	}
	switch {
	case n == 0:
		errs = append(errs, required(p, "must specify a handler type"))
	case n > 1:
		errs = append(errs, forbidden(p, "may not specify more than 1 handler type"))
	}
	return errs
}

func validatePortOrName(v IntOrString, p *path) ErrorList {
	if v.Type == IntType {
		return validatePortNum(p, v.IntVal)
	}
	var errs ErrorList
	for _, msg := range IsValidPortName(v.StrVal) {
		errs = append(errs, invalid(p, v.StrVal, msg))
	}
	return errs
}

func validateTolerations(ts []Toleration, p *path) ErrorList {
	var errs ErrorList
	for i, t := range ts {
		tp := p.Index(i)
		if t.Key != "" {
			for _, msg := range IsQualifiedName(t.Key) {
				errs = append(errs, invalid(tp.Child("key"), t.Key, msg))
			}
		}
		if t.Key == "" && t.Operator != TolerationOpExists {
			errs = append(errs, invalid(tp.Child("operator"), t.Operator, "operator must be Exists when `key` is empty, which means \"match all values and all keys\""))
		}
		if t.TolerationSeconds != nil && t.Effect != TaintEffectNoExecute {
			errs = append(errs, invalid(tp.Child("effect"), t.Effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"))
		}
		switch t.Operator {
		case TolerationOpEqual, "":
			for _, msg := range IsValidLabelValue(t.Value) {
				errs = append(errs, invalid(tp.Child("operator"), t.Value, msg))
			}
		case TolerationOpExists:
			if t.Value != "" {
				errs = append(errs, invalid(tp.Child("operator"), t, "value must be empty when `operator` is 'Exists'"))
			}
		case TolerationOpLt, TolerationOpGt:
			if _, err := strconv.ParseInt(t.Value, 10, 64); err != nil {
				errs = append(errs, invalid(tp.Child("value"), t.Value, "value must be a valid integer when `operator` is 'Lt' or 'Gt'"))
			}
		default:
			errs = append(errs, notSupported(tp.Child("operator"), t.Operator, TolerationOpEqual, TolerationOpExists))
		}
		switch t.Effect {
		case "", TaintEffectNoSchedule, TaintEffectPreferNoSchedule, TaintEffectNoExecute:
		default:
			errs = append(errs, notSupported(tp.Child("effect"), t.Effect, TaintEffectNoExecute, TaintEffectNoSchedule, TaintEffectPreferNoSchedule))
		}
	}
	return errs
}

func validateAffinity(a *Affinity, p *path) ErrorList {
	if a == nil {
		return nil
	}
	var errs ErrorList
	if na := a.NodeAffinity; na != nil {
		np := p.Child("nodeAffinity")
		errs = append(errs, validateNodeSelector(na.RequiredDuringSchedulingIgnoredDuringExecution, np.Child("requiredDuringSchedulingIgnoredDuringExecution"))...)
		for i, t := range na.PreferredDuringSchedulingIgnoredDuringExecution {
			tp := np.Child("preferredDuringSchedulingIgnoredDuringExecution").Index(i)
			if t.Weight < 1 || t.Weight > 100 {
				errs = append(errs, invalid(tp.Child("weight"), t.Weight, "must be in the range 1-100"))
			}
			errs = append(errs, validateNodeSelectorTerm(t.Preference, tp.Child("preference"))...)
		}
	}
	podTerms := func(req []PodAffinityTerm, pref []WeightedPodAffinityTerm, pp *path) {
		for i := range req {
			errs = append(errs, validatePodAffinityTerm(&req[i], pp.Child("requiredDuringSchedulingIgnoredDuringExecution").Index(i))...)
		}
		for i := range pref {
			wp := pp.Child("preferredDuringSchedulingIgnoredDuringExecution").Index(i)
			if pref[i].Weight < 1 || pref[i].Weight > 100 {
				errs = append(errs, invalid(wp.Child("weight"), pref[i].Weight, "must be in the range 1-100"))
			}
			errs = append(errs, validatePodAffinityTerm(&pref[i].PodAffinityTerm, wp.Child("podAffinityTerm"))...)
		}
	}
	if pa := a.PodAffinity; pa != nil {
		podTerms(pa.RequiredDuringSchedulingIgnoredDuringExecution, pa.PreferredDuringSchedulingIgnoredDuringExecution, p.Child("podAffinity"))
	}
	if pa := a.PodAntiAffinity; pa != nil {
		podTerms(pa.RequiredDuringSchedulingIgnoredDuringExecution, pa.PreferredDuringSchedulingIgnoredDuringExecution, p.Child("podAntiAffinity"))
	}
	return errs
}

func validatePodAffinityTerm(t *PodAffinityTerm, p *path) ErrorList {
	var errs ErrorList
	errs = append(errs, validateLabelSelector(t.LabelSelector, p.Child("labelSelector"))...)
	errs = append(errs, validateLabelSelector(t.NamespaceSelector, p.Child("namespaceSelector"))...)
	for i, ns := range t.Namespaces {
		for _, msg := range IsDNS1123Label(ns) {
			errs = append(errs, invalid(p.Child("namespaces").Index(i), ns, msg))
		}
	}
	if t.TopologyKey == "" {
		errs = append(errs, required(p.Child("topologyKey"), "can not be empty"))
	} else {
		for _, msg := range IsQualifiedName(t.TopologyKey) {
			errs = append(errs, invalid(p.Child("topologyKey"), t.TopologyKey, msg))
		}
	}
	for i, k := range t.MatchLabelKeys {
		for _, msg := range IsQualifiedName(k) {
			errs = append(errs, invalid(p.Child("matchLabelKeys").Index(i), k, msg))
		}
	}
	for i, k := range t.MismatchLabelKeys {
		for _, msg := range IsQualifiedName(k) {
			errs = append(errs, invalid(p.Child("mismatchLabelKeys").Index(i), k, msg))
		}
	}
	return errs
}

func validateTopologySpread(cs []TopologySpreadConstraint, p *path) ErrorList {
	var errs ErrorList
	seen := map[string]bool{}
	for i, c := range cs {
		cp := p.Index(i)
		if c.MaxSkew <= 0 {
			errs = append(errs, invalid(cp.Child("maxSkew"), c.MaxSkew, "must be greater than zero"))
		}
		if c.TopologyKey == "" {
			errs = append(errs, required(cp.Child("topologyKey"), "can not be empty"))
		} else {
			for _, msg := range IsQualifiedName(c.TopologyKey) {
				errs = append(errs, invalid(cp.Child("topologyKey"), c.TopologyKey, msg))
			}
		}
		switch c.WhenUnsatisfiable {
		case DoNotSchedule, ScheduleAnyway:
		default:
			errs = append(errs, notSupported(cp.Child("whenUnsatisfiable"), c.WhenUnsatisfiable, DoNotSchedule, ScheduleAnyway))
		}
		k := c.TopologyKey + "/" + string(c.WhenUnsatisfiable)
		if seen[k] {
			errs = append(errs, duplicate(cp, fmt.Sprintf("{%v, %v}", c.TopologyKey, c.WhenUnsatisfiable)))
		}
		seen[k] = true
		if c.MinDomains != nil {
			if *c.MinDomains <= 0 {
				errs = append(errs, invalid(cp.Child("minDomains"), *c.MinDomains, "must be greater than 0"))
			} else if c.WhenUnsatisfiable != DoNotSchedule {
				errs = append(errs, invalid(cp.Child("minDomains"), *c.MinDomains, "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway"))
			}
		}
		for _, pol := range []struct {
			name string
			v    *NodeInclusionPolicy
		}{{"nodeAffinityPolicy", c.NodeAffinityPolicy}, {"nodeTaintsPolicy", c.NodeTaintsPolicy}} {
			if pol.v != nil && *pol.v != NodeInclusionPolicyHonor && *pol.v != NodeInclusionPolicyIgnore {
				errs = append(errs, notSupported(cp.Child(pol.name), *pol.v, NodeInclusionPolicyHonor, NodeInclusionPolicyIgnore))
			}
		}
		errs = append(errs, validateLabelSelector(c.LabelSelector, cp.Child("labelSelector"))...)
		for j, k := range c.MatchLabelKeys {
			for _, msg := range IsQualifiedName(k) {
				errs = append(errs, invalid(cp.Child("matchLabelKeys").Index(j), k, msg))
			}
		}
	}
	return errs
}

// Validate checks a Service: ports, IPs, type-dependent fields and affinity.
func (s *Service) Validate() error {
	errs := validateMeta(&s.ObjectMeta, true, dns1035)
	p := newPath("spec")
	sp := &s.Spec
	typ := sp.Type
	if typ == "" {
		typ = ServiceTypeClusterIP
	}
	switch typ {
	case ServiceTypeClusterIP, ServiceTypeNodePort, ServiceTypeLoadBalancer, ServiceTypeExternalName:
	default:
		errs = append(errs, notSupported(p.Child("type"), sp.Type, ServiceTypeClusterIP, ServiceTypeExternalName, ServiceTypeLoadBalancer, ServiceTypeNodePort))
	}
	headless := sp.ClusterIP == ClusterIPNone
	if len(sp.Ports) == 0 && !headless && typ != ServiceTypeExternalName {
		errs = append(errs, required(p.Child("ports"), ""))
	}
	if typ == ServiceTypeExternalName {
		if sp.ExternalName == "" {
			errs = append(errs, required(p.Child("externalName"), ""))
		}
	}
	portNames := map[string]bool{}
	portKeys := map[string]bool{}
	for i, port := range sp.Ports {
		pp := p.Child("ports").Index(i)
		if len(sp.Ports) > 1 && port.Name == "" {
			errs = append(errs, required(pp.Child("name"), ""))
		} else if port.Name != "" {
			for _, msg := range IsDNS1123Label(port.Name) {
				errs = append(errs, invalid(pp.Child("name"), port.Name, msg))
			}
			if portNames[port.Name] {
				errs = append(errs, duplicate(pp.Child("name"), port.Name))
			}
			portNames[port.Name] = true
		}
		errs = append(errs, validatePortNum(pp.Child("port"), port.Port)...)
		errs = append(errs, validateProtocol(pp.Child("protocol"), port.Protocol, true)...)
		if !port.TargetPort.IsZero() {
			errs = append(errs, validatePortOrName(port.TargetPort, pp.Child("targetPort"))...)
		}
		if port.NodePort != 0 {
			if typ == ServiceTypeClusterIP || typ == ServiceTypeExternalName {
				errs = append(errs, forbidden(pp.Child("nodePort"), fmt.Sprintf("may not be used when `type` is '%s'", typ)))
			} else {
				errs = append(errs, validatePortNum(pp.Child("nodePort"), port.NodePort)...)
			}
		}
		proto := port.Protocol
		if proto == "" {
			proto = ProtocolTCP
		}
		k := strconv.Itoa(int(port.Port)) + "/" + string(proto)
		if portKeys[k] {
			errs = append(errs, duplicate(pp, k))
		}
		portKeys[k] = true
	}
	ips := sp.ClusterIPs
	if len(ips) == 0 && sp.ClusterIP != "" {
		ips = []string{sp.ClusterIP}
	}
	if sp.ClusterIP != "" && len(sp.ClusterIPs) > 0 && sp.ClusterIPs[0] != sp.ClusterIP {
		errs = append(errs, invalid(p.Child("clusterIPs"), sp.ClusterIPs, "first value must match `clusterIP`"))
	}
	for i, ip := range ips {
		if ip == ClusterIPNone {
			if i > 0 || len(ips) > 1 {
				errs = append(errs, invalid(p.Child("clusterIPs").Index(i), ip, "'None' must be the first and only value"))
			}
			continue
		}
		if _, err := netip.ParseAddr(ip); err != nil {
			errs = append(errs, invalid(p.Child("clusterIPs").Index(i), ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"))
		}
	}
	for i, ip := range sp.ExternalIPs {
		if _, err := netip.ParseAddr(ip); err != nil {
			errs = append(errs, invalid(p.Child("externalIPs").Index(i), ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"))
		}
	}
	switch sp.SessionAffinity {
	case "", ServiceAffinityNone:
		if sp.SessionAffinityConfig != nil {
			errs = append(errs, forbidden(p.Child("sessionAffinityConfig"), fmt.Sprintf("must not be set when session affinity is %s", ServiceAffinityNone)))
		}
	case ServiceAffinityClientIP:
		if c := sp.SessionAffinityConfig; c != nil && c.ClientIP != nil && c.ClientIP.TimeoutSeconds != nil {
			if t := *c.ClientIP.TimeoutSeconds; t <= 0 || t > 86400 {
				errs = append(errs, invalid(p.Child("sessionAffinityConfig", "clientIP", "timeoutSeconds"), t, "must be greater than 0 and less than 86400"))
			}
		}
	default:
		errs = append(errs, notSupported(p.Child("sessionAffinity"), sp.SessionAffinity, ServiceAffinityClientIP, ServiceAffinityNone))
	}
	if sp.ExternalTrafficPolicy != "" {
		if typ != ServiceTypeNodePort && typ != ServiceTypeLoadBalancer {
			errs = append(errs, invalid(p.Child("externalTrafficPolicy"), sp.ExternalTrafficPolicy, "may only be set when `type` is 'NodePort' or 'LoadBalancer'"))
		} else if sp.ExternalTrafficPolicy != TrafficPolicyCluster && sp.ExternalTrafficPolicy != TrafficPolicyLocal {
			errs = append(errs, notSupported(p.Child("externalTrafficPolicy"), sp.ExternalTrafficPolicy, TrafficPolicyCluster, TrafficPolicyLocal))
		}
	}
	if sp.InternalTrafficPolicy != nil && *sp.InternalTrafficPolicy != TrafficPolicyCluster && *sp.InternalTrafficPolicy != TrafficPolicyLocal {
		errs = append(errs, notSupported(p.Child("internalTrafficPolicy"), *sp.InternalTrafficPolicy, TrafficPolicyCluster, TrafficPolicyLocal))
	}
	errs = append(errs, validateLabels(sp.Selector, p.Child("selector"))...)
	for i, ing := range s.Status.LoadBalancer.Ingress {
		if ing.IP != "" {
			if _, err := netip.ParseAddr(ing.IP); err != nil {
				errs = append(errs, invalid(newPath("status", "loadBalancer", "ingress").Index(i).Child("ip"), ing.IP, "must be a valid IP address"))
			}
		}
	}
	return newValidationError(s, errs)
}

// maxEndpoints is Kubernetes' limit on endpoints per EndpointSlice.
const maxEndpoints = 1000

// Validate checks an EndpointSlice: its address type, addresses and ports.
func (e *EndpointSlice) Validate() error {
	errs := validateMeta(&e.ObjectMeta, true, NameIsDNSSubdomain)
	switch e.AddressType {
	case AddressTypeIPv4, AddressTypeIPv6, AddressTypeFQDN:
	case "":
		errs = append(errs, required(newPath("addressType"), ""))
	default:
		errs = append(errs, notSupported(newPath("addressType"), e.AddressType, AddressTypeFQDN, AddressTypeIPv4, AddressTypeIPv6))
	}
	if len(e.Endpoints) > maxEndpoints {
		errs = append(errs, tooMany(newPath("endpoints"), len(e.Endpoints), maxEndpoints))
	}
	for i, ep := range e.Endpoints {
		ap := newPath("endpoints").Index(i).Child("addresses")
		if len(ep.Addresses) == 0 {
			errs = append(errs, required(ap, "must contain at least 1 address"))
		}
		for j, a := range ep.Addresses {
			switch e.AddressType {
			case AddressTypeIPv4, AddressTypeIPv6:
				ip, err := netip.ParseAddr(a)
				if err != nil {
					errs = append(errs, invalid(ap.Index(j), a, "must be a valid IP address"))
				} else if (e.AddressType == AddressTypeIPv4) != ip.Is4() {
					errs = append(errs, invalid(ap.Index(j), a, fmt.Sprintf("must be an %s address", e.AddressType)))
				}
			case AddressTypeFQDN:
				for _, msg := range IsDNS1123Subdomain(a) {
					errs = append(errs, invalid(ap.Index(j), a, msg))
				}
			}
		}
	}
	names := map[string]bool{}
	for i, port := range e.Ports {
		pp := newPath("ports").Index(i)
		name := ""
		if port.Name != nil {
			name = *port.Name
		}
		if name != "" {
			for _, msg := range IsDNS1123Label(name) {
				errs = append(errs, invalid(pp.Child("name"), name, msg))
			}
		}
		if names[name] {
			errs = append(errs, duplicate(pp.Child("name"), name))
		}
		names[name] = true
		if port.Protocol != nil {
			errs = append(errs, validateProtocol(pp.Child("protocol"), *port.Protocol, false)...)
		}
		if port.Port != nil {
			errs = append(errs, validatePortNum(pp.Child("port"), *port.Port)...)
		}
	}
	return newValidationError(e, errs)
}

func validateAccessModes(modes []PersistentVolumeAccessMode, p *path) ErrorList {
	var errs ErrorList
	if len(modes) == 0 {
		return ErrorList{required(p, "")}
	}
	for _, m := range modes {
		switch m {
		case ReadWriteOnce, ReadOnlyMany, ReadWriteMany:
		case ReadWriteOncePod:
			if len(modes) > 1 {
				errs = append(errs, forbidden(p, "may not use ReadWriteOncePod with other access modes"))
			}
		default:
			errs = append(errs, notSupported(p, m, ReadOnlyMany, ReadWriteMany, ReadWriteOnce, ReadWriteOncePod))
		}
	}
	return errs
}

func validateVolumeMode(m *PersistentVolumeMode, p *path) ErrorList {
	if m == nil || *m == PersistentVolumeBlock || *m == PersistentVolumeFilesystem {
		return nil
	}
	return ErrorList{notSupported(p, *m, PersistentVolumeBlock, PersistentVolumeFilesystem)}
}

// Validate checks a PersistentVolume: capacity, access modes, exactly one
// source, reclaim policy, volume mode and node affinity.
func (v *PersistentVolume) Validate() error {
	errs := validateMeta(&v.ObjectMeta, false, NameIsDNSSubdomain)
	p := newPath("spec")
	s := &v.Spec
	errs = append(errs, validateAccessModes(s.AccessModes, p.Child("accessModes"))...)
	if q, ok := s.Capacity[ResourceStorage]; !ok || len(s.Capacity) != 1 {
		errs = append(errs, required(p.Child("capacity"), fmt.Sprintf("must specify %s", ResourceStorage)))
	} else if q.Sign() < 0 {
		errs = append(errs, invalid(p.Child("capacity").Key(string(ResourceStorage)), q.String(), "must be greater than or equal to 0"))
	}
	n := 0
	for _, set := range []bool{s.HostPath != nil, s.Local != nil, s.NFS != nil, s.CSI != nil} {
		if set {
			n++
		}
	}
	switch {
	case n == 0:
		errs = append(errs, required(p, "must specify a volume type"))
	case n > 1:
		errs = append(errs, forbidden(p, "may not specify more than 1 volume type"))
	}
	if s.HostPath != nil && s.HostPath.Path == "" {
		errs = append(errs, required(p.Child("hostPath", "path"), ""))
	}
	if s.Local != nil {
		if s.Local.Path == "" {
			errs = append(errs, required(p.Child("local", "path"), ""))
		}
		if s.NodeAffinity == nil || s.NodeAffinity.Required == nil {
			errs = append(errs, required(p.Child("nodeAffinity"), "Local volume requires node affinity"))
		}
	}
	if s.CSI != nil {
		if s.CSI.Driver == "" {
			errs = append(errs, required(p.Child("csi", "driver"), ""))
		}
		if s.CSI.VolumeHandle == "" {
			errs = append(errs, required(p.Child("csi", "volumeHandle"), ""))
		}
	}
	switch s.PersistentVolumeReclaimPolicy {
	case "", PersistentVolumeReclaimRetain, PersistentVolumeReclaimDelete, PersistentVolumeReclaimRecycle:
	default:
		errs = append(errs, notSupported(p.Child("persistentVolumeReclaimPolicy"), s.PersistentVolumeReclaimPolicy, PersistentVolumeReclaimDelete, PersistentVolumeReclaimRecycle, PersistentVolumeReclaimRetain))
	}
	if s.StorageClassName != "" {
		for _, msg := range IsDNS1123Subdomain(s.StorageClassName) {
			errs = append(errs, invalid(p.Child("storageClassName"), s.StorageClassName, msg))
		}
	}
	errs = append(errs, validateVolumeMode(s.VolumeMode, p.Child("volumeMode"))...)
	if s.NodeAffinity != nil {
		if s.NodeAffinity.Required == nil {
			errs = append(errs, required(p.Child("nodeAffinity", "required"), "must specify required node constraints"))
		} else {
			errs = append(errs, validateNodeSelector(s.NodeAffinity.Required, p.Child("nodeAffinity", "required"))...)
		}
	}
	if s.ClaimRef != nil && s.ClaimRef.Name == "" {
		errs = append(errs, required(p.Child("claimRef", "name"), ""))
	}
	return newValidationError(v, errs)
}

// Validate checks a PersistentVolumeClaim: access modes, storage request,
// selector and volume mode.
func (c *PersistentVolumeClaim) Validate() error {
	errs := validateMeta(&c.ObjectMeta, true, NameIsDNSSubdomain)
	p := newPath("spec")
	s := &c.Spec
	errs = append(errs, validateAccessModes(s.AccessModes, p.Child("accessModes"))...)
	errs = append(errs, validateLabelSelector(s.Selector, p.Child("selector"))...)
	rp := p.Child("resources", "requests")
	if q, ok := s.Resources.Requests[ResourceStorage]; !ok {
		errs = append(errs, required(rp.Key(string(ResourceStorage)), ""))
	} else if q.Sign() <= 0 {
		errs = append(errs, invalid(rp.Key(string(ResourceStorage)), q.String(), "must be greater than zero"))
	}
	errs = append(errs, validateResourceList(s.Resources.Requests, rp)...)
	errs = append(errs, validateResourceList(s.Resources.Limits, p.Child("resources", "limits"))...)
	if s.StorageClassName != nil && *s.StorageClassName != "" {
		for _, msg := range IsDNS1123Subdomain(*s.StorageClassName) {
			errs = append(errs, invalid(p.Child("storageClassName"), *s.StorageClassName, msg))
		}
	}
	errs = append(errs, validateVolumeMode(s.VolumeMode, p.Child("volumeMode"))...)
	return newValidationError(c, errs)
}

// maxProvisionerParameterCount is Kubernetes' limit on StorageClass parameters.
const maxProvisionerParameterCount = 512

// Validate checks a StorageClass: provisioner, reclaim policy, binding mode,
// parameters and allowed topologies.
func (sc *StorageClass) Validate() error {
	errs := validateMeta(&sc.ObjectMeta, false, NameIsDNSSubdomain)
	if sc.Provisioner == "" {
		errs = append(errs, required(newPath("provisioner"), ""))
	} else {
		for _, msg := range IsQualifiedName(strings.ToLower(sc.Provisioner)) {
			errs = append(errs, invalid(newPath("provisioner"), sc.Provisioner, msg))
		}
	}
	if len(sc.Parameters) > maxProvisionerParameterCount {
		errs = append(errs, tooMany(newPath("parameters"), len(sc.Parameters), maxProvisionerParameterCount))
	}
	if sc.ReclaimPolicy != nil && *sc.ReclaimPolicy != PersistentVolumeReclaimDelete && *sc.ReclaimPolicy != PersistentVolumeReclaimRetain {
		errs = append(errs, notSupported(newPath("reclaimPolicy"), *sc.ReclaimPolicy, PersistentVolumeReclaimDelete, PersistentVolumeReclaimRetain))
	}
	if sc.VolumeBindingMode != nil && *sc.VolumeBindingMode != VolumeBindingImmediate && *sc.VolumeBindingMode != VolumeBindingWaitForFirstConsumer {
		errs = append(errs, notSupported(newPath("volumeBindingMode"), *sc.VolumeBindingMode, VolumeBindingImmediate, VolumeBindingWaitForFirstConsumer))
	}
	for i, t := range sc.AllowedTopologies {
		tp := newPath("allowedTopologies").Index(i).Child("matchLabelExpressions")
		if len(t.MatchLabelExpressions) == 0 {
			errs = append(errs, required(tp, "must have at least one label requirement"))
		}
		for j, r := range t.MatchLabelExpressions {
			rp := tp.Index(j)
			for _, msg := range IsQualifiedName(r.Key) {
				errs = append(errs, invalid(rp.Child("key"), r.Key, msg))
			}
			if len(r.Values) == 0 {
				errs = append(errs, required(rp.Child("values"), "must specify as least one value"))
			}
		}
	}
	return newValidationError(sc, errs)
}

func validatePolicyRule(r PolicyRule, p *path, namespaced bool) ErrorList {
	var errs ErrorList
	if len(r.Verbs) == 0 {
		errs = append(errs, required(p.Child("verbs"), "verbs must contain at least one value"))
	}
	if len(r.NonResourceURLs) > 0 {
		if namespaced {
			errs = append(errs, invalid(p.Child("nonResourceURLs"), strings.Join(r.NonResourceURLs, ","), "namespaced rules cannot apply to non-resource URLs"))
		}
		if len(r.APIGroups) > 0 || len(r.Resources) > 0 || len(r.ResourceNames) > 0 {
			errs = append(errs, invalid(p.Child("nonResourceURLs"), strings.Join(r.NonResourceURLs, ","), "rules cannot apply to both regular resources and non-resource URLs"))
		}
		return errs
	}
	if len(r.APIGroups) == 0 {
		errs = append(errs, required(p.Child("apiGroups"), "resource rules must supply at least one api group"))
	}
	if len(r.Resources) == 0 {
		errs = append(errs, required(p.Child("resources"), "resource rules must supply at least one resource"))
	}
	return errs
}

// Validate checks a Role: its name and rules.
func (r *Role) Validate() error {
	errs := validateMeta(&r.ObjectMeta, true, isPathSegmentName)
	for i, rule := range r.Rules {
		errs = append(errs, validatePolicyRule(rule, newPath("rules").Index(i), true)...)
	}
	return newValidationError(r, errs)
}

// Validate checks a ClusterRole: its name, rules and aggregation selectors.
func (r *ClusterRole) Validate() error {
	errs := validateMeta(&r.ObjectMeta, false, isPathSegmentName)
	for i, rule := range r.Rules {
		errs = append(errs, validatePolicyRule(rule, newPath("rules").Index(i), false)...)
	}
	if r.AggregationRule != nil {
		ap := newPath("aggregationRule", "clusterRoleSelectors")
		if len(r.AggregationRule.ClusterRoleSelectors) == 0 {
			errs = append(errs, required(ap, "at least one clusterRoleSelector required if aggregationRule is non-nil"))
		}
		for i := range r.AggregationRule.ClusterRoleSelectors {
			errs = append(errs, validateLabelSelector(&r.AggregationRule.ClusterRoleSelectors[i], ap.Index(i))...)
		}
	}
	return newValidationError(r, errs)
}

const rbacGroup = "rbac.authorization.k8s.io"

func validateRoleRef(ref RoleRef, p *path, clusterOnly bool) ErrorList {
	var errs ErrorList
	if ref.APIGroup != rbacGroup {
		errs = append(errs, notSupported(p.Child("apiGroup"), ref.APIGroup, rbacGroup))
	}
	if clusterOnly {
		if ref.Kind != "ClusterRole" {
			errs = append(errs, notSupported(p.Child("kind"), ref.Kind, "ClusterRole"))
		}
	} else if ref.Kind != "Role" && ref.Kind != "ClusterRole" {
		errs = append(errs, notSupported(p.Child("kind"), ref.Kind, "ClusterRole", "Role"))
	}
	if ref.Name == "" {
		errs = append(errs, required(p.Child("name"), ""))
	} else {
		for _, msg := range isPathSegmentName(ref.Name, false) {
			errs = append(errs, invalid(p.Child("name"), ref.Name, msg))
		}
	}
	return errs
}

func validateSubject(s Subject, p *path, isNamespaced bool) ErrorList {
	var errs ErrorList
	if s.Name == "" {
		errs = append(errs, required(p.Child("name"), ""))
	}
	switch s.Kind {
	case ServiceAccountKind:
		if s.Name != "" {
			for _, msg := range NameIsDNSSubdomain(s.Name, false) {
				errs = append(errs, invalid(p.Child("name"), s.Name, msg))
			}
		}
		if s.APIGroup != "" {
			errs = append(errs, notSupported(p.Child("apiGroup"), s.APIGroup, ""))
		}
		if !isNamespaced && s.Namespace == "" {
			errs = append(errs, required(p.Child("namespace"), ""))
		}
	case UserKind, GroupKind:
		if s.APIGroup != rbacGroup {
			errs = append(errs, notSupported(p.Child("apiGroup"), s.APIGroup, rbacGroup))
		}
	default:
		errs = append(errs, notSupported(p.Child("kind"), s.Kind, ServiceAccountKind, UserKind, GroupKind))
	}
	return errs
}

// Validate checks a RoleBinding: roleRef and subjects.
func (b *RoleBinding) Validate() error {
	errs := validateMeta(&b.ObjectMeta, true, isPathSegmentName)
	errs = append(errs, validateRoleRef(b.RoleRef, newPath("roleRef"), false)...)
	for i, s := range b.Subjects {
		errs = append(errs, validateSubject(s, newPath("subjects").Index(i), true)...)
	}
	return newValidationError(b, errs)
}

// Validate checks a ClusterRoleBinding: roleRef (a ClusterRole) and subjects
// (service accounts need a namespace).
func (b *ClusterRoleBinding) Validate() error {
	errs := validateMeta(&b.ObjectMeta, false, isPathSegmentName)
	errs = append(errs, validateRoleRef(b.RoleRef, newPath("roleRef"), true)...)
	for i, s := range b.Subjects {
		errs = append(errs, validateSubject(s, newPath("subjects").Index(i), false)...)
	}
	return newValidationError(b, errs)
}

// Validate checks a NetworkPolicy: selectors, peers, CIDRs, ports, port
// ranges and policy types.
func (np *NetworkPolicy) Validate() error {
	errs := validateMeta(&np.ObjectMeta, true, NameIsDNSSubdomain)
	p := newPath("spec")
	errs = append(errs, validateLabelSelector(&np.Spec.PodSelector, p.Child("podSelector"))...)
	for i, r := range np.Spec.Ingress {
		rp := p.Child("ingress").Index(i)
		for j := range r.Ports {
			errs = append(errs, validateNetworkPolicyPort(&r.Ports[j], rp.Child("ports").Index(j))...)
		}
		for j := range r.From {
			errs = append(errs, validateNetworkPolicyPeer(&r.From[j], rp.Child("from").Index(j))...)
		}
	}
	for i, r := range np.Spec.Egress {
		rp := p.Child("egress").Index(i)
		for j := range r.Ports {
			errs = append(errs, validateNetworkPolicyPort(&r.Ports[j], rp.Child("ports").Index(j))...)
		}
		for j := range r.To {
			errs = append(errs, validateNetworkPolicyPeer(&r.To[j], rp.Child("to").Index(j))...)
		}
	}
	if len(np.Spec.PolicyTypes) > 2 {
		errs = append(errs, invalid(p.Child("policyTypes"), fmt.Sprint(np.Spec.PolicyTypes), "may not specify more than two policyTypes"))
	}
	for i, t := range np.Spec.PolicyTypes {
		if t != PolicyTypeIngress && t != PolicyTypeEgress {
			errs = append(errs, notSupported(p.Child("policyTypes").Index(i), t, PolicyTypeEgress, PolicyTypeIngress))
		}
	}
	return newValidationError(np, errs)
}

func validateNetworkPolicyPort(port *NetworkPolicyPort, p *path) ErrorList {
	var errs ErrorList
	if port.Protocol != nil {
		errs = append(errs, validateProtocol(p.Child("protocol"), *port.Protocol, false)...)
	}
	if port.Port == nil {
		if port.EndPort != nil {
			errs = append(errs, required(p.Child("port"), "must be specified when endPort is specified"))
		}
		return errs
	}
	if port.Port.Type == IntType {
		errs = append(errs, validatePortNum(p.Child("port"), port.Port.IntVal)...)
		if port.EndPort != nil {
			if *port.EndPort < port.Port.IntVal {
				errs = append(errs, invalid(p.Child("endPort"), *port.EndPort, "must be greater than or equal to `port`"))
			}
			errs = append(errs, validatePortNum(p.Child("endPort"), *port.EndPort)...)
		}
		return errs
	}
	if port.EndPort != nil {
		errs = append(errs, invalid(p.Child("endPort"), *port.EndPort, "may not be specified when `port` is non-numeric"))
	}
	for _, msg := range IsValidPortName(port.Port.StrVal) {
		errs = append(errs, invalid(p.Child("port"), port.Port.StrVal, msg))
	}
	return errs
}

func validateNetworkPolicyPeer(peer *NetworkPolicyPeer, p *path) ErrorList {
	var errs ErrorList
	n := 0
	if peer.PodSelector != nil {
		n++
		errs = append(errs, validateLabelSelector(peer.PodSelector, p.Child("podSelector"))...)
	}
	if peer.NamespaceSelector != nil {
		n++
		errs = append(errs, validateLabelSelector(peer.NamespaceSelector, p.Child("namespaceSelector"))...)
	}
	if peer.IPBlock != nil {
		n++
		errs = append(errs, validateIPBlock(peer.IPBlock, p.Child("ipBlock"))...)
	}
	switch {
	case n == 0:
		errs = append(errs, required(p, "must specify a peer"))
	case peer.IPBlock != nil && n > 1:
		errs = append(errs, forbidden(p, "may not specify both ipBlock and another peer"))
	}
	return errs
}

func validateIPBlock(b *IPBlock, p *path) ErrorList {
	var errs ErrorList
	if b.CIDR == "" {
		return ErrorList{required(p.Child("cidr"), "")}
	}
	cidr, err := netip.ParsePrefix(b.CIDR)
	if err != nil {
		return ErrorList{invalid(p.Child("cidr"), b.CIDR, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)")}
	}
	for i, e := range b.Except {
		ep := p.Child("except").Index(i)
		ex, err := netip.ParsePrefix(e)
		if err != nil {
			errs = append(errs, invalid(ep, e, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"))
			continue
		}
		if ex.Addr().Is4() != cidr.Addr().Is4() || ex.Bits() <= cidr.Bits() || !cidr.Masked().Contains(ex.Addr()) {
			errs = append(errs, invalid(ep, e, "must be a strict subset of `cidr`"))
		}
	}
	return errs
}

// Validate checks a PodDisruptionBudget: exactly one of minAvailable and
// maxUnavailable, non-negative integers or percentages, a valid selector.
func (pdb *PodDisruptionBudget) Validate() error {
	errs := validateMeta(&pdb.ObjectMeta, true, NameIsDNSSubdomain)
	p := newPath("spec")
	s := &pdb.Spec
	if s.MinAvailable != nil && s.MaxUnavailable != nil {
		errs = append(errs, invalid(p, omitValue, "minAvailable and maxUnavailable cannot be both set"))
	}
	for _, f := range []struct {
		name string
		v    *IntOrString
	}{{"minAvailable", s.MinAvailable}, {"maxUnavailable", s.MaxUnavailable}} {
		if f.v == nil {
			continue
		}
		fp := p.Child(f.name)
		if f.v.Type == IntType {
			if f.v.IntVal < 0 {
				errs = append(errs, invalid(fp, f.v.IntVal, "must be greater than or equal to 0"))
			}
			continue
		}
		pct, ok := strings.CutSuffix(f.v.StrVal, "%")
		n, err := strconv.Atoi(pct)
		if !ok || err != nil {
			errs = append(errs, invalid(fp, f.v.StrVal, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"))
		} else if n > 100 {
			errs = append(errs, invalid(fp, f.v.StrVal, "must not be greater than 100%"))
		}
	}
	errs = append(errs, validateLabelSelector(s.Selector, p.Child("selector"))...)
	return newValidationError(pdb, errs)
}

// Validate checks a Lease.
func (l *Lease) Validate() error {
	errs := validateMeta(&l.ObjectMeta, true, NameIsDNSSubdomain)
	if d := l.Spec.LeaseDurationSeconds; d != nil && *d <= 0 {
		errs = append(errs, invalid(newPath("spec", "leaseDurationSeconds"), *d, "must be greater than 0"))
	}
	if t := l.Spec.LeaseTransitions; t != nil && *t < 0 {
		errs = append(errs, invalid(newPath("spec", "leaseTransitions"), *t, "must be greater than or equal to 0"))
	}
	return newValidationError(l, errs)
}

// highestUserDefinablePriority is the largest priority a non-system
// PriorityClass may have.
const highestUserDefinablePriority = 1000000000

// Validate checks a PriorityClass.
func (pc *PriorityClass) Validate() error {
	errs := validateMeta(&pc.ObjectMeta, false, NameIsDNSSubdomain)
	if pc.Value > highestUserDefinablePriority && !strings.HasPrefix(pc.Name, "system-") {
		errs = append(errs, forbidden(newPath("value"), fmt.Sprintf("maximum allowed value of a user defined priority is %d", highestUserDefinablePriority)))
	}
	if pc.PreemptionPolicy != nil && *pc.PreemptionPolicy != PreemptLowerPriority && *pc.PreemptionPolicy != PreemptNever {
		errs = append(errs, notSupported(newPath("preemptionPolicy"), *pc.PreemptionPolicy, PreemptLowerPriority, PreemptNever))
	}
	return newValidationError(pc, errs)
}

// Validate checks a ServiceAccount.
func (sa *ServiceAccount) Validate() error {
	return newValidationError(sa, validateMeta(&sa.ObjectMeta, true, NameIsDNSSubdomain))
}

// Validate checks a ConfigMap: its name and data keys.
func (cm *ConfigMap) Validate() error {
	errs := validateMeta(&cm.ObjectMeta, true, NameIsDNSSubdomain)
	for _, k := range sortedKeys(cm.Data) {
		if k == "" || k == "." || k == ".." || strings.ContainsAny(k, "/\\") {
			errs = append(errs, invalid(newPath("data").Key(k), k, "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"))
		}
	}
	return newValidationError(cm, errs)
}
