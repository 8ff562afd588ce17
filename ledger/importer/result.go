package importer

import (
	"fmt"
	"io"
	"strconv"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/importer/fec"
	"relance/ledger/importer/report"
	"relance/ledger/payment"
)

// Report is what an import found and did, for the screen, the CLI and tests.
type Report struct {
	File   string `json:"file"`
	Format Format `json:"format"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
	// FEC only: the dialect and layout read, the number of data lines, the file's
	// totals and the balance of its receivable accounts (Σ debit − Σ credit).
	Dialect           *fec.Dialect `json:"dialect,omitempty"`
	Layout            fec.Layout   `json:"layout,omitempty"`
	Lines             int          `json:"lines"`
	Debit             ledger.Cents `json:"debit"`
	Credit            ledger.Cents `json:"credit"`
	ReceivableBalance ledger.Cents `json:"receivable_balance"`
	// From and To bound the entry dates (FEC) or the document dates (CSV/XLSX).
	From ledger.Date `json:"from,omitempty"`
	To   ledger.Date `json:"to,omitempty"`
	// Customers and items the file brings; Receivables = Σ open amounts.
	Customers    int `json:"customers"`
	NewCustomers int `json:"new_customers"` // set by Apply
	// Applied is set once Apply has run (NewCustomers is known only then).
	Applied       bool         `json:"applied"`
	Items         int          `json:"items"`
	OpenItems     int          `json:"open_items"`
	Receivables   ledger.Cents `json:"receivables"`
	FIFOCustomers int          `json:"fifo_customers"`
	// Payments recorded by hand (set by Apply): the ones this file brings, superseded by
	// its items so that they are not counted twice, and the ones dated within its
	// period that it does not bring, still applied (the person keeps or reverses them).
	PaymentsBrought  []payment.Pairing `json:"payments_brought,omitempty"`
	PaymentsUnpaired []payment.Payment `json:"payments_unpaired,omitempty"`
	// AlreadyImported: the same content was imported before; nothing was written.
	AlreadyImported bool `json:"already_imported"`
	// Fatal: the file cannot be imported; nothing was written.
	Fatal  bool           `json:"fatal"`
	Issues []report.Issue `json:"issues"` // capped examples per kind
	Counts []report.Count `json:"counts"` // every finding counted per kind
}

// Count returns the number of findings of severity sev.
func (r *Report) Count(sev report.Severity) int {
	n := 0
	for _, c := range r.Counts {
		if c.Severity == sev {
			n += c.N
		}
	}
	return n
}

// Summary returns the report's key figures as lines of text in lang.
func (r *Report) Summary(lang, currency string) []string {
	T := func(key string, args ...string) string { return i18n.T(lang, key, args...) }
	var out []string
	out = append(out, T("import.sum.file", "file", r.File, "format", string(r.Format), "sha", short(r.SHA256)))
	if r.Dialect != nil {
		out = append(out, T("import.sum.dialect", "encoding", r.Dialect.Encoding.String(), "sep", r.Dialect.SepName(),
			"eol", string(r.Dialect.EOL), "layout", string(r.Layout), "lines", strconv.Itoa(r.Lines)))
		out = append(out, T("import.sum.totals", "debit", r.Debit.Format(lang, currency), "credit", r.Credit.Format(lang, currency),
			"balance", r.ReceivableBalance.Format(lang, currency)))
	}
	if r.From.Valid() {
		out = append(out, T("import.sum.period", "from", dateText(lang, r.From), "to", dateText(lang, r.To)))
	}
	if r.Applied {
		out = append(out, T("import.sum.customers", "customers", strconv.Itoa(r.Customers), "new", strconv.Itoa(r.NewCustomers)))
	} else {
		out = append(out, T("import.sum.customers_found", "customers", strconv.Itoa(r.Customers)))
	}
	out = append(out, T("import.sum.items", "items", strconv.Itoa(r.Items), "open", strconv.Itoa(r.OpenItems),
		"total", r.Receivables.Format(lang, currency)))
	if r.FIFOCustomers > 0 {
		out = append(out, T(i18n.N(lang, "import.sum.fifo", r.FIFOCustomers), "count", strconv.Itoa(r.FIFOCustomers)))
	}
	if n := len(r.PaymentsBrought); n > 0 {
		out = append(out, T("payment.import.brought", "count", strconv.Itoa(n)))
	}
	for _, p := range r.PaymentsUnpaired {
		out = append(out, T("payment.import.unpaired", "id", p.ID, "customer", p.Customer, "amount", p.Amount.Format(lang, currency),
			"date", dateText(lang, p.Date)))
	}
	out = append(out, T("import.sum.findings", "fatal", strconv.Itoa(r.Count(report.Fatal)), "errors", strconv.Itoa(r.Count(report.Error)),
		"warnings", strconv.Itoa(r.Count(report.Warning))))
	switch {
	case r.Fatal:
		out = append(out, T("import.sum.nothing"))
	case r.AlreadyImported:
		out = append(out, T("import.sum.already"))
	}
	return out
}

func dateText(lang string, d ledger.Date) string {
	if lang == "en" {
		return d.String()
	}
	return d.French()
}

func short(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}

// Render writes the summary, the count of every kind of finding and the kept
// examples, in lang.
func (r *Report) Render(w io.Writer, lang, currency string) error {
	for _, l := range r.Summary(lang, currency) {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return err
		}
	}
	for _, c := range r.Counts {
		if c.Severity == report.Info {
			continue
		}
		msg := i18n.T(lang, c.Key+".title")
		if _, err := fmt.Fprintf(w, "  %s × %d: %s\n", c.Severity.Label(lang), c.N, msg); err != nil {
			return err
		}
		for _, is := range r.Issues {
			if is.Key == c.Key {
				if _, err := fmt.Fprintf(w, "    %s\n", is.Localize(lang)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// MaxIDLen is the longest customer ID, and the longest document number or journal code
// (the parts of an item ID), accepted by an import, in bytes as read. Longer values are
// fatal findings: a customer ID is a key of the dossier's database (bbolt refuses keys
// over 32 KiB), and no accounting code or invoice number is anywhere near 200 bytes.
const MaxIDLen = 200

// clipLen is how many characters of a value too long are shown.
const clipLen = 40

// tooLong reports a value longer than MaxIDLen, showing its first clipLen characters.
func tooLong(rep *report.Collector, file string, line int, fld, text string, n int) {
	if r := []rune(text); len(r) > clipLen {
		text = string(r[:clipLen]) + "…"
	}
	rep.Addf(report.Fatal, "import.issue.toolong", file, line, fld, text,
		"length", strconv.Itoa(n), "max", strconv.Itoa(MaxIDLen))
}
