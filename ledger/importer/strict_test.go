package importer

import (
	"context"
	"encoding/binary"
	"strconv"
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/importer/report"
)

const strictHeader = "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise\r\n"

// strictEntry is a balanced sales entry of customer aux for amount.
func strictEntry(n int, aux, lib, debit string) string {
	return "VE|Ventes|" + itoa(n) + "|20251015|411000|Clients|" + aux + "|Client " + aux + "|F" + itoa(n) + "|20251015|" + lib + "|" + debit + "|0,00|||20251016||\r\n" +
		"VE|Ventes|" + itoa(n) + "|20251015|706000|Prestations|||F" + itoa(n) + "|20251015|" + lib + "|0,00|" + debit + "|||20251016||\r\n"
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestStrictValuesBlock checks that each garbled value is a fatal finding naming its
// line, field and value, and that nothing is written.
func TestStrictValuesBlock(t *testing.T) {
	good := strictHeader + strictEntry(1, "C1", "Facture", "120,00")
	tests := []struct {
		name, data, key, field, value string
		line                          int
	}{
		{"1,2,3,4", good + strictEntry(2, "C2", "Facture", "1,2,3,4"), "importstrict.grouping", "Debit", "1,2,3,4", 4},
		{"1.2.3", good + strictEntry(2, "C2", "Facture", "1.2.3"), "importstrict.grouping", "Debit", "1.2.3", 4},
		{"12.34.5", good + strictEntry(2, "C2", "Facture", "12.34.5"), "importstrict.grouping", "Debit", "12.34.5", 4},
		{"zero EcritureDate", good + strings.Replace(strictEntry(2, "C2", "Facture", "10,00"), "|20251015|411000", "|00000000|411000", 1), "importstrict.zerodate", "EcritureDate", "00000000", 4},
		{"zero PieceDate", good + strings.Replace(strictEntry(2, "C2", "Facture", "10,00"), "|F2|20251015|", "|F2|00000000|", 1), "importstrict.zerodate", "PieceDate", "00000000", 4},
		{"30 February", good + strings.Replace(strictEntry(2, "C2", "Facture", "10,00"), "|F2|20251015|", "|F2|20230230|", 1), "import.issue.date", "PieceDate", "20230230", 4},
		{"both negative", good + "VE|Ventes|3|20251015|411000|Clients|C3|Client C3|F3|20251015|Avoir|-10,00|-10,00|||20251016||\r\n", "importstrict.bothneg", "Debit", "-10.00 / -10.00", 4},
		{"NUL in CompAuxNum", good + strictEntry(2, "C\x001", "Facture", "10,00"), "importstrict.control", "CompAuxNum", "C␀1", 4},
		{"malformed XML FEC", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<comptabilite><exercice>\n<journal><JournalCode>VE</JournalCode></exercice></comptabilite>\n", "importstrict.xmlbad", "", "", 3},
		{"UTF-32LE", utf32le(good), "import.issue.utf32", "", "UTF-32LE", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := newDossier(t)
			rev0, h0 := dossierHash(t, db)
			path := writeFile(t, "bad.txt", []byte(tc.data))
			reps, err := Run(context.Background(), db, []string{path}, Options{})
			if err == nil {
				t.Fatal("imported")
			}
			var found *report.Issue
			for i := range reps[0].Issues {
				if is := &reps[0].Issues[i]; is.Key == tc.key && is.Severity == report.Fatal && found == nil {
					found = is
				}
			}
			if found == nil {
				t.Fatalf("no fatal %s in %+v", tc.key, reps[0].Issues)
			}
			if found.Line != tc.line || found.Field != tc.field || (found.Value != tc.value && tc.key != "importstrict.xmlbad") {
				t.Errorf("finding %+v, want line %d field %s value %q", found, tc.line, tc.field, tc.value)
			}
			for _, lang := range []string{"fr", "en"} {
				if msg := found.Localize(lang); strings.Contains(msg, tc.key) || !strings.Contains(msg, "bad.txt") {
					t.Errorf("%s message %q", lang, msg)
				}
			}
			if rev, h := dossierHash(t, db); rev != rev0 || h != h0 {
				t.Errorf("dossier changed")
			}
		})
	}
}

// TestControlCharactersStrippedFromLabels checks that control characters in names and
// labels are removed (they reach letters and PDFs), not refused.
func TestControlCharactersStrippedFromLabels(t *testing.T) {
	db := newDossier(t)
	data := strictHeader + strings.Replace(strictEntry(1, "C1", "Fac\x07ture\x1b", "120,00"), "Client C1", "Client\x00 C1\x0b", 1)
	path := writeFile(t, "ctl.txt", []byte(data))
	if _, err := Run(context.Background(), db, []string{path}, Options{}); err != nil {
		t.Fatal(err)
	}
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	var acc *ledger.Account
	for _, a := range book.Accounts {
		if a.Customer.ID == "C1" {
			acc = a
		}
	}
	if acc == nil || acc.Customer.Name != "Client C1" || len(acc.Items) != 1 || acc.Items[0].Label != "Facture" {
		t.Fatalf("account %+v", acc)
	}
}

// utf32le encodes s as UTF-32LE with a byte order mark.
func utf32le(s string) string {
	b := []byte{0xFF, 0xFE, 0, 0}
	for _, r := range s {
		b = binary.LittleEndian.AppendUint32(b, uint32(r))
	}
	return string(b)
}

// TestCSVControlAndGrouping checks the open-item path: a NUL in a customer code and a
// garbled amount are fatal, naming the row and the column.
func TestCSVControlAndGrouping(t *testing.T) {
	head := "Code client;Nom client;N° facture;Date facture;Montant TTC\r\n"
	for _, tc := range []struct{ name, row, key, value string }{
		{"NUL in code", "C\x001;Dupont;F1;15/10/2025;10,00\r\n", "importstrict.control", "C␀1"},
		{"1.2.3", "C1;Dupont;F1;15/10/2025;1.2.3\r\n", "import.issue.cellamount", "1.2.3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := newDossier(t)
			path := writeFile(t, "items.csv", []byte(head+"C0;Martin\x07;F0;15/10/2025;5,00\r\n"+tc.row))
			reps, err := Run(context.Background(), db, []string{path}, Options{})
			if err == nil {
				t.Fatal("imported")
			}
			ok := false
			for _, is := range reps[0].Issues {
				ok = ok || is.Key == tc.key && is.Line == 3 && is.Value == tc.value && is.Severity == report.Fatal
			}
			if !ok {
				t.Errorf("no fatal %s on line 3: %+v", tc.key, reps[0].Issues)
			}
		})
	}
}

