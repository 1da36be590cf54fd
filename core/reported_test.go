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
	{"a surname the part-of-speech tagger takes for a verb is still a name",
		"Martin Stenning was jailed on Friday. Stenning said the talks had failed.",
		[]string{`indirect "the talks had failed" Martin Stenning [said]`}},
	{"a place a preposition locates is where, not who",
		"Liam Gallagher left the band on Friday. Liam caught a taxi back to London saying he had problems at home.",
		[]string{`indirect "he had problems at home" Liam Gallagher [saying]`}},
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
	{"a clause with a verb of its own before a final cue and its time", "The detention of Wang Donghai showed the government's determination to crush dissent, a human rights activist said on Saturday.",
		[]string{`indirect "The detention of Wang Donghai showed the government's determination to crush dissent" - [said]`}},
	{"a clause with a verb of its own after told reporters", "Martin Erdmann spoke in Bonn. Erdmann told reporters Bonn supported European Union efforts to persuade Israel to stop further settlement on the West Bank.",
		[]string{`indirect "Bonn supported European Union efforts to persuade Israel to stop further settlement on the West Bank" Martin Erdmann [told]`}},
	{"quoted as saying gives the one quoted", "Itar-Tass news agency quoted Alexander Lebed as saying that he would suggest a delay to the rebels.",
		[]string{`indirect "that he would suggest a delay to the rebels" Alexander Lebed [quoted Alexander Lebed as saying]`}},
	{"a lead's described source named in the lines after it",
		"Titanic slab sinks again.\n\nEquipment problems forced a recovery expedition to give up its efforts, a spokeswoman said on Friday.\n\nThe steel slab fell back to the bottom of the sea, said Erin Purcell, who represents the ships.",
		[]string{`indirect "Equipment problems forced a recovery expedition to give up its efforts" Erin Purcell [said]`, `indirect "The steel slab fell back to the bottom of the sea" Erin Purcell [said]`}},
	{"a headline's and a lead's described source named after them",
		"Rwandan refugee group calls for calm over census.\n\nNAIROBI 1996-08-31\n\nA Rwandan refugee lobby group called for calm in refugee camps in eastern Zaire during a census.\n\nThe Rally for the Return of Refugees and Democracy in Rwanda (RDR) urged the U.N. High Commissioner for Refugees to avoid any policing approach.",
		[]string{`indirect "calm over census" Rally for the Return of Refugees and Democracy in Rwanda [calls for]`,
			`indirect "calm in refugee camps in eastern Zaire during a census" Rally for the Return of Refugees and Democracy in Rwanda [called for]`,
			`indirect "the U.N. High Commissioner for Refugees to avoid any policing approach" Rally for the Return of Refugees and Democracy in Rwanda [urged]`}},
	{"a described source is not someone named in what was said",
		"Woman says Bill Clinton lied to her.\n\nBill Clinton said on Sunday that he had never met her.",
		[]string{`indirect "Bill Clinton lied to her" - [says]`, `indirect "that he had never met her" Bill Clinton [said]`}},
	{"a wire headline's source after a dash",
		"Yeltsin visits wife Naina in hospital - Interfax.\n\nMOSCOW 1996-08-30\n\nBoris Yeltsin visited his wife Naina at the Interfax building on Friday.",
		[]string{`indirect "Yeltsin visits wife Naina in hospital" Interfax [-]`}},
	{"a wire headline's described source after a dash, named in the lead",
		"Algeria restaurant bomb kills seven - newspaper.\n\nALGIERS 1996-08-31\n\nA bomb in a restaurant west of Algiers killed seven people, the Le Matin newspaper said on Saturday.",
		[]string{`indirect "Algeria restaurant bomb kills seven" Le Matin [-]`, `indirect "A bomb in a restaurant west of Algiers killed seven people" Le Matin [said]`}},
	{"a headline's description is not a name in the headline's own words",
		"Polish group to bid for Ruch newsstand chain - newspaper.\n\nWARSAW 1996-08-30\n\nA Polish consortium plans to bid for the Ruch chain, the Rzeczpospolita newspaper said on Friday.",
		[]string{`indirect "Polish group to bid for Ruch newsstand chain" Rzeczpospolita [-]`, `indirect "A Polish consortium plans to bid for the Ruch chain" Rzeczpospolita [said]`}},
	{"a headline's source before a colon",
		"Lynch: No outside influence on FBI probe into Clinton emails.\n\nAttorney General Loretta Lynch spoke to reporters on Sunday.",
		[]string{`indirect "No outside influence on FBI probe into Clinton emails" Loretta Lynch [:]`}},
	{"a headline's described source before a colon",
		"Poll: Clinton and Trump in dead heat heading into first debate.\n\nThe two candidates meet on Monday.",
		[]string{`indirect "Clinton and Trump in dead heat heading into first debate" - [:]`}},
	{"a headline's label before a colon is no source",
		"Stealth Over Health: Clinton Was Headed to Hospital But Diverted.\n\nThe two candidates meet on Monday.",
		nil},
	{"section labels, dates and filings after a dash are no sources",
		"SOCCER - SCOTTISH LEAGUE STANDINGS.\n\nWorld Markets Overnight Summary - Aug 30.\n\nIPO FILING -- Homegate Hospitality Inc.\n\nThe market was quiet.", nil},
	{"a lead's described source named as the subject of a cue in the lines after it",
		"Paper says minister consulted astrologer.\n\nLONDON 1996-09-01\n\nA British newspaper said the minister was so shaken by the attack that an astrologer was asked to warn her.\n\nThe Daily Courier quoted Majorie Orr as saying she did a horoscope chart for the minister.",
		[]string{`indirect "minister consulted astrologer" Daily Courier [says]`,
			`indirect "the minister was so shaken by the attack that an astrologer" Daily Courier [said]`,
			`indirect "to warn her" - [was asked]`,
			`indirect "she did a horoscope chart for the minister" Majorie Orr [quoted Majorie Orr as saying]`}},
	{"an organization's members speak for it",
		"Security Council members expressed concern on Thursday that the bulldozing of the centre might injure the peace process.",
		[]string{`indirect "concern" Security Council [expressed]`, `indirect "that the bulldozing of the centre might injure the peace process" Security Council [expressed]`}},
	{"a noun's relative clause before the cue is not what was said",
		"A third report pointed to a potential slowdown in consumer spending that some analysts said may help moderate growth in the second half.",
		[]string{`indirect "may help moderate growth in the second half" - [said]`}},
	{"a participle after a time phrase shares the clause's subject",
		"Kim In-so was captured during the war. He submitted a petition to the International Red Cross in 1993 asking for his repatriation.",
		[]string{`indirect "his repatriation" Kim In-so [asking for]`}},
	{"a clause before a final reported",
		"One of Cuba's most acclaimed authors, Jose Soler Puig, died at the age of 79, the official newspaper Granma reported on Saturday.",
		[]string{`indirect "One of Cuba's most acclaimed authors, Jose Soler Puig, died at the age of 79" Granma [reported]`}},
	{"what a company reported is its object, not a clause before it",
		"Sales fell in the quarter, and the company reported a loss of $3 million.",
		[]string{`indirect "a loss of $3 million" - [reported]`}},
	{"a lead after a byline and a dateline on lines of their own",
		"Titanic slab sinks again.\n\nJane Hollis\n\nHALIFAX 1996-08-30\n\nEquipment problems forced a recovery expedition to give up its efforts, a spokeswoman said on Friday.\n\nThe steel slab fell back to the bottom of the sea, said Erin Purcell, who represents the ships.",
		[]string{`indirect "Equipment problems forced a recovery expedition to give up its efforts" Erin Purcell [said]`, `indirect "The steel slab fell back to the bottom of the sea" Erin Purcell [said]`}},
	{"a described source after the lead stays unnamed",
		"Titanic slab sinks again.\n\nThe expedition gave up on Friday.\n\nThe weather was bad.\n\nEquipment problems forced a recovery expedition to give up its efforts, a spokeswoman said on Friday.\n\nThe steel slab fell back to the bottom of the sea, said Erin Purcell, who represents the ships.",
		[]string{`indirect "Equipment problems forced a recovery expedition to give up its efforts" - [said]`, `indirect "The steel slab fell back to the bottom of the sea" Erin Purcell [said]`}},
	{"a described source is not someone named before",
		"Titanic slab sinks again.\n\nErin Purcell of Reagan Communications joined the expedition. Equipment problems forced it to give up its efforts, a spokeswoman said on Friday.\n\nThe steel slab fell back to the bottom of the sea, said Erin Purcell.",
		[]string{`indirect "Equipment problems forced it to give up its efforts" - [said]`, `indirect "The steel slab fell back to the bottom of the sea" Erin Purcell [said]`}},
	{"an organization with its acronym in brackets",
		"The Rally for the Return of Refugees and Democracy in Rwanda (RDR) urged the U.N. High Commissioner for Refugees to avoid any policing approach.",
		[]string{`indirect "the U.N. High Commissioner for Refugees to avoid any policing approach" Rally for the Return of Refugees and Democracy in Rwanda [urged]`}},
	{"a second verb's subject after a time phrase", "Syria on Friday condemned Israel's settlement policy and said Prime Minister Benjamin Netanyahu was preparing for war with Arabs.",
		[]string{`indirect "Israel's settlement policy" Syria [condemned]`, `indirect "Prime Minister Benjamin Netanyahu was preparing for war with Arabs" Syria [said]`}},
	{"an organization with its acronym and a description",
		"Algerian newspapers quoted the Human Rights National Observatory (ONDH), a government-appointed watchdog, as saying earlier in August that about 1,400 civilians had been killed in bomb attacks blamed on Moslem guerrillas in the past two years.",
		[]string{`indirect "that about 1,400 civilians had been killed in bomb attacks blamed on Moslem guerrillas in the past two years" Human Rights National Observatory [saying earlier in August]`}},
	{"quoted as saying inside what the tagger took for content",
		"Algerian newspapers quoted the Human Rights National Observatory (ONDH), a government-appointed watchdog, as saying earlier in August that about 1,400 civilians had been killed.",
		[]string{`indirect "that about 1,400 civilians had been killed" Human Rights National Observatory [quoted the Human Rights National Observatory (ONDH), a government-appointed watchdog, as saying]`}},
	{"a subject's aside inside the content", "Tareq Aziz spoke in Baghdad. Aziz said Iraq's military intervention, the first on such scale since the U.S. and allies decided to protect Iraqi Kurds against Baghdad, was in response to a plea from Massoud Barzani.",
		[]string{`indirect "Iraq's military intervention, the first on such scale since the U.S. and allies decided to protect Iraqi Kurds against Baghdad, was in response to a plea from Massoud Barzani" Tareq Aziz [said]`}},
	{"a government is its country's, not the organization named last",
		"Burma's democracy leader Aung San Suu Kyi leads the National League for Democracy. The Burmese government last week confirmed the recent sentencing of nine democracy activists.",
		[]string{`indirect "the recent sentencing of nine democracy activists" Burma [confirmed]`}},
	{"quoted as saying before a quotation reports no words of its own",
		`Interfax quoted Kremlin spokesman Sergei Yastrzhembsky as saying: "She is looking well."`, nil},
	{"quoted as saying after a quotation reports no words of its own",
		`"This would guarantee a dispersal of capital," the paper quoted one of the initiators of the move as saying, without giving a name.`, nil},
	{"a second verb's subject after a long opening phrase",
		"As the race has turned to primary contests in states with more diverse Democratic electorates, Hillary Clinton has increasingly decried the issue of “systemic racism” and highlighted her plans to combat the problem.",
		[]string{"mixed \"the issue of “systemic racism”\" Hillary Clinton []", `indirect "her plans to combat the problem" Hillary Clinton [highlighted]`}},
	{"a participle's subject after a sentence's conjunction",
		"And Bernie Sanders managed to do it with his unique populist flair, slamming the profit-mongering of private insurance companies.",
		[]string{`indirect "the profit-mongering of private insurance companies" Bernie Sanders [slamming]`}},
	{"a clause link's comma inside a closing quote mark",
		"Speaking on Monday, Donald Trump went on to promote “Celebrity Apprentice,” note that he had just bought the Old Post Office building in Washington, D.C., and boast about his recently acquired golf club.",
		[]string{`indirect "that he had just bought the Old Post Office building in Washington, D.C., and boast about his recently acquired golf club" Donald Trump [note]`}},
	{"a participle's subject with a bracketed label",
		"House Judiciary Committee Chairman Bob Goodlatte (R-Va.) told MSNBC that he spoke with Comey right after his announcement, asking him a series of questions.",
		[]string{`indirect "that he spoke with Comey right after his announcement" Bob Goodlatte [told]`, `indirect "him a series of questions" Bob Goodlatte [asking]`}},
	{"the possessive of a cue that is a noun",
		"Donald Trump did not back away from his pledge to reintroduce waterboarding.",
		[]string{`indirect "to reintroduce waterboarding" Donald Trump [pledge]`}},
	{"a source's modifier is no content",
		"Wang Yi spoke in Tunxi. China is willing to work with Russia to push the relationship to a higher level, Wang said, state-run Xinhua news agency reported.",
		[]string{`indirect "China is willing to work with Russia to push the relationship to a higher level" Wang Yi [said]`}},
	{"an opening participle shares the main clause's subject",
		"Noting that the Ukraine issue has a complicated history, Wang Yi said China supports peace talks.",
		[]string{`indirect "that the Ukraine issue has a complicated history" Wang Yi [Noting]`, `indirect "China supports peace talks" Wang Yi [said]`}},
	{"a list after a comma", "The New York Times said Saturday that it had received anonymously the first pages of Trump's 1995 state income tax filings in New York, New Jersey and Connecticut.",
		[]string{`indirect "that it had received anonymously the first pages of Trump's 1995 state income tax filings in New York, New Jersey and Connecticut" The New York Times [said Saturday]`}},
	{"a list's tail after a comma", "Sanders said he would release his 2014 return Friday, and others shortly thereafter.",
		[]string{`indirect "he would release his 2014 return Friday, and others shortly thereafter" Sanders [said]`}},
	{"a description of an organization is not one named in the words reported",
		"Dow Chemical will invest $4 billion in an ethylene plant, the China Daily said on Saturday. Caltex plans to build a lubricants blender in Tianjin, the newspaper said.",
		[]string{`indirect "Dow Chemical will invest $4 billion in an ethylene plant" China Daily [said]`, `indirect "Caltex plans to build a lubricants blender in Tianjin" China Daily [said]`}},
	{"a description of an organization is not the one told",
		"Swedish telecoms group LM Ericsson AB said on Friday it won an order worth 1.2 billion crowns. The order included switching equipment, spokesman Per Zetterquist told Reuters. Deliveries are due to be completed by 1999, the company said.",
		[]string{`indirect "it won an order worth 1.2 billion crowns" LM Ericsson AB [said on Friday]`, `indirect "The order included switching equipment" Per Zetterquist [told]`, `indirect "Deliveries are due to be completed by 1999" LM Ericsson AB [said]`}},
	{"someone's organization is not the last one named", "The Federal Election Commission published the filings on Monday. Cruz's campaign said it had raised $19 million.",
		[]string{`indirect "it had raised $19 million" - [said]`}},
	{"a source the tagger did not read as a name is the organization whose name holds it",
		"The Commerce Department published its figures on Friday.\n\nCommerce said previously that spending at retail stores was up only 0.1 percent in July.",
		[]string{`indirect "that spending at retail stores was up only 0.1 percent in July" Commerce Department [said previously]`}},
	{"a place the source is in is not the source", "Iraqi troops were taking part in the attack on Arbil, a senior U.N. official in Baghdad said.",
		[]string{`indirect "Iraqi troops were taking part in the attack on Arbil" - [said]`}},
	{"a time phrase alone is no content: the clause before the cue is", "Consumer spending barely edged up in July, the Commerce Department said Friday, as income growth slowed abruptly to the weakest pace in six months.",
		[]string{`indirect "Consumer spending barely edged up in July" Commerce Department [said]`}},
	{"a clause before a final source the tagger took for the source", "An explosion leveled Rochester's one-story Lilac Falls Motel, killing two people, fire officials said Friday.",
		[]string{`indirect "An explosion leveled Rochester's one-story Lilac Falls Motel, killing two people" - [said]`}},
	{"a clause after said that the tagger left out", "The students' union said second and third-year students were demanding four months of unpaid grants.",
		[]string{`indirect "second and third-year students were demanding four months of unpaid grants" - [said]`}},
	{"a clause after told and whom that the tagger left out", "Eyewitnesses told Boston television stations they saw a gasoline truck parked behind the Lilac Falls Motel.",
		[]string{`indirect "they saw a gasoline truck parked behind the Lilac Falls Motel" - [told]`}},
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

