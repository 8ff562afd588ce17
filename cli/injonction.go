package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/law"
	"relance/letters"
	"relance/letters/injonction"
	"relance/letters/pdfdoc"
)

// runInjonction prepares the injonction de payer pack of a customer: eligibility,
// court, the request's data, décompte, bordereau and costs (text or JSON), and with
// --out the PDF dossier.
func runInjonction(env *Env, args []string) error {
	fs := env.flags("injonction")
	rf := env.reportFlags(fs, "text", "json")
	customer := fs.String("customer", "", "customer ID")
	out := fs.String("out", "", "PDF dossier to write")
	notice := fs.String("notice", "", "formal notice sent outside Relance: YYYY-MM-DD[:REF]")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("customer", *customer); err != nil {
		return err
	}
	var nref *law.NoticeRef
	if *notice != "" {
		ds, ref, _ := strings.Cut(*notice, ":")
		d, err := env.date("notice", ds, ledger.NoDate)
		if err != nil {
			return err
		}
		nref = &law.NoticeRef{Date: d, Ref: ref}
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	book := ss.Book
	if acc := book.Account(*customer); acc != nil && acc.Customer.Kind == ledger.PublicBody {
		// No injonction de payer against a public person: the référé-provision instead.
		return &usageError{msg: i18n.T(env.Lang, "refere.cli.injonction_public", "name", acc.Customer.Name,
			"id", acc.Customer.ID, "db", *rf.db)}
	}
	p, err := ss.InjonctionPack(*customer, asOf, nref)
	if err != nil {
		return err
	}
	if *out != "" {
		var buf bytes.Buffer
		f := pdfdoc.NewFactory()
		defer f.Warn(env.Stderr, env.Lang) // characters replaced in the PDF
		if err := injonction.Render(&buf, book, p, env.Lang, injonction.Options{Factory: f}); err != nil {
			return err
		}
		if err := letters.WriteFile(*out, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
			return err
		}
	}
	if rf.Format() == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(p)
	}
	return writeInjonctionText(env, p)
}

func writeInjonctionText(env *Env, p *law.IPPack) error {
	l := env.Lang
	w := env.Stdout
	note := func(n law.Note) string { return law.FormatNote(n, l, p.Currency) }
	fmt.Fprintf(w, "%s — %s (%s)\n\n", i18n.T(l, "ip.pdf.title"), p.Name, p.Customer)
	verdict := i18n.T(l, "ip.pdf.eligible")
	if !p.Eligibility.Eligible {
		verdict = i18n.T(l, "ip.pdf.not_eligible", "route", note(law.Note{Key: "law.route." + string(p.Eligibility.Route)}))
	}
	fmt.Fprintln(w, verdict)
	for _, c := range p.Eligibility.Checks {
		mark := i18n.T(l, "ip.pdf.yes")
		if !c.OK {
			mark = i18n.T(l, "ip.pdf.no")
		}
		fmt.Fprintf(w, "  [%s] %s\n", mark, note(c.Note))
	}
	for _, r := range p.Eligibility.Alternatives {
		fmt.Fprintf(w, "  %s\n", i18n.T(l, "ip.pdf.alternative", "route", note(law.Note{Key: "law.route." + string(r)})))
	}
	fmt.Fprintf(w, "\n%s: %s — %s (%s)\n", i18n.T(l, "ip.pdf.court"), p.Court.Name(l), p.Court.FormName(l), p.Court.Rule)
	section := ""
	for _, f := range p.Form {
		if f.Section != section {
			section = f.Section
			fmt.Fprintf(w, "\n%s\n", i18n.T(l, section))
		}
		fmt.Fprintf(w, "  %s: %s\n", i18n.T(l, f.Label), f.Value(l, p.Currency))
	}
	for _, f := range p.European {
		fmt.Fprintf(w, "  [%s] %s: %s\n", i18n.T(l, f.Section), i18n.T(l, f.Label), f.Value(l, p.Currency))
	}
	fmt.Fprintf(w, "\n%s\n", i18n.T(l, "ip.pdf.h.bordereau"))
	for _, d := range p.Documents {
		fmt.Fprintf(w, "  %2d. %s — %s\n", d.N, d.Text(l, p.Currency), i18n.T(l, "law.doc.status."+string(d.Status)))
	}
	writeProofWarnings(w, l, p.Currency, p.ProofWarnings) // pieces of proof missing or not recorded (proof.go)
	fmt.Fprintf(w, "\n%s\n", i18n.T(l, "ip.pdf.h.costs"))
	for _, c := range p.Costs {
		fmt.Fprintf(w, "  %s: %s\n", i18n.T(l, c.Key), c.AmountText(l, p.Currency))
	}
	fmt.Fprintf(w, "  %s: %s\n\n", i18n.T(l, "ip.pdf.cost_total"), p.CostTotal.Format(l, p.Currency))
	fmt.Fprintln(w, i18n.T(l, "cli.kv", "name", i18n.T(l, "ip.pdf.sum.principal"), "value", p.Principal.Format(l, p.Currency)))
	fmt.Fprintln(w, i18n.T(l, "cli.kv", "name", i18n.T(l, "ip.pdf.sum.total"), "value", p.Total.Format(l, p.Currency)))
	for _, n := range p.Notes {
		fmt.Fprintln(w, "* "+note(n))
	}
	return nil
}
