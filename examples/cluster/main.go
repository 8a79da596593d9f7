// Command cluster is gantry's all-in-one demo: it reads a set of ordinary
// Kubernetes manifests (by default the embedded demo.yaml) and runs every
// gantry block over them, printing what each decided.
//
//	go run ./examples/cluster            # the embedded demo
//	go run ./examples/cluster -f my.yaml # your own manifests
package main

import (
	"bytes"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/gantryhq/gantry/api"
)

//go:embed demo.yaml
var demoYAML []byte

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "cluster:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("cluster", flag.ContinueOnError)
	file := fs.String("f", "", "manifest file to load instead of the embedded demo (YAML or JSON, multi-document)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	src := demoYAML
	name := "embedded demo.yaml"
	if *file != "" {
		b, err := os.ReadFile(*file)
		if err != nil {
			return err
		}
		src, name = b, *file
	}
	objs, err := api.Decode(bytes.NewReader(src))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	tmp, err := os.MkdirTemp("", "gantry-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	w := &world{objs: objs, out: out, log: slog.New(slog.DiscardHandler), tmpDir: tmp}
	fmt.Fprintf(out, "== manifests: %s, %d objects\n", name, len(objs))
	if err := printValidation(w.out, w.objs); err != nil {
		return err
	}
	w.summary()
	return nil
}
