package cli

import (
	"encoding/json"
	"fmt"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger/law"
)

// runRates is `relance rates`: the half-years of rates a dossier adds to the embedded
// tables (list), a half-year's published rates recorded (add), a rates file read into
// the dossier (import, ratesimport.go).
func runRates(env *Env, args []string) error {
	sub := "list"
	if len(args) > 0 && (args[0] == "list" || args[0] == "add" || args[0] == "import") {
		sub, args = args[0], args[1:]
	}
	fs := env.flags("rates " + sub)
	db := fs.String("db", "", "dossier file")
	format := fs.String("format", "table", "list, import: table or json")
	half := fs.String("half", "", "add: the half-year, YYYY-H1 or YYYY-H2")
	ecb := fs.String("ecb", "", "add: ECB MRO rate (%) in force on the half-year's first day")
	private := fs.String("legal-private", "", "add: legal interest rate (%), creditor a private person")
	other := fs.String("legal-other", "", "add: legal interest rate (%), all other cases")
	boe := fs.String("boe", "", "add: Bank of England base rate (%) on the reference day before the half-year")
	source := fs.String("source", "", "add: where the rates were published (e.g. \"arrêté du 18 juin 2026, JORF 26/06/2026\")")
	replace := fs.Bool("replace", false, "add, import: replace a half-year already recorded")
	if err := env.parse(fs, args, sub == "import"); err != nil {
		return err
	}
	if err := env.required("db", *db); err != nil {
		return err
	}
	l := env.Lang
	switch sub {
	case "import":
		return runRatesImport(env, *db, fs.Args(), *format, *replace)
	case "add":
		if err := env.required("half", *half); err != nil {
			return err
		}
		hr, err := law.ParseHalfYearRates(*half, *ecb, *private, *other, *boe, *source)
		if err != nil {
			return err
		}
		if err := env.withWrite(*db, func(ss *desk.Session) error { return ss.AddHalfYearRates(hr, env.Today, *replace) }); err != nil {
			return err
		}
		_, err = fmt.Fprintln(env.Stdout, i18n.T(l, "law.cli.rates_added", "half", law.HalfText(l, hr.Half), "file", *db))
		return err
	}
	return listRates(env, *db, *format)
}

// listRates prints the half-years recorded in the dossier, with their source and the
// day they were entered, after the shipped tables' coverage.
func listRates(env *Env, db, format string) error {
	l := env.Lang
	if err := env.format(format, "table", "json"); err != nil {
		return err
	}
	ss, err := desk.OpenRead(db)
	if err != nil {
		return err
	}
	defer ss.Close()
	recorded, err := ss.HalfYearRates()
	if err != nil {
		return err
	}
	base, err := law.DefaultRates()
	if err != nil {
		return err
	}
	_, ecbTo := base.ECBRateCoverage()
	_, legalTo := base.LegalCoverage()
	str := func(d interface{ String() string }, valid bool) string {
		if !valid {
			return ""
		}
		return d.String()
	}
	if format == "json" {
		type row struct {
			Half         string `json:"half"`
			ECB          string `json:"ecb,omitempty"` // a rate the half does not record is left out
			LegalPrivate string `json:"legal_private,omitempty"`
			LegalOther   string `json:"legal_other,omitempty"`
			BoE          string `json:"boe,omitempty"`
			Source       string `json:"source,omitempty"`
			Entered      string `json:"entered,omitempty"` // records older than the field have none
			Assumed      bool   `json:"assumed"`
		}
		out := struct {
			EmbeddedECBTo   string `json:"embedded_ecb_to"`
			EmbeddedLegalTo string `json:"embedded_legal_to"`
			Recorded        []row  `json:"recorded"`
		}{ecbTo.String(), legalTo.String(), []row{}}
		for _, h := range recorded {
			out.Recorded = append(out.Recorded, row{h.Half.String(), str(h.ECB.Decimal, h.ECB.Valid),
				str(h.LegalPrivate.Decimal, h.LegalPrivate.Valid), str(h.LegalOther.Decimal, h.LegalOther.Valid),
				str(h.UKBase.Decimal, h.UKBase.Valid), h.Source, h.Entered.String(), h.Assumed})
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if _, err := fmt.Fprintln(env.Stdout, i18n.T(l, "law.cli.rates_coverage", "ecb", law.FormatDate(l, ecbTo), "legal", law.HalfText(l, legalTo))); err != nil {
		return err
	}
	if len(recorded) == 0 {
		_, err := fmt.Fprintln(env.Stdout, i18n.T(l, "law.cli.rates_none"))
		return err
	}
	tab := newTable(i18n.T(l, "law.cli.rates_col.half"), i18n.T(l, "law.cli.rates_col.ecb"), i18n.T(l, "law.cli.rates_col.private"),
		i18n.T(l, "law.cli.rates_col.other"), i18n.T(l, "law.cli.rates_col.uk"), i18n.T(l, "rates.cli.col.entered"),
		i18n.T(l, "law.cli.rates_col.source")).alignRight(1, 2, 3, 4)
	for _, h := range recorded {
		src := h.Source
		if h.Assumed {
			src = i18n.T(l, "rates.assumed")
		}
		tab.add(h.Half.String(), str(h.ECB.Decimal, h.ECB.Valid), str(h.LegalPrivate.Decimal, h.LegalPrivate.Valid),
			str(h.LegalOther.Decimal, h.LegalOther.Valid), str(h.UKBase.Decimal, h.UKBase.Valid),
			law.FormatDate(l, h.Entered), src)
	}
	return tab.write(env.Stdout)
}
