package check

import "testing"

// stubSpeller knows every word but one.
type stubSpeller struct{ bad string }

func (s stubSpeller) Correct(_, w string) bool     { return w != s.bad }
func (s stubSpeller) Suggest(_, _ string) []string { return []string{"facture"} }

// A misspelt word inside a sentence too long is reported with the long sentence, not
// dropped because their spans overlap (issue 21, point 1).
func TestOverlappingFindingsAreAllKept(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	long := "Madame, Monsieur,\n\nMalgré nos relances précédentes et nos nombreux échanges téléphoniques avec votre service comptable au cours des dernières semaines, nous constatons que la factur FA2026-00123 de 1 250,00 € échue le 15 octobre 2026 demeure impayée à ce jour sans aucune explication de votre part ni proposition de règlement.\n\nVeuillez agréer, Madame, Monsieur, nos salutations distinguées.\n\nLe service comptabilité\n"
	res := e.Check(long, Options{Lang: "fr", Stage: StageR1, Speller: stubSpeller{bad: "factur"}})
	var spell, length bool
	for _, f := range res.Findings {
		switch {
		case f.Source == "speller" && f.Start >= 0:
			spell = true
		case f.Rule == "STYLE.SENTENCE_LENGTH":
			length = true
		}
	}
	if !spell || !length {
		t.Errorf("spelling %v, sentence length %v: %+v", spell, length, res.Findings)
	}
}
