package desk_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/privacy"
)

// legalRecords records, for consumer c of the open session, an acknowledgement of debt
// with a proof and a note, a judgment with a payment whose references name the person,
// and an insolvency procedure with a contract notice, each carrying the given secrets.
func legalRecords(t *testing.T, s *desk.Session, c ledger.Customer, secrets map[string]string) {
	t.Helper()
	dec := anchor.AddDays(-200)
	ack := dunning.InterruptionRecord{Customer: c.ID, Kind: law.Acknowledgement, Date: anchor.AddDays(-30),
		Proof: secrets["proof"], Note: secrets["note"]}
	if err := s.RecordInterruption(&ack, anchor, "Claire"); err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	j := law.Judgment{Customer: c.ID, Kind: law.JudgmentInjonction, Decision: dec, Enforceable: dec.AddDays(40),
		Principal: 123456, Interest: law.InterestLegal, Court: "Tribunal judiciaire de Lyon", Ref: "IP 26/77 " + c.Contacts[0].Email}
	if err := s.RecordJudgment(&j, anchor, "Claire"); err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	if _, err := s.AddJudgmentPayment(j.ID, anchor.AddDays(-10).String(), "100", "chèque "+c.Contacts[0].Phone, anchor); err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	p := law.Procedure{Customer: c.ID, Kind: law.Redressement, Judgment: dec, BODACC: dec.AddDays(10), Mandataire: "Me Martin",
		Note: secrets["proc_note"], By: "Claire"}
	if err := s.RecordProcedure(&p); err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	if err := s.Reload(); err != nil { // the session's list of procedures
		t.Fatal(err)
	}
	if _, err := s.RecordProcedureEvent(c.ID, p.ID, law.ProcEvent{Kind: law.EventContractNotice, Date: dec.AddDays(20),
		Subject: secrets["subject"], Recorded: anchor}); err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
}

