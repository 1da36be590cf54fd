// Package result is the shape of an analysis, the contract of
// shared/SCHEMA.md: the types both of Lede's analyzers return (package
// core's full analysis and package firstlook's), the check every text
// passes first, and the JSON writer. It imports no stage that needs a
// model.
//
// Every offset in a Result is a UTF-8 byte offset into the analysed text,
// end exclusive, on a rune boundary, unless Offsets says otherwise.
package result

import (
	"errors"
	"strconv"
	"unicode/utf8"

	"lede/core/internal/quotes"
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

// Quote kinds: quotations (direct, partial) and reported speech
// (indirect, mixed).
const (
	KindDirect   = quotes.Direct  // a quoted clause or sentence: "We will win," he said
	KindPartial  = quotes.Partial // quoted words inside a sentence of the writer's, scare quotes and titles included
	KindIndirect = "indirect"     // reported without quote marks: Lavrov said Russia would never accept it
	KindMixed    = "mixed"        // reported, with quoted words inside: he called the plan "a disaster"
)

// Attribution methods, most precise first: each names the kind of words
// that named a quote's speaker.
const (
	MethodExplicit     = "explicit"     // a name next to a speech cue
	MethodPronoun      = "pronoun"      // "he said": the most recent fitting person
	MethodNominal      = "nominal"      // "the spokesman said": the entity whose role fits
	MethodContinuation = "continuation" // no cue of its own: the speaker of the quote before
	MethodContext      = "context"      // no cue and no quote before: the subject of the sentence before
	MethodNone         = "none"         // nobody could be named
)

// MaxInputBytes is the largest text an analysis accepts: about 300,000
// words, far past any news article, small enough to analyse in about a
// second natively and ten in a browser.
const MaxInputBytes = 2 << 20

// ErrTooLarge is returned (wrapped) for a text over MaxInputBytes.
var ErrTooLarge = errors.New("text too large")

// ErrInvalidUTF8 is returned (wrapped) for a text that is not valid UTF-8.
var ErrInvalidUTF8 = errors.New("text is not valid UTF-8")

// Empty returns an empty Result for text, or the error that makes text
// unacceptable: over MaxInputBytes, or not valid UTF-8 (saying where).
func Empty(text string) (Result, error) {
	res := Result{
		Offsets:    "utf8",
		Entities:   []Entity{},
		Quotes:     []Quote{},
		Sentences:  []Span{},
		Paragraphs: []Span{},
	}
	if len(text) > MaxInputBytes {
		return res, &inputError{ErrTooLarge, strconv.Itoa(len(text)) + " bytes; the limit is " +
			strconv.Itoa(MaxInputBytes) + " bytes (about " + strconv.Itoa(MaxInputBytes/7) + " words)"}
	}
	if !utf8.ValidString(text) {
		return res, &inputError{ErrInvalidUTF8, "bad byte at offset " + strconv.Itoa(firstInvalid(text))}
	}
	return res, nil
}

// inputError is ErrTooLarge or ErrInvalidUTF8 with the details: built by
// hand rather than with fmt.Errorf, which would link fmt into the
// first-look analyzer.
type inputError struct {
	kind   error
	detail string
}

func (e *inputError) Error() string { return e.kind.Error() + ": " + e.detail }

func (e *inputError) Unwrap() error { return e.kind }

func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
