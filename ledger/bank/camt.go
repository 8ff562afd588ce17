package bank

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/charmap"

	"relance/ledger"
)

// The XML of a camt message is matched on local names only: the namespace
// (urn:iso:std:iso:20022:tech:xsd:camt.053.001.02 … .08) changes with the version, the
// elements read here do not, except the parties (Dbtr/Nm up to .07, Dbtr/Pty/Nm from
// .08) and the transaction amount (TxDtls/AmtDtls/TxAmt/Amt in .02, TxDtls/Amt from .03).
//
// The file is read as a stream of raw tokens (encoding/xml's RawToken: no namespace
// translation, start and end tags matched here), each element below the statement
// dispatched on its path: one Ntry at a time is held in memory, and a 10,000-entry
// statement reads in a fraction of a second (BenchmarkReadCamt10k).

// message returns the format of a camt message, by the local name of Document's
// child, and the local name of its statement element; ok is false for another message.
func message(local string) (format, stmt string, ok bool) {
	switch local {
	case "BkToCstmrStmt":
		return FormatCamt053, "Stmt", true
	case "BkToCstmrAcctRpt":
		return FormatCamt052, "Rpt", true
	case "BkToCstmrDbtCdtNtfctn":
		return FormatCamt054, "Ntfctn", true
	}
	return "", "", false
}

// txPath starts the paths of a transaction's elements, relative to the statement.
const txPath = "Ntry/NtryDtls/TxDtls/"

// camt reads one camt XML file.
type camt struct {
	file  string
	d     *xml.Decoder
	st    *Statement
	n     int        // entries seen (Ntry), over the whole file
	open  []xml.Name // the elements open, from Document
	stmt  string     // local name of the statement element (Stmt, Rpt, Ntfctn)
	in    bool       // inside a statement element
	stmts int        // statement elements seen
	path  []byte     // local names from below the statement element, '/'-separated
	marks []int      // len(path) before each element below the statement element
	text  []byte     // character data of the innermost element so far
	ccy   string     // Ccy attribute of the Amt element open
	acct  xAcctID    // the statement's account
	acCcy string     // the account's currency (Acct/Ccy)
	e     *xNtry     // the entry being read, nil between entries
	row   int        // line of the entry's start tag
}

func readCamt(name string, r io.Reader) (*Statement, error) {
	d := xml.NewDecoder(r)
	d.CharsetReader = charsetReader
	c := &camt{file: name, d: d, st: &Statement{}}
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			if len(c.open) > 0 {
				return nil, c.truncated()
			}
			return nil, c.notCamt("")
		}
		if err != nil {
			return nil, c.xmlError(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := c.start(&t); err != nil {
				return nil, err
			}
		case xml.EndElement:
			done, err := c.end(&t)
			if err != nil || done {
				return c.st, err
			}
		case xml.CharData:
			if c.in {
				c.text = append(c.text, t...)
			}
		}
	}
}

// start handles a start tag.
func (c *camt) start(t *xml.StartElement) error {
	c.open = append(c.open, t.Name)
	c.text = c.text[:0]
	local := t.Name.Local
	switch depth := len(c.open); {
	case depth == 1:
		if local != "Document" {
			return c.notCamt(local)
		}
		return nil
	case depth == 2:
		format, stmt, ok := message(local)
		if !ok {
			return c.notCamt("Document/" + local)
		}
		c.st.Format, c.stmt = format, stmt
		return nil
	case depth == 3:
		if local == c.stmt {
			c.in, c.acct, c.acCcy = true, xAcctID{}, ""
			c.stmts++
		}
		return nil
	case !c.in:
		return nil
	}
	c.marks = append(c.marks, len(c.path))
	if len(c.path) > 0 {
		c.path = append(c.path, '/')
	}
	c.path = append(c.path, local...)
	if local == "Amt" {
		c.ccy = ""
		for _, a := range t.Attr {
			if a.Name.Local == "Ccy" {
				c.ccy = a.Value
			}
		}
	}
	if c.e == nil {
		if string(c.path) == "Ntry" {
			c.n++
			c.row, c.e = c.line(), &xNtry{}
		}
		return nil
	}
	switch string(c.path) {
	case "Ntry/BookgDt":
		c.e.BookgDt = &xDate{}
	case "Ntry/ValDt":
		c.e.ValDt = &xDate{}
	case "Ntry/NtryDtls/TxDtls":
		c.e.TxDtls = append(c.e.TxDtls, xTx{})
	}
	return nil
}

