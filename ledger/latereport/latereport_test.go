package latereport

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/demo"
	"relance/ledger/dispute"
)

var (
	demoToday   = ledger.NewDate(2026, time.November, 23)
	demoClosing = ledger.NewDate(2026, time.October, 31)
)

// handBook is a small book whose table is worked out by hand: closing 31/12/2025, one
// customer, invoices 1, 30, 31, 60, 61, 90 and 91 days late, one partly paid, one
// disputed, one not yet due, one paid, a returned cheque and a credit note.
func handBook() (*ledger.Book, *dispute.Index) {
	closing := ledger.NewDate(2025, time.December, 31)
	due := func(late int) ledger.Date { return closing.AddDays(-late) }
	inv := func(id string, late int, amount, open ledger.Cents) ledger.Item {
		d := due(late)
		return ledger.Item{ID: id, Customer: "C1", Kind: ledger.Invoice, Number: id, DocDate: d.AddDays(-30), DueDate: d,
			Amount: amount, Open: open}
	}
	items := []ledger.Item{
		{ID: "AN", Customer: "C1", Kind: ledger.Opening, Number: "AN", DocDate: ledger.NewDate(2025, time.January, 1),
			DueDate: ledger.NewDate(2024, time.December, 1), Amount: 5000, Open: 5000}, // 395 days late: 91+
		inv("F01", 1, 10000, 10000),  // 1–30
		inv("F30", 30, 20000, 20000), // 1–30
		inv("F31", 31, 30000, 30000), // 31–60
		inv("F60", 60, 40000, 15000), // 31–60, partly paid: counts for 150.00
		inv("F61", 61, 50000, 50000), // 61–90, disputed: excluded (B)
		inv("F90", 90, 60000, 60000), // 61–90
		inv("F91", 91, 70000, 70000), // 91+
		inv("FND", 0, 80000, 80000),  // due on the closing date: not late
		inv("FPD", 45, 90000, 0),     // paid
		{ID: "CHQ", Customer: "C1", Kind: ledger.Adjustment, Flags: ledger.FlagUnpaidCheque, DocDate: due(10).AddDays(-1),
			DueDate: due(10), Amount: 1234, Open: 1234}, // not an invoice: outside the table
		{ID: "AV1", Customer: "C1", Kind: ledger.CreditNote, Number: "AV1", DocDate: ledger.NewDate(2025, time.June, 1),
			Amount: -100000, Open: -100000},
	}
	for i := range items {
		if items[i].Open == 0 {
			items[i].Settled = closing.AddDays(-1)
			items[i].Match = "A"
		}
	}
	ledger.SortItems(items)
	s := ledger.DefaultSettings()
	s.Terms = ledger.Terms{Days: 45, EOM: ledger.DaysThenEOM}
	other := ledger.Terms{Days: 90}
	book := ledger.NewBook(s, nil, []*ledger.Account{
		{Customer: ledger.Customer{ID: "C1", Name: "Client Un"}, Items: items},
		{Customer: ledger.Customer{ID: "C2", Name: "Client Deux", Terms: &other}},
	})
	d := dispute.New("C1", []dispute.DisputedItem{{ItemID: "F61", Amount: 100}}, dispute.ReasonPrice,
		closing.AddDays(-20), "test", dispute.Internal, ledger.NoDate, "")
	return book, dispute.NewIndex([]dispute.Dispute{d})
}

func TestHandWorkedTable(t *testing.T) {
	book, idx := handBook()
	closing := ledger.NewDate(2025, time.December, 31)
	r, err := Compute(book, Options{Closing: closing, Disputed: idx.DisputedFunc()})
	if err != nil {
		t.Fatal(err)
	}
	want := []Cell{{2, 30000}, {2, 45000}, {1, 60000}, {2, 75000}}
	for i, c := range want {
		if r.Late[i] != c {
			t.Errorf("bracket %s: %+v, want %+v", Brackets()[i].Label(), r.Late[i], c)
		}
	}
	if r.Total != (Cell{7, 210000}) {
		t.Errorf("total %+v", r.Total)
	}
	if r.Excluded != (Cell{1, 50000}) { // the whole open amount of the disputed invoice
		t.Errorf("excluded %+v", r.Excluded)
	}
	if r.OtherCount != 1 || r.Other != 1234 {
		t.Errorf("other %d %v", r.OtherCount, r.Other)
	}
	// Turnover: the invoices of the year less the credit note: the opening is not a sale,
	// FND is dated in the year (30 days before the closing).
	if r.YearStart != ledger.NewDate(2025, time.January, 1) || r.TurnoverSource != TurnoverBook ||
		r.Turnover != 10000+20000+30000+40000+50000+60000+70000+80000+90000-100000 {
		t.Errorf("year %v, turnover %v (%s)", r.YearStart, r.Turnover, r.TurnoverSource)
	}
	if h, ok := r.Share(r.Total.Amount); !ok || h != 6000 { // 2 100.00 / 3 500.00
		t.Errorf("share %d %v", h, ok)
	}
	if got := r.ShareText("fr", r.Late[0].Amount); got != "8,57\u00a0%" { // 300 / 3 500 = 8.571…
		t.Errorf("share text %q", got)
	}
	if got := r.ShareText("en", r.Late[0].Amount); got != "8.57%" {
		t.Errorf("share text %q", got)
	}
	if r.Terms.Default != (ledger.Terms{Days: 45, EOM: ledger.DaysThenEOM}) || len(r.Terms.Specific) != 1 ||
		r.Terms.Specific[0].Customers != 1 || r.Terms.OverCap != 1 {
		t.Errorf("terms %+v", r.Terms)
	}
	if c := r.Contractual("fr"); !strings.Contains(c, "45 jours fin de mois") || !strings.Contains(c, "90 jours nets (1 client(s))") ||
		!strings.Contains(c, "plafond légal") {
		t.Errorf("contractual %q", c)
	}
	// By bracket, then due date: F30 before F01, the opening (due 2024) before F91.
	if len(r.Invoices) != 8 || r.Invoices[0].Number != "F30" || r.Invoices[6].Kind != "opening" || r.Invoices[7].Number != "F91" {
		t.Errorf("invoices %+v", r.Invoices)
	}
}

