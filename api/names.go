package api

import (
	"net"
	"strconv"
	"strings"
)

// This file holds the name and label validators of Kubernetes'
// k8s.io/apimachinery/pkg/util/validation, .../api/validate/content and
// .../api/validation. Each returns the list of problems as Kubernetes' exact
// sentences, or nil when the value is valid. The regular expressions quoted in
// the messages are Kubernetes'; matching is done by hand-written scanners that
// accept exactly the strings those expressions accept (Go's `$` anchors at the
// very end of the text, so a trailing newline is rejected, as in Kubernetes).
//
// All functions are pure and safe for concurrent use.

// Length limits Kubernetes applies to names and labels.
const (
	// DNS1123LabelMaxLength is the longest RFC 1123 label, in bytes.
	DNS1123LabelMaxLength = 63
	// DNS1123SubdomainMaxLength is the longest RFC 1123 subdomain, in bytes.
	DNS1123SubdomainMaxLength = 253
	// DNS1035LabelMaxLength is the longest RFC 1035 label, in bytes.
	DNS1035LabelMaxLength = 63
	// LabelValueMaxLength is the longest label value, in bytes.
	LabelValueMaxLength = 63
	// QualifiedNameMaxLength is the longest name part of a qualified name
	// (label key), in bytes.
	QualifiedNameMaxLength = 63
)

// The regular expressions Kubernetes names in its messages.
const (
	dns1123LabelFmt     = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
	dns1123SubdomainFmt = dns1123LabelFmt + "(\\." + dns1123LabelFmt + ")*"
	dns1035LabelFmt     = "[a-z]([-a-z0-9]*[a-z0-9])?"
	qualifiedNameFmt    = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
	labelValueFmt       = "(" + qualifiedNameFmt + ")?"
)

// Kubernetes' message texts, assembled the way its RegexError does.
var (
	msgDNS1123Label = regexError(
		"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
		dns1123LabelFmt, "my-name", "123-abc")
	msgDNS1123Subdomain = regexError(
		"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
		dns1123SubdomainFmt, "example.com")
	msgDNS1035Label = regexError(
		"a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
		dns1035LabelFmt, "my-name", "abc-123")
	msgQualifiedName = regexError(
		"must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
		qualifiedNameFmt, "MyName", "my.name", "123-abc")
	msgLabelValue = regexError(
		"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
		labelValueFmt, "MyValue", "my_value", "12345")
	msgLabelKeyTooManySlashes = "a valid label key " + msgQualifiedName +
		" with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
)

const (
	msgNonEmpty       = "must be non-empty"
	msgNoDots         = "must not contain dots"
	msgDecimalInteger = "must be a valid decimal integer in canonical form"
	msgInvalidIP      = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"
	msgInvalidCIDR    = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"
)

// regexError renders a regular-expression failure the way Kubernetes'
// RegexError does, including its doubled space between examples.
func regexError(msg, re string, examples ...string) string {
	var b strings.Builder
	b.WriteString(msg)
	if len(examples) == 0 {
		b.WriteString(" (regex used for validation is '" + re + "')")
		return b.String()
	}
	b.WriteString(" (e.g. ")
	for i, ex := range examples {
		if i > 0 {
			b.WriteString(" or ")
		}
		b.WriteString("'" + ex + "', ")
	}
	b.WriteString("regex used for validation is '" + re + "')")
	return b.String()
}

// maxLenChars is util/validation's MaxLenError; maxLenBytes is the one in
// api/validate/content. Kubernetes uses both words, depending on the validator.
func maxLenChars(n int) string { return "must be no more than " + strconv.Itoa(n) + " characters" }
func maxLenBytes(n int) string { return "must be no more than " + strconv.Itoa(n) + " bytes" }

