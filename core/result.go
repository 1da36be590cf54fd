package core

import "lede/core/result"

// The result's shape is package result's (the contract of
// shared/SCHEMA.md, shared with the first look); these names let callers
// of Analyze need only core.
type (
	// Result is the analysis of one text (see result.Result).
	Result = result.Result
	// Span is a half-open range [Start, End) of the input text.
	Span = result.Span
	// Mention is a span of the input with the text it covers.
	Mention = result.Mention
	// Entity is one person, organization, place or group, with every
	// mention of it.
	Entity = result.Entity
	// Gender is what the text and name records say of a person's gender.
	Gender = result.Gender
	// Quote is one quotation or piece of reported speech.
	Quote = result.Quote
)

// Entity types.
const (
	Person = result.Person
	Org    = result.Org
	Place  = result.Place
	NORP   = result.NORP
)

// Quote kinds (see result.KindDirect).
const (
	KindDirect   = result.KindDirect
	KindPartial  = result.KindPartial
	KindIndirect = result.KindIndirect
	KindMixed    = result.KindMixed
)

// Attribution methods (see result.MethodExplicit).
const (
	MethodExplicit     = result.MethodExplicit
	MethodPronoun      = result.MethodPronoun
	MethodNominal      = result.MethodNominal
	MethodContinuation = result.MethodContinuation
	MethodContext      = result.MethodContext
	MethodNone         = result.MethodNone
)
