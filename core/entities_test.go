package core

import (
	"slices"
	"strings"
	"testing"
)

// entityCase is a text and the entities expected in it: for each, its
// type, its name and its aliases in order.
type entityCase struct {
	name string
	text string
	want []string // "TYPE name | alias, alias"; only these entities are checked
	not  []string // names that must not be an entity of any type
}

var entityCases = []entityCase{
	{"an organization named by the end of a longer name joins it",
		"Schiff, a member of the House Intelligence Committee, spoke on Monday. The Intelligence Committee will meet again.",
		[]string{"ORG House Intelligence Committee | House Intelligence Committee, Intelligence Committee"}, nil},
	{"a group's word inside an organization's name keeps it whole",
		"“This is a disgusting day,” said G.K. Butterfield, head of the Congressional Black Caucus.",
		[]string{"ORG Congressional Black Caucus | Congressional Black Caucus"}, []string{"Congressional", "Caucus"}},
	{"a state-party description the tagger took for a name is a group, not a place",
		"First Lady Laura Bush met the Massachusetts Democrat, Rep. Jim Smith (D-Mo.), and the Rev. Peter Wherry.",
		[]string{"NORP Massachusetts Democrat | Massachusetts Democrat"}, nil},
	{"a dateline fixes the type of the city's name everywhere",
		"Charlotte struggles to return to normal after shooting.\n\nCHARLOTTE - Nearly a week after the shooting, the city was quiet. The National Football League's Charlotte Panthers play here. The mother of seven has turned Charlotte into a cause.",
		[]string{"PLACE Charlotte | Charlotte, CHARLOTTE", "ORG Charlotte Panthers | Charlotte Panthers"}, nil},
	{"a wire headline's topic before a hyphen is no dateline",
		"SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
		nil, []string{"SOCCER"}},
	{"a name goes on across People's",
		"North Korea, officially the Democratic People's Republic of Korea, tested a bomb.",
		[]string{"PLACE Democratic People's Republic of Korea | Democratic People's Republic of Korea"}, []string{"Democratic People"}},
	{"a name after a preposition of place votes for the place",
		"De Blasio says Chelsea explosion was an 'intentional act.'\n\nTwenty-nine people were injured tonight in a densely packed Chelsea neighborhood by an explosion that Mayor Bill de Blasio described as intentional.\n\nAt a press conference in Chelsea, the mayor also said that it would take more hours.\n\nPolice officials said a second device was also found in Chelsea.",
		[]string{"PLACE Chelsea | Chelsea"}, nil},
	{"a rank joined by a hyphen and an occupation before a name are not the name",
		"Up to 75 men are approaching the village, NATO spokesman Lieutenant-Colonel Max Marriner said in Sarajevo. Broker Khurshid Alam said the market would remain strong.",
		[]string{"PERSON Max Marriner | Max Marriner", "PERSON Khurshid Alam | Khurshid Alam"}, []string{"Lieutenant-Colonel Max Marriner", "Broker Khurshid Alam"}},
	{"names joined by an ampersand are one company",
		"\"The deal really levels the seating field somewhat,\" said John Casesa of Schroder Wertheim & Co.\n\nDouglas & Lomason Co agreed to be acquired.",
		[]string{"ORG Schroder Wertheim & Co | Schroder Wertheim & Co", "ORG Douglas & Lomason Co | Douglas & Lomason Co"}, []string{"Schroder Wertheim", "Douglas"}},
	{"a company's short name is the company, not a surname",
		"Swedish telecoms group LM Ericsson AB said on Friday it won an order worth 1.2 billion crowns.\n\nEricsson said in a statement the order was from the Guangdong Post and Telecommunications Administration.",
		[]string{"ORG LM Ericsson AB | LM Ericsson AB, Ericsson"}, nil},
	{"a department named by its first word joins its full name",
		"Consumer spending barely edged up in July, the Commerce Department said Friday.\n\n\"Average hourly earnings declined,\" Commerce said.",
		[]string{"ORG Commerce Department | Commerce Department, Commerce"}, nil},
	{"a modifier joined by a hyphen before a name is not the name",
		"Minneapolis-based First Bank System Inc. bid for the bank. Brazilian-born Luis Oliveira scored twice.",
		[]string{"ORG First Bank System Inc. | First Bank System Inc.", "PERSON Luis Oliveira | Luis Oliveira"}, []string{"Minneapolis-based First Bank System Inc.", "Brazilian-born Luis Oliveira"}},
	{"a first name alone is not taken for the person",
		"The rally drew thousands. Chelsea Clinton spoke in Chelsea.",
		[]string{"PERSON Chelsea Clinton | Chelsea Clinton", "PLACE Chelsea | Chelsea"}, nil},
	{"an article's first line in Title Case is a headline without small words too",
		"Senator Smith Slams Budget Plan\n\nWASHINGTON — Senator John Smith said on Monday that the budget was a mistake.",
		[]string{"PERSON John Smith | John Smith, Smith", "PLACE WASHINGTON | WASHINGTON"}, []string{"Smith Slams Budget Plan"}},
	{"a city before its state is a place, apart from a team named after it",
		"The rally in Charlotte, N.C., drew thousands. The Charlotte Panthers played on Sunday.",
		[]string{"PLACE Charlotte | Charlotte", "PLACE N.C. | N.C.", "ORG Charlotte Panthers | Charlotte Panthers"}, nil},
	{"two-word titles and state-party descriptions are not names",
		"First Lady Laura Bush met the Massachusetts Democrat on Monday.",
		[]string{"PERSON Laura Bush | Laura Bush"}, []string{"First Lady Laura Bush"}},
	{"a name that ends in a newspaper's word is an organization",
		"Large sections of the city are divided by race and income, other studies have shown. The Charlotte Observer found that 1 in 4 residents lived in distressed neighborhoods.",
		[]string{"ORG Charlotte Observer | Charlotte Observer"}, nil},
	{"a name the text calls a daily is an organization, a place before a paper's word stays a place",
		"A consortium will bid for Ruch, Zycie Warszawy daily said on Saturday. Zycie Warszawy said the bid was ready. Zycie Warszawy added that it was high. The Moscow daily Kommersant agreed.",
		[]string{"ORG Zycie Warszawy | Zycie Warszawy", "PLACE Moscow | Moscow"}, nil},
	{"a group's name that small words join is one organization",
		"Wang was detained, the New York-based pressure group Human Rights in China said on Saturday. The watchdog group Citizens for Responsibility and Ethics in Washington sued.",
		[]string{"ORG Human Rights in China | Human Rights in China", "ORG Citizens for Responsibility and Ethics in Washington | Citizens for Responsibility and Ethics in Washington"},
		[]string{"Human Rights", "China", "Washington"}},
	{"a group named on its own elsewhere is where it is, and two groups stay two",
		"The rights group Human Rights Watch in New York said the arrests were illegal. Human Rights Watch said more would follow. The groups Amnesty International and Physicians for Human Rights agreed.",
		[]string{"ORG Human Rights Watch | Human Rights Watch", "PLACE New York | New York", "ORG Amnesty International | Amnesty International", "ORG Physicians for Human Rights | Physicians for Human Rights"}, nil},
	{"a common word or a party capitalized before a first name is no part of the name",
		"Outspoken Andrei Medvedev lost on Monday. Democrat Alan Grayson spoke later. Aung San Suu Kyi was freed.",
		[]string{"PERSON Andrei Medvedev | Andrei Medvedev", "PERSON Alan Grayson | Alan Grayson", "PERSON Aung San Suu Kyi | Aung San Suu Kyi"},
		[]string{"Outspoken Andrei Medvedev", "Democrat Alan Grayson"}},
	{"a common word before the surname of a person named in full is no part of the name",
		"Polls suggest a tight race.\n\nAgainst Clinton, Trump trails by two points, the poll found. Hillary Clinton spoke on Monday. Ban Ki-moon spoke too. Bill de Blasio and De Blasio's aides agreed.",
		[]string{"PERSON Hillary Clinton | Hillary Clinton, Clinton", "PERSON Ban Ki-moon | Ban Ki-moon", "PERSON Bill de Blasio | Bill de Blasio, De Blasio"},
		[]string{"Against Clinton", "Blasio"}},
	{"a one-sentence text with a full stop is no headline",
		"Sergey Lavrov met Wang Yi in Beijing.",
		[]string{"PERSON Sergey Lavrov | Sergey Lavrov", "PERSON Wang Yi | Wang Yi", "PLACE Beijing | Beijing"}, nil},
	{"an article's first line with a stop and every word capitalized is a headline",
		"Chris Christie Calls Hillary Clinton A Disgrace Over Police Shooting.\n\nNew Jersey Gov. Chris Christie criticized Clinton on Wednesday.",
		[]string{"PERSON Chris Christie | Chris Christie"}, []string{"Chris Christie Calls Hillary Clinton"}},
	{"a headline's capitalized particle still matches the body's name",
		"De Blasio Says Chelsea Explosion Was An Intentional Act\n\nMayor Bill de Blasio said the blast was intentional.",
		[]string{"PERSON Bill de Blasio | Bill de Blasio, De Blasio"}, []string{"Blasio"}},
	{"an acronym the text never defines joins the one name it spells",
		"Wells Fargo was fined by the Consumer Financial Protection Bureau on Thursday. The CFPB was Warren's idea.",
		[]string{"ORG Consumer Financial Protection Bureau | Consumer Financial Protection Bureau, CFPB"}, nil},
	{"a state as news abbreviates it is a place, with its stop",
		"Former President Bill Clinton spoke in Flint, Mich., on Tuesday.",
		[]string{"PLACE Mich. | Mich."}, []string{"Mich"}},
	{"a nationality grown into an organization before a place word",
		"Peiris , 32 , of Perth , was sentenced in the Western Australian District Court to two years in jail .",
		[]string{"PLACE Perth | Perth"}, nil},
	{"initials stay in the name",
		"“This is a disgusting day,” said Rep. G.K. Butterfield, head of the caucus. President George W. Bush signed it.",
		[]string{"PERSON G.K. Butterfield | G.K. Butterfield", "PERSON George W. Bush | George W. Bush"}, []string{"Butterfield", "George W"}},
	{"a particle stays in the name, also without the first name",
		"Mayor Bill de Blasio described it as an intentional act. Later de Blasio said the city was safe.",
		[]string{"PERSON Bill de Blasio | Bill de Blasio, de Blasio"}, []string{"Blasio"}},
	{"the end of a role before the name is not the name",
		"Secretary of State John F. Kerry said the United States would respond.",
		[]string{"PERSON John F. Kerry | John F. Kerry"}, []string{"State John F. Kerry"}},
	{"a clergy title is not part of the name",
		"“It is a good thing,” said the Rev. Peter Wherry of the church.",
		[]string{"PERSON Peter Wherry | Peter Wherry"}, []string{"Rev. Peter Wherry"}},
	{"an ethnic group written with a hyphen stays whole",
		"Questioning his birth is an insult to all African-Americans, the lawmakers said.",
		nil, []string{"African", "Americans"}},
	{"a one-word form of a two-word company joins it",
		"Wells Fargo fired 5,300 employees. An entity as big as Wells should be held to account, Warren said.",
		[]string{"ORG Wells Fargo | Wells Fargo, Wells"}, nil},
	{"surname and possessive join the full name",
		"Russian Foreign Minister Sergey Lavrov arrived on Monday. Lavrov's visit was short, and Lavrov left.",
		[]string{"PERSON Sergey Lavrov | Sergey Lavrov, Lavrov"}, []string{"Russian Foreign Minister Sergey Lavrov"}},
	{"two people who share a surname stay apart",
		"Wang Wenbin spoke on Monday. Wang Yi met the envoy later.\n\nWang said the talks went well.",
		[]string{"PERSON Wang Wenbin | Wang Wenbin", "PERSON Wang Yi | Wang Yi, Wang"}, nil},
	{"spelling variants merge",
		"Volodymyr Zelenskyy spoke in Kyiv. Later Zelensky said he was ready.",
		[]string{"PERSON Volodymyr Zelenskyy | Volodymyr Zelenskyy, Zelensky"}, nil},
	{"an acronym joins the name it stands for",
		"The North Atlantic Treaty Organization (NATO) met in Brussels. NATO said it was united.",
		[]string{"ORG North Atlantic Treaty Organization | North Atlantic Treaty Organization, NATO"}, nil},
	{"an acronym in brackets spells some of the name's words",
		"The Rally for the Return of Refugees and Democracy in Rwanda (RDR) urged calm on Saturday. RDR said it feared expulsions.",
		[]string{"ORG Rally for the Return of Refugees and Democracy in Rwanda | Rally for the Return of Refugees and Democracy in Rwanda, RDR"}, nil},
	{"nationalities, organizations and places",
		"The Chinese Foreign Ministry said Xinhua and Tass reported from Anhui Province on Monday.",
		[]string{"ORG Chinese Foreign Ministry | Chinese Foreign Ministry", "ORG Xinhua | Xinhua", "ORG Tass | Tass", "PLACE Anhui Province | Anhui Province"}, nil},
	{"a compound of countries names each",
		"Officials praised China-Russia ties on Monday.",
		[]string{"PLACE China | China", "PLACE Russia | Russia"}, []string{"China-Russia"}},
	{"headline words are not names",
		"China Assures Unlimited Cooperation With Russia As Lavrov Arrives For Talks\n\nSergey Lavrov arrived in Beijing on Monday.",
		[]string{"PERSON Sergey Lavrov | Sergey Lavrov, Lavrov", "PLACE Russia | Russia"}, []string{"Lavrov Arrives", "Assures", "Talks"}},
	{"a surname run into a place in a wire headline is two names",
		"Yeltsin endorses Lebed Chechnya peace plan - agency.\n\nMOSCOW 1996-08-23\n\nPresident Boris Yeltsin has backed security chief Alexander Lebed's peace plan for Chechnya, Interfax said. Lebed said he hoped to sign a deal.",
		[]string{"PERSON Alexander Lebed | Alexander Lebed, Lebed", "PLACE Chechnya | Chechnya"}, []string{"Lebed Chechnya"}},
	{"an event is not a place",
		"They met at the opening of the Beijing Winter Olympic Games in February. Beijing was cold.",
		[]string{"PLACE Beijing | Beijing"}, nil},
	{"a title stays out of the name and in the roles",
		"US Ambassador to China Nicholas Burns will attend. Burns said nothing.",
		[]string{"PERSON Nicholas Burns | Nicholas Burns, Burns"}, []string{"US Ambassador to China Nicholas Burns"}},
}

