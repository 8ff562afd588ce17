// Package ledger is Relance's domain: customers, their items (invoices, credit notes,
// payments), salespeople and the dossier's settings, with civil dates and exact money.
// It imports no GUI package; persistence lives in ledger/store, imports in ledger/importer.
package ledger

import (
	"regexp"
	"strings"
)

// CustomerKind tells what sort of debtor a customer is: it decides the legal regime
// (penalties, limitation periods, competent court).
type CustomerKind uint8

// Customer kinds.
const (
	Business   CustomerKind = iota // a trader or company: C. com. L441-10 applies
	Consumer                       // a private person: C. consom., 2-year limitation (L218-2)
	PublicBody                     // a public purchaser: C. commande publique L2192-10 ff.
)

var kindNames = [...]string{"business", "consumer", "public"}

// String returns "business", "consumer" or "public".
func (k CustomerKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "business"
}

// ParseCustomerKind parses the names returned by String (and b2b/b2c aliases).
func ParseCustomerKind(s string) (CustomerKind, bool) {
	switch s {
	case "business", "b2b":
		return Business, true
	case "consumer", "b2c":
		return Consumer, true
	case "public":
		return PublicBody, true
	}
	return Business, false
}

// MarshalText implements encoding.TextMarshaler.
func (k CustomerKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *CustomerKind) UnmarshalText(b []byte) error {
	v, ok := ParseCustomerKind(string(b))
	if !ok {
		return &Problem{Key: "err.kind", Args: []string{"value", string(b)}}
	}
	*k = v
	return nil
}

// CollectionStatus is where a customer stands in the collection process.
type CollectionStatus string

// Collection statuses.
const (
	StatusNormal     CollectionStatus = "normal"
	StatusAgency     CollectionStatus = "agency" // handed to a collection agency: no reminders from the desk
	StatusDispute    CollectionStatus = "dispute"
	StatusLegal      CollectionStatus = "legal"
	StatusInsolvency CollectionStatus = "insolvency"
	StatusWrittenOff CollectionStatus = "written_off"
)

// Address is a postal address, laid out for a French window envelope by the letters package.
type Address struct {
	Lines    []string `json:"lines,omitempty"` // street lines (number, street, building, lieu-dit)
	Postcode string   `json:"postcode,omitempty"`
	City     string   `json:"city,omitempty"`
	Country  string   `json:"country,omitempty"` // ISO 3166-1 alpha-2; empty means the dossier's country (FR)
}

// Contact is a person to reach at a customer.
type Contact struct {
	Name  string `json:"name"`
	Role  string `json:"role,omitempty"` // e.g. "Comptabilité fournisseurs"
	Email string `json:"email,omitempty"`
	Phone string `json:"phone,omitempty"`
}

// Customer is a debtor: a third party with a receivable account.
type Customer struct {
	ID        string       `json:"id"`                // account key: CompAuxNum, or the 411 account
	Account   string       `json:"account,omitempty"` // general ledger account (411000, 411DUPONT…)
	Name      string       `json:"name"`
	Kind      CustomerKind `json:"kind"`
	Lang      string       `json:"lang,omitempty"` // "fr" or "en": language of letters to this customer
	SIREN     string       `json:"siren,omitempty"`
	SIRET     string       `json:"siret,omitempty"` // the establishment invoiced, when known (its first 9 digits are SIREN)
	IBAN      string       `json:"iban,omitempty"`  // the customer's account, for a direct debit or a refund
	VATNumber string       `json:"vat,omitempty"`
	Address   Address      `json:"address"`
	Contacts  []Contact    `json:"contacts,omitempty"`
	// Civility of a consumer (CivilityMadame, CivilityMonsieur), for the salutation of
	// letters (« Madame, »); "" when unknown.
	Civility string `json:"civility,omitempty"`
	// Law is the law governing the customer's contracts (ISO 3166-1 alpha-2); "" is
	// French law, the default for a French seller (Rome I art. 4 §1 a): it decides the
	// late-payment regime (L441-10, or the UK Late Payment Act only under UK law).
	Law         string           `json:"law,omitempty"`
	Terms       *Terms           `json:"terms,omitempty"` // nil: the dossier's default terms
	CreditLimit Cents            `json:"credit_limit,omitempty"`
	Salesperson string           `json:"salesperson,omitempty"` // Salesperson.ID
	Status      CollectionStatus `json:"status,omitempty"`
	Doubtful    bool             `json:"doubtful,omitempty"` // account 416 (clients douteux ou litigieux)
	Notes       string           `json:"notes,omitempty"`
	// NoReminderUntil suspends reminders up to and including this date.
	NoReminderUntil Date `json:"no_reminder_until,omitempty"`
}

