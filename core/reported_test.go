package core

import (
	"fmt"
	"testing"
)

// reportedCases are the patterns of reported speech a newsroom reader
// expects to see attributed: each text's reported speech, in order, as
// kind, content, speaker and cue.
var reportedCases = []struct {
	name, text string
	want       []string
}{
	{"cue without that", "Sergey Lavrov said Russia would never accept the deal.",
		[]string{`indirect "Russia would never accept the deal" Sergey Lavrov [said]`}},
	{"cue with that", "Sergey Lavrov said that Russia would never accept the deal.",
		[]string{`indirect "that Russia would never accept the deal" Sergey Lavrov [said]`}},
	{"cue after the content", "Russia would never accept the deal, Sergey Lavrov said.",
		[]string{`indirect "Russia would never accept the deal" Sergey Lavrov [said]`}},
	{"inverted cue with an appositive", "Russia would never accept the deal, said Sergey Lavrov, the foreign minister.",
		[]string{`indirect "Russia would never accept the deal" Sergey Lavrov [said]`}},
	{"told reporters that", "Sergey Lavrov told reporters that Russia would never accept the deal.",
		[]string{`indirect "that Russia would never accept the deal" Sergey Lavrov [told]`}},
	{"told reporters", "Sergey Lavrov told reporters Russia would never accept the deal.",
		[]string{`indirect "Russia would never accept the deal" Sergey Lavrov [told]`}},
	{"according to, before", "According to Maria Zakharova, talks have stalled.",
		[]string{`indirect "talks have stalled" Maria Zakharova [According to]`}},
	{"according to, before a clause with a verb of its own",
		"According to exit polls, Mitt Romney had a ten-point lead among the high-earning group.",
		[]string{`indirect "Mitt Romney had a ten-point lead among the high-earning group" - [According to]`}},
	{"according to, after", "Talks have stalled, according to Maria Zakharova.",
		[]string{`indirect "Talks have stalled" Maria Zakharova [according to]`}},
	{"a colon after the cue", "The foreign minister Sergey Lavrov said: Russia will not accept the deal.",
		[]string{`indirect "Russia will not accept the deal" Sergey Lavrov [said:]`}},
	{"an infinitive", "Sergey Lavrov vowed to block the deal.",
		[]string{`indirect "to block the deal" Sergey Lavrov [vowed]`}},
	{"a question", "Sergey Lavrov asked whether the West was serious.",
		[]string{`indirect "whether the West was serious" Sergey Lavrov [asked]`}},
	{"two complements", "Sergey Lavrov said the talks had failed and that Russia would leave.",
		[]string{`indirect "the talks had failed and that Russia would leave" Sergey Lavrov [said]`}},
	{"adding that", "Sergey Lavrov said the talks had failed, adding that Russia would leave.",
		[]string{`indirect "the talks had failed" Sergey Lavrov [said]`, `indirect "that Russia would leave" Sergey Lavrov [adding]`}},
	{"after a dateline", "OTTAWA, June 2 — Canada and Norway will share ice data to guide ships through the Arctic, Canadian Transport Minister Anne Leclerc said on Monday.",
		[]string{`indirect "Canada and Norway will share ice data to guide ships through the Arctic" Anne Leclerc [said]`}},
	{"after a dateline with an agency", "BERLIN (Reuters) — Germany and France will pool funds for battery research, German Economy Minister Klaus Weber said on Friday.",
		[]string{`indirect "Germany and France will pool funds for battery research" Klaus Weber [said]`}},
	{"after a dateline with an agency, a cue in the middle", "MOSCOW (Reuters) — Russia, Sergey Lavrov said, would never accept the deal.",
		[]string{`indirect "Russia" Sergey Lavrov [said]`, `indirect "would never accept the deal" Sergey Lavrov [said]`}},
	{"a time phrase after the cue", "Sergey Lavrov said on Tuesday that Russia would leave.",
		[]string{`indirect "that Russia would leave" Sergey Lavrov [said]`}},
	{"a time phrase after the cue, without that", "Sergey Lavrov said on Saturday Russia had received the reports.",
		[]string{`indirect "Russia had received the reports" Sergey Lavrov [said]`}},
	{"a day before its own possessive", "Sergey Lavrov said Friday's talks had failed.",
		[]string{`indirect "Friday's talks had failed" Sergey Lavrov [said]`}},
	{"stops at the clause boundary", "Sergey Lavrov said prices would rise, but analysts disagreed.",
		[]string{`indirect "prices would rise" Sergey Lavrov [said]`}},
	{"a cue in the middle", "Russia, Sergey Lavrov said, would never accept the deal.",
		[]string{`indirect "Russia" Sergey Lavrov [said]`, `indirect "would never accept the deal" Sergey Lavrov [said]`}},
	{"a cue in the middle, a pronoun", "Maria Zakharova arrived on Monday. To prevent problems, she said, officials should be vigilant.",
		[]string{`indirect "To prevent problems" Maria Zakharova [said]`, `indirect "officials should be vigilant" Maria Zakharova [said]`}},
	{"an aside between source and cue", "Sergey Lavrov, who met Antony Blinken on Monday, said the talks had failed.",
		[]string{`indirect "the talks had failed" Sergey Lavrov [said]`}},
	{"a news agency named with its kind", "Police in Yunnan have arrested 30 people, the Xinhua news agency said on Friday.",
		[]string{`indirect "Police in Yunnan have arrested 30 people" Xinhua [said]`}},
	{"an organization's officials", "U.S. Agriculture Department officials said the ban would stay.",
		[]string{`indirect "the ban would stay" U.S. Agriculture Department [said]`}},
	{"a pronoun after a name in reported words", "Tareq Aziz said the offensive answered a plea to save the Kurds from Iran and Jalal Talabani. He said the troops would leave soon.",
		[]string{`indirect "the offensive answered a plea to save the Kurds from Iran and Jalal Talabani" Tareq Aziz [said]`, `indirect "the troops would leave soon" Tareq Aziz [said]`}},
	{"an aside between dashes", "The California Avocado Commission -- which has fought the plan for years -- said the ban must stay.",
		[]string{`indirect "the ban must stay" California Avocado Commission [said]`}},
	{"it for a country", "Iran rejected the charges. It said the diplomat had left the country on Friday.",
		[]string{`indirect "the charges" Iran [rejected]`, `indirect "the diplomat had left the country on Friday" Iran [said]`}},
	{"a pronoun", "Maria Zakharova arrived on Monday. She said the talks had failed.",
		[]string{`indirect "the talks had failed" Maria Zakharova [said]`}},
	{"mixed, with its quoted words", `Sergey Lavrov said the plan was "a disaster" for Europe.`,
		[]string{`mixed "the plan was \"a disaster\" for Europe" Sergey Lavrov [said]`}},
	{"mixed, mostly quoted words", `Sergey Lavrov says the deal "would be one hell of a way to lose."`,
		[]string{`mixed "the deal \"would be one hell of a way to lose.\"" Sergey Lavrov [says]`}},
	{"mixed, the quoted words first", `Sergey Lavrov called the plan "a disaster" for them.`,
		[]string{`mixed "the plan \"a disaster\" for them" Sergey Lavrov [called]`}},
	{"a quotation introduced after a comma stays one", `Sergey Lavrov said of the plan, "It is a disaster for Europe."`, nil},
	{"a quotation with its attribution after it stays one", `"It is a disaster for Europe," Sergey Lavrov said on Tuesday.`, nil},
	{"a title of a work is not speech", `Antony Blinken told "Face the Nation" that the talks had failed.`,
		[]string{`indirect "that the talks had failed" Antony Blinken [told]`}},
	{"a participle after two opening phrases",
		"On Thursday, however, Donald Trump spoke to a gathering of industry leaders, promising to lift environmental regulations.",
		[]string{`indirect "to lift environmental regulations" Donald Trump [promising]`}},
	{"nouns that look like cues", "His claim was rejected by two points.", nil},
}

