package law

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/proof"
)

// NoticeRef is the formal notice (mise en demeure) sent before the request, as found in
// the archive of issued letters or declared by the user.
type NoticeRef struct {
	Date      ledger.Date `json:"date"`
	Ref       string      `json:"ref,omitempty"`      // archived letter ID or LRAR number
	Receipt   ledger.Date `json:"receipt,omitempty"`  // date on the signed AR (avis de réception)
	InDossier bool        `json:"in_dossier"`         // found in the dossier's archive
	SHA256    string      `json:"sha256,omitempty"`   // of the archived PDF
	Tracking  string      `json:"tracking,omitempty"` // LRAR tracking number
}

// FormField is one entry of a request form, in the form's order.
type FormField struct {
	Section string        `json:"section"` // i18n key of the form's section
	Label   string        `json:"label"`   // i18n key of the field
	Text    string        `json:"text,omitempty"`
	Key     string        `json:"key,omitempty"` // i18n key of a translatable value
	Args    []string      `json:"args,omitempty"`
	Amount  *ledger.Cents `json:"amount,omitempty"`
	Date    ledger.Date   `json:"date,omitempty"`
	// Decimals names the Args values that are decimal numbers ("12.15"), written with
	// the language's decimal separator.
	Decimals []string `json:"decimals,omitempty"`
}

// Value renders the field's value in lang.
func (f FormField) Value(lang, currency string) string {
	var parts []string
	if f.Key != "" {
		args := f.Args
		if lang == "fr" && len(f.Decimals) > 0 {
			args = slices.Clone(f.Args)
			for i := 0; i+1 < len(args); i += 2 {
				if slices.Contains(f.Decimals, args[i]) {
					args[i+1] = strings.Replace(args[i+1], ".", ",", 1)
				}
			}
		}
		parts = append(parts, Note{Key: f.Key, Args: args}.Text(lang))
	}
	if f.Text != "" {
		parts = append(parts, f.Text)
	}
	if f.Amount != nil {
		parts = append(parts, f.Amount.Format(lang, currency))
	}
	if f.Date.Valid() {
		parts = append(parts, FormatDate(lang, f.Date))
	}
	return strings.Join(parts, " ")
}

// FormatDate writes a date the way a form expects it: 23/11/2026 in French, 2026-11-23
// otherwise.
func FormatDate(lang string, d ledger.Date) string {
	if !d.Valid() {
		return ""
	}
	if lang == "fr" {
		y, m, day := d.YMD()
		return fmt.Sprintf("%02d/%02d/%04d", day, int(m), y)
	}
	return d.String()
}

// DocStatus says where a supporting document is.
type DocStatus string

// Document statuses.
const (
	DocInDossier DocStatus = "in_dossier" // found in the dossier (archived letter)
	DocGenerated DocStatus = "generated"  // Relance produces it (statement of account, décompte)
	DocLedger    DocStatus = "ledger"     // recorded in the ledger: print a copy from the invoicing software
	DocToAttach  DocStatus = "to_attach"  // not in the dossier: to attach
)

// Document is one line of the bordereau of supporting documents (CPC 1407).
type Document struct {
	N      int       `json:"n"`
	Key    string    `json:"key"` // i18n key of the description
	Args   []string  `json:"args,omitempty"`
	Status DocStatus `json:"status"`
}

// IPPack is the injonction de payer pack of a customer: eligibility, court, the request's
// data in the order of the court's form, the décompte, the bordereau and the costs.
type IPPack struct {
	AsOf        ledger.Date  `json:"as_of"`
	Customer    string       `json:"customer"`
	Name        string       `json:"name"`
	Currency    string       `json:"currency"`
	Eligibility Eligibility  `json:"eligibility"`
	Lines       []ClaimLine  `json:"lines"`
	Principal   ledger.Cents `json:"principal"`
	Court       Court        `json:"court"`
	Form        []FormField  `json:"form"`
	// European is the Form A data (Reg. 1896/2006 Annex I) when the debtor lives in
	// another member state.
	European  []FormField  `json:"european,omitempty"`
	Decompte  *Decompte    `json:"decompte,omitempty"`
	Total     ledger.Cents `json:"total"` // principal + interest + indemnities
	Documents []Document   `json:"documents"`
	Costs     []Cost       `json:"costs"`
	CostTotal ledger.Cents `json:"cost_total"`
	Notice    *NoticeRef   `json:"notice,omitempty"`
	Notes     []Note       `json:"notes"`
	// Penalties is the part of Principal made of issued penalty invoices still owed
	// (claim lines of kind KindPenaltyInvoice): no interest or indemnity runs on it.
	Penalties ledger.Cents `json:"penalty_invoices,omitempty"`
	// ProofWarnings are the pieces of proof missing or not recorded for the invoices
	// claimed (injonction_proof.go), when the dossier records them.
	ProofWarnings []Note `json:"proof_warnings,omitempty"`
}

