package perceptron

import "encoding/binary"

// Reader reads the little-endian values of a model file and remembers
// running short: after the first read past the end every read returns
// zero values and Err reports true.
type Reader struct {
	data []byte
	pos  int
	err  bool
}

// NewReader returns a Reader at the start of data.
func NewReader(data []byte) *Reader { return &Reader{data: data} }

// Next returns the next n bytes, or nil past the end.
func (r *Reader) Next(n int) []byte {
	if r.err || n < 0 || r.pos+n > len(r.data) {
		r.err = true
		return nil
	}
	b := r.data[r.pos : r.pos+n]
	r.pos += n
	return b
}

// Byte reads one byte.
func (r *Reader) Byte() byte {
	if b := r.Next(1); b != nil {
		return b[0]
	}
	return 0
}

// U16 reads an unsigned 16-bit integer.
func (r *Reader) U16() uint16 {
	if b := r.Next(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

// U32 reads an unsigned 32-bit integer.
func (r *Reader) U32() uint32 {
	if b := r.Next(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

// U64 reads an unsigned 64-bit integer.
func (r *Reader) U64() uint64 {
	if b := r.Next(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

// Err reports whether a read ran past the end.
func (r *Reader) Err() bool { return r.err }

// Done reports whether every byte was read and none was missing.
func (r *Reader) Done() bool { return !r.err && r.pos == len(r.data) }

// Remaining returns how many bytes are left.
func (r *Reader) Remaining() int { return len(r.data) - r.pos }

// Uvarint reads an unsigned varint (encoding/binary's form).
func (r *Reader) Uvarint() uint64 {
	if r.err {
		return 0
	}
	v, n := binary.Uvarint(r.data[r.pos:])
	if n <= 0 {
		r.err = true
		return 0
	}
	r.pos += n
	return v
}

// Varint reads a signed (zig-zag) varint.
func (r *Reader) Varint() int64 {
	if r.err {
		return 0
	}
	v, n := binary.Varint(r.data[r.pos:])
	if n <= 0 {
		r.err = true
		return 0
	}
	r.pos += n
	return v
}
