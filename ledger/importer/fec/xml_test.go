package fec

import (
	"io"
	"strings"
	"testing"
)

const xmlSample = `<?xml version="1.0" encoding="UTF-8"?>
<comptabilite><exercice><DateCloture>2025-12-31</DateCloture>
<journal><JournalCode>VE</JournalCode><JournalLib>Ventes</JournalLib>
<ecriture><EcritureNum>1</EcritureNum><EcritureDate>2025-10-15</EcritureDate><EcritureLib>Facture
 F1</EcritureLib><PieceRef>F1</PieceRef><PieceDate>2025-10-15T00:00:00</PieceDate><EcritureLet>AA</EcritureLet><ValidDate>2025-10-16</ValidDate>
<ligne><CompteNum>411000</CompteNum><CompteLib>Clients</CompteLib><CompteAuxNum>C1</CompteAuxNum><CompteAuxLib>Client	Un</CompteAuxLib><Montant>12.5</Montant><Sens>+1</Sens></ligne>
<ligne><CompteNum>706000</CompteNum><CompteLib>Prestations</CompteLib><Debit>0</Debit><Credit>12.5</Credit></ligne>
</ecriture></journal></exercice></comptabilite>`

// TestFlatFromXML checks the flat lines written for an XML FEC: journal and entry
// fields repeated on each line, ISO dates as AAAAMMJJ, decimal commas, Montant and
// Sens as Debit or Credit, no tab or line break inside a value.
func TestFlatFromXML(t *testing.T) {
	b, err := io.ReadAll(FlatFromXML(strings.NewReader(xmlSample)))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
	want := []string{
		strings.Join(xmlColumns, "\t"),
		"VE\tVentes\t1\t20251015\t411000\tClients\tC1\tClient Un\tF1\t20251015\tFacture F1\t12,5\t\tAA\t\t20251016\t\t",
		"VE\tVentes\t1\t20251015\t706000\tPrestations\t\t\tF1\t20251015\tFacture F1\t0\t12,5\tAA\t\t20251016\t\t",
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines: %q", len(lines), lines)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\n got %q\nwant %q", i+1, lines[i], want[i])
		}
	}
	if !IsXML([]byte("\xef\xbb\xbf \n<?xml version")) || IsXML([]byte("JournalCode\t")) {
		t.Error("IsXML")
	}
}

// FuzzFlatFromXML feeds arbitrary documents to the conversion: text or an error,
// never a panic nor a hang.
func FuzzFlatFromXML(f *testing.F) {
	f.Add(xmlSample)
	f.Add(`<comptabilite><ligne><Debit>1</Debit></ligne></comptabilite>`)
	f.Add(`<ecriture><A><journal></journal></A></ecriture>`)
	f.Fuzz(func(t *testing.T, s string) {
		rc := FlatFromXML(strings.NewReader(s))
		_, _ = io.ReadAll(rc)
		if err := rc.Close(); err != nil {
			t.Fatal(err)
		}
	})
}
