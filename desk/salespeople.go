package desk

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"relance/ledger"
	"relance/ledger/store"
)

// SalespersonChange is what a person changes on a salesperson: each non-nil field is
// set, as typed (checked by EditSalesperson), the others kept.
type SalespersonChange struct {
	Name, Email, Phone *string
}

// SalespersonUse is what still names a salesperson: the customers they follow and
// the disputes in progress they answer (IDs in order).
type SalespersonUse struct {
	Customers []string
	Disputes  []string
}

// Salespeople returns the salespeople directory in ID order.
func (s *Session) Salespeople() []ledger.Salesperson {
	out := slices.Clone(s.Book.Salespeople)
	slices.SortFunc(out, func(a, b ledger.Salesperson) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// findSalesperson is the directory's salesperson id, matched as typed, then
// upper-cased (IDs are stored upper-cased); nil when none.
func (s *Session) findSalesperson(id string) *ledger.Salesperson {
	id = strings.TrimSpace(id)
	if sp := s.Book.Salesperson(id); sp != nil {
		return sp
	}
	return s.Book.Salesperson(strings.ToUpper(id))
}

// SalespersonUse returns what names salesperson id in the dossier.
func (s *Session) SalespersonUse(id string) SalespersonUse {
	var u SalespersonUse
	for _, a := range s.Book.Accounts {
		if a.Customer.Salesperson == id {
			u.Customers = append(u.Customers, a.Customer.ID)
		}
	}
	for _, d := range s.Disputes {
		if d.Owner == id && !d.Status.Final() {
			u.Disputes = append(u.Disputes, d.ID)
		}
	}
	slices.Sort(u.Customers)
	slices.Sort(u.Disputes)
	return u
}

// AddSalesperson creates a salesperson in one transaction, checked as SaveSalesperson
// does; an ID already in the directory is refused (EditSalesperson changes it).
func (s *Session) AddSalesperson(sp ledger.Salesperson) error {
	sp = sp.Normalize()
	if s.findSalesperson(sp.ID) != nil {
		return &ledger.Problem{Key: "admin.err.sp_exists", Args: []string{"field", "id", "value", sp.ID}}
	}
	return s.SaveSalesperson(sp)
}

// EditSalesperson applies ch to salesperson id in one transaction, after checking the
// result (ledger.Salesperson.Validate); an unknown ID is refused.
func (s *Session) EditSalesperson(id string, ch SalespersonChange) (*ledger.Salesperson, error) {
	cur := s.findSalesperson(id)
	if cur == nil {
		return nil, &ledger.Problem{Key: "admin.err.sp_unknown", Args: []string{"field", "id", "value", id}}
	}
	sp := *cur
	for _, f := range []struct{ v, dst *string }{{ch.Name, &sp.Name}, {ch.Email, &sp.Email}, {ch.Phone, &sp.Phone}} {
		if f.v != nil {
			*f.dst = *f.v
		}
	}
	sp = sp.Normalize()
	sp.ID = cur.ID
	if err := s.SaveSalesperson(sp); err != nil {
		return nil, err
	}
	return &sp, nil
}

// RemoveSalesperson removes salesperson id from the directory in one transaction. It
// is refused while customers or disputes in progress still name them: the Problem says
// how many and which (SalespersonUse), and how to hand them to someone else.
func (s *Session) RemoveSalesperson(id string) error {
	sp := s.findSalesperson(id)
	if sp == nil {
		return &ledger.Problem{Key: "admin.err.sp_unknown", Args: []string{"field", "id", "value", id}}
	}
	if u := s.SalespersonUse(sp.ID); len(u.Customers)+len(u.Disputes) > 0 {
		key := "admin.err.sp_in_use"
		switch {
		case len(u.Disputes) == 0:
			key = "admin.err.sp_in_use_customers"
		case len(u.Customers) == 0:
			key = "admin.err.sp_in_use_disputes"
		}
		return &ledger.Problem{Key: key, Args: []string{"field", "id", "value", sp.ID,
			"customers", strconv.Itoa(len(u.Customers)), "customer_ids", firstIDs(u.Customers),
			"disputes", strconv.Itoa(len(u.Disputes)), "dispute_ids", firstIDs(u.Disputes)}}
	}
	return s.DB.Update(func(tx *store.Tx) error { return tx.DeleteSalesperson(sp.ID) })
}

// firstIDs lists up to five IDs, "…" after them when there are more.
func firstIDs(ids []string) string {
	if len(ids) > 5 {
		return strings.Join(ids[:5], ", ") + ", …"
	}
	return strings.Join(ids, ", ")
}

// SalespeopleFile is the export of a dossier's salespeople directory.
type SalespeopleFile struct {
	FileHeader
	Salespeople []ledger.Salesperson `json:"salespeople"`
}

// ExportSalespeople writes the salespeople directory to w as a settings file
// (KindSalespeople), in ID order.
func (s *Session) ExportSalespeople(w io.Writer) error {
	f := SalespeopleFile{FileHeader{KindSalespeople, FileVersion}, s.Salespeople()}
	if f.Salespeople == nil {
		f.Salespeople = []ledger.Salesperson{}
	}
	return writeAdminFile(w, f)
}

// ImportCount says what an import did: entries added, changed, and left as they were.
type ImportCount struct{ Added, Changed, Same int }

// ImportSalespeople reads data, a salespeople file named name (ExportSalespeople), and
// records its salespeople in one transaction: a new ID is added, a known one replaced;
// the directory's others are kept (RemoveSalesperson removes one). Every entry is
// checked first, and the first bad one refuses the whole file, named by its position,
// ID and line; an ID twice in the file is refused.
func (s *Session) ImportSalespeople(name string, data []byte) (ImportCount, error) {
	var f SalespeopleFile
	doc, err := readAdminFile(name, data, KindSalespeople, &f)
	if err != nil {
		return ImportCount{}, err
	}
	var n ImportCount
	seen := map[string]bool{}
	list := make([]ledger.Salesperson, len(f.Salespeople))
	for i, sp := range f.Salespeople {
		path := "salespeople[" + strconv.Itoa(i) + "]"
		sp = sp.Normalize()
		err := sp.Validate()
		if err == nil && seen[sp.ID] {
			err = &ledger.Problem{Key: "admin.err.sp_twice", Args: []string{"field", "id", "value", sp.ID}}
		}
		if err != nil {
			if fld := problemArg(err, "field"); fld != "" && doc.offset(path+"."+fld) >= 0 {
				path += "." + fld
			}
			return ImportCount{}, &ledger.Problem{Key: "admin.err.sp_entry", Args: []string{"file", name,
				"line", strconv.Itoa(doc.line(doc.offset(path))), "n", strconv.Itoa(i + 1), "id", sp.ID}, Err: err}
		}
		seen[sp.ID] = true
		list[i] = sp
		switch cur := s.Book.Salesperson(sp.ID); {
		case cur == nil:
			n.Added++
		case *cur == sp:
			n.Same++
		default:
			n.Changed++
		}
	}
	err = s.DB.Update(func(tx *store.Tx) error {
		for _, sp := range list {
			if err := tx.PutSalesperson(sp); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return ImportCount{}, err
	}
	return n, nil
}