// The export lists a consumer's register acts, judgments and procedure events; the
// history words them; after the erasure their free text — proof, note, subject, the
// person's e-mail and phone in a judgment's references — is nowhere in the dossier's
// bytes nor in its backups, while the acts, the decision and its sums are kept and the
// erasure says so with the rules.
func TestErasureOfLegalRecords(t *testing.T) {
	path := demoFile(t)
	s, err := desk.OpenWrite(path)
	if err != nil {
		t.Fatal(err)
	}
	var c ledger.Customer
	for _, a := range s.Book.Accounts {
		if a.Customer.Kind == ledger.Consumer && len(a.Customer.Contacts) > 0 && a.Customer.Contacts[0].Email != "" &&
			a.Customer.Contacts[0].Phone != "" && openInvoice(a, anchor.AddDays(-15)) != nil {
			if x, err := s.ExportCustomer(a.Customer.ID, anchor); err != nil || len(x.Letters) > 0 {
				continue // a letter sent keeps its name and address, by law
			}
			c = a.Customer
			break
		}
	}
	if c.ID == "" {
		t.Fatal("no consumer with an e-mail and a phone in the demo")
	}
	secrets := map[string]string{"proof": "LRAR-7Q3-PREUVE", "note": "Note-XK9 rappel du fils", "proc_note": "Note-PZ4 procédure",
		"subject": "Bail-WV8 garage", "call_note": "Appel-QM5 sa fille malade", "promise_note": "Promesse-JR2 après salaire",
		"plan_note": "Plan-TN6 chômage", "pay_ref": "CHQ-ZL8 7788", "reversal": "Rejet-HD3 compte clos",
		"dispute_comment": "Litige-VN7 colis ouvert", "dispute_note": "NoteL-KB4 son mari", "block_reason": "Bloc-FS2 huissier",
		"block_comment": "Bloc-YT9 déménage", "lift_conditions": "Levee-GC5 héritage"}
	legalRecords(t, s, c, secrets)
	historyRecords(t, s, c, secrets)
	disputeRecords(t, s, c, secrets)

	x, err := s.ExportCustomer(c.ID, anchor)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Interruptions) != 1 || x.Interruptions[0].Proof != secrets["proof"] || x.Interruptions[0].Status != dunning.RegCounted ||
		len(x.Judgments) != 1 || len(x.Judgments[0].Payments) != 1 ||
		len(x.Procedures) != 1 || len(x.Procedures[0].Events) != 1 || x.Procedures[0].Events[0].Subject != secrets["subject"] {
		t.Errorf("export: acts %+v, judgments %+v, procedures %+v", x.Interruptions, x.Judgments, x.Procedures)
	}
	rec, err := s.CustomerRecords(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var hist []string
	for _, l := range rec.LegalLines("fr", "EUR") {
		hist = append(hist, l.Date.French()+" "+l.Text)
	}
	all := strings.Join(hist, "\n")
	for _, want := range []string{
		anchor.AddDays(-30).French() + " Prescription : reconnaissance de dette (IP",
		"preuve : LRAR-7Q3-PREUVE — Note-XK9",
		anchor.AddDays(-200).French() + " Décision JG2026-0001 : Ordonnance d'injonction de payer revêtue de la formule exécutoire — Tribunal judiciaire de Lyon — n° IP 26/77",
		ledger.Cents(123456).Format("fr", "EUR") + " en principal",
		"exécution forcée possible jusqu'au " + anchor.AddDays(-160).AddMonths(120).French(),
		anchor.AddDays(-10).French() + " Paiement de " + ledger.Cents(10000).Format("fr", "EUR") + " reçu sur la décision JG2026-0001",
		anchor.AddDays(-180).French() + " Procédure J2026-0002 : Mise en demeure sur un contrat en cours reçue — Bail-WV8 garage",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("history lacks %q:\n%s", want, all)
		}
	}
	if en := rec.LegalLines("en", "EUR"); len(en) != len(hist) || !strings.Contains(en[0].Text, "Limitation: acknowledgement of debt") {
		t.Errorf("English history %+v", en)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	e, err := desk.EraseCustomerFile(path, c.ID, anchor, "test", "fr")
	if err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	lines := strings.Join(e.Lines("fr"), "\n")
	for _, want := range []string{"l'acte du registre de prescription", "C. civ. 2224, 2238, 2240 à 2244", "la décision de justice",
		"CPCE L111-4", "la procédure collective", "C. com. L622-24", "l'historique du recouvrement", "C. civ. 2240",
		"les litiges et les blocages de livraison", "C. civ. 1219 et 1220"} {
		if !strings.Contains(lines, want) {
			t.Errorf("erasure lacks %q:\n%s", want, lines)
		}
	}
	gone := []string{c.Contacts[0].Email, c.Contacts[0].Phone}
	for _, v := range secrets {
		gone = append(gone, v)
	}
	files, _ := filepath.Glob(filepath.Join(path+".backups", "*.db"))
	for _, f := range append(files, path) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, secret := range gone {
			if strings.Contains(string(raw), secret) {
				t.Errorf("%s still holds %q", filepath.Base(f), secret)
			}
		}
	}

	r, err := desk.OpenRead(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	x, err = r.ExportCustomer(c.ID, anchor)
	if err != nil {
		t.Fatal(err)
	}
	mark := "[effacé (RGPD art. 17)]"
	if len(x.Interruptions) != 1 || x.Interruptions[0].Proof != mark || x.Interruptions[0].Note != mark ||
		x.Interruptions[0].Date != anchor.AddDays(-30) || x.Interruptions[0].Kind != law.Acknowledgement {
		t.Errorf("act after erasure %+v", x.Interruptions)
	}
	if len(x.Judgments) != 1 || x.Judgments[0].Principal != 123456 || x.Judgments[0].Payments[0].Amount != 10000 ||
		!strings.HasPrefix(x.Judgments[0].Ref, "IP 26/77 Client effacé") || x.Judgments[0].Court != "Tribunal judiciaire de Lyon" {
		t.Errorf("judgment after erasure %+v", x.Judgments)
	}
	if len(x.Procedures) != 1 || x.Procedures[0].Note != mark || x.Procedures[0].Events[0].Subject != mark {
		t.Errorf("procedure after erasure %+v", x.Procedures)
	}
	checkHistoryErased(t, x, secrets, mark)
	checkDisputesErased(t, x, mark)
	rec, err = r.CustomerRecords(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if l := rec.LegalLines("fr", "EUR")[0].Text; !strings.HasPrefix(l, "Prescription : reconnaissance de dette") || strings.Count(l, mark) != 1 {
		t.Errorf("erased act in the history: %q", l)
	}
	many := (&desk.Erasure{Customer: c.ID, Records: privacy.Kept{Interruptions: 2, Judgments: 3}}).Lines("fr")
	if all := strings.Join(many, "\n"); !strings.Contains(all, "les 2 actes du registre") || !strings.Contains(all, "les 3 décisions de justice") ||
		strings.Contains(all, "procédure") {
		t.Errorf("erasure of several records says %q", all)
	}
}
