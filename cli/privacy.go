package cli

import (
	"encoding/json"
	"fmt"
	"io"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger/privacy"
	"relance/letters"
)

// runExportCustomer writes everything the dossier holds about one customer as JSON
// (subject-access and portability requests, GDPR art. 15 and 20).
func runExportCustomer(env *Env, args []string) error {
	fs := env.flags("export-customer")
	rf := env.reportFlags(fs)
	id := fs.String("customer", "", "customer ID")
	out := fs.String("out", "", "JSON file to write (default: standard output)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("customer", *id); err != nil {
		return err
	}
	rf.customer = *id // one account read, not the whole dossier
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	e, err := ss.ExportCustomer(*id, asOf)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			*privacy.Export
			Judgments []judgmentJSON `json:"judgments"`
		}{e, judgmentsJSON(e.Judgments)})
	}
	if *out == "" {
		return write(env.Stdout)
	}
	if err := letters.WriteFile(*out, write); err != nil {
		return err
	}
	fmt.Fprintln(env.Stderr, i18n.T(env.Lang, "credit.cli.written", "file", *out))
	return nil
}

// runEraseCustomer erases a consumer's personal data, keeping the accounting figures,
// in one transaction, and records it in the customer's notes (GDPR art. 17).
func runEraseCustomer(env *Env, args []string) error {
	fs := env.flags("erase-customer")
	dbPath := fs.String("db", "", "dossier file")
	id := fs.String("customer", "", "customer ID (a consumer)")
	by := fs.String("by", "", "who (default: the dossier's signatory)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	for _, f := range [][2]string{{"db", *dbPath}, {"customer", *id}} {
		if err := env.required(f[0], f[1]); err != nil {
			return err
		}
	}
	e, err := desk.EraseCustomerFile(*dbPath, *id, env.Today, *by, env.Lang)
	if e == nil {
		return err
	}
	for _, line := range e.Lines(env.Lang) {
		fmt.Fprintln(env.Stdout, line)
	}
	return err
}