func isLowerAlnum(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }
func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isDNS1123Label reports whether s matches ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$.
func isDNS1123Label(s string) bool {
	n := len(s)
	if n == 0 || !isLowerAlnum(s[0]) || !isLowerAlnum(s[n-1]) {
		return false
	}
	for i := 1; i < n-1; i++ {
		if c := s[i]; c != '-' && !isLowerAlnum(c) {
			return false
		}
	}
	return true
}

// isDNS1123Subdomain reports whether s is one or more RFC 1123 labels joined
// by single dots (the subdomain expression; label length is not limited).
func isDNS1123Subdomain(s string) bool {
	for {
		i := strings.IndexByte(s, '.')
		if i < 0 {
			return isDNS1123Label(s)
		}
		if !isDNS1123Label(s[:i]) {
			return false
		}
		s = s[i+1:]
	}
}

// isDNS1035Label reports whether s matches ^[a-z]([-a-z0-9]*[a-z0-9])?$.
func isDNS1035Label(s string) bool {
	return len(s) > 0 && 'a' <= s[0] && s[0] <= 'z' && isDNS1123Label(s)
}

// isQualifiedNamePart reports whether s matches
// ^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$.
func isQualifiedNamePart(s string) bool {
	n := len(s)
	if n == 0 || !isAlnum(s[0]) || !isAlnum(s[n-1]) {
		return false
	}
	for i := 1; i < n-1; i++ {
		if c := s[i]; c != '-' && c != '_' && c != '.' && !isAlnum(c) {
			return false
		}
	}
	return true
}

// IsDNS1123Label checks that value is a lowercase RFC 1123 label: at most 63
// characters of [a-z0-9-], starting and ending with an alphanumeric.
func IsDNS1123Label(value string) []string {
	var errs []string
	if len(value) > DNS1123LabelMaxLength {
		errs = append(errs, maxLenChars(DNS1123LabelMaxLength))
	}
	if !isDNS1123Label(value) {
		if isDNS1123Subdomain(value) {
			errs = append(errs, msgNoDots)
		} else {
			errs = append(errs, msgDNS1123Label)
		}
	}
	return errs
}

// IsDNS1123Subdomain checks that value is a lowercase RFC 1123 subdomain: at
// most 253 characters of dot-separated RFC 1123 labels.
func IsDNS1123Subdomain(value string) []string {
	var errs []string
	if len(value) > DNS1123SubdomainMaxLength {
		errs = append(errs, maxLenChars(DNS1123SubdomainMaxLength))
	}
	if !isDNS1123Subdomain(value) {
		errs = append(errs, msgDNS1123Subdomain)
	}
	return errs
}

// isDNS1123SubdomainContent is api/validate/content's variant, whose length
// message says "bytes"; label keys use it for their prefix.
func isDNS1123SubdomainContent(value string) []string {
	var errs []string
	if len(value) > DNS1123SubdomainMaxLength {
		errs = append(errs, maxLenBytes(DNS1123SubdomainMaxLength))
	}
	if !isDNS1123Subdomain(value) {
		errs = append(errs, msgDNS1123Subdomain)
	}
	return errs
}

// IsDNS1035Label checks that value is an RFC 1035 label: like an RFC 1123
// label but starting with a letter.
func IsDNS1035Label(value string) []string {
	var errs []string
	if len(value) > DNS1035LabelMaxLength {
		errs = append(errs, maxLenChars(DNS1035LabelMaxLength))
	}
	if !isDNS1035Label(value) {
		errs = append(errs, msgDNS1035Label)
	}
	return errs
}

