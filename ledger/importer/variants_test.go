package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"relance/ledger"
)

// entryLine is one line of a hand-made FEC: amounts in cents.
type entryLine struct {
	j, jlib, num, date, acct, acctLib, aux, auxLib, piece, pdate, lib string
	d, c                                                              int64
	let, dateLet                                                      string
}

// sampleLines is a small ledger: an opening balance, invoices lettered with a payment,
// an open invoice and an open credit note, a customer on an individual 411 account
// without lettering (FIFO), and a 416 transfer.
func sampleLines() []entryLine {
	return []entryLine{
		{"ANO", "À nouveaux", "1", "20230101", "411000", "Clients", "C1", "Société Éric & Fils", "RAN", "20230101", "Report à nouveau", 50000, 0, "", ""},
		{"ANO", "À nouveaux", "1", "20230101", "890000", "Bilan d'ouverture", "", "", "RAN", "20230101", "Report à nouveau", 0, 50000, "", ""},
		{"VE", "Ventes", "2", "20230115", "411000", "Clients", "C1", "Société Éric & Fils", "F1", "20230115", "Facture F1 œuvre", 120000, 0, "AA", "20230210"},
		{"VE", "Ventes", "2", "20230115", "706000", "Prestations", "", "", "F1", "20230115", "Facture F1 œuvre", 0, 100000, "", ""},
		{"VE", "Ventes", "2", "20230115", "445710", "TVA collectée", "", "", "F1", "20230115", "Facture F1 œuvre", 0, 20000, "", ""},
		{"VE", "Ventes", "3", "20230120", "411000", "Clients", "C1", "Société Éric & Fils", "F2", "20230120", "Facture F2", 60000, 0, "", ""},
		{"VE", "Ventes", "3", "20230120", "706000", "Prestations", "", "", "F2", "20230120", "Facture F2", 0, 60000, "", ""},
		{"VE", "Ventes", "4", "20230125", "411000", "Clients", "C1", "Société Éric & Fils", "AV1", "20230125", "Avoir sur F2", 0, 10000, "", ""},
		{"VE", "Ventes", "4", "20230125", "706000", "Prestations", "", "", "AV1", "20230125", "Avoir sur F2", 10000, 0, "", ""},
		{"BQ", "Banque", "5", "20230210", "512000", "Banque", "", "", "VIR1", "20230210", "Virement Éric", 120000, 0, "", ""},
		{"BQ", "Banque", "5", "20230210", "411000", "Clients", "C1", "Société Éric & Fils", "VIR1", "20230210", "Virement Éric", 0, 120000, "AA", "20230210"},
		{"VE", "Ventes", "6", "20230201", "411DUPONT", "Dupont SARL", "", "", "F3", "20230201", "Facture F3", 30000, 0, "", ""},
		{"VE", "Ventes", "6", "20230201", "706000", "Prestations", "", "", "F3", "20230201", "Facture F3", 0, 30000, "", ""},
		{"VE", "Ventes", "7", "20230205", "411DUPONT", "Dupont SARL", "", "", "F5", "20230205", "Facture F5", 20000, 0, "", ""},
		{"VE", "Ventes", "7", "20230205", "706000", "Prestations", "", "", "F5", "20230205", "Facture F5", 0, 20000, "", ""},
		{"BQ", "Banque", "8", "20230301", "512000", "Banque", "", "", "CHQ9", "20230301", "Chèque Dupont", 35000, 0, "", ""},
		{"BQ", "Banque", "8", "20230301", "411DUPONT", "Dupont SARL", "", "", "CHQ9", "20230301", "Chèque Dupont", 0, 35000, "", ""},
		{"VE", "Ventes", "9", "20230110", "411000", "Clients", "C3", "Douteux SA", "F4", "20230110", "Facture F4", 80000, 0, "AB", "20231231"},
		{"VE", "Ventes", "9", "20230110", "706000", "Prestations", "", "", "F4", "20230110", "Facture F4", 0, 80000, "", ""},
		{"OD", "Opérations diverses", "10", "20231231", "416000", "Clients douteux", "C3", "Douteux SA", "OD1", "20231231", "Transfert 416", 80000, 0, "", ""},
		{"OD", "Opérations diverses", "10", "20231231", "411000", "Clients", "C3", "Douteux SA", "OD1", "20231231", "Transfert 416", 0, 80000, "AB", "20231231"},
	}
}

