package desk_test

import (
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
	"relance/ledger/payment"
	"relance/ledger/privacy"
)

// historyRecords records, for customer c of the open session, a call whose note and
// promise carry the given secrets, a payment plan with a note and a payment entered by
// hand whose reference is a secret, then reversed with a secret reason.
func historyRecords(t *testing.T, s *desk.Session, c ledger.Customer, secrets map[string]string) {
	t.Helper()
	day := anchor.AddDays(-20)
	eff := dunning.Effects{
		Actions: []dunning.Action{{Customer: c.ID, Kind: dunning.ActionKind(dunning.ChanCall), Date: day, By: "Claire",
			Outcome: dunning.OutcomePromise, Note: secrets["call_note"], Amount: 5000, Status: dunning.ActionDone}},
		Promise: &dunning.Promise{Customer: c.ID, Made: day, Due: day.AddDays(10), Amount: 5000, Status: dunning.PromisePending,
			By: "Claire", Note: secrets["promise_note"]},
	}
	if err := s.RecordOutcome(&eff); err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	plan := dunning.Plan{Customer: c.ID, Agreed: day, Total: 30000, Acknowledgement: true, Status: dunning.PlanActive, By: "Claire",
		Instalments: []dunning.Instalment{{Due: day.AddDays(30), Amount: 15000}, {Due: day.AddDays(60), Amount: 15000}},
		Note:        secrets["plan_note"]}
	if err := s.AgreePlan(&plan); err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	p, err := s.RecordPayment(payment.Request{Payment: payment.Payment{Customer: c.ID, Date: day, Amount: 2500,
		Method: payment.Cheque, Ref: secrets["pay_ref"]}}, anchor, "Claire")
	if err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	if _, err := s.ReversePayment(p.ID, day.AddDays(3), secrets["reversal"], anchor, "Claire"); err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
}

// checkHistoryErased checks, in the export x read after the erasure, that the
// collection history is kept — the call, the promise, the plan, the payment and its
// reversal with their dates and amounts — and its free text replaced by mark.
func checkHistoryErased(t *testing.T, x *privacy.Export, secrets map[string]string, mark string) {
	t.Helper()
	day := anchor.AddDays(-20)
	var call, paid, reversed bool
	for _, a := range x.Actions {
		switch {
		case a.Kind == dunning.ActionKind(dunning.ChanCall) && a.Date == day && a.Outcome == dunning.OutcomePromise:
			call = a.Note == mark && a.Record != ""
		case a.Kind == payment.KindPayment && a.Date == day && a.Amount == 2500:
			paid = a.Note == mark
		case a.Kind == payment.KindReversal && a.Date == day.AddDays(3):
			reversed = a.Note == mark
		}
	}
	if !call || !paid || !reversed {
		t.Errorf("actions after erasure (call %v, payment %v, reversal %v): %+v", call, paid, reversed, x.Actions)
	}
	var prom *dunning.Promise // the demo may have given the customer other promises
	for i := range x.Promises {
		if x.Promises[i].Made == day && x.Promises[i].Amount == 5000 {
			prom = &x.Promises[i]
		}
	}
	if prom == nil || prom.Note != mark || prom.Due != day.AddDays(10) {
		t.Errorf("promise after erasure %+v", x.Promises)
	}
	if len(x.Plans) != 1 || x.Plans[0].Note != mark || x.Plans[0].Total != 30000 || !x.Plans[0].Acknowledgement ||
		len(x.Plans[0].Instalments) != 2 {
		t.Errorf("plan after erasure %+v", x.Plans)
	}
	if len(x.Payments) != 1 || x.Payments[0].Ref != mark || x.Payments[0].Amount != 2500 || x.Payments[0].Method != payment.Cheque ||
		x.Payments[0].Reversed == nil || x.Payments[0].Reversed.Reason != mark {
		t.Errorf("payment after erasure %+v", x.Payments)
	}
}

