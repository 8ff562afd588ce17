package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/contract"
	"relance/ledger/earned"
	"relance/ledger/payment"
	"relance/letters"
	"relance/letters/pdfdoc"
	"relance/letters/termsheet"
)

// runContract is `relance contract show|set|guarantee|remove-guarantee|sheet`: what a
// customer accepted (CGV, penalty clause, jurisdiction, retention of title), the
// guarantees held on it, and the argument sheet for negotiating its payment terms —
// the card's « Contrat » tab (desk.Session.ContractOf, SaveContract, TermsSheet).
func runContract(env *Env, args []string) error {
	verbs := map[string]func(*Env, []string) error{"show": contractShow, "set": contractSet,
		"guarantee": contractGuarantee, "remove-guarantee": contractRemoveGuarantee, "sheet": contractSheet}
	if len(args) == 0 || verbs[args[0]] == nil {
		return &usageError{msg: i18n.T(env.Lang, "contract.cli.verb")}
	}
	return verbs[args[0]](env, args[1:])
}

func contractShow(env *Env, args []string) error {
	fs := env.flags("contract show")
	rf := env.reportFlags(fs, "table", "json")
	customer := fs.String("customer", "", "customer ID")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("customer", *customer); err != nil {
		return err
	}
	rf.reach = &desk.Reach{} // the open items; the customer's account is read whole (ContractOf)
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	v, err := ss.ContractOf(*customer, asOf)
	if err != nil {
		return err
	}
	if rf.Format() == "json" {
		return writeJSON(env, v)
	}
	l, cur := env.Lang, ss.Book.Settings.Currency
	money := func(c ledger.Cents) string { return c.Format(l, cur) }
	date := func(d ledger.Date) string { return dateText(l, d) }
	return writeContract(env.Stdout, l, v, money, date)
}

// writeContract prints a contract view as label: value lines, then its guarantees and
// what to fix.
func writeContract(w io.Writer, l string, v *desk.ContractView, money func(ledger.Cents) string, date func(ledger.Date) string) error {
	sep := ": "
	if l == "fr" {
		sep = " : "
	}
	for _, line := range desk.ContractLines(l, v, money, date) {
		if _, err := fmt.Fprintln(w, line[0]+sep+line[1]); err != nil {
			return err
		}
	}
	if len(v.Contract.Guarantees) > 0 {
		tab := newTable("#", i18n.T(l, "contract.col.kind"), i18n.T(l, "contract.col.issuer"), i18n.T(l, "contract.col.amount"),
			i18n.T(l, "contract.col.from"), i18n.T(l, "contract.col.until"), i18n.T(l, "contract.col.ref")).alignRight(0, 3)
		for i, g := range v.Contract.Guarantees {
			until := "—"
			if g.Until.Valid() {
				until = date(g.Until)
			}
			tab.add(strconv.Itoa(i+1), g.Kind.Label(l), g.Issuer, money(g.Amount), date(g.From), until, g.Ref)
		}
		fmt.Fprintln(w)
		if err := tab.write(w); err != nil {
			return err
		}
	}
	if len(v.Findings) > 0 {
		fmt.Fprintln(w, "\n"+i18n.T(l, "contract.findings"))
		for _, f := range v.Findings {
			fmt.Fprintln(w, "  • "+f.Text(l, date, money))
		}
	}
	return nil
}

// optionalRate reads a percent flag: "" keeps old, "none" clears it.
func optionalRate(env *Env, flagName, s string, old *decimal.Decimal) (*decimal.Decimal, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return old, nil
	case "none", "aucune", "aucun":
		return nil, nil
	}
	r, err := earned.ParseRate(s)
	if err != nil || r == nil {
		return nil, &ledger.Problem{Key: "contract.err.field", Args: []string{"field", "--" + flagName, "value", s}}
	}
	return r, nil
}

func contractSet(env *Env, args []string) error {
	fs := env.flags("contract set")
	common := env.disputeCommon(fs)
	customer := fs.String("customer", "", "customer ID")
	cgv := fs.String("cgv", "", "version of the general terms of sale accepted")
	accepted := fs.String("accepted", "", "date the CGV were accepted YYYY-MM-DD or DD/MM/YYYY")
	lateRate := fs.String("late-rate", "", "late-penalty rate of the CGV, percent a year (none: the statutory one)")
	clause := fs.String("penalty-clause", "", "clause pénale, percent of the sums unpaid (none: no clause)")
	court := fs.String("court", "", "court named by the jurisdiction clause (none: no clause)")
	retention := fs.String("retention", "", "retention-of-title clause: yes|no")
	note := fs.String("note", "", "a note")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	path, at, by, err := common()
	if err != nil {
		return err
	}
	if err := env.required("customer", *customer); err != nil {
		return err
	}
	err = changeContract(env, path, *customer, at, by, func(c *contract.Contract) error {
		if *cgv != "" {
			c.CGV = strings.TrimSpace(*cgv)
		}
		if *accepted != "" {
			d, err := parseDayFlag(env, "accepted", *accepted)
			if err != nil {
				return err
			}
			c.Accepted = d
		}
		if c.LateRate, err = optionalRate(env, "late-rate", *lateRate, c.LateRate); err != nil {
			return err
		}
		if c.PenaltyClause, err = optionalRate(env, "penalty-clause", *clause, c.PenaltyClause); err != nil {
			return err
		}
		switch strings.ToLower(strings.TrimSpace(*court)) {
		case "":
		case "none", "aucune", "aucun":
			c.Court = ""
		default:
			c.Court = strings.TrimSpace(*court)
		}
		switch strings.ToLower(strings.TrimSpace(*retention)) {
		case "":
		case "yes", "oui", "true":
			c.RetentionOfTitle = true
		case "no", "non", "false":
			c.RetentionOfTitle = false
		default:
			return &ledger.Problem{Key: "contract.err.field", Args: []string{"field", "--retention", "value", *retention}}
		}
		if *note != "" {
			c.Note = *note
		}
		return nil
	})
	if err == nil {
		env.say("contract.cli.saved", "customer", *customer)
	}
	return err
}

