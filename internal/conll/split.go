package conll

// Units for the held-out split: a file of many documents is split by
// document; a file of a few long sections (Twitter and web corpora, where
// -DOCSTART- separates splits or domains) by runs of chunkSentences
// sentences, which then stand for documents.
const (
	minDocs        = 50
	chunkSentences = 20
)

// Split divides a file's documents into the part to train on and a fixed
// held-out tenth to measure on: every tenth unit (document, or chunk of a
// long section), counting from the tenth. The same documents always split
// the same way.
func Split(docs []Doc) (train, heldOut []Doc) {
	units := docs
	if len(docs) < minDocs {
		units = nil
		for _, d := range docs {
			for i := 0; i < len(d); i += chunkSentences {
				units = append(units, d[i:min(i+chunkSentences, len(d))])
			}
		}
	}
	for i, u := range units {
		if i%10 == 9 {
			heldOut = append(heldOut, u)
		} else {
			train = append(train, u)
		}
	}
	return train, heldOut
}
