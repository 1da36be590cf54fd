package perceptron

// Two feature hashes, each the one its model was built with: changing
// either would mean rebuilding that model.
//
//   - Hash (FNV-1a, 32 bits, a 0xff byte after each part) keys the entity
//     tagger's features: a template name and its values.
//   - HashParts (FNV-1a, 64 bits, parts joined by a space) keys the
//     part-of-speech features, because prose keys its weights by the
//     feature's words joined by spaces: the same hash of the same string.

// Hash is a feature's hash while its parts are being added.
type Hash uint32

// NewHash starts the hash of a feature of the named template.
func NewHash(template string) Hash {
	h := Hash(2166136261)
	return h.Add(template)
}

// Add returns h with the part s added.
func (h Hash) Add(s string) Hash {
	for i := 0; i < len(s); i++ {
		h ^= Hash(s[i])
		h *= 16777619
	}
	h ^= 0xff // separates the parts
	h *= 16777619
	return h
}

const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

// HashParts returns the 64-bit FNV-1a hash of parts joined by single
// spaces, without joining them.
func HashParts(parts ...string) uint64 {
	h := uint64(fnvOffset64)
	for k, p := range parts {
		if k > 0 {
			h ^= ' '
			h *= fnvPrime64
		}
		for i := 0; i < len(p); i++ {
			h ^= uint64(p[i])
			h *= fnvPrime64
		}
	}
	return h
}
