package desk

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"relance/ledger"
)

// The kinds of the settings files a dossier exports and imports: its settings, its
// salespeople, its risk policy and its reminder scenarios. Each file is one JSON
// object, UTF-8, indented, that starts with its kind and version.
const (
	KindSettings    = "relance.settings"
	KindSalespeople = "relance.salespeople"
	KindRiskPolicy  = "relance.risk_policy"
	KindScenarios   = "relance.scenarios"
)

// FileVersion is the version of the settings files written; an import refuses a
// later one.
const FileVersion = 1

// FileHeader starts every settings file: what it holds and in which version.
type FileHeader struct {
	Kind    string `json:"kind"`
	Version int    `json:"version"`
}

// writeAdminFile writes v as an indented UTF-8 JSON document (struct fields in their
// declared order, so that two exports of the same dossier are byte-identical).
func writeAdminFile(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// adminDoc is a settings file read by readAdminFile: its name, for the messages, and
// where each value starts, by path ("salespeople[2].email"), to name its line.
type adminDoc struct {
	name  string
	data  []byte
	paths []jsonPath
}

// jsonPath is where a value (or an object's key) of the document starts.
type jsonPath struct {
	path string
	off  int64
	key  bool // the path ends in an object's key (not an array index)
}

// readAdminFile decodes data, the file name, into v (a struct starting with a
// FileHeader) strictly: valid UTF-8 and JSON, one document, no field v does not have
// (json.Decoder.DisallowUnknownFields), each value of its field's type, the kind
// wanted and a version this one reads. Each refusal is a Problem naming the file and,
// when it can be told, the line and the field.
func readAdminFile(name string, data []byte, kind string, v any) (*adminDoc, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	doc := &adminDoc{name: name, data: data}
	if !utf8.Valid(data) {
		return nil, doc.problem("admin.err.file_utf8", -1)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, doc.problem("admin.err.file_empty", -1)
	}
	if err := doc.index(); err != nil {
		return nil, doc.syntax(err)
	}
	var h FileHeader
	if err := json.Unmarshal(data, &h); err != nil || h.Kind != kind {
		p := doc.problem("admin.err.file_kind", doc.offset("kind"), "value", h.Kind, "want", kind)
		return nil, p
	}
	if h.Version < 1 || h.Version > FileVersion {
		return nil, doc.problem("admin.err.file_version", doc.offset("version"), "value", strconv.Itoa(h.Version), "max", strconv.Itoa(FileVersion))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return nil, doc.decodeError(err, reflect.TypeOf(v))
	}
	return doc, nil
}

// index records where each value of the document starts, refusing a document that is
// not one JSON value.
func (d *adminDoc) index() error {
	dec := json.NewDecoder(bytes.NewReader(d.data))
	dec.UseNumber()
	type frame struct {
		path    string
		array   bool
		n       int
		key     string
		wantKey bool
	}
	var stack []*frame
	next := func() string { // the path of the value starting now
		if len(stack) == 0 {
			return ""
		}
		f := stack[len(stack)-1]
		if f.array {
			f.n++
			return f.path + "[" + strconv.Itoa(f.n-1) + "]"
		}
		f.wantKey = true
		return joinPath(f.path, f.key)
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			if len(stack) > 0 {
				return io.ErrUnexpectedEOF
			}
			return nil
		}
		if err != nil {
			return err
		}
		off := dec.InputOffset()
		if len(stack) > 0 {
			if f := stack[len(stack)-1]; !f.array && f.wantKey {
				if k, ok := tok.(string); ok {
					f.key, f.wantKey = k, false
					d.paths = append(d.paths, jsonPath{path: joinPath(f.path, k), off: off, key: true})
					continue
				}
			}
		}
		switch tok {
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			continue
		}
		if len(stack) == 0 && len(d.paths) > 0 {
			return trailingError(off)
		}
		p := next()
		d.paths = append(d.paths, jsonPath{path: p, off: off})
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{path: p, wantKey: true})
		case json.Delim('['):
			stack = append(stack, &frame{path: p, array: true})
		}
	}
}

// trailingError is a second value after the document's, at its offset.
type trailingError int64

func (e trailingError) Error() string { return "trailing data after the document" }