func TestEntities(t *testing.T) {
	for _, tc := range entityCases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Analyze(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, tc.text, res)
			var got []string
			for _, e := range res.Entities {
				got = append(got, e.Type+" "+e.Name+" | "+strings.Join(e.Aliases, ", "))
				if slices.Contains(tc.not, e.Name) {
					t.Errorf("unwanted entity %s %q", e.Type, e.Name)
				}
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q; got %q", w, got)
				}
			}
		})
	}
}

func TestRoles(t *testing.T) {
	text := "Russian Foreign Minister Sergey Lavrov met Chinese Foreign Ministry spokesman Wang Wenbin, " +
		"President of Russia Vladimir Putin and US Ambassador to China Nicholas Burns."
	res, err := Analyze(text)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"Sergey Lavrov":  "Russian Foreign Minister",
		"Wang Wenbin":    "Chinese Foreign Ministry spokesman",
		"Vladimir Putin": "President of Russia",
		"Nicholas Burns": "US Ambassador to China",
	}
	for _, e := range res.Entities {
		if role, ok := want[e.Name]; ok {
			if !slices.Contains(e.Roles, role) {
				t.Errorf("%s: roles %q, want %q", e.Name, e.Roles, role)
			}
			delete(want, e.Name)
		}
	}
	if len(want) > 0 {
		t.Errorf("people not found: %v", want)
	}
}

// TestNameAtTheEnd checks that a name ending the text does not keep the
// sentence's full stop, and is found whatever follows.
func TestNameAtTheEnd(t *testing.T) {
	for _, text := range []string{`"cafe" said Bob.`, `"cafe" said Bob. He left.`} {
		res, err := Analyze(text)
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, text, res)
		if len(res.Entities) != 1 || res.Entities[0].Name != "Bob" || res.Entities[0].Type != Person {
			t.Errorf("%q: entities %+v, want the person Bob", text, res.Entities)
		}
	}
}
