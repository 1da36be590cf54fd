package result

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strings"
)

// WriteJSON writes res to w as encoding/json's Encoder would, byte for
// byte: indented by two spaces when indent is set, with <, > and &
// escaped when escapeHTML is, and a final newline. Unlike the Encoder it
// encodes a list one element at a time, and a struct that holds lists
// one field at a time, so that the JSON of a large result (half a million
// quotations give 150 MB; one name said 700,000 times, an entity of
// 30 MB) is never held whole beside the result itself.
func WriteJSON(w io.Writer, res *Result, indent, escapeHTML bool) error {
	jw := &jsonWriter{w: w, indent: indent}
	jw.enc = json.NewEncoder(&jw.buf)
	jw.enc.SetEscapeHTML(escapeHTML)
	jw.value(0, reflect.ValueOf(res).Elem())
	jw.write("\n")
	return jw.err
}

// jsonWriter is WriteJSON's state: the first error stops all writing.
type jsonWriter struct {
	w      io.Writer
	indent bool
	buf    bytes.Buffer
	enc    *json.Encoder
	err    error
}

func (jw *jsonWriter) write(s string) {
	if jw.err == nil {
		_, jw.err = io.WriteString(jw.w, s)
	}
}

// newline starts a line at the given depth, when indenting.
func (jw *jsonWriter) newline(depth int) {
	if jw.indent {
		jw.write("\n" + strings.Repeat("  ", depth))
	}
}

var marshalerType = reflect.TypeFor[json.Marshaler]()

// value writes v as it would be encoded at the given depth: a list
// element by element, a struct that holds a list field by field, and
// anything else whole.
func (jw *jsonWriter) value(depth int, v reflect.Value) {
	switch {
	case v.Type().Implements(marshalerType) || reflect.PointerTo(v.Type()).Implements(marshalerType):
	case v.Kind() == reflect.Slice && v.Len() > 0 && v.Type().Elem().Kind() != reflect.Uint8:
		jw.write("[")
		for i := range v.Len() {
			if i > 0 {
				jw.write(",")
			}
			jw.newline(depth + 1)
			jw.value(depth+1, v.Index(i))
		}
		jw.newline(depth)
		jw.write("]")
		return
	case v.Kind() == reflect.Struct && plainFields(v.Type()):
		jw.write("{")
		for i := range v.NumField() {
			if i > 0 {
				jw.write(",")
			}
			jw.newline(depth + 1)
			jw.leaf(depth+1, v.Type().Field(i).Tag.Get("json"))
			jw.write(":")
			if jw.indent {
				jw.write(" ")
			}
			jw.value(depth+1, v.Field(i))
		}
		jw.newline(depth)
		jw.write("}")
		return
	}
	if v.CanAddr() {
		v = v.Addr() // the same JSON, without copying the value into an interface
	}
	jw.leaf(depth, v.Interface())
}

// plainFields reports whether t is a struct worth writing field by
// field: it has a list field, and every field is exported and named by a
// plain json tag (no omitempty, no "-"), so each is written as tagged.
func plainFields(t reflect.Type) bool {
	lists := false
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if !f.IsExported() || f.Anonymous || tag == "" || tag == "-" || strings.Contains(tag, ",") {
			return false
		}
		lists = lists || f.Type.Kind() == reflect.Slice
	}
	return lists
}

// leaf writes x whole, encoded as it would be at the given depth.
func (jw *jsonWriter) leaf(depth int, x any) {
	if jw.err != nil {
		return
	}
	jw.buf.Reset()
	if jw.indent {
		jw.enc.SetIndent(strings.Repeat("  ", depth), "  ")
	}
	if jw.err = jw.enc.Encode(x); jw.err != nil {
		return
	}
	_, jw.err = jw.w.Write(bytes.TrimSuffix(jw.buf.Bytes(), []byte("\n")))
}
