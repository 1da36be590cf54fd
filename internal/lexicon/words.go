package lexicon

import (
	"strings"

	"lede/internal/vocab"
)

// IsOrgWord reports whether a capitalized word marks an organization's
// name.
func IsOrgWord(w string) bool {
	if h, ok := Nominal[strings.ToLower(w)]; ok && h.Type == vocab.Org {
		return true
	}
	switch strings.ToLower(w) {
	case "news", "times", "post", "journal", "press", "pac", "inc", "inc.", "corp", "corp.", "llc",
		"foundation", "institute", "association", "university", "college", "club", "center", "centre",
		"society", "league", "federation", "board", "commission", "bureau", "service", "tribune", "herald", "gazette",
		"observer", "chronicle", "globe", "inquirer", "examiner", "sentinel", "courier", "dispatch", "telegraph",
		"church", "school", "hospital", "police":
		return true
	}
	return false
}

// TimeWords are lower-case words of time (weekdays, "today", "morning").
// They are no names, and one may stand after a preposition between a
// subject and its cue: "China on Wednesday said".
var TimeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
	"week": true, "month": true, "year": true, "morning": true, "afternoon": true,
	"evening": true, "night": true, "weekend": true, "day": true,
}

// Months are the lower-case names of the months and their abbreviations.
var Months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// StateAbbreviations are the US states as AP style abbreviates them.
var StateAbbreviations = map[string]bool{
	"Ala": true, "Ariz": true, "Ark": true, "Calif": true, "Colo": true, "Conn": true, "Del": true,
	"Fla": true, "Ga": true, "Ill": true, "Ind": true, "Kan": true, "Ky": true, "La": true, "Md": true,
	"Mass": true, "Mich": true, "Minn": true, "Miss": true, "Mo": true, "Mont": true, "Neb": true,
	"Nev": true, "Okla": true, "Ore": true, "Pa": true, "Tenn": true, "Vt": true, "Va": true,
	"Wash": true, "Wis": true, "Wyo": true, "N.C": true, "S.C": true, "N.Y": true, "N.J": true,
	"N.H": true, "N.M": true, "N.D": true, "S.D": true, "R.I": true, "W.Va": true, "D.C": true,
}
