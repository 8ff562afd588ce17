package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/latereport"
	"relance/ledger/payment"
	"relance/letters"
	"relance/letters/latereportpdf"
	"relance/letters/pdfdoc"
)

// lateReportJSON is the JSON form of the payment-terms table; amounts are decimal strings.
type lateReportJSON struct {
	Closing   string `json:"closing"`
	YearStart string `json:"year_start"`
	Currency  string `json:"currency"`
	Basis     string `json:"basis"` // "TTC": amounts incl. VAT
	// Brackets are section (A), Total its sum; share is a percentage of the turnover with
	// two decimals ("5.71"), empty when the turnover is unknown.
	Brackets       []lateCellJSON `json:"brackets"`
	Total          lateCellJSON   `json:"total"`
	Excluded       lateCellJSON   `json:"excluded"`
	Turnover       string         `json:"turnover,omitempty"`
	TurnoverSource string         `json:"turnover_source"` // book, given or unknown
	Terms          lateTermsJSON  `json:"terms"`
	OtherOverdue   lateCellJSON   `json:"other_overdue"` // past-due debits that are not invoices
	Notes          []string       `json:"notes"`
}

type lateCellJSON struct {
	Bracket  string `json:"bracket,omitempty"`
	From     int    `json:"from,omitempty"`
	To       int    `json:"to,omitempty"` // 0: and more
	Invoices int    `json:"invoices"`
	Amount   string `json:"amount"`
	Share    string `json:"share,omitempty"`
}

type lateTermsJSON struct {
	Reference   string               `json:"reference"` // "contractual"
	Default     string               `json:"default"`   // as ParseTerms reads it: "30", "45fdm", "fdm+45"
	Specific    []lateTermsCountJSON `json:"specific"`
	OverCap     int                  `json:"over_legal_cap"`
	Contractual string               `json:"contractual"`
	Legal       string               `json:"legal"`
}

type lateTermsCountJSON struct {
	Terms     string `json:"terms"`
	Customers int    `json:"customers"`
}

func runLateReport(env *Env, args []string) error {
	fs := env.flags("late-report")
	db := fs.String("db", "", "dossier file")
	closingFlag := fs.String("closing", "", "closing date of the financial year, YYYY-MM-DD")
	startFlag := fs.String("year-start", "", "first day of the financial year, YYYY-MM-DD (default: twelve months before the closing)")
	turnoverFlag := fs.String("turnover", "", "the year's turnover incl. VAT (default: from the ledger)")
	format := fs.String("format", "text", "text or json")
	pdfPath := fs.String("pdf", "", "also write the table as PDF to this file")
	xlsxPath := fs.String("xlsx", "", "also write the table as XLSX to this file")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *db, "closing", *closingFlag); err != nil {
		return err
	}
	if err := env.format(*format, "text", "json"); err != nil {
		return err
	}
	closing, err := env.date("closing", *closingFlag, ledger.NoDate)
	if err != nil {
		return err
	}
	start, err := env.date("year-start", *startFlag, ledger.NoDate)
	if err != nil {
		return err
	}
	var turnover ledger.Cents
	if *turnoverFlag != "" {
		turnover, err = payment.ParseAmount(*turnoverFlag)
		if err != nil || turnover <= 0 {
			return &usageError{msg: i18n.T(env.Lang, "latereport.cli.turnover", "value", *turnoverFlag)}
		}
	}
	ss, err := desk.OpenRead(*db)
	if err != nil {
		return err
	}
	defer ss.Close()
	r, err := ss.LateReport(latereport.Options{Closing: closing, YearStart: start, Turnover: turnover})
	if err != nil {
		return err
	}
	l := env.Lang
	if *pdfPath != "" {
		f := pdfdoc.NewFactory()
		err := letters.WriteFile(*pdfPath, func(w io.Writer) error {
			return latereportpdf.Render(w, ss.Book.Settings, r, latereportpdf.Options{Lang: l, Factory: f})
		})
		if err != nil {
			return err
		}
		f.Warn(env.Stderr, l)
		fmt.Fprintln(env.Stderr, i18n.T(l, "latereport.cli.written", "file", *pdfPath))
	}
	if *xlsxPath != "" {
		if err := letters.WriteFile(*xlsxPath, func(w io.Writer) error { return latereport.WriteXLSX(w, r, l, ss.Book.Settings.Company.Name) }); err != nil {
			return err
		}
		fmt.Fprintln(env.Stderr, i18n.T(l, "latereport.cli.written", "file", *xlsxPath))
	}
	if *format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(lateReportDoc(r, l))
	}
	if err := writeLateReport(env.Stdout, r, l); err != nil {
		return err
	}
	if !r.HasTurnover() {
		fmt.Fprintln(env.Stderr, i18n.T(l, "latereport.cli.turnover_hint"))
	}
	return nil
}

