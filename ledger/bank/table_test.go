package bank

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"relance/ledger"
	"relance/ledger/importer/tabular"
)

// TestDemoCSV reads the demo bank CSV back (Windows-1252, title lines, Débit and
// Crédit columns, multi-line labels, balance lines), every field of every line.
func TestDemoCSV(t *testing.T) {
	const file = "releve-demo.csv"
	st := readFile(t, filepath.Join(demoDir, file))
	if st.Format != FormatCSV {
		t.Errorf("format %s", st.Format)
	}
	l := func(row int, date string, cents ledger.Cents, credit bool, method, text string) Line {
		return Line{Account: "FR7618206000406501234567887", Booked: d(date), Amount: cents, Credit: credit, Currency: "EUR",
			Method: method, Remittance: text, Source: file, Row: row, Seq: 1}
	}
	want := []Line{
		l(11, "2026-12-04", 900, false, Fee, "FRAIS CHQ IMPAYE"),
		l(12, "2026-12-04", 113712, false, Cheque, "CHQ IMPAYE N° 1029489 CLINIQUE VETERINAIRE LEFEBVRE MOTIF: SANS PROVISION"),
		l(15, "2026-12-03", 18000, true, Transfer, "VIR SEPA RECU /DE SCI DU PARC /MOTIF LOYER DEC 2026 PARKING"),
		l(16, "2026-12-02", 1500000, true, Transfer, "VIR SEPA RECU /DE TRANSPORTS LEROY"),
		l(17, "2026-12-02", 8540, false, Card, "CB STATION TOTAL LYON 7 01/12"),
		l(18, "2026-12-01", 390657, true, Cheque, "REMISE CHQ N° 0004567 2 CHEQUES"),
		l(20, "2026-12-01", 300000, true, Transfer, "VIR SEPA RECU /DE LIBRAIRIE POIRIER SASU /MOTIF ACOMPTE FA2026-02336"),
		l(21, "2026-11-30", 3250, false, Fee, "COTISATION OFFRE PRO NOVEMBRE"),
		l(22, "2026-11-27", 295494, true, Transfer, "VIR SEPA RECU /DE SERRURERIE GUILLOT SNC /MOTIF FACT FA2026-02282 FA2026-02335"),
		l(23, "2026-11-27", 432100, false, DirectDebit, "PRLV SEPA URSSAF RHONE-ALPES ECH 27/11/2026 COTISATIONS OCTOBRE"),
		l(25, "2026-11-26", 450839, true, Transfer, "VIR SEPA RECU /DE MACONNERIE COLIN SA /MOTIF FA2026-02504 /REF COLIN-2026-318"),
	}
	want[1].Reversal = true
	want[2].Debtor, want[3].Debtor, want[6].Debtor = "SCI DU PARC", "TRANSPORTS LEROY", "LIBRAIRIE POIRIER SASU"
	want[8].Debtor, want[10].Debtor = "SERRURERIE GUILLOT SNC", "MACONNERIE COLIN SA"
	compare(t, st.Lines, want)
}

