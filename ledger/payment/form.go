package payment

import (
	"strings"

	"relance/ledger"
)

// Form is a payment as a person types it, in the window's form or on the command line:
// both fronts parse it here, so that they refuse the same input with the same words.
type Form struct {
	Customer string
	Date     string   // DD/MM/YYYY or YYYY-MM-DD
	Amount   string   // "1 234,56", "1234.56", "1 234,56 €"
	Method   string   // a Method, or its French name (virement, chèque…); empty: transfer
	Ref      string   // cheque number, transfer reference
	Invoices []string // "N" or "N:AMOUNT": the invoices chosen (none: oldest due first)
}

// Request is a parsed form: the payment (without its ID, allocations, entry date,
// author or source, which RecordPayment gives) and the debits wanted.
type Request struct {
	Payment Payment
	Wants   []Want
}

// methodNames are the words accepted for each method, English and French, without
// accents or case.
var methodNames = map[string]Method{
	"transfer": Transfer, "virement": Transfer, "vir": Transfer,
	"cheque": Cheque, "check": Cheque, "chq": Cheque,
	"direct_debit": DirectDebit, "prelevement": DirectDebit, "sepa": DirectDebit,
	"card": Card, "carte": Card, "cb": Card,
	"cash": Cash, "especes": Cash,
	"bill": Bill, "effet": Bill, "lcr": Bill, "traite": Bill,
}

// ParseMethod reads a method typed in English or French ("chèque", "Prélèvement");
// empty gives Transfer.
func ParseMethod(s string) (Method, bool) {
	k := strings.ToLower(strings.TrimSpace(s))
	if k == "" {
		return Transfer, true
	}
	k = strings.NewReplacer("é", "e", "è", "e", "ê", "e", "-", "_", " ", "_").Replace(k)
	m, ok := methodNames[k]
	return m, ok
}

// ParseAmount reads an amount typed the French or English way: "10 000", "10000,50",
// "10,000.50 €".
func ParseAmount(s string) (ledger.Cents, error) {
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "€", "", "£", "", "$", "").Replace(s)
	if strings.Contains(s, ",") && strings.Contains(s, ".") {
		s = strings.ReplaceAll(s, ",", "") // English thousands separators
	}
	return ledger.ParseCents(strings.ReplaceAll(s, ",", "."))
}

// ParseDay reads a date typed DD/MM/YYYY or YYYY-MM-DD.
func ParseDay(s string) (ledger.Date, error) {
	s = strings.TrimSpace(s)
	if d, err := ledger.ParseFrenchDate(s); err == nil {
		return d, nil
	}
	return ledger.ParseDate(s)
}

// ParseForm reads a typed payment. It refuses, naming the field and the value, a
// missing customer, a date that is not one, an amount that is not a positive amount
// of money, an unknown method, an invoice whose amount is not one.
func ParseForm(f Form) (Request, error) {
	var r Request
	p := &r.Payment
	p.Customer, p.Ref = strings.TrimSpace(f.Customer), strings.TrimSpace(f.Ref)
	bad := func(key, field, value string) (Request, error) {
		return Request{}, &ledger.Problem{Key: key, Args: []string{"customer", p.Customer, "field", field, "value", value}}
	}
	if p.Customer == "" {
		return bad("payment.err.customer", "customer", f.Customer)
	}
	d, err := ParseDay(f.Date)
	if err != nil {
		return bad("payment.err.date_typed", "date", f.Date)
	}
	p.Date = d
	a, err := ParseAmount(f.Amount)
	if err != nil || a <= 0 {
		return bad("payment.err.amount_typed", "amount", f.Amount)
	}
	p.Amount = a
	m, ok := ParseMethod(f.Method)
	if !ok {
		return bad("payment.err.method", "method", f.Method)
	}
	p.Method = m
	for _, s := range f.Invoices {
		w := Want{Number: strings.TrimSpace(s)}
		if i := strings.LastIndex(s, ":"); i >= 0 {
			a, err := ParseAmount(s[i+1:])
			if err != nil || a <= 0 {
				return bad("payment.err.invoice_typed", "invoice", s)
			}
			w.Number, w.Amount = strings.TrimSpace(s[:i]), a
		}
		if w.Number == "" {
			return bad("payment.err.invoice_typed", "invoice", s)
		}
		r.Wants = append(r.Wants, w)
	}
	return r, nil
}
