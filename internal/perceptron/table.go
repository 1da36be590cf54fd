package perceptron

// table maps feature hashes to weight rows. It is an open-addressing hash
// table: a Go map of uint32 spent a quarter of the entity tagger's time
// finding rows, and this finds them in about a third of that.
type table struct {
	keys  []uint32
	rows  []int32 // -1 where the slot is empty
	shift uint    // 32 - log2(len(keys))
	n     int
}

func newTable(capacity int) *table {
	t := &table{}
	t.resize(capacity)
	return t
}

// resize makes room for capacity entries at most half full and puts the
// current entries back.
func (t *table) resize(capacity int) {
	size, bits := 8, uint(3)
	for size < 2*capacity {
		size, bits = size*2, bits+1
	}
	keys, rows := t.keys, t.rows
	t.keys, t.rows, t.shift, t.n = make([]uint32, size), make([]int32, size), 32-bits, 0
	for i := range t.rows {
		t.rows[i] = -1
	}
	for i, r := range rows {
		if r >= 0 {
			t.put(keys[i], r)
		}
	}
}

// slot returns where h is, or the empty slot where it would go.
func (t *table) slot(h uint32) int {
	mask := len(t.keys) - 1
	i := int((h * 0x9E3779B1) >> t.shift)
	for t.rows[i] >= 0 && t.keys[i] != h {
		i = (i + 1) & mask
	}
	return i
}

// get returns the row of h.
func (t *table) get(h uint32) (int32, bool) {
	i := t.slot(h)
	return t.rows[i], t.rows[i] >= 0
}

// put sets the row of h.
func (t *table) put(h uint32, row int32) {
	if 2*(t.n+1) > len(t.keys) {
		t.resize(t.n + 1)
	}
	i := t.slot(h)
	if t.rows[i] < 0 {
		t.n++
	}
	t.keys[i], t.rows[i] = h, row
}

// len returns the number of entries.
func (t *table) len() int { return t.n }

// each calls f for every entry, in no set order.
func (t *table) each(f func(h uint32, row int32)) {
	for i, r := range t.rows {
		if r >= 0 {
			f(t.keys[i], r)
		}
	}
}
