package result

import (
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// WriteJSON writes res to w as encoding/json's Encoder would, byte for
// byte: indented by two spaces when indent is set, with <, > and &
// escaped when escapeHTML is, and a final newline. Unlike the Encoder it
// writes a few kilobytes at a time, so that the JSON of a large result
// (half a million quotations give 150 MB; one name said 700,000 times,
// an entity of 30 MB) is never held whole beside the result itself. It
// knows the result's types rather than reflecting on them, so that the
// first-look analyzer links neither encoding/json nor fmt (a sixth of
// its download); TestWriteJSONMatchesEncoder keeps the two in step.
func WriteJSON(w io.Writer, res *Result, indent, escapeHTML bool) error {
	jw := &jsonWriter{w: w, indent: indent, html: escapeHTML, buf: make([]byte, 0, flushAt+1024)}
	jw.result(res)
	jw.buf = append(jw.buf, '\n')
	jw.flush()
	return jw.err
}

// flushAt is how many bytes jsonWriter gathers before it writes them.
const flushAt = 32 << 10

// jsonWriter is WriteJSON's state: the first error stops all writing.
type jsonWriter struct {
	w      io.Writer
	buf    []byte
	indent bool
	html   bool
	depth  int // nesting of the value being written
	err    error
}

func (jw *jsonWriter) flush() {
	if jw.err == nil && len(jw.buf) > 0 {
		_, jw.err = jw.w.Write(jw.buf)
	}
	jw.buf = jw.buf[:0]
}

// newline starts a line at the current depth, when indenting.
func (jw *jsonWriter) newline() {
	if jw.indent {
		jw.buf = append(jw.buf, '\n')
		for range jw.depth {
			jw.buf = append(jw.buf, ' ', ' ')
		}
	}
}

// open starts an object or a list.
func (jw *jsonWriter) open(c byte) {
	jw.buf = append(jw.buf, c)
	jw.depth++
}

// close ends an object or a list of n members.
func (jw *jsonWriter) close(c byte, n int) {
	jw.depth--
	if n > 0 {
		jw.newline()
	}
	jw.buf = append(jw.buf, c)
	if len(jw.buf) >= flushAt {
		jw.flush()
	}
}

// key starts the i-th member of an object.
func (jw *jsonWriter) key(i int, name string) {
	if i > 0 {
		jw.buf = append(jw.buf, ',')
	}
	jw.newline()
	jw.buf = append(jw.buf, '"')
	jw.buf = append(jw.buf, name...)
	jw.buf = append(jw.buf, '"', ':')
	if jw.indent {
		jw.buf = append(jw.buf, ' ')
	}
}

// item starts the i-th element of a list.
func (jw *jsonWriter) item(i int) {
	if i > 0 {
		jw.buf = append(jw.buf, ',')
	}
	jw.newline()
}

// list writes a list of n elements with each, as encoding/json writes a
// slice: null when nil, [] when empty.
func list[T any](jw *jsonWriter, xs []T, each func(*T)) {
	if xs == nil {
		jw.buf = append(jw.buf, "null"...)
		return
	}
	jw.open('[')
	for i := range xs {
		jw.item(i)
		each(&xs[i])
	}
	jw.close(']', len(xs))
}

func (jw *jsonWriter) result(r *Result) {
	jw.open('{')
	jw.key(0, "offsets")
	jw.string(r.Offsets)
	jw.key(1, "entities")
	list(jw, r.Entities, jw.entity)
	jw.key(2, "quotes")
	list(jw, r.Quotes, jw.quote)
	jw.key(3, "sentences")
	list(jw, r.Sentences, jw.span)
	jw.key(4, "paragraphs")
	list(jw, r.Paragraphs, jw.span)
	jw.close('}', 5)
}

func (jw *jsonWriter) entity(e *Entity) {
	jw.open('{')
	jw.key(0, "id")
	jw.string(e.ID)
	jw.key(1, "name")
	jw.string(e.Name)
	jw.key(2, "type")
	jw.string(e.Type)
	jw.key(3, "aliases")
	list(jw, e.Aliases, func(s *string) { jw.string(*s) })
	jw.key(4, "roles")
	list(jw, e.Roles, func(s *string) { jw.string(*s) })
	jw.key(5, "mentions")
	list(jw, e.Mentions, jw.mention)
	jw.key(6, "gender")
	if e.Gender == nil {
		jw.buf = append(jw.buf, "null"...)
	} else {
		jw.open('{')
		jw.key(0, "value")
		jw.string(e.Gender.Value)
		jw.key(1, "evidence")
		jw.string(e.Gender.Evidence)
		jw.close('}', 2)
	}
	jw.close('}', 7)
}

func (jw *jsonWriter) quote(q *Quote) {
	jw.open('{')
	jw.key(0, "start")
	jw.int(q.Start)
	jw.key(1, "end")
	jw.int(q.End)
	jw.key(2, "text")
	jw.string(q.Text)
	jw.key(3, "kind")
	jw.string(q.Kind)
	jw.key(4, "speaker")
	if q.Speaker == nil {
		jw.buf = append(jw.buf, "null"...)
	} else {
		jw.string(*q.Speaker)
	}
	jw.key(5, "speakerMention")
	jw.mentionOrNull(q.SpeakerMention)
	jw.key(6, "cue")
	jw.mentionOrNull(q.Cue)
	jw.key(7, "method")
	jw.string(q.Method)
	jw.key(8, "confidence")
	jw.float(q.Confidence)
	jw.close('}', 9)
}

func (jw *jsonWriter) mentionOrNull(m *Mention) {
	if m == nil {
		jw.buf = append(jw.buf, "null"...)
		return
	}
	jw.mention(m)
}

func (jw *jsonWriter) mention(m *Mention) {
	jw.open('{')
	jw.key(0, "start")
	jw.int(m.Start)
	jw.key(1, "end")
	jw.int(m.End)
	jw.key(2, "text")
	jw.string(m.Text)
	jw.close('}', 3)
}

func (jw *jsonWriter) span(s *Span) {
	jw.open('{')
	jw.key(0, "start")
	jw.int(s.Start)
	jw.key(1, "end")
	jw.int(s.End)
	jw.close('}', 2)
}

func (jw *jsonWriter) int(n int) {
	jw.buf = strconv.AppendInt(jw.buf, int64(n), 10)
}

// float writes f as encoding/json writes a float64: the shortest form
// that reads back the same, with an exponent only below 1e-6 or from
// 1e21 on, and no leading zero in a negative exponent. (A NaN or an
// infinity, which encoding/json refuses, is never a confidence.)
func (jw *jsonWriter) float(f float64) {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	start := len(jw.buf)
	jw.buf = strconv.AppendFloat(jw.buf, f, format, -1, 64)
	if b := jw.buf[start:]; format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			jw.buf = jw.buf[:len(jw.buf)-1]
		}
	}
}

const hexDigits = "0123456789abcdef"

// string writes s quoted as encoding/json does: \", \\ and the short
// escapes (\b, \f, \n, \r, \t), other control characters as \u00XX,
// <, > and & as \u003c, \u003e and \u0026 when escaping HTML, U+2028
// and U+2029 escaped (JavaScript once read them as line ends), and each
// byte that is not UTF-8 as \ufffd.
func (jw *jsonWriter) string(s string) {
	b := append(jw.buf, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!jw.html || c != '<' && c != '>' && c != '&') {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	jw.buf = append(b, '"')
	if len(jw.buf) >= flushAt {
		jw.flush()
	}
}
