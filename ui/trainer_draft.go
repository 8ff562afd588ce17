package ui

import (
	"relance/ledger"
	lettercheck "relance/letters/check"
)

// correctDraft carries a letter drafted in the Courriers editor into the Correction
// screen: the text pre-filled and checked, with the letter's stage (when the checker
// knows it), language and the customer's kind as the audience.
func (sv *trainerView) correctDraft(text, stage, lang string, acc *ledger.Account) {
	a := sv.a
	if err := sv.initTrainer(); err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	s := sv
	s.text, s.original, s.sample = text, text, -1
	if st, ok := lettercheck.ParseStage(stage); ok {
		s.stage = st
	}
	if lang == "fr" || lang == "en" {
		s.lang = lang
	}
	if acc != nil {
		s.audience = lettercheck.AudienceOf(acc.Customer.Kind)
	}
	s.training, s.revealed, s.marks, s.score, s.tab = false, false, nil, nil, 0
	s.check()
	a.trace("open", "screen", "correction", "from", "letter_editor", "findings", itoaUI(len(s.result.Findings)),
		"errors", itoaUI(s.result.Count(lettercheck.Error)), "grammar_off", s.result.GrammarOff)
	a.showScreen(screenCorrection)
}
