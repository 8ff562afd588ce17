package roleplay

import (
	"strconv"

	"relance/ledger"
)

// Cards are the two cards of one role-play: the trainee's (Situation, Aim) and the
// trainer's (Profile, Objections, Good). Texts are catalogue keys; their parameters
// are in Args.
type Cards struct {
	Situation
	Profile Profile `json:"profile"`
	// Suggested is the profile the situation suggests and Why its reason (Suggest).
	Suggested Profile `json:"suggested"`
	Why       string  `json:"why"`
	// Target is what the call asks for (the undisputed overdue amount) and By the date
	// asked: TargetDays after AsOf.
	Target ledger.Cents `json:"target"`
	By     ledger.Date  `json:"by"`
	// Floor is the least a good call settles for: the oldest overdue invoice's open
	// amount (or the target when smaller).
	Floor ledger.Cents `json:"floor"`
	// Objections are the keys of what the trainer raises, in that order; Good the keys
	// of what a good call obtains.
	Objections []string `json:"objections"`
	Good       []string `json:"good"`
}

// TargetDays is how many days the call gives the customer to pay: a week, the usual
// delay asked for at the « conclure » step (a house practice, not a legal term).
const TargetDays = 8

// Make returns the cards of situation s with profile p (the suggested one when p is
// empty).
func Make(s Situation, p Profile) Cards {
	sug, why := Suggest(&s)
	if p == "" {
		p = sug
	}
	c := Cards{Situation: s, Profile: p, Suggested: sug, Why: why, Target: s.Undisputed, By: s.AsOf.AddDays(TargetDays)}
	c.Floor = c.Target
	var oldest *Invoice
	for i := range s.Invoices {
		in := &s.Invoices[i]
		if in.DaysLate > 0 && !in.Disputed && (oldest == nil || in.Due < oldest.Due) {
			oldest = in
		}
	}
	if oldest != nil && oldest.Open < c.Floor {
		c.Floor = oldest.Open
	}
	base := "roleplay.obj." + string(p) + "."
	for i := 1; i <= 3; i++ {
		c.Objections = append(c.Objections, base+strconv.Itoa(i))
	}
	if len(s.Broken) > 0 {
		c.Objections = append(c.Objections, "roleplay.obj.broken")
	}
	c.Good = []string{"roleplay.good.commitment", "roleplay.good.method", "roleplay.good.confirm",
		"roleplay.good." + string(p)}
	return c
}

// Guide is one block of prompts shared by both cards: a title key and its line keys.
type Guide struct {
	Title string   `json:"title"`
	Lines []string `json:"lines"`
}

// Guides returns the prompts of the module: the 4 C steps, DESC, cushion phrases, the
// question types with an example each, reformulation and « savoir dire non ».
func Guides() []Guide {
	g := func(name string, n int) Guide {
		out := Guide{Title: "roleplay.guide." + name}
		for i := 1; i <= n; i++ {
			out.Lines = append(out.Lines, "roleplay.guide."+name+"."+strconv.Itoa(i))
		}
		return out
	}
	return []Guide{g("4c", 4), g("cushion", 4), g("questions", 4), g("reformulate", 2), g("desc", 4), g("no", 3)}
}
