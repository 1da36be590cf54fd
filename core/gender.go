package core

import (
	"fmt"
	"strings"

	"lede/internal/lexicon"
)

// Gender values.
const (
	GenderFemale  = "female"
	GenderMale    = "male"
	GenderUnknown = "unknown"
)

// firstNameShare is how clear a first name's records must be to count:
// at least this share of its bearers of one gender, in percent.
const firstNameShare = 95

// personGenders is the last stage: it gives each person its Gender, from
// the pronouns attribution resolved to them, else an honorific next to
// one of their mentions, else their first name. Its input is the
// entities, their name mentions and the attributed quotes; it sets
// Entity.Gender.
func personGenders(text string, ents []Entity, ms []nameMention, qs []Quote) {
	index := make(map[string]int, len(ents))
	for i, e := range ents {
		index[e.ID] = i
	}
	she, he := make([]int, len(ents)), make([]int, len(ents))
	for _, q := range qs {
		if q.Method != MethodPronoun || q.Speaker == nil || q.SpeakerMention == nil {
			continue
		}
		i, ok := index[*q.Speaker]
		if !ok {
			continue
		}
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
			honorific[m.Entity], shown[m.Entity] = honorificOf(text, m), m.Gender
		}
	}
	for i := range ents {
		if ents[i].Type == Person {
			ents[i].Gender = genderOf(ents[i].Name, she[i], he[i], honorific[i], shown[i])
		}
	}
}

// genderOf weighs one person's evidence, strongest first: how often
// attribution called them "she" and "he", the honorific before one of
// their mentions and the gender it shows ('f', 'm' or 0), their name.
// Pronouns decide unless an honorific or a clear first name says the
// opposite (attribution may have resolved a pronoun wrongly): then the
// gender is unknown, with both reasons.
func genderOf(name string, she, he int, honorific string, shown byte) *Gender {
	byName, nameReason := nameGender(name)
	other, otherReason := byName, nameReason
	if shown != 0 {
		other, otherReason = map[byte]string{'f': GenderFemale, 'm': GenderMale}[shown], "honorific "+honorific
	}
	var byPronoun, pronounReason string
	switch {
	case she > 0 && he > 0:
		return &Gender{GenderUnknown, fmt.Sprintf(`called both "she" (%s) and "he" (%s)`, times(she), times(he))}
	case she > 0:
		byPronoun, pronounReason = GenderFemale, fmt.Sprintf(`called "she" %s`, times(she))
	case he > 0:
		byPronoun, pronounReason = GenderMale, fmt.Sprintf(`called "he" %s`, times(he))
	}
	switch {
	case byPronoun != "" && other != "" && other != GenderUnknown && other != byPronoun:
		return &Gender{GenderUnknown, pronounReason + ", but " + otherReason}
	case byPronoun != "":
		return &Gender{byPronoun, pronounReason}
	case other != "":
		return &Gender{other, otherReason}
	}
	return &Gender{GenderUnknown, "no pronoun or honorific, and no first name"}
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

// honorificOf returns the honorific written right before mention m,
// quoted ("\"Mrs.\"" of "Mrs. Clinton"), or "in the text" when it is not
// right there (the mention may have been cut from it).
func honorificOf(text string, m nameMention) string {
	before := strings.TrimRight(text[max(0, m.Start-12):m.Start], " ")
	if k := strings.LastIndexAny(before, " \n\t(\"“"); k >= 0 {
		before = before[k+1:]
	}
	if _, ok := lexicon.Honorific[strings.ToLower(before)]; ok && before != "" {
		return fmt.Sprintf("%q", before)
	}
	return "in the text"
}

// times says n as "once", "2 times".
func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}
