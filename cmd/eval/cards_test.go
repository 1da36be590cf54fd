package main

import (
	"encoding/json"
	"testing"

	"lede/core"
)

func TestScoreCards(t *testing.T) {
	var g cardGold
	err := json.Unmarshal([]byte(`{"id": "a", "entities": [
		{"type": "PERSON", "name": "Bill Clinton", "forms": ["Bill Clinton", "Clinton"]},
		{"type": "PERSON", "name": "Hillary Clinton", "forms": ["Hillary Clinton", "Clinton"]},
		{"type": "PLACE", "name": "Charlotte", "forms": ["Charlotte"]},
		{"type": "ORG", "name": "Wells Fargo", "forms": ["Wells Fargo"]}
	], "ignore": ["Republicans", "Charlotte"]}`), &g)
	if err != nil {
		t.Fatal(err)
	}
	ents := []core.Entity{
		{Name: "Clinton", Type: core.Person},   // right: Bill Clinton
		{Name: "Clinton", Type: core.Person},   // right: the second Clinton
		{Name: "Clinton", Type: core.Person},   // wrong: a third card for two people
		{Name: "Charlotte", Type: core.Person}, // wrong type, although "Charlotte" is also ignored
		{Name: "Republicans", Type: core.Org},  // not scored
		{Name: "Republicans", Type: core.NORP}, // not scored
		{Name: "Wells", Type: core.Person},     // wrong
	}
	s, errs := scoreCards(g, ents)
	m := s.micro()
	if m.tp != 2 || m.fp != 3 || m.fn != 2 {
		t.Errorf("tp %d fp %d fn %d, want 2 3 2; errors %v", m.tp, m.fp, m.fn, errs)
	}
	if s.byType[core.Person].fp != 3 || s.byType[core.Place].fn != 1 || s.byType[core.Org].fn != 1 {
		t.Errorf("by type: %+v %+v %+v", *s.byType[core.Person], *s.byType[core.Place], *s.byType[core.Org])
	}
}

// The embedded gold is well formed: every entity has a scored type.
func TestCardsGoldWellFormed(t *testing.T) {
	names, err := cardsGold.ReadDir("gold/cards")
	if err != nil || len(names) < 10 {
		t.Fatalf("%d gold files: %v", len(names), err)
	}
	for _, n := range names {
		b, _ := cardsGold.ReadFile("gold/cards/" + n.Name())
		var g cardGold
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", n.Name(), err)
		}
		for _, e := range g.Entities {
			if !isScoredType(e.Type) {
				t.Errorf("%s: %q has type %q", n.Name(), e.Name, e.Type)
			}
		}
	}
}
