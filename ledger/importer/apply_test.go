package importer

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/importer/report"
	"relance/ledger/store"
)

// dossierHash returns the dossier's revision and a hash of all customers and items.
func dossierHash(t *testing.T, db *store.DB) (uint64, string) {
	t.Helper()
	rev, err := db.Revision()
	if err != nil {
		t.Fatal(err)
	}
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	for _, a := range book.Accounts {
		fmt.Fprintf(h, "%+v\n%+v\n", a.Customer, a.Items)
	}
	return rev, fmt.Sprintf("%x", h.Sum(nil))
}

func TestImpossibleDateIsFatalAndWritesNothing(t *testing.T) {
	db := newDossier(t)
	good := writeFile(t, "good.txt", variants[0].render(sampleLines()))
	if _, err := Run(context.Background(), db, []string{good}, Options{}); err != nil {
		t.Fatal(err)
	}
	rev0, h0 := dossierHash(t, db)
	tests := []struct {
		name, from, to, field string
		line                  int
	}{
		{"30 February", "\t20230210\t411000", "\t20230230\t411000", "EcritureDate", 12},
		{"month 13", "\tF2\t20230120", "\tF2\t20231320", "PieceDate", 7},
		{"bad amount", "\t600,00\t", "\t6OO,00\t", "Debit", 7},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines := sampleLines()
			lines = append(lines, lines[2]) // another entry so the file differs from good.txt
			lines[len(lines)-1].piece = "F9"
			data := strings.Replace(string(variants[0].render(lines)), tc.from, tc.to, 1)
			bad := writeFile(t, "bad.txt", []byte(data))
			reps, err := Run(context.Background(), db, []string{good, bad}, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			var p *ledger.Problem
			if !errors.As(err, &p) || p.Key != "err.import.at" {
				t.Fatalf("error %v is not a located problem", err)
			}
			msg := ledger.Localize(err, "fr")
			if !strings.Contains(msg, fmt.Sprintf("ligne %d", tc.line)) || !strings.Contains(msg, tc.field) || !strings.Contains(msg, "bad.txt") {
				t.Errorf("message %q does not name bad.txt, line %d, field %s", msg, tc.line, tc.field)
			}
			if !reps[1].Fatal || reps[1].Count(report.Fatal) == 0 {
				t.Errorf("report not fatal: %+v", reps[1].Counts)
			}
			rev, h := dossierHash(t, db)
			if rev != rev0 || h != h0 {
				t.Errorf("dossier changed: revision %d → %d", rev0, rev)
			}
		})
	}
}

