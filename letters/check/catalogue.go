package check

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// The rule catalogue: one JSON file per family in rules/, embedded. Each rule carries
// its ID, the languages, stages and audiences it applies to, its severity (per stage
// when it varies), the texts in French and English, its lexicon (for the "lexicon"
// kind) and example sentences that TestRuleExamples runs.
//
//go:embed rules/*.json
var ruleFiles embed.FS

// Text is the wording of a rule in one language. Message, Why and Suggestion may hold
// {param} placeholders filled by the checker; Model is a sentence that the trainer
// view inserts for a missing item.
type Text struct {
	Message    string `json:"message"`
	Why        string `json:"why"`
	Suggestion string `json:"suggestion"`
	Model      string `json:"model,omitempty"`
	// Alt holds alternative messages (and models) that code rules pick by name.
	Alt map[string]string `json:"alt,omitempty"`
}

// Pattern is one lexicon entry: a regular expression (RE2, case-insensitive, without
// capturing groups) matched between word boundaries, with an optional replacement and
// severity, stage restriction and "unless" context (a regexp that, when it matches the
// same sentence, cancels the finding).
type Pattern struct {
	P      string  `json:"p"`
	Fix    string  `json:"fix,omitempty"`
	Sev    string  `json:"sev,omitempty"`
	Stages []Stage `json:"stages,omitempty"`
	Unless string  `json:"unless,omitempty"`
	Raw    bool    `json:"raw,omitempty"`  // no word boundaries (punctuation patterns)
	Case   bool    `json:"case,omitempty"` // case-sensitive
	Note   string  `json:"note,omitempty"`
	// After limits the "unless" context to the rest of the sentence from the match on.
	After bool `json:"after,omitempty"`
}

// Example is a set of sentences (or small letters) for a rule: each Bad one must
// produce the rule, no Good one may.
type Example struct {
	Lang     string   `json:"lang"`
	Stage    Stage    `json:"stage,omitempty"`
	Audience Audience `json:"audience,omitempty"`
	Sender   string   `json:"sender,omitempty"`
	Country  string   `json:"country,omitempty"`
	Date     string   `json:"date,omitempty"` // letter date, YYYY-MM-DD
	Bad      []string `json:"bad"`
	Good     []string `json:"good"`
}

// Rule is one entry of the catalogue.
type Rule struct {
	ID   string `json:"id"`
	Kind string `json:"kind"` // lexicon | presence | code | external
	// Presence rules: the item is there when one (Require "any", the default) or each
	// (Require "all") of the lexicon patterns is found anywhere in the letter, or an
	// entity of one of these kinds is; otherwise a missing-item finding anchored to
	// Anchor.
	Entities  []string             `json:"entities,omitempty"`
	Anchor    Section              `json:"anchor,omitempty"`
	Require   string               `json:"require,omitempty"`
	Langs     []string             `json:"langs"`
	Stages    []Stage              `json:"stages,omitempty"`    // empty: every stage
	Audiences []Audience           `json:"audiences,omitempty"` // empty: every audience
	Countries []string             `json:"countries,omitempty"` // empty: every country
	Sender    string               `json:"sender,omitempty"`    // "agency": only for collection agencies
	Severity  string               `json:"severity"`            // I, W, E, B
	ByStage   map[Stage]string     `json:"by_stage,omitempty"`
	Sections  []Section            `json:"sections,omitempty"` // lexicon: where it applies
	Legal     string               `json:"legal,omitempty"`    // legal reference shown with "why"
	Text      map[string]Text      `json:"text"`
	Lexicon   map[string][]Pattern `json:"lexicon,omitempty"`
	Examples  []Example            `json:"examples"`

	base  Severity
	stage map[Stage]Severity
	pats  map[string][]compiled
	index map[string]*lexIndex
}

type compiled struct {
	Pattern
	sev    Severity
	unless *regexp.Regexp
	re     *regexp.Regexp // the pattern alone, with its boundaries (raw patterns)
	anch   *regexp.Regexp // ^(pattern) + word end, tried at word starts
}

// Category returns the rule's category (from its family).
func (r *Rule) Category() Category { return categoryOf(r.ID) }

// SeverityAt returns the rule's severity at a stage.
func (r *Rule) SeverityAt(s Stage) Severity {
	if v, ok := r.stage[s]; ok {
		return v
	}
	return r.base
}

// applies reports whether the rule runs for these options.
func (r *Rule) applies(lang string, st Stage, aud Audience, sender, country string) bool {
	if len(r.Countries) > 0 && !containsStr(r.Countries, country) {
		return false
	}
	if !containsStr(r.Langs, lang) {
		return false
	}
	if len(r.Stages) > 0 && !containsStage(r.Stages, st) {
		return false
	}
	if len(r.Audiences) > 0 && !containsAud(r.Audiences, aud) {
		return false
	}
	if r.Sender != "" && r.Sender != sender {
		return false
	}
	return true
}

// TextIn returns the rule's wording in lang (French when missing).
func (r *Rule) TextIn(lang string) Text {
	if t, ok := r.Text[lang]; ok {
		return t
	}
	return r.Text["fr"]
}