// PackOptions complete IPInput for the pack.
type PackOptions struct {
	Notice       *NoticeRef
	ContractRate decimal.NullDecimal // agreed penalty rate, B2B only
	// Proofs are the pieces of proof recorded for the customer's invoices, by item ID
	// (nil: not read; the bordereau then lists the contract and delivery proofs as a
	// whole).
	Proofs map[string]proof.Invoice
}

// BuildInjonction prepares the injonction de payer pack (or the European order's
// Form A data) of in.Customer at in.AsOf for the creditor settings s, with the rates r.
func BuildInjonction(r *Rates, s ledger.Settings, in IPInput, opt PackOptions) (*IPPack, error) {
	s = s.Normalize()
	if in.Country == "" {
		in.Country = s.Country
	}
	c := in.Customer
	p := &IPPack{AsOf: in.AsOf, Customer: c.ID, Name: c.Name, Currency: s.Currency, Notice: opt.Notice, Notes: []Note{}}
	p.Eligibility, p.Lines, p.Principal = CheckEligibility(in)
	if p.Lines == nil {
		p.Lines = []ClaimLine{}
	}
	p.Court = CompetentCourt(c, in.ConsumerCreditOrLease, in.Country, in.AsOf)

	var invoices []Invoice
	for _, l := range p.Lines {
		switch {
		case l.Kind == KindPenaltyInvoice:
			p.Penalties += l.Claimed
		case l.Claimed > 0:
			invoices = append(invoices, Invoice{Ref: l.Number, Amount: l.Claimed, Due: l.DueDate})
		}
	}
	p.Total = p.Principal
	if len(invoices) > 0 && r != nil {
		terms := Terms{Debtor: DebtorOf(c), End: in.AsOf, ContractRate: opt.ContractRate, Currency: currencyOr(s.Currency)}
		skip := false
		if terms.Debtor == DebtorConsumer {
			// C. civ. 1231-6, 1344-1: legal interest from the formal notice only.
			if opt.Notice == nil || !opt.Notice.Date.Valid() {
				skip = true
				p.Notes = append(p.Notes, Note{Key: "law.ip.note.no_notice_interest"})
			} else {
				terms.Notice = opt.Notice.Date
				for i := range invoices {
					if invoices[i].Due > terms.Notice {
						terms.Notice = invoices[i].Due // interest cannot start before the due date
					}
				}
			}
		}
		if !skip {
			d, capped, err := computeCapped(r, terms, invoices)
			if err != nil {
				return nil, fmt.Errorf("injonction %s: %w", c.ID, err)
			}
			if capped != nil {
				p.Notes = append(p.Notes, *capped)
			}
			dropBilledIndemnities(d, in.Penalties)
			p.Decompte = d
			p.Total = d.Totals.TotalDue + p.Penalties
		}
	}
	var costNotes []Note
	p.Costs, p.CostTotal, costNotes = CostEstimate(p.Court, p.Principal, p.AsOf)
	p.Notes = append(p.Notes, costNotes...)
	p.Documents = bordereau(p, opt.Notice, opt.Proofs)
	if opt.Proofs != nil {
		p.ProofWarnings = proofWarnings(p.Lines, opt.Proofs)
	}
	p.Form = requestForm(p, s, c)
	if p.Court.Kind == CourtEU {
		p.European = formA(p, s, c)
	}
	if strings.TrimSpace(s.Representative.Name) == "" {
		p.Notes = append([]Note{{Key: "law.ip.note.rep_missing"}}, p.Notes...)
	}
	if opt.Notice == nil {
		p.Notes = append(p.Notes, Note{Key: "law.ip.note.notice_missing"})
	}
	if p.Court.Kind != CourtAdmin {
		// service within 6 months and opposition within a month: an injonction's rules, not
		// a référé before the administrative court
		p.Notes = append(p.Notes, Note{Key: "law.ip.note.service"}, Note{Key: "law.ip.note.opposition"})
	}
	return p, nil
}

