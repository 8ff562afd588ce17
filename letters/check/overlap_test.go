package check

import (
	"strings"
	"testing"
)

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

// A deadline broken across a line is still a deadline; an invoice of exactly 100,00 €
// or £100.00 is an amount claimed, not the recovery indemnity (issue 21, point 2);
// €40 beside « indemnité forfaitaire » alone is still no amount claimed.
func TestEntitiesAcrossLinesAndRoundAmounts(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	has := func(text, rule string) bool {
		for _, f := range e.Check(text, Options{Stage: StageR1}).Findings {
			if f.Rule == rule {
				return true
			}
		}
		return false
	}
	cases := []struct {
		text, rule string
		want       bool
	}{
		{"Madame,\n\nMerci de régler la facture FA1 de 1 250,00 € au plus\ntard le 12 décembre 2026.\n\nJ. Martin\n", "CLAR.DEADLINE_PRECISE", false},
		{"Madame,\n\nMerci de régler la facture FA1 de 100,00 € au plus tard le 12 décembre 2026.\n\nJ. Martin\n", "CLAR.AMOUNT", false},
		{"Dear Sir,\n\nPlease pay invoice INV1 of £100.00 by 12 December 2026.\n\nJ. Martin\n", "CLAR.AMOUNT", false},
		{"Madame,\n\nMerci de régler l'indemnité forfaitaire de 40,00 € au plus tard le 12 décembre 2026.\n\nJ. Martin\n", "CLAR.AMOUNT", true},
	}
	for _, c := range cases {
		if got := has(c.text, c.rule); got != c.want {
			t.Errorf("%s on %q: %v, want %v", c.rule, c.text, got, c.want)
		}
	}
}

// A signature of initials and a surname is a named signatory; an anonymous one is
// quoted as written, not as a stock phrase (issue 21, point 3).
func TestSignatureQuotesTheLetter(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	body := "Madame,\n\nMerci de régler la facture FA1 de 1 250,00 € au plus tard le 12 décembre 2026.\n\nVeuillez agréer, Madame, nos salutations distinguées.\n\n"
	for sig, want := range map[string]string{
		"J. Martin, Responsable du recouvrement": "",
		"J.-P. Martin, Comptable":                "",
		"La direction":                           "« La direction »",
	} {
		var got string
		for _, f := range e.Check(body+sig+"\n", Options{Lang: "fr", Stage: StageR1}).Findings {
			if f.Rule == "STRUCT.SIGNATURE" {
				got = f.Message
			}
		}
		if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("%q: %q, want %q", sig, got, want)
		}
		if strings.Contains(got, "service comptabilité") {
			t.Errorf("%q: the message quotes words not in the letter: %q", sig, got)
		}
	}
}

// Excuses soften a letter and are never judged harsh; a firm letter is never « too
// soft » for being courteous as well (issue 21, point 3).
func TestToneGaugeExcusesAndCourtesy(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	balance := func(text string, st Stage) string {
		for _, f := range e.Check(text, Options{Lang: "fr", Stage: st}).Findings {
			if f.Rule == "TONE.BALANCE" {
				return f.Message
			}
		}
		return ""
	}
	sorry := "Madame,\n\nNous sommes désolés de vous relancer et nous nous excusons de ce rappel. Sauf erreur de notre part, la facture FA1 de 1 250,00 € reste impayée. Nous vous remercions de bien vouloir la régler au plus tard le 12 décembre 2026.\n\nVeuillez agréer, Madame, nos salutations distinguées.\n\nJeanne Martin, Responsable du recouvrement\n"
	if m := balance(sorry, StageR1); strings.Contains(m, "dur") {
		t.Errorf("an apologetic letter judged harsh: %q", m)
	}
	firm := "Madame,\n\nMalgré nos relances, la facture FA1 de 1 250,00 € reste impayée. Nous vous demandons de la régler au plus tard le 12 décembre 2026. À défaut, des pénalités de retard (L441-10) et l'indemnité forfaitaire de 40 € seront exigibles et nous transmettrons le dossier au contentieux. Nous vous remercions de votre compréhension ; sauf erreur de notre part, merci de nous contacter si un règlement est en cours, un échéancier reste possible.\n\nVeuillez agréer, Madame, nos salutations distinguées.\n\nJeanne Martin, Responsable du recouvrement\n"
	if m := balance(firm, StageR3); strings.Contains(m, "mou") {
		t.Errorf("a firm and courteous third reminder judged soft: %q", m)
	}
}

