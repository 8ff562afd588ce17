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

// A consumer's civility and the law of a customer's contracts, in words on the record
// form: a consumer's civility chosen from Madame, Monsieur or unknown (the select
// disabled for a business, whose record keeps what it holds); the law French by
// default, English, or another country's by its code, a bad or missing code refused
// with nothing written. A consumer in arrears without a civility is listed on the
// dashboard's « à compléter » card.
func TestEditCustomerCivilityAndLaw(t *testing.T) {
	a := openDemoApp(t, "fr")
	var id string
	for _, s := range a.sums {
		if acc := a.book.Account(s.ID); acc.Customer.Kind == ledger.Consumer && s.Overdue > 0 {
			id = s.ID
			break
		}
	}
	if id == "" {
		t.Fatal("no consumer in arrears in the demo")
	}
	c := a.book.Account(id).Customer
	f := a.newCustomerForm(c)
	want := map[string]string{ledger.CivilityMadame: "Madame", ledger.CivilityMonsieur: "Monsieur"}[c.Civility]
	if want == "" || f.civility.Selected != want || f.civility.Disabled() {
		t.Errorf("civility of %s (%q): %q, disabled %v", c.Name, c.Civility, f.civility.Selected, f.civility.Disabled())
	}
	if f.law.Selected != "Droit français (par défaut)" || f.lawCode.Visible() {
		t.Errorf("law %q, code shown %v", f.law.Selected, f.lawCode.Visible())
	}
	for _, o := range append(append([]string{}, f.civility.Options...), f.law.Options...) {
		if o == "mme" || o == "m" || o == "GB" || o == "FR" {
			t.Errorf("a code among the choices: %q", o)
		}
	}

	// Unknown civility: saved, and the card lists the consumer.
	f.civility.SetSelectedIndex(2)
	save := func(f *customerForm) {
		t.Helper()
		if err := waitLoaded(t, a, func() {
			if err := a.saveCustomerForm(id, f); err != nil {
				t.Fatal(err)
			}
		}); err != nil {
			t.Fatal(err)
		}
	}
	save(f)
	if c = a.book.Account(id).Customer; c.Civility != "" {
		t.Errorf("civility after saving: %q", c.Civility)
	}
	a.showScreen(screenDashboard)
	if !hasText(a.win, "Civilité manquante") {
		t.Error("the dashboard does not say the civility is missing")
	}

	// Monsieur, under German law; then English law.
	f = a.newCustomerForm(c)
	f.civility.SetSelectedIndex(1)
	f.law.SetSelectedIndex(lawOther)
	if !f.lawCode.Visible() {
		t.Error("the country code is hidden for another country's law")
	}
	rev, _ := a.db.Revision()
	for bad, want := range map[string]string{" ": "indiquez le pays", "Allemagne": "loi applicable « Allemagne »"} {
		f.lawCode.SetText(bad)
		if err := a.saveCustomerForm(id, f); err == nil || !strings.Contains(ledger.Localize(err, "fr"), want) {
			t.Errorf("law code %q: %v", bad, err)
		}
	}
	if r, _ := a.db.Revision(); r != rev {
		t.Error("a refused law changed the dossier")
	}
	f.lawCode.SetText("de")
	save(f)
	if c = a.book.Account(id).Customer; c.Civility != ledger.CivilityMonsieur || c.Law != "DE" {
		t.Errorf("record after saving: civility %q law %q", c.Civility, c.Law)
	}
	a.showScreen(screenDashboard)
	if hasText(a.win, "Civilité manquante") {
		t.Error("the dashboard still says the civility is missing")
	}
	f = a.newCustomerForm(c)
	if f.law.SelectedIndex() != lawOther || f.lawCode.Text != "DE" || !f.lawCode.Visible() {
		t.Errorf("the form shows law %q code %q", f.law.Selected, f.lawCode.Text)
	}
	f.law.SetSelectedIndex(lawEnglish)
	save(f)
	if c = a.book.Account(id).Customer; c.Law != "GB" {
		t.Errorf("law after saving: %q", c.Law)
	}

	// A business: no civility asked, the record's kept.
	f = a.newCustomerForm(c)
	f.kind.SetSelectedIndex(0)
	if !f.civility.Disabled() {
		t.Error("the civility is asked of a business")
	}
	if ch, err := f.change(); err != nil || ch.Civility != nil || ch.Law == nil || *ch.Law != "GB" {
		t.Errorf("change of a business: %+v %v", ch, err)
	}
}