// bordereau lists the supporting documents (CPC 1407: "bordereau des documents
// justificatifs"), in the usual order: contract, delivery, invoices, statement,
// formal notice and its AR, décompte.
func bordereau(p *IPPack, notice *NoticeRef, proofs map[string]proof.Invoice) []Document {
	var docs []Document
	add := func(key string, st DocStatus, args ...string) {
		docs = append(docs, Document{N: len(docs) + 1, Key: key, Args: args, Status: st})
	}
	add("law.doc.contract", DocToAttach)
	if proofs == nil {
		add("law.doc.delivery", DocToAttach)
	}
	for _, l := range p.Lines {
		switch {
		case l.Kind == KindPenaltyInvoice && l.Claimed > 0: // issued by Relance: in the letter archive
			add("penaltyinv.doc", DocInDossier, "number", l.Number, "date", l.DocDate.String(), "amount", l.Amount.String())
		case l.Claimed > 0 && proofs != nil: // its order, delivery proof and copy (injonction_proof.go)
			proofExhibits(l, proofs[l.Item], add)
		case l.Claimed > 0:
			add("law.doc.invoice", DocLedger, "number", l.Number, "date", l.DocDate.String(), "amount", l.Amount.String())
		}
	}
	add("law.doc.statement", DocGenerated, "date", p.AsOf.String())
	switch {
	case notice != nil && notice.InDossier:
		add("law.doc.notice", DocInDossier, "date", notice.Date.String(), "ref", notice.Ref)
	case notice != nil:
		add("law.doc.notice", DocToAttach, "date", notice.Date.String(), "ref", notice.Ref)
	default:
		add("law.doc.notice_none", DocToAttach)
	}
	if notice != nil && notice.Receipt.Valid() {
		add("law.doc.receipt", DocToAttach, "date", notice.Receipt.String())
	} else {
		add("law.doc.receipt_none", DocToAttach)
	}
	add("law.doc.decompte", DocGenerated, "date", p.AsOf.String())
	return docs
}

func centsPtr(c ledger.Cents) *ledger.Cents { return &c }

// requestForm lays out the request's data in the order of the court's Cerfa form
// (12946*02 at the tribunal de commerce, 12948*06 at the tribunal judiciaire, 16040*01
// before the juge des contentieux de la protection): applicant, representative,
// debtor, claim (principal, interest, penalty clause, costs), cause, documents, date
// and signature (CPC 1407 and 57).
func requestForm(p *IPPack, s ledger.Settings, c *ledger.Customer) []FormField {
	co := s.Company
	var f []FormField
	add := func(section, label string, ff FormField) {
		ff.Section, ff.Label = section, label
		f = append(f, ff)
	}
	const sA, sM, sD, sC, sX, sP, sS = "law.form.s.applicant", "law.form.s.representative", "law.form.s.debtor",
		"law.form.s.claim", "law.form.s.cause", "law.form.s.documents", "law.form.s.signature"
	name := co.Name
	if co.LegalForm != "" && !strings.Contains(name, co.LegalForm) {
		name += " " + co.LegalForm
	}
	add(sA, "law.form.company", FormField{Text: name})
	add(sA, "law.form.siren", FormField{Text: strings.TrimSpace(co.SIREN + " " + co.RCSCity)})
	add(sA, "law.form.seat", FormField{Text: oneLine(co.Address)})
	add(sA, "law.form.legal_rep", legalRep(s))
	add(sM, "law.form.representative", FormField{Key: "law.form.self"})
	add(sD, "law.form.debtor_name", FormField{Text: c.Name})
	switch c.Kind {
	case ledger.Consumer:
		add(sD, "law.form.debtor_person", FormField{Key: "law.form.person_fields"})
	default:
		add(sD, "law.form.siren", FormField{Text: c.SIREN})
	}
	add(sD, "law.form.debtor_address", FormField{Text: oneLine(c.Address)})
	add(sC, "law.form.principal", FormField{Amount: centsPtr(p.Principal)})
	if d := p.Decompte; d != nil {
		rate := ""
		if len(d.Lines) > 0 {
			rate = d.Lines[len(d.Lines)-1].Rate.Rate.StringFixed(2)
		}
		if rate != "" {
			add(sC, "law.form.interest", FormField{Key: "law.form.interest." + d.Debtor.String(), Args: []string{"rate", rate}, Decimals: []string{"rate"},
				Amount: centsPtr(d.Totals.Interest)})
		} else {
			add(sC, "law.form.interest", FormField{Key: "law.form.none"})
		}
		add(sC, "law.form.interest_to", FormField{Date: d.End})
		add(sC, "law.form.indemnity", FormField{Key: "law.form.indemnity_n." + d.Debtor.String(), Args: []string{"n", itoa(countIndemnities(d))},
			Amount: centsPtr(d.Totals.Indemnity)})
	} else {
		add(sC, "law.form.interest", FormField{Key: "law.form.none"})
	}
	add(sC, "law.form.costs", FormField{Key: "law.form.costs_depens"})
	add(sC, "law.form.total", FormField{Amount: centsPtr(p.Total)})
	add(sX, "law.form.cause", FormField{Key: "law.form.cause_text", Args: []string{"count", itoa(countClaimed(p.Lines))}})
	add(sX, "law.form.basis", FormField{Key: "law.form.basis." + DebtorOf(c).String()})
	add(sP, "law.form.documents", FormField{Key: "law.form.documents_n", Args: []string{"n", itoa(len(p.Documents))}})
	add(sS, "law.form.place_date", FormField{Text: co.Address.City, Date: p.AsOf})
	add(sS, "law.form.signatory", legalRep(s))
	return f
}