// Catalogue is the compiled rule catalogue.
type Catalogue struct {
	Rules []*Rule
	byID  map[string]*Rule
}

// Rule returns the rule with this ID, or nil.
func (c *Catalogue) Rule(id string) *Rule { return c.byID[id] }

var loadCatalogue = sync.OnceValues(func() (*Catalogue, error) { return parseCatalogue(ruleFiles) })

// LoadCatalogue returns the embedded catalogue, compiled once.
func LoadCatalogue() (*Catalogue, error) { return loadCatalogue() }

// boundary wraps a lexicon alternation between Unicode word boundaries (RE2's \b is
// ASCII-only).
const (
	wordBefore = `(?:^|[^\p{L}\p{N}_-])`
	wordAfter  = `(?:$|[^\p{L}\p{N}_])`
)

func parseCatalogue(fsys fs.FS) (*Catalogue, error) {
	names, err := fs.Glob(fsys, "rules/*.json")
	if err != nil {
		return nil, fmt.Errorf("check: rules: %w", err)
	}
	c := &Catalogue{byID: map[string]*Rule{}}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("check: %s: %w", name, err)
		}
		var rules []*Rule
		if err := json.Unmarshal(b, &rules); err != nil {
			return nil, fmt.Errorf("check: %s: %w", name, err)
		}
		for _, r := range rules {
			if err := r.compile(); err != nil {
				return nil, fmt.Errorf("check: %s: %s: %w", name, r.ID, err)
			}
			if c.byID[r.ID] != nil {
				return nil, fmt.Errorf("check: %s: rule %s defined twice", name, r.ID)
			}
			c.byID[r.ID] = r
			c.Rules = append(c.Rules, r)
		}
	}
	sort.Slice(c.Rules, func(i, j int) bool { return c.Rules[i].ID < c.Rules[j].ID })
	return c, nil
}

func (r *Rule) compile() error {
	var ok bool
	if r.base, ok = parseSev(r.Severity); !ok {
		return fmt.Errorf("bad severity %q", r.Severity)
	}
	r.stage = map[Stage]Severity{}
	for st, s := range r.ByStage {
		v, ok := parseSev(s)
		if !ok || !st.Valid() {
			return fmt.Errorf("bad by_stage %s: %q", st, s)
		}
		r.stage[st] = v
	}
	for _, l := range r.Langs {
		if _, ok := r.Text[l]; !ok {
			return fmt.Errorf("no %s text", l)
		}
	}
	if _, ok := r.Text["fr"]; !ok {
		return fmt.Errorf("no fr text")
	}
	if _, ok := r.Text["en"]; !ok {
		return fmt.Errorf("no en text")
	}
	r.pats = map[string][]compiled{}
	r.index = map[string]*lexIndex{}
	for lang, pats := range r.Lexicon {
		for _, p := range pats {
			sub, err := regexp.Compile(spaces(p.P))
			if err != nil {
				return fmt.Errorf("pattern %q: %w", p.P, err)
			}
			if sub.NumSubexp() > 0 {
				return fmt.Errorf("pattern %q: use (?:…), not capturing groups", p.P)
			}
			cp := compiled{Pattern: p, sev: r.base}
			if p.Sev != "" {
				if cp.sev, ok = parseSev(p.Sev); !ok {
					return fmt.Errorf("pattern %q: bad severity %q", p.P, p.Sev)
				}
			}
			if p.Unless != "" {
				if cp.unless, err = regexp.Compile("(?i)" + p.Unless); err != nil {
					return fmt.Errorf("pattern %q: unless: %w", p.P, err)
				}
			}
			alt := spaces(p.P)
			if !p.Case {
				alt = "(?i:" + alt + ")"
			}
			if !p.Raw {
				alt = wordBefore + "(" + alt + ")" + wordAfter
			} else {
				alt = "(" + alt + ")"
			}
			if cp.re, err = regexp.Compile(alt); err != nil {
				return fmt.Errorf("pattern %q: %w", p.P, err)
			}
			r.pats[lang] = append(r.pats[lang], cp)
		}
		ix, err := buildIndex(r.pats[lang])
		if err != nil {
			return fmt.Errorf("lexicon %s: %w", lang, err)
		}
		r.index[lang] = ix
	}
	return nil
}

// lexMatch is one lexicon hit: normalised rune span and the pattern that matched.
type lexMatch struct {
	start, end int
	pat        *compiled
}

// matches runs the rule's lexicon for lang over t.
func (r *Rule) matches(t *text, lang string) []lexMatch { return r.indexedMatches(t, lang) }

// spaces lets a space of a pattern match any run of white space (letters are often
// wrapped): " ?" becomes \s? and " " becomes \s+.
func spaces(p string) string {
	p = strings.ReplaceAll(p, " ?", `\s?`)
	return strings.ReplaceAll(p, " ", `\s+`)
}

func containsStr(v []string, s string) bool {
	for _, x := range v {
		if x == s {
			return true
		}
	}
	return false
}

func containsStage(v []Stage, s Stage) bool {
	for _, x := range v {
		if x == s {
			return true
		}
	}
	return false
}

func containsAud(v []Audience, s Audience) bool {
	for _, x := range v {
		if x == s {
			return true
		}
	}
	return false
}
