package credit

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"relance/ledger"
	"relance/ledger/demo"
)

// Σ buckets = balance in every group, and Σ groups = the aged balance's total, whatever
// the grouping, on the hand-built book and on generated ones.
func TestGroupsAddUp(t *testing.T) {
	books := []*ledger.Book{handBook(), demo.Book(today), demo.GenerateBook(300, 6000, 3, today)}
	classOf := func(c *ledger.Customer) string { return string(c.Status) }
	for bi, book := range books {
		ag := AgedBalance(book, today, nil)
		for _, key := range []GroupKey{GroupByCustomer(), GroupBySalesperson(book, "fr"), GroupByKind("fr"), GroupByClass(classOf, "en")} {
			var sum Buckets
			sum.Late = make([]ledger.Cents, len(ag.Ranges))
			customers := 0
			for _, g := range ag.Group(key) {
				var bal ledger.Cents
				for _, l := range g.Lines {
					bal += l.Buckets.Total()
				}
				if g.Buckets.Total() != bal || len(g.Lines) != g.Customers {
					t.Errorf("book %d group %q: Σ buckets %s ≠ balance %s", bi, g.Key, g.Buckets.Total(), bal)
				}
				sum.add(&g.Buckets)
				customers += g.Customers
			}
			if sum.Total() != ag.Total.Total() || sum.Overdue() != ag.Total.Overdue() || customers != len(ag.Lines) {
				t.Errorf("book %d: groups %s ≠ total %s", bi, sum.Total(), ag.Total.Total())
			}
		}
	}
}

func TestGroupBySalespersonAndFilter(t *testing.T) {
	book := handBook()
	ag := AgedBalance(book, march31, nil)
	groups := ag.Group(GroupBySalesperson(book, "fr"))
	want := []struct {
		key, label string
		total      ledger.Cents
	}{{"S1", "Sophie", eur(4500)}, {"S2", "Samir", eur(1000)}} // Gamma, doubtful, is apart (ag.Doubtful)
	if len(groups) != len(want) {
		t.Fatalf("%d groups", len(groups))
	}
	for i, w := range want {
		if g := groups[i]; g.Key != w.key || g.Label != w.label || g.Buckets.Total() != w.total {
			t.Errorf("group %d: %q %q %s, want %+v", i, g.Key, g.Label, g.Buckets.Total(), w)
		}
	}
	consumer := ledger.Consumer
	cases := []struct {
		f    AgedFilter
		want []string
	}{
		{AgedFilter{}, []string{"A", "B", "C"}},
		{AgedFilter{Salesperson: "S1"}, []string{"A"}},
		{AgedFilter{Kind: &consumer}, []string{"B"}},
		{AgedFilter{Class: "x", ClassOf: func(c *ledger.Customer) string {
			if c.Doubtful {
				return "x"
			}
			return ""
		}}, []string{"C"}},
	}
	for _, c := range cases {
		var got []string
		ag := AgedBalanceWith(book, march31, AgedOptions{Keep: c.f.Keep()})
		for _, l := range append(ag.Lines, ag.Doubtful...) {
			got = append(got, l.Customer.ID)
		}
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%+v: %v, want %v", c.f, got, c.want)
		}
	}
	// The disputes hook feeds the memo column without changing the balance.
	dis := AgedBalanceWith(book, march31, AgedOptions{Disputed: func(it *ledger.Item, _ ledger.Date, open ledger.Cents) ledger.Cents {
		if it.ID == "A1" {
			return open
		}
		return 0
	}})
	if dis.Total.Disputed != eur(3000) || dis.Total.Total() != ag.Total.Total() {
		t.Errorf("disputed %s, total %s", dis.Total.Disputed, dis.Total.Total())
	}
}

