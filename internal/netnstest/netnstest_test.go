package netnstest_test

import (
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/gantryhq/gantry/internal/netnstest"
)

func TestHostsReachEachOtherOverTheBridge(t *testing.T) {
	netnstest.Require(t)
	n := netnstest.New(t, netnstest.WithIPv6("fd00:213::/64"))
	a := n.AddHost("a")
	b := n.AddHost("b")
	tcp := b.Serve(t, "tcp", ":0").(*net.TCPAddr)
	udp := b.Serve(t, "udp", ":0").(*net.UDPAddr)
	for _, tc := range []struct{ network, addr string }{
		{"tcp", net.JoinHostPort(b.IPv4.String(), strconv.Itoa(tcp.Port))},
		{"tcp", net.JoinHostPort(b.IPv6.String(), strconv.Itoa(tcp.Port))},
		{"udp", net.JoinHostPort(b.IPv4.String(), strconv.Itoa(udp.Port))},
	} {
		got, err := a.Ask(tc.network, tc.addr, 2*time.Second)
		if err != nil || got != "b" {
			t.Errorf("a asks %s %s: got %q, %v; want \"b\"", tc.network, tc.addr, got, err)
		}
	}
	// The node (gateway) reaches hosts too.
	if got, err := n.Node.Ask("tcp", net.JoinHostPort(b.IPv4.String(), strconv.Itoa(tcp.Port)), 2*time.Second); err != nil || got != "b" {
		t.Errorf("node asks b: got %q, %v", got, err)
	}
}

func TestNothingListensMeansRefused(t *testing.T) {
	netnstest.Require(t)
	n := netnstest.New(t)
	a, b := n.AddHost("a"), n.AddHost("b")
	if _, err := a.Ask("tcp", net.JoinHostPort(b.IPv4.String(), "9"), time.Second); err == nil {
		t.Fatal("connecting to a closed port succeeded")
	}
}

func TestRootNamespaceIsUntouched(t *testing.T) {
	netnstest.Require(t)
	before, _ := net.Interfaces()
	n := netnstest.New(t)
	n.AddHost("a")
	after, _ := net.Interfaces()
	if len(before) != len(after) {
		t.Fatalf("root namespace interfaces changed: %d before, %d after", len(before), len(after))
	}
}
