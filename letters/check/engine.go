package check

import (
	"sort"
	"strings"
	"unicode"

	"relance/ledger"
)

// Engine checks letters against the compiled catalogue. It holds no mutable state and
// is safe for concurrent use.
type Engine struct {
	cat *Catalogue
}

// New returns an engine on the embedded catalogue.
func New() (*Engine, error) {
	c, err := LoadCatalogue()
	if err != nil {
		return nil, err
	}
	return &Engine{cat: c}, nil
}

// Catalogue returns the engine's rules.
func (e *Engine) Catalogue() *Catalogue { return e.cat }

// MaxLetterBytes bounds what is given to the engine: a reminder letter or a formal notice
// is one or two pages (a few KB); 200 KB is some fifty pages, beyond which a file is not
// a letter and is refused (the command line) or not checked (the screens).
const MaxLetterBytes = 200 << 10

// Result is the outcome of a check.
type Result struct {
	Text     string      `json:"-"`
	Lang     string      `json:"lang"`
	Stage    Stage       `json:"stage"`
	Audience Audience    `json:"audience"`
	Date     ledger.Date `json:"date,omitempty"` // the letter date used
	// Findings are numbered in display order: spans in text order, then missing items.
	Findings []Finding `json:"findings"`
	Parts    []Part    `json:"sections"`
	Entities []Entity  `json:"-"`
	Scores   Scores    `json:"scores"`
	// SpellingOff and GrammarOff say that no speller or no grammar engine ran, so the
	// UI can show a visible note.
	SpellingOff  bool   `json:"spelling_off"`
	GrammarOff   bool   `json:"grammar_off"`
	GrammarError string `json:"grammar_error,omitempty"`
	// GrammarErr is why grammar was not checked (a *ledger.Problem to localise), nil when
	// it was or when no engine was given.
	GrammarErr error `json:"-"`
}

// Count returns the number of findings at or above a severity.
func (r *Result) Count(min Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity >= min {
			n++
		}
	}
	return n
}

