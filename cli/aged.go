package cli

import (
	"encoding/csv"
	"encoding/json"
	"strconv"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/credit"
)

// agedJSON is the JSON form of an aged balance; amounts are decimal strings.
type agedJSON struct {
	AsOf      string             `json:"as_of"`
	Currency  string             `json:"currency"`
	Total     string             `json:"total"`
	Buckets   map[string]string  `json:"buckets"`
	Customers []agedCustomerJSON `json:"customers"`
}

type agedCustomerJSON struct {
	ID      string            `json:"id"`
	Name    string            `json:"name"`
	Balance string            `json:"balance"`
	Buckets map[string]string `json:"buckets"`
}

func bucketMap(ranges []credit.Range, b *credit.Buckets) map[string]string {
	m := map[string]string{"not_due": b.NotDue.String(), "credits": b.Credits.String()}
	for i, r := range ranges {
		m[r.Label()] = b.Late[i].String()
	}
	return m
}

func runAged(env *Env, args []string) error {
	fs := env.flags("aged")
	dbPath := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "as-of date YYYY-MM-DD (default today)")
	format := fs.String("format", "table", "table, csv or json")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *dbPath); err != nil {
		return err
	}
	if err := env.format(*format, "table", "csv", "json"); err != nil {
		return err
	}
	asOf, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	db, book, err := openRead(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	ag := credit.AgedBalance(book, asOf, nil)
	l := env.Lang
	switch *format {
	case "json":
		doc := agedJSON{AsOf: asOf.String(), Currency: book.Settings.Currency, Total: ag.Total.Total().String(),
			Buckets: bucketMap(ag.Ranges, &ag.Total), Customers: []agedCustomerJSON{}}
		for _, line := range ag.Lines {
			doc.Customers = append(doc.Customers, agedCustomerJSON{ID: line.Customer.ID, Name: line.Customer.Name,
				Balance: line.Buckets.Total().String(), Buckets: bucketMap(ag.Ranges, &line.Buckets)})
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	case "csv":
		w := csv.NewWriter(env.Stdout)
		w.Comma = ';' // what French spreadsheets open directly
		w.Write(agedHead(l, ag))
		for _, line := range ag.Lines {
			w.Write(agedRow(line.Customer.ID, line.Customer.Name, &line.Buckets, ag, decimalComma))
		}
		w.Write(agedRow("", i18n.T(l, "aged.total"), &ag.Total, ag, decimalComma))
		w.Flush()
		return w.Error()
	}
	tab := newTable(agedHead(l, ag)...)
	for i := 2; i < len(tab.head); i++ {
		tab.alignRight(i)
	}
	str := func(c ledger.Cents) string { return c.String() }
	for _, line := range ag.Lines {
		tab.add(agedRow(line.Customer.ID, truncate(line.Customer.Name, 34), &line.Buckets, ag, str)...)
	}
	tab.add(agedRow("", i18n.T(l, "aged.total"), &ag.Total, ag, str)...)
	return tab.write(env.Stdout)
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
	return append(h, i18n.T(l, "aged.credits"))
}

func agedRow(id, name string, b *credit.Buckets, ag *credit.Aged, f func(ledger.Cents) string) []string {
	row := []string{id, name, f(b.Total()), f(b.NotDue)}
	for i := range ag.Ranges {
		row = append(row, f(b.Late[i]))
	}
	return append(row, f(b.Credits))
}

// decimalComma writes an amount the way French spreadsheets read it: "-1234,50".
func decimalComma(c ledger.Cents) string {
	s := []byte(c.String())
	for i := range s {
		if s[i] == '.' {
			s[i] = ','
		}
	}
	return string(s)
}

func itoa(n int) string { return strconv.Itoa(n) }
