package check

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// The sample letters are the test corpus (testdata/letters), embedded so that the
// trainer view can load them: the first letters (manifest.json), the second flawed
// corpus (manifest_flawed.json) and the letters written for the classroom so that every
// stage × audience × language has a flawed letter (manifest_bank.json). The held-out
// corpus stays out: it measures the checker on letters its rules were not tuned on.
//
//go:embed testdata/letters/*.txt testdata/letters/manifest.json testdata/letters/manifest_flawed.json testdata/letters/manifest_bank.json
var sampleFiles embed.FS

// sampleManifests are the manifests of the samples, in the order they are listed.
var sampleManifests = []string{"manifest.json", "manifest_flawed.json", "manifest_bank.json"}

// Sample is a letter of the corpus with the context it was written for.
type Sample struct {
	Name     string // file name without extension, e.g. "fr_r1_b2b"
	Lang     string
	Stage    Stage
	Audience Audience
	Good     bool // a correct letter (checks clean), not a flawed one
	Text     string
}

// Samples returns the embedded sample letters, flawed ones first, in manifest order.
func Samples() ([]Sample, error) {
	type entry struct {
		File     string   `json:"file"`
		Lang     string   `json:"lang"`
		Stage    Stage    `json:"stage"`
		Audience Audience `json:"audience"`
		Clean    bool     `json:"clean"`
	}
	var m []entry
	for _, name := range sampleManifests {
		b, err := sampleFiles.ReadFile("testdata/letters/" + name)
		if err != nil {
			return nil, fmt.Errorf("check: samples: %w", err)
		}
		var part []entry
		if err := json.Unmarshal(b, &part); err != nil {
			return nil, fmt.Errorf("check: samples: %s: %w", name, err)
		}
		m = append(m, part...)
	}
	sort.SliceStable(m, func(i, j int) bool { return !m[i].Clean && m[j].Clean })
	var out []Sample
	for _, e := range m {
		txt, err := sampleFiles.ReadFile("testdata/letters/" + e.File)
		if err != nil {
			return nil, fmt.Errorf("check: samples: %w", err)
		}
		out = append(out, Sample{Name: strings.TrimSuffix(e.File, ".txt"), Lang: e.Lang, Stage: e.Stage, Audience: e.Audience, Good: e.Clean, Text: string(txt)})
	}
	return out, nil
}

// MissingCandidates lists the rules whose findings are missing items, for the
// training-mode checklist ("what is missing from this letter?"): the trainee ticks
// those they think apply.
func (c *Catalogue) MissingCandidates(lang string, st Stage, aud Audience) []*Rule {
	ids := []string{"CLAR.AMOUNT", "CLAR.INVOICE_REF", "CLAR.INVOICE_DATES", "CLAR.DEADLINE_PRECISE", "CLAR.PAYMENT_MEANS", "CLAR.CONTACT",
		"CLAR.OBJECT_LINE", "STRUCT.DATE_PLACE", "STRUCT.APPELLATION", "STRUCT.CLOSING_FORMULA", "STRUCT.SIGNATURE",
		"LEGAL.MED_WORDS", "LEGAL.MED_EFFECTS", "LEGAL.MED_SENDING", "LEGAL.PENALTIES", "LEGAL.INDEMNITY_40", "LEGAL.NEXT_STEP",
		"LEGAL.UK_PROTOCOL", "TONE.CUSHION_MISSING"}
	var out []*Rule
	for _, id := range ids {
		if r := c.Rule(id); r != nil && r.applies(lang, st, aud, "creditor", countryFor(lang, aud)) {
			out = append(out, r)
		}
	}
	return out
}

func countryFor(lang string, aud Audience) string {
	if lang == "en" {
		return "GB"
	}
	return "FR"
}

// MissingLabel is how the rule names a missing item, without placeholders (training
// checklist).
func (r *Rule) MissingLabel(lang string) string {
	tx := r.TextIn(lang)
	s := tx.Message
	if a, ok := tx.Alt["absent"]; ok {
		s = a
	}
	for {
		i := strings.IndexByte(s, '{')
		j := strings.IndexByte(s, '}')
		if i < 0 || j < i {
			return s
		}
		s = s[:i] + "…" + s[j+1:]
	}
}
