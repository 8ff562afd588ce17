package privacy

import (
	"strings"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/demo"
)

func TestExportAndErase(t *testing.T) {
	today := ledger.NewDate(2026, time.November, 23)
	book := demo.Book(today)
	ds, bs := demo.Disputes(book, today)
	var consumer, business *ledger.Account
	for _, a := range book.Accounts {
		if a.Customer.Kind == ledger.Consumer && consumer == nil {
			consumer = a
		}
		if a.Customer.Kind == ledger.Business && business == nil {
			business = a
		}
	}
	e, err := CustomerExport(book, ds, bs, consumer.Customer.ID, today)
	if err != nil || e.Customer.Name != consumer.Customer.Name || len(e.Items) != len(consumer.Items) {
		t.Fatalf("export: %v %+v", err, e)
	}
	if _, err := CustomerExport(book, ds, bs, "NOBODY", today); err == nil {
		t.Error("export of an unknown customer")
	}
	c := consumer.Customer
	balance := consumer.Balance()
	items := append([]ledger.Item(nil), consumer.Items...)
	if err := Erase(&c, items, today, "Claire", "fr"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(c.Name, consumer.Customer.Name) || len(c.Contacts) != 0 || len(c.Address.Lines) != 0 || c.ID != consumer.Customer.ID {
		t.Errorf("not erased: %+v", c)
	}
	for _, it := range items {
		if strings.Contains(it.Label, consumer.Customer.Name) {
			t.Errorf("name left in %q", it.Label)
		}
	}
	if !strings.Contains(c.Notes, "RGPD art. 17") || consumer.Balance() != balance {
		t.Errorf("notes %q", c.Notes)
	}
	b := business.Customer
	if err := Erase(&b, nil, today, "Claire", "fr"); err == nil {
		t.Error("a business was erased")
	}
}
