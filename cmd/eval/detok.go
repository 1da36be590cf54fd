package main

import "strings"

// detokenize rewrites text made of tokens joined by single spaces, one
// sentence a line (a CoNLL document rebuilt as text), the way news writes
// it: no space before a comma, a full stop, a closing bracket or a clitic
// ("n't", "'s"), none after an opening bracket, and double quote marks
// against the words they enclose (odd marks open, even ones close, and a
// mark that opens a sentence opens). Each
// sentence becomes a paragraph of its own, as wire copy is written,
// unless a quotation is open at its end: then the next sentence goes on
// in the same paragraph. Speaker attribution is measured on this form: a
// quote mark with a space on each side is ambiguous to any reader.
func detokenize(text string) string {
	var b strings.Builder
	open := false      // a double quote mark is open
	lastOpens := false // the line before ended with an opening mark
	for li, line := range strings.Split(text, "\n") {
		// A mark that opens a sentence opens a quotation, whatever came
		// before: a quotation that runs on into a new paragraph is not
		// closed at the end of the first (wire style), so counting marks
		// alone would take this one for a closing mark.
		if strings.HasPrefix(line, `" `) && open {
			open = false
		}
		if li > 0 {
			// A mark the tokenizer left at the end of the sentence before
			// opens this one: "… charge . "" ⏎ "If there was …".
			if lastOpens {
				// glued to its first word
			} else if open {
				b.WriteByte(' ')
			} else {
				b.WriteString("\n\n")
			}
		}
		glue := true // no space before the next token
		for _, t := range strings.Split(line, " ") {
			if t == "" {
				continue
			}
			opens := false
			switch {
			case t == `"`:
				open = !open
				opens = open
				glue = glue || !open
			case strings.ContainsAny(t[:1], ",.;:!?)]%") && len(t) <= 3, t == "n't", t == "'s", t == "'re", t == "'ve", t == "'ll", t == "'d", t == "'m":
				glue = true
			}
			if !glue {
				b.WriteByte(' ')
			}
			b.WriteString(t)
			glue = opens || t == "(" || t == "[" || t == "$"
			lastOpens = opens
		}
	}
	return b.String()
}

// detokenizeQuoted is detokenize for the words inside a quotation: its
// sentences stay in one paragraph.
func detokenizeQuoted(text string) string {
	return strings.ReplaceAll(detokenize(strings.ReplaceAll(text, "\n", " ")), "\n\n", " ")
}
