package core

import (
	"strings"
	"testing"

	"lede/internal/corpus"
)

// longText returns the benchmarks' text of about 100,000 words.
func longText(b *testing.B) string {
	return corpus.LongText("../../shared", readSeed(b))
}

// benchStages measures each stage of Analyze on text, reporting words/s.
func benchStages(b *testing.B, text string) {
	LoadModel()
	loadNER()
	words := len(strings.Fields(text))
	report := func(b *testing.B) {
		b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	}
	sents := Sentences(text)
	paras := Paragraphs(text)
	st := make([]sentenceTokens, len(sents))
	raw := make([][]mention, len(sents))
	for i, s := range sents {
		st[i] = sentenceTokens{s, tagSentence(text, s)}
		raw[i] = chunkMentions(text, st[i].Toks)
	}
	ents, ms := buildEntities(text, st, raw)
	quotes := findQuotes(text, paras)

	b.Run("segment", func(b *testing.B) {
		for b.Loop() {
			Sentences(text)
			Paragraphs(text)
		}
		report(b)
	})
	b.Run("prose", func(b *testing.B) {
		for b.Loop() {
			for _, s := range sents {
				posTagSentence(text, s)
			}
		}
		report(b)
	})
	b.Run("entities", func(b *testing.B) {
		m, _ := loadNER()
		for b.Loop() {
			for i := range st {
				m.tag(st[i].Toks)
				chunkMentions(text, st[i].Toks)
			}
		}
		report(b)
	})
	b.Run("merging", func(b *testing.B) {
		for b.Loop() {
			buildEntities(text, st, raw)
		}
		report(b)
	})
	b.Run("quotes", func(b *testing.B) {
		for b.Loop() {
			findQuotes(text, paras)
		}
		report(b)
	})
	b.Run("speakers", func(b *testing.B) {
		for b.Loop() {
			attributeQuotes(text, st, quotes, ents, ms)
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

func BenchmarkLoadModel(b *testing.B) {
	for b.Loop() {
		// What LoadModel and loadNER do, without their once.
		b.StopTimer()
		data := nerModelBytes
		b.StartTimer()
		if _, err := decodeNER(data); err != nil {
			b.Fatal(err)
		}
	}
}
