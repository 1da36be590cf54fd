package perceptron

// table maps feature hashes to weight rows. It is an open-addressing hash
// table: a Go map of uint32 spent a quarter of the entity tagger's time
// finding rows, and this finds them in about a third of that. A slot
// holds its key and row side by side, so that a probe reads one cache
// line, not two: most features a tagger asks for are not in a pruned
// model, and each such miss used to cost two.
type table struct {
	slots []slot
	shift uint // 32 - log2(len(slots))
	n     int
}

// slot is one entry of a table; row is -1 where it is empty.
type slot struct {
	key uint32
	row int32
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
	old := t.slots
	t.slots, t.shift, t.n = make([]slot, size), 32-bits, 0
	for i := range t.slots {
		t.slots[i].row = -1
	}
	for _, s := range old {
		if s.row >= 0 {
			t.put(s.key, s.row)
		}
	}
}

// find returns where h is, or the empty slot where it would go.
func (t *table) find(h uint32) int {
	mask := len(t.slots) - 1
	i := int((h * 0x9E3779B1) >> t.shift)
	for s := t.slots[i]; s.row >= 0 && s.key != h; s = t.slots[i] {
		i = (i + 1) & mask
	}
	return i
}

// get returns the row of h.
func (t *table) get(h uint32) (int32, bool) {
	row := t.slots[t.find(h)].row
	return row, row >= 0
}

// put sets the row of h.
func (t *table) put(h uint32, row int32) {
	if 2*(t.n+1) > len(t.slots) {
		t.resize(t.n + 1)
	}
	i := t.find(h)
	if t.slots[i].row < 0 {
		t.n++
	}
	t.slots[i] = slot{h, row}
}

// len returns the number of entries.
func (t *table) len() int { return t.n }

// each calls f for every entry, in no set order.
func (t *table) each(f func(h uint32, row int32)) {
	for _, s := range t.slots {
		if s.row >= 0 {
			f(s.key, s.row)
		}
	}
}
