package desk

import (
	"slices"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/overindebt"
	"relance/ledger/store"
	"relance/letters/letterpdf"
	"relance/letters/templates"
)

// OverindebtRow is a consumer customer's over-indebtedness file with its customer's
// name (its ID when the customer is gone), what the file means at the as-of date
// (phase, reminders held, penalties frozen, deadlines) and the claim in principal the
// ledger shows (overindebt.BuildClaim: open invoices less credits).
type OverindebtRow struct {
	overindebt.Case
	Name   string            `json:"name"`
	Status overindebt.Status `json:"status"`
	Claim  ledger.Cents      `json:"claim"`
}

// row is file k at asOf as the screens and the command show it.
func (s *Session) overindebtRow(k overindebt.Case, asOf ledger.Date) OverindebtRow {
	r := OverindebtRow{Case: k, Name: k.Customer, Status: k.At(asOf)}
	if acc := s.Book.Account(k.Customer); acc != nil {
		r.Name = acc.Customer.Name
		r.Claim = overindebt.BuildClaim(acc, k, asOf).Total
	}
	return r
}

// Overindebts lists the dossier's over-indebtedness files in customer order, each at
// asOf.
func (s *Session) Overindebts(asOf ledger.Date) ([]OverindebtRow, error) {
	all, err := s.DB.LoadOverindebts()
	if err != nil {
		return nil, err
	}
	rows := make([]OverindebtRow, 0, len(all))
	for _, k := range all {
		rows = append(rows, s.overindebtRow(k, asOf))
	}
	return rows, nil
}

// Overindebt returns customer's file at asOf, or nil when it has none.
func (s *Session) Overindebt(customer string, asOf ledger.Date) (*OverindebtRow, error) {
	var k *overindebt.Case
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		k, err = tx.Overindebt(customer)
		return err
	})
	if err != nil || k == nil {
		return nil, err
	}
	r := s.overindebtRow(*k, asOf)
	return &r, nil
}

// SetOverindebt records or updates customer k.Customer's over-indebtedness file, in
// one transaction: a business customer is refused (C. consom. L711-1), the steps must
// come in order (overindebt.Case.Validate). The justification already sent (Justified,
// JustifiedOn) is kept when k leaves it empty; Recorded and By say who entered it when.
// It returns the file at asOf.
func (s *Session) SetOverindebt(k overindebt.Case, asOf ledger.Date, by string) (*OverindebtRow, error) {
	k.Recorded, k.By = asOf, s.Who(by)
	err := s.DB.Update(func(tx *store.Tx) error {
		old, err := tx.Overindebt(k.Customer)
		if err != nil {
			return err
		}
		if old != nil && k.Justified == 0 && !k.JustifiedOn.Valid() {
			k.Justified, k.JustifiedOn = old.Justified, old.JustifiedOn
		}
		return tx.PutOverindebt(&k)
	})
	if err != nil {
		return nil, err
	}
	r := s.overindebtRow(k, asOf)
	return &r, nil
}

// DeleteOverindebt removes customer's file (one entered by mistake); a customer
// without a file is refused.
func (s *Session) DeleteOverindebt(customer string) error {
	return s.DB.Update(func(tx *store.Tx) error {
		ok, err := tx.DeleteOverindebt(customer)
		if err == nil && !ok {
			err = &ledger.Problem{Key: "overindebt.err.none", Args: []string{"customer", customer}}
		}
		return err
	})
}

// OverindebtHeld returns, for the agenda at asOf, whether an over-indebtedness file
// holds a customer's reminders (overindebt.Status.Held) and the reason shown.
func (s *Session) OverindebtHeld(asOf ledger.Date) (func(customer string) (dunning.Reason, bool), error) {
	all, err := s.DB.LoadOverindebts()
	if err != nil {
		return nil, err
	}
	byCustomer := make(map[string]overindebt.Case, len(all))
	for _, k := range all {
		byCustomer[k.Customer] = k
	}
	return func(customer string) (dunning.Reason, bool) {
		k, ok := byCustomer[customer]
		if !ok {
			return dunning.Reason{}, false
		}
		st := k.At(asOf)
		if !st.Held {
			return dunning.Reason{}, false
		}
		return HeldReason(&k, st), true
	}, nil
}

