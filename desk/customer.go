package desk

import (
	"slices"
	"strings"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/store"
)

// CustomerChange is what a person changes on a customer's record: each non-nil field
// is set, as typed (it is checked by EditCustomer), the others kept.
type CustomerChange struct {
	Name      *string
	Kind      *string // business, consumer or public
	Lang      *string // fr or en
	SIREN     *string // 9 digits (a SIRET's 14 are accepted: SIRET kept too)
	SIRET     *string // 14 digits; its first 9 become the SIREN
	VATNumber *string
	IBAN      *string
	Address   *string // on one line: "12 rue des Lilas, 69003 Lyon"
	Country   *string // ISO 3166-1 alpha-2, "" for France
	Contact   *string // the first contact's name
	Role      *string // the first contact's role
	Email     *string // the first contact's e-mail
	Phone     *string // the first contact's phone
	// Contacts replaces the whole list of contacts (after the first-contact fields
	// above, which then apply to its first entry). Empty entries are dropped.
	Contacts        *[]ledger.Contact
	Terms           *string // "30", "45fdm", "fdm+45"; "" for the dossier's
	CreditLimit     *string // an amount, "" or 0 for none
	Salesperson     *string // a salesperson's ID, "" for none
	Status          *string // normal, agency, legal or written_off
	NoReminderUntil *string // DD/MM/YYYY or YYYY-MM-DD, "" for none
	Notes           *string
	// Civility of a consumer, for the salutation of letters: mme (madame, mrs, ms),
	// m (monsieur, mr) or "" when unknown (ParseCivility).
	Civility *string
	// Law governing the customer's contracts: an ISO 3166-1 alpha-2 code (GB); "" or
	// FR for French law, the default (ParseLaw).
	Law *string
}

// Customer fields as recorded in the history of an edit (Action.Note of a
// dunning.KindRecordEdit action, comma-separated). Stable names: the screens translate
// them (cust.field.<name>).
var customerFieldNames = []string{"name", "kind", "lang", "siren", "siret", "vat", "iban", "address", "country",
	"contacts", "terms", "limit", "salesperson", "status", "no_reminder_until", "notes", "civility", "law"}

// CustomerFieldNames returns the names a record edit's history lists, in form order.
func CustomerFieldNames() []string { return slices.Clone(customerFieldNames) }