func TestTurnoverGivenUnknownAndErrors(t *testing.T) {
	book, _ := handBook()
	closing := ledger.NewDate(2025, time.December, 31)
	r, err := Compute(book, Options{Closing: closing, Turnover: 1000000})
	if err != nil || r.TurnoverSource != TurnoverGiven || r.Turnover != 1000000 {
		t.Fatalf("given: %v %+v", err, r)
	}
	if r.Excluded.Count != 0 || r.Late[2] != (Cell{2, 110000}) { // no disputes hook: F61 stays in (A)
		t.Errorf("without disputes: %+v %+v", r.Excluded, r.Late[2])
	}
	if !strings.Contains(r.TurnoverText("fr"), "indiqué par l'utilisateur") {
		t.Errorf("%q", r.TurnoverText("fr"))
	}
	// A year starting before the book's first item: unknown, and said so.
	r, err = Compute(book, Options{Closing: closing, YearStart: ledger.NewDate(2024, time.January, 1)})
	if err != nil || r.TurnoverSource != TurnoverUnknown || r.HasTurnover() {
		t.Fatalf("unknown: %v %+v", err, r)
	}
	if got := r.ShareText("fr", r.Total.Amount); got != "n.c." {
		t.Errorf("share without turnover %q", got)
	}
	if note := r.TurnoverText("en"); !strings.Contains(note, "ledger starts on") {
		t.Errorf("%q", note)
	}
	for _, opt := range []Options{{}, {Closing: closing, Turnover: -1}, {Closing: closing, YearStart: closing.AddDays(1)}} {
		if _, err := Compute(book, opt); err == nil {
			t.Errorf("%+v: no error", opt)
		} else if msg := ledger.Localize(err, "fr"); strings.HasPrefix(msg, "latereport.") {
			t.Errorf("untranslated %q", msg)
		}
	}
}

func demoReport(t *testing.T, closing ledger.Date) (*Report, *ledger.Book, *dispute.Index) {
	t.Helper()
	book := demo.Book(demoToday)
	ds, _ := demo.Disputes(book, demoToday)
	idx := dispute.NewIndex(ds)
	r, err := Compute(book, Options{Closing: closing, Disputed: idx.DisputedFunc()})
	if err != nil {
		t.Fatal(err)
	}
	return r, book, idx
}

// TestDemoTable pins the demo's table at 31/10/2026 (demo anchored at 23/11/2026), the
// figures the command line and the PDF tests print, and reconciles it with the aged
// balance: (A) + (B) + the other past-due debits = the aged balance's past-due columns.
func TestDemoTable(t *testing.T) {
	r, book, idx := demoReport(t, demoClosing)
	want := []Cell{{83, 33988486}, {40, 12122936}, {20, 3216811}, {87, 14458879}}
	for i, c := range want {
		if r.Late[i] != c {
			t.Errorf("bracket %s: %+v, want %+v", Brackets()[i].Label(), r.Late[i], c)
		}
	}
	if r.Total != (Cell{230, 63787112}) || r.Excluded != (Cell{14, 3801808}) || r.Other != 420500 || r.OtherCount != 2 {
		t.Errorf("total %+v excluded %+v other %v/%d", r.Total, r.Excluded, r.Other, r.OtherCount)
	}
	if r.TurnoverSource != TurnoverBook || r.Turnover != 1117403459 || r.YearStart != ledger.NewDate(2025, time.November, 1) {
		t.Errorf("turnover %v %s from %v", r.Turnover, r.TurnoverSource, r.YearStart)
	}
	if got := r.ShareText("fr", r.Total.Amount); got != "5,71\u00a0%" { // 637 871,12 / 11 174 034,59 = 5,7085 %
		t.Errorf("share %q", got)
	}
	ag := credit.AgedBalanceWith(book, demoClosing, credit.AgedOptions{Disputed: idx.DisputedFunc()})
	if len(ag.Ranges) != 4 || ag.Ranges[2] != (credit.Range{From: 61, To: 90}) {
		t.Fatalf("demo buckets %v", ag.Ranges)
	}
	overdue := ag.Total.Overdue() + ag.DoubtfulTotal.Overdue()
	if got := r.Total.Amount + r.Excluded.Amount + r.Other; got != overdue {
		t.Errorf("(A)+(B)+other %v, aged balance past due %v", got, overdue)
	}
}

