// Package depcheck holds the test that keeps gantry's dependency direction:
// api imports only the standard library and the YAML converter; a block never
// imports a sibling block; a block's core stays light (no etcd, no netlink)
// and never imports its own backends; nothing imports the examples.
package depcheck

import (
	"bufio"
	"bytes"
	"os/exec"
	"sort"
	"strings"
	"testing"
)

const module = "github.com/gantryhq/gantry"

var blocks = []string{"scheduler", "rbac", "netpolicy", "volume", "probe", "runtime", "proxy", "store"}

// yamlConverter is what api may import besides the standard library.
var yamlConverter = []string{"sigs.k8s.io/yaml", "go.yaml.in/yaml/"}

// coreExtra lists what a block's core package may import beyond the standard
// library, api and the YAML converter. Heavy dependencies belong in
// sub-packages.
var coreExtra = map[string][]string{
	"probe": {"golang.org/x/net/"},
	"store": {"golang.org/x/sync/"},
}

type pkg struct {
	path string
	std  bool
	deps []string
}

func listPackages(t *testing.T) map[string]*pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}|{{.Standard}}|{{join .Deps \" \"}}", module+"/...")
	cmd.Dir = "../.."
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	pkgs := map[string]*pkg{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		parts := strings.SplitN(sc.Text(), "|", 3)
		if len(parts) != 3 {
			continue
		}
		p := &pkg{path: parts[0], std: parts[1] == "true"}
		if parts[2] != "" {
			p.deps = strings.Fields(parts[2])
		}
		pkgs[p.path] = p
	}
	return pkgs
}

func blockOf(path string) string {
	rest, ok := strings.CutPrefix(path, module+"/")
	if !ok {
		return ""
	}
	first, _, _ := strings.Cut(rest, "/")
	for _, b := range blocks {
		if first == b {
			return b
		}
	}
	return ""
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if s == strings.TrimSuffix(p, "/") || strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func TestDependencyDirection(t *testing.T) {
	if testing.Short() {
		t.Skip("go list over the module is slow; skipped in -short mode")
	}
	pkgs := listPackages(t)
	var own []string
	for p := range pkgs {
		if strings.HasPrefix(p, module+"/") || p == module {
			own = append(own, p)
		}
	}
	sort.Strings(own)
	if len(own) == 0 {
		t.Fatal("go list found no packages of the module")
	}
	for _, p := range own {
		info := pkgs[p]
		b := blockOf(p)
		for _, d := range info.deps {
			dep := pkgs[d]
			if dep != nil && dep.std {
				continue
			}
			switch {
			case strings.HasPrefix(d, module+"/examples") && !strings.HasPrefix(p, module+"/examples"):
				t.Errorf("%s imports the example %s: examples are leaves", p, d)
			case p == module+"/api" || strings.HasPrefix(p, module+"/api/"):
				if strings.HasPrefix(d, module+"/") || !hasAnyPrefix(d, yamlConverter) {
					t.Errorf("api package %s depends on %s: api may import only the standard library and the YAML converter", p, d)
				}
			case b != "":
				if ob := blockOf(d); ob != "" && ob != b {
					t.Errorf("block %s: %s depends on sibling block package %s; declare an interface in the consumer and wire it in examples/", b, p, d)
				}
				if p == module+"/"+b {
					checkCore(t, b, p, d)
				}
			}
		}
	}
}

func checkCore(t *testing.T, b, p, d string) {
	t.Helper()
	switch {
	case d == module+"/api" || strings.HasPrefix(d, module+"/api/"):
	case strings.HasPrefix(d, module+"/"+b+"/internal"):
	case strings.HasPrefix(d, module+"/"+b+"/"):
		t.Errorf("core %s depends on its own backend %s: backends import the core, never the reverse", p, d)
	case strings.HasPrefix(d, module+"/internal/"):
		t.Errorf("core %s depends on %s: internal/ holds test harnesses only", p, d)
	case hasAnyPrefix(d, yamlConverter), hasAnyPrefix(d, coreExtra[b]):
	default:
		t.Errorf("core %s depends on %s: a block's core imports only the standard library and api; move heavy dependencies to a sub-package", p, d)
	}
}