// Has reports whether a finding of this rule is present.
func (r *Result) Has(rule string) bool {
	for _, f := range r.Findings {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// sentence is a sentence (or a line of the head) of the normalised text.
type sentence struct {
	start, end int
	sec        Section
}

// letter is the working state of one check.
type letter struct {
	e        *Engine
	t        *text
	opt      Options
	lang     string
	msgLang  string // language of the messages
	stage    Stage
	aud      Audience
	lines    []line
	sents    []sentence
	ents     []Entity // normalised spans
	date     ledger.Date
	findings []Finding
	only     map[string]bool
	off      map[string]bool
}

// Check checks a letter. It never fails: an unreadable input gives findings, and an
// external engine's failure is reported in the result (GrammarError) without stopping
// the rest.
func (e *Engine) Check(letterText string, opt Options) *Result {
	l := e.read(letterText, opt)
	for _, r := range e.cat.Rules {
		if !l.on(r.ID) {
			continue
		}
		switch r.Kind {
		case "lexicon":
			l.runLexicon(r)
		case "presence":
			l.runPresence(r)
		}
	}
	for _, c := range codeRules {
		c(l)
	}
	return l.result(letterText)
}

// read prepares a letter for the rules: language, stage and audience, its lines and their
// sections, its date, entities, tables and sentences.
func (e *Engine) read(letterText string, opt Options) *letter {
	l := &letter{e: e, opt: opt, t: normalize(letterText)}
	l.lang = opt.Lang
	if l.lang != "fr" && l.lang != "en" {
		l.lang = guessLang(l.t.s)
	}
	l.msgLang = opt.MessageLang
	if l.msgLang != "fr" && l.msgLang != "en" {
		l.msgLang = l.lang
	}
	l.stage = opt.Stage
	if !l.stage.Valid() {
		l.stage = StageR1
	}
	l.aud = opt.Audience
	if !l.aud.Valid() {
		l.aud = B2B
	}
	if l.opt.Sender == "" {
		l.opt.Sender = "creditor"
	}
	if l.opt.Country == "" {
		l.opt.Country = "FR"
		if l.lang == "en" && strings.ContainsRune(l.t.s, '£') {
			l.opt.Country = "GB"
		}
	}
	if len(opt.Only) > 0 {
		l.only = map[string]bool{}
		for _, id := range opt.Only {
			l.only[id] = true
		}
	}
	l.off = map[string]bool{}
	for _, id := range opt.Disabled {
		l.off[id] = true
	}
	l.lines = segment(l.t)
	markFurniture(l.lines)
	// the letter date: given, or read from the place/date line (parsed alone, so that
	// the whole letter is scanned once, with the letter's year for dates without one)
	l.date = opt.Date
	if !l.date.Valid() {
		for _, ln := range l.lines {
			if ln.sec != SecPlaceDate {
				continue
			}
			for _, e := range extract(normalize(ln.text), l.lang, 0) {
				if e.Kind == EntDate && e.Date.Valid() {
					l.date = e.Date
					break
				}
			}
			break
		}
	}
	year := 0
	if l.date.Valid() {
		year = l.date.Year()
	}
	l.ents = extract(l.t, l.lang, year)
	l.markTables()
	l.sents = splitSentences(l.t, l.lines)
	if l.stage == StageConf && l.date.Valid() {
		// in a confirmation, a future date in the body is the promised payment date
		for i := range l.ents {
			if e := &l.ents[i]; e.Kind == EntDate && e.Date > l.date && l.sectionAt(e.Start) == SecBody {
				e.Deadline = true
			}
		}
	}
	return l
}

// result runs the external engines, scores the letter and returns its findings, merged
// and sorted.
func (l *letter) result(letterText string) *Result {
	opt := l.opt
	res := &Result{Text: letterText, Lang: l.lang, Stage: l.stage, Audience: l.aud, Date: l.date}
	res.SpellingOff = opt.Speller == nil
	res.GrammarOff = opt.Grammar == nil || l.lang != "fr"
	if opt.Speller != nil && l.on("SPELL.WORD") {
		l.spell()
	}
	switch {
	case l.lang != "fr":
		// only French has a grammar engine: said, not attempted
		res.GrammarErr = &ledger.Problem{Key: "grammar.lang", Args: []string{"value", l.lang}}
		res.GrammarError = res.GrammarErr.Error()
	case opt.Grammar != nil && l.on("GRAM.ENGINE"):
		if err := l.grammar(); err != nil {
			res.GrammarOff = true
			res.GrammarErr, res.GrammarError = err, err.Error()
		}
	}
	res.Scores = l.scores()
	l.scoreFindings(res.Scores)
	res.Findings = l.merge()
	res.Parts = parts(l.t, l.lines)
	for _, en := range l.ents {
		en.Start, en.End = l.t.origSpan(en.Start, en.End)
		res.Entities = append(res.Entities, en)
	}
	return res
}

// on reports whether the rule runs for this check.
func (l *letter) on(id string) bool {
	if l.off[id] || l.only != nil && !l.only[id] {
		return false
	}
	r := l.e.cat.Rule(id)
	return r != nil && r.applies(l.lang, l.stage, l.aud, l.opt.Sender, l.opt.Country)
}

// guessLang picks French unless English function words clearly dominate.
func guessLang(s string) string {
	fr, en := 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "le", "la", "les", "de", "des", "du", "nous", "vous", "et", "est", "votre", "facture":
			fr++
		case "the", "of", "and", "we", "you", "is", "your", "invoice", "to", "please":
			en++
		}
	}
	if en > fr {
		return "en"
	}
	return "fr"
}

// sectionAt returns the section of the line holding normalised offset i.
func (l *letter) sectionAt(i int) Section {
	k := sort.Search(len(l.lines), func(k int) bool { return l.lines[k].end >= i })
	if k < len(l.lines) {
		return l.lines[k].sec
	}
	return ""
}

// lineAt returns the line holding normalised offset i.
func (l *letter) lineAt(i int) line {
	k := sort.Search(len(l.lines), func(k int) bool { return l.lines[k].end >= i })
	if k < len(l.lines) {
		return l.lines[k]
	}
	return line{}
}

// sentenceAt returns the sentence holding normalised offset i.
func (l *letter) sentenceAt(i int) sentence {
	for _, s := range l.sents {
		if i >= s.start && i < s.end {
			return s
		}
	}
	return sentence{start: i, end: i}
}

var defaultSections = map[Section]bool{SecSubject: true, SecBody: true, SecClosing: true, SecSalutation: true, SecReferences: true, SecEnclosures: true, SecPlaceDate: true}

