// Package compose builds a letter: it takes the dossier's settings, a customer's
// account, the chosen items, a stage, a language, an as-of date and the penalty rates,
// fills the stage's template, and returns a structured letter (header parts, subject,
// salutation, body paragraphs with the invoice table, totals, the optional penalty
// décompte annex, closing and signature) that letters/letterpdf draws and the letter
// checker reads through Letter.PlainText. A merge field without a value is an error
// listing every such field: a letter never goes out with a gap.
package compose

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/law"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// Previous is an earlier letter on the same debt (from the archive), cited in R2 and later.
type Previous struct {
	Date  ledger.Date
	Stage templates.Stage
}

// Promise is what the customer committed to on the phone (stage conf).
type Promise struct {
	Amount ledger.Cents
	Date   ledger.Date
}

// Plan is a payment plan (stage plan): Count monthly instalments from First.
type Plan struct {
	Count int
	First ledger.Date
}

// DisputeInfo is the dispute a letter acknowledges (stage dispute).
type DisputeInfo struct {
	Ref    string
	Opened ledger.Date
	Reason string                  // already in the letter's language
	DueBy  ledger.Date             // answer promised by; NoDate if none
	Items  map[string]ledger.Cents // item ID → disputed amount
}

// Specific is the text of a specific letter, edited for one customer from the
// template: the same syntax (merge fields are still filled and checked).
type Specific struct {
	Subject, Salutation, Body, Closing string
}

// Input is everything a letter is built from. Nothing is read from the clock.
type Input struct {
	Settings ledger.Settings
	Account  *ledger.Account
	Stage    templates.Stage
	Lang     string      // "fr" or "en"; empty: the customer's language
	Date     ledger.Date // letter date, and as-of date of every figure
	// Template is the template to fill; nil: the shipped one for Stage and Lang.
	Template *templates.Template
	// ItemIDs are the chosen items (ID or document number); empty: the stage's default
	// selection (open invoices not yet due for pre, the disputed ones for dispute,
	// else every overdue open debit not excluded).
	ItemIDs []string
	// Exclude leaves items out of the default selection (items under dispute).
	Exclude func(it *ledger.Item) bool
	// Rates are the penalty rate tables (store.DB.Rates); nil: the embedded ones.
	Rates *law.Rates
	// Procedures are the dossier's insolvency procedures: the penalties stop on the eve
	// of an opening judgment of the customer (law.DecompteOf).
	Procedures []law.Procedure
	Previous   []Previous
	Promise    *Promise
	Plan       *Plan
	Dispute    *DisputeInfo
	// BlockDate is when deliveries stop (stage block); NoDate: the letter date.
	BlockDate ledger.Date
	// Place is the town in "Lyon, le …"; empty: the company's city.
	Place    string
	Specific *Specific
}

// Line is a row of the invoice table.
type Line struct {
	ItemID    string       `json:"item"`
	Number    string       `json:"number"`
	DocDate   ledger.Date  `json:"date"`
	DueDate   ledger.Date  `json:"due"`
	Amount    ledger.Cents `json:"amount"`
	Paid      ledger.Cents `json:"paid"`
	Remaining ledger.Cents `json:"remaining"`
	DaysLate  int          `json:"days_late"`
}

// Totals sums the invoice table, and what a formal notice claims.
type Totals struct {
	Amount    ledger.Cents `json:"amount"`
	Paid      ledger.Cents `json:"paid"`
	Remaining ledger.Cents `json:"remaining"`
	Penalties ledger.Cents `json:"penalties"` // interest to the letter date (0 when none)
	Indemnity ledger.Cents `json:"indemnity"` // fixed indemnities (0 when none)
	Claimed   ledger.Cents `json:"claimed"`   // Remaining + Penalties + Indemnity
}

// Block is a body paragraph, or the place of the invoice table (Table true).
type Block struct {
	Text  string `json:"text,omitempty"`
	Table bool   `json:"table,omitempty"`
}

