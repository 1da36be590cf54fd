package core

import (
	"strings"
	"testing"
)

// attributionCase is one text and, for each quote in order, who should be
// named: the speakerMention text, the speaker entity's name ("" for no
// entity) and the method.
type attributionCase struct {
	name string
	text string
	want []wantSpeaker
}

type wantSpeaker struct {
	mention, entity, method string
}

var attributionCases = []attributionCase{
	{"name then cue", `"We will not back down," Wang Wenbin said on Monday.`,
		[]wantSpeaker{{"Wang Wenbin", "Wang Wenbin", MethodExplicit}}},
	{"inverted cue with a title", `"We will not back down," said Chinese Foreign Ministry spokesman Wang Wenbin.`,
		[]wantSpeaker{{"Wang Wenbin", "Wang Wenbin", MethodExplicit}}},
	{"cue and colon before", `Sergey Lavrov told reporters: "The talks went well."`,
		[]wantSpeaker{{"Sergey Lavrov", "Sergey Lavrov", MethodExplicit}}},
	{"told gives the teller", `"I am very pleased to see you," Sergey Lavrov told Wang Yi as they met.`,
		[]wantSpeaker{{"Sergey Lavrov", "Sergey Lavrov", MethodExplicit}}},
	{"quoted as saying gives the one quoted", `"The talks went well," Interfax quoted Viktor Chernomyrdin as saying.`,
		[]wantSpeaker{{"Viktor Chernomyrdin", "Viktor Chernomyrdin", MethodExplicit}}},
	{"quoted by an agency as saying gives the one quoted", `"The talks went well," Viktor Chernomyrdin was quoted by Interfax as saying.`,
		[]wantSpeaker{{"Viktor Chernomyrdin", "Viktor Chernomyrdin", MethodExplicit}}},
	{"quoted by an agency as saying, before the quote", `Viktor Chernomyrdin was quoted by Interfax as saying: "The talks went well."`,
		[]wantSpeaker{{"Viktor Chernomyrdin", "Viktor Chernomyrdin", MethodExplicit}}},
	{"a month after a relative pronoun", `Aung San Suu Kyi spoke on Saturday. The activist, who in May said: "The law is abused all the time," was freed.`,
		[]wantSpeaker{{"who", "Aung San Suu Kyi", MethodNominal}}},
	{"according to", `According to Maria Lopez, "the budget is final."`,
		[]wantSpeaker{{"Maria Lopez", "Maria Lopez", MethodExplicit}}},
	{"appositive", `"It is a scandal," Harry Bond, 30, of Raleigh, who was polled, said in an interview.`,
		[]wantSpeaker{{"Harry Bond", "Harry Bond", MethodExplicit}}},
	{"pronoun after a person",
		"Angela Merkel arrived in Paris on Tuesday.\n\n\"We support all efforts towards peace,\" she said.",
		[]wantSpeaker{{"she", "Angela Merkel", MethodPronoun}}},
	{"pronoun skips the wrong gender",
		"Hillary Clinton met Donald Trump in the hall.\n\n\"It was civil,\" she said.",
		[]wantSpeaker{{"she", "Hillary Clinton", MethodPronoun}}},
	{"surname joins the most recent full name",
		"Wang Wenbin spoke first. Later, Wang Yi met the envoy.\n\n\"Both sides agree,\" Wang said.",
		[]wantSpeaker{{"Wang", "Wang Yi", MethodExplicit}}},
	{"a surname the text has used for one person stays with that person",
		"Trump rallies in Ohio.\n\nDonald Trump spoke in Ohio.\n\n\"We will win,\" Trump said.\n\nHis daughter Ivanka Trump introduced him.\n\n\"It was a great night,\" Trump said.",
		[]wantSpeaker{{"Trump", "Donald Trump", MethodExplicit}, {"Trump", "Donald Trump", MethodExplicit}}},
	{"a headline's surname does not decide",
		"Trump Supporter Who Was Ill Speaks.\n\nAnna Trump met Donald Trump on Monday.\n\n\"It went well,\" Trump said.",
		[]wantSpeaker{{"Trump", "Donald Trump", MethodExplicit}}},
	{"a description of a news medium is the one the text called so",
		"Zycie Warszawy daily reported the bid on Saturday. The Bank Rozwoju Exportu SA will fund it.\n\n" +
			`"The division would guarantee a dispersal of capital," the paper said.`,
		[]wantSpeaker{{"the paper", "Zycie Warszawy", MethodNominal}}},
	{"a medium's name before its kind, even one the tagger calls an adjective",
		`"He has surprisingly earned himself a few fans," the nationalist Global Times tabloid noted.`,
		[]wantSpeaker{{"Global Times", "Global Times", MethodExplicit}}},
	{"a state after a located city is where, not who",
		"Liam Gallagher left the band on Friday.\n\n" + `Liam caught a taxi back to London saying he had "problems at home".` + "\n\n" +
			`Speaking in Santa Barbara, California, Bob Dole did not name Morris but said "the departure of Morris would hurt."`,
		[]wantSpeaker{{"Liam", "Liam Gallagher", MethodExplicit}, {"Bob Dole", "Bob Dole", MethodExplicit}}},
	{"a person a possessive describes is neither the owner nor the last one named",
		"David Cameron met Barack Obama in London on Friday.\n\n" + `"The prime minister stands by his comments," Cameron's spokesman said.`,
		[]wantSpeaker{{"Cameron's spokesman", "", MethodNominal}}},
	{"description by role and nationality",
		"Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi.\n\n" +
			`"We will consider concrete steps," the top Russian diplomat stated.`,
		[]wantSpeaker{{"the top Russian diplomat", "Sergey Lavrov", MethodNominal}}},
	{"indefinite description names nobody", `"The plan is dead," a senior official said.`,
		[]wantSpeaker{{"a senior official", "", MethodNominal}}},
	{"split quote", `"First," he said, "we talk."`,
		[]wantSpeaker{{"he", "", MethodPronoun}, {"he", "", MethodPronoun}}},
	{"continuation in a quote-only paragraph",
		"\"We are ready,\" Emmanuel Macron said.\n\n\"And we will not wait.\"",
		[]wantSpeaker{{"Emmanuel Macron", "Emmanuel Macron", MethodExplicit}, {"Emmanuel Macron", "Emmanuel Macron", MethodContinuation}}},
	{"partial quotes after a cue in the sentence",
		`China on Wednesday said "cooperation" between the allies has no "ceiling".`,
		[]wantSpeaker{{"China", "China", MethodExplicit}, {"China", "China", MethodContinuation}}},
	{"organization reports", `"Talks will resume," Reuters reported.`,
		[]wantSpeaker{{"Reuters", "Reuters", MethodExplicit}}},
	{"colon at the end of the paragraph before",
		"Senator Ted Cruz told the crowd:\n\n\"We will win this state.\"",
		[]wantSpeaker{{"Ted Cruz", "Ted Cruz", MethodExplicit}}},
	{"participle after a comma",
		`Huma Abedin emailed supporters on Monday, telling them, "I am proud."`,
		[]wantSpeaker{{"Huma Abedin", "Huma Abedin", MethodExplicit}}},
	{"an opening participle is not an inverted cue",
		`Emphasizing the urgency of the matter, Donald Trump said, "We must act fast."`,
		[]wantSpeaker{{"Donald Trump", "Donald Trump", MethodExplicit}}},
	{"a relative pronoun stands for its antecedent",
		`The decision rests with Attorney General Loretta Lynch, who told Congress: "That matter is handled by career agents."`,
		[]wantSpeaker{{"who", "Loretta Lynch", MethodExplicit}}},
	{"a title of a work is a name, not speech",
		`Antony Blinken told "Face the Nation" that the talks had failed.`,
		[]wantSpeaker{{"", "", MethodNone}}},
	{"the quote after a title carries on from its cue",
		`Granma called "Sleeping Bread" Puig's "greatest gift to the modern novel."`,
		[]wantSpeaker{{"", "", MethodNone}, {"Granma", "Granma", MethodContinuation}}},
	// News from anywhere (issue 16's kinds, made-up texts).
	{"a description repeats an earlier appositive",
		"John Smith, the UN's director of operations, arrived on Monday.\n\n\"We need help now,\" the UN director said.",
		[]wantSpeaker{{"the UN director", "John Smith", MethodNominal}}},
	{"a role-first appositive names the person after the comma",
		`Association founder and president, Jane Doe, said: "We will not give up."`,
		[]wantSpeaker{{"Jane Doe", "Jane Doe", MethodExplicit}}},
	{"a description first, the name in the appositive after it",
		`"We have a treaty with them," said the tourist, Khaled Hijazi, 37.`,
		[]wantSpeaker{{"Khaled Hijazi", "Khaled Hijazi", MethodExplicit}}},
	{"an organization speaks through a description of its own name",
		"The Ministry of Health issued new rules on Monday.\n\n\"The rules protect patients,\" the ministry said.",
		[]wantSpeaker{{"the ministry", "Ministry of Health", MethodNominal}}},
	{"a head noun the word lists do not know",
		"State-run Damascus Radio said in a commentary that talks had failed.\n\n\"This means war,\" the radio said.",
		[]wantSpeaker{{"the radio", "Damascus Radio", MethodNominal}}},
	{"a group outranked by a named person",
		`"Water is life," Bolivians say, according to Maria Gómez, who leads the group.`,
		[]wantSpeaker{{"Maria Gómez", "Maria Gómez", MethodExplicit}}},
	{"a missing space after a full stop",
		`"The bees are dying," said Ana Menezes.Native bees are vital to the forest.`,
		[]wantSpeaker{{"Ana Menezes", "Ana Menezes", MethodExplicit}}},
	{"a country's name that is a person's surname",
		"Dublin-born director Neil Jordan arrived in Venice.\n\n\"I never lost more sleep over a film,\" Jordan said.",
		[]wantSpeaker{{"Jordan", "Neil Jordan", MethodExplicit}}},
	{"the passive: the agent speaks",
		`She was described by The Guardian as "the queen of the curve".`,
		[]wantSpeaker{{"The Guardian", "The Guardian", MethodExplicit}}},
	{"quoted as saying: the subject speaks",
		"Juergen Klinsmann will retire in 1998.\n\n\"That will be the end,\" the 32-year-old captain was quoted as saying by a daily.",
		[]wantSpeaker{{"the 32-year-old captain", "Juergen Klinsmann", MethodNominal}}},
	{"a phrase between the speaker and the cue",
		`Rui Gomez Pereira in his book Goan Temples writes, "The temple was built in the 12th century."`,
		[]wantSpeaker{{"Rui Gomez Pereira", "Rui Gomez Pereira", MethodExplicit}}},
	{"a sentence opening with But keeps its subject",
		"Aung San Suu Kyi spoke on Saturday. But she said the party would go on.\n\n\"We will carry on.\"",
		[]wantSpeaker{{"she", "Aung San Suu Kyi", MethodContext}}},
	{"compound and hyphenated names stay whole",
		`"We will return," said Abou Al Nasr, a local leader. "Nobody can stop us," Al Nasr added. "It is too expensive," said Yeung Yun-hung.`,
		[]wantSpeaker{{"Abou Al Nasr", "Abou Al Nasr", MethodExplicit}, {"Al Nasr", "Abou Al Nasr", MethodExplicit}, {"Yeung Yun-hung", "Yeung Yun-hung", MethodExplicit}}},
	{"a cue on the line after the quote",
		"\"What kind of peace is this?\"\n\nasked Mustafa Hoshiyeh, a labourer turned back by a patrol.",
		[]wantSpeaker{{"Mustafa Hoshiyeh", "Mustafa Hoshiyeh", MethodExplicit}}},
	{"a quote alone after a paragraph about someone",
		"Ben Player founded a magazine in 1995.\n\nThe thought of quitting never entered his head.\n\n\"It was more a question of money.\"",
		[]wantSpeaker{{"his", "Ben Player", MethodContext}}},
	{"a role glued before a name the tagger missed",
		`"They incubated a generation," said Environmentalist Ma Jun.`,
		[]wantSpeaker{{"Ma Jun", "Ma Jun", MethodExplicit}}},
	{"a title abbreviated before a surname",
		"Francisco Sousa documented the island.\n\nFr. Sousa testifies that \"Divar was as venerated as the Holy Land.\"",
		[]wantSpeaker{{"Sousa", "Francisco Sousa", MethodExplicit}}},
	{"an -ing cue the tagger took for a noun",
		`Rui Gomez Pereira details further stating, "The linga was relocated."`,
		[]wantSpeaker{{"Rui Gomez Pereira", "Rui Gomez Pereira", MethodExplicit}}},
	{"a possessive before a noun of speech",
		`Player praised Mike Stewart for kick-starting an era, backed by his call to "support those who support the sport".`,
		[]wantSpeaker{{"his", "Mike Stewart", MethodPronoun}}},
	{"a pronoun after a clause names the clause's subject, not a preposition's object",
		"Iraq backed Massoud Barzani against Jalal Talabani.\n\nHe said Barzani sent a message to Saddam on August 22 in which he said: \"The conspiracy is beyond our capability.\"",
		[]wantSpeaker{{"he", "Massoud Barzani", MethodPronoun}}},
	{"a reflexive after the subject",
		`Galois himself famously exclaimed: "I am the victim of an infamous coquette."`,
		[]wantSpeaker{{"Galois", "Galois", MethodExplicit}}},
	{"for example between subject and cue, and a name after the",
		`(the Encyclopaedia Britannica for example describes the Protocols as a "fraudulent document").`,
		[]wantSpeaker{{"Encyclopaedia Britannica", "Encyclopaedia Britannica", MethodExplicit}}},
	{"a plural noun opening a sentence is nobody",
		"Bodyboarders now seek out the slabs that surfers leave alone.\n\n\"On a bodyboard you can handle much steeper situations.\"",
		[]wantSpeaker{{"", "", MethodNone}}},
	{"a quoted phrase in the paragraph after someone spoke",
		"\"We have the best port in the world,\" Donald Tsang said.\n\nHong Kong also had the necessary \"constitutional infrastructure\" in place.",
		[]wantSpeaker{{"Donald Tsang", "Donald Tsang", MethodExplicit}, {"Donald Tsang", "Donald Tsang", MethodContinuation}}},
	{"a cue inside the quote is not an attribution",
		"Vladimir Putin spoke first.\n\n\"Today, as you have said, we will act,\" the president added.",
		[]wantSpeaker{{"the president", "Vladimir Putin", MethodNominal}}},
}

