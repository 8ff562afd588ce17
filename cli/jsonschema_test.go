package cli

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"time"
)

// A small JSON Schema validator for the subset docs/json.md uses (draft 2020-12
// semantics): type, properties, required, additionalProperties, unevaluatedProperties
// (false), items, enum, const, format, pattern, propertyNames, $ref to "#/$defs/NAME"
// and allOf; title, description and $comment are annotations. Any other keyword is an
// error of the schema, so that the documentation cannot use one this test ignores.

// schemaKeywords are the keywords the subset knows.
var schemaKeywords = map[string]bool{
	"type": true, "properties": true, "required": true, "additionalProperties": true, "unevaluatedProperties": true,
	"items": true, "enum": true, "const": true, "format": true, "pattern": true, "propertyNames": true, "$ref": true,
	"allOf": true, "title": true, "description": true, "$comment": true,
}

// schemaFormats are the string formats of the documentation: an ISO date, an amount
// (a decimal string with exactly two decimals), a decimal string, a half-year.
var schemaFormats = map[string]*regexp.Regexp{
	"date":    regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`),
	"amount":  regexp.MustCompile(`^-?\d+\.\d{2}$`),
	"decimal": regexp.MustCompile(`^-?\d+(\.\d+)?$`),
	"half":    regexp.MustCompile(`^\d{4}-H[12]$`),
}

// validator checks decoded JSON values against the schemas, $refs resolved in defs.
type validator struct {
	defs map[string]any
	errs []string
	seen map[uintptr]map[string]bool // the properties met, by the schema declaring them
}

func (v *validator) fail(path, format string, args ...any) {
	v.errs = append(v.errs, path+": "+fmt.Sprintf(format, args...))
}

// validate checks value at path against schema s and returns the properties of value
// (an object) that s evaluated, for unevaluatedProperties.
func (v *validator) validate(s any, value any, path string) map[string]bool {
	sch, ok := s.(map[string]any)
	if !ok {
		v.fail(path, "schema is not an object: %v", s)
		return nil
	}
	evaluated := map[string]bool{}
	if ref, ok := sch["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		def, ok := v.defs[name]
		if !ok {
			v.fail(path, "unknown $ref %q", ref)
		} else {
			for k := range v.validate(def, value, path) {
				evaluated[k] = true
			}
		}
	}
	if all, ok := sch["allOf"].([]any); ok {
		for _, sub := range all {
			for k := range v.validate(sub, value, path) {
				evaluated[k] = true
			}
		}
	}
	if t, ok := sch["type"]; ok && !typeMatches(t, value) {
		v.fail(path, "%s where the schema says %v", jsonType(value), t)
		return evaluated
	}
	if e, ok := sch["enum"].([]any); ok && !inEnum(e, value) {
		v.fail(path, "value %v is not one of %v", value, e)
	}
	if c, ok := sch["const"]; ok && fmt.Sprint(c) != fmt.Sprint(value) {
		v.fail(path, "value %v is not %v", value, c)
	}
	if str, ok := value.(string); ok {
		v.checkString(sch, str, path)
	}
	if arr, ok := value.([]any); ok {
		if items, ok := sch["items"]; ok {
			for i, e := range arr {
				v.validate(items, e, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
	if obj, ok := value.(map[string]any); ok {
		v.checkObject(sch, obj, path, evaluated)
	}
	return evaluated
}

// met records that property k of schema sch was met in an output.
func (v *validator) met(sch map[string]any, k string) {
	id := reflect.ValueOf(sch).Pointer()
	if v.seen == nil {
		v.seen = map[uintptr]map[string]bool{}
	}
	if v.seen[id] == nil {
		v.seen[id] = map[string]bool{}
	}
	v.seen[id][k] = true
}

// unmet lists the properties of schema s (at path) that no output validated so far
// had: the parts of the documentation the demo dossier does not show.
func (v *validator) unmet(s any, path string) []string {
	sch, ok := s.(map[string]any)
	if !ok {
		return nil
	}
	var out []string
	props, _ := sch["properties"].(map[string]any)
	names := make([]string, 0, len(props))
	for k := range props {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if !v.seen[reflect.ValueOf(sch).Pointer()][k] {
			out = append(out, path+"."+k)
		}
		out = append(out, v.unmet(props[k], path+"."+k)...)
	}
	for _, k := range []string{"items", "additionalProperties"} {
		out = append(out, v.unmet(sch[k], path+"[]")...)
	}
	if all, ok := sch["allOf"].([]any); ok {
		for _, sub := range all {
			out = append(out, v.unmet(sub, path)...)
		}
	}
	return out
}

// checkString applies format and pattern.
func (v *validator) checkString(sch map[string]any, str, path string) {
	if f, ok := sch["format"].(string); ok {
		re := schemaFormats[f]
		switch {
		case re == nil:
			v.fail(path, "unknown format %q", f)
		case !re.MatchString(str):
			v.fail(path, "%q is not a %s", str, f)
		case f == "date":
			if _, err := time.Parse("2006-01-02", str); err != nil {
				v.fail(path, "%q is not a calendar date", str)
			}
		}
	}
	if p, ok := sch["pattern"].(string); ok {
		if re, err := regexp.Compile(p); err != nil {
			v.fail(path, "bad pattern %q: %v", p, err)
		} else if !re.MatchString(str) {
			v.fail(path, "%q does not match %s", str, p)
		}
	}
}

// checkObject applies properties, required, propertyNames, additionalProperties and
// unevaluatedProperties, adding the keys it evaluates to evaluated.
func (v *validator) checkObject(sch map[string]any, obj map[string]any, path string, evaluated map[string]bool) {
	props, _ := sch["properties"].(map[string]any)
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, r := range asStrings(sch["required"]) {
		if _, ok := obj[r]; !ok {
			v.fail(path, "required key %q is missing", r)
		}
	}
	for _, k := range keys {
		if p, ok := props[k]; ok {
			evaluated[k] = true
			v.met(sch, k)
			v.validate(p, obj[k], path+"."+k)
		}
	}
	if pn, ok := sch["propertyNames"]; ok {
		for _, k := range keys {
			v.validate(pn, k, path+" key "+k)
		}
	}
	switch ap := sch["additionalProperties"].(type) {
	case bool:
		if !ap {
			for _, k := range keys {
				if _, ok := props[k]; !ok {
					v.fail(path, "key %q is not documented", k)
				}
			}
		}
	case map[string]any:
		for _, k := range keys {
			if _, ok := props[k]; !ok {
				evaluated[k] = true
				v.validate(ap, obj[k], path+"."+k)
			}
		}
	}
	if up, ok := sch["unevaluatedProperties"].(bool); ok && !up {
		for _, k := range keys {
			if !evaluated[k] {
				v.fail(path, "key %q is not documented", k)
			}
		}
	}
}

// typeMatches reports whether value has the type t ("string" or a list of types).
func typeMatches(t any, value any) bool {
	for _, name := range asStrings(t) {
		got := jsonType(value)
		if name == got || name == "number" && got == "integer" {
			return true
		}
	}
	if s, ok := t.(string); ok {
		got := jsonType(value)
		return s == got || s == "number" && got == "integer"
	}
	return false
}

// jsonType is the JSON Schema type of a decoded value (numbers decoded as float64).
func jsonType(value any) string {
	switch x := value.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		if x == float64(int64(x)) {
			return "integer"
		}
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", value)
}

func inEnum(e []any, value any) bool {
	for _, x := range e {
		if fmt.Sprint(x) == fmt.Sprint(value) {
			return true
		}
	}
	return false
}

// asStrings reads a list of strings of a schema ("required", a list of types).
func asStrings(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// checkSchema reports the problems of schema s itself at path: unknown keywords,
// property names that are not snake_case, required keys without a property, a $ref
// to no definition, an object left open. A definition of defs (isDef) may leave its
// object open, to be extended with allOf; each use of an open definition closes it
// with unevaluatedProperties false (an allOf member is closed by its parent).
func checkSchema(s any, path string, defs map[string]any, isDef, inAllOf bool) []string {
	sch, ok := s.(map[string]any)
	if !ok {
		return []string{path + ": not a schema"}
	}
	var errs []string
	add := func(format string, args ...any) { errs = append(errs, path+": "+fmt.Sprintf(format, args...)) }
	for k, x := range sch {
		switch {
		case !schemaKeywords[k]:
			add("keyword %q is not in the documented subset", k)
		case k == "properties":
			props, _ := x.(map[string]any)
			for name, p := range props {
				if !snakeKey.MatchString(name) {
					add("property %q is not snake_case", name)
				}
				errs = append(errs, checkSchema(p, path+"."+name, defs, false, false)...)
			}
		case k == "items" || k == "propertyNames":
			errs = append(errs, checkSchema(x, path+"/"+k, defs, false, false)...)
		case k == "additionalProperties" || k == "unevaluatedProperties":
			if b, isBool := x.(bool); isBool && b {
				add("%s true: say false, or give the schema of the values", k)
			} else if !isBool {
				errs = append(errs, checkSchema(x, path+"/"+k, defs, false, false)...)
			}
		case k == "allOf":
			list, _ := x.([]any)
			for i, sub := range list {
				errs = append(errs, checkSchema(sub, fmt.Sprintf("%s/allOf[%d]", path, i), defs, false, true)...)
			}
		case k == "$ref":
			if _, ok := defs[strings.TrimPrefix(fmt.Sprint(x), "#/$defs/")]; !ok {
				add("$ref %v to no definition", x)
			}
		case k == "format":
			if schemaFormats[fmt.Sprint(x)] == nil {
				add("unknown format %v", x)
			}
		}
	}
	props, _ := sch["properties"].(map[string]any)
	_, hasAll := sch["allOf"]
	ref, hasRef := sch["$ref"].(string)
	for _, r := range asStrings(sch["required"]) {
		if _, ok := props[r]; !ok && !hasRef && !hasAll {
			add("required %q has no property", r)
		}
	}
	// closed: not an object with named keys left open to more keys.
	closed := func(m map[string]any) bool {
		_, named := m["properties"]
		_, base := m["allOf"]
		_, mapOf := m["additionalProperties"].(map[string]any)
		return !named && !base || mapOf || m["additionalProperties"] == false || m["unevaluatedProperties"] == false
	}
	open := props != nil && !closed(sch) && !isDef && !inAllOf && !hasAll
	if def, ok := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any); hasRef && ok && !closed(def) && !closed(sch) && !inAllOf {
		open = true
	}
	if hasAll && !closed(sch) && !inAllOf {
		open = true
	}
	if open {
		add("object left open: say additionalProperties false (or unevaluatedProperties false with $ref and allOf)")
	}
	return errs
}
