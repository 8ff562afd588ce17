package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/credit"
	"relance/letters/agedpdf"
	"relance/letters/pdfdoc"
)

// agedJSON is the JSON form of an aged balance; amounts are decimal strings.
type agedJSON struct {
	AsOf      string             `json:"as_of"`
	Currency  string             `json:"currency"`
	Total     string             `json:"total"`
	Disputed  string             `json:"disputed"`
	Buckets   map[string]string  `json:"buckets"`
	Customers []agedCustomerJSON `json:"customers"`
	Groups    []agedGroupJSON    `json:"groups,omitempty"` // with --by other than customer
	// Doubtful are the doubtful customers (account 416), kept out of the total and the lines.
	Doubtful agedDoubtfulJSON `json:"doubtful"`
}

type agedDoubtfulJSON struct {
	Customers int               `json:"customers"`
	Balance   string            `json:"balance"`
	Buckets   map[string]string `json:"buckets"`
}

type agedCustomerJSON struct {
	ID       string            `json:"id"`
	Name     string            `json:"name"`
	Balance  string            `json:"balance"`
	Disputed string            `json:"disputed"`
	Buckets  map[string]string `json:"buckets"`
}

func bucketMap(ranges []credit.Range, b *credit.Buckets) map[string]string {
	m := map[string]string{"not_due": b.NotDue.String(), "credits": b.Credits.String()}
	for i, r := range ranges {
		m[r.Label()] = b.Late[i].String()
	}
	return m
}

// agedGroupJSON is one group of a grouped aged balance.
type agedGroupJSON struct {
	Key       string            `json:"key"`
	Label     string            `json:"label"`
	Customers int               `json:"customers"`
	Balance   string            `json:"balance"`
	Disputed  string            `json:"disputed"`
	Buckets   map[string]string `json:"buckets"`
}

// agedGroupings returns the values of aged --by.
func agedGroupings() []string { return []string{"customer", "salesperson", "kind", "class"} }

