package demo

import (
	"time"

	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
	"relance/ledger/store"
)

// dunningDays is how far back the demo's reminder history starts.
const dunningDays = 75

// putDunning gives the demo dossier a reminder history that leads to a realistic
// agenda on today: the procedure is replayed on every working day of the last
// dunningDays days (letters sent, calls made with varied outcomes, some actions left
// undone so that they are overdue today, nothing on the last working day), with
// promises in each state (pending, kept, broken), two payment plans (one honoured with
// an acknowledgement of debt, one defaulted: acceleration) and two term requests.
func putDunning(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	ds, _ := Disputes(book, today)
	idx := dispute.NewIndex(ds)
	if err := putPlans(tx, book, today); err != nil {
		return err
	}
	if err := putKeptPromises(tx, book, today); err != nil {
		return err
	}
	start := today.AddDays(-dunningDays)
	lastWorked := today.AddDays(-1)
	for lastWorked.Weekday() == time.Saturday || lastWorked.Weekday() == time.Sunday {
		lastWorked = lastWorked.AddDays(-1)
	}
	for d := start; d < lastWorked; d = d.AddDays(1) {
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		rec, err := tx.Dunning()
		if err != nil {
			return err
		}
		ag := dunning.Run(dunning.Input{Book: book, AsOf: d, Records: rec, Disputes: idx})
		for i := range ag.Promises { // the collector records the promises found kept or broken
			if err := tx.PutPromise(&ag.Promises[i]); err != nil {
				return err
			}
		}
		for i := range ag.Plans {
			if err := tx.PutPlan(&ag.Plans[i]); err != nil {
				return err
			}
		}
		for n, e := range ag.Entries {
			h := mix(e.Customer, int(d)+n)
			if h%7 == 0 || (e.Channel == dunning.ChanLegal && h%4 == 0) {
				continue // left for later: overdue on the agenda
			}
			eff, err := dunning.Record(e, book.Account(e.Customer), demoOutcome(e, d, h))
			if err != nil {
				return err
			}
			if err := tx.ApplyOutcome(&eff); err != nil {
				return err
			}
		}
	}
	if err := putPendingPromises(tx, book, today); err != nil {
		return err
	}
	for i, a := range openAccounts(book, today, 2) {
		err := tx.AddAction(&dunning.Action{Customer: a.Customer.ID, Kind: dunning.KindTermRequest, Date: today.AddDays(-20 + 11*i),
			By: "Claire Martin", Note: "Demande de passer à 60 jours fin de mois"})
		if err != nil {
			return err
		}
	}
	return nil
}

// demoOutcome is a varied, deterministic outcome for entry e done on day d.
func demoOutcome(e dunning.Entry, d ledger.Date, h uint32) dunning.Outcome {
	o := dunning.Outcome{Kind: dunning.OutcomeSent, Date: d, By: "Claire Martin"}
	if e.Channel != dunning.ChanCall && e.Channel != dunning.ChanVisit {
		return o
	}
	switch h % 10 {
	case 0, 1, 2:
		o.Kind = dunning.OutcomeNoAnswer
	case 3, 4:
		o.Kind = dunning.OutcomeRefusal
		o.Note = "Trésorerie tendue, paiement à la fin du mois prochain"
	case 5:
		o.Kind = dunning.OutcomeCallback
		o.Callback = d.AddDays(4)
		o.Note = "Comptable absente, rappeler jeudi"
	case 6, 7:
		o.Kind = dunning.OutcomePromise
		o.Amount = e.Amount
		o.PayBy = d.AddDays(7)
		o.Note = "Virement promis"
	case 8:
		o.Kind = dunning.OutcomeWrongContact
	default:
		o.Kind = dunning.OutcomePaid
		o.Note = "Dit avoir payé par chèque"
	}
	return o
}

// mix is a small deterministic hash of s and n.
func mix(s string, n int) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return (h ^ uint32(n)) * 16777619 >> 3
}

// openAccounts returns up to n accounts with overdue debits at today, in book order,
// skipping the first skip of them.
func openAccounts(book *ledger.Book, today ledger.Date, skip int) []*ledger.Account {
	var out []*ledger.Account
	for _, a := range book.Accounts {
		if a.Overdue(today) > 100000 && a.Customer.Status != ledger.StatusInsolvency {
			if skip > 0 {
				skip--
				continue
			}
			out = append(out, a)
			if len(out) == 2 {
				break
			}
		}
	}
	return out
}

// payments returns the payments of a dated from..to.
func payments(a *ledger.Account, from, to ledger.Date) []*ledger.Item {
	var out []*ledger.Item
	for i := range a.Items {
		it := &a.Items[i]
		if it.Kind == ledger.Payment && it.Amount < 0 && it.DocDate >= from && it.DocDate <= to {
			out = append(out, it)
		}
	}
	return out
}

