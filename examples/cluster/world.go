package main

import (
	"fmt"
	"io"
	"log/slog"

	"github.com/gantryhq/gantry/api"
)

// world is what the demo knows; each block's part reads it and adds what it
// decided, so later parts build on earlier ones (the scheduler's placements
// feed the volume binder and the runtime; the runtime's pod IPs feed the
// network-policy matrix and the Service programmer).
type world struct {
	objs   []api.Object
	out    io.Writer
	log    *slog.Logger
	tmpDir string // a fresh temporary directory the demo removes at exit

	// placements maps a pod to the node the scheduler chose.
	placements map[api.NamespacedName]string
	// podIPs maps a pod to the IP its sandbox got.
	podIPs map[api.NamespacedName]string
}

// objectsOf returns the objects of w of type T, in manifest order.
func objectsOf[T api.Object](w *world) []T {
	var out []T
	for _, o := range w.objs {
		if t, ok := o.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

// summary prints, per pod, the node it was placed on and its IP, for the
// pods that got either.
func (w *world) summary() {
	if len(w.placements) == 0 && len(w.podIPs) == 0 {
		return
	}
	fmt.Fprintln(w.out, "\n== summary")
	for _, p := range objectsOf[*api.Pod](w) {
		k := p.Key()
		node, ip := w.placements[k], w.podIPs[k]
		if node == "" && ip == "" {
			continue
		}
		fmt.Fprintf(w.out, "  %-28s node=%-8s ip=%s\n", k, node, ip)
	}
}
