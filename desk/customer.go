package desk

import (
	"net/mail"
	"strings"

	"relance/ledger"
	"relance/ledger/store"
)

// CustomerChange is what a person changes on a customer's record: each non-nil field
// is set, as typed (it is checked by EditCustomer), the others kept.
type CustomerChange struct {
	Name        *string
	Kind        *string // business, consumer or public
	Lang        *string // fr or en
	SIREN       *string // 9 digits (a SIRET's 14 are accepted, its SIREN kept)
	VATNumber   *string
	Address     *string // on one line: "12 rue des Lilas, 69003 Lyon"
	Country     *string // ISO 3166-1 alpha-2, "" for France
	Contact     *string // the first contact's name
	Email       *string // the first contact's e-mail
	Phone       *string // the first contact's phone
	Terms       *string // "30", "45fdm", "fdm+45"; "" for the dossier's
	CreditLimit *string // an amount, "" or 0 for none
	Salesperson *string // a salesperson's ID, "" for none
	Notes       *string
}

// EditCustomer applies ch to customer id's record in one transaction, after checking
// every field (a Problem names the first bad one and its value; nothing is written
// then). The record is kept across later imports of the ledger, which only add to it
// what it lacks.
func (s *Session) EditCustomer(id string, ch CustomerChange) (*ledger.Customer, error) {
	acc := s.Book.Account(id)
	if acc == nil {
		return nil, &ledger.Problem{Key: "law.err.customer", Args: []string{"value", id}}
	}
	c := acc.Customer // a copy: the session's book changes at the next Reload
	c.Contacts = append([]ledger.Contact(nil), c.Contacts...)
	bad := func(key, value string) error { return &ledger.Problem{Key: key, Args: []string{"value", value}} }
	contact := func() *ledger.Contact {
		if len(c.Contacts) == 0 {
			c.Contacts = append(c.Contacts, ledger.Contact{})
		}
		return &c.Contacts[0]
	}
	if v := ch.Name; v != nil {
		if strings.TrimSpace(*v) == "" {
			return nil, bad("cust.err.name", *v)
		}
		c.Name = strings.TrimSpace(*v)
	}
	if v := ch.Kind; v != nil {
		k, ok := ledger.ParseCustomerKind(*v)
		if !ok {
			return nil, bad("cust.err.kind", *v)
		}
		c.Kind = k
	}
	if v := ch.Lang; v != nil {
		if *v != "fr" && *v != "en" {
			return nil, bad("cust.err.lang", *v)
		}
		c.Lang = *v
	}
	if v := ch.SIREN; v != nil {
		n := strings.ReplaceAll(strings.TrimSpace(*v), " ", "")
		switch {
		case n == "":
		case len(n) == 14 && ledger.ValidSIRET(n):
			n = n[:9]
		case ledger.ValidSIREN(n):
		default:
			return nil, bad("cust.err.siren", *v)
		}
		c.SIREN = n
	}
	if v := ch.VATNumber; v != nil {
		c.VATNumber = strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(*v), " ", ""))
	}
	if v := ch.Address; v != nil {
		a := ledger.ParseAddressLine(*v)
		if strings.TrimSpace(*v) != "" && (len(a.Lines) == 0 || a.City == "") {
			return nil, bad("cust.err.address", *v)
		}
		a.Country = c.Address.Country
		c.Address = a
	}
	if v := ch.Country; v != nil {
		cc := strings.ToUpper(strings.TrimSpace(*v))
		if cc != "" && (len(cc) != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z') {
			return nil, bad("cust.err.country", *v)
		}
		if cc == "FR" {
			cc = ""
		}
		c.Address.Country = cc
	}
	if c.Address.Country == "" && c.Address.Postcode != "" && !frenchPostcode(c.Address.Postcode) {
		return nil, bad("cust.err.address", c.Address.Postcode)
	}
	if v := ch.Contact; v != nil {
		contact().Name = strings.TrimSpace(*v)
	}
	if v := ch.Email; v != nil {
		e := strings.TrimSpace(*v)
		if e != "" {
			if a, err := mail.ParseAddress(e); err != nil || a.Address != e || !strings.Contains(e[strings.LastIndex(e, "@"):], ".") {
				return nil, bad("cust.err.email", *v)
			}
		}
		contact().Email = e
	}
	if v := ch.Phone; v != nil {
		contact().Phone = strings.TrimSpace(*v)
	}
	if v := ch.Terms; v != nil {
		if strings.TrimSpace(*v) == "" {
			c.Terms = nil
		} else {
			t, err := ledger.ParseTerms(*v)
			if err != nil {
				return nil, err
			}
			c.Terms = &t
		}
	}
	if v := ch.CreditLimit; v != nil {
		var lim ledger.Cents
		if strings.TrimSpace(*v) != "" {
			l, err := ledger.ParseCents(strings.Replace(strings.ReplaceAll(strings.TrimSpace(*v), " ", ""), ",", ".", 1))
			if err != nil || l < 0 {
				return nil, bad("cust.err.limit", *v)
			}
			lim = l
		}
		c.CreditLimit = lim
	}
	if v := ch.Salesperson; v != nil {
		if *v != "" && s.Book.Salesperson(*v) == nil {
			return nil, bad("cust.err.salesperson", *v)
		}
		c.Salesperson = *v
	}
	if v := ch.Notes; v != nil {
		c.Notes = *v
	}
	if err := s.DB.Update(func(tx *store.Tx) error { return tx.PutCustomer(&c) }); err != nil {
		return nil, err
	}
	return &c, nil
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
