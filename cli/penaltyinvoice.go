package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
	"relance/letters"
	"relance/letters/pdfdoc"
)

// penaltyInvoiceJSON is the JSON form of `relance penalty-invoice`: the penalty
// invoice (amounts as decimal strings, dates ISO), its notes in words and, once
// issued, its archive record and the file written.
type penaltyInvoiceJSON struct {
	*law.PenaltyInvoice
	Notes  []string `json:"notes"`
	Record string   `json:"record,omitempty"`
	SHA256 string   `json:"sha256,omitempty"`
	File   string   `json:"file,omitempty"`
}

// runPenaltyInvoice previews the penalty invoice of a customer (the invoices paid
// late, the interest on each amount for its own period, one indemnity per invoice),
// and with --out issues it: numbered, archived with an action in the customer's
// history, then written as a PDF (desk.Session.IssuePenaltyInvoice).
func runPenaltyInvoice(env *Env, args []string) (err error) {
	fs := env.flags("penalty-invoice")
	rf := env.reportFlags(fs, "text", "json")
	customer := fs.String("customer", "", "customer ID")
	from := fs.String("from", "", "payments dated from YYYY-MM-DD")
	to := fs.String("to", "", "payments dated up to YYYY-MM-DD")
	rate := fs.String("rate", "", "contractual penalty rate in % (B2B only); below the legal floor, the floor applies")
	basis := fs.String("basis", "365", "days per year: 365, 366 (366 for the days in a leap year) or 360")
	out := fs.String("out", "", "issue the penalty invoice, archive it and write its PDF (FILE.pdf)")
	by := fs.String("by", "", "with --out: who issues it (default: the dossier's signatory)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	l := env.Lang
	if err := env.required("db", *rf.db, "customer", *customer); err != nil {
		return err
	}
	if err := env.format(rf.Format(), "text", "json"); err != nil {
		return err
	}
	if *out != "" && !strings.EqualFold(filepath.Ext(*out), ".pdf") {
		return &usageError{msg: i18n.T(l, "law.cli.out_ext", "value", *out)}
	}
	req := desk.PenaltyInvoiceRequest{Customer: *customer}
	if req.AsOf, err = env.date("at", *rf.at, env.Today); err != nil {
		return err
	}
	if req.From, err = env.date("from", *from, ledger.NoDate); err != nil {
		return err
	}
	if req.To, err = env.date("to", *to, ledger.NoDate); err != nil {
		return err
	}
	if req.Basis, err = parseBasis(env, *basis); err != nil {
		return err
	}
	if req.ContractRate, err = parseContractRate(env, *rate); err != nil {
		return err
	}
	if *out == "" {
		ss, err := desk.OpenRead(*rf.db)
		if err != nil {
			return err
		}
		defer ss.Close()
		pi, err := ss.PenaltyInvoice(req)
		if err != nil {
			return err
		}
		return writePenaltyInvoice(env, rf.Format(), pi, nil, "")
	}
	ss, err := desk.OpenWrite(*rf.db)
	if err != nil {
		return err
	}
	defer env.closeWrite(ss, &err)
	who := strings.TrimSpace(*by)
	if who == "" {
		who = strings.TrimSpace(ss.Book.Settings.Signatory.Name)
	}
	if who == "" {
		return &usageError{msg: i18n.T(l, "cli.required", "flag", "--by")}
	}
	f := pdfdoc.NewFactory()
	defer f.Warn(env.Stderr, l) // characters replaced in the PDF
	res, err := ss.IssuePenaltyInvoice(req, who, time.Now(), f)
	if err != nil {
		return err
	}
	// Written once the archive's transaction has committed: no PDF of a penalty
	// invoice that was not archived.
	if err := letters.WriteFile(*out, func(w io.Writer) error { _, err := w.Write(res.PDF); return err }); err != nil {
		return err
	}
	return writePenaltyInvoice(env, rf.Format(), res.Invoice, res, *out)
}

// writePenaltyInvoice prints pi as text or JSON, and once issued its record.
func writePenaltyInvoice(env *Env, format string, pi *law.PenaltyInvoice, res *desk.PenaltyIssue, file string) error {
	l := env.Lang
	note := func(n law.Note) string { return law.FormatNote(n, l, pi.Currency) }
	if format == "json" {
		doc := penaltyInvoiceJSON{PenaltyInvoice: pi, Notes: []string{}, File: file}
		if pi.Decompte != nil {
			for _, n := range pi.Decompte.Notes {
				doc.Notes = append(doc.Notes, note(n))
			}
		}
		for _, n := range pi.Left {
			doc.Notes = append(doc.Notes, note(n))
		}
		if res != nil {
			doc.Record, doc.SHA256 = res.Record.ID, res.Record.PDFHash
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	}
	w := env.Stdout
	title := i18n.T(l, "penaltyinv.title")
	if pi.Number != "" {
		title = i18n.T(l, "penaltyinv.subject", "number", pi.Number)
	}
	fmt.Fprintf(w, "%s — %s (%s), %s\n\n", title, pi.Name, pi.Customer, pdfdoc.FormatDate(l, pi.Date))
	if pi.Empty() {
		fmt.Fprintln(w, i18n.T(l, "penaltyinv.cli.nothing", "customer", pi.Name, "date", pdfdoc.FormatDate(l, pi.Date)))
		for _, n := range pi.Left {
			fmt.Fprintln(w, "* "+note(n))
		}
		return nil
	}
	money := func(c ledger.Cents) string { return c.Format(l, pi.Currency) }
	tab := newTable(i18n.T(l, "penaltyinv.col.invoice"), i18n.T(l, "penaltyinv.col.due"), i18n.T(l, "penaltyinv.col.paid_on"),
		i18n.T(l, "penaltyinv.col.paid"), i18n.T(l, "penaltyinv.col.days"), i18n.T(l, "penaltyinv.col.interest"),
		i18n.T(l, "penaltyinv.col.indemnity")).alignRight(3, 4, 5, 6)
	for _, b := range pi.Invoices {
		for i, p := range b.Payments {
			days := strconv.Itoa(p.Date.DaysSince(b.Start))
			if i == 0 {
				tab.add(b.Number, pdfdoc.FormatDate(l, b.Due), pdfdoc.FormatDate(l, p.Date), money(p.Amount), days,
					money(b.Interest), money(b.Indemnity))
				continue
			}
			tab.add("", "", pdfdoc.FormatDate(l, p.Date), money(p.Amount), days, "", "")
		}
	}
	if err := tab.write(w); err != nil {
		return err
	}
	fmt.Fprintln(w)
	lines := newTable(i18n.T(l, "law.col.invoice"), i18n.T(l, "law.col.from"), i18n.T(l, "law.col.to"), i18n.T(l, "law.col.days"),
		i18n.T(l, "law.col.rate"), i18n.T(l, "law.col.base"), i18n.T(l, "law.col.interest"), i18n.T(l, "law.col.rule")).alignRight(3, 4, 5, 6)
	for _, ln := range pi.Decompte.Lines {
		lines.add(ln.Invoice, pdfdoc.FormatDate(l, ln.From), pdfdoc.FormatDate(l, ln.To), strconv.Itoa(ln.Days),
			law.PercentText(l, ln.Rate.Rate)+ln.Rate.EntryMark(), money(ln.Base), money(ln.Interest), ln.Rate.Rule)
	}
	if err := lines.write(w); err != nil {
		return err
	}
	fmt.Fprintln(w)
	for _, kv := range [][2]string{
		{i18n.T(l, "penaltyinv.pdf.sum.interest"), money(pi.Interest)},
		{i18n.T(l, "penaltyinv.pdf.sum.indemnity", "n", strconv.Itoa(countIndemnities(pi))), money(pi.Indemnity)},
		{i18n.T(l, "penaltyinv.pdf.sum.total"), money(pi.Total)},
	} {
		fmt.Fprintln(w, i18n.T(l, "cli.kv", "name", kv[0], "value", kv[1]))
	}
	fmt.Fprintln(w)
	for _, n := range pi.Decompte.Notes {
		fmt.Fprintln(w, "* "+note(n))
	}
	for _, n := range pi.Left {
		fmt.Fprintln(w, "* "+note(n))
	}
	fmt.Fprintln(w)
	if res == nil {
		fmt.Fprintln(w, i18n.T(l, "penaltyinv.cli.preview"))
		return nil
	}
	fmt.Fprintln(w, i18n.T(l, "penaltyinv.cli.issued", "number", pi.Number, "id", res.Record.ID, "hash", res.Record.PDFHash, "file", file))
	return nil
}

func countIndemnities(pi *law.PenaltyInvoice) int {
	n := 0
	for _, b := range pi.Invoices {
		if b.Indemnity > 0 {
			n++
		}
	}
	return n
}