func TestReimport(t *testing.T) {
	db := newDossier(t)
	ctx := context.Background()
	// First export: F2 still open, Dupont lines present.
	lines := sampleLines()
	first := writeFile(t, "first.txt", variants[0].render(lines))
	if _, err := Run(ctx, db, []string{first}, Options{Terms: &ledger.Terms{Days: 45}}); err != nil {
		t.Fatal(err)
	}
	// The user edits a customer.
	err := db.Update(func(tx *store.Tx) error {
		c, err := tx.Customer("C1")
		if err != nil || c == nil {
			return fmt.Errorf("C1: %v", err)
		}
		c.Name, c.Salesperson, c.Address.City = "Éric & Fils (siège)", "S1", "Lyon"
		c.Terms = &ledger.Terms{Days: 60}
		return tx.PutCustomer(c)
	})
	if err != nil {
		t.Fatal(err)
	}
	// Same file again: nothing changes, not even the revision.
	rev0, h0 := dossierHash(t, db)
	reps, err := Run(ctx, db, []string{first}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rev, h := dossierHash(t, db); !reps[0].AlreadyImported || rev != rev0 || h != h0 {
		t.Fatalf("second import changed the dossier (already=%v)", reps[0].AlreadyImported)
	}
	// Newer export of the same year: F2 paid and lettered, a new invoice F6.
	lines = append(lines,
		entryLine{"BQ", "Banque", "11", "20230315", "512000", "Banque", "", "", "VIR2", "20230315", "Virement", 50000, 0, "", ""},
		entryLine{"BQ", "Banque", "11", "20230315", "411000", "Clients", "C1", "Société Éric & Fils", "VIR2", "20230315", "Virement", 0, 50000, "AC", "20230316"},
		entryLine{"VE", "Ventes", "12", "20230320", "411000", "Clients", "C1", "Société Éric & Fils", "F6", "20230320", "Facture F6", 24000, 0, "", ""},
		entryLine{"VE", "Ventes", "12", "20230320", "706000", "Prestations", "", "", "F6", "20230320", "Facture F6", 0, 24000, "", ""},
	)
	for i := range lines {
		if lines[i].piece == "F2" && lines[i].aux == "C1" || lines[i].piece == "AV1" && lines[i].aux == "C1" {
			lines[i].let, lines[i].dateLet = "AC", "20230316"
		}
	}
	second := writeFile(t, "second.txt", variants[1].render(lines))
	if _, err := Run(ctx, db, []string{second}, Options{}); err != nil {
		t.Fatal(err)
	}
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	a := book.Account("C1")
	if a.Customer.Name != "Éric & Fils (siège)" || a.Customer.Salesperson != "S1" || a.Customer.Address.City != "Lyon" || a.Customer.Terms.Days != 60 {
		t.Errorf("user fields lost: %+v", a.Customer)
	}
	ids := map[string]int{}
	open := map[string]ledger.Cents{}
	for _, it := range a.Items {
		ids[it.ID]++
		if it.Open != 0 {
			open[it.Number] = it.Open
		}
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("item %s twice", id)
		}
	}
	if len(a.Items) != 7 {
		t.Errorf("%d items, want 7: %+v", len(a.Items), a.Items)
	}
	want := map[string]ledger.Cents{"RAN": 50000, "F6": 24000}
	if fmt.Sprint(open) != fmt.Sprint(want) {
		t.Errorf("open %v, want %v", open, want)
	}
	for _, it := range a.Items {
		if it.Number == "F6" && it.DueDate != ledger.NewDate(2023, 5, 19) {
			t.Errorf("F6 due %v, want 2023-05-19 (customer's 60 days)", it.DueDate)
		}
	}
	// New customer terms from --terms: Dupont got 45 days.
	if d := book.Account("411DUPONT"); d.Customer.Terms == nil || d.Customer.Terms.Days != 45 {
		t.Errorf("Dupont terms %+v", d.Customer.Terms)
	}
	recs, err := Records(db)
	if err != nil || len(recs) != 2 {
		t.Errorf("records %v %v", recs, err)
	}
}

func TestDateLimitReglmtIsDueDate(t *testing.T) {
	data := "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise|DateLimitReglmt|NumFacture|FichierFacture\r\n" +
		"VE|Ventes|1|20230109|411000|Clients|C1|Client 1|F1|20230109|Facture|120,00|0,00|||20230110|||20230331|F1|f1.pdf\r\n" +
		"VE|Ventes|1|20230109|706000|Ventes|||F1|20230109|Facture|0,00|120,00|||20230110|||||\r\n" +
		"VE|Ventes|2|20230110|411000|Clients|C1|Client 1|F2|20230110|Facture|10,00|0,00|||20230110|||||\r\n" +
		"VE|Ventes|2|20230110|706000|Ventes|||F2|20230110|Facture|0,00|10,00|||20230110|||||\r\n"
	db := newDossier(t)
	if _, err := Run(context.Background(), db, []string{writeFile(t, "dolibarr.txt", []byte(data))}, Options{}); err != nil {
		t.Fatal(err)
	}
	book, _ := db.Load()
	items := book.Account("C1").Items
	if items[0].DueDate != ledger.NewDate(2023, 3, 31) || items[1].DueDate != ledger.NewDate(2023, 2, 9) {
		t.Errorf("due dates %v %v", items[0].DueDate, items[1].DueDate)
	}
}
