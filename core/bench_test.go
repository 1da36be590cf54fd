package core

import (
	"strings"
	"testing"

	"lede/core/internal/quotes"
	"lede/core/internal/segment"
	"lede/internal/corpus"
	"lede/internal/nertag"
	"lede/internal/postag"
	"lede/internal/tokenize"
)

// longText returns the benchmarks' text of about 100,000 words.
func longText(b *testing.B) string {
	return corpus.LongText("../../shared", readSeed(b))
}

// benchStages measures each stage of Analyze on text, reporting words/s.
func benchStages(b *testing.B, text string) {
	LoadModel()
	words := len(strings.Fields(text))
	report := func(b *testing.B) {
		b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	}
	spans := segment.Sentences(text)
	paras := segment.Paragraphs(text)
	var a *Analyzer // no cache: every sentence is tagged
	st := a.tagSentences(text, spans)
	raw := chunkSentences(text, st)
	ms := nameMentions(text, st, raw)
	ents := groupMentions(text, ms)
	found := quotes.Find(text, paras)

	b.Run("segment", func(b *testing.B) {
		for b.Loop() {
			segment.Sentences(text)
			segment.Paragraphs(text)
		}
		report(b)
	})
	b.Run("prose", func(b *testing.B) { // tokens and part-of-speech tags
		for b.Loop() {
			for _, s := range spans {
				postag.Tag(tokenize.Sentence(text, s.Start, s.End))
			}
		}
		report(b)
	})
	b.Run("entities", func(b *testing.B) { // the entity tagger and chunking
		for b.Loop() {
			for i := range st {
				nertag.Tag(st[i].Toks)
			}
			chunkSentences(text, st)
		}
		report(b)
	})
	b.Run("merging", func(b *testing.B) {
		for b.Loop() {
			groupMentions(text, nameMentions(text, st, raw))
		}
		report(b)
	})
	b.Run("quotes", func(b *testing.B) {
		for b.Loop() {
			quotes.Find(text, paras)
		}
		report(b)
	})
	b.Run("speakers", func(b *testing.B) {
		for b.Loop() {
			attributeQuotes(text, st, found, ents, ms)
		}
		report(b)
	})
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			Analyze(text)
		}
		report(b)
	})
}

func BenchmarkStagesSeed(b *testing.B) { benchStages(b, readSeed(b)) }
func BenchmarkStagesLong(b *testing.B) { benchStages(b, longText(b)) }
