package desk_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/payment"
	"relance/ledger/risk"
	"relance/ledger/store"
)

// Writes from the Partial session, each compared with the same write from the whole
// session on an identical dossier.
func TestPartialSessionWrites(t *testing.T) {
	day := anchor
	probe := filepath.Join(t.TempDir(), "probe.db")
	if err := demo.Create(probe, day); err != nil {
		t.Fatal(err)
	}
	at := exactFrom(t, probe).AddDays(10)

	// A payment recorded (today, and back-dated before since), then the account read
	// again (ReloadCustomer): the customer's documents and the opening figures.
	for _, back := range []int{0, 200} {
		t.Run("RecordPayment-"+bJSON(t, back, nil), func(t *testing.T) {
			whole, part := bWrite(t, day, at)
			id := ""
			for _, a := range whole.Book.Accounts {
				if a.Balance() > 10000 {
					id = a.Customer.ID
					break
				}
			}
			req := payment.Request{Payment: payment.Payment{Customer: id, Date: at.AddDays(-back), Amount: 10000, Method: payment.Transfer, Ref: "VIR AUDIT"}}
			pw, errW := whole.RecordPayment(req, at, "test")
			pp, errP := part.RecordPayment(req, at, "test")
			bStep(t, "payment", bJSON(t, pp, errP), bJSON(t, pw, errW), "")
			bReread(t, whole, part, id)
			bStep(t, "customer", customerOutput(t, part, id, at), customerOutput(t, whole, id, at), "")
			bStep(t, "figures", reachOutput(t, part, at, desk.OpeningReach()), reachOutput(t, whole, at, desk.OpeningReach()), "")
			// Returned by the bank, then read again.
			rw, errW := whole.ReturnPayment(pw.ID, at, at, "test")
			rp, errP := part.ReturnPayment(pp.ID, at, at, "test")
			bStep(t, "return", bJSON(t, rp, errP), bJSON(t, rw, errW), "")
			bReread(t, whole, part, id)
			bStep(t, "customer-after-return", customerOutput(t, part, id, at), customerOutput(t, whole, id, at), "")
			bStep(t, "figures-after-return", reachOutput(t, part, at, desk.OpeningReach()), reachOutput(t, whole, at, desk.OpeningReach()), "")
			// Reversed (entered by mistake), then the Partial session read again whole-
			// sale (Reload: the same part of the history).
			vw, errW := whole.ReversePayment(rw.ID, at, "erreur", at, "test")
			vp, errP := part.ReversePayment(rp.ID, at, "erreur", at, "test")
			bStep(t, "reverse", bJSON(t, vp, errP), bJSON(t, vw, errW), "")
			if err := whole.Reload(); err != nil {
				t.Fatal(err)
			}
			if err := part.Reload(); err != nil {
				t.Fatal(err)
			}
			if !part.Partial {
				t.Errorf("Reload made the session whole")
			}
			w, err := part.WithAccount(id)
			if err != nil {
				t.Fatal(err)
			}
			bStep(t, "customer-after-reload", customerOutput(t, w, id, at), customerOutput(t, whole, id, at), "")
			bStep(t, "figures-after-reload", reachOutput(t, part, at, desk.OpeningReach()), reachOutput(t, whole, at, desk.OpeningReach()), "")
		})
	}

	// A penalty invoice issued from a.book (no WithAccount): the archived invoice.
	t.Run("IssuePenaltyInvoice", func(t *testing.T) {
		whole, part := bWrite(t, day, at)
		issueAt := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
		var got, want strings.Builder
		for _, a := range whole.Book.Accounts {
			id := a.Customer.ID
			req := desk.PenaltyInvoiceRequest{Customer: id, AsOf: at}
			rw, errW := whole.IssuePenaltyInvoice(req, "test", issueAt, nil)
			rp, errP := part.IssuePenaltyInvoice(req, "test", issueAt, nil)
			for _, r := range []*desk.PenaltyIssue{rw, rp} {
				if r != nil {
					r.PDF = nil
				}
			}
			want.WriteString(id + ":" + bJSON(t, rw, errW) + "\n")
			got.WriteString(id + ":" + bJSON(t, rp, errP) + "\n")
		}
		bSame(t, got.String(), want.String(), "WRONG RECORD: the penalty invoice issued (archived, numbered) leaves out the invoices paid late and closed before since; WithAccount(id) first")
	})

	// An interruption naming an item closed before since (an acknowledgement of an
	// invoice since paid), recorded from a.book.
	t.Run("RecordInterruption", func(t *testing.T) {
		whole, part := bWrite(t, day, at)
		id, it := bOldClosed(whole, part)
		if it == nil {
			t.Fatal("no closed item outside the Partial book")
		}
		rec := func() *dunning.InterruptionRecord {
			return &dunning.InterruptionRecord{Customer: id, Kind: law.Acknowledgement, Date: it.DueDate.AddDays(10), Items: []string{it.Number}}
		}
		rw, rp := rec(), rec()
		errW := whole.RecordInterruption(rw, at, "test")
		errP := part.RecordInterruption(rp, at, "test")
		bStep(t, "from-a.book", bJSON(t, rp, errP), bJSON(t, rw, errW), "an act naming an invoice closed before since is refused (dunning.err.unknown_item); WithAccount(id) first")
		// The register listed from the Partial session (the Procédures screen's
		// Interruptions tab, all customers).
		if err := part.Reload(); err != nil {
			t.Fatal(err)
		}
		if err := whole.Reload(); err != nil {
			t.Fatal(err)
		}
		lw, errW := whole.Interruptions("")
		lp, errP := part.Interruptions("")
		bStep(t, "register", bJSON(t, lp, errP), bJSON(t, lw, errW), "the register's item numbers are looked up in acc.Items (itemNumber): an act naming an invoice closed before since shows its item ID instead of its number; WithAccount for each customer listed, or store the number in the act")
	})

	// The risk policy saved with a longer look-back (bounced payments over two years):
	// the window recomputes the classes from the same session (riskChanged).
	t.Run("SaveRiskPolicy", func(t *testing.T) {
		// A direct debit rejected 16 months before at (an old closed debit flagged, as a
		// ledger import flags the re-debit of a rejected payment).
		flagOld := func(path string) {
			db, err := store.Open(path, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			err = db.Update(func(tx *store.Tx) error {
				if pays, err := tx.Payments(""); err != nil || len(pays) > 0 {
					return err // the demo has none: every account is read in part
				}
				a, err := tx.Account("C00001")
				if err != nil {
					return err
				}
				items := slices.Clone(a.Items)
				for i := range items {
					it := &items[i]
					if d := at.DaysSince(it.DocDate); it.Amount > 0 && it.Open == 0 && d > 470 && d < 550 {
						it.Flags |= ledger.FlagRejectedDebit
						return tx.PutItems("C00001", items)
					}
				}
				return errors.New("no old closed debit")
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		whole, part := bWriteWith(t, day, at, flagOld)
		bStep(t, "before", reachOutput(t, part, at, desk.Reach{Risk: true}), reachOutput(t, whole, at, desk.Reach{Risk: true}), "")
		p := risk.DefaultPolicy()
		p.Signals.BounceDays = 600
		for _, s := range []*desk.Session{whole, part} {
			if err := s.SaveRiskPolicy(p); err != nil {
				t.Fatal(err)
			}
		}
		// The window recomputes the classes from the same session (riskChanged).
		bStep(t, "same-session", reachOutput(t, part, at, desk.Reach{Risk: true}), reachOutput(t, whole, at, desk.Reach{Risk: true}),
			"the Partial book was read for the policy's look-back at opening (risk.Since): after a longer one is saved, the rejected debit of 16 months ago is not seen; the session must be read again (Reload, which re-reads the part with the new policy) before riskChanged recomputes")
		if err := part.Reload(); err != nil {
			t.Fatal(err)
		}
		bStep(t, "after-Reload", reachOutput(t, part, at, desk.Reach{Risk: true}), reachOutput(t, whole, at, desk.Reach{Risk: true}), "")
	})
}

// The bank import from the Partial session: the review (matching credits against the
// open items, returns against the payments) and what ApplyStatement records.
func TestPartialSessionBank(t *testing.T) {
	probe := filepath.Join(t.TempDir(), "probe.db")
	if err := demo.Create(probe, bankDay); err != nil {
		t.Fatal(err)
	}
	at := max(bankDay, exactFrom(t, probe))
	for _, name := range []string{"releve-demo.camt053.xml", "releve-demo.csv"} {
		t.Run(name, func(t *testing.T) {
			whole, part := bWrite(t, bankDay, at)
			st, err := desk.ReadStatement(filepath.Join("..", "testdata", "bank", name))
			if err != nil {
				t.Fatal(err)
			}
			rw, err := whole.ReviewStatement(st, at)
			if err != nil {
				t.Fatal(err)
			}
			rp, err := part.ReviewStatement(st, at)
			if err != nil {
				t.Fatal(err)
			}
			bStep(t, "review", bJSON(t, rp, nil), bJSON(t, rw, nil), "")
			resW, errW := whole.ApplyStatement(rw, rw.AutoChoices(), at, "test")
			resP, errP := part.ApplyStatement(rp, rp.AutoChoices(), at, "test")
			bStep(t, "apply", bJSON(t, resP, errP), bJSON(t, resW, errW), "")
		})
	}
	// A return of a ledger payment received long ago (beyond since, within the 400 days
	// the bank matches): its lettered invoices are closed items.
	t.Run("old-ledger-payment-return", func(t *testing.T) {
		whole, part := bWrite(t, bankDay, at)
		var pay *ledger.Item
		var cust string
		for _, a := range whole.Book.Accounts {
			if part.HasWhole(a.Customer.ID) {
				continue
			}
			pa := part.Book.Account(a.Customer.ID)
			for i := range a.Items {
				it := &a.Items[i]
				if it.Kind == ledger.Payment && it.Amount < 0 && it.Match != "" && at.DaysSince(it.DocDate) > 200 && at.DaysSince(it.DocDate) < 380 &&
					!slices.ContainsFunc(pa.Items, func(x ledger.Item) bool { return x.ID == it.ID }) {
					pay, cust = it, a.Customer.ID
					break
				}
			}
			if pay != nil {
				break
			}
		}
		if pay == nil {
			t.Skip("no old lettered ledger payment in the demo")
		}
		acc := whole.Book.Account(cust)
		csv := "Date;Libellé;Montant\n" + at.French() + ";REJET PRELEVEMENT " + pay.Number + " " + acc.Customer.Name + ";-" + strings.ReplaceAll((-pay.Amount).String(), ".", ",") + "\n"
		path := filepath.Join(t.TempDir(), "rejet.csv")
		if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
			t.Fatal(err)
		}
		st, err := desk.ReadStatement(path)
		if err != nil {
			t.Skipf("statement not read: %v", ledger.Localize(err, "fr"))
		}
		rw, err := whole.ReviewStatement(st, at)
		if err != nil {
			t.Fatal(err)
		}
		rp, err := part.ReviewStatement(st, at)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("customer %s, ledger payment %s of %s on %s; whole review: %s", cust, pay.ID, (-pay.Amount).String(), pay.DocDate, bJSON(t, rw.Lines, nil))
		bStep(t, "review", bJSON(t, rp.Lines, nil), bJSON(t, rw.Lines, nil),
			"match.Reversals looks for the ledger payments of the last 400 days in book.Accounts: one closed before since is not proposed; the review needs those payments (a LoadSince from at−400 days, or a store index of the payments)")
		// The whole review's choice applied from the Partial session: the invoices the
		// return opens again are looked up in a.Items (ApplyStatement).
		for i := range rw.Lines {
			if len(rw.Lines[i].Takes) > 0 {
				ch := []desk.BankChoice{rw.Choose(i, 0)}
				resW, errW := whole.ApplyStatement(rw, ch, at, "test")
				resP, errP := part.ApplyStatement(rw, ch, at, "test")
				bStep(t, "apply", bJSON(t, resP, errP), bJSON(t, resW, errW),
					"WRONG RECORD: the return's allocations (the invoices opened again) are looked up in the Partial account's items (ApplyStatement, t.Settled): closed before since, they are dropped")
			}
		}
	})
}