// EditCustomer applies ch to customer id's record in one transaction, after checking
// every field (a Problem names the first bad one and its value; nothing is written
// then), and records the edit in the customer's history at date at, by by (or the
// signatory). The record is kept across later imports of the ledger, which only add
// to it what it lacks.
func (s *Session) EditCustomer(id string, ch CustomerChange, at ledger.Date, by string) (*ledger.Customer, error) {
	acc := s.Book.Account(id)
	if acc == nil {
		return nil, &ledger.Problem{Key: "law.err.customer", Args: []string{"value", id}}
	}
	c := cloneCustomer(acc.Customer) // a copy: the session's book changes at the next Reload
	changed, err := s.applyCustomerChange(&c, ch)
	if err != nil {
		return nil, err
	}
	if len(changed) == 0 {
		return &c, nil
	}
	err = s.DB.Update(func(tx *store.Tx) error {
		if err := tx.PutCustomer(&c); err != nil {
			return err
		}
		return tx.AddAction(recordEdit(c.ID, changed, at, s.Who(by)))
	})
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// AddCustomer records a new customer, one the ledger does not hold yet (a new account
// opened before its first invoice), with the fields of ch; a name is required. The
// next ledger import fills its items and keeps this record.
func (s *Session) AddCustomer(id string, ch CustomerChange, at ledger.Date, by string) (*ledger.Customer, error) {
	id = strings.TrimSpace(id)
	if id == "" || strings.ContainsAny(id, "\x00\n\r\t") {
		return nil, &ledger.Problem{Key: "cust.err.id", Args: []string{"value", id}}
	}
	if s.Book.Account(id) != nil {
		return nil, &ledger.Problem{Key: "cust.err.exists", Args: []string{"value", id}}
	}
	if ch.Name == nil || strings.TrimSpace(*ch.Name) == "" {
		v := ""
		if ch.Name != nil {
			v = *ch.Name
		}
		return nil, &ledger.Problem{Key: "cust.err.name", Args: []string{"value", v}}
	}
	c := ledger.Customer{ID: id}
	changed, err := s.applyCustomerChange(&c, ch)
	if err != nil {
		return nil, err
	}
	err = s.DB.Update(func(tx *store.Tx) error {
		if err := tx.PutCustomer(&c); err != nil {
			return err
		}
		return tx.AddAction(recordEdit(c.ID, append([]string{"created"}, changed...), at, s.Who(by)))
	})
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// recordEdit is the history entry of a record edit: the fields changed, by name.
func recordEdit(id string, changed []string, at ledger.Date, by string) *dunning.Action {
	return &dunning.Action{Customer: id, Kind: dunning.KindRecordEdit, Date: at, By: by, Status: dunning.ActionDone,
		Note: strings.Join(changed, ",")}
}

func cloneCustomer(c ledger.Customer) ledger.Customer {
	c.Contacts = slices.Clone(c.Contacts)
	c.Address.Lines = slices.Clone(c.Address.Lines)
	if c.Terms != nil {
		t := *c.Terms
		c.Terms = &t
	}
	return c
}

// applyCustomerChange checks every field of ch and sets it on c. It returns the names
// of the fields whose value changed (customerFieldNames), or a Problem naming the
// first bad field and its value, c then half-changed (callers work on a copy).
func (s *Session) applyCustomerChange(c *ledger.Customer, ch CustomerChange) ([]string, error) {
	before := cloneCustomer(*c)
	if err := s.setCustomerFields(c, ch); err != nil {
		return nil, err
	}
	return customerDiff(&before, c), nil
}

func (s *Session) setCustomerFields(c *ledger.Customer, ch CustomerChange) error {
	bad := func(key, value string) error { return &ledger.Problem{Key: key, Args: []string{"value", value}} }
	trim := strings.TrimSpace
	if v := ch.Name; v != nil {
		if trim(*v) == "" {
			return bad("cust.err.name", *v)
		}
		c.Name = trim(*v)
	}
	if v := ch.Kind; v != nil {
		k, ok := ledger.ParseCustomerKind(trim(*v))
		if !ok {
			return bad("cust.err.kind", *v)
		}
		c.Kind = k
	}
	if v := ch.Lang; v != nil {
		l := strings.ToLower(trim(*v))
		if l != "fr" && l != "en" {
			return bad("cust.err.lang", *v)
		}
		c.Lang = l
	}
	if v := ch.SIREN; v != nil {
		n := digitsOnly(*v)
		switch {
		case n == "":
			c.SIRET = ""
		case len(n) == 14 && ledger.ValidSIRET(n):
			c.SIRET, n = n, n[:9]
		case len(n) == 9 && ledger.ValidSIREN(n):
			if !strings.HasPrefix(c.SIRET, n) {
				c.SIRET = ""
			}
		default:
			return bad("cust.err.siren", *v)
		}
		c.SIREN = n
	}
	if v := ch.SIRET; v != nil {
		n := digitsOnly(*v)
		switch {
		case n == "":
			c.SIRET = ""
		case len(n) == 14 && ledger.ValidSIRET(n):
			if ch.SIREN != nil && c.SIREN != "" && c.SIREN != n[:9] {
				return bad("cust.err.siret_siren", *v)
			}
			c.SIRET, c.SIREN = n, n[:9]
		default:
			return bad("cust.err.siret", *v)
		}
	}
	if v := ch.VATNumber; v != nil {
		c.VATNumber = strings.ToUpper(strings.ReplaceAll(trim(*v), " ", ""))
	}
	if v := ch.IBAN; v != nil {
		n := strings.ToUpper(strings.ReplaceAll(trim(*v), " ", ""))
		if n != "" && !ledger.ValidIBAN(n) {
			return bad("cust.err.iban", *v)
		}
		c.IBAN = n
	}
	if v := ch.Address; v != nil {
		a := ledger.ParseAddressLine(*v)
		if trim(*v) != "" && (len(a.Lines) == 0 || a.City == "") {
			return bad("cust.err.address", *v)
		}
		a.Country = c.Address.Country
		c.Address = a
	}
	if v := ch.Country; v != nil {
		cc := strings.ToUpper(trim(*v))
		if cc != "" && (len(cc) != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z') {
			return bad("cust.err.country", *v)
		}
		if cc == "FR" {
			cc = ""
		}
		c.Address.Country = cc
	}
	if v := ch.Civility; v != nil {
		cv, ok := ParseCivility(*v)
		if !ok {
			return bad("cust.err.civility", *v)
		}
		c.Civility = cv
	}
	if v := ch.Law; v != nil {
		l, ok := ParseLaw(*v)
		if !ok {
			return bad("cust.err.law", *v)
		}
		c.Law = l
	}
	if c.Address.Country == "" && c.Address.Postcode != "" && !frenchPostcode(c.Address.Postcode) {
		return bad("cust.err.address", c.Address.Postcode)
	}
	if v := ch.Contacts; v != nil {
		c.Contacts = nil
		for _, ct := range *v {
			ct = ledger.Contact{Name: trim(ct.Name), Role: trim(ct.Role), Email: trim(ct.Email), Phone: trim(ct.Phone)}
			if ct != (ledger.Contact{}) {
				c.Contacts = append(c.Contacts, ct)
			}
		}
	}
	first := func() *ledger.Contact {
		if len(c.Contacts) == 0 {
			c.Contacts = append(c.Contacts, ledger.Contact{})
		}
		return &c.Contacts[0]
	}
	if v := ch.Contact; v != nil {
		first().Name = trim(*v)
	}
	if v := ch.Role; v != nil {
		first().Role = trim(*v)
	}
	if v := ch.Email; v != nil {
		first().Email = trim(*v)
	}
	if v := ch.Phone; v != nil {
		first().Phone = trim(*v)
	}
	if len(c.Contacts) > 0 && c.Contacts[0] == (ledger.Contact{}) {
		c.Contacts = c.Contacts[1:]
	}
	for _, ct := range c.Contacts {
		if !ledger.ValidEmail(ct.Email) {
			return bad("cust.err.email", ct.Email)
		}
	}
	if v := ch.Terms; v != nil {
		if trim(*v) == "" {
			c.Terms = nil
		} else {
			t, err := ledger.ParseTerms(*v)
			if err != nil {
				return err
			}
			c.Terms = &t
		}
	}
	if v := ch.CreditLimit; v != nil {
		var lim ledger.Cents
		if trim(*v) != "" {
			l, err := ledger.ParseCents(strings.Replace(strings.ReplaceAll(strings.ReplaceAll(trim(*v), " ", ""), "\u00a0", ""), ",", ".", 1))
			if err != nil || l < 0 {
				return bad("cust.err.limit", *v)
			}
			lim = l
		}
		c.CreditLimit = lim
	}
	if v := ch.Salesperson; v != nil {
		sp := trim(*v)
		if sp != "" && s.Book.Salesperson(sp) == nil {
			return bad("cust.err.salesperson", *v)
		}
		c.Salesperson = sp
	}
	if v := ch.Status; v != nil {
		st := ledger.CollectionStatus(strings.ToLower(trim(*v)))
		switch st {
		case "", ledger.StatusNormal:
			if c.Status != ledger.StatusInsolvency {
				c.Status = ""
			}
		case ledger.StatusAgency, ledger.StatusLegal, ledger.StatusWrittenOff:
			if c.Status == ledger.StatusInsolvency {
				return bad("cust.err.status_insolvency", *v)
			}
			c.Status = st
		case ledger.StatusInsolvency:
			if c.Status != ledger.StatusInsolvency {
				return bad("cust.err.status_insolvency", *v)
			}
		default:
			return bad("cust.err.status", *v)
		}
	}
	if v := ch.NoReminderUntil; v != nil {
		d := ledger.NoDate
		if t := trim(*v); t != "" {
			var err error
			if d, err = ledger.ParseFrenchDate(t); err != nil {
				if d, err = ledger.ParseDate(t); err != nil {
					return bad("cust.err.no_reminder", *v)
				}
			}
		}
		c.NoReminderUntil = d
	}
	if v := ch.Notes; v != nil {
		c.Notes = *v
	}
	return nil
}

// customerDiff names the fields that differ between two records.
func customerDiff(a, b *ledger.Customer) []string {
	same := map[string]bool{
		"name": a.Name == b.Name, "kind": a.Kind == b.Kind, "lang": a.Lang == b.Lang, "siren": a.SIREN == b.SIREN,
		"siret": a.SIRET == b.SIRET, "vat": a.VATNumber == b.VATNumber, "iban": a.IBAN == b.IBAN,
		"address": slices.Equal(a.Address.Lines, b.Address.Lines) && a.Address.Postcode == b.Address.Postcode && a.Address.City == b.Address.City,
		"country": a.Address.Country == b.Address.Country, "contacts": slices.Equal(a.Contacts, b.Contacts),
		"terms": (a.Terms == nil) == (b.Terms == nil) && (a.Terms == nil || *a.Terms == *b.Terms),
		"limit": a.CreditLimit == b.CreditLimit, "salesperson": a.Salesperson == b.Salesperson, "status": a.Status == b.Status,
		"no_reminder_until": a.NoReminderUntil == b.NoReminderUntil, "notes": a.Notes == b.Notes,
		"civility": a.Civility == b.Civility, "law": a.Law == b.Law,
	}
	var out []string
	for _, f := range customerFieldNames {
		if !same[f] {
			out = append(out, f)
		}
	}
	return out
}

// ParseCivility reads a consumer's civility as people and programs write it: mme
// (« Madame », « Mme », « Mlle », Mrs, Ms), m (« Monsieur », « M. », Mr) or "" (unknown,
// or a couple, « M. et Mme »: letters then say « Madame, Monsieur, »). Case, spaces and
// dots are ignored; ok is false for anything else.
func ParseCivility(v string) (string, bool) {
	switch strings.NewReplacer(".", "", " ", "", "\u00a0", "").Replace(strings.ToLower(v)) {
	case "":
		return "", true
	case "mme", "madame", "mlle", "mademoiselle", "mrs", "ms", "miss":
		return ledger.CivilityMadame, true
	case "m", "monsieur", "mr":
		return ledger.CivilityMonsieur, true
	case "metmme", "mmeetm", "monsieuretmadame", "madameetmonsieur", "mrandmrs", "mr&mrs":
		return "", true
	}
	return "", false
}

// ParseLaw reads the law governing a customer's contracts: an ISO 3166-1 alpha-2
// country code ("GB", "de"), upper-cased, UK read as GB; "" or "FR" (French law, the
// default) give "". ok is false for anything else.
func ParseLaw(v string) (string, bool) {
	l := strings.ToUpper(strings.TrimSpace(v))
	switch l {
	case "", "FR":
		return "", true
	case "UK":
		return "GB", true
	}
	if len(l) != 2 || l[0] < 'A' || l[0] > 'Z' || l[1] < 'A' || l[1] > 'Z' {
		return "", false
	}
	return l, true
}

// CivilityText is a civility (ledger.CivilityMadame, CivilityMonsieur) in words, for
// the screens and the command line: « Madame », « Monsieur »; "" when unknown.
func CivilityText(lang, civility string) string {
	switch civility {
	case ledger.CivilityMadame, ledger.CivilityMonsieur:
		return i18n.T(lang, "cust.civility."+civility)
	}
	return ""
}

// LawText is the law governing a customer's contracts (Customer.Law) in words:
// « droit français (par défaut) » for "" or FR, « droit anglais (Royaume-Uni) » for GB,
// another country's law by its code.
func LawText(lang, law string) string {
	switch l := strings.ToUpper(law); l {
	case "", "FR":
		return i18n.T(lang, "cust.law.fr")
	case "GB":
		return i18n.T(lang, "cust.law.gb")
	default:
		return i18n.T(lang, "cust.law.other", "code", l)
	}
}

func digitsOnly(s string) string {
	return strings.NewReplacer(" ", "", "\u00a0", "", ".", "", "-", "").Replace(strings.TrimSpace(s))
}

// frenchPostcode reports whether p is a French postcode: 5 digits.
func frenchPostcode(p string) bool {
	if len(p) != 5 {
		return false
	}
	for _, r := range p {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
