package store

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/payment"
)

// The erasure rewrites the free text of a customer's actions, promises, plans and
// payments, and nothing else: a change to a date, an amount, a status, an item or a
// link is refused and the whole transaction writes nothing.
func TestEraseHistoryText(t *testing.T) {
	_, db := disputeDossier(t)
	d := ledger.NewDate(2026, time.May, 4)
	act := dunning.Action{Customer: "C1", Kind: dunning.ActionKind(dunning.ChanCall), Date: d, Items: []string{"VE:2"},
		Outcome: dunning.OutcomePromise, Note: "Dupont dit"}
	prom := dunning.Promise{Customer: "C1", Made: d, Due: d.AddDays(10), Amount: 5000, Items: []string{"VE:2"},
		Status: dunning.PromisePending, Note: "promesse Dupont"}
	plan := dunning.Plan{Customer: "C1", Agreed: d, Items: []string{"VE:2"}, Total: 20050, Acknowledgement: true,
		Instalments: []dunning.Instalment{{Due: d.AddDays(30), Amount: 20050}}, Status: dunning.PlanActive, Note: "plan Dupont"}
	pay := payment.Payment{Customer: "C1", Date: d, Amount: 3000, Method: payment.Cheque, Ref: "chèque Dupont 123",
		Allocations: []payment.Allocation{{Item: "VE:2", Amount: 3000}}, Entered: d, Source: payment.SourceManual}
	err := db.Update(func(tx *Tx) error {
		if err := tx.AddAction(&act); err != nil {
			return err
		}
		if err := tx.PutPromise(&prom); err != nil {
			return err
		}
		if err := tx.PutPlan(&plan); err != nil {
			return err
		}
		if err := tx.AddPayment(&pay); err != nil {
			return err
		}
		_, err := tx.ReversePayment(pay.ID, payment.Reversal{Date: d.AddDays(5), Reason: "impayé Dupont", Entered: d.AddDays(5)})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	rev, _ := db.Revision()
	for name, f := range map[string]func(tx *Tx) error{
		"action date": func(tx *Tx) error {
			_, err := tx.EraseActionText("C1", func(a *dunning.Action) { a.Note, a.Date = "", a.Date+1 })
			return err
		},
		"action outcome": func(tx *Tx) error {
			_, err := tx.EraseActionText("C1", func(a *dunning.Action) { a.Outcome = "" })
			return err
		},
		"action items (shared slice)": func(tx *Tx) error {
			_, err := tx.EraseActionText("C1", func(a *dunning.Action) { a.Items[0] = "VE:1" })
			return err
		},
		"promise amount": func(tx *Tx) error {
			_, err := tx.ErasePromiseText("C1", func(p *dunning.Promise) { p.Note, p.Amount = "", 1 })
			return err
		},
		"plan instalment": func(tx *Tx) error {
			_, err := tx.ErasePlanText("C1", func(p *dunning.Plan) { p.Instalments[0].Amount = 1 })
			return err
		},
		"plan status": func(tx *Tx) error {
			_, err := tx.ErasePlanText("C1", func(p *dunning.Plan) { p.Status = dunning.PlanCancelled })
			return err
		},
		"payment allocation": func(tx *Tx) error {
			_, err := tx.ErasePaymentText("C1", func(p *payment.Payment) { p.Allocations[0].Amount = 1 })
			return err
		},
		"reversal date": func(tx *Tx) error {
			_, err := tx.ErasePaymentText("C1", func(p *payment.Payment) { p.Reversed.Date++ })
			return err
		},
	} {
		if err := db.Update(f); !errors.Is(err, &ledger.Problem{Key: "privacy2.err.not_text"}) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if r, _ := db.Revision(); r != rev {
		t.Error("a refused erasure changed the dossier")
	}

	var n [4]int
	err = db.Update(func(tx *Tx) error {
		var err error
		if n[0], err = tx.EraseActionText("C1", func(a *dunning.Action) { a.Note = "x" }); err != nil {
			return err
		}
		if n[1], err = tx.ErasePromiseText("C1", func(p *dunning.Promise) { p.Note = "y" }); err != nil {
			return err
		}
		if n[2], err = tx.ErasePlanText("C1", func(p *dunning.Plan) { p.Note = "" }); err != nil {
			return err
		}
		n[3], err = tx.ErasePaymentText("C1", func(p *payment.Payment) { p.Ref, p.Reversed.Reason = "z", "w" })
		return err
	})
	if err != nil || n != [4]int{1, 1, 1, 1} {
		t.Fatalf("erase: %v %v", err, n)
	}
	err = db.View(func(tx *Tx) error {
		as, _ := tx.Actions("C1")
		ps, _ := tx.Promises("C1")
		es, _ := tx.Plans("C1")
		ys, _ := tx.Payments("C1")
		if len(as) != 1 || as[0].Note != "x" || as[0].Outcome != act.Outcome || as[0].Items[0] != "VE:2" || as[0].ID != act.ID {
			t.Errorf("action %+v", as)
		}
		if len(ps) != 1 || ps[0].Note != "y" || ps[0].Amount != 5000 || ps[0].Status != dunning.PromisePending {
			t.Errorf("promise %+v", ps)
		}
		if len(es) != 1 || es[0].Note != "" || es[0].Total != 20050 || !es[0].Acknowledgement || len(es[0].Instalments) != 1 {
			t.Errorf("plan %+v", es)
		}
		if len(ys) != 1 || ys[0].Ref != "z" || ys[0].Reversed == nil || ys[0].Reversed.Reason != "w" || ys[0].Amount != 3000 ||
			ys[0].Allocations[0].Amount != 3000 {
			t.Errorf("payment %+v", ys)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *Tx) error {
		for _, f := range []func() (int, error){
			func() (int, error) { return tx.EraseActionText("", func(*dunning.Action) {}) },
			func() (int, error) { return tx.ErasePromiseText("", func(*dunning.Promise) {}) },
			func() (int, error) { return tx.ErasePlanText("", func(*dunning.Plan) {}) },
			func() (int, error) { return tx.ErasePaymentText("", func(*payment.Payment) {}) },
		} {
			if k, err := f(); err != nil || k != 0 {
				t.Errorf("no customer: %d %v", k, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