// end handles an end tag. done is true at the end of the message element: the rest
// of the file is not read.
func (c *camt) end(t *xml.EndElement) (done bool, err error) {
	depth := len(c.open)
	if depth == 0 || c.open[depth-1] != t.Name {
		want := ""
		if depth > 0 {
			want = c.open[depth-1].Local
		}
		return false, &ledger.Problem{Key: "bank.err.nesting", Args: at(c.file, c.line(), want, t.Name.Local)}
	}
	c.open = c.open[:depth-1]
	switch {
	case depth == 1:
		return false, c.notCamt("Document/")
	case depth == 2:
		if c.stmts == 0 {
			return false, &ledger.Problem{Key: "bank.err.nostmt", Args: at(c.file, c.line(), c.stmt, t.Name.Local)}
		}
		return true, nil
	case depth == 3:
		c.in = false
		return false, nil
	case !c.in:
		return false, nil
	}
	err = c.leaf()
	c.text = c.text[:0]
	c.path = c.path[:c.marks[len(c.marks)-1]]
	c.marks = c.marks[:len(c.marks)-1]
	return false, err
}

// leaf stores the text of the element that ends, by its path below the statement.
// The text is made a string only for the elements kept.
func (c *camt) leaf() error {
	if c.e == nil {
		switch string(c.path) {
		case "Acct/Id/IBAN":
			c.acct.IBAN = c.textString()
		case "Acct/Id/Othr/Id":
			c.acct.Othr = c.textString()
		case "Acct/Ccy":
			c.acCcy = c.textString()
		}
		return nil
	}
	e := c.e
	if len(c.path) > len(txPath) && string(c.path[:len(txPath)]) == txPath {
		c.txLeaf(&e.TxDtls[len(e.TxDtls)-1], c.path[len(txPath):])
		return nil
	}
	switch string(c.path) {
	case "Ntry":
		c.e = nil
		return c.entry(e, c.row, c.acct.id(), c.acCcy)
	case "Ntry/NtryRef":
		e.NtryRef = c.textString()
	case "Ntry/Amt":
		e.Amt = &xAmt{Ccy: c.ccy, Value: c.textString()}
	case "Ntry/CdtDbtInd":
		e.CdtDbtInd = c.textString()
	case "Ntry/RvslInd":
		e.RvslInd = c.textString()
	case "Ntry/Sts", "Ntry/Sts/Cd", "Ntry/Sts/Prtry":
		if t := c.textString(); t != "" {
			e.Sts = t
		}
	case "Ntry/BookgDt/Dt":
		e.BookgDt.Dt = c.textString()
	case "Ntry/BookgDt/DtTm":
		e.BookgDt.DtTm = c.textString()
	case "Ntry/ValDt/Dt":
		e.ValDt.Dt = c.textString()
	case "Ntry/ValDt/DtTm":
		e.ValDt.DtTm = c.textString()
	case "Ntry/AcctSvcrRef":
		e.AcctSvcrRef = c.textString()
	case "Ntry/BkTxCd/Domn/Fmly/Cd":
		e.BkTxCd.Fmly = c.textString()
	case "Ntry/BkTxCd/Domn/Fmly/SubFmlyCd":
		e.BkTxCd.SubFmlyCd = c.textString()
	case "Ntry/BkTxCd/Prtry/Cd":
		e.BkTxCd.Prtry = c.textString()
	case "Ntry/AddtlNtryInf":
		e.AddtlNtryInf = c.textString()
	}
	return nil
}

