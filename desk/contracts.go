package desk

import (
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/contract"
	"relance/ledger/credit"
	"relance/ledger/earned"
	"relance/ledger/latereport"
	"relance/ledger/law"
	"relance/ledger/store"
	"relance/letters/termsheet"
)

// ContractView is a customer's contract at a date as the card's « Contrat » tab and
// `relance contract show` present it: the record (an empty one when none is stored),
// the payment terms in force, what the customer owes, the guarantees' cover, its sales
// over the year before the date and what to fix.
type ContractView struct {
	Contract  contract.Contract  `json:"contract"`
	Recorded  bool               `json:"recorded"` // a contract is stored for the customer
	Terms     ledger.Terms       `json:"terms"`    // the customer's, or the dossier's default
	Owed      ledger.Cents       `json:"owed"`
	Cover     ledger.Cents       `json:"cover"`      // the guarantees active at the date
	YearSales ledger.Cents       `json:"year_sales"` // invoices less credit notes over the 365 days to the date
	Findings  []contract.Finding `json:"findings"`
	AsOf      ledger.Date        `json:"as_of"`
}

// ContractOf returns customer's contract view at asOf. It reads the customer's whole
// account (its year of sales) on a session holding part of the history.
func (s *Session) ContractOf(customer string, asOf ledger.Date) (*ContractView, error) {
	ss, err := s.WithAccount(customer)
	if err != nil {
		return nil, err
	}
	acc := ss.Book.Account(customer)
	if acc == nil {
		return nil, &ledger.Problem{Key: "contract.err.customer", Args: []string{"value", customer}}
	}
	v := &ContractView{AsOf: asOf, Terms: ss.Book.TermsOf(&acc.Customer), Owed: acc.Balance(), Findings: []contract.Finding{}}
	if err := s.DB.View(func(tx *store.Tx) error {
		c, err := tx.Contract(customer)
		if c != nil {
			v.Contract, v.Recorded = *c, true
		}
		return err
	}); err != nil {
		return nil, err
	}
	if !v.Recorded {
		v.Contract = contract.Contract{Customer: customer}
	}
	v.Cover = v.Contract.CoverAt(asOf)
	from := asOf.AddDays(-365)
	for i := range acc.Items {
		it := &acc.Items[i]
		if (it.Kind == ledger.Invoice || it.Kind == ledger.CreditNote) && it.DocDate > from && it.DocDate <= asOf {
			v.YearSales += it.Amount
		}
	}
	var legal *decimal.Decimal
	if rates, err := s.DB.Rates(); err == nil {
		if r, err := rates.LegalRate(law.HalfOf(asOf), law.OtherCases); err == nil {
			legal = &r
		}
	}
	v.Findings = append(v.Findings, contract.Checks(&v.Contract, &acc.Customer, v.Terms, v.Owed, legal, asOf)...)
	return v, nil
}

// SaveContract stores contract c of its customer, recorded at asOf by by, in one
// transaction: the card's form and `relance contract set` call it.
func (s *Session) SaveContract(c contract.Contract, by string, asOf ledger.Date) error {
	c.Updated, c.By = asOf, by
	slices.SortStableFunc(c.Guarantees, func(a, b contract.Guarantee) int { return int(a.From - b.From) })
	return s.DB.Update(func(tx *store.Tx) error { return tx.PutContract(&c) })
}

// ContractClauses returns the contract recorded for customer, or nil: what the
// injonction route (its jurisdiction clause) and the insolvency claim (its
// retention-of-title clause) read.
func (s *Session) ContractClauses(customer string) (*contract.Contract, error) {
	var c *contract.Contract
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		c, err = tx.Contract(customer)
		return err
	})
	return c, err
}

// TermsSheet is the argument sheet for negotiating customer's payment terms at asOf
// when it asks for days more (termsheet.Sheet): its terms against the legal caps, how
// late it paid over 12 months, the cash the days would tie up and their cost a year at
// the firm's financing rate (percent). The card's « Fiche de négociation » and `relance
// contract sheet` call it.
func (s *Session) TermsSheet(customer string, days int, rate decimal.Decimal, lang string, asOf ledger.Date) (termsheet.Sheet, error) {
	if days < 1 || days > 365 {
		return termsheet.Sheet{}, &ledger.Problem{Key: "contract.err.days", Args: []string{"value", strconv.Itoa(days)}}
	}
	if rate.IsNegative() || rate.GreaterThan(decimal.NewFromInt(100)) {
		return termsheet.Sheet{}, &ledger.Problem{Key: "earned.err.rate", Args: []string{"value", rate.String()}}
	}
	v, err := s.ContractOf(customer, asOf)
	if err != nil {
		return termsheet.Sheet{}, err
	}
	ss, err := s.WithAccount(customer)
	if err != nil {
		return termsheet.Sheet{}, err
	}
	acc := ss.Book.Account(customer)
	cash, cost := contract.TermsCost(v.YearSales, days, rate)
	sh := termsheet.Sheet{Company: s.Book.Settings.Company, Currency: s.Book.Settings.Currency, Lang: lang, AsOf: asOf,
		Customer: acc.Customer, Terms: latereport.TermsText(lang, v.Terms), OverCap: v.Terms.ExceedsLegalCap(),
		Asked: days, Rate: rate, YearSales: v.YearSales, Cash: cash, Cost: cost, Contract: v.Contract, Findings: v.Findings}
	p := credit.Profile(acc, asOf, s.Book.Settings.Currency, credit.ProfileOptions{})
	if p.Late12m.Defined {
		sh.Late12m = i18n.T(lang, "terms.pdf.late_days", "days", earned.Num(lang, p.Late12m.Value.Round(1)))
	}
	return sh, nil
}