// A company name under a department is not a signatory; threatening to make a debt
// public is an unlawful threat (issue 21, point 4).
func TestSignatoryAndPublicity(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	rules := func(text, lang string) map[string]bool {
		m := map[string]bool{}
		for _, f := range e.Check(text, Options{Lang: lang, Stage: StageR2}).Findings {
			m[f.Rule] = true
		}
		return m
	}
	en := "Dear Sir,\n\nInvoice INV1 of £1,250.00 remains unpaid. Please pay it by 12 December 2026.\n\nYours faithfully,\n\nThe Accounts Team\nAcme Ltd\n"
	if !rules(en, "en")["STRUCT.SIGNATURE"] {
		t.Error("« The Accounts Team / Acme Ltd » accepted as a named signatory")
	}
	fr := "Madame,\n\nLa facture FA1 de 1 250,00 € reste impayée. À défaut de règlement au plus tard le 12 décembre 2026, nous informerons la presse locale de votre situation.\n\nVeuillez agréer, Madame, nos salutations distinguées.\n\nJeanne Martin, Responsable du recouvrement\n"
	if !rules(fr, "fr")["LEGAL.UNLAWFUL_THREAT"] {
		t.Error("a threat to make the debt public is not flagged")
	}
}

// One flaw named by several words of one sentence is reported once (issue 21, point 3:
// the €40 claimed from a consumer was reported three times).
func TestOneFlawReportedOnce(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	txt := "Madame,\n\nLa facture FA1 de 1 250,00 € reste impayée. Merci de la régler au plus tard le 12 décembre 2026. À défaut, l'indemnité forfaitaire de 40 € pour frais de recouvrement sera due.\n\nVeuillez agréer, Madame, nos salutations distinguées.\n\nJeanne Martin, Responsable du recouvrement\n"
	n := 0
	for _, f := range e.Check(txt, Options{Lang: "fr", Stage: StageR2, Audience: B2C}).Findings {
		if f.Rule == "LEGAL.MISSTATED" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the €40 claimed from a consumer reported %d times, want once", n)
	}
}

// A company number in the letterhead is not the invoice the fix cites; a British heading
// without « Re: » is the subject line; a familiar salutation is quoted as written.
func TestLetterReaderMessages(t *testing.T) {
	e := engine(t)
	letter := "Oakfield Landscapes Ltd\nThe Old Dairy, Salhouse Road\nNorwich NR7 9AQ\nRegistered in England and Wales No. 08835106\n\n" +
		"Mr Simon Hargreaves\n14 Unthank Road\nNorwich NR2 2PA\n\n1 December 2026\n\nFinal reminder – invoice OL-2026-0772\n\nHi Simon,\n\n" +
		"We write about the sum of £5,460.00 which you owe us. Please pay by 15 December 2026.\n\nYours sincerely,\n\nAnna Price\nCredit Controller\n"
	res := e.Check(letter, Options{Lang: "en", Stage: StageR2, MessageLang: "fr"})
	for _, f := range res.Findings {
		for _, s := range append([]string{f.Message}, f.Suggestions...) {
			if strings.Contains(s, "08835106") {
				t.Errorf("%s cites the company number as an invoice: %s", f.Rule, s)
			}
		}
		if f.Rule == "CLAR.OBJECT_LINE" {
			t.Errorf("the heading is a subject line: %s", f.Message)
		}
		if f.Rule == "STRUCT.APPELLATION" && !strings.Contains(f.Message, "Hi Simon") {
			t.Errorf("the familiar salutation is not quoted as written: %s", f.Message)
		}
	}
	if !hasRule(res, "STRUCT.APPELLATION") {
		t.Error("« Hi Simon » not flagged")
	}
}

func hasRule(res *Result, id string) bool {
	for _, f := range res.Findings {
		if f.Rule == id {
			return true
		}
	}
	return false
}
