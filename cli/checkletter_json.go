package cli

import "relance/letters/check"

// scoresJSON is check.Scores as check-letter --format json writes it: every key in
// snake_case (the DESC parts and the tone's target zone have no JSON names of their own).
type scoresJSON struct {
	Readability check.Readability `json:"readability"`
	DESC        descJSON          `json:"desc"`
	Tone        toneJSON          `json:"tone"`
}

// descJSON says which parts of the DESC method the letter covers.
type descJSON struct {
	Describe     bool `json:"describe"`
	Express      bool `json:"express"`
	Specify      bool `json:"specify"`
	Consequences bool `json:"consequences"`
	CRequired    bool `json:"c_required"`
}

// toneJSON is the letter's tone and the zone its stage aims at.
type toneJSON struct {
	Firmness int      `json:"firmness"`
	Courtesy int      `json:"courtesy"`
	Target   zoneJSON `json:"target"`
	InZone   bool     `json:"in_zone"`
}

// zoneJSON is a target zone of firmness and courtesy.
type zoneJSON struct {
	FirmMin  int `json:"firm_min"`
	FirmMax  int `json:"firm_max"`
	CourtMin int `json:"court_min"`
	CourtMax int `json:"court_max"`
}

// scoresOf converts the checker's scores for JSON.
func scoresOf(s check.Scores) scoresJSON {
	z := s.Tone.Target
	return scoresJSON{
		Readability: s.Readability,
		DESC:        descJSON{Describe: s.DESC.D, Express: s.DESC.E, Specify: s.DESC.S, Consequences: s.DESC.C, CRequired: s.DESC.CRequired},
		Tone: toneJSON{Firmness: s.Tone.Firmness, Courtesy: s.Tone.Courtesy, InZone: s.Tone.InZone,
			Target: zoneJSON{FirmMin: z.FirmMin, FirmMax: z.FirmMax, CourtMin: z.CourtMin, CourtMax: z.CourtMax}},
	}
}
