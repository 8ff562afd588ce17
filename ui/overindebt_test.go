package ui

import (
	"testing"

	"fyne.io/fyne/v2/container"

	"relance/desk"
	"relance/ledger"
)

// The « Surendettement » tab of the demo's over-indebted consumer shows where its file
// stands, that the reminders are held and its deadline; the form refuses a bad date
// and records an outcome; a business customer has no such tab; the letter is prepared
// with the claim declared.
func TestOverindebtTab(t *testing.T) {
	a := openDemoApp(t, "fr")
	rows, err := a.sess.Overindebts(a.asOf)
	if err != nil || len(rows) != 1 {
		t.Fatalf("files = %+v %v", rows, err)
	}
	r := rows[0]
	a.win.SetContent(container.NewVScroll(a.overindebtTab(r.Customer)))
	for _, want := range []string{"Dossier de surendettement", "Relances suspendues", "Justifier la créance à la commission",
		"Lettre à la commission…", "Modifier le dossier…"} {
		if !hasText(a.win, want) {
			t.Errorf("the tab lacks %q", want)
		}
	}
	tabs := container.NewAppTabs()
	a.addOverindebtTab(tabs, a.book.Account(r.Customer))
	if len(tabs.Items) != 1 {
		t.Error("no tab for the consumer")
	}
	for _, acc := range a.book.Accounts {
		if acc.Customer.Kind == ledger.Business {
			a.addOverindebtTab(tabs, acc)
			break
		}
	}
	if len(tabs.Items) != 1 {
		t.Error("a tab for a business customer")
	}
	f := desk.OverindebtForm{Customer: r.Customer, Commission: r.Commission, Filed: "31/02/2026"}
	if err := a.saveOverindebt(f); err == nil {
		t.Error("a bad filing date was accepted")
	}
	f.Filed, f.Admitted, f.Outcome, f.OutcomeDate = a.date(r.Filed), a.date(r.Admitted), "plan", a.date(a.asOf)
	if err := a.saveOverindebt(f); err != nil {
		t.Fatal(err)
	}
	after, err := a.sess.Overindebt(r.Customer, a.asOf)
	if err != nil || after.Outcome != "plan" || !after.Status.Held {
		t.Errorf("after saving: %+v %v", after, err)
	}
	ol, err := a.sess.PrepareOverindebtLetter(r.Customer, a.asOf)
	if err != nil || ol.Claim.Total != r.Claim {
		t.Errorf("letter: %+v %v", ol, err)
	}
}
