package privacy

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/store"
)

// The erasure of a consumer keeps its register acts, judgments and procedures with
// their kinds, dates and amounts, replaces the free text of the acts and procedures by
// a mark, and takes the person's name and contacts out of the judgments' texts; the
// retention list says so with the rules.
func TestEraseLegalRecords(t *testing.T) {
	today := ledger.NewDate(2026, time.November, 23)
	book := demo.Book(today)
	var c *ledger.Customer
	for _, a := range book.Accounts {
		if a.Customer.Kind == ledger.Consumer && len(a.Customer.Contacts) > 0 && a.Customer.Contacts[0].Phone != "" {
			c = &a.Customer
			break
		}
	}
	if c == nil {
		t.Fatal("no consumer with a phone in the demo")
	}
	db, err := store.Create(filepath.Join(t.TempDir(), "d.db"), book.Settings)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dec := ledger.NewDate(2026, time.March, 10)
	ack := dunning.InterruptionRecord{Customer: c.ID, Kind: law.Acknowledgement, Date: dec.AddDays(5),
		Proof: "lettre de " + c.Name, Note: "appel au " + c.Contacts[0].Phone, By: "Claire"}
	wd := dunning.InterruptionRecord{Customer: c.ID, Kind: law.PartPayment, Date: dec.AddDays(6), By: "Claire"}
	j := law.Judgment{Customer: c.ID, Kind: law.JudgmentInjonction, Decision: dec, Enforceable: dec.AddDays(45),
		Principal: 123400, Interest: law.InterestLegal, Court: "Tribunal judiciaire de Lyon", Ref: "IP 26/77 " + c.Name,
		Payments: []law.JudgmentPayment{{Date: dec.AddDays(60), Amount: 10000, Ref: "chèque " + c.Contacts[0].Name}}}
	p := law.Procedure{Customer: c.ID, Kind: law.Redressement, Judgment: dec, BODACC: dec.AddDays(10), Mandataire: "Me Martin",
		Note:   "adresse " + strings.Join(c.Address.Lines, " "),
		Events: []law.ProcEvent{{Kind: law.EventContractNotice, Date: dec.AddDays(30), Subject: "contrat de " + c.Name}}}
	err = db.Update(func(tx *store.Tx) error {
		if err := tx.PutCustomer(c); err != nil {
			return err
		}
		if err := tx.PutItems(c.ID, book.Account(c.ID).Items); err != nil {
			return err
		}
		if err := tx.PutProcedure(&p); err != nil {
			return err
		}
		for _, r := range []*dunning.InterruptionRecord{&ack, &wd} {
			if err := tx.AddInterruption(r, today); err != nil {
				return err
			}
		}
		withdraw := dunning.InterruptionRecord{Customer: c.ID, Kind: wd.Kind, Date: wd.Date, Replaces: wd.ID, Withdrawn: true,
			Note: "saisi pour " + c.Name + " par erreur", By: "Claire"}
		if err := tx.AddInterruption(&withdraw, today); err != nil {
			return err
		}
		return tx.PutJudgment(&j)
	})
	if err != nil {
		t.Fatal(err)
	}

	var kept Kept
	err = db.Update(func(tx *store.Tx) error {
		var err error
		kept, err = EraseCustomerKept(tx, c.ID, today, "Claire", "fr")
		return err
	})
	if err != nil || kept != (Kept{Interruptions: 3, Judgments: 1, Procedures: 1}) {
		t.Fatalf("erase: %v %+v", err, kept)
	}
	mark := "[effacé (RGPD art. 17)]"
	err = db.View(func(tx *store.Tx) error {
		rs, _ := tx.Interruptions(c.ID)
		js, _ := tx.Judgments(c.ID)
		ps, _ := tx.ProceduresOf(c.ID)
		if len(rs) != 3 || rs[0].Proof != mark || rs[0].Note != mark || rs[0].Date != ack.Date || rs[0].Kind != ack.Kind {
			t.Errorf("act %+v", rs)
		}
		if len(rs) == 3 && (rs[1].Proof != "" || rs[1].Note != "" || rs[2].Note != mark || !rs[2].Withdrawn || rs[2].Replaces != wd.ID) {
			t.Errorf("an empty text is not marked, a withdrawal keeps its link: %+v", rs[1:])
		}
		erased := "Client effacé " + c.ID
		if len(js) != 1 || js[0].Ref != "IP 26/77 "+erased || js[0].Court != j.Court || js[0].Payments[0].Ref != "chèque "+erased ||
			js[0].Principal != j.Principal || js[0].Payments[0].Amount != 10000 || js[0].Enforceable != j.Enforceable {
			t.Errorf("judgment %+v", js)
		}
		if len(ps) != 1 || ps[0].Note != mark || ps[0].Events[0].Subject != mark || ps[0].Events[0].Kind != law.EventContractNotice ||
			ps[0].Mandataire != "Me Martin" {
			t.Errorf("procedure %+v", ps)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rules := ""
	for _, r := range Retentions() {
		rules += r.Rule + " / " + r.What + "\n"
	}
	for _, want := range []string{"CPCE L111-4", "C. civ. 2224, 2238, 2240 to 2244", "C. com. L622-24", "proof and note are erased"} {
		if !strings.Contains(rules, want) {
			t.Errorf("retention lacks %q:\n%s", want, rules)
		}
	}
}

// The scrubber replaces the name, contacts and address lines, and leaves short texts
// alone.
func TestScrubber(t *testing.T) {
	c := &ledger.Customer{Name: "Jean Li", Contacts: []ledger.Contact{{Name: "Li", Email: "jl@example.org", Phone: "06 12"}},
		Address: ledger.Address{Lines: []string{"3 rue des Lilas"}}}
	got := Scrubber(c, "X")("Jean Li, jl@example.org, 06 12, 3 rue des Lilas, Lille")
	if got != "X, X, X, X, Lille" {
		t.Errorf("%q", got)
	}
}