// lateReportDoc is the table as JSON.
func lateReportDoc(r *latereport.Report, l string) lateReportJSON {
	share := func(c ledger.Cents) string {
		h, ok := r.Share(c)
		if !ok {
			return ""
		}
		return ledger.Cents(h).String() // hundredths of a percent, written like an amount: "5.71"
	}
	cell := func(c latereport.Cell, withShare bool) lateCellJSON {
		j := lateCellJSON{Invoices: c.Count, Amount: c.Amount.String()}
		if withShare {
			j.Share = share(c.Amount)
		}
		return j
	}
	doc := lateReportJSON{Closing: r.Closing.String(), YearStart: r.YearStart.String(), Currency: r.Currency, Basis: "TTC",
		Total: cell(r.Total, true), Excluded: cell(r.Excluded, false), TurnoverSource: string(r.TurnoverSource),
		OtherOverdue: lateCellJSON{Invoices: r.OtherCount, Amount: r.Other.String()}, Notes: r.Notes(l),
		Terms: lateTermsJSON{Reference: "contractual", Default: r.Terms.Default.String(), Specific: []lateTermsCountJSON{},
			OverCap: r.Terms.OverCap, Contractual: r.Contractual(l), Legal: r.Legal(l)}}
	for i, b := range latereport.Brackets() {
		c := cell(r.Late[i], true)
		c.Bracket, c.From, c.To = b.Label(), b.From, b.To
		doc.Brackets = append(doc.Brackets, c)
	}
	if r.HasTurnover() {
		doc.Turnover = r.Turnover.String()
	}
	for _, tc := range r.Terms.Specific {
		doc.Terms.Specific = append(doc.Terms.Specific, lateTermsCountJSON{Terms: tc.Terms.String(), Customers: tc.Customers})
	}
	return doc
}

// writeLateReport prints the table as the model lays it out: one column per bracket and
// the total, rows (A), then (B), (C) and the notes.
func writeLateReport(w io.Writer, r *latereport.Report, l string) error {
	lb := latereport.LabelsFor(l)
	n := len(latereport.Brackets())
	fmt.Fprintln(w, latereport.Title(l))
	fmt.Fprintln(w, r.Subtitle(l))
	fmt.Fprintln(w)
	tab := newTable(append([]string{lb.SectionA}, lb.Columns...)...)
	for i := 1; i <= n+1; i++ {
		tab.alignRight(i)
	}
	row := func(name string, f func(c latereport.Cell) string) {
		cells := []string{"  " + name}
		for i := 0; i < n; i++ {
			cells = append(cells, f(r.Late[i]))
		}
		tab.add(append(cells, f(r.Total))...)
	}
	row(lb.Count, func(c latereport.Cell) string { return strconv.Itoa(c.Count) })
	row(lb.Amount, func(c latereport.Cell) string { return r.AmountText(l, c.Amount) })
	row(lb.Share, func(c latereport.Cell) string { return r.ShareText(l, c.Amount) })
	if err := tab.write(w); err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, lb.SectionB)
	pair := func(label, value string) {
		fmt.Fprintln(w, "  "+i18n.T(l, "latereport.pair", "label", label, "value", value))
	}
	pair(lb.ExclCount, strconv.Itoa(r.Excluded.Count))
	pair(lb.ExclAmount, r.AmountText(l, r.Excluded.Amount))
	fmt.Fprintln(w)
	fmt.Fprintln(w, lb.SectionC)
	pair(lb.Contractual, r.Contractual(l))
	pair(lb.Legal, r.Legal(l))
	fmt.Fprintln(w)
	for _, note := range r.Notes(l) {
		fmt.Fprintln(w, note)
	}
	return nil
}