func TestExportCSVAndXLSX(t *testing.T) {
	book := demo.Book(today)
	ag := AgedBalance(book, today, nil)
	dir := t.TempDir()
	for _, grouped := range []bool{false, true} {
		var groups []AgedGroup
		if grouped {
			groups = ag.Group(GroupBySalesperson(book, "fr"))
		}
		var buf bytes.Buffer
		if err := WriteAgedCSV(&buf, ag, groups, "fr"); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("\ufeff")) {
			t.Error("no BOM")
		}
		r := csv.NewReader(bytes.NewReader(buf.Bytes()[3:]))
		r.Comma = ';'
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		balCol := 2
		rows := len(ag.Lines)
		if grouped {
			balCol, rows = 3, len(groups)
		}
		if len(ag.Doubtful) == 0 {
			t.Fatal("the demo has doubtful customers: their line is part of the test")
		}
		if len(recs) != rows+3 || recs[0][balCol] != "Solde" {
			t.Fatalf("grouped %v: %d records, head %v", grouped, len(recs), recs[0])
		}
		// The credits' column has the command line table's and the PDF's words.
		if head := strings.Join(recs[0], ";"); !strings.Contains(head, ";Crédits non affectés;") || strings.Contains(head, "lettrés") {
			t.Errorf("CSV head %q", head)
		}
		// The doubtful customers' line comes last, below the total and out of it.
		doubt := recs[len(recs)-1]
		if !strings.HasPrefix(doubt[1], "Clients douteux (416)") || doubt[balCol] != DecimalComma(ag.DoubtfulTotal.Total()) {
			t.Errorf("CSV doubtful row %v, want %s", doubt, DecimalComma(ag.DoubtfulTotal.Total()))
		}
		recs = recs[:len(recs)-1]
		last := recs[len(recs)-1]
		if last[1] != "Total" || last[balCol] != DecimalComma(ag.Total.Total()) || !strings.Contains(last[balCol], ",") {
			t.Errorf("CSV total row %v, want %s", last, DecimalComma(ag.Total.Total()))
		}
		var sum ledger.Cents
		for _, rec := range recs[1 : len(recs)-1] {
			c, err := ledger.ParseCents(strings.Replace(rec[balCol], ",", ".", 1))
			if err != nil {
				t.Fatal(err)
			}
			sum += c
		}
		if sum != ag.Total.Total() {
			t.Errorf("CSV Σ rows %s ≠ total %s", sum, ag.Total.Total())
		}

		path := filepath.Join(dir, "aged.xlsx")
		out, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteAgedXLSX(out, ag, groups, "en", &book.Settings); err != nil {
			t.Fatal(err)
		}
		if err := out.Close(); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sheet := f.GetSheetName(0)
		xrows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		checkAgedHead(t, f, sheet, xrows, book.Settings.Company.Name)
		xrows = xrows[4:] // the title block and a blank row
		if sheet != "Aged balance" || len(xrows) != rows+3 || xrows[0][balCol] != "Balance" {
			t.Fatalf("sheet %q, %d rows, head %v", sheet, len(xrows), xrows[0])
		}
		xrows = xrows[:len(xrows)-1] // the doubtful customers' line, below the total
		ref, _ := excelize.CoordinatesToCellName(balCol+1, len(xrows)+4)
		if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("total cell %s is not a number (%v)", ref, typ)
		}
		sum = 0
		for _, row := range xrows[1 : len(xrows)-1] {
			c, err := ledger.ParseCents(row[balCol])
			if err != nil {
				t.Fatalf("cell %q: %v", row[balCol], err)
			}
			sum += c
		}
		total, err := ledger.ParseCents(xrows[len(xrows)-1][balCol])
		if err != nil || total != ag.Total.Total() || sum != total {
			t.Errorf("XLSX total %s (%v), Σ rows %s, want %s", total, err, sum, ag.Total.Total())
		}
		f.Close()
	}
}

// checkAgedHead checks the aged balance workbook's title block, its frozen header row
// (the fifth, below the block) and its properties (the company as creator, the as-of
// date as created date, not the library's defaults).
func checkAgedHead(t *testing.T, f *excelize.File, sheet string, rows [][]string, company string) {
	t.Helper()
	want := [][]string{{company}, {"Aged balance at 23 November 2026"}, {"Amounts in EUR"}, nil}
	for i, w := range want {
		if strings.Join(rows[i], "|") != strings.Join(w, "|") {
			t.Errorf("title row %d %q, want %q", i+1, rows[i], w)
		}
	}
	if p, err := f.GetPanes(sheet); err != nil || !p.Freeze || p.YSplit != 5 || p.TopLeftCell != "A6" {
		t.Errorf("panes %+v (%v), want the rows 1 to 5 frozen", p, err)
	}
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Creator != company || p.LastModifiedBy != company || p.Title != "Aged balance at 23 November 2026" ||
		p.Subject != "Customers' aged balance" || !strings.HasPrefix(p.Created, "2026-11-23T") || p.Language != "en" {
		t.Errorf("properties %+v", p)
	}
	if a, err := f.GetAppProps(); err != nil || a.Application != "Relance" {
		t.Errorf("application %+v (%v)", a, err)
	}
}
