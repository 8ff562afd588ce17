package desk_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/cheque"
)

// A consumer's unpaid cheque is in the customer's data export; after the erasure its
// notes are nowhere in the dossier's bytes while the cheque, its amount and its steps
// are kept, and the erasure says so.
func TestChequeExportAndErasure(t *testing.T) {
	path := demoFile(t)
	s, err := desk.OpenWrite(path)
	if err != nil {
		t.Fatal(err)
	}
	var c ledger.Customer
	for _, a := range s.Book.Accounts {
		if a.Customer.Kind == ledger.Consumer {
			if x, err := s.ExportCustomer(a.Customer.ID, anchor); err == nil && len(x.Letters) == 0 {
				c = a.Customer
				break
			}
		}
	}
	if c.ID == "" {
		t.Fatal("no consumer without letters in the demo")
	}
	const secret = "Note-CHQ-QZ7 sa banque l'a interdit"
	ch := cheque.Cheque{Customer: c.ID, Number: "3141592", Bank: "La Banque Postale", Amount: 45000,
		Presented: anchor.AddDays(-40), Rejected: anchor.AddDays(-38), Reason: cheque.NoFunds, Notes: secret}
	if err := s.RecordCheque(&ch, anchor, "Claire"); err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	if _, err := s.RecordChequeStep(ch.ID, "certificat demandé", anchor.AddDays(-5).String(), "", anchor); err != nil {
		t.Fatal(err)
	}
	x, err := s.ExportCustomer(c.ID, anchor)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Cheques) != 1 || x.Cheques[0].Notes != secret || x.Cheques[0].CertRequested != anchor.AddDays(-5) {
		t.Errorf("export %+v", x.Cheques)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	e, err := desk.EraseCustomerFile(path, c.ID, anchor, "test", "fr")
	if err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	if e.Records.Cheques != 1 || !strings.Contains(strings.Join(e.Lines("fr"), "\n"), "Chèques impayés conservés") {
		t.Errorf("erasure %+v %q", e.Records, e.Lines("fr"))
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("Note-CHQ-QZ7")) {
		t.Error("the cheque's notes are still in the dossier's bytes")
	}
	s, err = desk.OpenWrite(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cs, err := s.DB.LoadCheques(c.ID)
	if err != nil || len(cs) != 1 || cs[0].Amount != 45000 || cs[0].CertRequested != anchor.AddDays(-5) || cs[0].Notes == secret {
		t.Errorf("kept %+v %v", cs, err)
	}
}