// formA lays out the data of Form A of Reg. (EC) 1896/2006 (Annex I), section by
// section: court, parties, jurisdiction, cross-border nature, bank details, principal,
// interest, penalty, costs, evidence, declaration.
func formA(p *IPPack, s ledger.Settings, c *ledger.Customer) []FormField {
	co := s.Company
	var f []FormField
	add := func(section, label string, ff FormField) {
		ff.Section, ff.Label = section, label
		f = append(f, ff)
	}
	add("law.eu.s1", "law.eu.court", FormField{Key: "law.eu.court_text", Args: []string{"country", c.Address.Country, "city", c.Address.City}})
	add("law.eu.s2", "law.eu.claimant", FormField{Text: co.Name + ", " + oneLine(co.Address)})
	add("law.eu.s2", "law.eu.defendant", FormField{Text: c.Name + ", " + oneLine(c.Address)})
	add("law.eu.s3", "law.eu.jurisdiction", FormField{Key: "law.eu.jurisdiction_text"})
	add("law.eu.s4", "law.eu.crossborder", FormField{Text: strings.ToUpper(s.Country) + " / " + strings.ToUpper(c.Address.Country)})
	add("law.eu.s5", "law.eu.bank", FormField{Text: strings.TrimSpace(co.IBAN + " " + co.BIC)})
	add("law.eu.s6", "law.eu.principal", FormField{Amount: centsPtr(p.Principal), Key: "law.eu.principal_text",
		Args: []string{"count", itoa(countClaimed(p.Lines))}})
	if d := p.Decompte; d != nil {
		add("law.eu.s7", "law.eu.interest", FormField{Key: "law.eu.interest_text", Amount: centsPtr(d.Totals.Interest)})
		add("law.eu.s8", "law.eu.penalty", FormField{Amount: centsPtr(d.Totals.Indemnity), Key: "law.eu.penalty_text"})
	}
	add("law.eu.s9", "law.eu.costs", FormField{Key: "law.eu.costs_text"})
	add("law.eu.s10", "law.eu.evidence", FormField{Key: "law.eu.evidence_text"})
	rep := legalRep(s)
	rep.Date = p.AsOf
	add("law.eu.s12", "law.eu.declaration", rep)
	return f
}

