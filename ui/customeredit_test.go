package ui

import "testing"

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
}