// xmlFEC is a FEC in the DGFiP's XML format: two sales entries (one with Montant and
// Sens), an ISO-8859-15 declaration and a lettered entry.
const xmlFEC = `<?xml version="1.0" encoding="ISO-8859-15"?>
<comptabilite><exercice><DateCloture>2025-12-31</DateCloture>
<journal><JournalCode>VE</JournalCode><JournalLib>Ventes</JournalLib>
<ecriture><EcritureNum>1</EcritureNum><EcritureDate>2025-10-15</EcritureDate><EcritureLib>Facture F1</EcritureLib><PieceRef>F1</PieceRef><PieceDate>2025-10-15</PieceDate><ValidDate>2025-10-16</ValidDate>
<ligne><CompteNum>411000</CompteNum><CompteLib>Clients</CompteLib><CompteAuxNum>C1</CompteAuxNum><CompteAuxLib>Société € Un</CompteAuxLib><Debit>1234.50</Debit><Credit>0</Credit></ligne>
<ligne><CompteNum>706000</CompteNum><CompteLib>Prestations</CompteLib><Debit>0</Debit><Credit>1234.50</Credit></ligne>
</ecriture>
<ecriture><EcritureNum>2</EcritureNum><EcritureDate>2025-11-02</EcritureDate><EcritureLib>Facture F2</EcritureLib><PieceRef>F2</PieceRef><PieceDate>2025-11-02</PieceDate><ValidDate>2025-11-03</ValidDate>
<ligne><CompteNum>411000</CompteNum><CompteLib>Clients</CompteLib><CompAuxNum>C2</CompAuxNum><CompAuxLib>Client Deux</CompAuxLib><Montant>60.00</Montant><Sens>D</Sens></ligne>
<ligne><CompteNum>706000</CompteNum><CompteLib>Prestations</CompteLib><Montant>60.00</Montant><Sens>C</Sens></ligne>
</ecriture>
</journal></exercice></comptabilite>
`

// TestXMLFEC checks that the XML variant is read through the same path as the flat one
// and gives the same customers and items.
func TestXMLFEC(t *testing.T) {
	db := newDossier(t)
	latin9 := strings.NewReplacer("é", "\xe9", "€", "\xa4").Replace(xmlFEC)
	path := writeFile(t, "123456789FEC20251231.xml", []byte(latin9))
	reps, err := Run(context.Background(), db, []string{path}, Options{})
	if err != nil {
		t.Fatalf("%v\n%+v", err, reps[0].Issues)
	}
	for _, is := range reps[0].Issues {
		if is.Severity >= report.Error {
			t.Errorf("finding %+v", is)
		}
	}
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range book.Accounts {
		for _, it := range a.Items {
			got[a.Customer.ID] = a.Customer.Name + " " + it.Number + " " + it.DocDate.String() + " " + it.Amount.String()
		}
	}
	want := map[string]string{"C1": "Société € Un F1 2025-10-15 1234.50", "C2": "Client Deux F2 2025-11-02 60.00"}
	if len(got) != 2 || got["C1"] != want["C1"] || got["C2"] != want["C2"] {
		t.Errorf("got %v, want %v", got, want)
	}
}