// legalRep names the creditor's legal representative, "Name, Capacity" (the capacity
// from the legal form when not given), or says that it is missing from the settings:
// the request is made by the company through its representative (CPC 1407, 117), not
// by the collection manager who signs the letters.
func legalRep(s ledger.Settings) FormField {
	r := s.Representative
	name := strings.TrimSpace(r.Name)
	if name == "" {
		return FormField{Key: "law.form.rep_missing"}
	}
	if c := r.CapacityFor(s.Company.LegalForm); c != "" {
		name += ", " + c
	}
	return FormField{Text: name}
}

func countClaimed(lines []ClaimLine) int {
	n := 0
	for _, l := range lines {
		if l.Claimed > 0 {
			n++
		}
	}
	return n
}

func countIndemnities(d *Decompte) int {
	n := 0
	for _, t := range d.Invoices {
		if t.Indemnity > 0 {
			n++
		}
	}
	return n
}

// oneLine writes an address on one line: street, postcode city, and the country
// when it is not France.
func oneLine(a ledger.Address) string {
	line := a.OneLine()
	if a.Country != "" && a.Country != "FR" {
		line = strings.TrimPrefix(line+", "+a.Country, ", ")
	}
	return line
}

// computeCapped runs Compute; when the rate tables stop before terms.End (a half-year
// whose rates are not published or not yet added to the dossier), it computes up to
// the last day of the last half-year the tables cover instead, and returns that day
// with a note saying so: a décompte is never guessed beyond the published rates.
func computeCapped(r *Rates, terms Terms, invoices []Invoice) (*Decompte, *Note, error) {
	d, err := Compute(r, terms, invoices...)
	if err == nil {
		return d, nil, nil
	}
	_, known := r.ECBRateCoverage()
	if !known.Valid() {
		return nil, nil, err
	}
	limit := HalfOf(known).End()
	if limit >= terms.End {
		return nil, nil, err
	}
	capped := terms
	capped.End = limit
	d2, err2 := Compute(r, capped, invoices...)
	if err2 != nil {
		return nil, nil, err
	}
	// The fixed indemnity does not depend on a rate: due for every invoice late at the
	// real end date (C. com. L441-10 II, D441-5), even if the interest stops at limit.
	for i := range d2.Invoices {
		t := &d2.Invoices[i]
		if t.Late || t.Indemnity > 0 || t.Due >= terms.End || t.Principal <= 0 {
			continue
		}
		var ind ledger.Cents
		switch terms.Debtor {
		case DebtorB2B, DebtorPublic:
			ind = FixedIndemnityEUR
		case DebtorUK:
			ind = UKCompensation(t.Amount)
		}
		t.Indemnity, t.Late = ind, true
		d2.Totals.Indemnity += ind
	}
	d2.Totals.TotalDue = d2.Totals.Principal + d2.Totals.Interest + d2.Totals.Indemnity
	return d2, &Note{Key: "law.ip.note.rates_cap", Args: []string{"date", limit.String(), "end", terms.End.String()}}, nil
}

// Text renders the document's description in lang, dates and amounts formatted.
func (d Document) Text(lang, currency string) string {
	return FormatNote(Note{Key: d.Key, Args: d.Args}, lang, currency)
}

// FormatNote renders n in lang with its date arguments (date, end, notice, due) and
// amount arguments (amount) written the way the language writes them, and the rate
// notes' arguments (rate_kind, period, pct, source) in words.
func FormatNote(n Note, lang, currency string) string {
	args := append([]string(nil), n.Args...)
	for i := 0; i+1 < len(args); i += 2 {
		switch args[i] {
		case "date", "end", "notice", "due", "judgment":
			if dt, err := ledger.ParseDate(args[i+1]); err == nil {
				args[i+1] = FormatDate(lang, dt)
			}
		case "procedure":
			args[i+1] = (&ledger.Problem{Key: "law.proc.kind." + args[i+1]}).Localize(lang)
		case "amount":
			if c, err := ledger.ParseCents(args[i+1]); err == nil {
				args[i+1] = c.Format(lang, currency)
			}
		case "pounds", "band": // Late Payment Act sums, always in pounds
			if c, err := ledger.ParseCents(args[i+1]); err == nil {
				args[i+1] = c.Format(lang, "GBP")
			}
		default:
			args[i+1], _ = formatRateArg(lang, args[i], args[i+1]) // rate notes (rates_source.go)
		}
	}
	return Note{Key: n.Key, Args: args}.Text(lang)
}