// TestCSVSigned reads an export with one signed amount column (Société Générale
// style: UTF-8 with BOM, value date, detail and currency columns).
func TestCSVSigned(t *testing.T) {
	const data = "\ufeff=\"0001234567\";Compte courant;FR76 3000 3012 3400 0501 2345 665\n" +
		"Date de l'opération;Date de valeur;Libellé;Détail de l'écriture;Montant de l'opération;Devise;Référence\n" +
		"01/12/2026;02/12/2026;VIR RECU 1234567;DE: GARAGE DUPUY SAS MOTIF: ACOMPTE FA2026-01450;1 000,00;EUR;R1\n" +
		"02/12/2026;02/12/2026;PRELEVEMENT EUROPEEN;DE: EDF SA ID: FR12ZZZ;-1234,56;EUR;R2\n" +
		"03/12/2026;;REJET PRLV SEPA;DE: CARRE SARAH MOTIF: AM04;-583,64;eur;R3\n" +
		"03/12/2026;;VIR RECU;;0,00;EUR;R4\n"
	st := readString(t, "sg.csv", data)
	l := func(row int, date string, cents ledger.Cents, credit bool, method, text, ref string) Line {
		return Line{Account: "FR7630003012340005012345665", Booked: d(date), Amount: cents, Credit: credit, Currency: "EUR",
			Method: method, Remittance: text, BankRef: ref, Source: "sg.csv", Row: row, Seq: 1}
	}
	want := []Line{
		l(3, "2026-12-01", 100000, true, Transfer, "VIR RECU 1234567 DE: GARAGE DUPUY SAS MOTIF: ACOMPTE FA2026-01450", "R1"),
		l(4, "2026-12-02", 123456, false, DirectDebit, "PRELEVEMENT EUROPEEN DE: EDF SA ID: FR12ZZZ", "R2"),
		l(5, "2026-12-03", 58364, false, DirectDebit, "REJET PRLV SEPA DE: CARRE SARAH MOTIF: AM04", "R3"),
	}
	want[0].Value, want[0].Debtor = d("2026-12-02"), "GARAGE DUPUY SAS"
	want[1].Value = d("2026-12-02")
	want[2].Reversal, want[2].Debtor = true, "CARRE SARAH"
	compare(t, st.Lines, want)
}

// TestCSVMapping: a saved mapping names the columns and the header row; a column it
// names that the file lacks is refused, naming it.
func TestCSVMapping(t *testing.T) {
	const data = "Export\nJour,Texte,Somme,Payeur,IBAN payeur\n" +
		"2026-12-01,Paiement FA2026-02455,\"6,632.01\",Chocolaterie Roussel,FR76 1027 8073 1000 0203 4560 184\n"
	m := &tabular.Mapping{Name: "maison", Sep: ",", HeaderRow: 2, Columns: map[tabular.Field]string{
		FieldDate: "Jour", FieldLabel: "$B", FieldAmount: "#3", FieldDebtor: "Payeur", FieldDebtorIBAN: "iban payeur"}}
	st, err := Read("m.csv", strings.NewReader(data), m)
	if err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	want := []Line{{Booked: d("2026-12-01"), Amount: 663201, Credit: true, Currency: "EUR", Method: "",
		Remittance: "Paiement FA2026-02455", Debtor: "Chocolaterie Roussel", DebtorIBAN: "FR7610278073100002034560184",
		Source: "m.csv", Row: 3, Seq: 1}}
	compare(t, st.Lines, want)

	m.Columns[FieldCurrency] = "Devise"
	_, err = Read("m.csv", strings.NewReader(data), m)
	var p *ledger.Problem
	if !errors.As(err, &p) || p.Key != "bank.err.mapcolumn" || !strings.Contains(p.Localize("fr"), "« Devise »") ||
		!strings.Contains(p.Localize("fr"), "« maison »") {
		t.Errorf("%v", err)
	}
}

// TestCSVProblems: lines that are operations but cannot be read are refused.
func TestCSVProblems(t *testing.T) {
	const hdr = "Date;Libellé;Débit;Crédit\n"
	tests := []struct{ name, data, key, want string }{
		{"bad amount", hdr + "01/12/2026;VIR;;1O,00\n", "bank.err.amount", "ligne 2, « Crédit » : montant illisible « 1O,00 »"},
		{"no amount", hdr + "01/12/2026;VIR;;\n", "bank.err.noamount", "ligne 2 : opération sans montant"},
		{"no date", hdr + ";VIR RECU;;100,00\n", "bank.err.nodate", "ligne 2 : opération sans date"},
		{"utf16", "\xff\xfeD\x00a\x00", "bank.err.utf16", "UTF-16"},
		{"open quote", hdr + "01/12/2026;\"VIR;;100,00\n", "bank.err.quote", "ligne 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read("p.csv", strings.NewReader(tc.data), nil)
			var p *ledger.Problem
			if !errors.As(err, &p) || p.Key != tc.key || !strings.Contains(p.Localize("fr"), tc.want) {
				t.Errorf("%v", err)
			}
		})
	}
	// Blank lines, text lines without amount or date and balance lines are skipped.
	st := readString(t, "ok.csv", hdr+"\n;Opérations du mois;;\nTotal des opérations;;1 234,56;2 000,00\n01/12/2026;VIR;;1,00\nSolde au 01/12/2026;;;99,00\n")
	if len(st.Lines) != 1 || st.Lines[0].Amount != 100 {
		t.Errorf("%v", st.Lines)
	}
}

