// Package cheque follows an unpaid cheque (« chèque impayé ») through the procedure of
// the Code monétaire et financier: the bank's notice of rejection, a new presentation,
// the certificat de non-paiement the drawee bank delivers after thirty days, its
// service by a commissaire de justice (worth a commandement de payer) and the
// enforceable title issued without a judge when the drawer has not paid within fifteen
// days (CMF L131-73). A Cheque is the record of one cheque; Steps gives, at an as-of
// date, each step done with its date and the next one with the earliest day it can be
// taken. Nothing here reads the clock.
package cheque

import (
	"slices"
	"strings"

	"relance/ledger"
)

// Prefix is the prefix of a cheque record's ID: "CH2026-0001", counted per year of the
// bank's notice of rejection.
const Prefix = "CH"

// Reason is why the drawee bank refused to pay the cheque, as its notice says.
type Reason string

// Reasons of rejection.
const (
	// NoFunds is « défaut ou insuffisance de provision »: the case the certificat de
	// non-paiement of CMF L131-73 is made for.
	NoFunds Reason = "no_funds"
	// Stopped is an opposition by the drawer (loss, theft, fraudulent use, the
	// beneficiary's insolvency: CMF L131-35).
	Stopped Reason = "stopped"
	// Closed is an account closed.
	Closed Reason = "account_closed"
	// Irregular is a cheque the bank cannot pay as written: signature, amount in words
	// and figures that differ, a missing mention (CMF L131-2 [to verify]).
	Irregular Reason = "irregular"
	// Other is any other reason the notice gives.
	Other Reason = "other"
)

// Reasons lists the reasons in the order the forms offer them.
var Reasons = []Reason{NoFunds, Stopped, Closed, Irregular, Other}

