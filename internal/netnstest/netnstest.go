// Package netnstest builds throw-away networks of Linux network namespaces
// for tests: a "node" namespace holding a bridge, and any number of "hosts"
// (pods, clients, backends), each its own namespace joined to the bridge by a
// veth pair, with IPv4 (and optionally IPv6) addresses and a default route
// through the bridge.
//
// Everything a Network creates is removed by t.Cleanup. Namespace names are
// unique per process (gtns-<pid>-<n>-<name>) and leftovers of an earlier run
// that crashed are deleted when the next Network is created. Tests call
// Require first: it skips with a clear reason when not root or when the
// kernel refuses network namespaces.
//
// The root network namespace is never touched: the bridge lives in the node
// namespace, so a test cannot disturb the machine's own networking.
//
// A Network is safe for use by one test goroutine at a time; Host.Do,
// Host.Listen and Host.Dial may be called concurrently.
package netnstest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/vishvananda/netlink"
	"github.com/vishvananda/netns"
	"golang.org/x/sys/unix"
)

// prefix starts every namespace name this package creates.
const prefix = "gtns-"

// nsDir is where iproute2 and netns.NewNamed keep named namespaces.
const nsDir = "/run/netns"

var seq atomic.Int64

// Require skips t unless the test can create network namespaces: it must
// run as root on Linux and the kernel must allow a new namespace.
func Require(t testing.TB) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("netnstest: network namespaces need Linux")
	}
	if os.Geteuid() != 0 {
		t.Skip("netnstest: creating network namespaces needs root (CI runs as root)")
	}
	err := withLockedThread(func() error {
		orig, err := netns.Get()
		if err != nil {
			return err
		}
		defer orig.Close()
		ns, err := netns.New() // switches this thread into the new namespace
		if err != nil {
			return err
		}
		ns.Close()
		if err := netns.Set(orig); err != nil {
			return errThreadTainted
		}
		return nil
	})
	if err != nil {
		t.Skipf("netnstest: the kernel refused a new network namespace: %v", err)
	}
}

// Network is a bridge in its own namespace and the hosts attached to it.
type Network struct {
	t      testing.TB
	id     string
	Node   *Host // the namespace holding the bridge; its IP is the hosts' gateway
	Bridge string
	v4     netip.Prefix
	v6     netip.Prefix
	next   int
	mu     sync.Mutex
	hosts  []*Host
}

// Option configures a Network.
type Option func(*Network) error

// WithIPv4 sets the IPv4 subnet (default 10.213.0.0/24). The node takes the
// first address; hosts take the following ones in order.
func WithIPv4(cidr string) Option {
	return func(n *Network) error {
		p, err := netip.ParsePrefix(cidr)
		if err != nil || !p.Addr().Is4() {
			return fmt.Errorf("netnstest: %q is not an IPv4 CIDR", cidr)
		}
		n.v4 = p.Masked()
		return nil
	}
}

// WithIPv6 adds an IPv6 subnet, such as fd00:213::/64; hosts then have both
// families.
func WithIPv6(cidr string) Option {
	return func(n *Network) error {
		p, err := netip.ParsePrefix(cidr)
		if err != nil || p.Addr().Is4() {
			return fmt.Errorf("netnstest: %q is not an IPv6 CIDR", cidr)
		}
		n.v6 = p.Masked()
		return nil
	}
}

// New creates the node namespace with its bridge. It fails the test on error.
func New(t testing.TB, opts ...Option) *Network {
	t.Helper()
	cleanLeftovers(t)
	n := &Network{t: t, v4: netip.MustParsePrefix("10.213.0.0/24"), next: 2}
	for _, o := range opts {
		if err := o(n); err != nil {
			t.Fatal(err)
		}
	}
	n.id = fmt.Sprintf("%d-%d", os.Getpid(), seq.Add(1))
	n.Bridge = "br0"
	node, err := n.newHost("node", 1)
	if err != nil {
		t.Fatalf("netnstest: node namespace: %v", err)
	}
	node.Link = n.Bridge
	n.Node = node
	h, err := netlink.NewHandleAt(node.NS)
	if err != nil {
		t.Fatalf("netnstest: netlink handle: %v", err)
	}
	defer h.Close()
	br := &netlink.Bridge{LinkAttrs: netlink.LinkAttrs{Name: n.Bridge}}
	if err := h.LinkAdd(br); err != nil {
		t.Fatalf("netnstest: add bridge: %v", err)
	}
	if err := n.address(h, br, node); err != nil {
		t.Fatal(err)
	}
	if err := h.LinkSetUp(br); err != nil {
		t.Fatalf("netnstest: bridge up: %v", err)
	}
	if err := node.Do(func() error {
		if err := sysctl("net/ipv4/ip_forward", "1"); err != nil {
			return err
		}
		if n.v6.IsValid() {
			return sysctl("net/ipv6/conf/all/forwarding", "1")
		}
		return nil
	}); err != nil {
		t.Fatalf("netnstest: node sysctls: %v", err)
	}
	return n
}

