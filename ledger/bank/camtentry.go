package bank

import (
	"strconv"
	"strings"

	"relance/ledger"
)

// The parts of a camt entry (Ntry) that make lines, as the reader collects them; the
// fields are named after the elements of the standard.

type xAmt struct {
	Ccy   string // the Ccy attribute
	Value string
}

type xDate struct {
	Dt   string
	DtTm string
}

// xCode is a bank transaction code (BkTxCd): Domn/Fmly/Cd, Domn/Fmly/SubFmlyCd and
// Prtry/Cd.
type xCode struct {
	Fmly, SubFmlyCd, Prtry string
}

type xAcctID struct {
	IBAN string // Id/IBAN
	Othr string // Id/Othr/Id
}

func (a *xAcctID) id() string { return strings.TrimSpace(first(a.IBAN, a.Othr)) }

type xParty struct {
	Nm    string // Nm, up to camt.053.001.07
	PtyNm string // Pty/Nm, from camt.053.001.08
}

func (p *xParty) name() string { return clean(first(p.Nm, p.PtyNm)) }

type xNtry struct {
	NtryRef      string
	Amt          *xAmt
	CdtDbtInd    string
	RvslInd      string
	Sts          string // Sts (up to .07), Sts/Cd or Sts/Prtry (.08)
	BookgDt      *xDate
	ValDt        *xDate
	AcctSvcrRef  string
	BkTxCd       xCode
	TxDtls       []xTx // NtryDtls/TxDtls
	AddtlNtryInf string
}

type xTx struct {
	AcctSvcrRef string // Refs/AcctSvcrRef
	EndToEndID  string // Refs/EndToEndId
	ChqNb       string // Refs/ChqNb
	Amt         *xAmt  // Amt (from .03)
	TxAmt       *xAmt  // AmtDtls/TxAmt/Amt
	CdtDbtInd   string
	BkTxCd      xCode
	Dbtr        xParty // RltdPties/…
	DbtrAcct    xAcctID
	UltmtDbtr   xParty
	Cdtr        xParty
	CdtrAcct    xAcctID
	Ustrd       []string // RmtInf/Ustrd
	Strd        []string // RmtInf/Strd/RfrdDocInf/Nb and RmtInf/Strd/CdtrRefInf/Ref, in order
	AddtlTxInf  string
}

// entry turns one Ntry into lines: one per TxDtls of a batch, else one.
func (c *camt) entry(e *xNtry, row int, account, acctCcy string) error {
	pos := "Ntry " + strconv.Itoa(c.n)
	sts := strings.TrimSpace(e.Sts)
	if sts != "" && sts != "BOOK" {
		c.st.Pending++
		return nil
	}
	if e.Amt == nil {
		return &ledger.Problem{Key: "bank.err.missing", Args: at(c.file, row, pos+" / Amt", "")}
	}
	amount, ok := parseAmount(e.Amt.Value)
	if !ok {
		return &ledger.Problem{Key: "bank.err.amount", Args: at(c.file, row, pos+" / Amt", strings.TrimSpace(e.Amt.Value))}
	}
	ccy := first(strings.TrimSpace(e.Amt.Ccy), acctCcy)
	if ccy == "" {
		return &ledger.Problem{Key: "bank.err.currency", Args: at(c.file, row, pos+" / Amt@Ccy", "")}
	}
	if strings.TrimSpace(e.CdtDbtInd) == "" {
		return &ledger.Problem{Key: "bank.err.missing", Args: at(c.file, row, pos+" / CdtDbtInd", "")}
	}
	credit, ok := creditDebit(e.CdtDbtInd)
	if !ok {
		return &ledger.Problem{Key: "bank.err.cdtdbt", Args: at(c.file, row, pos+" / CdtDbtInd", strings.TrimSpace(e.CdtDbtInd))}
	}
	reversal, ok := parseBool(e.RvslInd)
	if !ok {
		return &ledger.Problem{Key: "bank.err.bool", Args: at(c.file, row, pos+" / RvslInd", strings.TrimSpace(e.RvslInd))}
	}
	if e.BookgDt == nil {
		return &ledger.Problem{Key: "bank.err.missing", Args: at(c.file, row, pos+" / BookgDt", "")}
	}
	booked, ok := parseDate(e.BookgDt)
	if !ok || !booked.Valid() {
		return &ledger.Problem{Key: "bank.err.date", Args: at(c.file, row, pos+" / BookgDt", dateText(e.BookgDt))}
	}
	var value ledger.Date
	if e.ValDt != nil {
		if value, ok = parseDate(e.ValDt); !ok {
			return &ledger.Problem{Key: "bank.err.date", Args: at(c.file, row, pos+" / ValDt", dateText(e.ValDt))}
		}
	}
	method, rev := classify(&e.BkTxCd)
	base := Line{Account: account, Booked: booked, Value: value, Amount: amount, Credit: credit, Currency: ccy,
		Reversal: reversal || rev, BankRef: strings.TrimSpace(first(e.AcctSvcrRef, e.NtryRef)), Method: method,
		Label: clean(e.AddtlNtryInf), Source: c.file, Pos: pos, Row: row}
	coded := method != "" || rev
	switch len(e.TxDtls) {
	case 0:
		if !coded {
			guess(&base, base.Label)
		}
		payer(&base, base.Label)
		c.st.Lines = append(c.st.Lines, base)
		return nil
	case 1:
		// The entry's amount is the one booked; the single TxDtls may give the
		// instructed amount in another currency.
		l := base
		c.details(&l, &e.TxDtls[0], coded)
		c.st.Lines = append(c.st.Lines, l)
		return nil
	}
	for k := range e.TxDtls {
		tx := &e.TxDtls[k]
		l := base
		l.Pos = pos + " / TxDtls " + strconv.Itoa(k+1)
		amt, field := tx.Amt, "Amt"
		if amt == nil {
			amt, field = tx.TxAmt, "AmtDtls/TxAmt/Amt"
		}
		if amt == nil {
			return &ledger.Problem{Key: "bank.err.batchamount", Args: at(c.file, row, l.Pos+" / Amt", amount.String())}
		}
		if l.Amount, ok = parseAmount(amt.Value); !ok {
			return &ledger.Problem{Key: "bank.err.amount", Args: at(c.file, row, l.Pos+" / "+field, strings.TrimSpace(amt.Value))}
		}
		l.Currency = first(strings.TrimSpace(amt.Ccy), ccy)
		if tx.CdtDbtInd != "" {
			if l.Credit, ok = creditDebit(tx.CdtDbtInd); !ok {
				return &ledger.Problem{Key: "bank.err.cdtdbt", Args: at(c.file, row, l.Pos+" / CdtDbtInd", strings.TrimSpace(tx.CdtDbtInd))}
			}
		}
		c.details(&l, tx, coded)
		c.st.Lines = append(c.st.Lines, l)
	}
	return nil
}

