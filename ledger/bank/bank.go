// Package bank reads bank statements into lines: the ISO 20022 camt.053 statement
// (BankToCustomerStatement, versions .001.02 to .001.08, and the camt.052 and camt.054
// reports, which carry their entries the same way) and the CSV or XLSX exports of
// French online banking (';' separator, Windows-1252 or UTF-8, DD/MM/YYYY dates,
// "1 234,56" amounts, one signed amount column or separate Débit and Crédit columns,
// title lines before the header).
//
// It is pure domain code: it writes nothing. Recording the payments, matching them
// with open invoices and showing them are the caller's job. Every file that cannot be
// read is a *ledger.Problem naming the file, the line, the element or column and the
// value, in the user's language.
package bank

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/importer/tabular"
)

// The payment methods a line can name (Line.Method); "" when the bank does not say.
const (
	Transfer    = "transfer"     // virement (SEPA, instant, international)
	DirectDebit = "direct_debit" // prélèvement
	Cheque      = "cheque"       // chèque, remise de chèques
	Card        = "card"         // carte bancaire
	Cash        = "cash"         // espèces, guichet
	Bill        = "bill"         // effet de commerce : LCR, billet à ordre
	Fee         = "fee"          // frais, commissions, intérêts, cotisations
)

// The formats of a statement (Statement.Format).
const (
	FormatCamt053 = "camt.053"
	FormatCamt052 = "camt.052"
	FormatCamt054 = "camt.054"
	FormatCSV     = "csv"
	FormatXLSX    = "xlsx"
)

// Line is one entry of a bank statement, or one transaction of a batch entry.
type Line struct {
	Account  string       // the statement's account (IBAN, or the bank's account number)
	Booked   ledger.Date  // booking date (BookgDt)
	Value    ledger.Date  // value date (ValDt), NoDate if absent
	Amount   ledger.Cents // positive; see Credit
	Credit   bool         // money in (CRDT), else money out (DBIT)
	Currency string       // ISO 4217 code
	// Reversal is true for an entry that undoes an earlier one: RvslInd true, or a
	// return or reject code (PMNT/RCDT/RRTN, PMNT/IDDT/UPDD, PMNT/RCHQ/UPCQ…), or in a
	// CSV a label such as « CHQ IMPAYE » or « REJET PRLV ». A debit reversal takes back
	// a payment received earlier: a returned cheque, a rejected direct debit.
	Reversal bool
	// Debtor is the counterparty's name: the payer (Dbtr) of a credit or of a reversal
	// (whose original payer it still is), the payee (Cdtr) of a plain debit.
	Debtor     string
	DebtorIBAN string
	// Remittance is what the payer wrote: RmtInf/Ustrd joined with the structured
	// references (Strd/CdtrRefInf/Ref, Strd/RfrdDocInf/Nb); in a CSV, the label and
	// its detail column.
	Remittance string
	// Label is the bank's own wording of the entry (AddtlTxInf, else AddtlNtryInf),
	// often « VIR SEPA RECU /DE … /MOTIF … »; "" in a CSV, whose label is Remittance.
	Label    string
	EndToEnd string // Refs/EndToEndId, "" for NOTPROVIDED
	ChequeNo string // Refs/ChqNb: the cheque's number, for a cheque paid in or returned unpaid
	BankRef  string // AcctSvcrRef of the transaction, else of the entry, else NtryRef; CSV reference column
	Method   string // Transfer, DirectDebit, Cheque, Card, Cash, Bill, Fee or ""
	Source   string // the file's name
	// Pos is where the line is in an XML file, with the element names of the
	// standard: "Ntry 12" or "Ntry 12 / TxDtls 2" (entries counted from 1 over the whole
	// file); "" in a CSV or XLSX file.
	Pos string
	// Row is the 1-based line of the file (XML: where the Ntry element starts; CSV: the
	// row; XLSX: the sheet's row).
	Row int
	// Seq numbers the lines that are otherwise identical (same account, dates, amount,
	// direction, references and texts) in the order of the file, from 1: two equal
	// transfers on the same day stay two lines with two keys.
	Seq int
}

// Statement is a bank statement file read into lines.
type Statement struct {
	File   string // the file's name, as messages name it
	Hash   string // SHA-256 of the file's bytes, lower-case hex: the same file imported twice has the same hash
	Format string // FormatCamt053, FormatCamt052, FormatCamt054, FormatCSV or FormatXLSX
	Lines  []Line
	// Pending counts the camt entries left out because they are not booked yet
	// (Sts PDNG or INFO): they will come again, booked, in a later statement.
	Pending int
}

