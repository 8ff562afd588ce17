package bank

import (
	"bytes"
	"fmt"
	"testing"
	"time"
)

// camtN returns a camt.053.001.08 statement of n booked entries, each a credit
// transfer with its TxDtls (payer, IBAN, remittance, end-to-end reference): about
// 1.3 KB an entry, what banks send.
func camtN(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-12-04T21:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>BENCH-1</Id>
      <Acct><Id><IBAN>FR7630004000031234567890143</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>
`)
	for i := 0; i < n; i++ {
		day := 1 + i%28
		fmt.Fprintf(&b, `      <Ntry>
        <NtryRef>%08d</NtryRef>
        <Amt Ccy="EUR">%d.%02d</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-11-%02d</Dt></BookgDt>
        <ValDt><Dt>2026-11-%02d</Dt></ValDt>
        <AcctSvcrRef>BNP20261130%08d</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs><EndToEndId>E2E-%08d</EndToEndId><TxId>TX%08d</TxId></Refs>
            <Amt Ccy="EUR">%d.%02d</Amt>
            <CdtDbtInd>CRDT</CdtDbtInd>
            <RltdPties>
              <Dbtr><Pty><Nm>CLIENT %05d SARL</Nm><PstlAdr><Ctry>FR</Ctry><AdrLine>12 RUE DE LA REPUBLIQUE</AdrLine><AdrLine>69002 LYON</AdrLine></PstlAdr></Pty></Dbtr>
              <DbtrAcct><Id><IBAN>FR7630004008200001028745601</IBAN></Id></DbtrAcct>
              <Cdtr><Pty><Nm>SOCIETE EXEMPLE SAS</Nm></Pty></Cdtr>
              <CdtrAcct><Id><IBAN>FR7630004000031234567890143</IBAN></Id></CdtrAcct>
            </RltdPties>
            <RmtInf><Ustrd>REGLEMENT FACTURE FA2026-%05d</Ustrd></RmtInf>
          </TxDtls>
        </NtryDtls>
        <AddtlNtryInf>VIR SEPA RECU /DE CLIENT %05d SARL</AddtlNtryInf>
      </Ntry>
`, i, 100+i, i%100, day, day, i, i, i, 100+i, i%100, i, i, i)
	}
	b.WriteString("    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n")
	return b.Bytes()
}

// BenchmarkReadCamt10k reads a 10,000-entry statement (about 13 MB); the target is
// well under a second.
func BenchmarkReadCamt10k(b *testing.B) {
	data := camtN(10000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		n++
		st, err := Read("bench.xml", bytes.NewReader(data), nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(st.Lines) != 10000 {
			b.Fatalf("%d lines", len(st.Lines))
		}
	}
	// CPU time (user+system of the whole process, garbage collection included) is what
	// the reading costs on a shared machine, where wall time depends on the neighbours.
	if d := cpuTime() - cpu0; d > 0 && n > 0 {
		b.ReportMetric(float64(d.Milliseconds())/float64(n), "cpu-ms/op")
	}
}

// TestReadCamt10kTime guards the benchmark's target in the ordinary test run, with a
// wide margin for slow or busy machines: 10,000 entries in less than 3 s.
func TestReadCamt10kTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	data := camtN(10000)
	start := time.Now()
	st, err := Read("bench.xml", bytes.NewReader(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("10,000 entries read in %v", d)
	}
	if len(st.Lines) != 10000 || st.Lines[9999].Amount != 1009999 || st.Lines[9999].Debtor != "CLIENT 09999 SARL" {
		t.Errorf("last line %v", st.Lines[len(st.Lines)-1])
	}
}