// details fills l from the TxDtls tx: references, counterparty, remittance, the
// transaction's own bank transaction code; the label's words when no code (coded
// false) says what the entry is.
func (c *camt) details(l *Line, tx *xTx, coded bool) {
	if ref := strings.TrimSpace(tx.AcctSvcrRef); ref != "" {
		l.BankRef = ref
	}
	if e2e := strings.TrimSpace(tx.EndToEndID); !strings.EqualFold(e2e, "NOTPROVIDED") {
		l.EndToEnd = e2e
	}
	l.ChequeNo = strings.TrimSpace(tx.ChqNb)
	if m, rev := classify(&tx.BkTxCd); m != "" || rev {
		l.Method = first(m, l.Method)
		l.Reversal = l.Reversal || rev
		coded = true
	}
	if info := clean(tx.AddtlTxInf); info != "" {
		l.Label = info
	}
	if !coded {
		guess(l, l.Label)
	}
	if l.Credit || l.Reversal {
		l.Debtor = first(tx.Dbtr.name(), tx.UltmtDbtr.name())
		l.DebtorIBAN = tx.DbtrAcct.id()
	} else {
		l.Debtor = tx.Cdtr.name()
		l.DebtorIBAN = tx.CdtrAcct.id()
	}
	parts := make([]string, 0, len(tx.Ustrd)+len(tx.Strd))
	parts = append(parts, tx.Ustrd...)
	parts = append(parts, tx.Strd...)
	l.Remittance = clean(strings.Join(parts, " "))
	payer(l, l.Label)
}

// parseAmount reads a camt amount: digits, a point and at most 5 decimals (the
// schema's limit), of which the third and beyond must be zeros. It never goes through
// a float. Signs are refused: the direction is CdtDbtInd.
func parseAmount(s string) (ledger.Cents, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "+")
	intPart, frac, _ := strings.Cut(s, ".")
	if intPart == "" || len(intPart) > 15 || len(frac) > 5 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(intPart); i++ {
		ch := intPart[i]
		if ch < '0' || ch > '9' {
			return 0, false
		}
		v = v*10 + int64(ch-'0')
	}
	var cents int64
	for i := 0; i < len(frac); i++ {
		ch := frac[i]
		if ch < '0' || ch > '9' || i >= 2 && ch != '0' {
			return 0, false
		}
		if i < 2 {
			cents = cents*10 + int64(ch-'0')
		}
	}
	if len(frac) == 1 {
		cents *= 10
	}
	return ledger.Cents(v*100 + cents), true
}

// parseDate reads Dt (YYYY-MM-DD) or DtTm (YYYY-MM-DDThh:mm:ss[zone]): the civil date as
// the bank wrote it. Neither present is NoDate.
func parseDate(d *xDate) (ledger.Date, bool) {
	s := strings.TrimSpace(d.Dt)
	if s == "" {
		s = strings.TrimSpace(d.DtTm)
		if len(s) > 10 && s[10] == 'T' {
			s = s[:10]
		}
	}
	if s == "" {
		return ledger.NoDate, true
	}
	// A Dt may carry a time zone offset (xs:date allows "2026-11-27+01:00", "…Z").
	if len(s) > 10 && (s[10] == '+' || s[10] == '-' || s[10] == 'Z') {
		s = s[:10]
	}
	v, err := ledger.ParseDate(s)
	return v, err == nil
}

func dateText(d *xDate) string { return strings.TrimSpace(first(d.Dt, d.DtTm)) }

func creditDebit(s string) (credit, ok bool) {
	switch strings.TrimSpace(s) {
	case "CRDT":
		return true, true
	case "DBIT":
		return false, true
	}
	return false, false
}

func parseBool(s string) (v, ok bool) {
	switch strings.TrimSpace(s) {
	case "", "false", "0":
		return false, true
	case "true", "1":
		return true, true
	}
	return false, false
}

// first returns the first non-empty string.
func first(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// clean collapses blanks (line breaks included) into single spaces.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