// Letter is a composed letter, ready to draw.
type Letter struct {
	Stage    templates.Stage   `json:"stage"`
	Lang     string            `json:"lang"`
	Template string            `json:"template"` // key, e.g. "r2.fr"
	Specific bool              `json:"specific"`
	Channel  templates.Channel `json:"channel"`
	Date     ledger.Date       `json:"date"`
	Deadline ledger.Date       `json:"deadline,omitempty"`

	Customer     string     `json:"customer"`
	CustomerName string     `json:"customer_name"`
	Recipient    []string   `json:"recipient"` // postal lines
	Email        string     `json:"email,omitempty"`
	Debtor       law.Debtor `json:"debtor"`

	Company   ledger.Company   `json:"-"`
	Signatory ledger.Signatory `json:"signatory"`
	Currency  string           `json:"currency"`
	Country   string           `json:"country"`

	Place      string  `json:"place"`
	Reference  string  `json:"reference"`
	Subject    string  `json:"subject"`
	Salutation string  `json:"salutation"`
	Body       []Block `json:"body"`
	Closing    string  `json:"closing"`

	Invoices []Line        `json:"invoices"`
	Totals   Totals        `json:"totals"`
	Decompte *law.Decompte `json:"decompte,omitempty"` // the annex, when the template asks for it
	ItemIDs  []string      `json:"items"`
}

// Compose builds the letter of in. Errors are *ledger.Problem: an unknown item, no
// item to write about, a template with unknown fields, or the list of every merge
// field without a value ("letters.err.missing").
func Compose(in Input) (*Letter, error) {
	if in.Account == nil {
		return nil, &ledger.Problem{Key: "letters.err.customer", Args: []string{"value", ""}}
	}
	if !in.Date.Valid() {
		return nil, &ledger.Problem{Key: "letters.err.date"}
	}
	if _, err := templates.ParseStage(string(in.Stage)); err != nil {
		return nil, err
	}
	c := &in.Account.Customer
	lang := in.Lang
	if lang == "" {
		lang = c.Language()
	}
	if lang != "fr" && lang != "en" {
		return nil, &ledger.Problem{Key: "letters.err.lang", Args: []string{"value", lang}}
	}
	tpl := in.Template
	if tpl == nil {
		var err error
		if tpl, err = templates.Shipped(in.Stage, lang); err != nil {
			return nil, err
		}
	}
	rates := in.Rates
	if rates == nil {
		var err error
		if rates, err = law.DefaultRates(); err != nil {
			return nil, err
		}
	}
	s := in.Settings.Normalize()
	l := &Letter{Stage: in.Stage, Lang: lang, Template: templates.Key(in.Stage, lang), Specific: in.Specific != nil,
		Channel: tpl.Channel, Date: in.Date, Customer: c.ID, CustomerName: c.Name, Debtor: law.DebtorOf(c),
		Company: s.Company, Signatory: s.Signatory, Currency: s.Currency, Country: s.Country}
	l.AddressTo(c, s.Country)
	l.Place = in.Place
	if l.Place == "" {
		l.Place = s.Company.Address.City
	}
	l.Reference = strings.ToUpper(string(in.Stage)) + "-" + c.ID + "-" + strings.ReplaceAll(in.Date.String(), "-", "")
	if err := selectLines(l, &in); err != nil {
		return nil, err
	}
	m := newMerger(l, &in, tpl, rates)
	m.fill()
	return m.merge()
}