func (l *letter) runLexicon(r *Rule) {
	secs := defaultSections
	if len(r.Sections) > 0 {
		secs = map[Section]bool{}
		for _, s := range r.Sections {
			secs[s] = true
		}
	}
	for _, m := range r.matches(l.t, l.lang) {
		if !secs[l.sectionAt(m.start)] {
			continue
		}
		if len(m.pat.Stages) > 0 && !containsStage(m.pat.Stages, l.stage) {
			continue
		}
		if m.pat.unless != nil {
			// the context is the sentence, or with After the rest of it from the
			// match on: « nos relances des 20 février et 5 mars » is dated, « le
			// 3 mars, malgré nos relances » is not
			s := l.sentenceAt(m.start)
			from := s.start
			if m.pat.After {
				from = m.start
			}
			if m.pat.unless.MatchString(l.t.slice(from, s.end)) {
				continue
			}
		}
		sev := r.SeverityAt(l.stage)
		if m.pat.Sev != "" {
			sev = m.pat.sev
		}
		var fix *string
		if m.pat.Fix != "" {
			f := matchCase(l.t.slice(m.start, m.end), m.pat.Fix)
			if m.pat.Fix == "-" {
				f = ""
			}
			fix = &f
		}
		l.hitSev(r.ID, m.start, m.end, sev, map[string]string{"match": l.t.slice(m.start, m.end)}, fix)
	}
}

// matchCase gives repl the capital of the text it replaces.
func matchCase(orig, repl string) string {
	or := []rune(orig)
	rr := []rune(repl)
	if len(or) == 0 || len(rr) == 0 {
		return repl
	}
	if unicode.IsUpper(or[0]) && !unicode.IsUpper(rr[0]) {
		rr[0] = unicode.ToUpper(rr[0])
	}
	return string(rr)
}

// hit records a finding of rule id on the normalised span [start, end), at the rule's
// stage severity.
func (l *letter) hit(id string, start, end int, params map[string]string, fix *string) {
	r := l.e.cat.Rule(id)
	if r == nil {
		return
	}
	l.hitSev(id, start, end, r.SeverityAt(l.stage), params, fix)
}

// hitSev records a finding with an explicit severity. fix, when set, replaces the span.
func (l *letter) hitSev(id string, start, end int, sev Severity, params map[string]string, fix *string) {
	r := l.e.cat.Rule(id)
	if r == nil || !l.on(id) {
		return
	}
	if _, ok := params["match"]; !ok {
		// {match} is always the span's own words, so a message quotes only what is written
		p := map[string]string{"match": strings.Join(strings.Fields(l.t.slice(start, end)), " ")}
		for k, v := range params {
			p[k] = v
		}
		params = p
	}
	tx := r.TextIn(l.msgLang)
	tx.Message = altMessage(tx, params)
	f := Finding{Rule: id, Category: r.Category(), Severity: sev, Base: r.base, Message: fill(tx.Message, params),
		Why: fill(tx.Why, params), Legal: r.Legal, Source: "rules"}
	f.Start, f.End = l.t.origSpan(start, end)
	f.Section = l.sectionAt(start)
	if fix != nil {
		f.Fix = &Fix{Start: f.Start, End: f.End, Text: *fix}
		if *fix != "" {
			f.Suggestions = append(f.Suggestions, *fix)
		}
	}
	if s := fill(tx.Suggestion, params); s != "" {
		f.Suggestions = append(f.Suggestions, s)
	}
	l.findings = append(l.findings, f)
}

// missing records an absent item, anchored to a section, with an insertion of the
// rule's model sentence when it has one.
func (l *letter) missing(id string, sec Section, params map[string]string) {
	r := l.e.cat.Rule(id)
	if r == nil || !l.on(id) {
		return
	}
	l.missingSev(id, sec, r.SeverityAt(l.stage), params)
}

func (l *letter) missingSev(id string, sec Section, sev Severity, params map[string]string) {
	r := l.e.cat.Rule(id)
	if r == nil || !l.on(id) {
		return
	}
	tx := r.TextIn(l.msgLang)
	tx.Message = altMessage(tx, params)
	// the model sentence goes into the letter: in the letter's language
	lt := r.TextIn(l.lang)
	tx.Model = lt.Model
	if m, ok := lt.Alt[params["_model"]]; ok && params["_model"] != "" {
		tx.Model = m
	}
	f := Finding{Rule: id, Category: r.Category(), Severity: sev, Base: r.base, Start: -1, End: -1, Section: sec,
		Message: fill(tx.Message, params), Why: fill(tx.Why, params), Legal: r.Legal, Source: "rules"}
	if s := fill(tx.Suggestion, params); s != "" {
		f.Suggestions = append(f.Suggestions, s)
	}
	if tx.Model != "" {
		model := fill(tx.Model, l.facts())
		at, text := l.insertion(sec, model)
		f.Fix = &Fix{Start: at, End: at, Text: text}
		f.Suggestions = append([]string{model}, f.Suggestions...)
	}
	l.findings = append(l.findings, f)
}

