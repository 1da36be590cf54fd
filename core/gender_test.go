package core

import "testing"

func TestPersonGender(t *testing.T) {
	cases := []struct{ text, person, value, evidence string }{
		{"Jane Doe arrived on Monday.\n\n\"We will win,\" she said.", "Jane Doe", GenderFemale, `called "she" once; first name Jane: 100% women in US and UK birth records`},
		{"Mrs. Kim Lee arrived on Monday.", "Kim Lee", GenderFemale, `honorific "Mrs."`},
		{"Casey Smith arrived on Monday.", "Casey Smith", GenderUnknown, "first name Casey: 42% women in US and UK birth records, too mixed to tell"},
		{"Hillary Clinton arrived on Monday.", "Hillary Clinton", GenderUnknown, "first name Hillary: 96% women in US and UK birth records, too mixed to tell"},
		{"Margaret Jones arrived on Monday.", "Margaret Jones", GenderFemale, "first name Margaret: 100% women in US and UK birth records"},
		{"Sergey Lavrov arrived on Monday.", "Sergey Lavrov", GenderUnknown, "no pronoun or honorific, and Sergey is not a common first name in US and UK birth records"},
	}
	for _, c := range cases {
		res, err := Analyze(c.text)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range res.Entities {
			if e.Name != c.person {
				if e.Type != Person && e.Gender != nil {
					t.Errorf("%s (%s) has a gender", e.Name, e.Type)
				}
				continue
			}
			found = true
			if e.Gender == nil || e.Gender.Value != c.value || e.Gender.Evidence != c.evidence {
				t.Errorf("%q: gender %+v, want %s (%s)", c.text, e.Gender, c.value, c.evidence)
			}
		}
		if !found {
			t.Errorf("%q: no entity %s in %+v", c.text, c.person, res.Entities)
		}
	}
}

// TestGenderOfWeighsEvidence checks the order of the evidence: pronouns,
// then an honorific, then the first name; pronouns that an honorific or
// a clear first name contradicts, or that contradict each other, leave
// the gender unknown.
func TestGenderOfWeighsEvidence(t *testing.T) {
	cases := []struct {
		name      string
		she, he   int
		honorific string
		shown     byte
		value     string
	}{
		{"Casey Smith", 2, 0, "", 0, GenderFemale},
		{"Sergey Ivanov", 1, 0, "", 0, GenderUnknown},
		{"Margaret Jones", 1, 0, "", 0, GenderFemale},
		{"Robert Smith", 1, 0, "", 0, GenderUnknown},
		{"Casey Smith", 10, 4, "", 0, GenderUnknown},
		{"Casey Smith", 12, 4, "", 0, GenderFemale},
		{"Casey Smith", 0, 0, `"Ms."`, 'f', GenderFemale},
		{"Robert Smith", 0, 0, `"Ms."`, 'f', GenderUnknown},
		{"Casey Clinton", 0, 1, `"Mr."`, 'm', GenderMale},
		{"Hillary Clinton", 0, 1, "", 0, GenderUnknown},
		{"Kim Lee", 1, 1, "", 0, GenderUnknown},
		{"Madonna", 0, 0, "", 0, GenderUnknown},
		{"Robert Smith", 0, 0, "", 0, GenderMale},
	}
	for _, c := range cases {
		if g := genderOf(c.name, c.she, c.he, c.honorific, c.shown); g.Value != c.value || g.Evidence == "" {
			t.Errorf("genderOf(%q, she %d, he %d, %s): %+v, want %s with a reason", c.name, c.she, c.he, c.honorific, g, c.value)
		}
	}
}