// putKeptPromises records two promises kept: made a week before a payment received in
// the last two months, for its amount.
func putKeptPromises(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	n := 0
	for _, a := range book.Accounts[10:] {
		ps := payments(a, today.AddDays(-60), today.AddDays(-10))
		if len(ps) == 0 || n == 2 {
			continue
		}
		pay := ps[0]
		p := dunning.Promise{Customer: a.Customer.ID, Made: pay.DocDate.AddDays(-6), Due: pay.DocDate.AddDays(1), Amount: -pay.Amount,
			Status: dunning.PromiseKept, Closed: pay.DocDate.AddDays(2), By: "Claire Martin", Note: "Promesse obtenue par téléphone"}
		if err := tx.PutPromise(&p); err != nil {
			return err
		}
		err := tx.AddAction(&dunning.Action{Customer: a.Customer.ID, Kind: dunning.ActionKind(dunning.ChanCall), Stage: "call1",
			Date: p.Made, Outcome: dunning.OutcomePromise, By: p.By, Record: p.ID})
		if err != nil {
			return err
		}
		n++
	}
	return nil
}

// putPlans records the two payment plans: one honoured (instalments paid on time,
// acknowledgement of debt signed, one instalment to come), one defaulted (its first
// instalment missed: the acceleration clause made the whole balance due).
func putPlans(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	var honoured, defaulted *ledger.Account
	for _, a := range book.Accounts {
		if a.Customer.Status == ledger.StatusInsolvency || a.Balance() <= 50000 {
			continue
		}
		if ps := payments(a, today.AddDays(-100), today); honoured == nil && len(ps) == 2 && ps[1].DocDate <= today.AddDays(-5) {
			honoured = a
		} else if defaulted == nil && a.Overdue(today) > 200000 && len(payments(a, today.AddDays(-90), today)) == 0 {
			defaulted = a
		}
	}
	if honoured != nil {
		ps := payments(honoured, today.AddDays(-100), today.AddDays(-5))[:2]
		p := dunning.Plan{Customer: honoured.Customer.ID, Agreed: ps[0].DocDate.AddDays(-10), Acknowledgement: true, Acceleration: true,
			Status: dunning.PlanActive, By: "Claire Martin", Note: "Échéancier accordé après difficulté de trésorerie"}
		for _, it := range ps {
			p.Instalments = append(p.Instalments, dunning.Instalment{Due: it.DocDate, Amount: -it.Amount})
		}
		p.Instalments = append(p.Instalments, dunning.Instalment{Due: today.AddDays(20), Amount: honoured.Balance()})
		if err := putPlan(tx, honoured, &p); err != nil {
			return err
		}
	}
	if defaulted != nil {
		agreed := today.AddDays(-70)
		p := dunning.Plan{Customer: defaulted.Customer.ID, Agreed: agreed, Acceleration: true, Status: dunning.PlanActive,
			By: "Claire Martin", Note: "Trois mensualités, première impayée"}
		bal := defaulted.Balance()
		p.Instalments = []dunning.Instalment{{Due: agreed.AddDays(15), Amount: bal / 3}, {Due: agreed.AddDays(45), Amount: bal / 3},
			{Due: agreed.AddDays(75), Amount: bal - 2*(bal/3)}}
		if err := putPlan(tx, defaulted, &p); err != nil {
			return err
		}
	}
	return nil
}

func putPlan(tx *store.Tx, a *ledger.Account, p *dunning.Plan) error {
	for _, in := range p.Instalments {
		p.Total += in.Amount
	}
	for _, it := range a.Items {
		if it.Open > 0 && it.DocDate <= p.Agreed {
			p.Items = append(p.Items, it.ID)
		}
	}
	if err := tx.PutPlan(p); err != nil {
		return err
	}
	return tx.AddActions([]dunning.Action{
		{Customer: a.Customer.ID, Kind: dunning.KindPlan, Date: p.Agreed, By: p.By, Record: p.ID, Amount: p.Total},
		{Customer: a.Customer.ID, Kind: dunning.ActionKind(dunning.ChanLetter), Stage: "plan", Date: p.Agreed, By: p.By, Outcome: dunning.OutcomeSent},
	})
}

// putPendingPromises records two promises obtained on the last working days, due in
// the coming week: their invoices are out of the agenda until then.
func putPendingPromises(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	rec, err := tx.Dunning()
	if err != nil {
		return err
	}
	ag := dunning.Run(dunning.Input{Book: book, AsOf: today, Records: rec})
	n := 0
	for _, e := range ag.Entries {
		if e.Channel != dunning.ChanCall || n == 2 {
			continue
		}
		made := today.AddDays(-3 + n)
		eff, err := dunning.Record(e, book.Account(e.Customer), dunning.Outcome{Kind: dunning.OutcomePromise, Date: made,
			By: "Claire Martin", Amount: e.Amount, PayBy: today.AddDays(4 + 3*n), Note: "Virement annoncé par la comptable"})
		if err != nil {
			return err
		}
		eff.Actions = eff.Actions[:1] // the confirmation letter was sent: see the action below
		eff.Actions = append(eff.Actions, dunning.Action{Customer: e.Customer, Kind: dunning.ActionKind(dunning.ChanLetter),
			Stage: "conf", Date: made, By: "Claire Martin", Outcome: dunning.OutcomeSent, Items: e.Items})
		if err := tx.ApplyOutcome(&eff); err != nil {
			return err
		}
		n++
	}
	return nil
}
