package core

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/core/internal/quotes"
	"lede/internal/lexicon"
	"lede/internal/tokenize"
	"lede/internal/vocab"
	"lede/internal/wordutil"
)

// QuickAnalyze returns what can be found without the tagging models, at
// once: sentences, paragraphs, quotations (without speakers) and the
// entities the word lists know (countries, nationalities, well-known
// organizations). The browser shows it while the models load, then
// replaces it with Analyze's result. It fails like Analyze.
func QuickAnalyze(text string) (Result, error) {
	return quickAnalyze(text, nil)
}

// QuickAnalyze is like the package's QuickAnalyze, calling a.Pause as
// Analyze does.
func (a *Analyzer) QuickAnalyze(text string) (Result, error) {
	return quickAnalyze(text, a)
}

func quickAnalyze(text string, a *Analyzer) (Result, error) {
	res, err := emptyResult(text)
	if err != nil {
		return res, err
	}
	segmentInto(&res, text)
	a.pause()
	found := quotes.Find(text, res.Paragraphs)
	res.Quotes = make([]Quote, 0, len(found))
	for _, q := range found {
		res.Quotes = append(res.Quotes, Quote{
			Start: q.Start, End: q.End, Text: text[q.TextStart:q.TextEnd],
			Kind: q.Kind, Method: MethodNone,
		})
	}
	a.pause()
	var ms []nameMention
	for si, s := range res.Sentences {
		if si%pauseSentences == pauseSentences-1 {
			a.pause()
		}
		// As for tagging: a sentence without a letter names nobody, and
		// a degenerate one is read in pieces, not as millions of tokens
		// at once.
		if !hasLetter(text[s.Start:s.End]) {
			continue
		}
		for _, piece := range taggedSpans(text, []Span{s}) {
			toks := wordTokens(text, piece)
			for _, m := range applyWordLists(text, toks, nil) {
				if m.Type != vocab.Misc {
					ms = append(ms, nameMention{Start: m.Start, End: m.End, Type: m.Type, Sent: si, Words: strings.Fields(text[m.Start:m.End])})
				}
			}
			for _, t := range toks {
				if lexicon.Country[t.Text] != "" || lexicon.Demonym[t.Text] != "" {
					ms = append(ms, typeByLexicon(text, nameMention{Start: t.Start, End: t.End, Sent: si, Words: []string{t.Text}}))
				}
			}
		}
	}
	ms = dedupeMentions(ms)
	a.pause()
	if ents := groupMentions(text, ms, a.pause); len(ents) > 0 {
		res.Entities = ents
	}
	return res, nil
}

// wordTokens splits a sentence into words and punctuation without prose:
// letters, digits, hyphens and apostrophes inside words stay together.
// Enough to match word lists; tags are left empty.
func wordTokens(text string, s Span) []tokenize.Token {
	var out []tokenize.Token
	i := s.Start
	for i < s.End {
		r, n := utf8.DecodeRuneInString(text[i:s.End])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < s.End {
				r2, n2 := utf8.DecodeRuneInString(text[j:s.End])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || (r2 == '-' || r2 == '.' || r2 == '\'' || r2 == '’') && j+n2 < s.End && wordutil.IsWordLike(text[j+n2:s.End]) {
					j += n2
					continue
				}
				break
			}
			out = append(out, tokenize.Token{Start: i, End: j, Text: text[i:j]})
			i = j
		default:
			out = append(out, tokenize.Token{Start: i, End: i + n, Text: text[i : i+n]})
			i += n
		}
	}
	return out
}

// dedupeMentions sorts mentions and drops any that overlaps one before it.
func dedupeMentions(ms []nameMention) []nameMention {
	sortNameMentions(ms)
	out := ms[:0]
	end := -1
	for _, m := range ms {
		if m.Start >= end {
			out = append(out, m)
			end = m.End
		}
	}
	return out
}
