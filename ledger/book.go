package ledger

import (
	"sort"
	"strings"
)

// Account is a customer with all of its items, in document-date order.
type Account struct {
	Customer Customer
	Items    []Item
	// History, when not nil, says that Items are only part of the account's items (a
	// report's book, store.Tx.LoadSince): the open ones and the closed ones whose
	// lettering group was still open on or after History.Since. It keeps what the
	// figures need of the whole history.
	History *AccountHistory
}

// Balance returns Σ open amounts: what the customer owes now, net of open credits.
func (a *Account) Balance() Cents {
	var s Cents
	for i := range a.Items {
		s += a.Items[i].Open
	}
	return s
}

// Overdue returns Σ open debits past their due date at asOf.
func (a *Account) Overdue(asOf Date) Cents {
	var s Cents
	for i := range a.Items {
		if a.Items[i].OverdueAt(asOf) {
			s += a.Items[i].Open
		}
	}
	return s
}

// OldestOverdue returns the due date of the oldest overdue open debit at asOf, or NoDate.
func (a *Account) OldestOverdue(asOf Date) Date {
	oldest := NoDate
	for i := range a.Items {
		it := &a.Items[i]
		if it.OverdueAt(asOf) && (!oldest.Valid() || it.DueDate < oldest) {
			oldest = it.DueDate
		}
	}
	return oldest
}

// OpenItems returns the items with a non-zero open amount.
func (a *Account) OpenItems() []Item {
	var out []Item
	for _, it := range a.Items {
		if it.Open != 0 {
			out = append(out, it)
		}
	}
	return out
}

// SortItems orders items by document date, then number, then ID.
func SortItems(items []Item) {
	sort.SliceStable(items, func(i, j int) bool { return CompareItems(&items[i], &items[j]) < 0 })
}

// CompareItems is the order of SortItems: document date, then number, then ID (a total
// order within an account, whose item IDs are distinct).
func CompareItems(a, b *Item) int {
	switch {
	case a.DocDate != b.DocDate:
		return int(a.DocDate) - int(b.DocDate)
	case a.Number != b.Number:
		return strings.Compare(a.Number, b.Number)
	}
	return strings.Compare(a.ID, b.ID)
}

// Book is a dossier loaded in memory: its settings, salespeople and accounts.
// Accounts are sorted by customer ID. A Book is a snapshot: changes go through the
// store, which gives a new Book (or updates this one) after its transaction commits.
type Book struct {
	Settings    Settings
	Salespeople []Salesperson
	Accounts    []*Account
	index       map[string]int
}

// NewBook builds a book from its parts, sorting accounts by ID and items by date.
func NewBook(s Settings, sales []Salesperson, accounts []*Account) *Book {
	sort.Slice(accounts, func(i, j int) bool { return accounts[i].Customer.ID < accounts[j].Customer.ID })
	b := &Book{Settings: s.Normalize(), Salespeople: sales, Accounts: accounts}
	b.reindex()
	return b
}

func (b *Book) reindex() {
	b.index = make(map[string]int, len(b.Accounts))
	for i, a := range b.Accounts {
		b.index[a.Customer.ID] = i
	}
}

// Account returns the account of customer id, or nil.
func (b *Book) Account(id string) *Account {
	if i, ok := b.index[id]; ok {
		return b.Accounts[i]
	}
	return nil
}

// Salesperson returns the salesperson with the given ID, or nil.
func (b *Book) Salesperson(id string) *Salesperson {
	for i := range b.Salespeople {
		if b.Salespeople[i].ID == id {
			return &b.Salespeople[i]
		}
	}
	return nil
}

// ItemCount returns the number of items in the book.
func (b *Book) ItemCount() int {
	n := 0
	for _, a := range b.Accounts {
		n += len(a.Items)
	}
	return n
}

// TermsOf returns the customer's payment terms, or the dossier's default.
func (b *Book) TermsOf(c *Customer) Terms {
	if c.Terms != nil {
		return *c.Terms
	}
	return b.Settings.Terms
}

// CustomerSummary is one line of the customer list.
type CustomerSummary struct {
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	Kind        CustomerKind `json:"kind"`
	Salesperson string       `json:"salesperson,omitempty"`
	Balance     Cents        `json:"balance"`
	Overdue     Cents        `json:"overdue"`
	// OldestDue is the due date of the oldest overdue item; DaysLate counts from it.
	OldestDue  Date `json:"oldest_due,omitempty"`
	DaysLate   int  `json:"days_late"`
	OpenItems  int  `json:"open_items"`
	Doubtful   bool `json:"doubtful,omitempty"`
	CreditOver bool `json:"over_credit_limit,omitempty"`
}