func TestAttribution(t *testing.T) {
	for _, tc := range attributionCases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Analyze(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, tc.text, res)
			res.Quotes = quotations(res.Quotes)
			if len(res.Quotes) != len(tc.want) {
				t.Fatalf("%d quotes %+v, want %d", len(res.Quotes), res.Quotes, len(tc.want))
			}
			names := map[string]string{}
			for _, e := range res.Entities {
				names[e.ID] = e.Name
			}
			for i, q := range res.Quotes {
				w := tc.want[i]
				got := wantSpeaker{method: q.Method}
				if q.SpeakerMention != nil {
					got.mention = q.SpeakerMention.Text
				}
				if q.Speaker != nil {
					got.entity = names[*q.Speaker]
				}
				if got != w {
					t.Errorf("quote %q: got %+v, want %+v", q.Text, got, w)
				}
			}
		})
	}
}

// Quote detection and attribution do not depend on how far apart marks
// are: a long text of unbalanced marks and one huge quotation both give
// a sensible result.
func TestAttributionOddText(t *testing.T) {
	inputs := map[string]string{
		"unbalanced":     strings.Repeat(`He said " and then ' left. `, 1000),
		"one huge quote": `"` + strings.Repeat("we will win and win again ", 4000) + `," Wang Yi said.`,
		"only marks":     strings.Repeat(`“”"'‘’«»`, 500),
	}
	for name, text := range inputs {
		t.Run(name, func(t *testing.T) {
			res, err := Analyze(text)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, text, res)
			if name == "one huge quote" && (len(res.Quotes) != 1 || res.Quotes[0].SpeakerMention == nil || res.Quotes[0].SpeakerMention.Text != "Wang Yi") {
				t.Errorf("huge quote: got %d quotes, first %+v", len(res.Quotes), res.Quotes)
			}
		})
	}
}

// quotations returns the direct and partial quotes of qs: tests of
// quotation attribution leave reported speech aside.
func quotations(qs []Quote) []Quote {
	var out []Quote
	for _, q := range qs {
		if q.Kind == KindDirect || q.Kind == KindPartial {
			out = append(out, q)
		}
	}
	return out
}
