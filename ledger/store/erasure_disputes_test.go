package store

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/dispute"
)

// The erasure rewrites the free text of a customer's disputes and delivery blocks, and
// nothing else: a change to a status, an amount, a date, an owner, an item or an
// attachment is refused, as is emptying a note (a dispute's note is never empty), and
// the whole transaction writes nothing.
func TestEraseDisputeText(t *testing.T) {
	_, db := disputeDossier(t)
	day := ledger.NewDate(2026, time.May, 4)
	d := dispute.New("C1", []dispute.DisputedItem{{ItemID: "VE:2", Amount: 5000}}, dispute.ReasonPrice, day, "cr", "S1",
		ledger.NoDate, "Dupont conteste")
	if err := d.AddNote(day.AddDays(1), "cr", "Mme Dupont au téléphone"); err != nil {
		t.Fatal(err)
	}
	if err := d.Move(dispute.StatusResolved, day.AddDays(2), "cr", "avoir Dupont", &dispute.Resolution{Kind: dispute.ResolvedPartial, Amount: 2000}); err != nil {
		t.Fatal(err)
	}
	d.Attachments = []string{"bon.pdf"}
	b := dispute.Block{Customer: "C1", Proposed: dispute.Proposal{Date: day, By: "cr", Balance: 20050,
		Reasons: []dispute.BlockReason{{Key: "dispute.block.reason.manual", Args: []string{"text", "Dupont ne paie plus"}}}}}
	if err := b.Answer(dispute.SalesAnswer{By: "S1", Date: day, Agree: true, Comment: "d'accord pour Dupont"}); err != nil {
		t.Fatal(err)
	}
	if err := b.Decide(dispute.Decision{Date: day.AddDays(1), By: "dir", Blocked: true, Comment: "bloqué Dupont"}, "paiement Dupont"); err != nil {
		t.Fatal(err)
	}
	if err := b.LiftBlock(dispute.Lift{Date: day.AddDays(9), By: "dir", Comment: "Dupont a payé"}); err != nil {
		t.Fatal(err)
	}
	err := db.Update(func(tx *Tx) error {
		if err := tx.PutDispute(&d); err != nil {
			return err
		}
		return tx.PutBlock(&b)
	})
	if err != nil {
		t.Fatal(err)
	}

	rev, _ := db.Revision()
	for name, f := range map[string]func(tx *Tx) error{
		"dispute status": func(tx *Tx) error {
			_, err := tx.EraseDisputeText("C1", func(d *dispute.Dispute) { d.Status = dispute.StatusCancelled })
			return err
		},
		"dispute amount (shared slice)": func(tx *Tx) error {
			_, err := tx.EraseDisputeText("C1", func(d *dispute.Dispute) { d.Items[0].Amount = 1 })
			return err
		},
		"dispute owner": func(tx *Tx) error {
			_, err := tx.EraseDisputeText("C1", func(d *dispute.Dispute) { d.Owner = dispute.Internal })
			return err
		},
		"note date": func(tx *Tx) error {
			_, err := tx.EraseDisputeText("C1", func(d *dispute.Dispute) { d.Notes[0].Date++ })
			return err
		},
		"history by": func(tx *Tx) error {
			_, err := tx.EraseDisputeText("C1", func(d *dispute.Dispute) { d.History[1].By = "x" })
			return err
		},
		"resolution amount": func(tx *Tx) error {
			_, err := tx.EraseDisputeText("C1", func(d *dispute.Dispute) { d.Resolution.Amount = 1000 })
			return err
		},
		"attachment": func(tx *Tx) error {
			_, err := tx.EraseDisputeText("C1", func(d *dispute.Dispute) { d.Attachments = nil })
			return err
		},
		"block balance": func(tx *Tx) error {
			_, err := tx.EraseBlockText("C1", func(b *dispute.Block) { b.Proposed.Balance = 0 })
			return err
		},
		"block reason key": func(tx *Tx) error {
			_, err := tx.EraseBlockText("C1", func(b *dispute.Block) { b.Proposed.Reasons[0].Key = "x" })
			return err
		},
		"block decision": func(tx *Tx) error {
			_, err := tx.EraseBlockText("C1", func(b *dispute.Block) { b.Decision.Blocked = false })
			return err
		},
		"block lifted": func(tx *Tx) error {
			_, err := tx.EraseBlockText("C1", func(b *dispute.Block) { b.Lifted = nil })
			return err
		},
	} {
		if err := db.Update(f); !errors.Is(err, &ledger.Problem{Key: "privacy2.err.not_text"}) {
			t.Errorf("%s: %v", name, err)
		}
	}
	err = db.Update(func(tx *Tx) error {
		_, err := tx.EraseDisputeText("C1", func(d *dispute.Dispute) { d.Notes[0].Text = "" })
		return err
	})
	if !errors.Is(err, &ledger.Problem{Key: "dispute.err.note"}) {
		t.Errorf("emptied note: %v", err)
	}
	if r, _ := db.Revision(); r != rev {
		t.Error("a refused erasure changed the dossier")
	}

	var nd, nb int
	err = db.Update(func(tx *Tx) error {
		var err error
		if nd, err = tx.EraseDisputeText("C1", func(d *dispute.Dispute) {
			for i := range d.History {
				d.History[i].Comment = "x"
			}
			d.Notes[0].Text = "y"
			d.Resolution.Comment = "z"
		}); err != nil {
			return err
		}
		nb, err = tx.EraseBlockText("C1", func(b *dispute.Block) {
			b.Proposed.Reasons[0].Args[1] = "r"
			b.SalesAnswer.Comment, b.Decision.Comment, b.Lifted.Comment, b.LiftConditions = "a", "", "l", "c"
		})
		return err
	})
	if err != nil || nd != 1 || nb != 1 {
		t.Fatalf("erase: %v %d %d", err, nd, nb)
	}
	err = db.View(func(tx *Tx) error {
		ds, _ := tx.Disputes()
		bs, _ := tx.Blocks()
		if len(ds) != 1 || ds[0].ID != d.ID || ds[0].History[0].Comment != "x" || ds[0].History[1].Comment != "x" ||
			ds[0].Notes[0].Text != "y" || ds[0].Resolution.Comment != "z" || ds[0].Resolution.Amount != 2000 ||
			ds[0].Status != dispute.StatusResolved || ds[0].Owner != "S1" || ds[0].Attachments[0] != "bon.pdf" {
			t.Errorf("dispute %+v", ds)
		}
		if len(bs) != 1 || bs[0].ID != b.ID || bs[0].Proposed.Reasons[0].Args[1] != "r" || bs[0].SalesAnswer.Comment != "a" ||
			!bs[0].SalesAnswer.Agree || bs[0].Decision.Comment != "" || !bs[0].Decision.Blocked || bs[0].Lifted.Comment != "l" ||
			bs[0].LiftConditions != "c" || bs[0].Proposed.Balance != 20050 {
			t.Errorf("block %+v", bs)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *Tx) error {
		if k, err := tx.EraseDisputeText("", func(*dispute.Dispute) {}); err != nil || k != 0 {
			t.Errorf("no customer: %d %v", k, err)
		}
		if k, err := tx.EraseBlockText("C2", func(*dispute.Block) {}); err != nil || k != 0 {
			t.Errorf("other customer: %d %v", k, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