// Host is one network namespace of a Network.
type Host struct {
	Name string         // the short name given to AddHost
	NS   netns.NsHandle // an open handle on the namespace
	Path string         // the namespace's bind mount, usable with setns or `ip netns exec`
	IPv4 netip.Addr
	IPv6 netip.Addr // invalid unless the network has an IPv6 subnet
	// Link is the host's interface on the bridge ("eth0"), or the bridge
	// itself for the node.
	Link string
	// Peer is the bridge-side end of the host's veth in the node namespace.
	Peer string
}

// NSName returns the name under /run/netns, for `ip netns exec`.
func (h *Host) NSName() string { return filepath.Base(h.Path) }

func (n *Network) newHost(name string, index int) (*Host, error) {
	full := prefix + n.id + "-" + name
	if len(full) > 200 {
		return nil, fmt.Errorf("netnstest: host name %q too long", name)
	}
	ns, err := newNamed(full)
	if err != nil {
		return nil, fmt.Errorf("create namespace %s: %w", full, err)
	}
	h := &Host{Name: name, NS: ns, Path: filepath.Join(nsDir, full)}
	h.IPv4 = nthAddr(n.v4, index)
	if n.v6.IsValid() {
		h.IPv6 = nthAddr(n.v6, index)
	}
	n.t.Cleanup(func() {
		h.NS.Close()
		if err := netns.DeleteNamed(full); err != nil && !errors.Is(err, os.ErrNotExist) {
			n.t.Logf("netnstest: delete namespace %s: %v", full, err)
		}
	})
	if err := h.Do(func() error {
		lo, err := netlink.LinkByName("lo")
		if err != nil {
			return err
		}
		if err := netlink.LinkSetUp(lo); err != nil {
			return err
		}
		if n.v6.IsValid() {
			_ = sysctl("net/ipv6/conf/all/accept_dad", "0")
			_ = sysctl("net/ipv6/conf/default/accept_dad", "0")
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("loopback in %s: %w", full, err)
	}
	return h, nil
}

// AddHost creates a namespace joined to the bridge, with the next free
// addresses and a default route via the node. It fails the test on error.
func (n *Network) AddHost(name string) *Host {
	n.t.Helper()
	n.mu.Lock()
	idx := n.next
	n.next++
	n.mu.Unlock()
	h, err := n.newHost(name, idx)
	if err != nil {
		n.t.Fatalf("netnstest: %v", err)
	}
	h.Link = "eth0"
	h.Peer = fmt.Sprintf("vgt%d", idx)
	nh, err := netlink.NewHandleAt(n.Node.NS)
	if err != nil {
		n.t.Fatalf("netnstest: netlink handle: %v", err)
	}
	defer nh.Close()
	br, err := nh.LinkByName(n.Bridge)
	if err != nil {
		n.t.Fatalf("netnstest: bridge: %v", err)
	}
	veth := &netlink.Veth{
		LinkAttrs:     netlink.LinkAttrs{Name: h.Peer, MasterIndex: br.Attrs().Index},
		PeerName:      h.Link,
		PeerNamespace: netlink.NsFd(int(h.NS)),
	}
	if err := nh.LinkAdd(veth); err != nil {
		n.t.Fatalf("netnstest: add veth for %s: %v", name, err)
	}
	peer, err := nh.LinkByName(h.Peer)
	if err != nil {
		n.t.Fatalf("netnstest: veth %s: %v", h.Peer, err)
	}
	if err := nh.LinkSetUp(peer); err != nil {
		n.t.Fatalf("netnstest: veth %s up: %v", h.Peer, err)
	}
	hh, err := netlink.NewHandleAt(h.NS)
	if err != nil {
		n.t.Fatalf("netnstest: netlink handle: %v", err)
	}
	defer hh.Close()
	eth, err := hh.LinkByName(h.Link)
	if err != nil {
		n.t.Fatalf("netnstest: %s in %s: %v", h.Link, name, err)
	}
	if err := n.address(hh, eth, h); err != nil {
		n.t.Fatal(err)
	}
	if err := hh.LinkSetUp(eth); err != nil {
		n.t.Fatalf("netnstest: %s up: %v", h.Link, err)
	}
	if err := hh.RouteAdd(&netlink.Route{Gw: n.Node.IPv4.AsSlice()}); err != nil {
		n.t.Fatalf("netnstest: default route in %s: %v", name, err)
	}
	if n.v6.IsValid() {
		if err := hh.RouteAdd(&netlink.Route{Gw: n.Node.IPv6.AsSlice(), LinkIndex: eth.Attrs().Index}); err != nil {
			n.t.Fatalf("netnstest: default IPv6 route in %s: %v", name, err)
		}
	}
	n.mu.Lock()
	n.hosts = append(n.hosts, h)
	n.mu.Unlock()
	return h
}

// Hosts returns the hosts added so far, in order.
func (n *Network) Hosts() []*Host {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]*Host(nil), n.hosts...)
}