// HeldReason says why file k holds its customer's reminders at st.AsOf, with the date
// of the step that holds them (C. consom. L722-2, L722-5).
func HeldReason(k *overindebt.Case, st overindebt.Status) dunning.Reason {
	switch st.Phase {
	case overindebt.PhaseAdmitted, overindebt.PhaseLiabilities:
		return dunning.Reason{Key: "overindebt.why.admitted", Args: []string{"date", k.Admitted.String()}}
	case overindebt.PhaseDecided:
		return dunning.Reason{Key: "overindebt.why.decided." + string(k.Outcome), Args: []string{"date", k.OutcomeDate.String()}}
	}
	return dunning.Reason{Key: "overindebt.why.filed", Args: []string{"date", k.Filed.String()}}
}

// overindebtHolds returns a Problem when customer's file holds its reminders at asOf
// and stage is a reminder or a formal notice (what asks the debtor to pay, which the
// debtor may not do: C. consom. L722-5); nil otherwise.
func (s *Session) overindebtHolds(customer string, stage templates.Stage, asOf ledger.Date) error {
	if !remindStage(stage) {
		return nil
	}
	r, err := s.Overindebt(customer, asOf)
	if err != nil || r == nil || !r.Status.Held {
		return err
	}
	return &ledger.Problem{Key: "overindebt.err.held", Args: []string{"customer", r.Name, "date", r.Filed.String()}}
}

// withoutHeld leaves out of jobs of stage the customers whose over-indebtedness file
// holds their reminders at asOf (overindebtHolds).
func (s *Session) withoutHeld(jobs []letterpdf.Job, stage templates.Stage, asOf ledger.Date) ([]letterpdf.Job, error) {
	if !remindStage(stage) {
		return jobs, nil
	}
	held, err := s.OverindebtHeld(asOf)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(jobs, func(j letterpdf.Job) bool { _, h := held(j.Customer); return h }), nil
}

// remindStage reports whether a letter of stage asks the debtor to pay: a reminder or
// a formal notice.
func remindStage(stage templates.Stage) bool {
	switch stage {
	case templates.Pre, templates.R1, templates.R2, templates.R3, templates.MED:
		return true
	}
	return false
}

// overindebtNoPenalty returns a Problem when customer's over-indebtedness file holds
// its reminders at asOf: no penalty invoice is sent then, since the debtor may not pay
// (C. consom. L722-5) and the debts bear no penalty from the admissibility (L722-14
// [to verify]).
func (s *Session) overindebtNoPenalty(customer string, asOf ledger.Date) error {
	r, err := s.Overindebt(customer, asOf)
	if err != nil || r == nil || !r.Status.Held {
		return err
	}
	return &ledger.Problem{Key: "overindebt.err.penalty", Args: []string{"customer", r.Name, "date", r.Filed.String()}}
}

// overindebtWarn marks injonction pack p not eligible when customer's over-indebtedness
// file holds its reminders at asOf: once the file is admitted, enforcement against the
// debtor is suspended (C. consom. L722-2) and the claim goes to the commission.
func (s *Session) overindebtWarn(p *law.IPPack, customer string, asOf ledger.Date) error {
	r, err := s.Overindebt(customer, asOf)
	if err != nil || r == nil || !r.Status.Held {
		return err
	}
	p.Eligibility.Eligible = false
	p.Eligibility.Checks = append([]law.Check{{OK: false, Note: law.Note{Key: "overindebt.ip.check.held",
		Args: []string{"date", r.Filed.String()}}}}, p.Eligibility.Checks...)
	return nil
}

// overindebtFrozen returns customer's file when it freezes the penalties at end, or nil.
func (s *Session) overindebtFrozen(customer string, end ledger.Date) (*overindebt.Case, error) {
	r, err := s.Overindebt(customer, end)
	if err != nil || r == nil || !r.Status.Frozen {
		return nil, err
	}
	return &r.Case, nil
}
