package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
	"relance/letters"
	"relance/letters/pdfdoc"
)

// runProcedure records an insolvency procedure against a customer (one transaction:
// the procedure and the customer's status, which stops reminders and penalties).
func runProcedure(env *Env, args []string) error {
	fs := env.flags("procedure")
	dbPath := fs.String("db", "", "dossier file")
	customer := fs.String("customer", "", "customer ID")
	kind := fs.String("kind", "", "sauvegarde, redressement or liquidation")
	judgment := fs.String("judgment", "", "date of the opening judgment YYYY-MM-DD")
	bodacc := fs.String("bodacc", "", "date of the BODACC publication YYYY-MM-DD")
	mandataire := fs.String("mandataire", "", "mandataire judiciaire (liquidateur)")
	address := fs.String("address", "", "mandataire's address: street, postcode city")
	admin := fs.String("administrator", "", "administrateur judiciaire, if any")
	court := fs.String("court", "", "court that opened the procedure")
	abroad := fs.Bool("abroad", false, "the creditor does not reside in metropolitan France (+2 months)")
	by := fs.String("by", "", "who records it")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	for _, r := range [][2]string{{"db", *dbPath}, {"customer", *customer}, {"kind", *kind}, {"judgment", *judgment},
		{"bodacc", *bodacc}, {"mandataire", *mandataire}} {
		if err := env.required(r[0], r[1]); err != nil {
			return err
		}
	}
	k, ok := law.ParseProcedureKind(*kind)
	if !ok {
		return &usageError{msg: i18n.T(env.Lang, "law.proc.err.field", "id", *customer, "field", "kind", "value", *kind)}
	}
	j, err := env.date("judgment", *judgment, ledger.NoDate)
	if err != nil {
		return err
	}
	b, err := env.date("bodacc", *bodacc, ledger.NoDate)
	if err != nil {
		return err
	}
	p := law.Procedure{Customer: *customer, Kind: k, Judgment: j, BODACC: b, Court: *court, Mandataire: *mandataire,
		MandataireAddress: ledger.ParseAddressLine(*address), Administrator: *admin, Abroad: *abroad, Recorded: env.Today}
	err = env.withWrite(*dbPath, func(ss *desk.Session) error {
		p.By = ss.Who(*by)
		return ss.RecordProcedure(&p)
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, p.ID)
	writeSteps(env.Stdout, env.Lang, p, env.Today)
	return nil
}

// procedureRow is one recorded procedure with its deadlines at the as-of date.
type procedureRow = desk.ProcedureRow

// runProcedures lists the recorded procedures with their deadlines at --at.
func runProcedures(env *Env, args []string) error {
	fs := env.flags("procedures")
	rf := env.reportFlags(fs, "table", "json")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	rows := ss.ProcedureDeadlines(asOf)
	if rf.Format() == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			AsOf       string         `json:"as_of"`
			Procedures []procedureRow `json:"procedures"`
		}{asOf.String(), rows})
	}
	return procedureTable(env, rows).write(env.Stdout)
}

func procedureTable(env *Env, rows []procedureRow) *table {
	l := env.Lang
	tab := newTable(i18n.T(l, "law.col.procedure"), i18n.T(l, "law.col.customer"), i18n.T(l, "law.col.proc_kind"),
		i18n.T(l, "law.col.bodacc"), i18n.T(l, "law.col.step"), i18n.T(l, "law.col.proc_deadline"), i18n.T(l, "law.col.daysleft"),
		i18n.T(l, "law.col.level"), i18n.T(l, "law.col.rule")).alignRight(6)
	for _, r := range rows {
		for _, d := range r.Deadlines {
			tab.add(r.ID, r.Customer+" "+truncate(r.Name, 28), i18n.T(l, "law.proc.kind."+string(r.Kind)), dateText(l, r.BODACC),
				stepName(l, d, 40), dateText(l, d.Date), strconv.Itoa(d.DaysLeft),
				i18n.T(l, "law.proc.level."+string(d.Level)), stepRule(l, d))
		}
	}
	return tab
}

// runClaim issues the claim-filing letter (or with --retention the retention-of-title
// claim) of a customer under a recorded procedure: the letter is archived with its
// record in the customer's history first (desk.Session.IssueClaimLetter), then
// written to --out.
func runClaim(env *Env, args []string) error {
	fs := env.flags("claim")
	dbPath := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "date of the letter YYYY-MM-DD (default today)")
	customer := fs.String("customer", "", "customer ID")
	out := fs.String("out", "", "PDF file")
	retention := fs.Bool("retention", false, "write the retention-of-title claim (revendication) instead")
	rot := fs.Bool("rot", false, "the sale had a retention-of-title clause (claim filed with it)")
	by := fs.String("by", "", "who issues it")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *dbPath, "customer", *customer, "out", *out); err != nil {
		return err
	}
	asOf, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	req := desk.ClaimLetterRequest{Customer: *customer, Retention: *retention, AsOf: asOf}
	if *rot && !*retention {
		req.Security = law.RetentionOfTitle
	}
	factory := pdfdoc.NewFactory()
	defer factory.Warn(env.Stderr, env.Lang) // characters replaced in the PDF
	var pdf []byte
	err = env.withWrite(*dbPath, func(ss *desk.Session) error {
		cl, err := ss.IssueClaimLetter(req, *by, time.Now(), factory)
		if err != nil {
			return err
		}
		pdf = cl.PDF
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "letters.cli.issued", "id", cl.Record.ID, "hash", cl.Record.PDFHash))
		if cl.Claim != nil { // pieces of proof missing or not recorded (proof.go)
			writeProofWarnings(env.Stderr, env.Lang, ss.Book.Settings.Currency, cl.Claim.ProofWarnings)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return letters.WriteFile(*out, func(w io.Writer) error { _, err := w.Write(pdf); return err })
}