func (n *Network) address(h *netlink.Handle, link netlink.Link, host *Host) error {
	a := &netlink.Addr{IPNet: &net.IPNet{IP: host.IPv4.AsSlice(), Mask: net.CIDRMask(n.v4.Bits(), 32)}}
	if err := h.AddrAdd(link, a); err != nil {
		return fmt.Errorf("netnstest: address %s on %s: %w", host.IPv4, host.Name, err)
	}
	if n.v6.IsValid() {
		a6 := &netlink.Addr{IPNet: &net.IPNet{IP: host.IPv6.AsSlice(), Mask: net.CIDRMask(n.v6.Bits(), 128)}, Flags: unix.IFA_F_NODAD}
		if err := h.AddrAdd(link, a6); err != nil {
			return fmt.Errorf("netnstest: address %s on %s: %w", host.IPv6, host.Name, err)
		}
	}
	return nil
}

func nthAddr(p netip.Prefix, n int) netip.Addr {
	a := p.Addr()
	for i := 0; i < n; i++ {
		a = a.Next()
	}
	return a
}

// Do runs fn on an OS thread switched into the host's namespace. Sockets
// created inside fn stay in the namespace after Do returns; processes
// started inside fn (exec.Cmd.Start) are born in it.
func (h *Host) Do(fn func() error) error {
	var inner error
	err := withLockedThread(func() error {
		orig, err := netns.Get()
		if err != nil {
			return err
		}
		defer orig.Close()
		if err := netns.Set(h.NS); err != nil {
			return fmt.Errorf("enter namespace of %s: %w", h.Name, err)
		}
		inner = fn()
		if err := netns.Set(orig); err != nil {
			return errThreadTainted
		}
		return nil
	})
	if err != nil {
		return err
	}
	return inner
}

var errThreadTainted = errors.New("netnstest: could not return the thread to its namespace")

// withLockedThread runs fn on a locked OS thread. If fn leaves the thread
// in another namespace (it returns errThreadTainted), the thread stays
// locked so that the runtime discards it when the goroutine ends.
func withLockedThread(fn func() error) error {
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		err := fn()
		if !errors.Is(err, errThreadTainted) {
			runtime.UnlockOSThread()
		}
		errc <- err
	}()
	return <-errc
}

// Listen opens a listener inside the host's namespace ("tcp", ":8080";
// port 0 picks a free port). It is closed at test cleanup.
func (h *Host) Listen(t testing.TB, network, addr string) net.Listener {
	t.Helper()
	var ln net.Listener
	if err := h.Do(func() (err error) {
		ln, err = net.Listen(network, addr)
		return err
	}); err != nil {
		t.Fatalf("netnstest: listen %s %s in %s: %v", network, addr, h.Name, err)
	}
	t.Cleanup(func() { ln.Close() })
	return ln
}

