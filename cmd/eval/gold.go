package main

import (
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"lede/core"
)

// readGold decodes every file of dir in fsys, one JSON value of T each,
// in the order of their names.
func readGold[T any](fsys embed.FS, dir string) ([]T, error) {
	names, err := fsys.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(names))
	for _, n := range names {
		b, err := fsys.ReadFile(path.Join(dir, n.Name()))
		if err != nil {
			return nil, err
		}
		var g T
		if err := json.Unmarshal(b, &g); err != nil {
			return nil, fmt.Errorf("%s/%s: %w", dir, n.Name(), err)
		}
		out = append(out, g)
	}
	return out, nil
}

// entitiesByID indexes res's entities by their id.
func entitiesByID(res core.Result) map[string]core.Entity {
	out := make(map[string]core.Entity, len(res.Entities))
	for _, e := range res.Entities {
		out[e.ID] = e
	}
	return out
}

// newKindCounts returns empty counts for each attribution kind and for
// partial quotes, which are only predicted.
func newKindCounts() map[string]*attributionCounts {
	out := map[string]*attributionCounts{}
	for _, k := range append(attributionKinds, "partial") {
		out[k] = &attributionCounts{}
	}
	return out
}

// goldDocument returns document doc of source (conll2003-dev or a set of
// eval/ner) as text, detokenized as news writes it, after checking that
// the document starts with firstLine, as the gold was written against.
// texts keeps each source's documents, read once.
func goldDocument(o options, texts map[string][]string, source string, doc int, firstLine string) (string, error) {
	if texts[source] == nil {
		docs, err := sourceTexts(o.shared, source)
		if err != nil {
			return "", err
		}
		texts[source] = docs
	}
	docs := texts[source]
	if doc < 0 || doc >= len(docs) || !strings.HasPrefix(docs[doc], firstLine) {
		return "", fmt.Errorf("gold %s-%d: the document does not start with %q", source, doc, firstLine)
	}
	return detokenize(docs[doc]), nil
}
