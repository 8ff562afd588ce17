package desk_test

import (
	"testing"

	"relance/desk"
	"relance/ledger"
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
	if len(x.Promises) != 1 || x.Promises[0].Note != mark || x.Promises[0].Amount != 5000 || x.Promises[0].Due != day.AddDays(10) {
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
