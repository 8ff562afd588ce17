package ui

import (
	"strings"
	"testing"

	"relance/ledger"
)

// The customer's record is edited from its card: a bad e-mail is refused with its
// message and writes nothing; a good record is saved, reloaded and shown on the card.
func TestEditCustomerRecord(t *testing.T) {
	a := openDemoApp(t, "fr")
	id := a.sums[0].ID
	a.showCustomer(id)
	if b := button(t, a.win, a.t("ui.cust.edit")); b.Disabled() {
		t.Fatal("the edit button is disabled on a writable dossier")
	}
	rev, _ := a.db.Revision()
	f := a.newCustomerForm(a.book.Account(id).Customer)
	f.email.SetText("pas un mail")
	if err := a.saveCustomerForm(id, f); err == nil {
		t.Fatal("a bad e-mail was accepted")
	}
	if r, _ := a.db.Revision(); r != rev {
		t.Error("a refused record changed the dossier")
	}
	f.email.SetText("compta@exemple.fr")
	f.address.SetText("12 rue des Lilas, 69003 Lyon")
	if err := waitLoaded(t, a, func() {
		if err := a.saveCustomerForm(id, f); err != nil {
			t.Fatal(err)
		}
	}); err != nil {
		t.Fatal(err)
	}
	c := a.book.Account(id).Customer
	if len(c.Contacts) == 0 || c.Contacts[0].Email != "compta@exemple.fr" || c.Address.Postcode != "69003" {
		t.Errorf("record after saving: %+v", c)
	}
	a.showCustomer(id)
	if !hasText(a.win, "compta@exemple.fr") {
		t.Error("the card does not show the new e-mail")
	}

	// More contacts, one per line; a bad line is named and nothing is written.
	f = a.newCustomerForm(c)
	f.others.SetText("Paul Roux ; DAF ; paul@exemple.fr\nun;deux;trois;quatre;cinq")
	rev, _ = a.db.Revision()
	if err := a.saveCustomerForm(id, f); err == nil || !strings.Contains(ledger.Localize(err, "fr"), "un;deux;trois;quatre;cinq") {
		t.Errorf("a bad contact line: %v", err)
	}
	if r, _ := a.db.Revision(); r != rev {
		t.Error("a refused contact line changed the dossier")
	}
	f.others.SetText("Paul Roux ; DAF ; paul@exemple.fr")
	f.noReminder.SetText("15/01/2027")
	f.status.SetSelectedIndex(1) // with an agency
	if err := waitLoaded(t, a, func() {
		if err := a.saveCustomerForm(id, f); err != nil {
			t.Fatal(err)
		}
	}); err != nil {
		t.Fatal(err)
	}
	c = a.book.Account(id).Customer
	if len(c.Contacts) != 2 || c.Contacts[1].Role != "DAF" || c.Status != ledger.StatusAgency || c.NoReminderUntil != ledger.NewDate(2027, 1, 15) {
		t.Errorf("record after saving: %+v", c)
	}
	a.showCustomer(id)
	for _, want := range []string{"Paul Roux (DAF)", "15/01/2027", "Confié à une agence"} {
		if !hasText(a.win, want) {
			t.Errorf("the card does not show %q", want)
		}
	}
	// The history lists both edits, by field.
	var found int
	for _, ev := range a.customerHistory(id) {
		if strings.Contains(ev.Text, "Fiche modifiée") {
			found++
		}
	}
	if found != 2 {
		t.Errorf("%d record edits in the history, want 2", found)
	}
}
