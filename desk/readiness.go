package desk

import (
	"cmp"
	"slices"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/law"
)

// Readiness is what a dossier still lacks for its letters and legal documents to be
// complete: the company's identity on the letterhead (C. com. R123-237), the person
// who signs, the postal address of the customers who owe an overdue amount and the
// civility of those who are consumers (for the letters' salutation). The
// rates of the half-year are reported apart (the rate tables).
type Readiness struct {
	// CompanyMissing names the company fields still empty: "address", "siren", "iban"
	// (the account the letters ask to pay into).
	CompanyMissing []string `json:"company_missing,omitempty"`
	// SignatoryMissing names what the letters' signature block still lacks: "name",
	// "phone", "email" (the reminder and notice templates print all three).
	SignatoryMissing []string `json:"signatory_missing,omitempty"`
	// Customers counts the dossier's customers; Overdue those with an overdue amount
	// at the as-of date.
	Customers int `json:"customers"`
	Overdue   int `json:"overdue"`
	// NoAddress lists the customers with an overdue amount and no postal address,
	// largest overdue first: no letter can be sent to them.
	NoAddress []ledger.CustomerSummary `json:"no_address,omitempty"`
	// NoCivility lists the consumers with an overdue amount and no civility, largest
	// overdue first: their letters can only say « Madame, Monsieur, ».
	NoCivility []ledger.CustomerSummary `json:"no_civility,omitempty"`
	// Half is the as-of date's half-year and MissingRates the rates it lacks
	// (MissingRates): no penalty or formal notice can be computed after its first day.
	Half         law.Half         `json:"half"`
	MissingRates []law.RateSource `json:"missing_rates,omitempty"`
}

// AddressesKey is the message key, in lang, of the line about NoAddress (its {n},
// {overdue} and {names}): every overdue customer or some of them, one or more.
func (r *Readiness) AddressesKey(lang string) string {
	base := "ui.ready.addresses"
	if len(r.NoAddress) == r.Overdue {
		return i18n.N(lang, base+"_all", r.Overdue)
	}
	return i18n.N(lang, base, len(r.NoAddress))
}

// Ready reports whether nothing is missing.
func (r *Readiness) Ready() bool {
	return r.Customers > 0 && len(r.CompanyMissing) == 0 && len(r.SignatoryMissing) == 0 && len(r.NoAddress) == 0 &&
		len(r.NoCivility) == 0 && len(r.MissingRates) == 0
}

// Readiness says what the dossier still lacks at asOf.
func (s *Session) Readiness(asOf ledger.Date) Readiness {
	return s.ReadinessOf(asOf, s.Customers(asOf))
}

// ReadinessOf is Readiness from the customers' summaries at asOf, when the caller holds
// them already (the window does).
func (s *Session) ReadinessOf(asOf ledger.Date, sums []ledger.CustomerSummary) Readiness {
	var r Readiness
	r.Half, r.MissingRates = s.MissingRates(asOf)
	co := s.Book.Settings.Company
	if len(co.Address.Lines) == 0 || co.Address.City == "" {
		r.CompanyMissing = append(r.CompanyMissing, "address")
	}
	if co.SIREN == "" {
		r.CompanyMissing = append(r.CompanyMissing, "siren")
	}
	if co.IBAN == "" {
		r.CompanyMissing = append(r.CompanyMissing, "iban")
	}
	sig := s.Book.Settings.Signatory
	for _, f := range []struct{ name, v string }{{"name", sig.Name}, {"phone", sig.Phone}, {"email", sig.Email}} {
		if f.v == "" {
			r.SignatoryMissing = append(r.SignatoryMissing, f.name)
		}
	}
	r.Customers = len(sums)
	for _, c := range sums {
		if c.Overdue <= 0 {
			continue
		}
		r.Overdue++
		acc := s.Book.Account(c.ID)
		if acc == nil {
			continue
		}
		if len(acc.Customer.Address.Lines) == 0 || acc.Customer.Address.City == "" {
			r.NoAddress = append(r.NoAddress, c)
		}
		if acc.Customer.Kind == ledger.Consumer && acc.Customer.Civility == "" {
			r.NoCivility = append(r.NoCivility, c)
		}
	}
	byOverdue := func(a, b ledger.CustomerSummary) int { return cmp.Compare(b.Overdue, a.Overdue) }
	slices.SortStableFunc(r.NoAddress, byOverdue)
	slices.SortStableFunc(r.NoCivility, byOverdue)
	return r
}
