package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/letters"
	"relance/letters/check"
	"relance/letters/checkpdf"
	"relance/letters/grammar"
	"relance/letters/pdfdoc"
	"relance/letters/spell"
)

// checkEngines starts the spelling (libhunspell, letters/spell) and grammar (a local
// Grammalecte server, letters/grammar) back-ends of `relance check-letter`. One that
// cannot start is off (nil): the output says so, and why on stderr. The returned
// function releases them (it stops the grammar server).
func (env *Env) checkEngines(spelling, gram bool) (check.Speller, check.Grammar, func()) {
	var sp check.Speller
	if !spelling {
		// off on request
	} else if c, err := spell.New(spell.Options{}); err == nil {
		sp = c
	} else {
		fmt.Fprintln(env.Stderr, ledger.Localize(err, env.Lang))
	}
	if !gram {
		return sp, nil, func() {}
	}
	if err := grammar.Available(grammar.Options{}); err != nil {
		fmt.Fprintln(env.Stderr, ledger.Localize(err, env.Lang))
		return sp, nil, func() {}
	}
	g := grammar.New(grammar.Options{})
	return sp, check.Grammalecte(g), func() { _ = g.Close() } // the check is done; stopping the server cannot change it
}

// findingJSON is one finding of `relance check-letter --format json`: start and end
// are rune offsets of the letter, null for a missing item.
type findingJSON struct {
	Number      int      `json:"number"`
	Rule        string   `json:"rule"`
	Category    string   `json:"category"`
	Severity    string   `json:"severity"`
	Start       *int     `json:"start,omitempty"` // left out for what the letter lacks
	End         *int     `json:"end,omitempty"`
	Section     string   `json:"section,omitempty"`
	Text        string   `json:"text,omitempty"`
	Message     string   `json:"message"`
	Why         string   `json:"why"`
	Legal       string   `json:"legal,omitempty"`
	Suggestions []string `json:"suggestions"`
	Fix         *string  `json:"fix,omitempty"`
}

func runCheckLetter(env *Env, args []string) error {
	fs := env.flags("check-letter")
	stage := fs.String("stage", "r1", "pre|r1|r2|r3|med|conf")
	aud := fs.String("audience", "", "b2b|b2c|public (default: the customer's kind, else b2b)")
	lang := fs.String("lang", "", "fr|en (default: the customer's language, else guessed)")
	date := fs.String("date", "", "letter date YYYY-MM-DD (default: the date written in the letter)")
	dbPath := fs.String("db", "", "dossier, to cross-check amounts and invoices with --customer")
	cust := fs.String("customer", "", "customer ID")
	format := fs.String("format", "text", "text|json")
	sender := fs.String("sender", "creditor", "creditor|agency")
	noSpell := fs.Bool("no-spelling", false, "do not check spelling (libhunspell)")
	noGrammar := fs.Bool("no-grammar", false, "do not run the grammar checker (Grammalecte)")
	report := fs.String("report", "", "also write the correction report PDF (letter with markers, findings, corrected letter)")
	// FILE may come before or after the flags
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	if err := env.parse(fs, args, true); err != nil {
		return err
	}
	if file == "" && fs.NArg() > 0 {
		file = fs.Arg(0)
	}
	if file == "" {
		return &usageError{msg: i18n.T(env.Lang, "check.cli.nofile")}
	}
	if err := env.format(*format, "text", "json"); err != nil {
		return err
	}
	opt := check.Options{Sender: *sender, MessageLang: env.Lang}
	st, ok := check.ParseStage(*stage)
	if !ok {
		return &usageError{msg: i18n.T(env.Lang, "check.cli.badstage", "value", *stage, "allowed", "pre, r1, r2, r3, med, conf")}
	}
	opt.Stage = st
	if *aud != "" {
		opt.Audience = check.Audience(strings.ToLower(*aud))
		if !opt.Audience.Valid() {
			return &usageError{msg: i18n.T(env.Lang, "check.cli.badaudience", "value", *aud, "allowed", "b2b, b2c, public")}
		}
	}
	if *lang != "" {
		if *lang != "fr" && *lang != "en" {
			return &usageError{msg: i18n.T(env.Lang, "check.cli.badlang", "value", *lang)}
		}
		opt.Lang = *lang
	}
	d, err := env.date("date", *date, ledger.NoDate)
	if err != nil {
		return err
	}
	opt.Date = d
	if st, err := os.Stat(file); err == nil && st.Size() > check.MaxLetterBytes {
		return &ledger.Problem{Key: "check.err.toolong", Args: []string{"file", file,
			"size", strconv.FormatInt(st.Size()>>10, 10), "max", strconv.Itoa(check.MaxLetterBytes >> 10)}}
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return &ledger.Problem{Key: "check.err.read", Args: []string{"file", file}, Err: err}
	}
	if !utf8.Valid(b) {
		return &ledger.Problem{Key: "check.err.notext", Args: []string{"file", file}}
	}
	text := strings.TrimPrefix(string(b), "\ufeff")
	if strings.TrimSpace(text) == "" {
		return &ledger.Problem{Key: "check.err.empty", Args: []string{"file", file}}
	}
	if *cust != "" {
		if *dbPath == "" {
			return &usageError{msg: i18n.T(env.Lang, "check.err.customerdb")}
		}
		ss, err := desk.OpenRead(*dbPath)
		if err != nil {
			return err
		}
		book := ss.Book
		if err := ss.Close(); err != nil {
			return err
		}
		a, err := account(book, *cust)
		if err != nil {
			return err
		}
		opt.ForCustomer(a)
	}
	e, err := check.New()
	if err != nil {
		return err
	}
	sp, gr, release := env.checkEngines(!*noSpell, !*noGrammar)
	defer release()
	opt.Speller, opt.Grammar = sp, gr
	res := e.Check(text, opt)
	if *format == "json" {
		err = writeCheckJSON(env, res, text)
	} else {
		writeCheckText(env, res, text)
	}
	if err != nil {
		return err
	}
	if *report != "" {
		err := letters.WriteFile(*report, func(w io.Writer) error {
			return checkpdf.Render(w, checkpdf.Report{Lang: env.Lang, Result: res, Original: text, Created: time.Now()})
		})
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stderr, i18n.T(env.Lang, "check.cli.report", "file", *report))
	}
	if n := res.Count(check.Error); n > 0 {
		return &ledger.Problem{Key: "check.cli.failed", Args: []string{"n", fmt.Sprint(n)}}
	}
	return nil
}

