package desk

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"relance/ledger"
	"relance/ledger/importer/custfile"
	"relance/ledger/importer/report"
	"relance/ledger/importer/tabular"
	"relance/ledger/store"
)

// CustomerFileOptions say how a customer file is imported.
type CustomerFileOptions struct {
	DryRun bool        // check everything, write nothing
	At     ledger.Date // date of the history entries (today when not valid)
	By     string      // who imports (the signatory when empty)
}

// CustomerFilePresets returns the customer file mappings: the built-in ones and those
// saved in the dossier, by name (apart from the ledger import's).
func (s *Session) CustomerFilePresets() (map[string]tabular.Mapping, error) {
	return custfile.Presets(s.DB)
}

// CustomerFilePreset returns the customer file mapping called name.
func (s *Session) CustomerFilePreset(name string) (*tabular.Mapping, error) {
	return custfile.Preset(s.DB, name)
}

// SaveCustomerFilePreset saves a customer file mapping in the dossier under its name.
func (s *Session) SaveCustomerFilePreset(m tabular.Mapping) error {
	return custfile.SavePreset(s.DB, m)
}

// ReadCustomerFile reads the customer file at path (CSV or XLSX) with mapping m,
// for a preview and ImportCustomerFile; it writes nothing.
func ReadCustomerFile(path string, m tabular.Mapping) (*custfile.Sheet, error) {
	return custfile.Open(path, m)
}

// plannedCustomer is a customer record as the file leaves it.
type plannedCustomer struct {
	c       ledger.Customer
	changed []string
	created bool
	line    int
}

