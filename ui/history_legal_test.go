package ui

import (
	"strings"
	"testing"

	"relance/ledger/dunning"
	"relance/ledger/law"
)

// The customer's history shows the acts of the limitation register and the judgments
// as dated lines in words (desk.CustomerRecords.LegalLines).
func TestHistoryShowsActsAndJudgments(t *testing.T) {
	a := openDemoApp(t, "fr")
	id := a.sums[0].ID
	ack := dunning.InterruptionRecord{Customer: id, Kind: law.Acknowledgement, Date: anchor.AddDays(-12), Proof: "LRAR 1A 99"}
	if err := a.sess.RecordInterruption(&ack, anchor, "Claire"); err != nil {
		t.Fatal(err)
	}
	dec := anchor.AddDays(-90)
	j := law.Judgment{Customer: id, Kind: law.JudgmentMerits, Decision: dec, Enforceable: dec.AddDays(20), Principal: 250000,
		Interest: law.InterestLegal, Court: "Tribunal de commerce de Lyon"}
	if err := a.sess.RecordJudgment(&j, anchor, "Claire"); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"Prescription : reconnaissance de dette (" + ack.ID + ", saisi par Claire) — preuve : LRAR 1A 99": a.date(ack.Date),
		"Décision " + j.ID + " : Jugement — Tribunal de commerce de Lyon":                                 a.date(dec),
		"Décision " + j.ID + " exécutoire : exécution forcée possible jusqu'au":                           a.date(dec.AddDays(20)),
	}
	for _, ev := range a.customerHistory(id) {
		for text, day := range want {
			if strings.HasPrefix(ev.Text, text) && a.date(ev.Date) == day {
				delete(want, text)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("history lacks %v", want)
	}
}
