package ledger

import (
	"fmt"
	"testing"
)

func sampleSummaries() []CustomerSummary {
	return []CustomerSummary{
		{ID: "C003", Name: "Établissements Lœuf", Kind: Business, Salesperson: "S1", Balance: 50000, Overdue: 20000, DaysLate: 40, OpenItems: 3},
		{ID: "C001", Name: "Dupont SARL", Kind: Business, Salesperson: "S2", Balance: 120000, Overdue: 0, OpenItems: 2},
		{ID: "C002", Name: "Martin Jeanne", Kind: Consumer, Salesperson: "S1", Balance: -3000, OpenItems: 1},
		{ID: "C004", Name: "Mairie de Lyon", Kind: PublicBody, Salesperson: "", Balance: 80000, Overdue: 80000, DaysLate: 95, OpenItems: 4},
	}
}

func ids(rows []CustomerSummary) string {
	s := ""
	for i, r := range rows {
		if i > 0 {
			s += ","
		}
		s += r.ID
	}
	return s
}

func TestSummaryFilter(t *testing.T) {
	consumer := Consumer
	tests := []struct {
		name string
		f    SummaryFilter
		want string
	}{
		{"zero keeps all", SummaryFilter{}, "C003,C001,C002,C004"},
		{"text on name ignores case and accents", SummaryFilter{Text: "etablissements loeuf"}, "C003"},
		{"text on id", SummaryFilter{Text: "c00"}, "C003,C001,C002,C004"},
		{"text no match", SummaryFilter{Text: "zzz"}, ""},
		{"kind", SummaryFilter{Kind: &consumer}, "C002"},
		{"salesperson", SummaryFilter{Salesperson: "S1"}, "C003,C002"},
		{"overdue only", SummaryFilter{OverdueOnly: true}, "C003,C004"},
		{"combined", SummaryFilter{Salesperson: "S1", OverdueOnly: true, Text: "lœuf"}, "C003"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows := sampleSummaries()
			if got := ids(tc.f.Filter(rows)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if ids(rows) != "C003,C001,C002,C004" {
				t.Error("Filter modified its input")
			}
		})
	}
}

func TestSortSummaries(t *testing.T) {
	tests := []struct {
		col  SummaryColumn
		desc bool
		want string
	}{
		{ColID, false, "C001,C002,C003,C004"},
		{ColID, true, "C004,C003,C002,C001"},
		{ColName, false, "C001,C003,C004,C002"},
		{ColBalance, true, "C001,C004,C003,C002"},
		{ColBalance, false, "C002,C003,C004,C001"},
		{ColOverdue, true, "C004,C003,C001,C002"}, // ties by ID ascending
		{ColDaysLate, true, "C004,C003,C001,C002"},
		{ColKind, false, "C001,C003,C002,C004"},
		{ColSalesperson, false, "C004,C002,C003,C001"},
		{ColOpenItems, false, "C002,C001,C003,C004"},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%d-%v", tc.col, tc.desc), func(t *testing.T) {
			rows := sampleSummaries()
			SortSummaries(rows, tc.col, tc.desc)
			if got := ids(rows); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTotalsAndRate(t *testing.T) {
	tot := Totals(sampleSummaries())
	want := SummaryTotals{Customers: 4, Balance: 247000, DebitBalance: 250000, Overdue: 100000, Late: 2}
	if tot != want {
		t.Fatalf("Totals = %+v, want %+v", tot, want)
	}
	rate, ok := tot.OverdueRate()
	if !ok || rate.String() != "40" {
		t.Errorf("OverdueRate = %s %v, want 40 true", rate, ok)
	}
	rate, _ = SummaryTotals{Overdue: 1, DebitBalance: 3}.OverdueRate()
	if rate.String() != "33.3" {
		t.Errorf("1/3 rate = %s, want 33.3", rate)
	}
	if _, ok := (SummaryTotals{}).OverdueRate(); ok {
		t.Error("rate of nothing should be undefined")
	}
}

func TestTopOverdue(t *testing.T) {
	if got := ids(TopOverdue(sampleSummaries(), 10)); got != "C004,C003" {
		t.Errorf("TopOverdue = %q", got)
	}
	if got := ids(TopOverdue(sampleSummaries(), 1)); got != "C004" {
		t.Errorf("TopOverdue(1) = %q", got)
	}
}

func TestCountStatus(t *testing.T) {
	b := NewBook(DefaultSettings(), nil, []*Account{
		{Customer: Customer{ID: "A", Name: "A"}},
		{Customer: Customer{ID: "B", Name: "B", Status: StatusDispute, Doubtful: true}},
		{Customer: Customer{ID: "C", Name: "C", Status: StatusNormal}},
	})
	if n := b.CountStatus(StatusNormal); n != 2 {
		t.Errorf("normal = %d", n)
	}
	if n := b.CountStatus(StatusDispute); n != 1 {
		t.Errorf("dispute = %d", n)
	}
	if n := b.CountDoubtful(); n != 1 {
		t.Errorf("doubtful = %d", n)
	}
}

func bigSummaries(n int) []CustomerSummary {
	rows := make([]CustomerSummary, n)
	for i := range rows {
		rows[i] = CustomerSummary{ID: fmt.Sprintf("C%06d", i), Name: fmt.Sprintf("Client %d Société", i*7919%n),
			Balance: Cents(i * 7919 % 100003), Overdue: Cents(i % 3 * 1000)}
	}
	return rows
}

// BenchmarkFilterSort50k measures what the customer list does on every keystroke of a
// 50,000-customer dossier: filter by text, then sort by balance.
func BenchmarkFilterSort50k(b *testing.B) {
	rows := bigSummaries(50000)
	for b.Loop() {
		out := SummaryFilter{Text: "soc", OverdueOnly: true}.Filter(rows)
		SortSummaries(out, ColBalance, true)
	}
}
