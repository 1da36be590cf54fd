package core

import (
	"strings"

	"lede/internal/postag"
	"lede/internal/token"
)

// commonWordsBeforeSurnames drops the first word of a two-word person
// mention when it is a word the part-of-speech tagger learnt as a common
// one, neither a first name nor a particle ("De Blasio"), and the word
// after it is the surname of a person the text names in full: "Against
// Clinton", "Beyond Trump" and "Actor Reeve" in headlines are Clinton,
// Trump and Reeve, not people of their own. Without the full name
// elsewhere the mention stays ("Ban Ki-moon").
func commonWordsBeforeSurnames(sents []sentenceTokens, ms []nameMention) {
	stray := func(m nameMention) bool {
		w := m.Words
		return m.Type == Person && len(w) == 2 && len(w[0]) > 1 && !isFirstName(w[0]) && !nameParticles[strings.ToLower(w[0])] &&
			!strings.ContainsAny(w[0], ".-") && postag.CommonWord(w[0])
	}
	surnames := map[string]bool{} // last words of the other persons named in two words or more
	for _, m := range ms {
		if m.Type == Person && len(m.Words) >= 2 && !stray(m) {
			surnames[m.Words[len(m.Words)-1]] = true
		}
	}
	for i := range ms {
		m := &ms[i]
		if !stray(*m) || !surnames[m.Words[1]] {
			continue
		}
		ts := token.In(sents[m.Sent].Toks, m.Start, m.End)
		if len(ts) != 2 {
			continue
		}
		m.Start, m.Words = ts[1].Start, m.Words[1:]
	}
}
