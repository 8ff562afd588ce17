package cli

import (
	"bytes"
	"fmt"
	"os"

	"relance/assets/i18n"
	"relance/letters/callsheet"
	"relance/letters/pdfdoc"
)

// runCallsheet writes a customer's call sheet as PDF (`relance callsheet`).
func runCallsheet(env *Env, args []string) error {
	fs := env.flags("callsheet")
	rf := env.reportFlags(fs)
	cust := fs.String("customer", "", "customer ID")
	out := fs.String("out", "", "PDF file to write")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("customer", *cust, "out", *out); err != nil {
		return err
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	if _, err := account(ss.Book, *cust); err != nil {
		return err
	}
	ag, err := ss.Agenda(asOf, false, nil)
	if err != nil {
		return err
	}
	sheet, err := ss.CallSheet(*cust, asOf, ag.Agenda, ag.Records)
	if err != nil {
		return err
	}
	sheet.Lang = env.Lang
	var buf bytes.Buffer
	f := pdfdoc.NewFactory()
	defer f.Warn(env.Stderr, env.Lang) // characters replaced in the PDF
	if err := callsheet.Render(&buf, sheet, callsheet.Options{Factory: f}); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o600); err != nil {
		return fmt.Errorf("write %s: %w", *out, err)
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "dunning.cli.callsheet_done", "file", *out))
	return nil
}