// ParseReason reads a reason as typed: its code or a French or English word
// (« provision », « opposition », « compte clos », « signature »).
func ParseReason(s string) (Reason, bool) {
	k := strings.NewReplacer("é", "e", "è", "e", " ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(s)))
	switch k {
	case "", "no_funds", "provision", "sans_provision", "defaut_de_provision", "insuffisance_de_provision", "funds", "insufficient_funds", "nsf":
		return NoFunds, true
	case "stopped", "opposition", "stop", "stop_payment":
		return Stopped, true
	case "account_closed", "closed", "compte_clos", "clos", "compte_cloture":
		return Closed, true
	case "irregular", "signature", "irregulier", "irregularite", "forme":
		return Irregular, true
	case "other", "autre":
		return Other, true
	}
	return "", false
}

// Cheque is an unpaid cheque and where its procedure stands: the dates are those of
// the steps taken (NoDate: not taken).
type Cheque struct {
	ID       string       `json:"id"` // "CH2026-0001", given by the store
	Customer string       `json:"customer"`
	Number   string       `json:"number"`         // the cheque's number
	Bank     string       `json:"bank,omitempty"` // the drawee bank (banque tirée)
	Amount   ledger.Cents `json:"amount"`
	// Written is the date written on the cheque (date d'émission), if known.
	Written ledger.Date `json:"written,omitempty"`
	// Presented is the day the cheque was first presented for payment (remis à
	// l'encaissement): the thirty days of CMF L131-73 run from it.
	Presented ledger.Date `json:"presented"`
	// Rejected is the day of the bank's notice that the cheque came back unpaid.
	Rejected ledger.Date `json:"rejected"`
	Reason   Reason      `json:"reason"`
	// Represented are the days of the new presentations, each unpaid.
	Represented []ledger.Date `json:"represented"`
	// Letter is the day the letter to the drawer was issued (LetterID in the archive).
	Letter   ledger.Date `json:"letter,omitempty"`
	LetterID string      `json:"letter_id,omitempty"`
	// CertRequested and CertObtained are the days the certificat de non-paiement was
	// asked of the drawee bank and delivered (CMF L131-73).
	CertRequested ledger.Date `json:"cert_requested,omitempty"`
	CertObtained  ledger.Date `json:"cert_obtained,omitempty"`
	// Served is the day a commissaire de justice served the certificate on the drawer,
	// worth a commandement de payer; Officer is who (name, firm).
	Served  ledger.Date `json:"served,omitempty"`
	Officer string      `json:"officer,omitempty"`
	// Title is the day the commissaire de justice issued the enforceable title.
	Title ledger.Date `json:"title,omitempty"`
	// Paid is the day the drawer paid the cheque (and the costs); Closed the day the
	// file was closed without payment (written off, settled otherwise).
	Paid   ledger.Date `json:"paid,omitempty"`
	Closed ledger.Date `json:"closed,omitempty"`
	// Invoices are the ledger items the cheque was meant to pay (their IDs).
	Invoices []string `json:"invoices"`
	// Return is the record of the cheque's return in the books, when there is one: a
	// payment taken back entered in Relance ("RG2026-000012", `relance payment
	// return`) or the ledger's item that books it ("OD:…").
	Return   string      `json:"return,omitempty"`
	Notes    string      `json:"notes,omitempty"`
	By       string      `json:"by,omitempty"`
	Recorded ledger.Date `json:"recorded,omitempty"`
}

// Known reports whether r is one of Reasons.
func (r Reason) Known() bool { return slices.Contains(Reasons, r) }

// Open reports whether the cheque's file is still open: neither paid nor closed.
func (c *Cheque) Open() bool { return !c.Paid.Valid() && !c.Closed.Valid() }

// LastRepresented is the day of the latest new presentation, NoDate when none.
func (c *Cheque) LastRepresented() ledger.Date {
	var d ledger.Date
	for _, r := range c.Represented {
		if r > d {
			d = r
		}
	}
	return d
}

// problem is a refusal naming the cheque (its ID, else its number) and the field.
func (c *Cheque) problem(key string, args ...string) error {
	label := c.ID
	if label == "" {
		label = c.Number
	}
	return &ledger.Problem{Key: key, Args: append([]string{"id", label}, args...)}
}

// bad is the refusal of one field's value.
func (c *Cheque) bad(field, value string) error {
	return c.problem("cheque.err.field", "field_key", "cheque.field."+field, "value", value)
}

// Validate checks what the record says by itself and names the first bad field and
// its value (cheque.err.*): a customer, a number, a positive amount, a first
// presentation and a notice of rejection not before it, a known reason, and every step
// in the procedure's order — no step before the notice; the certificate not delivered
// before the thirty days after the first presentation (CMF L131-73); its service not
// before it is delivered; the title not before the fifteen days after the service
// (CMF L131-73); paid and closed not both.
func (c *Cheque) Validate() error {
	switch {
	case strings.TrimSpace(c.Customer) == "":
		return c.bad("customer", c.Customer)
	case strings.TrimSpace(c.Number) == "":
		return c.bad("number", c.Number)
	case c.Amount <= 0:
		return c.bad("amount", c.Amount.String())
	case !c.Presented.Valid():
		return c.bad("presented", "")
	case !c.Rejected.Valid():
		return c.bad("rejected", "")
	case !c.Reason.Known():
		return c.bad("reason", string(c.Reason))
	}
	order := func(field string, d, after ledger.Date, afterField string) error {
		if d.Valid() && after.Valid() && d < after {
			return c.problem("cheque.err.before", "field_key", "cheque.field."+field, "date", d.String(),
				"other_key", "cheque.field."+afterField, "start", after.String())
		}
		return nil
	}
	checks := []error{
		order("presented", c.Presented, c.Written, "written"),
		order("rejected", c.Rejected, c.Presented, "presented"),
		order("letter", c.Letter, c.Rejected, "rejected"),
		order("cert_requested", c.CertRequested, c.Rejected, "rejected"),
		order("served", c.Served, c.CertObtained, "cert_obtained"),
		order("paid", c.Paid, c.Rejected, "rejected"),
		order("closed", c.Closed, c.Rejected, "rejected"),
	}
	for _, r := range c.Represented {
		checks = append(checks, order("represented", r, c.Rejected, "rejected"))
	}
	for _, err := range checks {
		if err != nil {
			return err
		}
	}
	if c.CertObtained.Valid() {
		if from := CertificateFrom(c.Presented); c.CertObtained < from {
			// CMF L131-73: delivered « au terme d'un délai de trente jours à compter de
			// la première présentation ».
			return c.problem("cheque.err.cert_early", "date", c.CertObtained.String(), "start", from.String())
		}
	}
	switch {
	case c.Served.Valid() && !c.CertObtained.Valid():
		return c.problem("cheque.err.needs", "field_key", "cheque.field.served", "other_key", "cheque.field.cert_obtained")
	case c.Title.Valid() && !c.Served.Valid():
		return c.problem("cheque.err.needs", "field_key", "cheque.field.title", "other_key", "cheque.field.served")
	case c.Title.Valid() && c.Title < TitleFrom(c.Served):
		// CMF L131-73: the title is issued when no payment is proven within fifteen days
		// of the service.
		return c.problem("cheque.err.title_early", "date", c.Title.String(), "start", TitleFrom(c.Served).String())
	case c.Paid.Valid() && c.Closed.Valid():
		return c.problem("cheque.err.paid_closed")
	}
	return nil
}
