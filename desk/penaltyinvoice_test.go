package desk_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/penaltyinvoice"
)

// Issuing a penalty invoice writes, in one transaction, its archive record (with
// what it billed) and the action in the customer's history; a second run bills
// nothing and writes nothing; the injonction pack then claims it on its own line.
func TestIssuePenaltyInvoice(t *testing.T) {
	s := openDemo(t)
	const customer = "C00004" // Brasserie du Parc: invoices paid a few days late
	req := desk.PenaltyInvoiceRequest{Customer: customer, AsOf: anchor}
	preview, err := s.PenaltyInvoice(req)
	if err != nil {
		t.Fatal(err)
	}
	if preview.Empty() || preview.Number != "" || preview.Decompte == nil {
		t.Fatalf("preview: %+v", preview)
	}
	if rep, err := s.VerifyArchive(); err != nil || rep.Count != 0 {
		t.Fatalf("the preview wrote: %+v %v", rep, err)
	}

	res, err := s.IssuePenaltyInvoice(req, "test", issueAt, nil)
	if err != nil {
		t.Fatal(err)
	}
	pi, rec := res.Invoice, res.Record
	if pi.Number != "ND-2026-0001" || pi.Total != preview.Total || rec.Reference != pi.Number ||
		rec.Stage != penaltyinvoice.Stage || rec.Total != pi.Total || len(rec.ItemIDs) != len(pi.Invoices) {
		t.Fatalf("issued %+v as %+v", pi, rec)
	}
	if !strings.HasPrefix(string(res.PDF), "%PDF") {
		t.Fatalf("not a PDF: %q", res.PDF[:min(20, len(res.PDF))])
	}
	sum := sha256.Sum256(res.PDF)
	if rec.PDFHash != hex.EncodeToString(sum[:]) {
		t.Error("the record's hash is not the PDF's")
	}
	err = s.DB.View(func(tx *store.Tx) error {
		acts, err := tx.Actions(customer)
		if err != nil {
			return err
		}
		found := false
		for _, a := range acts {
			found = found || (a.Letter == rec.ID && a.Stage == string(penaltyinvoice.Stage) && a.Date == anchor)
		}
		if !found {
			t.Errorf("no action in the history for %s: %+v", rec.ID, acts)
		}
		issued, err := penaltyinvoice.Issued(tx, customer)
		if err != nil {
			return err
		}
		if len(issued) != 1 || issued[0].Number != pi.Number || len(issued[0].Invoices) != len(pi.Invoices) || issued[0].Decompte != nil {
			t.Errorf("remembered: %+v", issued)
		}
		pdf, err := archive.PDF(tx, rec.ID)
		if err == nil && string(pdf) != string(res.PDF) {
			t.Error("archived PDF differs")
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := s.VerifyArchive(); err != nil || rep.Count != 1 || len(rep.Altered) != 0 {
		t.Fatalf("archive after issue: %+v %v", rep, err)
	}

	// The same lateness is not billed twice: nothing to issue, nothing written.
	if _, err := s.IssuePenaltyInvoice(req, "test", issueAt, nil); !errors.Is(err, &ledger.Problem{Key: "penaltyinv.err.nothing"}) {
		t.Fatalf("second issue: %v", err)
	}
	again, err := s.PenaltyInvoice(req)
	if err != nil || !again.Empty() || len(again.Left) == 0 {
		t.Fatalf("second preview: %+v %v", again, err)
	}
	if rep, _ := s.VerifyArchive(); rep.Count != 1 {
		t.Errorf("%d records after a refused issue", rep.Count)
	}

	// One series for the dossier: the next customer's penalty invoice is the second.
	other, err := s.IssuePenaltyInvoice(desk.PenaltyInvoiceRequest{Customer: "C00005", AsOf: anchor}, "test", issueAt, nil)
	if err != nil || other.Invoice.Number != "ND-2026-0002" {
		t.Fatalf("second customer: %+v %v", other, err)
	}

	// Claimable: the injonction pack claims it, once, citing its number.
	pens, err := s.PenaltiesDue(customer, anchor)
	if err != nil || len(pens) != 1 || pens[0].Open != pi.Total {
		t.Fatalf("due: %+v %v", pens, err)
	}
	pack, err := s.InjonctionPack(customer, anchor, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range pack.Lines {
		if l.Kind == law.KindPenaltyInvoice && l.Number == pi.Number && l.Claimed == pi.Total {
			n++
		}
	}
	if n != 1 || pack.Penalties != pi.Total {
		t.Errorf("injonction lines %+v, penalties %s", pack.Lines, pack.Penalties)
	}
}
