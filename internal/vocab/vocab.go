// Package vocab is the one vocabulary of entity types that the entity
// tagger, the word lists and the result share. core re-exports the four
// public ones; Misc never leaves the analyzer.
package vocab

// Entity types.
const (
	Person = "PERSON" // people
	Org    = "ORG"    // companies, agencies, parties, news organizations, …
	Place  = "PLACE"  // countries, cities, regions, continents
	NORP   = "NORP"   // nationalities and religious or political groups

	// Misc names none of ours (events, works, laws). They are found so
	// that their words are not taken for places or people, then dropped.
	Misc = "MISC"
)
