package api_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/gantryhq/gantry/api"
)

func TestValidationFixture(t *testing.T) {
	var fx struct {
		Cases []struct {
			ID   int                 `json:"id"`
			Tag  string              `json:"tag"`
			In   struct{ S string }  `json:"in"`
			Want map[string][]string `json:"want"`
		} `json:"cases"`
	}
	primFixture(t, "validation.json.gz", &fx)
	require.Len(t, fx.Cases, 3000)
	validators := map[string]func(string) []string{
		"dns1123_label":         api.IsDNS1123Label,
		"dns1123_subdomain":     api.IsDNS1123Subdomain,
		"dns1035_label":         api.IsDNS1035Label,
		"qualified_name":        api.IsQualifiedName,
		"label_value":           api.IsValidLabelValue,
		"name_subdomain_prefix": func(s string) []string { return api.NameIsDNSSubdomain(s, true) },
		"name_label_prefix":     func(s string) []string { return api.NameIsDNSLabel(s, true) },
		"decimal_integer":       api.IsDecimalInteger,
	}
	for _, c := range fx.Cases {
		require.Len(t, c.Want, len(validators), "case %d names an unknown validator", c.ID)
		got := map[string][]string{}
		for name, v := range validators {
			got[name] = v(c.In.S)
		}
		if diff := cmp.Diff(c.Want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("case %d (%s) %q: (-want +got):\n%s", c.ID, c.Tag, c.In.S, diff)
		}
	}
}

func TestNameValidatorRules(t *testing.T) {
	const label63 = "a23456789012345678901234567890123456789012345678901234567890123"
	tests := []struct {
		name  string
		check func(string) []string
		in    string
		valid bool
	}{
		{"a DNS-1123 label may start with a digit", api.IsDNS1123Label, "1abc", true},
		{"a DNS-1123 label may be 63 characters", api.IsDNS1123Label, label63, true},
		{"a DNS-1123 label may not be 64 characters", api.IsDNS1123Label, label63 + "4", false},
		{"a DNS-1123 label may not contain upper case", api.IsDNS1123Label, "Abc", false},
		{"a DNS-1123 label may not end in a dash", api.IsDNS1123Label, "abc-", false},
		{"a DNS-1123 label may not end in a newline", api.IsDNS1123Label, "abc\n", false},
		{"a DNS-1123 subdomain joins labels with dots", api.IsDNS1123Subdomain, "a.b-c.d", true},
		{"a DNS-1123 subdomain may not hold an empty label", api.IsDNS1123Subdomain, "a..b", false},
		{"a DNS-1035 label must start with a letter", api.IsDNS1035Label, "1abc", false},
		{"a qualified name may carry a DNS prefix", api.IsQualifiedName, "example.com/My_Name.x", true},
		{"a qualified name may not carry two slashes", api.IsQualifiedName, "a/b/c", false},
		{"a qualified name may not have an upper-case prefix", api.IsQualifiedName, "Example.com/x", false},
		{"an empty label value is valid", api.IsValidLabelValue, "", true},
		{"a label value may not start with a dot", api.IsValidLabelValue, ".x", false},
		{"a generateName prefix may end in a dash", func(s string) []string { return api.NameIsDNSSubdomain(s, true) }, "web-", true},
		{"a name may not end in a dash", func(s string) []string { return api.NameIsDNSSubdomain(s, false) }, "web-", false},
		{"a single dash is not a generateName prefix", func(s string) []string { return api.NameIsDNSLabel(s, true) }, "-", false},
		{"a DNS-1035 generateName prefix may end in a dash", func(s string) []string { return api.NameIsDNS1035Label(s, true) }, "web-", true},
		{"zero is a canonical decimal integer", api.IsDecimalInteger, "0", true},
		{"minus zero is not canonical", api.IsDecimalInteger, "-0", false},
		{"a leading zero is not canonical", api.IsDecimalInteger, "007", false},
		{"a plus sign is not canonical", api.IsDecimalInteger, "+7", false},
		{"decimal integers are not limited to int64", api.IsDecimalInteger, "99999999999999999999", true},
		{"a port name needs a letter", api.IsValidPortName, "8080", false},
		{"a port name may hold digits and single dashes", api.IsValidPortName, "http-8080", true},
		{"a port name may not hold a double dash", api.IsValidPortName, "http--alt", false},
		{"an IPv4 address is valid", api.IsValidIP, "10.9.8.7", true},
		{"an IPv4 address may carry leading zeros", api.IsValidIP, "010.009.008.007", true},
		{"an IPv4 octet may not exceed 255", api.IsValidIP, "10.9.8.256", false},
		{"an IPv6 address is valid", api.IsValidIP, "2001:db8::ffff", true},
		{"an IPv6 address with an embedded IPv4 tail is valid", api.IsValidIP, "::ffff:010.1.2.3", true},
		{"an IPv6 zone is rejected", api.IsValidIP, "fe80::1%eth0", false},
		{"a CIDR needs a prefix length", api.IsValidCIDR, "10.0.0.0", false},
		{"an IPv4 CIDR is valid", api.IsValidCIDR, "10.0.0.0/8", true},
		{"an IPv4 CIDR prefix may carry leading zeros", api.IsValidCIDR, "10.0.0.0/08", true},
		{"an IPv4 prefix may not exceed 32", api.IsValidCIDR, "10.0.0.0/33", false},
		{"an IPv6 prefix may reach 128", api.IsValidCIDR, "2001:db8::/128", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := tt.check(tt.in)
			if (len(errs) == 0) != tt.valid {
				t.Errorf("check(%q) = %q, want valid=%v", tt.in, errs, tt.valid)
			}
		})
	}
}

func TestNameValidatorMessages(t *testing.T) {
	tests := []struct {
		name string
		got  []string
		want []string
	}{
		{"a long dotted label reports length and dots", api.IsDNS1123Label(strings.Repeat("a", 60) + ".bcd"),
			[]string{"must be no more than 63 characters", "must not contain dots"}},
		{"an empty qualified name reports both name rules", api.IsQualifiedName(""),
			[]string{"name part must be non-empty", "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"}},
		{"an empty prefix is reported", api.IsQualifiedName("/x"), []string{"prefix part must be non-empty"}},
		{"a port number must be in range", api.IsValidPortNum(0), []string{"must be between 1 and 65535, inclusive"}},
		{"a valid port number has no problems", api.IsValidPortNum(65535), nil},
		{"every port-name rule that fails is reported", api.IsValidPortName("-ABCDEFGHIJKLMNOP--"), []string{
			"must be no more than 15 characters",
			"must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
			"must contain at least one letter (a-z)",
			"must not contain consecutive hyphens",
			"must not begin or end with a hyphen",
		}},
		{"an invalid IP is reported with Kubernetes' example", api.IsValidIP("x"), []string{"must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"}},
		{"an invalid CIDR is reported with Kubernetes' example", api.IsValidCIDR("x/1"), []string{"must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.got); diff != "" {
				t.Errorf("messages (-want +got):\n%s", diff)
			}
		})
	}
}