// TestXLSX reads a workbook: numeric amounts and date serials.
func TestXLSX(t *testing.T) {
	wb := excelize.NewFile()
	rows := [][]any{
		{"Relevé de compte FR76 3000 4000 0312 3456 7890 143"},
		{},
		{"Date", "Date valeur", "Libellé", "Débit", "Crédit"},
		{46356, 46357, "VIR SEPA RECU /DE CHOCOLATERIE ROUSSEL /MOTIF FA2026-02455", nil, 6632.01},
		{"01/12/2026", nil, "FRAIS", -24.0, nil},
	}
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			t.Fatal(err)
		}
		if err := wb.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := wb.Write(&buf); err != nil {
		t.Fatal(err)
	}
	st, err := Read("r.xlsx", &buf, nil)
	if err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	acct := "FR7630004000031234567890143"
	want := []Line{
		{Account: acct, Booked: d("2026-11-30"), Value: d("2026-12-01"), Amount: 663201, Credit: true, Currency: "EUR",
			Method: Transfer, Debtor: "CHOCOLATERIE ROUSSEL", Remittance: "VIR SEPA RECU /DE CHOCOLATERIE ROUSSEL /MOTIF FA2026-02455",
			Source: "r.xlsx", Row: 4, Seq: 1},
		{Account: acct, Booked: d("2026-12-01"), Amount: 2400, Currency: "EUR", Method: Fee, Remittance: "FRAIS",
			Source: "r.xlsx", Row: 5, Seq: 1},
	}
	if st.Format != FormatXLSX {
		t.Errorf("format %s", st.Format)
	}
	compare(t, st.Lines, want)
}

// TestKeys: a line's key does not depend on its place in the file, so that a
// statement overlapping an earlier one can skip the lines already seen; two identical
// lines have two keys; the file hash changes with any byte.
func TestKeys(t *testing.T) {
	const hdr = "Date;Libellé;Débit;Crédit\n"
	a := readString(t, "a.csv", hdr+
		"01/12/2026;VIR SEPA RECU /DE TRANSPORTS LEROY;;100,00\n"+
		"01/12/2026;FRAIS;2,00;\n"+
		"01/12/2026;FRAIS;2,00;\n"+
		"02/12/2026;VIR SEPA RECU /DE CABINET HUET;;50,00\n")
	b := readString(t, "b.csv", hdr+
		"02/12/2026;VIR SEPA RECU /DE CABINET HUET;;50,00\n"+
		"03/12/2026;VIR SEPA RECU /DE SCI DU PARC;;180,00\n")
	if a.Lines[1].Key() == a.Lines[2].Key() || a.Lines[1].Seq != 1 || a.Lines[2].Seq != 2 {
		t.Errorf("identical lines: seq %d %d", a.Lines[1].Seq, a.Lines[2].Seq)
	}
	if a.Lines[3].Key() != b.Lines[0].Key() || a.Lines[3].Row == b.Lines[0].Row {
		t.Errorf("the same operation in two overlapping exports: %s %s", a.Lines[3].Key(), b.Lines[0].Key())
	}
	if a.Lines[0].Key() == b.Lines[1].Key() || len(a.Lines[0].Key()) != 32 {
		t.Errorf("key %q", a.Lines[0].Key())
	}
	c := readString(t, "c.csv", hdr+"01/12/2026;VIR SEPA RECU /DE TRANSPORTS LEROY;;100,00\n")
	if c.Hash == a.Hash || len(c.Hash) != 64 || readString(t, "c2.csv", hdr+"01/12/2026;VIR SEPA RECU /DE TRANSPORTS LEROY;;100,00\n").Hash != c.Hash {
		t.Errorf("hash %s", c.Hash)
	}

	// In a camt statement, the batch lines share the entry's reference and differ by
	// amount, payer and cheque number.
	st := readFile(t, filepath.Join(demoDir, "releve-demo.camt053.xml"))
	seen := map[string]bool{}
	for _, l := range st.Lines {
		if seen[l.Key()] {
			t.Errorf("key of %s seen twice", l.Pos)
		}
		seen[l.Key()] = true
	}
}

