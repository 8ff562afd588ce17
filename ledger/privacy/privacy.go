// Package privacy answers a person's requests about their data (GDPR art. 15, 17, 20):
// export everything the dossier holds about one customer, and erase a consumer's
// personal data while keeping the accounting figures, which the firm must keep
// (C. com. L123-22: ten years for accounting documents).
package privacy

import (
	"fmt"
	"strings"

	"relance/ledger"
	"relance/ledger/cause"
	"relance/ledger/cheque"
	"relance/ledger/contract"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/overindebt"
	"relance/ledger/payment"
	"relance/ledger/proof"
	"relance/ledger/store"
)

// Export is everything the dossier holds about one customer, for a subject-access or
// portability request (RGPD art. 15 and 20), as a self-describing document.
type Export struct {
	Customer ledger.Customer   `json:"customer"`
	Items    []ledger.Item     `json:"items"`
	Disputes []dispute.Dispute `json:"disputes"`
	Blocks   []dispute.Block   `json:"blocks"`
	// The customer's history: actions (reminders, calls, notes, record edits),
	// promises, payment plans, insolvency procedures (with their recorded events)
	// and payments entered by hand.
	Actions    []dunning.Action  `json:"actions"`
	Promises   []dunning.Promise `json:"promises"`
	Plans      []dunning.Plan    `json:"plans"`
	Procedures []law.Procedure   `json:"procedures"`
	Payments   []payment.Payment `json:"payments"`
	// Interruptions are the acts of the register of limitation interruptions, each
	// with where it stands (counted, ended, replaced, withdrawn); Judgments the
	// decisions obtained against the customer, with the payments received on them.
	Interruptions []dunning.RegisterEntry `json:"interruptions"`
	Judgments     []law.Judgment          `json:"judgments"`
	// Letters are the letters issued to the customer, in the archive as sent. They are
	// kept after an erasure (Retention says why), as are the accounting figures.
	Letters []Letter `json:"letters"`
	// Proofs are the pieces of proof recorded for the customer's invoices (proofs.go).
	Proofs []proof.Invoice `json:"proofs"`
	// Overindebtedness is the customer's over-indebtedness file, if any (overindebt.go).
	Overindebtedness *overindebt.Case `json:"overindebtedness,omitempty"`
	// Cheques are the customer's unpaid cheques and their procedure (cheques.go).
	Cheques []cheque.Cheque `json:"cheques"`
	// Contract is what the customer accepted and its guarantees, if recorded; Causes
	// the causes of late payment recorded on its invoices (contracts.go).
	Contract  *contract.Contract `json:"contract,omitempty"`
	Causes    []cause.Record     `json:"causes"`
	Retention []Retention        `json:"kept_after_erasure"`
	AsOf      ledger.Date        `json:"as_of"`
}

// Letter is a letter issued to the customer, as the export lists it.
type Letter struct {
	ID      string      `json:"id"`
	Date    ledger.Date `json:"date"`
	Stage   string      `json:"stage"`
	Subject string      `json:"subject,omitempty"`
}

// Retention is what an erasure keeps, and the rule that requires it.
type Retention struct {
	What string `json:"what"`
	Rule string `json:"rule"`
	Why  string `json:"why"`
}

// Retentions says what an erasure keeps and why, in English (the export's language
// of record; the messages of the fronts say it in the user's language).
func Retentions() []Retention {
	return append([]Retention{
		{What: "accounting figures: the account number, every item with its number, dates and amounts",
			Rule: "C. com. L123-22", Why: "accounting documents are kept ten years"},
		{What: "the letters already issued, as sent (with the name and address they bore)",
			Rule: "C. civ. 2224, C. com. L110-4 and L123-22",
			Why:  "proof of the reminders and formal notices while the debt can be claimed, and correspondence kept with the accounts"},
	}, append(recordRetentions(), historyRetention(), disputeRetention(), proofRetention(), overindebtRetention(), chequeRetention(), contractRetention())...)
}

// CustomerExport gathers customer id's data.
func CustomerExport(book *ledger.Book, ds []dispute.Dispute, bs []dispute.Block, id string, asOf ledger.Date) (*Export, error) {
	acc := book.Account(id)
	if acc == nil {
		return nil, &ledger.Problem{Key: "err.customer.unknown", Args: []string{"value", id}}
	}
	e := &Export{Customer: acc.Customer, Items: acc.Items, AsOf: asOf, Disputes: []dispute.Dispute{}, Blocks: []dispute.Block{},
		Actions: []dunning.Action{}, Promises: []dunning.Promise{}, Plans: []dunning.Plan{}, Procedures: []law.Procedure{}, Payments: []payment.Payment{},
		Interruptions: []dunning.RegisterEntry{}, Judgments: []law.Judgment{}, Letters: []Letter{}, Retention: Retentions(),
		Proofs: []proof.Invoice{}, Cheques: []cheque.Cheque{}, Causes: []cause.Record{}}
	for _, d := range ds {
		if d.Customer == id {
			e.Disputes = append(e.Disputes, d)
		}
	}
	for _, b := range bs {
		if b.Customer == id {
			e.Blocks = append(e.Blocks, b)
		}
	}
	return e, nil
}