func joinPath(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

// offset is where the value at path starts, -1 when the document has none.
func (d *adminDoc) offset(path string) int64 {
	for _, p := range d.paths {
		if p.path == path {
			return p.off
		}
	}
	return -1
}

// line is the line (from 1) of byte offset off.
func (d *adminDoc) line(off int64) int {
	off = min(max(off, 0), int64(len(d.data)))
	return 1 + bytes.Count(d.data[:off], []byte("\n"))
}

// problem is a Problem naming the file and, when off ≥ 0, its line.
func (d *adminDoc) problem(key string, off int64, args ...string) *ledger.Problem {
	line := ""
	if off >= 0 {
		line = strconv.Itoa(d.line(off))
	}
	return &ledger.Problem{Key: key, Args: append([]string{"file", d.name, "line", line}, args...)}
}

// at wraps err, a refusal of the value at path, with the file and the line of that
// value (the line left out when the document has no such value).
func (d *adminDoc) at(path string, err error) error {
	off := d.offset(path)
	if path == "" || off < 0 {
		return &ledger.Problem{Key: "admin.err.in_file", Args: []string{"file", d.name}, Err: err}
	}
	return &ledger.Problem{Key: "admin.err.at_line", Args: []string{"file", d.name, "line", strconv.Itoa(d.line(off))}, Err: err}
}

// syntax names a malformed document's line, column and what is there.
func (d *adminDoc) syntax(err error) error {
	var se *json.SyntaxError
	var te trailingError
	switch {
	case errors.As(err, &te):
		return d.problem("admin.err.json_trailing", int64(te))
	case errors.As(err, &se):
		off := min(max(se.Offset, 0), int64(len(d.data))) // the offending character, mostly
		start := int64(bytes.LastIndexByte(d.data[:off], '\n') + 1)
		end := start + int64(bytes.IndexByte(d.data[start:], '\n'))
		if end < start {
			end = int64(len(d.data))
		}
		near := strings.TrimSpace(string(d.data[off:min(end, off+20)]))
		col := utf8.RuneCount(d.data[start:off]) + 1
		return d.problem("admin.err.json_syntax", off, "column", strconv.Itoa(col), "value", near)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return d.problem("admin.err.json_eof", int64(len(d.data)))
	}
	return &ledger.Problem{Key: "admin.err.json_value", Args: []string{"file", d.name}, Err: err}
}

// decodeError names what the strict decoding of the document into a value of type t
// refused: an unknown field (its path and line), a value of the wrong type (its field,
// line, the type wanted and the one given), or a value its type refused.
func (d *adminDoc) decodeError(err error, t reflect.Type) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field
		if p := d.pathAt(te.Offset); p != "" {
			field = p
		}
		return d.problem(typeKey(te.Type), te.Offset, "field", field, "value", d.rawValue(field, te.Value))
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		name, _ = strconv.Unquote(name)
		for _, p := range d.paths {
			if p.key && lastKey(p.path) == name && !knownPath(t, p.path) {
				return d.problem("admin.err.json_unknown", p.off, "field", p.path)
			}
		}
		return d.problem("admin.err.json_unknown", -1, "field", name)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return d.syntax(err)
	}
	return &ledger.Problem{Key: "admin.err.json_value", Args: []string{"file", d.name}, Err: err}
}

// pathAt is the path of the value recorded nearest to off.
func (d *adminDoc) pathAt(off int64) string {
	best, dist := "", int64(-1)
	for _, p := range d.paths {
		if dd := max(p.off-off, off-p.off); dist < 0 || dd < dist {
			best, dist = p.path, dd
		}
	}
	return best
}

func lastKey(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

// typeKey is the catalogue key of the refusal of a value where one of type t is
// wanted: it says what t is written as.
func typeKey(t reflect.Type) string {
	if t.Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) || reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		return "admin.err.json_want_string"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "admin.err.json_want_integer"
	case reflect.Float32, reflect.Float64:
		return "admin.err.json_want_number"
	case reflect.Bool:
		return "admin.err.json_want_bool"
	case reflect.Slice, reflect.Array:
		return "admin.err.json_want_array"
	case reflect.Struct, reflect.Map:
		return "admin.err.json_want_object"
	}
	return "admin.err.json_want_string"
}

// rawValue is the text of the value at path as written in the file (shortened), or
// what encoding/json calls it (desc: "array", "object"…) when it is not a scalar.
func (d *adminDoc) rawValue(path, desc string) string {
	off := int64(-1)
	for _, p := range d.paths {
		if p.path == path && !p.key {
			off = p.off
		}
	}
	if off <= 0 || off > int64(len(d.data)) {
		return desc
	}
	switch d.data[off-1] {
	case '{':
		return "{…}"
	case '[':
		return "[…]"
	}
	start := int64(bytes.LastIndexAny(d.data[:off], ":,[\n")) + 1
	if d.data[off-1] == '"' { // a string: back to its opening quote
		start = off - 2
		for start > 0 && (d.data[start] != '"' || d.data[start-1] == '\\') {
			start--
		}
	}
	v := strings.TrimSpace(string(d.data[max(start, 0):off]))
	if r := []rune(v); len(r) > 40 {
		v = string(r[:40]) + "…"
	}
	return v
}

// knownPath reports whether path ("a.b[2].c") names a field of type t, as
// encoding/json matches them (a field's JSON name, case-insensitively).
func knownPath(t reflect.Type, path string) bool {
	for _, seg := range strings.Split(path, ".") {
		name, _, _ := strings.Cut(seg, "[")
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Map:
			t = t.Elem()
		case reflect.Struct:
			f, ok := jsonField(t, name)
			if !ok {
				return false
			}
			t = f
		default:
			return true // a value decoding itself, or an interface: anything goes
		}
		for range strings.Count(seg, "[") {
			if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
				return true
			}
			t = t.Elem()
		}
	}
	return true
}

// jsonField is the type of struct t's field named name in JSON.
func jsonField(t reflect.Type, name string) (reflect.Type, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if tag == "-" {
			continue
		}
		if tag == "" {
			if f.Anonymous {
				if ft, ok := jsonField(f.Type, name); ok {
					return ft, true
				}
				continue
			}
			tag = f.Name
		}
		if strings.EqualFold(tag, name) {
			return f.Type, true
		}
	}
	return nil, false
}

// problemArg is the value of argument name of err's Problem, "" when none.
func problemArg(err error, name string) string {
	var p *ledger.Problem
	if !errors.As(err, &p) {
		return ""
	}
	for i := 0; i+1 < len(p.Args); i += 2 {
		if p.Args[i] == name {
			return p.Args[i+1]
		}
	}
	return ""
}
