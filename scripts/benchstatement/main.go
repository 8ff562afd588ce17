// Command benchstatement writes a camt.053 bank statement of n credits paying the open
// invoices of a dossier, for the whole-process timing of `relance bank import` on a
// large dossier (docs/performance.md). The credits come in four kinds taken in turn:
// the invoice number with its open amount (exact), the payer's name with the open
// amount, the name with a round amount, a payer the dossier does not know.
//
//	go run ./scripts/benchstatement -db big.db -n 10000 -out statement.xml
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"

	"relance/desk"
	"relance/ledger"
)

func main() {
	db := flag.String("db", "", "dossier")
	n := flag.Int("n", 10000, "credits")
	out := flag.String("out", "", "statement file to write")
	day := flag.String("date", "2026-12-04", "booking date YYYY-MM-DD")
	flag.Parse()
	if err := run(*db, *n, *out, *day); err != nil {
		fmt.Fprintln(os.Stderr, "benchstatement:", err)
		os.Exit(1)
	}
}

func run(path string, n int, out, day string) error {
	d, err := ledger.ParseDate(day)
	if err != nil {
		return err
	}
	s, err := desk.OpenRead(path)
	if err != nil {
		return err
	}
	defer s.Close()
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>BENCH</MsgId><CreDtTm>%sT21:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>BENCH-1</Id>
      <Acct><Id><IBAN>FR7630004000031234567890143</IBAN></Id><Ccy>EUR</Ccy></Acct>
`, d)
	accts := s.Book.Accounts
	for i, k := 0, 0; k < n; i++ {
		a := accts[(i*7919)%len(accts)]
		var it *ledger.Item
		for j := range a.Items {
			if x := &a.Items[(j+i)%len(a.Items)]; x.Open > 0 && x.Amount > 0 && x.DocDate <= d {
				it = x
				break
			}
		}
		payer, text := strings.ToUpper(a.Customer.Name), ""
		var amount ledger.Cents
		switch {
		case it == nil || i%4 == 3:
			amount, payer, text = ledger.Cents(1000+i), "FOURNISSEUR INCONNU", "REMBOURSEMENT AVOIR 2026-11"
		case i%4 == 0:
			amount, text = it.Open, "REGLEMENT FACTURE "+it.Number
		case i%4 == 1:
			amount = it.Open
		default:
			amount = 100000
		}
		fmt.Fprintf(w, `      <Ntry>
        <Amt Ccy="EUR">%s</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>%s</Dt></BookgDt>
        <AcctSvcrRef>BENCH%08d</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>E2E-%08d</EndToEndId></Refs>
          <RltdPties><Dbtr><Pty><Nm>%s</Nm></Pty></Dbtr></RltdPties>
          <RmtInf><Ustrd>%s</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
`, amount, d, k, k, xmlText(payer), xmlText(text))
		k++
	}
	fmt.Fprint(w, "    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n")
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func xmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