func writeCheckJSON(env *Env, res *check.Result, text string) error {
	rs := []rune(text)
	out := struct {
		Lang         string        `json:"lang"`
		Stage        string        `json:"stage"`
		Audience     string        `json:"audience"`
		Date         string        `json:"date,omitempty"`
		SpellingOff  bool          `json:"spelling_off"`
		GrammarOff   bool          `json:"grammar_off"`
		GrammarError string        `json:"grammar_error,omitempty"`
		Findings     []findingJSON `json:"findings"`
		Scores       scoresJSON    `json:"scores"`
		Sections     []check.Part  `json:"sections"`
	}{Lang: res.Lang, Stage: string(res.Stage), Audience: string(res.Audience), SpellingOff: res.SpellingOff,
		GrammarOff: res.GrammarOff, GrammarError: res.GrammarError, Findings: []findingJSON{}, Scores: scoresOf(res.Scores), Sections: res.Parts}
	if res.Date.Valid() {
		out.Date = res.Date.String()
	}
	for i, f := range res.Findings {
		j := findingJSON{Number: i + 1, Rule: f.Rule, Category: string(f.Category), Severity: f.Severity.String(), Section: string(f.Section),
			Message: f.Message, Why: f.Why, Legal: f.Legal, Suggestions: f.Suggestions}
		if !f.Missing() {
			s, e := f.Start, f.End
			j.Start, j.End = &s, &e
			j.Text = string(rs[s:e])
		}
		if f.Fix != nil {
			fx := f.Fix.Text
			j.Fix = &fx
		}
		out.Findings = append(out.Findings, j)
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func writeCheckText(env *Env, res *check.Result, text string) {
	l := env.Lang
	w := env.Stdout
	rs := []rune(text)
	date := i18n.T(l, "check.nodate")
	if res.Date.Valid() {
		date = pdfdoc.FormatLongDate(l, res.Date)
	}
	fmt.Fprintln(w, i18n.T(l, "check.context", "stage", check.StageLabel(l, res.Stage), "audience", check.AudienceLabel(l, res.Audience),
		"lang", i18n.T(l, "check.langname."+res.Lang), "date", date))
	if res.SpellingOff {
		fmt.Fprintln(w, i18n.T(l, "check.note.spelling_off"))
	}
	if n := check.GrammarNote(l, res); n != "" {
		fmt.Fprintln(w, n)
	}
	fmt.Fprintln(w)
	for i, f := range res.Findings {
		where := i18n.T(l, "check.missing") + " — " + check.SectionLabel(l, f.Section)
		if !f.Missing() {
			where = fmt.Sprintf("%d–%d « %s »", f.Start, f.End, oneLine(string(rs[f.Start:f.End]), 60))
		}
		fmt.Fprintf(w, "%2d. [%s] %s · %s · %s\n    %s\n", i+1, check.SeverityLabel(l, f.Severity), f.Rule, check.CategoryLabel(l, f.Category), where, f.Message)
		why := f.Why
		if f.Legal != "" {
			why += " (" + f.Legal + ")"
		}
		fmt.Fprintf(w, "    %s %s\n", i18n.T(l, "check.why"), why)
		for _, s := range f.Suggestions {
			fmt.Fprintf(w, "    → %s\n", oneLine(s, 200))
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, i18n.T(l, "check.summary", "total", fmt.Sprint(len(res.Findings)), "blocking", fmt.Sprint(res.Count(check.Blocking)),
		"error", fmt.Sprint(res.Count(check.Error)-res.Count(check.Blocking)), "warning", fmt.Sprint(res.Count(check.Warning)-res.Count(check.Error)),
		"advice", fmt.Sprint(len(res.Findings)-res.Count(check.Warning))))
	for _, s := range check.ScoreLines(l, res.Scores) {
		fmt.Fprintln(w, s)
	}
}

func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		return string(r[:max-1]) + "…"
	}
	return s
}