// txLeaf stores the text of an element of a TxDtls, by its path below TxDtls.
func (c *camt) txLeaf(tx *xTx, p []byte) {
	switch string(p) {
	case "Refs/AcctSvcrRef":
		tx.AcctSvcrRef = c.textString()
	case "Refs/EndToEndId":
		tx.EndToEndID = c.textString()
	case "Refs/ChqNb":
		tx.ChqNb = c.textString()
	case "Amt":
		tx.Amt = &xAmt{Ccy: c.ccy, Value: c.textString()}
	case "AmtDtls/TxAmt/Amt":
		tx.TxAmt = &xAmt{Ccy: c.ccy, Value: c.textString()}
	case "CdtDbtInd":
		tx.CdtDbtInd = c.textString()
	case "BkTxCd/Domn/Fmly/Cd":
		tx.BkTxCd.Fmly = c.textString()
	case "BkTxCd/Domn/Fmly/SubFmlyCd":
		tx.BkTxCd.SubFmlyCd = c.textString()
	case "BkTxCd/Prtry/Cd":
		tx.BkTxCd.Prtry = c.textString()
	case "RltdPties/Dbtr/Nm":
		tx.Dbtr.Nm = c.textString()
	case "RltdPties/Dbtr/Pty/Nm":
		tx.Dbtr.PtyNm = c.textString()
	case "RltdPties/DbtrAcct/Id/IBAN":
		tx.DbtrAcct.IBAN = c.textString()
	case "RltdPties/DbtrAcct/Id/Othr/Id":
		tx.DbtrAcct.Othr = c.textString()
	case "RltdPties/UltmtDbtr/Nm":
		tx.UltmtDbtr.Nm = c.textString()
	case "RltdPties/UltmtDbtr/Pty/Nm":
		tx.UltmtDbtr.PtyNm = c.textString()
	case "RltdPties/Cdtr/Nm":
		tx.Cdtr.Nm = c.textString()
	case "RltdPties/Cdtr/Pty/Nm":
		tx.Cdtr.PtyNm = c.textString()
	case "RltdPties/CdtrAcct/Id/IBAN":
		tx.CdtrAcct.IBAN = c.textString()
	case "RltdPties/CdtrAcct/Id/Othr/Id":
		tx.CdtrAcct.Othr = c.textString()
	case "RmtInf/Ustrd":
		tx.Ustrd = append(tx.Ustrd, c.textString())
	case "RmtInf/Strd/RfrdDocInf/Nb", "RmtInf/Strd/CdtrRefInf/Ref":
		tx.Strd = append(tx.Strd, c.textString())
	case "AddtlTxInf":
		tx.AddtlTxInf = c.textString()
	}
}

// textString returns the text of the element that ends, without surrounding blanks.
func (c *camt) textString() string { return string(bytes.TrimSpace(c.text)) }

// notCamt is the Problem of an XML file that is not a camt message: found is the
// element found where Document/BkToCstmrStmt was expected.
func (c *camt) notCamt(found string) error {
	return &ledger.Problem{Key: "bank.err.notcamt", Args: at(c.file, c.line(), "Document", found)}
}

// truncated is the Problem of a file that ends inside an element: the value is the
// path of the elements left open.
func (c *camt) truncated() error {
	names := make([]string, len(c.open))
	for i, n := range c.open {
		names[i] = n.Local
	}
	return &ledger.Problem{Key: "bank.err.truncated", Args: at(c.file, c.line(), "", strings.Join(names, "/"))}
}

func (c *camt) line() int {
	l, _ := c.d.InputPos()
	return l
}

// xmlError turns a decoding error into a Problem: malformed XML with its line, or a
// file that could not be read.
func (c *camt) xmlError(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		if se.Msg == "unexpected EOF" {
			return c.truncated()
		}
		return &ledger.Problem{Key: "bank.err.xml", Args: at(c.file, se.Line, "", se.Msg)}
	}
	return &ledger.Problem{Key: "bank.err.open", Args: []string{"file", c.file}, Err: err}
}

// charsetReader decodes the few 8-bit encodings a bank's XML may declare.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1":
		return charmap.ISO8859_1.NewDecoder().Reader(in), nil
	case "iso-8859-15", "iso8859-15", "latin9":
		return charmap.ISO8859_15.NewDecoder().Reader(in), nil
	case "windows-1252", "cp1252":
		return charmap.Windows1252.NewDecoder().Reader(in), nil
	}
	return nil, fmt.Errorf("encoding %q not supported", label)
}
