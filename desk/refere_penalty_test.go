package desk_test

import (
	"testing"

	"relance/desk"
	"relance/ledger/law"
)

// The demo's public buyer pays late. Before a penalty invoice, the référé pack computes
// the interest and €40 of its invoices paid late; once one is issued, it claims the
// penalty invoice on its own line instead and no longer computes that lateness, for
// the same total.
func TestRefereWithIssuedPenaltyInvoice(t *testing.T) {
	s := openDemo(t)
	const customer = "C00003" // Département du Rhône
	before, err := s.RefereProvisionPack(customer, anchor, desk.RefereOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var computed int
	for _, l := range before.Lines {
		if l.Paid.Valid() && l.Excluded == "" && l.Interest > 0 && l.Indemnity > 0 && len(l.BilledBy) == 0 {
			computed++
		}
		if l.Kind == law.KindPenaltyInvoice {
			t.Errorf("penalty invoice line before any was issued: %+v", l)
		}
	}
	if computed == 0 || before.PenaltyInvoices != 0 {
		t.Fatalf("before: no invoice paid late computed: %+v", before.Lines)
	}

	res, err := s.IssuePenaltyInvoice(desk.PenaltyInvoiceRequest{Customer: customer, AsOf: anchor}, "test", issueAt, nil)
	if err != nil {
		t.Fatal(err)
	}
	after, err := s.RefereProvisionPack(customer, anchor, desk.RefereOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var nd *law.RefereLine
	for i := range after.Lines {
		l := &after.Lines[i]
		switch {
		case l.Kind == law.KindPenaltyInvoice:
			nd = l
		case l.Paid.Valid() && l.Excluded == "":
			t.Errorf("lateness billed by %s computed again: %+v", res.Invoice.Number, l)
		}
	}
	if nd == nil || nd.Number != res.Invoice.Number || nd.DocDate != anchor || nd.ClaimLine.Claimed <= 0 ||
		nd.ClaimLine.Claimed > res.Invoice.Total {
		t.Fatalf("penalty invoice line %+v (issued %s for %s)", nd, res.Invoice.Number, res.Invoice.Total)
	}
	if after.PenaltyInvoices != nd.ClaimLine.Claimed || after.Total != before.Total || after.Principal != before.Principal ||
		after.Interest+after.Indemnity+after.PenaltyInvoices != before.Interest+before.Indemnity {
		t.Errorf("before: interest %s indemnity %s total %s; after: penalty invoices %s interest %s indemnity %s total %s",
			before.Interest, before.Indemnity, before.Total, after.PenaltyInvoices, after.Interest, after.Indemnity, after.Total)
	}
	found := false
	for _, d := range after.Documents {
		found = found || (d.Key == "penaltyinv.doc" && d.Args[1] == nd.Number && d.Status == law.DocInDossier)
	}
	if !found {
		t.Errorf("the penalty invoice is not among the exhibits: %+v", after.Documents)
	}
}
