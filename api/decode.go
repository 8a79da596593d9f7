package api

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"sigs.k8s.io/yaml"
)

// List is the generic v1 List: a manifest whose items are objects of any kind,
// as `kubectl get -o json` prints them.
type List struct {
	TypeMeta `json:",inline"`
	ListMeta `json:"metadata,omitzero"`
	Items    []Object `json:"items"`
}

// UnmarshalJSON decodes every item by its own apiVersion and kind.
func (l *List) UnmarshalJSON(b []byte) error {
	var raw struct {
		TypeMeta `json:",inline"`
		ListMeta `json:"metadata"`
		Items    []json.RawMessage `json:"items"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	l.TypeMeta, l.ListMeta, l.Items = raw.TypeMeta, raw.ListMeta, nil
	for i, item := range raw.Items {
		obj, err := decodeObject(item)
		if err != nil {
			return fmt.Errorf("items[%d]: %w", i, err)
		}
		l.Items = append(l.Items, obj)
	}
	return nil
}

// DecodeError is the error Decode returns: where in the input the problem is
// (the 1-based document and, inside a List, the 0-based item), what object it
// concerns when that is known, and what is wrong.
type DecodeError struct {
	// Document is the 1-based index of the YAML document or JSON value.
	Document int
	// Item is the 0-based index inside a List, or -1.
	Item int
	// Kind, Namespace and Name identify the object, when they could be read.
	Kind, Namespace, Name string
	// Field is the path of the offending field, such as
	// spec.containers[0].resources.requests[cpu], or empty.
	Field string
	// Err is the underlying problem.
	Err error
}

func (e *DecodeError) Error() string {
	var b strings.Builder
	b.WriteString("api: document ")
	b.WriteString(strconv.Itoa(e.Document))
	if e.Item >= 0 {
		b.WriteString(", item ")
		b.WriteString(strconv.Itoa(e.Item))
	}
	if e.Kind != "" {
		b.WriteString(" (")
		b.WriteString(e.Kind)
		if e.Name != "" {
			b.WriteString(" ")
			if e.Namespace != "" {
				b.WriteString(strconv.Quote(e.Namespace + "/" + e.Name))
			} else {
				b.WriteString(strconv.Quote(e.Name))
			}
		}
		b.WriteString(")")
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *DecodeError) Unwrap() error { return e.Err }

// ErrUnknownKind is wrapped by the error for a document whose apiVersion and
// kind name no kind of the object model.
var ErrUnknownKind = errors.New("unknown kind")

// Decode reads every object from r: multi-document YAML (documents separated
// by `---` lines, comments allowed) or JSON (one or more values, each an
// object or an array of objects). A `kind: List` document, or a `<Kind>List`
// such as the API server's PodList, contributes its items. Empty documents
// are skipped. Objects come back in input order as pointers to their typed
// structs (*Pod, *Node, …).
//
// Unknown fields are ignored. Unknown kinds, wrong value types, bad
// quantities and YAML syntax errors stop decoding with a *DecodeError that
// names the document, the item, the object and the field.
func Decode(r io.Reader) ([]Object, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("api: read manifests: %w", err)
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		if objs, err := decodeJSONStream(trimmed); err == nil || !isJSONSyntax(err) {
			return objs, err
		}
		// Not a JSON stream after all (YAML flow style, say): read as YAML.
	}
	return decodeYAML(data)
}

func isJSONSyntax(err error) bool {
	var de *DecodeError
	if errors.As(err, &de) {
		var se *json.SyntaxError
		return errors.As(de.Err, &se)
	}
	return false
}

func decodeJSONStream(data []byte) ([]Object, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var out []Object
	for doc := 1; ; doc++ {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err == io.EOF {
			return out, nil
		} else if err != nil {
			return nil, &DecodeError{Document: doc, Item: -1, Err: err}
		}
		objs, err := decodeDocument(raw, doc)
		if err != nil {
			return nil, err
		}
		out = append(out, objs...)
	}
}

func decodeYAML(data []byte) ([]Object, error) {
	var out []Object
	docs, starts := splitYAML(data)
	for i, d := range docs {
		doc := i + 1
		if isBlankYAML(d) {
			continue
		}
		js, err := yaml.YAMLToJSON(d)
		if err != nil {
			return nil, &DecodeError{Document: doc, Item: -1, Err: fmt.Errorf("document starts at line %d: %w", starts[i], err)}
		}
		if bytes.Equal(bytes.TrimSpace(js), []byte("null")) {
			continue
		}
		objs, err := decodeDocument(js, doc)
		if err != nil {
			return nil, err
		}
		out = append(out, objs...)
	}
	return out, nil
}

// splitYAML cuts a YAML stream at lines that are exactly `---` (optionally
// followed by a comment or spaces), returning each document and the 1-based
// line it starts on.
func splitYAML(data []byte) ([][]byte, []int) {
	var docs [][]byte
	var starts []int
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), len(data)+1)
	var cur bytes.Buffer
	line, start := 0, 1
	for sc.Scan() {
		line++
		l := sc.Bytes()
		if isDocSeparator(l) {
			docs = append(docs, append([]byte(nil), cur.Bytes()...))
			starts = append(starts, start)
			cur.Reset()
			start = line + 1
			continue
		}
		cur.Write(l)
		cur.WriteByte('\n')
	}
	docs = append(docs, cur.Bytes())
	starts = append(starts, start)
	return docs, starts
}

func isDocSeparator(l []byte) bool {
	if !bytes.HasPrefix(l, []byte("---")) {
		return false
	}
	rest := bytes.TrimSpace(l[3:])
	return len(rest) == 0 || rest[0] == '#'
}

func isBlankYAML(d []byte) bool {
	for _, l := range bytes.Split(d, []byte("\n")) {
		l = bytes.TrimSpace(l)
		if len(l) == 0 || l[0] == '#' || bytes.Equal(l, []byte("...")) {
			continue
		}
		return false
	}
	return true
}

// header is the part of a document read before dispatching on its kind.
type header struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Metadata   struct {
		Name      string `json:"name"`
		Namespace string `json:"namespace"`
	} `json:"metadata"`
	Items []json.RawMessage `json:"items"`
}

func decodeDocument(js []byte, doc int) ([]Object, error) {
	t := bytes.TrimLeft(js, " \t\r\n")
	if len(t) > 0 && t[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(t, &items); err != nil {
			return nil, &DecodeError{Document: doc, Item: -1, Err: err}
		}
		return decodeItems(items, doc)
	}
	if len(t) == 0 || t[0] != '{' {
		return nil, &DecodeError{Document: doc, Item: -1, Err: fmt.Errorf("expected an object, got %s", abbreviate(t))}
	}
	var h header
	if err := json.Unmarshal(t, &h); err != nil {
		return nil, &DecodeError{Document: doc, Item: -1, Err: describeHeaderError(t, err)}
	}
	if isListKind(h.APIVersion, h.Kind) {
		return decodeItems(h.Items, doc)
	}
	obj, err := decodeTyped(t, &h)
	if err != nil {
		err.Document, err.Item = doc, -1
		return nil, err
	}
	return []Object{obj}, nil
}

func isListKind(apiVersion, kind string) bool {
	if kind == "List" {
		return true
	}
	if base, ok := strings.CutSuffix(kind, "List"); ok && base != "" {
		_, known := LookupKind(apiVersion, base)
		return known
	}
	return false
}

func decodeItems(items []json.RawMessage, doc int) ([]Object, error) {
	out := make([]Object, 0, len(items))
	for i, item := range items {
		var h header
		if err := json.Unmarshal(item, &h); err != nil {
			return nil, &DecodeError{Document: doc, Item: i, Err: describeHeaderError(item, err)}
		}
		obj, err := decodeTyped(item, &h)
		if err != nil {
			err.Document, err.Item = doc, i
			return nil, err
		}
		out = append(out, obj)
	}
	return out, nil
}

// decodeObject decodes one JSON object by its apiVersion and kind.
func decodeObject(js []byte) (Object, error) {
	var h header
	if err := json.Unmarshal(js, &h); err != nil {
		return nil, describeHeaderError(js, err)
	}
	obj, err := decodeTyped(js, &h)
	if err != nil {
		return nil, err
	}
	return obj, nil
}

func decodeTyped(js []byte, h *header) (Object, *DecodeError) {
	de := &DecodeError{Kind: h.Kind, Namespace: h.Metadata.Namespace, Name: h.Metadata.Name, Item: -1}
	switch {
	case h.Kind == "" && h.APIVersion == "":
		de.Err = errors.New("object has no apiVersion and no kind")
		return nil, de
	case h.Kind == "":
		de.Err = fmt.Errorf("object with apiVersion %q has no kind", h.APIVersion)
		return nil, de
	case h.APIVersion == "":
		de.Err = fmt.Errorf("%s has no apiVersion", h.Kind)
		return nil, de
	}
	info, ok := LookupKind(h.APIVersion, h.Kind)
	if !ok {
		de.Err = fmt.Errorf("%w %q in apiVersion %q", ErrUnknownKind, h.Kind, h.APIVersion)
		return nil, de
	}
	obj := info.New()
	if err := json.Unmarshal(js, obj); err != nil {
		de.Field, de.Err = locateError(js, reflect.TypeOf(obj).Elem(), err)
		return nil, de
	}
	return obj, nil
}

func describeHeaderError(js []byte, err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Errorf("%s: expected %s, got %s", te.Field, te.Type, te.Value)
	}
	return err
}

// locateError finds, after json.Unmarshal failed, the first field whose
// value cannot be decoded into its Go type, and returns its path (with list
// indices and map keys) and a description. It is only called on the error
// path, so it can afford to re-read the document generically.
func locateError(js []byte, t reflect.Type, orig error) (string, error) {
	var generic any
	dec := json.NewDecoder(bytes.NewReader(js))
	dec.UseNumber()
	if err := dec.Decode(&generic); err != nil {
		return "", err
	}
	if path, err := findBad(generic, t, ""); err != nil {
		return path, err
	}
	return "", orig
}

var unmarshalerType = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()

func findBad(v any, t reflect.Type, path string) (string, error) {
	if v == nil {
		return "", nil
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) || t.Kind() != reflect.Struct && t.Kind() != reflect.Slice && t.Kind() != reflect.Map && t.Kind() != reflect.Pointer {
		b, _ := json.Marshal(v)
		if err := json.Unmarshal(b, reflect.New(t).Interface()); err != nil {
			return path, leafError(v, t, err)
		}
		return "", nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		return findBad(v, t.Elem(), path)
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok {
			return path, fmt.Errorf("expected a list, got %s", describeJSON(v))
		}
		for i, e := range arr {
			if p, err := findBad(e, t.Elem(), path+"["+strconv.Itoa(i)+"]"); err != nil {
				return p, err
			}
		}
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			return path, fmt.Errorf("expected a map, got %s", describeJSON(v))
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if p, err := findBad(m[k], t.Elem(), path+"["+k+"]"); err != nil {
				return p, err
			}
		}
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			return path, fmt.Errorf("expected an object, got %s", describeJSON(v))
		}
		fields := jsonFields(t)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			ft, ok := fields[k]
			if !ok {
				continue
			}
			p := k
			if path != "" {
				p = path + "." + k
			}
			if pp, err := findBad(m[k], ft, p); err != nil {
				return pp, err
			}
		}
	}
	return "", nil
}

// jsonFields maps the JSON names of t's fields, inlined embedded structs
// included, to their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if tag == "-" {
			continue
		}
		if f.Anonymous && name == "" {
			for k, v := range jsonFields(f.Type) {
				out[k] = v
			}
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}

func leafError(v any, t reflect.Type, err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) || strings.HasPrefix(err.Error(), "json: ") {
		return fmt.Errorf("expected %s, got %s", goTypeWord(t), describeJSON(v))
	}
	return err
}

func goTypeWord(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "a boolean"
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer (" + t.Kind().String() + ")"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return t.Name()
}

func describeJSON(v any) string {
	switch x := v.(type) {
	case string:
		return "string " + strconv.Quote(x)
	case json.Number:
		return "number " + x.String()
	case bool:
		return "boolean " + strconv.FormatBool(x)
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return "null"
}

func abbreviate(b []byte) string {
	if len(b) > 20 {
		return strconv.Quote(string(b[:20]) + "…")
	}
	return strconv.Quote(string(b))
}
