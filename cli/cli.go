// Package cli is Relance's headless command line: the same binary as the GUI, run
// with a subcommand. Each command parses its flags, calls the same domain functions
// as the screens, and prints tables, CSV or JSON. No GUI package is imported here.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/store"
)

// Env is what a command runs with: its output streams, the user's language and the
// calendar date of "today" (the default as-of date).
type Env struct {
	Stdout, Stderr io.Writer
	Lang           string
	Today          ledger.Date
	help           helpMode // set while `relance CMD --help` collects a command's options
}

// Command is one subcommand.
type Command struct {
	Name    string
	Args    string // synopsis after the name, e.g. "--db FILE [--format table|json]"
	Summary string // i18n key of a one-line description
	Run     func(env *Env, args []string) error
}

// commands is the command table; keep it sorted by name.
func commands() []Command {
	return []Command{
		{"action", "done|reschedule --db FILE --customer ID --channel C [--stage S] [--at YYYY-MM-DD] [--by NAME] [--note T] (done: [--outcome promise|dispute|plan|callback|wrong_contact|refusal|no_answer|paid|sent] [--amount A --date YYYY-MM-DD] [--reason R] [--cause C] [--instalment YYYY-MM-DD:AMOUNT ... [--ack] [--accel]] | reschedule: --to YYYY-MM-DD [--assign NAME])", "dunning.cli.action", runAction},
		{"agenda", "--db FILE [--at YYYY-MM-DD] [--dry-run] [--channel C] [--format table|json|csv]", "dunning.cli.agenda", runAgenda},
		{"aged", "--db FILE [--at YYYY-MM-DD] [--by customer|salesperson|kind|class] [--salesperson ID] [--kind K] [--format table|csv|json|xlsx|pdf] [--out FILE]", "cli.aged", runAged},
		{"backup", "--db FILE --out FILE", "maint.cli.backup", runBackup},
		{"block", "--db FILE (--propose-for CUSTOMER | --id B… (--answer agree|disagree | --decide block|no | --lift)) [--comment TEXT] [--by NAME] [--at YYYY-MM-DD]", "dispute.cli.block", runBlock},
		{"blocks", "--db FILE [--at YYYY-MM-DD] [--propose] [--format table|json|csv]", "dispute.cli.blocks", runBlocks},
		{"callsheet", "--db FILE --customer ID [--at YYYY-MM-DD] --out FILE.pdf", "dunning.cli.callsheet", runCallsheet},
		{"check", "--db FILE", "maint.cli.check", runCheck},
		{"check-letter", "FILE [--stage pre|r1|r2|r3|med|conf] [--audience b2b|b2c|public] [--lang fr|en] [--date YYYY-MM-DD] [--db FILE --customer ID] [--sender creditor|agency] [--no-spelling] [--no-grammar] [--format text|json] [--report FILE.pdf]", "check.cli.summary", runCheckLetter},
		{"cause", "set|clear --db FILE --customer ID (--item N ... | --all-late) [--cause invoice_error|missing_order|delivery|dispute|late_invoicing|cash|payment_run|forgotten|bad_faith|insolvency] [--note T] [--at YYYY-MM-DD] [--by NAME]", "cause.cli.set_help", runCause},
		{"causes", "--db FILE [--at YYYY-MM-DD] [--invoices] [--format table|json]", "cause.cli.help", runCauses},
		{"certificate", "--db FILE --trainee NAME|ID --out FILE.pdf [--lang fr|en] [--at YYYY-MM-DD]", "certificate.cli.help", runCertificate},
		{"cheque", "add --db FILE (--customer ID --number N --amount A --presented D --rejected D | --return RG…) [--bank B] [--written D] [--reason no_funds|stopped|account_closed|irregular|other] [--represented D] [--invoice N]... [--notes T] [--by NAME] [--at YYYY-MM-DD] | step --db FILE --id CH… --step letter|represented|cert_requested|cert_obtained|served|title|paid|closed --date D [--officer NAME] [--at YYYY-MM-DD] | list --db FILE [--customer ID] [--at YYYY-MM-DD] [--format table|json] | letter --db FILE --id CH… [--at YYYY-MM-DD] [--lang fr|en] [--by NAME] --out FILE.pdf", "cheque.cli.summary", runCheque},
		{"claim", "--db FILE --customer ID [--at YYYY-MM-DD] --out FILE.pdf [--retention] [--rot] [--by NAME]", "law.cli.claim", runClaim},
		{"contract", "show --db FILE --customer ID [--at YYYY-MM-DD] [--format table|json] | set --db FILE --customer ID [--cgv VERSION] [--accepted DATE] [--late-rate R|none] [--penalty-clause PCT|none] [--court NAME|none] [--retention yes|no] [--note T] [--at YYYY-MM-DD] [--by NAME] | guarantee --db FILE --customer ID --kind credit_insurance|bank_guarantee|documentary_credit|standby_lc|personal_surety --issuer NAME --amount A --from DATE [--until DATE] [--ref REF] | remove-guarantee --db FILE --customer ID --n N | sheet --db FILE --customer ID --days N --rate R --out FILE.pdf [--at YYYY-MM-DD]", "contract.cli.help", runContract},
		{"customer", "[show] --db FILE --customer ID [--format table|json] | set|add --db FILE --customer ID [--name N] [--kind business|consumer|public] [--lang fr|en] [--siren S] [--siret S] [--vat V] [--iban I] [--address \"STREET, POSTCODE CITY\"] [--country CC] [--civility mme|m] [--law CC] [--contact NAME] [--role R] [--email E] [--phone P] [--add-contact \"NAME;ROLE;E-MAIL;PHONE\"]... [--remove-contact N]... [--terms T] [--limit AMOUNT] [--salesperson ID] [--status normal|agency|legal|written_off] [--no-reminder-until DD/MM/YYYY] [--notes TEXT] [--at YYYY-MM-DD] [--by NAME]", "cust.cli.customer", runCustomer},
		{"customers", "--db FILE [--at YYYY-MM-DD] [--format table|json]", "cli.customers", runCustomers},
		{"demo", "--out FILE [--today YYYY-MM-DD]", "cli.demo", runDemo},
		{"deadlines", "--db FILE [--at YYYY-MM-DD] [--format table|json]", "law.cli.deadlines", runDeadlines},
		{"digest", "--db FILE --salesperson NAME|ID [--at YYYY-MM-DD] --out FILE.pdf|FILE.csv", "dispute.cli.digest", runDigest},
		{"dispute", "open|status|note --db FILE [--at YYYY-MM-DD] [--by NAME] (open: --customer ID --item ITEM[:AMOUNT]... --reason R [--owner NAME|ID|internal] [--due YYYY-MM-DD] [--comment C] [--ack FILE.pdf] | status: --id ID --to STATUS [--resolution credit_note|rejected|partial] [--amount A] [--comment C] | note: --id ID --text T)", "dispute.cli.dispute", runDispute},
		{"disputes", "--db FILE [--owner NAME|ID|internal] [--status S] [--at YYYY-MM-DD] [--format table|json]", "dispute.cli.disputes", runDisputes},
		{"hygiene", "--db FILE [--at YYYY-MM-DD] [--small-rest AMOUNT] [--format table|json]", "hygiene.cli.help", runHygiene},
		{"earned", "--db FILE [--from YYYY-MM-DD] [--at YYYY-MM-DD] [--rate PERCENT] [--format table|json]", "earned.cli.help", runEarned},
		{"erase-customer", "--db FILE --customer ID [--by NAME]", "privacy.cli.erase", runEraseCustomer},
		{"exercises", "list --db FILE [--format table|json] | add --db FILE --stage pre|r1|r2|r3|med|conf [--audience b2b|b2c|public] [--lang fr|en] [--title T] [--expected RULE,…] [--at YYYY-MM-DD] [--by NAME] FILE.txt|.docx|.odt | delete --db FILE --id EX… | export --db FILE [--out FILE.json] | import --db FILE [--by NAME] [--at YYYY-MM-DD] FILE.json", "exercise.cli.bank_help", runExercises},
		{"export-customer", "--db FILE --customer ID [--at YYYY-MM-DD] [--out FILE.json]", "privacy.cli.export", runExportCustomer},
		{"gen", "--customers N --items M [--seed S] [--today YYYY-MM-DD] --out FILE", "cli.gen", runGen},
		{"import", "--db FILE [--terms DAYS] [--mapping NAME] SOURCE...", "import.cli.summary", runImport},
		{"import-customers", "--db FILE [--mapping NAME] [--map FIELD=COLUMN ...] [--save-mapping NAME] [--sheet S] [--dry-run] [--format text|json] FILE", "custfile.cli.summary", runImportCustomers},
		{"injonction", "--db FILE --customer ID [--at YYYY-MM-DD] [--notice YYYY-MM-DD[:REF]] [--out FILE.pdf] [--format text|json]", "law.cli.injonction", runInjonction},
		{"judgment", "add --db FILE --customer ID --kind injonction|jugement|refere --date D --enforceable D --principal A [--rate legal|l441-10|R] [--interest-from D] [--indemnity A] [--art700 A] [--costs A] [--capitalise] [--court TEXT] [--ref TEXT] [--by NAME] [--at YYYY-MM-DD] | pay --db FILE --id JG… --date D --amount A [--ref TEXT] [--at YYYY-MM-DD] | list --db FILE [--at YYYY-MM-DD] [--format table|json] | decompte --db FILE --customer ID [--id JG…] [--at YYYY-MM-DD] [--out FILE.pdf] [--format text|json]", "judgment.cli.summary", runJudgment},
		{"interruption", "add --db FILE --customer ID --kind acknowledgement|part_payment|payment_plan|legal_action|injunction_served|enforcement|mediation|written_claim|admin_letter|insolvency_claim --date YYYY-MM-DD [--end YYYY-MM-DD] [--item N ...] [--proof TEXT] [--note TEXT] [--replaces IP…] [--at YYYY-MM-DD] [--by NAME] [--format text|json] | end --db FILE --id IP… --date YYYY-MM-DD | withdraw --db FILE --id IP… --reason TEXT | list --db FILE [--customer ID] [--format table|json]", "interrupt.cli.summary", runInterruption},
		{"kpi", "--db FILE [--at YYYY-MM-DD] [--days N] [--history] [--format table|json|pdf] [--out FILE] [--rate PERCENT]", "credit.cli.kpi", runKPI},
		{"late-report", "--db FILE --closing YYYY-MM-DD [--year-start YYYY-MM-DD] [--turnover AMOUNT] [--format text|json] [--pdf FILE] [--xlsx FILE]", "latereport.cli.summary", runLateReport},
		{"letter", "--db FILE --customer ID --stage pre|r1|r2|r3|med|conf|plan|dispute|block|statement [--lang fr|en] [--at YYYY-MM-DD] [--items N1,N2] [--promise AMOUNT:YYYY-MM-DD] [--instalments N] [--first YYYY-MM-DD] [--dispute ID] [--issue --by NAME] --out FILE.pdf|FILE.eml", "letters.cli.letter", runLetter},
		{"letters", "--db FILE --at YYYY-MM-DD [--stage pre|r1|r2|r3|med|block|statement | --with-manual] --out DIR [--merged FILE.pdf] [--issue --by NAME]", "letters.cli.letters", runLetters},
		{"negotiation", "prepare --db FILE --customer ID [--at YYYY-MM-DD] [--format text|json] [--out FILE.pdf] | record --db FILE --customer ID --outcome agreement|disagreement [--instalment YYYY-MM-DD:AMOUNT ...] [--ack] [--accel=false] [--obtained direct_debit,guarantee,deposit,pay_undisputed] [--waive-interest] [--waive-indemnity] [--at YYYY-MM-DD] [--by NAME] [--note T] [--trainee NAME|ID [--announced]] [--format text|json] | case --db FILE", "nego.cli.help", runNegotiation},
		{"new", "--db FILE --company NAME [--legal-form F] [--siren SIREN] [--address \"STREET, POSTCODE CITY\"] [--signatory NAME] [--signatory-phone P] [--signatory-email E] [--lang fr|en]", "cli.new", runNew},
		{"bank", "import --db FILE [--auto] [--take N=CUSTOMER[:INVOICE,…]|N=#K]... [--dry-run] [--by NAME] [--at YYYY-MM-DD] [--format text|json] FILE", "bankimp.cli.summary", runBank},
		{"overindebt", "set --db FILE --customer ID --commission NAME --filed DATE [--address \"LINE, POSTCODE CITY\"] [--ref REF] [--admitted DATE] [--notified DATE] [--debtor-amount A] [--outcome refused|plan|measures|rp|rp_liquidation|closed --outcome-date DATE] [--note T] [--at YYYY-MM-DD] [--by NAME] [--format table|json] | show --db FILE --customer ID [--at YYYY-MM-DD] [--format table|json] | list --db FILE [--at YYYY-MM-DD] [--format table|json] | letter --db FILE --customer ID [--at YYYY-MM-DD] --out FILE.pdf [--by NAME] | clear --db FILE --customer ID", "overindebt.cli.help", runOverindebt},
		{"payment", "add --db FILE --customer ID --date DD/MM/YYYY|YYYY-MM-DD --amount A [--method transfer|cheque|direct_debit|card|cash|bill] [--ref R] [--invoice N[:A]]... [--by NAME] [--at YYYY-MM-DD] [--format text|json] | list --db FILE [--customer ID] [--format table|json] | reverse --db FILE --id RG… --date DD/MM/YYYY|YYYY-MM-DD [--reason T] [--by NAME] [--at YYYY-MM-DD] | return --db FILE --id RG… --date DD/MM/YYYY|YYYY-MM-DD [--by NAME] [--at YYYY-MM-DD]", "payment.cli.summary", runPayment},
		{"order", "--db FILE --customer ID --amount A [--ref REF] [--at YYYY-MM-DD] [--format table|json] [--letter FILE.pdf [--lang fr|en] [--by NAME]]", "order.cli.help", runOrder},
		{"penalties", "--amount A --due YYYY-MM-DD [--paid YYYY-MM-DD] [--debtor b2b|b2c|public|uk] [--rate R] [--payment YYYY-MM-DD:AMOUNT ...] [--notice YYYY-MM-DD] [--basis 365|366|360] [--out FILE.pdf] [--private-creditor] [--db FILE] [--format table|json]  |  --db FILE --customer ID [--paid YYYY-MM-DD] [--rate R] [--basis 365|366|360] [--format table|json]", "law.cli.penalties", runPenalties},
		{"penalty-invoice", "--db FILE --customer ID [--at YYYY-MM-DD] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--rate R] [--basis 365|366|360] [--out FILE.pdf [--by NAME]] [--format text|json]", "penaltyinv.cli.summary", runPenaltyInvoice},
		{"plan", "--db FILE --customer ID --instalment YYYY-MM-DD:AMOUNT... [--ack] [--accel=false] [--at YYYY-MM-DD] [--by NAME]", "dunning.cli.plan_cmd", runPlan},
		{"policy", "[show] --db FILE [--format table|json] | set --db FILE [--weight-outstanding N] [--weight-risk-level N] [--weight-disputes N] [--weight-dependency N] [--scale-amount \"EUROS:POINTS, …\"] [--scale-limit|--scale-lateness|--scale-dispute-count|--scale-dispute-share|--scale-dependency \"FROM:POINTS, …\"] [--class CODE:MAX_SCORE[:MIN_DEPENDENCY[:DEPOSIT_PERCENT]] ...] [--trend-days N] [--drift-days N] [--dispute-min N] … (relance policy show lists every option) | reset --db FILE | export --db FILE [--out FILE.json] | import --db FILE FILE.json", "admin.cli.policy", runPolicy},
		{"procedure", "--db FILE --customer ID --kind sauvegarde|redressement|liquidation --judgment YYYY-MM-DD --bodacc YYYY-MM-DD --mandataire NAME [--address \"STREET, POSTCODE CITY\"] [--administrator NAME] [--court NAME] [--abroad] [--by NAME]", "law.cli.procedure", runProcedure},
		{"procedure-event", "--db FILE --customer ID --event contestation|decision|revendication|contract-notice|observation-end --date YYYY-MM-DD|DD/MM/YYYY [--procedure ID] [--subject TEXT|--contract TEXT] [--at YYYY-MM-DD] [--by NAME]", "insolv2.cli.procedure_event", runProcedureEvent},
		{"procedure-letter", "--db FILE --customer ID --kind forclusion|contract|post-opening [--reason omitted|unknown|other] [--facts TEXT] [--contract TEXT] [--court-address \"STREET, POSTCODE CITY\"] [--lang fr|en] [--at YYYY-MM-DD] [--by NAME] [--out FILE.pdf]", "insolv2.cli.procedure_letter", runProcedureLetter},
		{"procedures", "--db FILE [--at YYYY-MM-DD] [--format table|json]", "law.cli.procedures", runProcedures},
		{"progress", "--db FILE [--trainee ID|NAME] [--group G] [--at YYYY-MM-DD] [--format table|json|csv|pdf] [--out FILE]", "exercise.cli.progress_help", runProgress},
		{"promises", "--db FILE [--at YYYY-MM-DD] [--update] [--format table|json]", "dunning.cli.promises", runPromises},
		{"proof", "set --db FILE --customer ID --item N [--order present|missing|unknown[:REF]] [--delivery …] [--invoice …] [--order-date|--delivery-date|--invoice-date YYYY-MM-DD] [--at YYYY-MM-DD] [--by NAME] [--format text|json] | list --db FILE --customer ID [--at YYYY-MM-DD] [--format table|json]", "proof.cli.help", runProof},
		{"quiz", "export [--module all|diagnose|procedure|tools|legal|categories|dashboard|phone|negotiate|writing|prevent|procedures|injonction|insolvency] [--n N] [--seed S] [--lang fr|en] [--out FILE.json] | score --db FILE --trainee NAME|ID --answers FILE.json [--seconds N] [--at YYYY-MM-DD] [--by NAME] [--format table|json]", "quiz.cli.help", runQuiz},
		{"rates", "[list] --db FILE [--format table|json] | add --db FILE --half YYYY-H1|YYYY-H2 [--ecb R] [--legal-private R --legal-other R] [--boe R] [--source TEXT] [--replace] | import --db FILE [--replace] [--format table|json] FILE.csv", "law.cli.rates", runRates},
		{"refere", "--db FILE --customer ID [--at YYYY-MM-DD] [--notice YYYY-MM-DD[:REF]] [--paid-late=false] [--out FILE.pdf] [--format text|json]", "refere.cli.summary", runRefere},
		{"restore", "--from FILE --db FILE [--force]", "maint.cli.restore", runRestore},
		{"risk", "[override|ack|proposals] --db FILE [--at YYYY-MM-DD] [--customer ID] [--class A|B|C|D] [--signals-only] [--format table|json|csv] (override: --customer ID --class C|none --reason TEXT --by NAME | ack: --customer ID --signal KEY --comment TEXT --by NAME | proposals: [--accept ID|--reject ID --by NAME [--comment C]])", "uirisk.cli.summary", runRisk},
		{"roleplay", "--db FILE --customer ID [--profile talkative|aggressive|manipulative|sincere|disputes] [--at YYYY-MM-DD] --out FILE.pdf | score --db FILE --trainee NAME|ID --grid FILE.json [--customer ID] [--profile P] [--at YYYY-MM-DD] [--by NAME] [--pdf FILE.pdf] [--format text|json]", "roleplay.cli.help", runRolePlay},
		{"salespeople", "[list] --db FILE [--format table|json] | add --db FILE --id ID --name NAME [--email E] [--phone P] | set --db FILE --id ID [--name NAME] [--email E] [--phone P] | remove --db FILE --id ID | export --db FILE [--out FILE.json] | import --db FILE FILE.json", "admin.cli.salespeople", runSalespeople},
		{"scenario", "[list] --db FILE [--format table|json] | show --db FILE --class C [--format table|json] | set --db FILE --class C --step DAY:CHANNEL[:STAGE] ... | reset --db FILE --class C | export --db FILE [--out FILE.json] | import --db FILE FILE.json", "admin.cli.scenario", runScenario},
		{"settings", "[show] --db FILE | set --db FILE [--company N] [--legal-form F] [--siren S] [--rcs \"RCS CITY\"] [--vat V] [--address \"STREET, POSTCODE CITY\"] [--phone P] [--email E] [--signatory NAME] [--signatory-title T] [--signatory-phone P] [--signatory-email E] [--terms T] [--iban I] [--bic B] | export --db FILE [--out FILE.json] | import --db FILE FILE.json", "admin.cli.settings", runSettings},
		{"setup", "--db FILE [--at YYYY-MM-DD] [--format text|json]", "cli.setup", runSetup},
		{"statement", "--db FILE (--customer ID --out FILE.pdf | --all --out DIR [--merged FILE.pdf]) [--at YYYY-MM-DD] [--days N]", "pdf.cli.statement", runStatement},
		{"template", "--db FILE --stage pre|r1|r2|r3|med|conf|plan|dispute|block|statement [--lang fr|en] (--export FILE | --import FILE [--by NAME] [--at YYYY-MM-DD] | --restore)", "letters.cli.template", runTemplate},
		{"train", "--db FILE --trainee ID|NAME --exercise EX…|SAMPLE (--file CORRECTED.txt|.docx|.odt | --marks START-END,…,RULE) [--seconds N] [--at YYYY-MM-DD] [--by NAME] [--format text|json]", "exercise.cli.train_help", runTrain},
		{"trainee", "add --db FILE --name NAME [--group G] [--note T] [--at YYYY-MM-DD] | import --db FILE [--group G] [--at YYYY-MM-DD] FILE.txt|.csv | list --db FILE [--format table|json] | remove --db FILE --trainee ID|NAME", "exercise.cli.trainee_help", runTrainee},
		{"verify", "--db FILE", "letters.cli.verify", runVerify},
		{"version", "", "cli.version", runVersion},
	}
}