// variant says how to write the sample.
type variant struct {
	name     string
	enc      string // utf8, latin9, cp1252
	bom      bool
	sep      string
	eol      string
	trailing bool
	ms       string // "", "DC" (D/C) or "PM" (+1/-1): Montant/Sens layout
	amount   func(c int64) string
	credit   string // header spelling of Credit
	mixed    bool   // one line written in Latin-9 inside a UTF-8 file
	quoted   bool   // every field in double quotes
}

func plainAmount(c int64) string  { return fmt.Sprintf("%d,%02d", c/100, c%100) }
func zeroPadded(c int64) string   { return fmt.Sprintf("%010d,%02d", c/100, c%100) }
func spacePadded(c int64) string  { return fmt.Sprintf("%13s", plainAmount(c)) }
func leadingSpace(c int64) string { return " " + fmt.Sprintf("%015d,%02d", c/100, c%100) }

func (v variant) render(lines []entryLine) []byte {
	head := []string{"JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum",
		"CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", v.credit, "EcritureLet", "DateLet", "ValidDate", "MontantDevise", "Idevise"}
	if v.ms != "" {
		head[11], head[12] = "Montant", "Sens"
	}
	var sb strings.Builder
	write := func(cells []string, latin bool) {
		if v.quoted {
			q := make([]string, len(cells))
			for i, c := range cells {
				q[i] = `"` + c + `"`
			}
			cells = q
		}
		s := strings.Join(cells, v.sep)
		if v.trailing {
			s += v.sep
		}
		if latin {
			b, err := charmap.ISO8859_15.NewEncoder().String(s)
			if err != nil {
				panic(err)
			}
			s = b
		}
		sb.WriteString(s + v.eol)
	}
	write(head, false)
	for i, l := range lines {
		a, b := v.amount(l.d), v.amount(l.c)
		if v.ms != "" {
			a, b = v.amount(l.d+l.c), "D"
			if l.c != 0 {
				b = "C"
			}
			if v.ms == "PM" {
				b = map[string]string{"D": "+1", "C": "-1"}[b]
			}
		}
		write([]string{l.j, l.jlib, l.num, l.date, l.acct, l.acctLib, l.aux, l.auxLib, l.piece, l.pdate, l.lib, a, b, l.let, l.dateLet, l.date, "", ""},
			v.mixed && i == 2)
	}
	out := sb.String()
	switch v.enc {
	case "latin9":
		s, err := charmap.ISO8859_15.NewEncoder().String(out)
		if err != nil {
			panic(err)
		}
		out = s
	case "cp1252":
		s, err := charmap.Windows1252.NewEncoder().String(out)
		if err != nil {
			panic(err)
		}
		out = s
	}
	if v.bom {
		out = "\xEF\xBB\xBF" + out
	}
	return []byte(out)
}

var variants = []variant{
	{name: "utf8-tab-lf", enc: "utf8", sep: "\t", eol: "\n", amount: plainAmount, credit: "Credit"},
	{name: "bom-pipe-crlf-trailing", enc: "utf8", bom: true, sep: "|", eol: "\r\n", trailing: true, amount: zeroPadded, credit: "Crédit"},
	{name: "latin9-tab-cr", enc: "latin9", sep: "\t", eol: "\r", amount: spacePadded, credit: "Credit"},
	{name: "cp1252-pipe-crcrlf", enc: "cp1252", sep: "|", eol: "\r\r\n", amount: leadingSpace, credit: "CREDIT"},
	{name: "montant-sens-DC", enc: "utf8", sep: "|", eol: "\n", ms: "DC", amount: zeroPadded, credit: "Credit"},
	{name: "montant-sens-PM-latin9", enc: "latin9", sep: "\t", eol: "\r\n", ms: "PM", amount: plainAmount, credit: "Credit"},
	{name: "mixed-lines", enc: "utf8", sep: "\t", eol: "\n", amount: plainAmount, credit: "Credit", mixed: true},
	{name: "quoted-semicolon", enc: "cp1252", sep: ";", eol: "\r\n", amount: plainAmount, credit: "Credit", quoted: true},
}

func writeFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// snapshot returns the customers and items of a plan without their source file name.
func snapshot(p *Plan) []planCustomer {
	var out []planCustomer
	for _, pc := range p.customers {
		c := *pc
		c.Items, c.dueSet = p.itemsOf(pc)
		c.lines = nil
		for i := range c.Items {
			c.Items[i].Source = ""
		}
		out = append(out, c)
	}
	return out
}

func TestVariantsGiveIdenticalItems(t *testing.T) {
	var want []planCustomer
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			path := writeFile(t, "123456789FEC20231231.txt", v.render(sampleLines()))
			p := prepared(t, path)
			got := snapshot(p)
			if want == nil {
				want = got
				checkSample(t, p)
				return
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("differs from %s:\n got %+v\nwant %+v", variants[0].name, got, want)
			}
		})
	}
}

// checkSample checks the open items of the sample ledger.
func checkSample(t *testing.T, p *Plan) {
	t.Helper()
	open := map[string]ledger.Cents{}
	names := map[string]string{}
	for _, pc := range p.customers {
		names[pc.Customer.ID] = pc.Customer.Name
		items, _ := p.itemsOf(pc)
		for _, it := range items {
			if it.Open != 0 {
				open[pc.Customer.ID+" "+it.Number] = it.Open
			}
		}
		if pc.Customer.ID == "C3" && !pc.Customer.Doubtful {
			t.Error("C3 should be doubtful (416)")
		}
		if pc.Customer.ID == "411DUPONT" && !pc.fifo {
			t.Error("411DUPONT should be matched by FIFO")
		}
	}
	wantOpen := map[string]ledger.Cents{
		"C1 RAN": 50000, "C1 F2": 60000, "C1 AV1": -10000, // F1 lettered with VIR1
		"411DUPONT F5": 15000, // CHQ9 350 pays F3 300 then 50 of F5 (FIFO)
		"C3 OD1":       80000, // on 416
	}
	if !reflect.DeepEqual(open, wantOpen) {
		t.Errorf("open items %v, want %v", open, wantOpen)
	}
	if names["C1"] != "Société Éric & Fils" || names["411DUPONT"] != "Dupont SARL" {
		t.Errorf("names %v", names)
	}
	if p.Report.Receivables != 195000 || p.Report.ReceivableBalance != 195000 {
		t.Errorf("receivables %s / %s", p.Report.Receivables, p.Report.ReceivableBalance)
	}
}

func TestDetectAndPreview(t *testing.T) {
	path := writeFile(t, "123456789FEC20231231.txt", variants[3].render(sampleLines()))
	d, err := Detect(context.Background(), path, Options{})
	if err != nil || d.Fatal != nil {
		t.Fatal(err, d.Fatal)
	}
	if d.Dialect.Encoding.String() != "Windows-1252" || d.Dialect.SepName() != "|" || string(d.Dialect.EOL) != "CRCRLF" ||
		d.Layout != "BIC" || d.Key != KeyMixed || d.Lines != 21 || d.Customers != 3 ||
		d.From != ledger.NewDate(2023, 1, 1) || d.To != ledger.NewDate(2023, 12, 31) {
		t.Errorf("detected %+v", d)
	}
	// Override: key every customer on its 411 account.
	p, err := Prepare(context.Background(), path, Options{Key: KeyAccount})
	if err != nil {
		t.Fatal(err)
	}
	pv := p.Preview(10, ledger.Terms{Days: 30})
	if len(pv) != 3 || pv[0].Customer.ID != "411000" || pv[0].OpenItems[0].DueDate != ledger.NewDate(2023, 1, 31) {
		t.Errorf("preview %+v", pv)
	}
}
