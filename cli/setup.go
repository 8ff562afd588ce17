package cli

import (
	"encoding/json"
	"fmt"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
)

// dateText writes d as the user reads it: DD/MM/YYYY in French.
func dateText(lang string, d ledger.Date) string {
	if lang == "fr" {
		return d.French()
	}
	return d.String()
}

// runSetup is `relance setup`: what the dossier still lacks for its letters
// (desk.Readiness, the same list as the dashboard's « à compléter » card), each line
// with the command that completes it.
func runSetup(env *Env, args []string) error {
	fs := env.flags("setup")
	db := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "as-of date (default today)")
	format := fs.String("format", "text", "text or json")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *db); err != nil {
		return err
	}
	asOf, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	if err := env.format(*format, "text", "json"); err != nil {
		return err
	}
	ss, err := desk.OpenRead(*db)
	if err != nil {
		return err
	}
	defer ss.Close()
	r := ss.Readiness(asOf)
	if *format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		// The half-year as "2026-H2", not law.Half's {Year, H}: snake_case keys only.
		return enc.Encode(struct {
			desk.Readiness
			Half string `json:"half"`
		}{r, r.Half.String()})
	}
	T := func(k string, a ...string) string { return i18n.T(env.Lang, k, a...) }
	var lines []string
	if r.Customers == 0 {
		lines = append(lines, T("cli.setup.empty", "db", *db))
	}
	if len(r.CompanyMissing) > 0 {
		var names []string
		for _, f := range r.CompanyMissing {
			names = append(names, T("ui.ready.company."+f))
		}
		lines = append(lines, T("ui.ready.company", "fields", strings.Join(names, ", "))+" "+T("cli.setup.company", "db", *db))
	}
	if len(r.SignatoryMissing) > 0 {
		var names []string
		for _, f := range r.SignatoryMissing {
			names = append(names, T("ui.ready.signatory."+f))
		}
		lines = append(lines, T("ui.ready.signatory", "fields", strings.Join(names, ", "))+" "+T("cli.setup.signatory", "db", *db))
	}
	if n := len(r.NoAddress); n > 0 {
		var names []string
		for _, c := range r.NoAddress {
			names = append(names, c.ID+" "+c.Name)
		}
		lines = append(lines, T(r.AddressesKey(env.Lang), "n", fmt.Sprint(n), "overdue", fmt.Sprint(r.Overdue), "names", strings.Join(names, ", "))+
			" "+T("cli.setup.addresses", "db", *db, "id", r.NoAddress[0].ID))
	}
	if n := len(r.NoCivility); n > 0 {
		var names []string
		for _, c := range r.NoCivility {
			names = append(names, c.ID+" "+c.Name)
		}
		lines = append(lines, T(i18n.N(env.Lang, "ui.ready.civility", n), "n", fmt.Sprint(n), "names", strings.Join(names, ", "))+
			" "+T("cli.setup.civility", "db", *db, "id", r.NoCivility[0].ID))
	}
	if len(r.MissingRates) > 0 {
		var kinds []string
		for _, k := range r.MissingRates {
			kinds = append(kinds, law.RateKindText(env.Lang, k))
		}
		lines = append(lines, T("cli.setup.rates", "half", law.HalfText(env.Lang, r.Half), "rates", strings.Join(kinds, ", "),
			"date", dateText(env.Lang, r.Half.Start()), "db", *db))
	}
	if len(lines) == 0 {
		lines = append(lines, T("cli.setup.ready"))
	}
	for _, l := range lines {
		if _, err := fmt.Fprintln(env.Stdout, "- "+l); err != nil {
			return err
		}
	}
	return nil
}