// Civilities of a consumer.
const (
	CivilityMadame   = "mme"
	CivilityMonsieur = "m"
)

// GoverningLaw returns the law of the customer's contracts: "FR" unless another is
// recorded.
func (c *Customer) GoverningLaw() string {
	if c.Law == "" {
		return "FR"
	}
	return strings.ToUpper(c.Law)
}

// Language returns the customer's letter language, French by default.
func (c *Customer) Language() string {
	if c.Lang == "" {
		return "fr"
	}
	return c.Lang
}

// ItemKind is the nature of a ledger item.
type ItemKind uint8

// Item kinds.
const (
	Invoice ItemKind = iota
	CreditNote
	Payment
	Opening    // balance brought forward (à-nouveau)
	Adjustment // write-off, transfer, miscellaneous entry
)

var itemKindNames = [...]string{"invoice", "credit_note", "payment", "opening", "adjustment"}

// String returns the kind's stable name.
func (k ItemKind) String() string {
	if int(k) < len(itemKindNames) {
		return itemKindNames[k]
	}
	return "adjustment"
}

// Nature names what an item is for people, as a stable code: a debit flagged as a
// returned cheque or a rejected direct debit is "unpaid_cheque" or "rejected_debit"
// (the ledger books it as an adjustment), any other item its Kind. The screens and the
// PDFs translate it ("ui.itemkind." / "pdf.kind." + Nature).
func (it *Item) Nature() string {
	switch {
	case it.Amount > 0 && it.Flags&FlagUnpaidCheque != 0:
		return "unpaid_cheque"
	case it.Amount > 0 && it.Flags&FlagRejectedDebit != 0:
		return "rejected_debit"
	}
	return it.Kind.String()
}

// ParseItemKind parses the names returned by String.
func ParseItemKind(s string) (ItemKind, bool) {
	for i, n := range itemKindNames {
		if n == s {
			return ItemKind(i), true
		}
	}
	return Adjustment, false
}