func runAged(env *Env, args []string) error {
	fs := env.flags("aged")
	rf := env.reportFlags(fs, "table", "csv", "json", "xlsx", "pdf")
	format := rf.format
	by := fs.String("by", "customer", "customer, salesperson, kind or class")
	outPath := fs.String("out", "", "output file (required for xlsx and pdf)")
	salesperson := fs.String("salesperson", "", "only this salesperson's customers (ID)")
	kindFlag := fs.String("kind", "", "only this kind of customer: business, consumer or public")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if !slices.Contains(agedGroupings(), *by) {
		return &usageError{msg: i18n.T(env.Lang, "credit.cli.by", "value", *by, "allowed", strings.Join(agedGroupings(), ", "))}
	}
	if (*format == "xlsx" || *format == "pdf") && *outPath == "" {
		return &usageError{msg: i18n.T(env.Lang, "credit.cli.needout")}
	}
	filter := credit.AgedFilter{Salesperson: *salesperson}
	if *kindFlag != "" {
		k, ok := ledger.ParseCustomerKind(*kindFlag)
		if !ok {
			return &usageError{msg: i18n.T(env.Lang, "credit.cli.kind", "value", *kindFlag)}
		}
		filter.Kind = &k
	}
	// The open position; the risk classes read the history they look at.
	rf.reach = &desk.Reach{Risk: *by == "class"}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	book := ss.Book
	ag := ss.Aged(asOf, filter.Keep())
	l := env.Lang
	var groups []credit.AgedGroup
	switch *by {
	case "salesperson":
		groups = ag.Group(credit.GroupBySalesperson(book, l))
	case "kind":
		groups = ag.Group(credit.GroupByKind(l))
	case "class":
		classOf, err := ss.Classes(asOf)
		if err != nil {
			return err
		}
		groups = ag.Group(credit.GroupByClass(func(c *ledger.Customer) string { return classOf(c.ID) }, l))
	}
	if groups == nil && *by != "customer" {
		groups = []credit.AgedGroup{}
	}
	var w io.Writer = env.Stdout
	if *outPath != "" {
		f, err := os.OpenFile(*outPath, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
		if err != nil {
			return fmt.Errorf("aged: %w", err)
		}
		defer f.Close()
		w = f
	}
	if err := writeAged(w, env.Stderr, *format, l, book, ag, groups); err != nil {
		return err
	}
	if f, ok := w.(*os.File); ok && *outPath != "" {
		if err := f.Close(); err != nil {
			return fmt.Errorf("aged: %w", err)
		}
		fmt.Fprintln(env.Stderr, i18n.T(l, "credit.cli.written", "file", *outPath))
	}
	return nil
}

// writeAged writes the aged balance in format; groups nil means one line per customer.
func writeAged(w, stderr io.Writer, format, l string, book *ledger.Book, ag *credit.Aged, groups []credit.AgedGroup) error {
	switch format {
	case "csv":
		return credit.WriteAgedCSV(w, ag, groups, l)
	case "xlsx":
		return credit.WriteAgedXLSX(w, ag, groups, l, &book.Settings)
	case "pdf":
		f := pdfdoc.NewFactory()
		defer f.Warn(stderr, l) // characters replaced in the PDF
		return agedpdf.Render(w, book.Settings, agedpdf.FromAged(ag), agedpdf.Options{Lang: l, Factory: f})
	case "json":
		doc := agedJSON{AsOf: ag.AsOf.String(), Currency: book.Settings.Currency, Total: ag.Total.Total().String(),
			Disputed: ag.Total.Disputed.String(), Buckets: bucketMap(ag.Ranges, &ag.Total), Customers: []agedCustomerJSON{},
			Doubtful: agedDoubtfulJSON{Customers: len(ag.Doubtful), Balance: ag.DoubtfulTotal.Total().String(),
				Buckets: bucketMap(ag.Ranges, &ag.DoubtfulTotal)}}
		for _, line := range ag.Lines {
			doc.Customers = append(doc.Customers, agedCustomerJSON{ID: line.Customer.ID, Name: line.Customer.Name,
				Balance: line.Buckets.Total().String(), Disputed: line.Buckets.Disputed.String(), Buckets: bucketMap(ag.Ranges, &line.Buckets)})
		}
		if groups != nil {
			doc.Groups = []agedGroupJSON{}
			for _, g := range groups {
				doc.Groups = append(doc.Groups, agedGroupJSON{Key: g.Key, Label: g.Label, Customers: g.Customers,
					Balance: g.Buckets.Total().String(), Disputed: g.Buckets.Disputed.String(), Buckets: bucketMap(ag.Ranges, &g.Buckets)})
			}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	}
	str := func(c ledger.Cents) string { return c.String() }
	if groups != nil {
		head := append([]string{i18n.T(l, "credit.col.group"), i18n.T(l, "credit.col.customers")}, agedHead(l, ag)[2:]...)
		tab := newTable(head...)
		for i := 1; i < len(head); i++ {
			tab.alignRight(i)
		}
		for _, g := range groups {
			tab.add(append([]string{truncate(g.Label, 34), itoa(g.Customers)}, agedRow("", "", &g.Buckets, ag, str)[2:]...)...)
		}
		tab.add(append([]string{i18n.T(l, "aged.total"), itoa(len(ag.Lines))}, agedRow("", "", &ag.Total, ag, str)[2:]...)...)
		if n := len(ag.Doubtful); n > 0 {
			tab.add(append([]string{i18n.T(l, "credit.doubtful", "n", itoa(n)), itoa(n)}, agedRow("", "", &ag.DoubtfulTotal, ag, str)[2:]...)...)
		}
		return tab.write(w)
	}
	tab := newTable(agedHead(l, ag)...)
	for i := 2; i < len(tab.head); i++ {
		tab.alignRight(i)
	}
	for _, line := range ag.Lines {
		tab.add(agedRow(line.Customer.ID, truncate(line.Customer.Name, 34), &line.Buckets, ag, str)...)
	}
	tab.add(agedRow("", i18n.T(l, "aged.total"), &ag.Total, ag, str)...)
	if n := len(ag.Doubtful); n > 0 {
		tab.add(agedRow("", i18n.T(l, "credit.doubtful", "n", itoa(n)), &ag.DoubtfulTotal, ag, str)...)
	}
	return tab.write(w)
}

func agedHead(l string, ag *credit.Aged) []string {
	h := []string{i18n.T(l, "col.id"), i18n.T(l, "col.name"), i18n.T(l, "col.balance"), i18n.T(l, "aged.notdue")}
	for _, r := range ag.Ranges {
		if r.To == 0 {
			h = append(h, i18n.T(l, "aged.over", "days", itoa(r.From-1)))
		} else {
			h = append(h, i18n.T(l, "aged.range", "from", itoa(r.From), "to", itoa(r.To)))
		}
	}
	return append(h, i18n.T(l, "aged.credits"), i18n.T(l, "credit.col.disputed"))
}

func agedRow(id, name string, b *credit.Buckets, ag *credit.Aged, f func(ledger.Cents) string) []string {
	row := []string{id, name, f(b.Total()), f(b.NotDue)}
	for i := range ag.Ranges {
		row = append(row, f(b.Late[i]))
	}
	return append(row, f(b.Credits), f(b.Disputed))
}

func itoa(n int) string { return strconv.Itoa(n) }
