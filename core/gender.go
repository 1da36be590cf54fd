package core

import (
	"fmt"
	"strings"

	"lede/internal/lexicon"
	"lede/internal/tokenize"
)

// Gender values.
const (
	GenderFemale  = "female"
	GenderMale    = "male"
	GenderUnknown = "unknown"
)

// firstNameShare is how clear a first name's records must be to count:
// at least this share of its bearers of one gender, in percent. At 95,
// one bearer in twenty would be given the wrong gender; at 98, one in
// fifty.
const firstNameShare = 98

// personGenders is the last stage: it gives each person its Gender, from
// the pronouns attribution resolved to them, else an honorific next to
// one of their mentions, else their first name. Its input is the text's
// tokens, the entities, their name mentions and the attributed quotes;
// it sets Entity.Gender.
func personGenders(toks []tokenize.Token, ents []Entity, ms []nameMention, qs []Quote) {
	index := make(map[string]int, len(ents))
	for i, e := range ents {
		index[e.ID] = i
	}
	she, he := make([]int, len(ents)), make([]int, len(ents))
	// One pronoun often names the speaker of several quotes (a mixed
	// content and the quoted words inside it, a quotation in pieces): it
	// is one piece of evidence, counted once.
	counted := map[int]bool{}
	for _, q := range qs {
		if q.Method != MethodPronoun || q.Speaker == nil || q.SpeakerMention == nil || counted[q.SpeakerMention.Start] {
			continue
		}
		i, ok := index[*q.Speaker]
		if !ok {
			continue
		}
		counted[q.SpeakerMention.Start] = true
		switch strings.ToLower(q.SpeakerMention.Text) {
		case "she", "her":
			she[i]++
		case "he", "him", "his":
			he[i]++
		}
	}
	honorific, shown := make([]string, len(ents)), make([]byte, len(ents))
	for _, m := range ms {
		if m.Gender != 0 && m.Entity >= 0 && m.Entity < len(ents) && shown[m.Entity] == 0 {
			honorific[m.Entity], shown[m.Entity] = "in the text", m.Gender
			// The honorific mention cleanup found, if the mention still
			// starts where it did.
			if word, _, ok := honorificBefore(toks, m.Start); ok {
				honorific[m.Entity] = fmt.Sprintf("%q", word)
			}
		}
	}
	for i := range ents {
		if ents[i].Type == Person {
			ents[i].Gender = genderOf(ents[i].Name, she[i], he[i], honorific[i], shown[i])
		}
	}
}

// genderOf weighs one person's evidence: how often attribution called
// them "she" and "he", the honorific before one of their mentions and
// the gender it shows ('f', 'm' or 0), and their name. Attribution
// resolves a pronoun to the wrong person now and then, so pronouns decide
// only when they agree with each other (three to one at least) and are
// two or more, or when an honorific or the first name agrees with them;
// pronouns that an honorific or a clear first name contradict leave the
// gender unknown. Without pronouns an honorific decides, then the name;
// an honorific and a clear first name that disagree leave it unknown.
func genderOf(name string, she, he int, honorific string, shown byte) *Gender {
	byName, nameReason := nameGender(name)
	other, otherReason := byName, nameReason
	if shown != 0 {
		other, otherReason = GenderMale, "honorific "+honorific
		if shown == 'f' {
			other = GenderFemale
		}
		// "Mrs." before a mention of Bill Clinton: two people's mentions
		// were taken for one.
		if byName != "" && byName != GenderUnknown && byName != other {
			return &Gender{Value: GenderUnknown, Evidence: otherReason + ", but " + nameReason}
		}
	}
	if she+he == 0 {
		if other == "" {
			return &Gender{Value: GenderUnknown, Evidence: "no pronoun or honorific, and no first name"}
		}
		return &Gender{Value: other, Evidence: otherReason}
	}
	byPronoun, many, few, manyWord, fewWord := GenderFemale, she, he, "she", "he"
	if he > she {
		byPronoun, many, few, manyWord, fewWord = GenderMale, he, she, "he", "she"
	}
	reason := fmt.Sprintf(`called "%s" %s`, manyWord, times(many))
	if few > 0 {
		reason += fmt.Sprintf(` and "%s" %s`, fewWord, times(few))
	}
	agrees := other == byPronoun
	switch {
	case other != "" && other != GenderUnknown && !agrees:
		return &Gender{Value: GenderUnknown, Evidence: reason + ", but " + otherReason}
	case few > 0 && many < 3*few:
		return &Gender{Value: GenderUnknown, Evidence: reason + ": too mixed to tell"}
	case agrees:
		return &Gender{Value: byPronoun, Evidence: reason + "; " + otherReason}
	case many >= 2:
		return &Gender{Value: byPronoun, Evidence: reason}
	}
	return &Gender{Value: GenderUnknown, Evidence: reason + " only, with nothing else to confirm it"}
}

// nameGender is what US and UK birth records say of the first word of a
// person's name: female, male or unknown, and why; "" for a one-word
// name.
func nameGender(name string) (string, string) {
	first, _, ok := strings.Cut(name, " ")
	if !ok {
		return "", ""
	}
	share, known := lexicon.FemaleShare[first]
	switch {
	case !known:
		return GenderUnknown, fmt.Sprintf("no pronoun or honorific, and %s is not a common first name in US and UK birth records", first)
	case share >= firstNameShare:
		return GenderFemale, fmt.Sprintf("first name %s: %d%% women in US and UK birth records", first, share)
	case 100-int(share) >= firstNameShare:
		return GenderMale, fmt.Sprintf("first name %s: %d%% men in US and UK birth records", first, 100-int(share))
	}
	return GenderUnknown, fmt.Sprintf("first name %s: %d%% women in US and UK birth records, too mixed to tell", first, share)
}

// times says n as "once", "2 times".
func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}
