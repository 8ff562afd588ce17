package desk

import (
	"strings"

	"relance/ledger"
	"relance/ledger/overindebt"
	"relance/ledger/payment"
)

// OverindebtForm is an over-indebtedness file as a person types it, in the customer
// card's form or on the command line: both fronts parse it with ParseOverindebtForm.
type OverindebtForm struct {
	Customer, Commission, Ref, Note string
	// Address is the commission's address on one line, "LINE, LINE, POSTCODE CITY"
	// (ledger.ParseAddressLine).
	Address string
	// Filed, Admitted, Notified, OutcomeDate are DD/MM/YYYY or YYYY-MM-DD; empty: not
	// yet (Filed is required).
	Filed, Admitted, Notified, OutcomeDate string
	// DebtorAmount is the claim as the debtor declared it ("1 020,00"); empty: not known.
	DebtorAmount string
	// Outcome is an outcome's name (overindebt.ParseOutcome); empty: the file runs.
	Outcome string
}

// ParseOverindebtForm reads a typed file. A bad value is refused naming the field and
// the value as typed (overindebt.err.typed); the store validates the file against its
// customer (overindebt.Case.Validate).
func ParseOverindebtForm(f OverindebtForm) (overindebt.Case, error) {
	k := overindebt.Case{Customer: strings.TrimSpace(f.Customer), Commission: strings.TrimSpace(f.Commission),
		Ref: strings.TrimSpace(f.Ref), Note: strings.TrimSpace(f.Note)}
	typed := func(field, value string) error {
		return &ledger.Problem{Key: "overindebt.err.typed", Args: []string{"field_key", "overindebt.field." + field, "value", value}}
	}
	if a := strings.TrimSpace(f.Address); a != "" {
		k.CommissionAddress = ledger.ParseAddressLine(a)
	}
	for _, d := range []struct {
		field, text string
		dst         *ledger.Date
	}{{"filed", f.Filed, &k.Filed}, {"admitted", f.Admitted, &k.Admitted}, {"notified", f.Notified, &k.Notified},
		{"outcome_date", f.OutcomeDate, &k.OutcomeDate}} {
		if strings.TrimSpace(d.text) == "" {
			continue
		}
		v, err := payment.ParseDay(d.text)
		if err != nil {
			return k, typed(d.field, d.text)
		}
		*d.dst = v
	}
	if s := strings.TrimSpace(f.DebtorAmount); s != "" {
		v, err := payment.ParseAmount(s)
		if err != nil || v < 0 {
			return k, typed("debtor_amount", f.DebtorAmount)
		}
		k.DebtorAmount = v
	}
	o, ok := overindebt.ParseOutcome(f.Outcome)
	if !ok {
		return k, typed("outcome", f.Outcome)
	}
	k.Outcome = o
	return k, nil
}