// TestQuotationAfterMixedSpeech checks that a quotation after a mixed
// content, with no cue of its own, takes the speaker the mixed content
// gave the quoted words inside it; a short one after it, as often a
// show's name as words said, does not.
func TestQuotationAfterMixedSpeech(t *testing.T) {
	for _, tc := range []struct {
		text, quote, want string
	}{
		{"Clinton “drew quite well from white, working-class Democrats” in the 2008 primary, said Ohio State University professor Paul Beck. “That was more her constituency than it was Obama’s at that point in time.”",
			"“That was more her constituency than it was Obama’s at that point in time.”", "Paul Beck"},
		{"Clinton “drew quite well from white, working-class Democrats” in the 2008 primary, said Ohio State University professor Paul Beck. “MTV Unplugged,” was on.",
			"“MTV Unplugged,”", ""},
	} {
		res, err := Analyze(tc.text)
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]string{}
		for _, e := range res.Entities {
			names[e.ID] = e.Name
		}
		found := false
		for _, q := range res.Quotes {
			if tc.text[q.Start:q.End] != tc.quote {
				continue
			}
			found = true
			got := ""
			if q.Speaker != nil {
				got = names[*q.Speaker]
			}
			if got != tc.want {
				t.Errorf("%s: speaker %q, want %q", tc.quote, got, tc.want)
			}
		}
		if !found {
			t.Errorf("%s: no such quote in %+v", tc.quote, res.Quotes)
		}
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
