package cli

import (
	"bytes"
	"fmt"
	"os"
	"strconv"

	"relance/assets/i18n"
	"relance/letters/pdfdoc"
	"relance/letters/statement"
)

// runStatement writes the PDF statement of account of one customer (--customer ID
// --out FILE.pdf) or of every customer with overdue items (--all --out DIR, and
// --merged FILE.pdf for one print run).
func runStatement(env *Env, args []string) error {
	fs := env.flags("statement")
	rf := env.reportFlags(fs)
	customer := fs.String("customer", "", "customer ID")
	all := fs.Bool("all", false, "every customer with overdue items")
	out := fs.String("out", "", "PDF file (--customer) or directory (--all)")
	merged := fs.String("merged", "", "with --all: also one PDF with every statement, for printing")
	days := fs.Int("days", 90, "list the payments received in the last N days")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("out", *out); err != nil {
		return err
	}
	if (*customer == "") == !*all || (*merged != "" && !*all) {
		return &usageError{msg: i18n.T(env.Lang, "pdf.cli.one_of")}
	}
	if !*all {
		rf.customer = *customer // one account read, not the whole dossier
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	opt := statement.Options{PaymentDays: *days, Factory: pdfdoc.NewFactory()}
	defer opt.Factory.Warn(env.Stderr, env.Lang) // characters replaced in the PDFs
	if !*all {
		var buf bytes.Buffer
		if err := ss.Statement(&buf, *customer, asOf, opt); err != nil {
			return err
		}
		if err := os.WriteFile(*out, buf.Bytes(), 0o600); err != nil {
			return fmt.Errorf("statement: %w", err)
		}
		return nil
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("statement: %w", err)
	}
	opt.Merged = *merged
	files, err := ss.Statements(*out, asOf, opt)
	if err != nil {
		return err
	}
	n := len(files)
	if *merged != "" && n > 0 {
		n--
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, i18n.N(env.Lang, "pdf.cli.written", n), "count", strconv.Itoa(n), "dir", *out))
	if *merged != "" && n > 0 {
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "pdf.cli.merged", "file", *merged))
	}
	return nil
}
