package perceptron

import "encoding/binary"

// AppendRow appends one feature's non-zero quantized weights to b as
// zig-zag varints, the last written as the sum of them all instead of
// itself. A perceptron moves a feature's weights up for one label and
// down for another by the same amount, so the sum is nearly always 0 or
// ±1 and takes a byte, where the last weight would take two or three.
// Both model files (this package's and package postag's) store rows so.
func AppendRow(b []byte, q []int64) []byte {
	sum := int64(0)
	for i, v := range q {
		sum += v
		if i < len(q)-1 {
			b = binary.AppendVarint(b, v)
		}
	}
	if len(q) == 0 {
		return b
	}
	return binary.AppendVarint(b, sum)
}

// Row reads into dst the len(dst) weights of one row that AppendRow wrote.
func (r *Reader) Row(dst []int64) {
	sum := int64(0)
	for i := range dst {
		v := r.Varint()
		if i == len(dst)-1 {
			v -= sum
		}
		sum += v
		dst[i] = v
	}
}