// changeContract reads customer's contract at at (an empty one when none is stored),
// lets change modify it and saves it in one write of the dossier at path.
func changeContract(env *Env, path, customer string, at ledger.Date, by string, change func(*contract.Contract) error) error {
	return env.withWrite(path, func(ss *desk.Session) error {
		v, err := ss.ContractOf(customer, at)
		if err != nil {
			return err
		}
		c := v.Contract
		if err := change(&c); err != nil {
			return err
		}
		return ss.SaveContract(c, ss.Who(by), at)
	})
}

// parseDayFlag reads a date flag given as YYYY-MM-DD or DD/MM/YYYY.
func parseDayFlag(env *Env, name, s string) (ledger.Date, error) {
	if d, err := ledger.ParseFrenchDate(strings.TrimSpace(s)); err == nil {
		return d, nil
	}
	return env.date(name, s, ledger.NoDate)
}

func contractGuarantee(env *Env, args []string) error {
	fs := env.flags("contract guarantee")
	common := env.disputeCommon(fs)
	customer := fs.String("customer", "", "customer ID")
	kind := fs.String("kind", "", "credit_insurance|bank_guarantee|documentary_credit|standby_lc|personal_surety")
	issuer := fs.String("issuer", "", "the insurer, bank or surety")
	amount := fs.String("amount", "", "limit or sum guaranteed")
	from := fs.String("from", "", "start date")
	until := fs.String("until", "", "end date (none: open-ended)")
	ref := fs.String("ref", "", "policy, guarantee or credit number")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	path, at, by, err := common()
	if err != nil {
		return err
	}
	for _, f := range [][2]string{{"customer", *customer}, {"kind", *kind}, {"issuer", *issuer}, {"amount", *amount}, {"from", *from}} {
		if err := env.required(f[0], f[1]); err != nil {
			return err
		}
	}
	k, err := contract.ParseKind(*kind)
	if err != nil {
		return err
	}
	amt, err := payment.ParseAmount(*amount)
	if err != nil {
		return &ledger.Problem{Key: "contract.err.field", Args: []string{"field", "--amount", "value", *amount}}
	}
	g := contract.Guarantee{Kind: k, Issuer: strings.TrimSpace(*issuer), Amount: amt, Ref: strings.TrimSpace(*ref)}
	if g.From, err = parseDayFlag(env, "from", *from); err != nil {
		return err
	}
	if *until != "" {
		if g.Until, err = parseDayFlag(env, "until", *until); err != nil {
			return err
		}
	}
	err = changeContract(env, path, *customer, at, by, func(c *contract.Contract) error {
		c.Guarantees = append(c.Guarantees, g)
		return nil
	})
	if err == nil {
		env.say("contract.cli.guarantee", "customer", *customer, "kind", k.Label(env.Lang))
	}
	return err
}

func contractRemoveGuarantee(env *Env, args []string) error {
	fs := env.flags("contract remove-guarantee")
	common := env.disputeCommon(fs)
	customer := fs.String("customer", "", "customer ID")
	n := fs.Int("n", 0, "the guarantee's number in relance contract show")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	path, at, by, err := common()
	if err != nil {
		return err
	}
	if err := env.required("customer", *customer); err != nil {
		return err
	}
	return changeContract(env, path, *customer, at, by, func(c *contract.Contract) error {
		if *n < 1 || *n > len(c.Guarantees) {
			return &ledger.Problem{Key: "contract.err.field", Args: []string{"field", "--n", "value", strconv.Itoa(*n)}}
		}
		c.Guarantees = append(c.Guarantees[:*n-1], c.Guarantees[*n:]...)
		return nil
	})
}

func contractSheet(env *Env, args []string) error {
	fs := env.flags("contract sheet")
	rf := env.reportFlags(fs, "pdf")
	customer := fs.String("customer", "", "customer ID")
	days := fs.Int("days", 0, "how many days more the customer asks for")
	rate := fs.String("rate", "", "the firm's financing rate, percent a year")
	out := fs.String("out", "", "PDF file to write")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	for _, f := range [][2]string{{"customer", *customer}, {"rate", *rate}, {"out", *out}} {
		if err := env.required(f[0], f[1]); err != nil {
			return err
		}
	}
	r, err := earned.ParseRate(*rate)
	if err != nil {
		return err
	}
	rf.reach = &desk.Reach{} // the open items; the customer's account is read whole (TermsSheet)
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	sh, err := ss.TermsSheet(*customer, *days, *r, env.Lang, asOf)
	if err != nil {
		return err
	}
	f := pdfdoc.NewFactory()
	defer f.Warn(env.Stderr, env.Lang)
	if err := letters.WriteFile(*out, func(w io.Writer) error { return termsheet.Render(w, sh, f) }); err != nil {
		return err
	}
	env.say("contract.cli.sheet", "file", *out, "cash", sh.Cash.Format(env.Lang, sh.Currency), "cost", sh.Cost.Format(env.Lang, sh.Currency))
	return nil
}