// Read reads a bank statement from r. name is the file's name in messages and in
// Line.Source. The format is found from the content: XML (after an optional BOM and
// blanks) is camt.053 (or camt.052/054), a zip archive is an XLSX workbook, anything
// else is CSV. m is the column mapping of a CSV or XLSX file (nil: columns found by
// their header, separator and header row detected, see Set); it is unused for XML.
func Read(name string, r io.Reader, m *tabular.Mapping) (*Statement, error) {
	h := sha256.New()
	br := bufio.NewReaderSize(io.TeeReader(r, h), 64<<10)
	head, err := br.Peek(512)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, &ledger.Problem{Key: "bank.err.open", Args: []string{"file", name}, Err: err}
	}
	if len(bytes.TrimSpace(head)) == 0 {
		return nil, &ledger.Problem{Key: "bank.err.empty", Args: []string{"file", name}}
	}
	var st *Statement
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
	if bytes.HasPrefix(trimmed, []byte("<")) {
		st, err = readCamt(name, br)
		if err == nil {
			// The hash covers the whole file: read what follows the root element.
			if _, cerr := io.Copy(io.Discard, br); cerr != nil {
				err = &ledger.Problem{Key: "bank.err.open", Args: []string{"file", name}, Err: cerr}
			}
		}
	} else {
		var data []byte
		data, err = io.ReadAll(io.LimitReader(br, tabular.MaxTableFile+1))
		if err != nil {
			return nil, &ledger.Problem{Key: "bank.err.open", Args: []string{"file", name}, Err: err}
		}
		if len(data) > tabular.MaxTableFile {
			le := &tabular.LimitError{What: "file", Limit: tabular.MaxTableFile, Format: "csv"}
			return nil, le.Problem(name)
		}
		st, err = readTable(name, data, m)
	}
	if err != nil {
		return nil, err
	}
	st.File, st.Hash = name, hex.EncodeToString(h.Sum(nil))
	numberDuplicates(st.Lines)
	return st, nil
}

// Key returns a stable identifier of the line, the same each time the line is read,
// from this file or from another statement that overlaps it: a hash of the account,
// the booking date, the direction, the amount, the bank's and the payer's references,
// the texts and Seq. It does not depend on the line's place in the file, so that a
// caller can skip the lines of a new statement already seen in an earlier one. Two
// exports of the same day agree as long as each holds the whole day. The key is 32
// hexadecimal digits.
func (l *Line) Key() string {
	h := sha256.New()
	for _, s := range append(l.identity(), strconv.Itoa(l.Seq)) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// identity returns what tells a line from another, Seq apart.
func (l *Line) identity() []string {
	dir := "D"
	if l.Credit {
		dir = "C"
	}
	if l.Reversal {
		dir += "R"
	}
	return []string{l.Account, l.Booked.String(), dir, l.Amount.String(), l.Currency, l.BankRef, l.EndToEnd,
		l.ChequeNo, l.Remittance, l.Label, l.Debtor}
}

// Where names the line's place in its file for the user, in lang: « écriture Ntry 12 /
// TxDtls 2 (ligne 340) » or « ligne 14 ».
func (l *Line) Where(lang string) string {
	if l.Pos != "" {
		return i18n.T(lang, "bank.where.entry", "pos", l.Pos, "line", strconv.Itoa(l.Row))
	}
	return i18n.T(lang, "bank.where.line", "line", strconv.Itoa(l.Row))
}

// String describes the line for logs and test failures (not for users).
func (l Line) String() string {
	dir := "DBIT"
	if l.Credit {
		dir = "CRDT"
	}
	return fmt.Sprintf("%s %s %s %s %s %q %q", l.Booked, dir, l.Amount, l.Currency, l.Method, l.Debtor, l.Remittance)
}

// numberDuplicates sets Seq: 1 for a line, n for the n-th line equal to it in all the
// fields that Key covers.
func numberDuplicates(lines []Line) {
	seen := make(map[string]int, len(lines))
	for i := range lines {
		k := strings.Join(lines[i].identity(), "\x00")
		seen[k]++
		lines[i].Seq = seen[k]
	}
}

// at returns the parameters of a Problem about a value of the file: the file, the
// line, the element or column and the value.
func at(file string, line int, field, value string) []string {
	return []string{"file", file, "line", strconv.Itoa(line), "field", field, "value", value}
}
