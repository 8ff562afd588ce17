package demo

import (
	"relance/ledger"
	"relance/ledger/risk"
	"relance/ledger/store"
)

// putRisk records the demo's risk history, so that the screens show every part of it:
// the classes adopted a month before today (initial assignments), the proposals the
// month's events lead to at today — one accepted, one rejected, the others pending —,
// two manual overrides with their reasons, and an acknowledged signal. It reads the
// dossier as written so far (disputes, promises, actions, procedures included).
func putRisk(tx *store.Tx, today ledger.Date) error {
	book, err := tx.Load()
	if err != nil {
		return err
	}
	in := risk.Input{Book: book, Policy: risk.DefaultPolicy(), AsOf: today.AddDays(-30)}
	if in.Disputes, err = tx.Disputes(); err != nil {
		return err
	}
	if in.Promises, err = tx.Promises(""); err != nil {
		return err
	}
	if in.Actions, err = tx.Actions(""); err != nil {
		return err
	}
	if in.Procedures, err = tx.Procedures(); err != nil {
		return err
	}
	res, err := risk.Assess(in)
	if err != nil {
		return err
	}
	if _, err := tx.RecordChanges(risk.Recompute(res, in.Records)); err != nil {
		return err
	}
	if in.Records, err = tx.RiskRecords(); err != nil {
		return err
	}

	// Overrides, decided a week ago: a bank guarantee lets an over-limit customer stay
	// "under watch"; a change of management puts a good payer under watch.
	in.AsOf = today
	if res, err = risk.Assess(in); err != nil {
		return err
	}
	var guaranteed, watched, acked *risk.Assessment
	for i := range res.Assessments {
		as := &res.Assessments[i]
		switch {
		case guaranteed == nil && as.Computed == "D" && as.HasSignal(risk.SigOverLimit) && !as.HasSignal(risk.SigInsolvency):
			guaranteed = as
		case watched == nil && as.Computed == "B" && as.Balance > 1000000:
			watched = as
		}
		if acked == nil && as.HasSignal(risk.SigBounced) {
			acked = as
		}
	}
	week := today.AddDays(-7)
	if guaranteed != nil {
		if err := tx.AddOverride(risk.Override{Customer: guaranteed.Customer, Class: "C", By: "Claire Martin", Date: week,
			Reason: "Garantie bancaire à première demande de 30 000 € reçue ; dépassement de limite couvert"}); err != nil {
			return err
		}
	}
	if watched != nil {
		if err := tx.AddOverride(risk.Override{Customer: watched.Customer, Class: "C", By: "Claire Martin", Date: week,
			Reason: "Changement de dirigeant annoncé par le commercial : surveillance renforcée trois mois"}); err != nil {
			return err
		}
	}
	if acked != nil {
		for _, s := range acked.Signals {
			if s.Key == risk.SigBounced {
				if err := tx.AddAck(risk.Ack{Customer: acked.Customer, Signal: s.Key, By: "Claire Martin", Date: max(s.Since, today.AddDays(-3)),
					Comment: "Chèque représenté à l'encaissement ; le client a confirmé la provision par téléphone"}); err != nil {
					return err
				}
			}
		}
	}

	// Proposals at today; the first worse one is accepted, the first better one rejected.
	if in.Records, err = tx.RiskRecords(); err != nil {
		return err
	}
	if res, err = risk.Assess(in); err != nil {
		return err
	}
	props, err := tx.RecordChanges(risk.Recompute(res, in.Records))
	if err != nil {
		return err
	}
	var accepted, rejected bool
	for _, pr := range props {
		switch {
		case !accepted && pr.Worse(&in.Policy):
			accepted = true
			_, err = tx.DecideProposal(pr.ID, risk.Accepted, "Claire Martin", "Signaux confirmés par l'appel du jour", today)
		case !rejected && !pr.Worse(&in.Policy):
			rejected = true
			_, err = tx.DecideProposal(pr.ID, risk.Rejected, "Claire Martin", "Amélioration trop récente : on attend le prochain relevé", today)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
