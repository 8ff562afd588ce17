package cli

import (
	"flag"

	"relance/desk"
	"relance/ledger"
)

// reportFlags are the flags every command that reads a dossier shares: --db, --at
// and, when the command has several output formats, --format.
type reportFlags struct {
	db, at, format *string
	formats        []string
	// reach, when not nil, is what the report computes (the zero Reach: the open
	// position only): its session may hold part of the history (desk.OpenReadFor).
	reach *desk.Reach
	// customer, when set, is the one customer the report is about: its session holds
	// that customer's whole account only (desk.OpenReadCustomer).
	customer string
}

// reportFlags declares --db, --at and --format on fs; the first of formats is the
// default, and no formats means no --format flag.
func (env *Env) reportFlags(fs *flag.FlagSet, formats ...string) *reportFlags {
	r := &reportFlags{formats: formats}
	r.db = fs.String("db", "", "dossier file")
	r.at = fs.String("at", "", "as-of date YYYY-MM-DD (default today)")
	if len(formats) > 0 {
		r.format = fs.String("format", formats[0], "output format")
	}
	return r
}

// Format returns the chosen output format.
func (r *reportFlags) Format() string {
	if r.format == nil {
		return ""
	}
	return *r.format
}

// openReport checks the shared flags, then opens the dossier read-only and loads it.
// The caller closes the returned store.
func (env *Env) openReport(r *reportFlags) (ledger.Date, *desk.Session, error) {
	if err := env.required("db", *r.db); err != nil {
		return ledger.NoDate, nil, err
	}
	if r.format != nil {
		if err := env.format(*r.format, r.formats...); err != nil {
			return ledger.NoDate, nil, err
		}
	}
	asOf, err := env.date("at", *r.at, env.Today)
	if err != nil {
		return ledger.NoDate, nil, err
	}
	open := desk.OpenRead
	switch {
	case r.customer != "":
		open = func(path string) (*desk.Session, error) { return desk.OpenReadCustomer(path, r.customer) }
	case r.reach != nil:
		open = func(path string) (*desk.Session, error) { return desk.OpenReadFor(path, asOf, *r.reach) }
	}
	ss, err := open(*r.db)
	if err != nil {
		return ledger.NoDate, nil, err
	}
	return asOf, ss, nil
}