// TestDemoBracketByHand recounts the 61–90 days bracket at the demo's today straight
// from the stored open amounts (no rebuilding of the past is needed at today), and
// checks the figures read off the demo by hand.
func TestDemoBracketByHand(t *testing.T) {
	r, book, idx := demoReport(t, demoToday)
	var n int
	var sum ledger.Cents
	for _, a := range book.Accounts {
		for i := range a.Items {
			it := &a.Items[i]
			if (it.Kind != ledger.Invoice && it.Kind != ledger.Opening) || it.Open <= 0 || !it.DueDate.Valid() {
				continue
			}
			late := demoToday.DaysSince(it.DueDate)
			if late < 61 || late > 90 || idx.DisputedAmount(it, demoToday) > 0 {
				continue
			}
			n++
			sum += it.Open
		}
	}
	if r.Late[2] != (Cell{n, sum}) || r.Late[2] != (Cell{24, 4520244}) {
		t.Errorf("61–90 at %v: table %+v, recount %d %v", demoToday, r.Late[2], n, sum)
	}
}

func TestDemoTurnoverUnknownBeforeHistory(t *testing.T) {
	r, _, _ := demoReport(t, ledger.NewDate(2025, time.December, 31))
	if r.TurnoverSource != TurnoverUnknown || r.BookStart <= r.YearStart {
		t.Errorf("%s, book from %v, year from %v", r.TurnoverSource, r.BookStart, r.YearStart)
	}
	if r.Total.Count == 0 {
		t.Error("no late invoice")
	}
}

func TestWriteXLSXReadsBack(t *testing.T) {
	r, _, _ := demoReport(t, demoClosing)
	for _, lang := range []string{"fr", "en"} {
		var buf bytes.Buffer
		if err := WriteXLSX(&buf, r, lang, "Société Exemple SAS"); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		sheets := f.GetSheetList()
		if len(sheets) != 2 {
			t.Fatalf("%s: sheets %v", lang, sheets)
		}
		rows, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		lb := LabelsFor(lang)
		// The title block above the table, the header row (the fifth) frozen, and the
		// workbook's properties naming the company and the closing date.
		if rows[0][0] != "Société Exemple SAS" || rows[1][0] != Title(lang) || rows[2][0] != r.Subtitle(lang) ||
			len(rows[3]) != 0 || len(rows[4]) < 2 || rows[4][1] != lb.Columns[0] {
			t.Errorf("%s: title block and header %q", lang, rows[:5])
		}
		if p, err := f.GetPanes(sheets[0]); err != nil || !p.Freeze || p.YSplit != 5 {
			t.Errorf("%s: panes %+v (%v)", lang, p, err)
		}
		if p, err := f.GetDocProps(); err != nil || p.Creator != "Société Exemple SAS" || p.Title != Title(lang) ||
			!strings.HasPrefix(p.Created, r.Closing.String()+"T") || !strings.Contains(p.Subject, "L441-14") {
			t.Errorf("%s: properties %+v (%v)", lang, p, err)
		}
		find := func(label string) []string {
			for _, row := range rows {
				if len(row) > 0 && row[0] == label {
					return row
				}
			}
			t.Fatalf("%s: no row %q", lang, label)
			return nil
		}
		if row := find(lb.Count); len(row) != 6 || row[3] != "20" || row[5] != "230" {
			t.Errorf("%s count row %q", lang, row)
		}
		if row := find(lb.Amount); row[3] != "32168.11" || row[5] != "637871.12" {
			t.Errorf("%s amount row %q", lang, row)
		}
		if row := find(lb.Share); !strings.HasPrefix(row[5], "0.0570") {
			t.Errorf("%s share row %q", lang, row)
		}
		if row := find(lb.ExclAmount); row[5] != "38018.08" {
			t.Errorf("%s excluded row %q", lang, row)
		}
		detail, err := f.GetRows(sheets[1])
		if err != nil {
			t.Fatal(err)
		}
		if len(detail) != 1+r.Total.Count+r.Excluded.Count {
			t.Errorf("%s: %d detail rows", lang, len(detail))
		}
		for _, row := range rows {
			for _, c := range row {
				if strings.HasPrefix(c, "latereport.") {
					t.Errorf("%s: untranslated %q", lang, c)
				}
			}
		}
		_ = f.Close()
	}
}
