package credit

import (
	"sort"

	"relance/assets/i18n"
	"relance/ledger"
)

// AgedFilter selects the customers of an aged balance. Its zero value keeps everyone.
type AgedFilter struct {
	// Salesperson, when not empty, keeps only that salesperson's customers (Salesperson.ID).
	Salesperson string
	// Kind, when not nil, keeps only that kind of customer.
	Kind *ledger.CustomerKind
	// Class, when not empty, keeps only the customers for which ClassOf returns it.
	Class   string
	ClassOf func(*ledger.Customer) string
}

// Keep returns the filter as a function for AgedOptions.Keep, or nil when it keeps all.
func (f AgedFilter) Keep() func(*ledger.Account) bool {
	if f.Salesperson == "" && f.Kind == nil && (f.Class == "" || f.ClassOf == nil) {
		return nil
	}
	return func(a *ledger.Account) bool {
		c := &a.Customer
		if f.Salesperson != "" && c.Salesperson != f.Salesperson {
			return false
		}
		if f.Kind != nil && c.Kind != *f.Kind {
			return false
		}
		if f.Class != "" && f.ClassOf != nil && f.ClassOf(c) != f.Class {
			return false
		}
		return true
	}
}

// GroupKey says which group a customer belongs to: a stable key (sorted on) and a label
// for people. Grouping is by function so that any criterion can plug in (risk classes
// once they exist: see ByClass).
type GroupKey func(c *ledger.Customer) (key, label string)

// GroupByCustomer puts each customer in its own group (key: ID, label: name).
func GroupByCustomer() GroupKey {
	return func(c *ledger.Customer) (string, string) { return c.ID, c.Name }
}

// GroupBySalesperson groups customers by salesperson (label: the salesperson's name);
// customers without one share the key "" labelled credit.group.none in lang.
func GroupBySalesperson(book *ledger.Book, lang string) GroupKey {
	names := make(map[string]string, len(book.Salespeople))
	for _, s := range book.Salespeople {
		names[s.ID] = s.Name
	}
	none := i18n.T(lang, "credit.group.none")
	return func(c *ledger.Customer) (string, string) {
		if c.Salesperson == "" {
			return "", none
		}
		if n, ok := names[c.Salesperson]; ok && n != "" {
			return c.Salesperson, n
		}
		return c.Salesperson, c.Salesperson
	}
}

// GroupByKind groups customers by kind (business, consumer, public), labelled in lang.
func GroupByKind(lang string) GroupKey {
	return func(c *ledger.Customer) (string, string) {
		k := c.Kind.String()
		return k, i18n.T(lang, "credit.kind."+k)
	}
}

// GroupByClass groups customers by the class classOf gives them (a risk class, or any
// other segmentation); an empty class is labelled credit.group.none in lang.
func GroupByClass(classOf func(*ledger.Customer) string, lang string) GroupKey {
	none := i18n.T(lang, "credit.group.none")
	return func(c *ledger.Customer) (string, string) {
		k := classOf(c)
		if k == "" {
			return "", none
		}
		return k, k
	}
}

// AgedGroup is one group of an aged balance: its customers' lines and their totals.
type AgedGroup struct {
	Key       string
	Label     string
	Customers int         // number of lines (customers) in the group
	Buckets   Buckets     // Σ of the lines' buckets: Total() is the group's balance
	Lines     []*AgedLine // drill-down to the customers, and from them to their items
}

// Group splits the aged balance's lines by key, in key order. Σ groups = ag.Total.
func (ag *Aged) Group(key GroupKey) []AgedGroup {
	idx := map[string]int{}
	var out []AgedGroup
	for i := range ag.Lines {
		l := &ag.Lines[i]
		k, label := key(l.Customer)
		j, ok := idx[k]
		if !ok {
			j = len(out)
			idx[k] = j
			out = append(out, AgedGroup{Key: k, Label: label, Buckets: Buckets{Late: make([]ledger.Cents, len(ag.Ranges))}})
		}
		g := &out[j]
		g.Customers++
		g.Buckets.add(&l.Buckets)
		g.Lines = append(g.Lines, l)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