// Erase removes a consumer's personal data from the customer record — name, addresses,
// contacts, identifiers and notes — and the name from the labels of its items, keeping
// the account number, the kind and every item with its numbers, dates and amounts (the
// accounting figures the firm must keep). It refuses a business or public customer:
// their data are not personal data of a private person. The erasure is recorded in the
// customer's notes with its date and author.
func Erase(c *ledger.Customer, items []ledger.Item, asOf ledger.Date, by, lang string) error {
	if c.Kind != ledger.Consumer {
		return &ledger.Problem{Key: "err.privacy.not_consumer", Args: []string{"value", c.ID}}
	}
	old := c.Name
	c.Name = fmt.Sprintf("%s %s", label(lang), c.ID)
	for i := range items {
		if old != "" {
			items[i].Label = strings.ReplaceAll(items[i].Label, old, c.Name)
		}
		for _, ct := range c.Contacts {
			if ct.Name != "" {
				items[i].Label = strings.ReplaceAll(items[i].Label, ct.Name, c.Name)
			}
		}
	}
	c.Address = ledger.Address{Country: c.Address.Country}
	c.Contacts = nil
	c.Civility = "" // personal data of a consumer
	c.SIREN, c.SIRET, c.VATNumber, c.IBAN = "", "", "", ""
	c.Notes = note(lang, asOf, by)
	return nil
}

func label(lang string) string {
	if lang == "en" {
		return "Erased customer"
	}
	return "Client effacé"
}

func note(lang string, asOf ledger.Date, by string) string {
	if lang == "en" {
		return fmt.Sprintf("Personal data erased on %s at the person's request (GDPR art. 17) by %s; accounting figures kept (C. com. L123-22).", asOf, by)
	}
	return fmt.Sprintf("Données personnelles effacées le %s à la demande de la personne (RGPD art. 17) par %s ; chiffres comptables conservés (C. com. L123-22).", asOf.French(), by)
}

// EraseCustomer erases customer id's personal data inside the transaction tx (see
// Erase and EraseCustomerKept).
func EraseCustomer(tx *store.Tx, id string, asOf ledger.Date, by, lang string) error {
	_, err := EraseCustomerKept(tx, id, asOf, by, lang)
	return err
}

// EraseCustomerKept erases customer id's personal data inside the transaction tx:
// the customer record and its items' labels are rewritten (Erase), the amounts kept,
// and the free text of its legal records (EraseRecords) and of its collection history
// — notes of actions, promises and plans, payments' references (EraseHistory) — and
// of its disputes and delivery blocks (EraseDisputes) is erased. It returns how many
// records were kept.
func EraseCustomerKept(tx *store.Tx, id string, asOf ledger.Date, by, lang string) (Kept, error) {
	c, err := tx.Customer(id)
	if err != nil {
		return Kept{}, err
	}
	if c == nil {
		return Kept{}, &ledger.Problem{Key: "err.customer.unknown", Args: []string{"value", id}}
	}
	items, err := tx.Items(id)
	if err != nil {
		return Kept{}, err
	}
	before := *c
	if err := Erase(c, items, asOf, by, lang); err != nil {
		return Kept{}, err
	}
	if err := tx.PutCustomer(c); err != nil {
		return Kept{}, err
	}
	if err := tx.PutItems(id, items); err != nil {
		return Kept{}, err
	}
	k, err := EraseRecords(tx, &before, c.Name, lang)
	if err != nil {
		return Kept{}, err
	}
	if err := EraseHistory(tx, id, lang, &k); err != nil {
		return Kept{}, err
	}
	if err := EraseDisputes(tx, id, lang, &k); err != nil {
		return Kept{}, err
	}
	if err := EraseProofs(tx, id, lang, &k); err != nil { // proofs.go
		return Kept{}, err
	}
	if err := EraseOverindebt(tx, id, lang, &k); err != nil { // overindebt.go
		return Kept{}, err
	}
	if k.Cheques, err = EraseCheques(tx, id, lang); err != nil { // cheques.go
		return Kept{}, err
	}
	if err := EraseContract(tx, id, lang, &k); err != nil { // contracts.go
		return Kept{}, err
	}
	return k, nil
}
