package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestCustomerPicker finds customers by number and by name (accents and case
// ignored), chooses one with the arrows and Enter, and reports its ID.
func TestCustomerPicker(t *testing.T) {
	a := openDemoApp(t, "fr")
	acc := a.book.Accounts[3]
	var got string
	p := a.newCustomerPicker("", func(id string) { got = id })
	test.Type(p.entry, acc.Customer.ID)
	if len(p.matches) == 0 || p.matches[0].Customer.ID != acc.Customer.ID || !p.listBox.Visible() {
		t.Fatalf("typing %q listed %d matches", acc.Customer.ID, len(p.matches))
	}
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got != acc.Customer.ID || p.customerID() != acc.Customer.ID || p.listBox.Visible() {
		t.Fatalf("chose %q (picker %q), list shown %v; want %q", got, p.customerID(), p.listBox.Visible(), acc.Customer.ID)
	}
	if p.entry.Text != acc.Customer.Name+" ("+acc.Customer.ID+")" {
		t.Errorf("entry shows %q", p.entry.Text)
	}
	// By name, folded: a click on the match chooses it.
	q := foldText(acc.Customer.Name)[:5]
	p2 := a.newCustomerPicker("", func(id string) { got = id })
	got = ""
	test.Type(p2.entry, q)
	found := -1
	for i, m := range p2.matches {
		if m.Customer.ID == acc.Customer.ID {
			found = i
		}
	}
	if found < 0 {
		t.Fatalf("%q did not find %s", q, acc.Customer.Name)
	}
	p2.list.Select(found)
	if got != acc.Customer.ID {
		t.Errorf("click chose %q, want %q", got, acc.Customer.ID)
	}
	if m := matchCustomers(a.book, "zzzz-nobody"); len(m) != 0 {
		t.Errorf("nonsense matched %d customers", len(m))
	}
}
