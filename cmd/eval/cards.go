package main

import (
	"embed"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"text/tabwriter"

	"lede/core"
)

// The hand-made gold of the entities panel: one file per PolNeAR dev
// article (gold/cards/<id>.json), one entry per real entity with its
// type, fullest name and every written form, and the names not to score.
//
//go:embed gold/cards/*.json
var cardsGold embed.FS

// cardGold is the gold of one article's panel.
type cardGold struct {
	ID       string `json:"id"`
	Entities []struct {
		Type  string   `json:"type"`
		Name  string   `json:"name"`
		Forms []string `json:"forms"`
	} `json:"entities"`
	Ignore []string `json:"ignore"`
}

// cardError is one wrong or missing card, for -v.
type cardError struct {
	what, typ, name string
}

// scoreCards scores one article's panel as a reader sees it. A predicted
// card of type PERSON, ORG or PLACE is right when an entity of the gold
// has that type and the card's name among its written forms, and no
// earlier card took that entity (one card per real entity). A card whose
// name the gold lists as not scored is left out, as are NORP cards; every
// other card is wrong. A gold entity no card took is missed.
func scoreCards(g cardGold, ents []core.Entity) (*entityScore, []cardError) {
	s := newEntityScore()
	taken := make([]bool, len(g.Entities))
	var errs []cardError
	for _, e := range ents {
		if !isScoredType(e.Type) {
			continue
		}
		match, sameName := -1, false
		for gi, ge := range g.Entities {
			if !slices.Contains(ge.Forms, e.Name) {
				continue
			}
			sameName = true
			if ge.Type == e.Type && !taken[gi] {
				match = gi
				break
			}
		}
		switch {
		case match >= 0:
			taken[match] = true
			s.byType[e.Type].tp++
		case !sameName && slices.Contains(g.Ignore, e.Name):
		default:
			s.byType[e.Type].fp++
			errs = append(errs, cardError{"wrong", e.Type, e.Name})
		}
	}
	for gi, ge := range g.Entities {
		if !taken[gi] {
			s.byType[ge.Type].fn++
			errs = append(errs, cardError{"missed", ge.Type, ge.Name})
		}
	}
	return s, errs
}

// evalCards scores the entities panel on the hand-made gold of PolNeAR
// dev articles.
func evalCards(o options, w io.Writer, head map[string]any) error {
	path := filepath.Join(o.shared, "eval", "polnear", "dev.jsonl")
	docs, err := loadPolnear(path)
	if err != nil {
		return err
	}
	byID := map[string]string{}
	for _, d := range docs {
		byID[d.ID] = d.Text
	}
	golds, err := readGold[cardGold](cardsGold, "gold/cards")
	if err != nil {
		return err
	}
	for _, g := range golds {
		if _, ok := byID[g.ID]; !ok {
			return fmt.Errorf("gold/cards: no article %q in %s", g.ID, path)
		}
	}
	sort.Slice(golds, func(i, j int) bool { return golds[i].ID < golds[j].ID })
	type out struct {
		s    *entityScore
		errs []cardError
	}
	outs := parallelMap(golds, func(g cardGold) out {
		res, _ := core.Analyze(byID[g.ID])
		s, errs := scoreCards(g, res.Entities)
		return out{s, errs}
	})
	total := newEntityScore()
	fmt.Fprintf(w, "== Entities panel: hand-made gold of %d PolNeAR dev articles ==\n", len(golds))
	fmt.Fprintln(w, "Cards: right type and a name among the entity's written forms; one card per entity")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "  article\tcards\tgold\tP\tR\tF1\t")
	for i, x := range outs {
		m := x.s.micro()
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", truncate(golds[i].ID, 40), m.tp+m.fp, m.tp+m.fn, m.precision(), m.recall(), m.f1())
		for _, t := range entityTypes {
			total.byType[t].add(*x.s.byType[t])
		}
	}
	tw.Flush()
	printEntityTable(w, total)
	if o.verbose {
		for i, x := range outs {
			for _, e := range x.errs {
				fmt.Fprintf(w, "    %-30s %-6s %-6s %q\n", truncate(golds[i].ID, 30), e.what, e.typ, e.name)
			}
		}
	}
	putEntityHead(head, "cards", "cards", total)
	return nil
}
