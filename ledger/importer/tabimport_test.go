package importer

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"relance/ledger"
	"relance/ledger/importer/report"
	"relance/ledger/importer/tabular"
)

func TestCSVOpenItems(t *testing.T) {
	csvFR := "Export échéancier clients\n\n" +
		"Code client;Raison sociale;N° facture;Date facture;Échéance;Montant TTC;Reste dû\n" +
		"C1;Société Éric;F1;15/01/2025;14/02/2025;1 234,56;1 234,56\n" +
		"C1;Société Éric;F2;2025-02-01;;1.000,00;400,00\n" +
		"C2;Dupont;AV3;01/03/2025;;(12,50);-12,5\n" +
		"C2;Dupont;F4;02/03/2025;01/04/2025;99,90 €;99,90\n" +
		";;;;;;\n" +
		"TOTAL;;;;;;1 722,02\n"
	latin, err := charmap.Windows1252.NewEncoder().String(csvFR)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, data string
		preset           string
	}{
		{"utf8-generic", "encours.csv", csvFR, "generic"},
		{"cp1252-excel-fr", "encours.csv", latin, "excel-fr"},
		{"comma", "encours.csv", strings.NewReplacer(";", "\t").Replace(csvFR), "generic"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := newDossier(t)
			m := tabular.Presets()[tc.preset]
			reps, err := Run(context.Background(), db, []string{writeFile(t, tc.file, []byte(tc.data))}, Options{Mapping: &m})
			if err != nil {
				t.Fatal(err)
			}
			r := reps[0]
			if r.Customers != 2 || r.OpenItems != 4 || r.Receivables != 123456+40000-1250+9990 {
				t.Errorf("customers %d open %d total %s", r.Customers, r.OpenItems, r.Receivables)
			}
			book, _ := db.Load()
			c1 := book.Account("C1")
			if c1.Customer.Name != "Société Éric" || c1.Items[0].DueDate != ledger.NewDate(2025, 2, 14) ||
				c1.Items[1].DueDate != ledger.NewDate(2025, 3, 3) || c1.Items[1].Amount != 100000 {
				t.Errorf("C1 %+v", c1)
			}
			if it := book.Account("C2").Items[0]; it.Kind != ledger.CreditNote || it.Open != -1250 {
				t.Errorf("credit note %+v", it)
			}
		})
	}
}

func TestXLSXOpenItems(t *testing.T) {
	build := func(t *testing.T, mutate func(f *excelize.File)) string {
		f := excelize.NewFile()
		rows := [][]any{
			{"Balance âgée au 31/03/2025"},
			{"Compte", "Nom", "Pièce", "Date", "Échéance", "Montant", "Solde"},
			{"C1", "Société Éric", "F1", 45672, 45702, 1234.56, 1234.56},
			{"C2", "Dupont", "F2", "01/02/2025", "", 0.1 + 0.2, 0.1 + 0.2},
		}
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
				t.Fatal(err)
			}
		}
		if mutate != nil {
			mutate(f)
		}
		path := filepath.Join(t.TempDir(), "balance.xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	t.Run("ok", func(t *testing.T) {
		db := newDossier(t)
		reps, err := Run(context.Background(), db, []string{build(t, nil)}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if r := reps[0]; r.Customers != 2 || r.Receivables != 123456+30 {
			t.Errorf("%d customers, total %s", r.Customers, r.Receivables)
		}
		book, _ := db.Load()
		if it := book.Account("C1").Items[0]; it.DocDate != ledger.NewDate(2025, 1, 15) || it.DueDate != ledger.NewDate(2025, 2, 14) {
			t.Errorf("serial dates %v %v", it.DocDate, it.DueDate)
		}
	})
	bad := []struct {
		name   string
		mutate func(f *excelize.File)
		key    string
		line   int
		col    string
	}{
		{"text amount", func(f *excelize.File) { f.SetCellValue("Sheet1", "G3", "environ 1200") }, "import.issue.cellamount", 3, "G"},
		{"formula without value", func(f *excelize.File) { f.SetCellValue("Sheet1", "A5", "C3"); f.SetCellFormula("Sheet1", "G5", "F5*2") }, "import.issue.formula", 5, "G"},
		{"merged", func(f *excelize.File) { f.MergeCell("Sheet1", "F3", "G3") }, "import.issue.merged", 3, "G"},
		{"bad date", func(f *excelize.File) { f.SetCellValue("Sheet1", "D4", "31/02/2025") }, "import.issue.celldate", 4, "D"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			db := newDossier(t)
			rev0, h0 := dossierHash(t, db)
			reps, err := Run(context.Background(), db, []string{build(t, tc.mutate)}, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			found := false
			for _, is := range reps[0].Issues {
				if is.Key == tc.key && is.Line == tc.line && is.Field == tc.col && is.Severity == report.Fatal {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s at row %d column %s in %+v", tc.key, tc.line, tc.col, reps[0].Issues)
			}
			t.Log(ledger.Localize(err, "fr"))
			if rev, h := dossierHash(t, db); rev != rev0 || h != h0 {
				t.Error("dossier changed")
			}
		})
	}
}

func TestSavedPreset(t *testing.T) {
	db := newDossier(t)
	m := tabular.Mapping{Name: "Sage échéancier", Sep: ";", Columns: map[tabular.Field]string{
		tabular.CustomerID: "$A", tabular.Open: "#3", tabular.Number: "Pièce"}}
	if err := SavePreset(db, m); err != nil {
		t.Fatal(err)
	}
	got, err := Preset(db, "Sage échéancier")
	if err != nil || got.Columns[tabular.Open] != "#3" {
		t.Fatalf("%+v %v", got, err)
	}
	data := "Tiers;Pièce;Reste\nC9;F1;10,00\n"
	reps, err := Run(context.Background(), db, []string{writeFile(t, "x.csv", []byte(data))}, Options{Mapping: got})
	if err != nil || reps[0].Receivables != 1000 {
		t.Fatalf("%v %+v", err, reps)
	}
	if _, err := Preset(db, "nope"); err == nil {
		t.Error("unknown preset accepted")
	}
}