// IsCommand reports whether name is a subcommand (or a help flag), so that main can
// decide between the command line and the GUI.
func IsCommand(name string) bool {
	if name == "help" || isHelpArg(name) || isVersionArg(name) {
		return true
	}
	for _, c := range commands() {
		if c.Name == name {
			return true
		}
	}
	return false
}

// usageError marks a bad command line: exit status 2 and the usage on stderr.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// Run runs the command line args (without the program name) and returns the exit
// status: 0 on success, 1 when the command failed, 2 on a usage error.
func Run(args []string, stdout, stderr io.Writer) int {
	env := &Env{Stdout: stdout, Stderr: stderr, Lang: i18n.FromEnv(), Today: ledger.DateOf(time.Now())}
	return env.run(args)
}

func (env *Env) run(args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		env.usage(env.Stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if isVersionArg(args[0]) {
		args = []string{"version"}
	}
	cmd := lookupCommand(args[0])
	if cmd != nil && cmd.Name != args[0] {
		cmd = nil
	}
	if cmd != nil && len(args) > 1 && isHelpArg(args[1]) {
		return env.commandHelp(cmd)
	}
	if cmd == nil {
		fmt.Fprintln(env.Stderr, i18n.T(env.Lang, "cli.unknown", "value", args[0]))
		env.usage(env.Stderr)
		return 2
	}
	err := cmd.Run(env, args[1:])
	var ue *usageError
	switch {
	case err == nil:
		return 0
	case onlyBackupErrors(err):
		// The change was made; only the automatic backup taken before it failed.
		fmt.Fprintf(env.Stderr, "relance %s: %s\n", cmd.Name, ledger.Localize(err, env.Lang))
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		if ue.msg != "" {
			fmt.Fprintln(env.Stderr, ue.msg)
		}
		fmt.Fprintf(env.Stderr, "%s: relance %s %s\n", i18n.T(env.Lang, "cli.usage"), cmd.Name, cmd.Args)
		return 2
	default:
		fmt.Fprintf(env.Stderr, "relance %s: %s\n", cmd.Name, ledger.Localize(err, env.Lang))
		return 1
	}
}

// closeWrite closes a session opened for writing, deferred by a command with a named
// error result: the automatic backup's failure is printed as a warning on stderr;
// any other error of the close joins the command's.
func (env *Env) closeWrite(ss *desk.Session, err *error) {
	cerr := ss.Close()
	if cerr != nil && onlyBackupErrors(cerr) {
		fmt.Fprintln(env.Stderr, "relance: "+ledger.Localize(cerr, env.Lang))
		cerr = nil
	}
	*err = errors.Join(*err, cerr)
}

// onlyBackupErrors reports whether err is made only of *store.BackupError (joined or
// not): a warning, not a failure of the command.
func onlyBackupErrors(err error) bool {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			if e != nil && !onlyBackupErrors(e) {
				return false
			}
		}
		return true
	}
	_, ok := err.(*store.BackupError)
	return ok
}

