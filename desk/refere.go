package desk

import (
	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/letters/injonction"
)

// RefereOptions tune the référé-provision pack.
type RefereOptions struct {
	// Notice is the demand for payment sent outside Relance; nil: the latest formal
	// notice recorded for the customer.
	Notice *law.NoticeRef
	// SkipPaidLate leaves out the invoices paid late, whose interest and €40 are
	// otherwise claimed (for a creditor who received them).
	SkipPaidLate bool
}

// RefereProvisionPack prepares the référé-provision pack of a public buyer at asOf —
// the tribunal administratif, the conditions, the invoices (the disputed part and the
// time-barred ones left out), the interest at ECB + 8 points fixed and €40 per invoice,
// the interest on interest paid beyond the 45 days of R2192-36, the facts, the
// exhibits and the mandatement d'office after the order —: the one home of the
// window's pane and of `relance refere`. The open amounts are those at asOf, the
// limitation counts every letter sent (loi 68-1250 art. 2). The penalty invoices
// issued (PenaltiesDue, as for the injonction and the claim filing) are claimed on
// their own lines and the lateness they billed is not computed again. A customer that
// is not a public body is refused with a message naming it.
func (s *Session) RefereProvisionPack(customer string, asOf ledger.Date, opt RefereOptions) (*law.ReferePack, error) {
	s, err := s.WithAccount(customer) // its invoices paid late, its penalty invoices
	if err != nil {
		return nil, err
	}
	acc := s.Book.Account(customer)
	if acc == nil {
		return nil, &ledger.Problem{Key: "pdf.err.customer", Args: []string{"value", customer}}
	}
	_, rec, err := s.DB.LoadDunning()
	if err != nil {
		return nil, err
	}
	notice := opt.Notice
	if notice == nil {
		var acts []dunning.Action
		for _, a := range rec.Actions {
			if a.Customer == customer {
				acts = append(acts, a)
			}
		}
		notice = injonction.LastNotice(acts, asOf)
	}
	pens, err := s.PenaltiesDue(customer, asOf)
	if err != nil {
		return nil, err
	}
	in := law.RefereInput{Account: acc, AsOf: asOf, Open: credit.OpenAtMap, Disputes: s.Index,
		Interruptions: rec.Interruptions(), Notice: notice, Penalties: pens, SkipPaidLate: opt.SkipPaidLate}
	return law.BuildRefere(s.Rates, s.Book.Settings, in)
}
