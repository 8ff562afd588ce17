package ledger

import (
	"testing"
)

// FuzzParsers feeds arbitrary text to the parsers of user input in the model: dates,
// amounts and payment terms. Each returns a value or an error, never panics, and what it
// accepts prints back to something it accepts again with the same value.
func FuzzParsers(f *testing.F) {
	for _, s := range []string{"2026-11-23", "23/11/2026", "0001-01-01", "9999-12-31", "2026-02-30",
		"1234.56", "-0.01", "1e9", "  12 ", "30", "45fdm", "fdm+45", "60", "366", "", "\x00", "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := ParseDate(s); err == nil && d.Valid() {
			if again, err := ParseDate(d.String()); err != nil || again != d {
				t.Fatalf("date %q → %s → %v, %v", s, d, again, err)
			}
		}
		if c, err := ParseCents(s); err == nil {
			if again, err := ParseCents(c.String()); err != nil || again != c {
				t.Fatalf("amount %q → %s → %v, %v", s, c, again, err)
			}
		}
		if tm, err := ParseTerms(s); err == nil {
			if again, err := ParseTerms(tm.String()); err != nil || again != tm {
				t.Fatalf("terms %q → %s → %v, %v", s, tm, again, err)
			}
		}
	})
}

// The encoded summaries of an account read in part (DaySeries, PastItems) come from the
// dossier's file: a damaged one never panics, and what encodes decodes back.
func FuzzEncodedSummaries(f *testing.F) {
	it := Item{Kind: Invoice, DocDate: NewDate(2026, 3, 2), DueDate: NewDate(2026, 4, 1), Settled: NewDate(2026, 5, 9),
		Amount: 120050, Number: "FA2026-0042", Flags: FlagUnpaidCheque}
	f.Add(EncodePastItem(nil, &it, 3), EncodeDays([]DaySales{{NewDate(2026, 1, 5), 100}, {NewDate(2026, 2, 7), -40}}, true))
	f.Add([]byte{}, []byte{0x80})
	f.Fuzz(func(t *testing.T, past, days []byte) {
		for p := range NewPastItems(past).All() {
			again := EncodePastItem(nil, &Item{Kind: p.Kind, Flags: p.Flags, DocDate: p.DocDate, DueDate: p.DueDate,
				Settled: p.Settled, Amount: p.Amount, Number: p.Number}, p.Group)
			var got []PastItem
			for q := range NewPastItems(again).All() {
				got = append(got, q)
			}
			if len(got) != 1 || got[0].Amount != p.Amount || got[0].Group != p.Group || got[0].Settled != p.Settled {
				t.Fatalf("past item %+v re-encoded as %+v", p, got)
			}
		}
		for range NewDaySeries(days, true).Latest() {
		}
		_ = NewDaySeries(days, false).Valid()
		_ = (&AccountHistory{Balance: NewDaySeries(days, true)}).BalanceAt(NewDate(2026, 1, 1))
	})
}
