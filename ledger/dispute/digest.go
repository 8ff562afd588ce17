package dispute

import (
	"sort"
	"strings"

	"relance/ledger"
)

// SalesDigest is what a salesperson is sent to work with the collector: the disputes
// they own that are still active, their customers with overdue amounts (disputed
// parts shown apart), and the delivery blocks on their customers waiting for a decision.
type SalesDigest struct {
	Salesperson ledger.Salesperson `json:"salesperson"`
	AsOf        ledger.Date        `json:"as_of"`
	Disputes    []Dispute          `json:"disputes"`
	Customers   []OverdueCustomer  `json:"customers"`
	Blocks      []Block            `json:"blocks"`
	// Names maps the customer IDs of Disputes and Blocks to their names.
	Names map[string]string `json:"names"`
}

// OverdueCustomer is one of the salesperson's customers with something overdue.
type OverdueCustomer struct {
	ID       string       `json:"id"`
	Name     string       `json:"name"`
	Balance  ledger.Cents `json:"balance"`
	Overdue  ledger.Cents `json:"overdue"`
	Disputed ledger.Cents `json:"disputed"` // part of Overdue in dispute
	DaysLate int          `json:"days_late"`
	Blocked  bool         `json:"blocked,omitempty"`
}

// DisputedTotal returns Σ totals of the digest's disputes.
func (s *SalesDigest) DisputedTotal() ledger.Cents {
	var t ledger.Cents
	for i := range s.Disputes {
		t += s.Disputes[i].Total()
	}
	return t
}

// OverdueTotal returns Σ overdue of the digest's customers.
func (s *SalesDigest) OverdueTotal() ledger.Cents {
	var t ledger.Cents
	for _, c := range s.Customers {
		t += c.Overdue
	}
	return t
}

// Digest builds the digest of salesperson sp at asOf. Customers are in decreasing
// overdue order, disputes by due date then ID, blocks by customer.
func Digest(book *ledger.Book, idx *Index, blocks []Block, sp ledger.Salesperson, asOf ledger.Date) SalesDigest {
	out := SalesDigest{Salesperson: sp, AsOf: asOf, Disputes: []Dispute{}, Customers: []OverdueCustomer{}, Blocks: []Block{}, Names: map[string]string{}}
	mine := map[string]bool{}
	for _, a := range book.Accounts {
		if a.Customer.Salesperson == sp.ID {
			mine[a.Customer.ID] = true
		}
	}
	for _, d := range idx.Open(asOf) {
		if d.Owner == sp.ID {
			out.Disputes = append(out.Disputes, d)
		}
	}
	sort.SliceStable(out.Disputes, func(i, j int) bool {
		a, b := &out.Disputes[i], &out.Disputes[j]
		if a.DueBy != b.DueBy {
			return a.DueBy < b.DueBy
		}
		return a.ID < b.ID
	})
	blocked := map[string]bool{}
	for i := range blocks {
		b := &blocks[i]
		if b.BlockedAt(asOf) {
			blocked[b.Customer] = true
		}
		if mine[b.Customer] && b.Pending() {
			out.Blocks = append(out.Blocks, *b)
		}
	}
	sort.SliceStable(out.Blocks, func(i, j int) bool { return out.Blocks[i].Customer < out.Blocks[j].Customer })
	for _, a := range book.Accounts {
		if !mine[a.Customer.ID] {
			continue
		}
		c := OverdueCustomer{ID: a.Customer.ID, Name: a.Customer.Name, Blocked: blocked[a.Customer.ID]}
		oldest := ledger.NoDate
		for i := range a.Items {
			it := &a.Items[i]
			c.Balance += it.Open
			if it.OverdueAt(asOf) {
				c.Overdue += it.Open
				c.Disputed += idx.DisputedAmount(it, asOf)
				if !oldest.Valid() || it.DueDate < oldest {
					oldest = it.DueDate
				}
			}
		}
		if c.Overdue <= 0 {
			continue
		}
		c.DaysLate = asOf.DaysSince(oldest)
		out.Customers = append(out.Customers, c)
	}
	for _, d := range out.Disputes {
		if a := book.Account(d.Customer); a != nil {
			out.Names[d.Customer] = a.Customer.Name
		}
	}
	for _, b := range out.Blocks {
		if a := book.Account(b.Customer); a != nil {
			out.Names[b.Customer] = a.Customer.Name
		}
	}
	sort.SliceStable(out.Customers, func(i, j int) bool {
		if out.Customers[i].Overdue != out.Customers[j].Overdue {
			return out.Customers[i].Overdue > out.Customers[j].Overdue
		}
		return out.Customers[i].ID < out.Customers[j].ID
	})
	return out
}

// FindSalesperson returns the salesperson whose ID is s, or else whose name matches s
// (case and accents ignored, whole name or a unique part of it). Unknown or ambiguous
// names are refused with a localized problem.
func FindSalesperson(book *ledger.Book, s string) (ledger.Salesperson, error) {
	if sp := book.Salesperson(s); sp != nil {
		return *sp, nil
	}
	want := ledger.Fold(s)
	var found []ledger.Salesperson
	for _, sp := range book.Salespeople {
		n := ledger.Fold(sp.Name)
		if n == want {
			return sp, nil
		}
		if want != "" && strings.Contains(n, want) {
			found = append(found, sp)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	key := "dispute.err.salesperson"
	if len(found) > 1 {
		key = "dispute.err.salesperson_ambiguous"
	}
	return ledger.Salesperson{}, &ledger.Problem{Key: key, Args: []string{"value", s}}
}