// ListenPacket opens a packet socket inside the host's namespace.
func (h *Host) ListenPacket(t testing.TB, network, addr string) net.PacketConn {
	t.Helper()
	var pc net.PacketConn
	if err := h.Do(func() (err error) {
		pc, err = net.ListenPacket(network, addr)
		return err
	}); err != nil {
		t.Fatalf("netnstest: listen %s %s in %s: %v", network, addr, h.Name, err)
	}
	t.Cleanup(func() { pc.Close() })
	return pc
}

// Dial connects from inside the host's namespace.
func (h *Host) Dial(ctx context.Context, network, addr string) (net.Conn, error) {
	var c net.Conn
	err := h.Do(func() (err error) {
		var d net.Dialer
		c, err = d.DialContext(ctx, network, addr)
		return err
	})
	return c, err
}

// Serve answers every TCP connection on addr (inside the host) with the
// host's name and closes it; every UDP datagram is answered with the name.
// It returns the bound address. Serving stops at test cleanup.
func (h *Host) Serve(t testing.TB, network, addr string) net.Addr {
	t.Helper()
	var wg sync.WaitGroup
	t.Cleanup(wg.Wait)
	switch network {
	case "tcp", "tcp4", "tcp6":
		ln := h.Listen(t, network, addr)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				c, err := ln.Accept()
				if err != nil {
					return
				}
				_ = c.SetDeadline(time.Now().Add(5 * time.Second))
				_, _ = io.WriteString(c, h.Name)
				c.Close()
			}
		}()
		return ln.Addr()
	case "udp", "udp4", "udp6":
		pc := h.ListenPacket(t, network, addr)
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, 1500)
			for {
				_, from, err := pc.ReadFrom(buf)
				if err != nil {
					return
				}
				_, _ = pc.WriteTo([]byte(h.Name), from)
			}
		}()
		return pc.LocalAddr()
	}
	t.Fatalf("netnstest: Serve does not know network %q", network)
	return nil
}

// Ask connects from h to addr and returns the first reply (up to 256
// bytes): for TCP what the server wrote before closing, for UDP the answer
// to one datagram. A refused, dropped or unanswered connection returns an
// error once timeout has passed.
func (h *Host) Ask(network, addr string, timeout time.Duration) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	c, err := h.Dial(ctx, network, addr)
	if err != nil {
		return "", err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(timeout))
	if strings.HasPrefix(network, "udp") {
		if _, err := c.Write([]byte("ping")); err != nil {
			return "", err
		}
	}
	buf := make([]byte, 256)
	var got []byte
	for {
		k, err := c.Read(buf)
		got = append(got, buf[:k]...)
		if strings.HasPrefix(network, "udp") && k > 0 {
			return string(got), nil
		}
		if err == io.EOF {
			return string(got), nil
		}
		if err != nil {
			return string(got), err
		}
	}
}

// Command returns a command that runs inside the host's namespace: it is
// started with `ip netns exec`, so it needs iproute2 (installed by
// scripts/test-deps.sh). Use StartIn to avoid the dependency.
func (h *Host) Command(ctx context.Context, name string, args ...string) *exec.Cmd {
	return exec.CommandContext(ctx, "ip", append([]string{"netns", "exec", h.NSName(), name}, args...)...)
}

// StartIn starts cmd from a thread inside the host's namespace, so the
// process is born there.
func (h *Host) StartIn(cmd *exec.Cmd) error {
	return h.Do(cmd.Start)
}

func sysctl(key, value string) error {
	return os.WriteFile(filepath.Join("/proc/sys", key), []byte(value), 0o644)
}

// newNamed creates a named namespace without leaving the calling thread in it.
func newNamed(name string) (netns.NsHandle, error) {
	var ns netns.NsHandle
	err := withLockedThread(func() error {
		orig, err := netns.Get()
		if err != nil {
			return err
		}
		defer orig.Close()
		if err := os.MkdirAll(nsDir, 0o755); err != nil {
			return err
		}
		created, err := netns.NewNamed(name)
		if err != nil {
			return err
		}
		ns = created
		if err := netns.Set(orig); err != nil {
			return errThreadTainted
		}
		return nil
	})
	return ns, err
}

// cleanLeftovers deletes namespaces created by earlier processes that are
// gone (a crashed or killed test run).
func cleanLeftovers(t testing.TB) {
	entries, err := os.ReadDir(nsDir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		pidStr, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidStr)
		if err != nil || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		if err := netns.DeleteNamed(name); err == nil {
			t.Logf("netnstest: removed leftover namespace %s", name)
		}
	}
}

func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
