package core

import (
	"lede/core/internal/segment"
	"lede/internal/vocab"
)

// Result is the analysis of one text. Its JSON shape is the contract
// described in shared/SCHEMA.md: fields may be added, never renamed.
type Result struct {
	// Offsets names the unit of every offset in the result: "utf8" for
	// byte offsets (core and the command-line tool), "utf16" for
	// JavaScript code units (the wasm boundary).
	Offsets    string   `json:"offsets"`
	Entities   []Entity `json:"entities"`
	Quotes     []Quote  `json:"quotes"`
	Sentences  []Span   `json:"sentences"`
	Paragraphs []Span   `json:"paragraphs"`
}

// Span is a half-open range [Start, End) of the input text.
type Span = segment.Span

// Mention is a span of the input together with the text it covers:
// text[Start:End] == Text always holds.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Entity is one person, organization, place or group, with every
// mention of it in the text.
type Entity struct {
	ID       string    `json:"id"`   // unique within one Result, "e1", "e2", …
	Name     string    `json:"name"` // the fullest form found, without titles
	Type     string    `json:"type"` // PERSON, ORG, PLACE or NORP
	Aliases  []string  `json:"aliases"`
	Roles    []string  `json:"roles"`
	Mentions []Mention `json:"mentions"` // in text order
	Gender   *Gender   `json:"gender"`   // for a person; nil for others
}

// Gender is what the text and name records say of a person's gender,
// and why: the pronouns the text uses for them first ("she said"), then
// an honorific ("Mrs."), then how often their first name is a woman's in
// US and UK birth records. Value is "unknown" when the evidence is weak
// or conflicting; it is never a guess.
type Gender struct {
	Value    string `json:"value"`    // "female", "male" or "unknown"
	Evidence string `json:"evidence"` // the reason, in words: `called "she" in 2 attributions`
}

// Quote is one quotation. Start and End include the quote marks;
// Text is the quoted words without them.
type Quote struct {
	Start          int      `json:"start"`
	End            int      `json:"end"`
	Text           string   `json:"text"`
	Kind           string   `json:"kind"`           // direct, partial, indirect or mixed (see KindDirect)
	Speaker        *string  `json:"speaker"`        // entity ID, or nil when nobody can be named
	SpeakerMention *Mention `json:"speakerMention"` // the words naming the speaker, or nil
	Cue            *Mention `json:"cue"`            // the speech verb or phrase, or nil
	Method         string   `json:"method"`         // explicit, pronoun, nominal, continuation, …
	Confidence     float64  `json:"confidence"`     // 0 to 1
}

// Entity types.
const (
	Person = vocab.Person // people
	Org    = vocab.Org    // companies, agencies, parties, news organizations, …
	Place  = vocab.Place  // countries, cities, regions, continents
	NORP   = vocab.NORP   // nationalities and religious or political groups
)