// IsQualifiedName checks that value is a qualified name, the format of label
// and annotation keys: an optional RFC 1123 subdomain prefix and '/', then a
// name part of at most 63 bytes of [-A-Za-z0-9_.] starting and ending with an
// alphanumeric. An empty name part yields two messages, as in Kubernetes.
func IsQualifiedName(value string) []string {
	var errs []string
	name := value
	if i := strings.IndexByte(value, '/'); i >= 0 {
		prefix := value[:i]
		name = value[i+1:]
		if strings.IndexByte(name, '/') >= 0 {
			return []string{msgLabelKeyTooManySlashes}
		}
		if len(prefix) == 0 {
			errs = append(errs, "prefix part "+msgNonEmpty)
		} else {
			for _, msg := range isDNS1123SubdomainContent(prefix) {
				errs = append(errs, "prefix part "+msg)
			}
		}
	}
	if len(name) == 0 {
		errs = append(errs, "name part "+msgNonEmpty)
	} else if len(name) > QualifiedNameMaxLength {
		errs = append(errs, "name part "+maxLenBytes(QualifiedNameMaxLength))
	}
	if !isQualifiedNamePart(name) {
		errs = append(errs, "name part "+msgQualifiedName)
	}
	return errs
}

// IsValidLabelValue checks that value is a label value: empty, or at most 63
// bytes of [-A-Za-z0-9_.] starting and ending with an alphanumeric.
func IsValidLabelValue(value string) []string {
	var errs []string
	if len(value) > LabelValueMaxLength {
		errs = append(errs, maxLenBytes(LabelValueMaxLength))
	}
	if value != "" && !isQualifiedNamePart(value) {
		errs = append(errs, msgLabelValue)
	}
	return errs
}

// IsDecimalInteger checks that value is a decimal integer in canonical form:
// "0", or an optional '-' followed by a digit 1-9 and any digits. Leading
// zeros, '+', "-0" and whitespace are rejected; the magnitude is not limited,
// so "9223372036854775808" is valid although it does not fit an int64.
func IsDecimalInteger(value string) []string {
	if len(value) == 0 {
		return []string{msgNonEmpty}
	}
	if !isCanonicalDecimal(value) {
		return []string{msgDecimalInteger}
	}
	return nil
}

