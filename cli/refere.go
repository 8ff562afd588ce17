package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
	"relance/letters"
	"relance/letters/pdfdoc"
	"relance/letters/refere"
)

// runRefere prepares the référé-provision pack of a public buyer (desk
// .RefereProvisionPack): conditions, court, invoices, interest at ECB + 8 points fixed,
// €40 per invoice, facts, exhibits (text or JSON), and with --out the PDF dossier, in
// French whatever the language of the command line.
func runRefere(env *Env, args []string) error {
	fs := env.flags("refere")
	rf := env.reportFlags(fs, "text", "json")
	customer := fs.String("customer", "", "customer ID")
	out := fs.String("out", "", "PDF dossier to write (in French)")
	notice := fs.String("notice", "", "demand for payment sent outside Relance: YYYY-MM-DD[:REF]")
	paidLate := fs.Bool("paid-late", true, "also claim the interest and €40 of invoices paid late (--paid-late=false: leave them out)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("customer", *customer); err != nil {
		return err
	}
	opt := desk.RefereOptions{SkipPaidLate: !*paidLate}
	if *notice != "" {
		ds, ref, _ := strings.Cut(*notice, ":")
		d, err := env.date("notice", ds, ledger.NoDate)
		if err != nil {
			return err
		}
		opt.Notice = &law.NoticeRef{Date: d, Ref: ref}
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	p, err := ss.RefereProvisionPack(*customer, asOf, opt)
	if err != nil {
		return err
	}
	if *out != "" {
		var buf bytes.Buffer
		f := pdfdoc.NewFactory()
		defer f.Warn(env.Stderr, env.Lang) // characters replaced in the PDF
		if err := refere.Render(&buf, ss.Book, p, refere.Options{Factory: f}); err != nil {
			return err
		}
		if err := letters.WriteFile(*out, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
			return err
		}
		if env.Lang != refere.Lang {
			fmt.Fprintln(env.Stderr, i18n.T(env.Lang, "refere.cli.pdf_fr", "file", *out))
		}
	}
	if rf.Format() == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(p)
	}
	writeRefereText(env, p)
	return nil
}

func writeRefereText(env *Env, p *law.ReferePack) {
	l, w := env.Lang, env.Stdout
	note := func(n law.Note) string { return p.Text(n, l) }
	money := func(c ledger.Cents) string { return c.Format(l, p.Currency) }
	fmt.Fprintf(w, "%s\n\n", i18n.T(l, "refere.ui.title", "name", p.Name, "id", p.Customer))
	if p.Eligible {
		fmt.Fprintln(w, i18n.T(l, "refere.cli.verdict_ok"))
	} else {
		fmt.Fprintln(w, i18n.T(l, "refere.cli.verdict_no"))
	}
	for _, c := range p.Checks {
		fmt.Fprintf(w, "  [%s] %s\n", i18n.T(l, "refere.check.status."+string(c.Status)), note(c.Note))
	}
	kv := func(key, value string) {
		if strings.TrimSpace(value) == "" {
			value = i18n.T(l, "refere.ui.none")
		}
		fmt.Fprintln(w, i18n.T(l, "cli.kv", "name", i18n.T(l, key), "value", value))
	}
	fmt.Fprintln(w)
	kv("refere.ui.court", p.Court.Name(l)+" ("+p.Court.Rule+")")
	for _, v := range p.Court.Verify {
		fmt.Fprintln(w, "  * "+note(v))
	}
	kv("refere.ui.debtor", p.Debtor.Name+", "+p.Debtor.Address)
	kv("refere.ui.accountant", p.Debtor.Accountant)
	kv("refere.ui.contracts", strings.Join(p.Contracts, ", "))

	fmt.Fprintf(w, "\n%s\n", i18n.T(l, "refere.ui.h.lines"))
	for _, ln := range p.Lines {
		paid, remark, claimed := "", "", money(ln.ClaimLine.Claimed)
		if ln.Paid.Valid() {
			paid, claimed = "  "+i18n.T(l, "refere.ui.col.paid")+" "+law.FormatDate(l, ln.Paid), "—"
		}
		if ln.Excluded != "" {
			remark = "  [" + i18n.T(l, ln.Excluded) + "]"
		}
		fmt.Fprintf(w, "  %-14s %s %s  %s %s  %s %s  %s %s%s%s\n", ln.Number,
			i18n.T(l, "refere.ui.col.due"), law.FormatDate(l, ln.DueDate),
			i18n.T(l, "refere.ui.col.claimed"), claimed,
			i18n.T(l, "refere.ui.col.interest"), money(ln.Interest+ln.LegalInterest),
			i18n.T(l, "refere.ui.col.indemnity"), money(ln.Indemnity), paid, remark)
	}
	fmt.Fprintf(w, "\n%s\n", i18n.T(l, "refere.ui.h.totals"))
	for _, t := range p.Totals() {
		fmt.Fprintln(w, "  "+i18n.T(l, "cli.kv", "name", i18n.T(l, t.Key), "value", money(t.Amount)))
	}
	section := func(key string, ns []law.Note) {
		fmt.Fprintf(w, "\n%s\n", i18n.T(l, key))
		for _, n := range ns {
			fmt.Fprintln(w, "  "+note(n))
		}
	}
	section("refere.ui.h.facts", p.Facts)
	fmt.Fprintf(w, "\n%s\n", i18n.T(l, "refere.ui.h.documents"))
	for _, d := range p.Documents {
		fmt.Fprintf(w, "  %2d. %s — %s\n", d.N, p.DocText(d, l), i18n.T(l, "law.doc.status."+string(d.Status)))
	}
	section("refere.ui.h.after", p.After)
	fmt.Fprintln(w)
	for _, n := range p.Notes {
		fmt.Fprintln(w, "* "+note(n))
	}
}
