package desk_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/law"
	"relance/ledger/proof"
)

// firstOpenInvoice is the oldest invoice of customer id still owing at anchor.
func firstOpenInvoice(t *testing.T, s *desk.Session, id string) ledger.Item {
	t.Helper()
	r, err := s.ProofReport(id, anchor)
	if err != nil || len(r.Lines) == 0 {
		t.Fatalf("no open invoice for %s: %v", id, err)
	}
	for _, it := range s.Book.Account(id).Items {
		if it.ID == r.Lines[0].Item {
			return it
		}
	}
	t.Fatalf("item %s not found", r.Lines[0].Item)
	return ledger.Item{}
}

// Setting pieces of an invoice changes those given and keeps the others, in one
// transaction; a bad invoice, a credit or a bad piece writes nothing. The report counts
// the verdicts of the open invoices, and the injonction pack lists each invoice's
// pieces with their references and warns of those missing; the claim filing joins
// the pieces held and warns of the others.
func TestSetProofAndPacks(t *testing.T) {
	s := openDemo(t)
	p := demoProcedure(t, s)
	id := p.Customer
	it := firstOpenInvoice(t, s, id)
	rev := revision(t, s)
	set := func(item string, pieces map[proof.Kind]proof.Piece) error {
		_, err := s.SetProof(desk.ProofChange{Customer: id, Item: item, Pieces: pieces}, anchor, "test")
		return err
	}
	refused(t, s, "unknown invoice", set("NOPE", map[proof.Kind]proof.Piece{proof.Order: {State: proof.Present}}), "proof.err.item", rev)
	refused(t, s, "unknown customer", func() error {
		_, err := s.SetProof(desk.ProofChange{Customer: "NOPE", Item: it.Number}, anchor, "")
		return err
	}(), "proof.err.customer", rev)
	refused(t, s, "future date", set(it.Number, map[proof.Kind]proof.Piece{proof.Order: {State: proof.Present, Date: anchor.AddDays(1)}}),
		"proof.err.date_future", rev)
	for _, c := range s.Book.Account(id).Items {
		if c.Amount < 0 {
			refused(t, s, "a credit", set(c.ID, map[proof.Kind]proof.Piece{proof.Order: {State: proof.Present}}), "proof.err.credit", rev)
			break
		}
	}

	if err := set(it.Number, map[proof.Kind]proof.Piece{proof.Order: {State: proof.Present, Ref: "BC-TEST-1"},
		proof.Delivery: {State: proof.Present, Ref: "BL-TEST-1"}}); err != nil {
		t.Fatal(err)
	}
	if err := set(it.ID, map[proof.Kind]proof.Piece{proof.Delivery: {State: proof.Missing}}); err != nil {
		t.Fatal(err)
	}
	r, err := s.ProofReport(id, anchor)
	if err != nil {
		t.Fatal(err)
	}
	l := r.Lines[0]
	if l.Item != it.ID || l.Proof.Order.Ref != "BC-TEST-1" || l.Proof.Delivery.State != proof.Missing || l.Verdict != proof.Incomplete ||
		l.Proof.By != "test" || l.Proof.Recorded != anchor {
		t.Errorf("first line %+v", l)
	}
	if r.Complete+r.Incomplete+r.Unrecorded != len(r.Lines) || r.NoDelivery < 1 {
		t.Errorf("counts %+v", r)
	}
	if sum := desk.ProofSummary("fr", r); !strings.Contains(sum, "sans bon de livraison") {
		t.Errorf("summary %q", sum)
	}

	// The claim filing: the order held joined by its reference, the delivery note
	// missing warned, not printed.
	cl, err := s.PrepareClaimLetter(desk.ClaimLetterRequest{Customer: id, AsOf: anchor})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, x := range cl.Claim.Exhibits {
		if x.Item == it.ID {
			found = x.OrderHeld && x.Order == "BC-TEST-1" && !x.DeliveryHeld
		}
	}
	if !found {
		t.Errorf("claim exhibits %+v lack %s's order", cl.Claim.Exhibits, it.Number)
	}
	if !hasWarning(cl.Claim.ProofWarnings, it.Number, "proof.warn.missing_delivery") {
		t.Errorf("claim warnings %+v", cl.Claim.ProofWarnings)
	}
	body := ""
	for _, b := range cl.Letter.Body {
		body += b.Text + "\n"
	}
	if !strings.Contains(body, "BC-TEST-1") || !strings.Contains(body, "R622-23") {
		t.Errorf("the claim's record lacks the exhibits:\n%s", body)
	}
}