func isCanonicalDecimal(s string) bool {
	i := 0
	if s[0] == '-' {
		i = 1
	}
	if i >= len(s) {
		return false
	}
	if s[i] == '0' {
		return len(s) == 1
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// maskGenerateNameDash is how Kubernetes lets a generateName prefix end in '-':
// it replaces the last two bytes with "a" before validating (the length
// change is Kubernetes' own quirk, kept for identical answers).
func maskGenerateNameDash(name string) string {
	if len(name) > 1 && name[len(name)-1] == '-' {
		return name[:len(name)-2] + "a"
	}
	return name
}

// NameIsDNSSubdomain validates an object name that must be an RFC 1123
// subdomain. When prefix is true the name is a generateName prefix and may end
// in '-'.
func NameIsDNSSubdomain(name string, prefix bool) []string {
	if prefix {
		name = maskGenerateNameDash(name)
	}
	return IsDNS1123Subdomain(name)
}

// NameIsDNSLabel validates an object name that must be an RFC 1123 label.
// When prefix is true the name is a generateName prefix and may end in '-'.
func NameIsDNSLabel(name string, prefix bool) []string {
	if prefix {
		name = maskGenerateNameDash(name)
	}
	return IsDNS1123Label(name)
}

// NameIsDNS1035Label validates an object name that must be an RFC 1035 label.
// When prefix is true the name is a generateName prefix and may end in '-'.
func NameIsDNS1035Label(name string, prefix bool) []string {
	if prefix {
		name = maskGenerateNameDash(name)
	}
	return IsDNS1035Label(name)
}

// IsValidPortNum checks that port is in 1..65535.
func IsValidPortNum(port int) []string {
	if 1 <= port && port <= 65535 {
		return nil
	}
	return []string{"must be between 1 and 65535, inclusive"}
}

// IsValidPortName checks an IANA service name as Kubernetes restricts it: at
// most 15 characters of [-a-z0-9], at least one letter, no leading, trailing
// or doubled '-'. Every rule that fails contributes its message.
func IsValidPortName(port string) []string {
	var errs []string
	if len(port) > 15 {
		errs = append(errs, maxLenChars(15))
	}
	charsetOK, hasLetter := len(port) > 0, false
	for i := 0; i < len(port); i++ {
		c := port[i]
		if 'a' <= c && c <= 'z' {
			hasLetter = true
		} else if c != '-' && (c < '0' || c > '9') {
			charsetOK = false
		}
	}
	if !charsetOK {
		errs = append(errs, "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
	}
	if !hasLetter {
		errs = append(errs, "must contain at least one letter (a-z)")
	}
	if strings.Contains(port, "--") {
		errs = append(errs, "must not contain consecutive hyphens")
	}
	if len(port) > 0 && (port[0] == '-' || port[len(port)-1] == '-') {
		errs = append(errs, "must not begin or end with a hyphen")
	}
	return errs
}

// IsValidIP checks that value is an IPv4 or IPv6 address as Kubernetes'
// "sloppy" parser reads it: IPv4 octets may carry leading zeros (read as
// decimal), zones are rejected.
func IsValidIP(value string) []string {
	if parseIPSloppy(value) == nil {
		return []string{msgInvalidIP}
	}
	return nil
}

// IsValidCIDR checks that value is an address and prefix length as Kubernetes'
// sloppy CIDR parser reads them (leading zeros allowed in IPv4 octets and in
// the prefix length).
func IsValidCIDR(value string) []string {
	if !isCIDRSloppy(value) {
		return []string{msgInvalidCIDR}
	}
	return nil
}

// parseIPv4Sloppy parses dotted-quad IPv4 the way Go's net package did before
// Go 1.17 (and k8s.io/utils/net still does): each part is decimal digits with
// any number of leading zeros and a value of at most 255.
func parseIPv4Sloppy(s string) (ip [4]byte, ok bool) {
	for i := 0; i < 4; i++ {
		if i > 0 {
			if len(s) == 0 || s[0] != '.' {
				return ip, false
			}
			s = s[1:]
		}
		n, j := 0, 0
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			n = n*10 + int(s[j]-'0')
			if n > 0xFF {
				return ip, false
			}
			j++
		}
		if j == 0 {
			return ip, false
		}
		ip[i] = byte(n)
		s = s[j:]
	}
	return ip, len(s) == 0
}

// parseIPSloppy returns the 16-byte form of s, or nil.
func parseIPSloppy(s string) net.IP {
	if strings.IndexByte(s, ':') < 0 {
		v4, ok := parseIPv4Sloppy(s)
		if !ok {
			return nil
		}
		return net.IPv4(v4[0], v4[1], v4[2], v4[3])
	}
	if strings.IndexByte(s, '%') >= 0 {
		return nil
	}
	// An embedded IPv4 tail may carry leading zeros: normalise it, then let
	// the standard IPv6 parser judge the rest.
	if i := strings.LastIndexByte(s, ':'); strings.IndexByte(s[i+1:], '.') >= 0 {
		v4, ok := parseIPv4Sloppy(s[i+1:])
		if !ok {
			return nil
		}
		s = s[:i+1] + net.IPv4(v4[0], v4[1], v4[2], v4[3]).String()
	}
	return net.ParseIP(s)
}

// isCIDRSloppy mirrors k8s.io/utils/net.ParseCIDRSloppy's acceptance.
func isCIDRSloppy(s string) bool {
	i := strings.IndexByte(s, '/')
	if i < 0 {
		return false
	}
	addr, mask := s[:i], s[i+1:]
	bits := 128
	if _, ok := parseIPv4Sloppy(addr); ok {
		bits = 32
	} else if parseIPSloppy(addr) == nil {
		return false
	}
	n, j := 0, 0
	for j < len(mask) && '0' <= mask[j] && mask[j] <= '9' {
		n = n*10 + int(mask[j]-'0')
		if n >= 0xFFFFFF {
			return false
		}
		j++
	}
	return j > 0 && j == len(mask) && n <= bits
}
