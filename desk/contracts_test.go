package desk_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"relance/desk"
	"relance/ledger/contract"
	"relance/ledger/law"
	"relance/letters/check"
)

// A contract saved from the card is read back with its checks; the argument sheet's
// figures are TermsCost over the customer's year of sales; the injonction pack notes
// the jurisdiction clause; the claim filing takes the retention of title from it.
func TestContracts(t *testing.T) {
	s := openDemo(t)
	v, err := s.ContractOf("C00039", anchor)
	if err != nil {
		t.Fatal(err)
	}
	if !v.Recorded || v.YearSales <= 0 || v.Owed <= 0 || len(v.Contract.Guarantees) == 0 {
		t.Fatalf("the demo's C00039: %+v", v)
	}
	k := v.Contract
	k.Court, k.RetentionOfTitle = "Tribunal de commerce de Marseille", true
	k.Guarantees = append(k.Guarantees, contract.Guarantee{Kind: contract.PersonalSurety, Issuer: "M. Fournier",
		Amount: 1000000, From: anchor.AddDays(-10)})
	if err := s.SaveContract(k, "test", anchor); err != nil {
		t.Fatal(err)
	}
	v2, err := s.ContractOf("C00039", anchor)
	if err != nil {
		t.Fatal(err)
	}
	if v2.Contract.Court != k.Court || v2.Cover != v.Cover+1000000 || v2.Contract.By != "test" {
		t.Errorf("saved: %+v cover %v (was %v)", v2.Contract, v2.Cover, v.Cover)
	}
	bad := k
	bad.Guarantees = append(bad.Guarantees, contract.Guarantee{Kind: contract.BankGuarantee, Amount: 1, From: anchor})
	if err := s.SaveContract(bad, "test", anchor); !isProblem(err, "contract.err.field") {
		t.Errorf("a guarantee without issuer: %v", err)
	}
	rate := decimal.RequireFromString("4.5")
	sh, err := s.TermsSheet("C00039", 30, rate, "fr", anchor)
	if err != nil {
		t.Fatal(err)
	}
	cash, cost := contract.TermsCost(v2.YearSales, 30, rate)
	if sh.Cash != cash || sh.Cost != cost || sh.Cash == 0 || sh.Terms == "" {
		t.Errorf("sheet %+v", sh)
	}
	if _, err := s.TermsSheet("C00039", 0, rate, "fr", anchor); !isProblem(err, "contract.err.days") {
		t.Errorf("0 days: %v", err)
	}
	p, err := s.InjonctionPack("C00039", anchor, nil)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range p.Eligibility.Checks {
		if c.Note.Key == "contract.ip.check.clause" && c.Note.Args[1] == k.Court {
			found = true
		}
	}
	if !found {
		t.Errorf("the injonction pack does not note the clause: %+v", p.Eligibility.Checks)
	}
	if v, _ := s.ContractOf("C00011", anchor); v == nil || len(v.Findings) == 0 || v.Findings[0].Key != "court_non_merchant" {
		t.Errorf("the consumer with a jurisdiction clause: %+v", v)
	}
	// A customer in a procedure whose contract has the retention-of-title clause: its
	// claim is filed with it unless the user says otherwise.
	if len(s.Procedures) == 0 {
		t.Fatal("the demo has no insolvency procedure")
	}
	id := s.Procedures[0].Customer
	pv, err := s.ContractOf(id, anchor)
	if err != nil {
		t.Fatal(err)
	}
	pk := pv.Contract
	pk.RetentionOfTitle = true
	if err := s.SaveContract(pk, "test", anchor); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		asked, want law.Security
	}{{"", law.RetentionOfTitle}, {law.Unsecured, law.Unsecured}} {
		cl, err := s.PrepareClaimLetter(desk.ClaimLetterRequest{Customer: id, AsOf: s.Procedures[0].BODACC.AddDays(5), Security: c.asked})
		if err != nil {
			t.Fatal(err)
		}
		if cl.Claim == nil || cl.Claim.Security != c.want {
			t.Errorf("asked %q: claim %+v", c.asked, cl.Claim)
		}
	}
	// A contract accepted without the clause: no claim for the return of the goods.
	pk.RetentionOfTitle, pk.CGV, pk.Accepted = false, "CGV 2026-01", anchor.AddDays(-300)
	if err := s.SaveContract(pk, "test", anchor); err != nil {
		t.Fatal(err)
	}
	_, err = s.PrepareClaimLetter(desk.ClaimLetterRequest{Customer: id, AsOf: s.Procedures[0].BODACC.AddDays(5), Retention: true})
	if !isProblem(err, "contract.err.no_retention") {
		t.Errorf("a revendication without the clause: %v", err)
	}
}

// The order check on the demo: the class's deposit, the guarantees' cover; the deposit
// request issued is archived (relance verify's chain) and passes the letter checker;
// an order needing no deposit has no letter.
func TestOrderAndDepositLetter(t *testing.T) {
	s := openDemo(t)
	v, err := s.CheckOrder("C00007", "BC-1", 1200000, anchor)
	if err != nil {
		t.Fatal(err)
	}
	if v.Class == "" || v.Deposit <= 0 || len(v.Reasons) == 0 {
		t.Fatalf("C00007: %+v", v)
	}
	l, _, err := s.DepositLetter("C00007", "BC-1", 1200000, anchor, "fr")
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.CheckDepositLetter(l, "fr")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Severity >= check.Warning && f.Rule != "CLAR.INVOICE_DATES" {
			t.Errorf("finding %s: %s", f.Rule, f.Message)
		}
	}
	rec, pdf, err := s.IssueDepositLetter("C00007", "BC-1", 1200000, anchor, "en", "test", time.Now(), nil)
	if err != nil || rec == nil || len(pdf) == 0 || rec.Stage != "deposit" {
		t.Fatalf("issue: %+v %v", rec, err)
	}
	if _, err := s.CheckOrder("C00002", "", 0, anchor); !isProblem(err, "order.err.amount") {
		t.Errorf("no amount: %v", err)
	}
	if _, _, err := s.DepositLetter("C00002", "", 100000, anchor, ""); !isProblem(err, "order.err.no_deposit") {
		t.Errorf("a public body's order: %v", err)
	}
}