// MarshalText implements encoding.TextMarshaler.
func (k ItemKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Item flags.
const (
	FlagDoubtful       uint32 = 1 << iota // posted on 416
	FlagUnpaidCheque                      // returned cheque (L131-73 CMF)
	FlagRejectedDebit                     // rejected direct debit
	FlagFIFO                              // open amount derived by FIFO, lettering absent or inconsistent
	FlagPromissoryNote                    // bill of exchange / LCR (413)
)

// Item is one line of a customer's account: an invoice, credit note, payment, opening
// balance or adjustment. Amounts are incl. VAT, signed from the firm's point of view:
// positive = the customer owes (debit), negative = credit (payment, credit note).
type Item struct {
	ID       string   `json:"id"` // stable key within the customer, from the source (journal, piece, line)
	Customer string   `json:"customer"`
	Kind     ItemKind `json:"kind"`
	Number   string   `json:"number"` // document number (PieceRef)
	Label    string   `json:"label,omitempty"`
	Journal  string   `json:"journal,omitempty"`
	DocDate  Date     `json:"doc_date"`
	DueDate  Date     `json:"due_date"`
	Amount   Cents    `json:"amount"`
	Open     Cents    `json:"open"` // remaining amount as of the import (same sign as Amount, or 0)
	// Settled is the date the item was fully matched (lettering date), NoDate while open.
	Settled  Date   `json:"settled,omitempty"`
	Match    string `json:"match,omitempty"` // lettering (lettrage) code
	Currency string `json:"currency,omitempty"`
	// CurAmount is the amount in the original currency when it differs from the dossier's.
	CurAmount Cents  `json:"cur_amount,omitempty"`
	Flags     uint32 `json:"flags,omitempty"`
	Source    string `json:"source,omitempty"` // file the item came from
	Line      int    `json:"line,omitempty"`   // line in that file
}

// IsDebit reports whether the item increases what the customer owes.
func (it *Item) IsDebit() bool { return it.Amount > 0 }

// OverdueAt reports whether the item is an open debit past its due date at asOf.
func (it *Item) OverdueAt(asOf Date) bool {
	return it.Open > 0 && it.DueDate.Valid() && it.DueDate < asOf
}

// DaysLate returns how many days past due the item is at asOf (0 when not due).
func (it *Item) DaysLate(asOf Date) int {
	if !it.DueDate.Valid() || asOf <= it.DueDate {
		return 0
	}
	return asOf.DaysSince(it.DueDate)
}

// Salesperson is a member of the sales force who owns customers and disputes.
type Salesperson struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email,omitempty"`
	Phone string `json:"phone,omitempty"`
}

// OneLine writes the address on one line, "street, postcode city" (the country left
// out), the form ParseAddressLine reads back.
func (a Address) OneLine() string {
	parts := append([]string(nil), a.Lines...)
	city := strings.TrimSpace(a.Postcode + " " + a.City)
	if a.Country == "GB" {
		city = strings.TrimSpace(a.City + " " + a.Postcode) // "London SW1A 2AA"
	}
	if city != "" {
		parts = append(parts, city)
	}
	return strings.Join(parts, ", ")
}

// ukPostcode matches a British postcode at the end of a line ("London SW1A 2AA").
var ukPostcode = regexp.MustCompile(`(?i)^(.*\S)\s+([A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2})$`)

// ParseAddressLine reads an address typed on one line, "street, postcode city": the last
// comma-separated part holds the postcode and the city when it starts with a digit, or
// the town and a British postcode ("10 Downing Street, London SW1A 2AA").
func ParseAddressLine(s string) Address {
	var a Address
	var parts []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	if n := len(parts); n > 0 && parts[n-1][0] >= '0' && parts[n-1][0] <= '9' {
		if pc, city, ok := strings.Cut(parts[n-1], " "); ok {
			a.Postcode, a.City = pc, strings.TrimSpace(city)
			parts = parts[:n-1]
		}
	} else if n > 1 {
		if m := ukPostcode.FindStringSubmatch(parts[n-1]); m != nil {
			a.City, a.Postcode = m[1], strings.ToUpper(m[2])
			parts = parts[:n-1]
		}
	}
	a.Lines = parts
	return a
}

// ParseContactLine reads a contact written on one line as "name;role;e-mail;phone"
// (trailing parts may be left out). ok is false for more than four parts.
func ParseContactLine(s string) (c Contact, ok bool) {
	p := strings.Split(s, ";")
	if len(p) > 4 {
		return c, false
	}
	p = append(p, "", "", "")
	return Contact{Name: strings.TrimSpace(p[0]), Role: strings.TrimSpace(p[1]), Email: strings.TrimSpace(p[2]), Phone: strings.TrimSpace(p[3])}, true
}

// Line writes the contact as ParseContactLine reads it.
func (c Contact) Line() string {
	return strings.TrimRight(strings.Join([]string{c.Name, c.Role, c.Email, c.Phone}, " ; "), " ;")
}