func TestWhere(t *testing.T) {
	x := Line{Pos: "Ntry 5 / TxDtls 2", Row: 225}
	c := Line{Row: 14}
	if x.Where("fr") != "écriture Ntry 5 / TxDtls 2 (ligne 225)" || x.Where("en") != "entry Ntry 5 / TxDtls 2 (line 225)" ||
		c.Where("fr") != "ligne 14" || c.Where("en") != "line 14" {
		t.Errorf("%q %q %q %q", x.Where("fr"), x.Where("en"), c.Where("fr"), c.Where("en"))
	}
	for _, f := range Fields() {
		if FieldName("fr", f) == string(f) || FieldName("en", f) == string(f) {
			t.Errorf("field %s not named", f)
		}
	}
}

func TestClassifyAndLabels(t *testing.T) {
	codes := []struct {
		c      xCode
		method string
		rev    bool
	}{
		{xCode{Fmly: "RCDT", SubFmlyCd: "ESCT"}, Transfer, false},
		{xCode{Fmly: "RCDT", SubFmlyCd: "RRTN"}, Transfer, true},
		{xCode{Fmly: "RDDT", SubFmlyCd: "UPDD"}, DirectDebit, true},
		{xCode{Fmly: "IDDT", SubFmlyCd: "UPDD"}, DirectDebit, true},
		{xCode{Fmly: "RCHQ", SubFmlyCd: "UPCQ"}, Cheque, true},
		{xCode{Fmly: "RCHQ", SubFmlyCd: "CHRG"}, Fee, false},
		{xCode{Fmly: "CCRD", SubFmlyCd: "POSD"}, Card, false},
		{xCode{Fmly: "CNTR", SubFmlyCd: "CDPT"}, Cash, false},
		{xCode{Fmly: "DRFT", SubFmlyCd: "UDFT"}, Bill, true},
		{xCode{Fmly: "MDOP", SubFmlyCd: "CHRG"}, Fee, false},
		{xCode{Prtry: "NCHK"}, Cheque, false},
		{xCode{Prtry: "NRTI"}, "", true},
		{xCode{Prtry: "123"}, "", false},
	}
	for _, tc := range codes {
		if m, rev := classify(&tc.c); m != tc.method || rev != tc.rev {
			t.Errorf("%+v → %q %v", tc.c, m, rev)
		}
	}
	for label, want := range map[string]string{
		"VIR SEPA RECU /DE GARAGE DUPUY SAS /MOTIF FA2026-02174": "GARAGE DUPUY SAS",
		"VIR RECU DE: Société Léman Sàrl MOTIF: FA1":             "Société Léman Sàrl",
		"VIR INST RE 123 /de Cabinet Huet/ref 9":                 "Cabinet Huet",
		"PRLV SEPA EDF":                                          "",
	} {
		if got := labelDebtor(label); got != want {
			t.Errorf("%q → %q, want %q", label, got, want)
		}
	}
	if !validIBAN("FR7630004000031234567890143") || validIBAN("FR7630004000031234567890144") {
		t.Error("validIBAN")
	}
}

// FuzzRead: arbitrary bytes give a statement or an error, never a panic, and every
// line read is positive and dated.
func FuzzRead(f *testing.F) {
	f.Add([]byte(camtV(2)))
	f.Add([]byte(camtV(8)))
	f.Add([]byte("Date;Libellé;Débit;Crédit\n01/12/2026;VIR;;1,00\n"))
	f.Add([]byte("<Document><BkToCstmrStmt><Stmt><Ntry>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		st, err := Read("f", bytes.NewReader(b), nil)
		if err != nil {
			var p *ledger.Problem
			if !errors.As(err, &p) {
				t.Fatalf("not a Problem: %v", err)
			}
			return
		}
		for _, l := range st.Lines {
			if l.Amount < 0 || !l.Booked.Valid() || l.Seq < 1 {
				t.Fatalf("line %#v", l)
			}
		}
	})
}
