package cli

import (
	"bytes"
	"encoding/json"
	"testing"

	"relance/ledger"
)

// customersJSON is the document of relance customers --format json, as encoding/json
// wrote it before writeCustomersJSON.
func customersJSON(asOf ledger.Date, currency string, rows []ledger.CustomerSummary) []byte {
	t := ledger.Totals(rows)
	type totals struct {
		Customers         int          `json:"customers"`
		Receivables       ledger.Cents `json:"receivables"`
		Overdue           ledger.Cents `json:"overdue"`
		Doubtful          ledger.Cents `json:"doubtful"`
		DoubtfulCustomers int          `json:"doubtful_customers"`
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(struct {
		AsOf      string                   `json:"as_of"`
		Currency  string                   `json:"currency"`
		Customers []ledger.CustomerSummary `json:"customers"`
		Totals    totals                   `json:"totals"`
	}{asOf.String(), currency, orEmpty(rows), totals{t.Customers, t.Balance, t.Overdue, t.Doubtful, t.DoubtfulCustomers}}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func TestWriteCustomersJSONSameAsEncodingJSON(t *testing.T) {
	asOf, err := ledger.ParseDate("2026-12-04")
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"Dupont SARL", "Société Générale", `A "quoted" <b>&co</b>`, "back\\slash", "tab\there", "line\nbreak",
		"\x01ctl\x7f", "bad\xffutf8", "sep\u2028par\u2029", "emoji 🙂", "", "€ 12"}
	var rows []ledger.CustomerSummary
	for i, n := range names {
		rows = append(rows, ledger.CustomerSummary{ID: "C" + n, Name: n, Kind: ledger.CustomerKind(i % 3), Salesperson: n,
			Balance: ledger.Cents(i*12345 - 50000), Overdue: ledger.Cents(i * 101), OldestDue: ledger.Date(i % 2 * int(asOf)),
			DaysLate: i * 3, OpenItems: i, Doubtful: i%4 == 1, CreditOver: i%5 == 2})
	}
	for _, tc := range []struct {
		currency string
		rows     []ledger.CustomerSummary
	}{{"EUR", rows}, {"", nil}, {"G<B>P", rows[:1]}} {
		var got bytes.Buffer
		if err := writeCustomersJSON(&got, asOf, tc.currency, tc.rows, ledger.Totals(tc.rows)); err != nil {
			t.Fatal(err)
		}
		if want := customersJSON(asOf, tc.currency, tc.rows); !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%d rows: got\n%s\nwant\n%s", len(tc.rows), got.Bytes(), want)
		}
	}
}