// selectLines fills l.Invoices, l.ItemIDs and the table totals.
func selectLines(l *Letter, in *Input) error {
	open := credit.OpenAt(in.Account, in.Date)
	byKey := map[string]*credit.OpenItem{}
	for i := range open {
		o := &open[i]
		byKey[o.ID] = o
		if o.Number != "" {
			if _, dup := byKey[o.Number]; !dup {
				byKey[o.Number] = o
			}
		}
	}
	var chosen []*credit.OpenItem
	switch {
	case len(in.ItemIDs) > 0:
		seen := map[string]bool{}
		for _, id := range in.ItemIDs {
			o := byKey[id]
			if o == nil || o.OpenAt <= 0 {
				return &ledger.Problem{Key: "letters.err.item", Args: []string{"value", id, "customer", in.Account.Customer.ID}}
			}
			if !seen[o.ID] {
				seen[o.ID] = true
				chosen = append(chosen, o)
			}
		}
	case in.Stage == templates.Dispute && in.Dispute != nil:
		for i := range open {
			if _, ok := in.Dispute.Items[open[i].ID]; ok {
				chosen = append(chosen, &open[i])
			}
		}
	default:
		for i := range open {
			o := &open[i]
			if o.OpenAt <= 0 || (in.Exclude != nil && in.Exclude(o.Item)) {
				continue
			}
			notDue := !o.DueDate.Valid() || o.DueDate >= in.Date
			if (in.Stage == templates.Pre) == notDue {
				chosen = append(chosen, o)
			}
		}
		if in.Stage == templates.MED {
			chosen = chased(chosen, in.Previous)
		}
	}
	if len(chosen) == 0 {
		return &ledger.Problem{Key: "letters.err.noitems", Args: []string{"customer", in.Account.Customer.ID, "stage", string(in.Stage)}}
	}
	sort.SliceStable(chosen, func(i, j int) bool {
		if chosen[i].DueDate != chosen[j].DueDate {
			return chosen[i].DueDate < chosen[j].DueDate
		}
		return chosen[i].Number < chosen[j].Number
	})
	for _, o := range chosen {
		n := o.Number
		if n == "" {
			n = o.ID
		}
		ln := Line{ItemID: o.ID, Number: n, DocDate: o.DocDate, DueDate: o.DueDate, Amount: o.Amount,
			Paid: o.Amount - o.OpenAt, Remaining: o.OpenAt, DaysLate: o.DaysLate(in.Date)}
		l.Invoices = append(l.Invoices, ln)
		l.ItemIDs = append(l.ItemIDs, o.ID)
		l.Totals.Amount += ln.Amount
		l.Totals.Paid += ln.Paid
		l.Totals.Remaining += ln.Remaining
	}
	return nil
}

// AddressTo addresses the letter to customer c, as every letter to a customer is: its
// postal address (none when it has no address) and its first e-mail. home is the
// firm's country (the address's country line is left out at home).
func (l *Letter) AddressTo(c *ledger.Customer, home string) {
	l.Recipient, l.Email = postalLines(c, home), ""
	for _, ct := range c.Contacts {
		if ct.Email != "" {
			l.Email = ct.Email
			break
		}
	}
}

// postalLines lays out the recipient's address (pdfdoc.PostalLines); empty when it has
// no address.
func postalLines(c *ledger.Customer, home string) []string {
	if len(c.Address.Lines) == 0 && c.Address.City == "" {
		return nil
	}
	return pdfdoc.PostalLines(c.Name, c.Address, home)
}

// uniq returns the distinct values of v in their first order.
func uniq(v []string) []string {
	var out []string
	for _, s := range v {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// chased keeps, for a formal notice, the invoices already overdue when the last reminder
// was sent: an invoice that fell due since has never been chased, and a formal notice
// does not open the procedure on it (it goes to the next reminder). Without reminders on
// record, or when none was chased, every overdue invoice stays.
func chased(items []*credit.OpenItem, previous []Previous) []*credit.OpenItem {
	var last ledger.Date
	for _, p := range previous {
		if p.Date > last {
			last = p.Date
		}
	}
	if !last.Valid() {
		return items
	}
	var out []*credit.OpenItem
	for _, o := range items {
		if o.DueDate.Valid() && o.DueDate < last {
			out = append(out, o)
		}
	}
	if len(out) == 0 {
		return items
	}
	return out
}