// ImportCustomerFile merges a customer file into the dossier's customers, by customer
// code: a code the dossier has updates its record, another creates the customer (its
// items come with the next ledger import, which keeps the record). Each row becomes a
// CustomerChange checked as the record form's (EditCustomer); an empty cell leaves
// the field as it is; the salesperson is found by ID or by name. All or nothing: every
// row is read and checked first, and with any problem (a cell that cannot be read, a
// value the form refuses, a code twice, a new customer without a name, an unknown
// salesperson) nothing is written and the result lists every problem with its line,
// column and value. Otherwise every change is written in one transaction, after a
// rotating backup, with one history entry per customer created or changed. A dry run
// stops before writing. The error is for what is not the file's fault (the dossier).
func (s *Session) ImportCustomerFile(sh *custfile.Sheet, o CustomerFileOptions) (*custfile.Result, error) {
	rep := &report.Collector{Cap: math.MaxInt32}
	rows := sh.Rows(rep)
	res := &custfile.Result{File: sh.File, Rows: sh.Count(), DryRun: o.DryRun}
	sp := newSalesIndex(s.Book.Salespeople)
	todo := make([]plannedCustomer, 0, len(rows))
	for i := range rows {
		r := &rows[i]
		p, ok := s.planRow(sh, r, sp, rep)
		if !ok {
			continue
		}
		switch {
		case p.created:
			res.Created++
		case len(p.changed) > 0:
			res.Updated++
		default:
			res.Unchanged++
			continue
		}
		res.Changes = append(res.Changes, custfile.Change{ID: p.c.ID, Line: p.line, Created: p.created, Fields: p.changed})
		todo = append(todo, p)
	}
	if rep.Worst() >= report.Error {
		res.Refused, res.Created, res.Updated, res.Unchanged, res.Changes = true, 0, 0, 0, nil
		res.Problems = rep.Issues()
		return res, nil
	}
	if o.DryRun || len(todo) == 0 {
		return res, nil
	}
	if err := s.BackupBeforeChange(); err != nil {
		return nil, err
	}
	at := o.At
	if !at.Valid() {
		at = ledger.DateOf(time.Now())
	}
	who := s.Who(o.By)
	err := s.DB.Update(func(tx *store.Tx) error {
		for i := range todo {
			p := &todo[i]
			if err := tx.PutCustomer(&p.c); err != nil {
				return fmt.Errorf("customer %s: %w", p.c.ID, err)
			}
			fields := p.changed
			if p.created {
				fields = append([]string{"created"}, fields...)
			}
			if err := tx.AddAction(recordEdit(p.c.ID, fields, at, who)); err != nil {
				return fmt.Errorf("customer %s: %w", p.c.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	res.Written = true
	return res, nil
}

// planRow turns a row into the customer's new record, reporting its problems.
func (s *Session) planRow(sh *custfile.Sheet, r *custfile.Row, sp salesIndex, rep *report.Collector) (plannedCustomer, bool) {
	p := plannedCustomer{line: r.Line}
	base := ledger.Customer{ID: r.ID}
	if acc := s.Book.Account(r.ID); acc != nil {
		base = cloneCustomer(acc.Customer)
	} else {
		p.created = true
	}
	add := func(key string, c custfile.Cell, value string, args ...string) {
		rep.Addf(report.Error, key, sh.File, r.Line, c.Column, value, append([]string{"name", string(c.Field)}, args...)...)
	}
	ch, ok := rowChange(r, &base, sp, add)
	if p.created && ch.Name == nil {
		add("custfile.issue.noname", custfile.Cell{Field: custfile.Name, Column: sh.Label(custfile.Name)}, r.ID)
		ok = false
	}
	if !ok {
		return p, false
	}
	p.c = cloneCustomer(base)
	changed, err := s.applyCustomerChange(&p.c, ch)
	if err != nil {
		s.diagnose(r, &base, ch, err, add)
		return p, false
	}
	p.changed = changed
	return p, true
}

// rowChange builds the change a row makes to record base: each non-empty cell sets
// its field. The street lines, postcode and city are laid over the record's address
// (empty cells keep its parts). A salesperson is found by ID or name; an unknown one
// is reported through add, and ok is false.
func rowChange(r *custfile.Row, base *ledger.Customer, sp salesIndex, add func(string, custfile.Cell, string, ...string)) (ch CustomerChange, ok bool) {
	ok = true
	val := func(c custfile.Cell) *string { v := c.Value; return &v }
	addr := base.Address
	addrSet := false
	var lines []string
	for _, c := range r.Cells {
		switch c.Field {
		case custfile.Name:
			ch.Name = val(c)
		case custfile.Address1, custfile.Address2, custfile.Address3:
			lines, addrSet = append(lines, c.Value), true
		case custfile.Postcode:
			addr.Postcode, addrSet = c.Value, true
		case custfile.City:
			addr.City, addrSet = c.Value, true
		case custfile.Country:
			ch.Country = val(c)
			if addr.Country = c.Value; c.Value == "FR" { // the address is written on one line as its country writes it
				addr.Country = ""
			}
		case custfile.Email:
			ch.Email = val(c)
		case custfile.Phone:
			ch.Phone = val(c)
		case custfile.Contact:
			ch.Contact = val(c)
		case custfile.SIRET:
			if len(c.Value) == 9 { // a SIREN in a "SIRET/SIREN" column
				ch.SIREN = val(c)
			} else {
				ch.SIRET = val(c)
			}
		case custfile.SIREN:
			ch.SIREN = val(c)
		case custfile.VAT:
			ch.VATNumber = val(c)
		case custfile.IBAN:
			ch.IBAN = val(c)
		case custfile.Terms:
			ch.Terms = val(c)
		case custfile.Limit:
			ch.CreditLimit = val(c)
		case custfile.Salesperson:
			id, found := sp.find(c.Value)
			if !found {
				add("custfile.issue.salesperson", c, c.Raw, "allowed", sp.names())
				ok = false
				continue
			}
			ch.Salesperson = &id
		case custfile.Kind:
			ch.Kind = val(c)
		case custfile.Lang:
			ch.Lang = val(c)
		case custfile.Notes:
			ch.Notes = val(c)
		case custfile.Civility:
			ch.Civility = val(c)
		case custfile.Law:
			ch.Law = val(c)
		}
	}
	if addrSet {
		if len(lines) > 0 {
			addr.Lines = lines
		}
		one := addr.OneLine()
		ch.Address = &one
	}
	return ch, ok
}

// diagnose reports every bad field of a row that applyCustomerChange refused (err is
// its first): each group of fields is applied alone to the record, so that a row with
// a bad e-mail and a bad SIRET names both. A problem that only the fields together
// make is reported as err says.
func (s *Session) diagnose(r *custfile.Row, base *ledger.Customer, ch CustomerChange, err error, add func(string, custfile.Cell, string, ...string)) {
	groups := []CustomerChange{
		{Name: ch.Name}, {Kind: ch.Kind}, {Lang: ch.Lang}, {Address: ch.Address, Country: ch.Country},
		{SIREN: ch.SIREN, SIRET: ch.SIRET}, {VATNumber: ch.VATNumber}, {IBAN: ch.IBAN},
		{Contact: ch.Contact, Email: ch.Email, Phone: ch.Phone}, {Terms: ch.Terms}, {CreditLimit: ch.CreditLimit},
		{Salesperson: ch.Salesperson}, {Notes: ch.Notes}, {Civility: ch.Civility}, {Law: ch.Law},
	}
	found := false
	for _, g := range groups {
		if g == (CustomerChange{}) {
			continue
		}
		c := cloneCustomer(*base)
		if _, gerr := s.applyCustomerChange(&c, g); gerr != nil && reportCheck(r, gerr, add) {
			found = true
		}
	}
	if found || reportCheck(r, err, add) {
		return
	}
	var p *ledger.Problem
	if errors.As(err, &p) { // about the record, not a cell
		add(p.Key, custfile.Cell{}, problemValue(p), p.Args...)
		return
	}
	add("custfile.issue.record", custfile.Cell{}, r.ID, "message", err.Error())
}

// problemValue is the value a Problem names ("" when none).
func problemValue(p *ledger.Problem) string {
	for i := 0; i+1 < len(p.Args); i += 2 {
		if p.Args[i] == "value" {
			return p.Args[i+1]
		}
	}
	return ""
}

// checkFields are the row's fields a record check names by its key, most likely first.
func checkFields(key string) []tabular.Field {
	switch key {
	case "cust.err.name":
		return []tabular.Field{custfile.Name}
	case "cust.err.kind":
		return []tabular.Field{custfile.Kind}
	case "cust.err.lang":
		return []tabular.Field{custfile.Lang}
	case "cust.err.siren":
		return []tabular.Field{custfile.SIREN, custfile.SIRET}
	case "cust.err.siret", "cust.err.siret_siren":
		return []tabular.Field{custfile.SIRET}
	case "cust.err.iban":
		return []tabular.Field{custfile.IBAN}
	case "cust.err.address":
		return []tabular.Field{custfile.Postcode, custfile.City, custfile.Address1, custfile.Address2, custfile.Address3, custfile.Country}
	case "cust.err.country":
		return []tabular.Field{custfile.Country}
	case "cust.err.email":
		return []tabular.Field{custfile.Email}
	case "cust.err.limit":
		return []tabular.Field{custfile.Limit}
	case "cust.err.salesperson":
		return []tabular.Field{custfile.Salesperson}
	case "err.terms":
		return []tabular.Field{custfile.Terms}
	case "cust.err.civility":
		return []tabular.Field{custfile.Civility}
	case "cust.err.law":
		return []tabular.Field{custfile.Law}
	}
	return nil
}

// reportCheck reports a record check's problem on the cell it is about: the cell
// whose text is the value the check names, else the first cell of the fields its key
// names. It returns false when err is not a Problem about one of the row's cells.
func reportCheck(r *custfile.Row, err error, add func(string, custfile.Cell, string, ...string)) bool {
	var p *ledger.Problem
	if !errors.As(err, &p) {
		return false
	}
	value := problemValue(p)
	var first *custfile.Cell
	for _, f := range checkFields(p.Key) {
		c, ok := r.Cell(f)
		if !ok {
			continue
		}
		if c.Value == value || c.Raw == value {
			add(p.Key, c, c.Raw)
			return true
		}
		if first == nil {
			first = &c
		}
	}
	if first == nil {
		return false
	}
	add(p.Key, *first, value)
	return true
}

// salesIndex finds a salesperson by ID or by name (case, accents and punctuation
// ignored).
type salesIndex struct {
	ids    map[string]string // upper-case ID → ID
	byName map[string]string // squashed name → ID ("" when two share it)
	all    []string
}

func newSalesIndex(sps []ledger.Salesperson) salesIndex {
	x := salesIndex{ids: map[string]string{}, byName: map[string]string{}}
	for _, sp := range sps {
		x.ids[strings.ToUpper(sp.ID)] = sp.ID
		n := tabular.Squash(sp.Name)
		if _, dup := x.byName[n]; dup {
			x.byName[n] = ""
		} else {
			x.byName[n] = sp.ID
		}
		x.all = append(x.all, sp.ID)
	}
	return x
}

func (x salesIndex) find(v string) (string, bool) {
	if id, ok := x.ids[strings.ToUpper(strings.TrimSpace(v))]; ok {
		return id, true
	}
	id := x.byName[tabular.Squash(v)]
	return id, id != ""
}

// names lists the salespeople's IDs for a message (the first ten), "—" for none.
func (x salesIndex) names() string {
	switch {
	case len(x.all) == 0:
		return "—"
	case len(x.all) > 10:
		return strings.Join(x.all[:10], ", ") + ", …"
	}
	return strings.Join(x.all, ", ")
}
