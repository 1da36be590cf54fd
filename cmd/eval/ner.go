package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"lede/internal/conll"
)

// evalNER scores entity mentions, like CoNLL dev, on the held-out tenth
// of each set in eval/ner (conll.Split: the entity tagger never trains on
// it). Each set is one row; the last row adds them all up.
func evalNER(o options, w io.Writer, head map[string]any) error {
	dir := filepath.Join(o.shared, "eval", "ner")
	paths, err := filepath.Glob(filepath.Join(dir, "*.conll"))
	if err != nil || len(paths) == 0 {
		return fmt.Errorf("no *.conll files in %s", dir)
	}
	fmt.Fprintln(w, "== More entity sets: the held-out tenth of each ==")
	fmt.Fprintln(w, "Entities: exact span and type; MISC not scored")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "  set\tdocs\tgold\tP\tR\tF1\tPERSON\tORG\tPLACE\t")
	all := newEntityScore()
	macro := 0.0
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".conll")
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		docs, err := conll.Parse(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		_, held := conll.Split(docs)
		built := make([]conllDoc, len(held))
		for i, d := range held {
			built[i] = buildConllDoc(d)
		}
		total, _, _ := scoreConllDocs(built)
		m := total.micro()
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", name, len(held), m.tp+m.fn,
			m.precision(), m.recall(), m.f1(), total.byType["PERSON"].f1(), total.byType["ORG"].f1(), total.byType["PLACE"].f1())
		head["ner_"+name+"_f1"] = round(m.f1(), 4)
		macro += m.f1()
		for _, t := range entityTypes {
			all.byType[t].add(*total.byType[t])
		}
	}
	m := all.micro()
	fmt.Fprintf(tw, "  all (micro)\t\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", m.tp+m.fn,
		m.precision(), m.recall(), m.f1(), all.byType["PERSON"].f1(), all.byType["ORG"].f1(), all.byType["PLACE"].f1())
	tw.Flush()
	fmt.Fprintf(w, "  macro F1 over %d sets: %.3f\n", len(paths), macro/float64(len(paths)))
	head["ner_f1"] = round(m.f1(), 4)
	head["ner_macro_f1"] = round(macro/float64(len(paths)), 4)
	return nil
}