func (env *Env) usage(w io.Writer) {
	fmt.Fprintln(w, i18n.T(env.Lang, "cli.intro"))
	fmt.Fprintln(w)
	all := commands()
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	for _, c := range all {
		fmt.Fprintf(w, "  relance %s %s\n      %s\n", c.Name, c.Args, i18n.T(env.Lang, c.Summary))
	}
}

// flags returns a flag set whose errors are returned (not printed twice) as usage errors.
func (env *Env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args and turns flag errors and stray arguments into usage errors.
func (env *Env) parse(fs *flag.FlagSet, args []string, positional bool) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			env.printHelp(env.Stdout, fs)
			return err
		}
		if m := flagUndefined.FindStringSubmatch(err.Error()); m != nil {
			return &usageError{msg: i18n.T(env.Lang, "cli23.flag_unknown", "command", fs.Name(), "flag", "--"+m[1])}
		}
		return &usageError{msg: env.flagError(err)}
	}
	if !positional && fs.NArg() > 0 {
		return &usageError{msg: i18n.T(env.Lang, "cli.extra", "value", strings.Join(fs.Args(), " "))}
	}
	return nil
}

// flagErrors are the flag package's messages, read back to say them in the user's
// language.
var (
	flagUndefined = regexp.MustCompile(`^flag provided but not defined: -+(\S+)$`)
	flagNoValue   = regexp.MustCompile(`^flag needs an argument: -+(\S+)$`)
	flagBadValue  = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-+([^:\s]+): `)
)

// flagError says a flag error of the flag package in the user's language.
func (env *Env) flagError(err error) string {
	msg := err.Error()
	switch {
	case flagUndefined.MatchString(msg):
		return i18n.T(env.Lang, "cli.flag_unknown", "flag", "--"+flagUndefined.FindStringSubmatch(msg)[1])
	case flagNoValue.MatchString(msg):
		return i18n.T(env.Lang, "cli.flag_novalue", "flag", "--"+flagNoValue.FindStringSubmatch(msg)[1])
	case flagBadValue.MatchString(msg):
		m := flagBadValue.FindStringSubmatch(msg)
		return i18n.T(env.Lang, "cli.flag_badvalue", "flag", "--"+m[2], "value", m[1])
	}
	return msg
}

// required checks flags that must be given, as name/value pairs: the first empty one is
// a usage error naming it.
func (env *Env) required(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] == "" {
			return &usageError{msg: i18n.T(env.Lang, "cli.required", "flag", "--"+pairs[i])}
		}
	}
	return nil
}

// account is customer id's account in book, or the error naming the unknown customer.
func account(book *ledger.Book, id string) (*ledger.Account, error) {
	if a := book.Account(id); a != nil {
		return a, nil
	}
	return nil, &ledger.Problem{Key: "pdf.err.customer", Args: []string{"value", id}}
}

// date parses a --at/--today style flag; empty gives def.
func (env *Env) date(flagName, value string, def ledger.Date) (ledger.Date, error) {
	if value == "" {
		return def, nil
	}
	d, err := ledger.ParseDate(value)
	if err != nil {
		return ledger.NoDate, &usageError{msg: i18n.T(env.Lang, "cli.baddate", "flag", "--"+flagName, "value", value)}
	}
	return d, nil
}

func (env *Env) format(value string, allowed ...string) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	return &usageError{msg: i18n.T(env.Lang, "cli.badformat", "value", value, "allowed", strings.Join(allowed, ", "))}
}

// withWrite opens the dossier at path to change it (desk.OpenWrite: the dossier
// checked, a rotating backup first), runs change and closes it. The backup's failure
// is a warning on stderr, not the command's failure: the change was made.
func (env *Env) withWrite(path string, change func(*desk.Session) error) (err error) {
	ss, err := desk.OpenWrite(path)
	if err != nil {
		return err
	}
	defer env.closeWrite(ss, &err)
	return change(ss)
}