// altMessage picks the alternative message named by params["_msg"], if any.
func altMessage(tx Text, params map[string]string) string {
	if m, ok := tx.Alt[params["_msg"]]; ok && params["_msg"] != "" {
		return m
	}
	return tx.Message
}

// fill replaces {name} placeholders.
func fill(s string, params map[string]string) string {
	if len(params) == 0 || !strings.Contains(s, "{") {
		return s
	}
	for k, v := range params {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}

// joinSameFlaw joins the findings of one rule with the same message in one sentence
// into one finding spanning them: « indemnité forfaitaire », « 40 € » and « frais de
// recouvrement » claimed from a consumer are one flaw, reported once.
func (l *letter) joinSameFlaw(fs []Finding) []Finding {
	type key struct {
		rule, msg string
		sent      int
	}
	first := map[key]int{}
	out := fs[:0:0]
	for _, f := range fs {
		if f.Missing() {
			out = append(out, f)
			continue
		}
		k := key{f.Rule, f.Message, l.sentenceAt(f.Start).start}
		i, ok := first[k]
		if !ok {
			first[k] = len(out)
			out = append(out, f)
			continue
		}
		g := &out[i]
		g.Start, g.End = min(g.Start, f.Start), max(g.End, f.End)
		g.Fix = nil // the joined span has no single replacement
	}
	return out
}

// merge removes duplicates — the same rule on overlapping spans (joined), or two
// findings on exactly the same span about one flaw (a domain rule over an external
// engine; within a category, the most severe) — and keeps every other finding, even
// when spans overlap: a misspelt word inside a sentence flagged as too long is shown
// too. It orders the findings: spans in text order, then missing items in section
// order.
func (l *letter) merge() []Finding {
	fs := l.joinSameFlaw(l.findings)
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Missing() != fs[j].Missing() {
			return !fs[i].Missing()
		}
		if fs[i].Missing() {
			return sectionRank(fs[i].Section) < sectionRank(fs[j].Section)
		}
		if fs[i].Start != fs[j].Start {
			return fs[i].Start < fs[j].Start
		}
		return fs[i].End > fs[j].End
	})
	drop := make([]bool, len(fs))
	for i := range fs {
		if drop[i] {
			continue
		}
		for j := i + 1; j < len(fs); j++ {
			if drop[j] {
				continue
			}
			a, b := &fs[i], &fs[j]
			if a.Missing() || b.Missing() {
				if a.Missing() && b.Missing() && a.Rule == b.Rule {
					drop[j] = true
				}
				continue
			}
			if b.Start >= a.End {
				break
			}
			same := a.Start == b.Start && a.End == b.End
			switch {
			case a.Rule == b.Rule:
				if b.End > a.End {
					a.End = b.End
					if a.Fix != nil {
						a.Fix = nil // the union has no single replacement
					}
				}
				drop[j] = true
			// Two findings on exactly the same words about the same thing are one flaw:
			// the domain rule wins over an external engine, the most severe within a
			// category. Findings that merely overlap (a misspelt word inside a long
			// sentence) are different flaws: all are kept.
			case same && a.Source != "rules" && b.Source == "rules":
				drop[i] = true
			case same && b.Source != "rules" && a.Source == "rules":
				drop[j] = true
			case same && a.Category == b.Category:
				if b.Severity > a.Severity {
					drop[i] = true
				} else {
					drop[j] = true
				}
			}
			if drop[i] {
				break
			}
		}
	}
	out := make([]Finding, 0, len(fs))
	for i, f := range fs {
		if !drop[i] {
			if f.Suggestions == nil {
				f.Suggestions = []string{}
			}
			out = append(out, f)
		}
	}
	return out
}

var sectionOrder = []Section{SecHeader, SecRecipient, SecPlaceDate, SecReferences, SecSubject, SecSalutation, SecBody, SecTable, SecClosing, SecSignature, SecEnclosures}

func sectionRank(s Section) int {
	for i, x := range sectionOrder {
		if x == s {
			return i
		}
	}
	return len(sectionOrder)
}