// ContractLines are the label/value lines of a contract view in lang: the CGV, the
// terms, the clauses, what the customer owes against the guarantees' cover.
func ContractLines(lang string, v *ContractView, money func(ledger.Cents) string, date func(ledger.Date) string) [][2]string {
	t := func(k string, args ...string) string { return i18n.T(lang, k, args...) }
	c := &v.Contract
	cgv := t("contract.none")
	if c.Accepted.Valid() {
		cgv = t("contract.cgv_text", "cgv", c.CGV, "date", date(c.Accepted))
	} else if c.CGV != "" {
		cgv = t("contract.cgv_unaccepted", "cgv", c.CGV)
	}
	terms := latereport.TermsText(lang, v.Terms)
	if v.Terms.ExceedsLegalCap() {
		terms += " — " + t("terms.pdf.over_cap")
	}
	rate := t("contract.late_rate_statutory")
	if c.LateRate != nil {
		rate = earned.Num(lang, *c.LateRate) + " %"
	}
	clause := t("contract.none")
	if c.PenaltyClause != nil {
		clause = t("contract.clause_text", "pct", earned.Num(lang, *c.PenaltyClause))
	}
	court := t("contract.none")
	if c.Court != "" {
		court = c.Court
	}
	rot := t("contract.no")
	if c.RetentionOfTitle {
		rot = t("contract.yes")
	}
	return [][2]string{
		{t("contract.f.cgv"), cgv},
		{t("contract.f.terms"), terms},
		{t("contract.f.late_rate"), rate},
		{t("contract.f.penalty_clause"), clause},
		{t("contract.f.court"), court},
		{t("contract.f.retention"), rot},
		{t("contract.f.owed"), t("contract.owed_text", "owed", money(v.Owed), "cover", money(v.Cover))},
		{t("contract.f.year_sales"), money(v.YearSales)},
	}
}

// clauseNote adds to injonction pack p what customer's jurisdiction clause means for
// it: the clause does not apply to the request, which goes to the judge of the
// debtor's domicile (CPC 1406); it names the court of a référé or of an action on the
// merits between merchants (CPC 48).
func (s *Session) clauseNote(p *law.IPPack, customer string) error {
	c, err := s.ContractClauses(customer)
	if err != nil || c == nil || c.Court == "" {
		return err
	}
	p.Eligibility.Checks = append(p.Eligibility.Checks, law.Check{OK: true,
		Note: law.Note{Key: "contract.ip.check.clause", Args: []string{"court", c.Court}}})
	return nil
}

// OrderView is the order check of a customer at a date with what it was computed from.
type OrderView struct {
	Customer string `json:"customer"`
	Ref      string `json:"ref,omitempty"` // the order's reference
	contract.OrderCheck
	Class   string       `json:"class"`
	Owed    ledger.Cents `json:"owed"`
	Overdue ledger.Cents `json:"overdue"`
	Limit   ledger.Cents `json:"limit"`
	Cover   ledger.Cents `json:"cover"`
	Blocked bool         `json:"blocked"`
	AsOf    ledger.Date  `json:"as_of"`
}

// CheckOrder says what an order of amount from customer needs at asOf before it is
// accepted (contract.CheckOrder): the deposit its risk class asks (risk.Class.Deposit),
// the whole order when its deliveries are blocked, the part over its credit limit or
// its guarantees' cover. The card's « Commande à l'étude… » and `relance order` call it.
func (s *Session) CheckOrder(customer, ref string, amount ledger.Cents, asOf ledger.Date) (*OrderView, error) {
	if amount <= 0 {
		return nil, &ledger.Problem{Key: "order.err.amount", Args: []string{"value", amount.String()}}
	}
	v, err := s.ContractOf(customer, asOf)
	if err != nil {
		return nil, err
	}
	classOf, err := s.Classes(asOf)
	if err != nil {
		return nil, err
	}
	pol, err := s.RiskPolicy()
	if err != nil {
		return nil, err
	}
	ss, err := s.WithAccount(customer)
	if err != nil {
		return nil, err
	}
	acc := ss.Book.Account(customer)
	in := contract.OrderInput{Amount: amount, Class: classOf(customer), Owed: acc.Balance(), Overdue: acc.Overdue(asOf),
		Limit: acc.Customer.CreditLimit, Cover: v.Cover, Public: acc.Customer.Kind == ledger.PublicBody}
	if c := pol.Class(in.Class); c != nil {
		in.ClassPct = c.Deposit
	}
	for i := range s.Blocks {
		if b := &s.Blocks[i]; b.Customer == customer && b.BlockedAt(asOf) {
			in.Blocked = true
		}
	}
	return &OrderView{Customer: customer, Ref: ref, OrderCheck: contract.CheckOrder(in), Class: in.Class, Owed: in.Owed,
		Overdue: in.Overdue, Limit: in.Limit, Cover: in.Cover, Blocked: in.Blocked, AsOf: asOf}, nil
}
