package check

import "relance/letters/grammar"

// Grammalecte adapts the Grammalecte bridge (letters/grammar) to the Grammar interface:
//
//	g := grammar.New(grammar.Options{})
//	defer g.Close() // stops grammalecte-server
//	res := engine.Check(text, check.Options{Grammar: check.Grammalecte(g), …})
//
// Its errors are *ledger.Problem values (grammar.ErrUnavailable, grammar.ErrLang) that
// ledger.Localize renders in the user's language.
func Grammalecte(c *grammar.Checker) Grammar { return grammalecte{c} }

type grammalecte struct{ c *grammar.Checker }

func (g grammalecte) Check(lang, text string) ([]GrammarFinding, error) {
	fs, err := g.c.Check(lang, text)
	if err != nil {
		return nil, err
	}
	out := make([]GrammarFinding, len(fs))
	for i, f := range fs {
		out[i] = GrammarFinding(f)
	}
	return out, nil
}