// hasWarning reports whether a warning of key (or its singular) names number.
func hasWarning(notes []law.Note, number, key string) bool {
	for _, n := range notes {
		if strings.TrimSuffix(n.Key, ".one") == key && strings.Contains(strings.Join(n.Args, " "), number) {
			return true
		}
	}
	return false
}

// The injonction pack of a customer sent a formal notice lists, for each invoice
// claimed, its order, delivery proof and copy (held with their references, missing,
// or to attach) and warns of the pieces missing or not recorded; it does not block.
func TestInjonctionProofWarnings(t *testing.T) {
	s := openDemo(t)
	var id string
	for _, a := range s.Book.Accounts {
		if a.Customer.Kind != ledger.Business { // the demo records the proof of businesses' invoices
			continue
		}
		p, err := s.InjonctionPack(a.Customer.ID, anchor, nil)
		if err == nil && p.Eligibility.Eligible && p.Notice != nil && len(p.ProofWarnings) > 0 {
			id = a.Customer.ID
			break
		}
	}
	if id == "" {
		t.Fatal("no demo customer with an eligible injonction and proof warnings")
	}
	p, err := s.InjonctionPack(id, anchor, nil)
	if err != nil {
		t.Fatal(err)
	}
	st := map[law.DocStatus]int{}
	for _, d := range p.Documents {
		if strings.HasPrefix(d.Key, "proof.doc.") {
			st[d.Status]++
		}
		if d.Key == "law.doc.delivery" {
			t.Errorf("the generic delivery line is still listed")
		}
	}
	if st[law.DocHeld] == 0 || st[law.DocMissing] == 0 {
		t.Errorf("the bordereau's proof pieces by status %v, want held and missing ones", st)
	}
	for _, n := range p.ProofWarnings {
		if txt := law.FormatNote(n, "fr", "EUR"); strings.Contains(txt, "{") || !strings.Contains(txt, "FA") {
			t.Errorf("warning %q", txt)
		}
	}
}

// The data export lists the proof records of the customer; the erasure keeps them with
// their references erased, from the dossier and its backups.
func TestProofExportAndErasure(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.Create(path, anchor); err != nil {
		t.Fatal(err)
	}
	s, err := desk.OpenWrite(path)
	if err != nil {
		t.Fatal(err)
	}
	var id string
	for _, a := range s.Book.Accounts {
		if a.Customer.Kind == ledger.Consumer && a.Balance() > 0 {
			id = a.Customer.ID
			break
		}
	}
	it := firstOpenInvoice(t, s, id)
	const secret = "BL signé par Mme Secret-ZQ7"
	if _, err := s.SetProof(desk.ProofChange{Customer: id, Item: it.ID,
		Pieces: map[proof.Kind]proof.Piece{proof.Delivery: {State: proof.Present, Ref: secret}}}, anchor, "test"); err != nil {
		t.Fatal(err)
	}
	e, err := s.ExportCustomer(id, anchor)
	if err != nil || len(e.Proofs) != 1 || e.Proofs[0].Delivery.Ref != secret {
		t.Fatalf("export %+v %v", e.Proofs, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	er, err := desk.EraseCustomerFile(path, id, anchor, "test", "fr")
	if err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	if er.Records.Proofs != 1 || !strings.Contains(strings.Join(er.Lines("fr"), "\n"), "pièces de preuve") {
		t.Errorf("erasure %+v %q", er.Records, er.Lines("fr"))
	}
	files, _ := filepath.Glob(filepath.Join(path+".backups", "*"))
	for _, f := range append(files, path) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(raw), "Secret-ZQ7") {
			t.Errorf("%s still holds the reference", filepath.Base(f))
		}
	}
	r, err := desk.OpenRead(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	rep, err := r.ProofReport(id, anchor)
	if err != nil {
		t.Fatal(err)
	}
	kept := false
	for _, l := range rep.Lines {
		kept = kept || (l.Item == it.ID && l.Proof.Delivery.State == proof.Present && l.Proof.Delivery.Ref != secret)
	}
	if !kept {
		t.Errorf("the proof record was not kept with its state")
	}
}
