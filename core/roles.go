package core

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/internal/lexicon"
	"lede/internal/token"
	"lede/internal/tokenize"
	"lede/internal/wordutil"
)

// assignRoles sets the role written next to each person's mention
// ("Russian Foreign Minister" before "Sergey Lavrov").
func assignRoles(text string, sents []sentenceTokens, ms []nameMention) {
	for i := range ms {
		if ms[i].Type == Person {
			ms[i].Role = roleOf(text, sents[ms[i].Sent].Toks, ms[i])
		}
	}
}

// roleOf returns the title or role written before a person's name in its
// sentence ("Chinese Foreign Ministry spokesman", "US Ambassador to
// China", "President of Russia"), or after it between commas ("Wang, a
// ministry spokesman,"); "" when there is none.
func roleOf(text string, toks []tokenize.Token, m nameMention) string {
	i := token.Index(toks, m.Start)
	// Before the name: capitalized words, role words and the small words
	// that join them, back to anything else.
	j := i
	for j > 0 {
		t := toks[j-1]
		w := t.Text
		lw := strings.ToLower(w)
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case lexicon.Honorific[lw] != "":
		case lexicon.IsRole(w):
		case unicode.IsUpper(r) && !strings.HasPrefix(t.Tag, "VB") && !isSentenceInitialFunctionWord(toks, j-1):
		case (lw == "of" || lw == "to" || lw == "for" || lw == "-") && j < i:
		default:
			goto done
		}
		j--
	}
done:
	for j < i && !isRoleStart(toks[j].Text) {
		j++
	}
	if role := rolePhrase(text, toks[j:i]); role != "" {
		return role
	}
	// After the name: ", [a|the] ROLE ,"
	k := token.Index(toks, m.End)
	if k < len(toks) && toks[k].Text == "," {
		start := k + 1
		if start < len(toks) && (toks[start].Tag == "DT" || toks[start].Tag == "PRP$") {
			start++
		}
		end := start
		for end < len(toks) && end-start < 10 && toks[end].Text != "," && toks[end].Text != "." &&
			!strings.HasPrefix(toks[end].Tag, "VB") && !wordutil.IsQuoteMark(toks[end].Text) {
			end++
		}
		if end < len(toks) && end > start && (toks[end].Text == "," || toks[end].Text == ".") {
			return rolePhrase(text, toks[start:end])
		}
	}
	return ""
}

// isRoleStart reports whether a role phrase may begin with w: not with a
// joining word.
func isRoleStart(w string) bool {
	switch strings.ToLower(w) {
	case "of", "to", "for", "-", "and":
		return false
	}
	return true
}

// isSentenceInitialFunctionWord reports whether token i is a capitalized
// function word at the start of a sentence ("The", "Later"), which is not
// part of a title.
func isSentenceInitialFunctionWord(toks []tokenize.Token, i int) bool {
	if i != 0 {
		return false
	}
	switch toks[i].Tag {
	case "DT", "RB", "IN", "CC", "PRP", "WRB", "VBG", "VBN":
		return true
	}
	return false
}

// rolePhrase returns the text of toks when it holds a role word, else "".
func rolePhrase(text string, toks []tokenize.Token) string {
	for len(toks) > 0 && lexicon.Honorific[strings.ToLower(toks[0].Text)] != "" {
		toks = toks[1:]
	}
	for len(toks) > 0 && lexicon.Honorific[strings.ToLower(toks[len(toks)-1].Text)] != "" {
		toks = toks[:len(toks)-1]
	}
	has := false
	for _, t := range toks {
		has = has || lexicon.IsRole(t.Text)
	}
	if !has {
		return ""
	}
	return text[toks[0].Start:toks[len(toks)-1].End]
}
