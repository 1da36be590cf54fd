package main

import "testing"

func TestDetokenize(t *testing.T) {
	for in, want := range map[string]string{
		`" We need help now , " he said .`:                        `"We need help now," he said.`,
		`He did n't go ( yet ) to the U.S. 's capital .`:          `He didn't go (yet) to the U.S.'s capital.`,
		"Line one .\n\" Two , \" said Bob ; \" three . \"":        "Line one.\n\n\"Two,\" said Bob; \"three.\"",
		"\" One sentence .\nTwo sentences , \" he said .\nNext .": "\"One sentence. Two sentences,\" he said.\n\nNext.",
	} {
		if got := detokenize(in); got != want {
			t.Errorf("detokenize(%q) = %q, want %q", in, got, want)
		}
	}
	if got := detokenizeQuoted("One sentence .\nTwo sentences ,"); got != "One sentence. Two sentences," {
		t.Errorf("detokenizeQuoted = %q", got)
	}
}