func TestReportedSpeech(t *testing.T) {
	for _, tc := range reportedCases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Analyze(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, tc.text, res)
			got := reportedLines(res)
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("reported speech:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestMixedSpeaker checks that the quoted words inside mixed speech are a
// partial quote of their own with the mixed speech's speaker.
func TestMixedSpeaker(t *testing.T) {
	res, _ := Analyze(`Sergey Lavrov said the plan was "a disaster" for Europe.`)
	var mixed, partial *Quote
	for i, q := range res.Quotes {
		switch q.Kind {
		case KindMixed:
			mixed = &res.Quotes[i]
		case KindPartial:
			partial = &res.Quotes[i]
		}
	}
	if mixed == nil || partial == nil {
		t.Fatalf("quotes %+v, want a mixed one and a partial one", res.Quotes)
	}
	if partial.Start < mixed.Start || partial.End > mixed.End {
		t.Errorf("partial [%d,%d) not inside mixed [%d,%d)", partial.Start, partial.End, mixed.Start, mixed.End)
	}
	if mixed.Speaker == nil || partial.Speaker == nil || *mixed.Speaker != *partial.Speaker {
		t.Errorf("speakers %v and %v, want the same", mixed.Speaker, partial.Speaker)
	}
}

// reportedLines describes the reported speech of res, one line a quote.
func reportedLines(res Result) []string {
	names := map[string]string{}
	for _, e := range res.Entities {
		names[e.ID] = e.Name
	}
	var out []string
	for _, q := range res.Quotes {
		if q.Kind != KindIndirect && q.Kind != KindMixed {
			continue
		}
		speaker, cue := "-", ""
		if q.Speaker != nil {
			speaker = names[*q.Speaker]
		}
		if q.Cue != nil {
			cue = q.Cue.Text
		}
		out = append(out, fmt.Sprintf("%s %q %s [%s]", q.Kind, q.Text, speaker, cue))
	}
	return out
}

func ExampleAnalyze_reportedSpeech() {
	res, _ := Analyze("Russia would never accept the deal, Sergey Lavrov said on Tuesday.")
	for _, q := range res.Quotes {
		fmt.Printf("%s %q, cue %q, speaker %q\n", q.Kind, q.Text, q.Cue.Text, q.SpeakerMention.Text)
	}
	// Output:
	// indirect "Russia would never accept the deal", cue "said", speaker "Sergey Lavrov"
}