// disputeRecords records, for customer c of the open session, a dispute on one of its
// open invoices whose opening comment and note carry the given secrets, and a delivery
// block proposed by hand with a secret reason, answered, decided with a secret comment
// and secret lifting conditions.
func disputeRecords(t *testing.T, s *desk.Session, c ledger.Customer, secrets map[string]string) {
	t.Helper()
	day := anchor.AddDays(-15)
	item := openInvoice(s.Book.Account(c.ID), day)
	if item == nil {
		t.Fatalf("no open invoice for %s", c.ID)
	}
	d, err := s.OpenDispute(desk.DisputeRequest{Customer: c.ID, Items: []dispute.DisputedItem{{ItemID: item.ID, Amount: 1000}},
		Reason: dispute.ReasonQuality, Date: day, By: "Claire", Comment: secrets["dispute_comment"]})
	if err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	if err := s.ChangeDispute(d.ID, func(d *dispute.Dispute) error {
		return d.AddNote(day.AddDays(2), "Claire", secrets["dispute_note"])
	}); err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	b, err := s.ProposeBlock(c.ID, day, "Claire", secrets["block_reason"])
	if err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	if err := s.ChangeBlock(b.ID, func(b *dispute.Block) error {
		if err := b.Answer(dispute.SalesAnswer{By: "Sophie", Date: day.AddDays(1), Agree: true}); err != nil {
			return err
		}
		return b.Decide(dispute.Decision{Date: day.AddDays(2), By: "Claire", Blocked: true, Comment: secrets["block_comment"]},
			secrets["lift_conditions"])
	}); err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
}

// openInvoice returns an invoice of a open by more than 10 € and issued by day, or nil.
func openInvoice(a *ledger.Account, day ledger.Date) *ledger.Item {
	for i, it := range a.Items {
		if it.Kind == ledger.Invoice && it.Open > 1000 && it.DocDate <= day {
			return &a.Items[i]
		}
	}
	return nil
}

// checkDisputesErased checks, in the export x read after the erasure, that the dispute
// and the block are kept — status, amount, dates, who did each step — and their free
// text replaced by mark.
func checkDisputesErased(t *testing.T, x *privacy.Export, mark string) {
	t.Helper()
	day := anchor.AddDays(-15)
	var d *dispute.Dispute // the demo may have given the customer other disputes: their text is erased too
	for i := range x.Disputes {
		for _, n := range x.Disputes[i].Notes {
			if n.Text != mark {
				t.Errorf("dispute %s keeps note %q", x.Disputes[i].ID, n.Text)
			}
		}
		if x.Disputes[i].Opened == day && x.Disputes[i].OpenedBy == "Claire" {
			d = &x.Disputes[i]
		}
	}
	if d == nil || d.History[0].Comment != mark || len(d.Notes) != 1 || d.Notes[0].Date != day.AddDays(2) || d.Total() != 1000 ||
		d.Status != dispute.StatusOpen || d.Reason != dispute.ReasonQuality {
		t.Errorf("dispute after erasure %+v", x.Disputes)
	}
	var rules string
	for _, r := range x.Retention {
		rules += r.Rule + " " + r.What + "\n"
	}
	if !strings.Contains(rules, "C. civ. 1219 and 1220") || !strings.Contains(rules, "the disputes and delivery blocks") {
		t.Errorf("kept list lacks the disputes and blocks:\n%s", rules)
	}
	var b *dispute.Block
	for i := range x.Blocks {
		if x.Blocks[i].Proposed.Date == day && x.Blocks[i].Proposed.By == "Claire" {
			b = &x.Blocks[i]
		}
	}
	if b == nil || b.State() != dispute.BlockActive || b.Proposed.Reasons[0].Args[1] != mark || b.Decision.Comment != mark ||
		b.LiftConditions != mark || b.SalesAnswer.Comment != "" || b.SalesAnswer.By != "Sophie" || b.Decision.Date != day.AddDays(2) {
		t.Errorf("block after erasure %+v", x.Blocks)
	}
}
