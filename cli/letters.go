package cli

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/dunning"
	"relance/letters"
	"relance/letters/letterpdf"
	lmail "relance/letters/mail"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// runLetters writes the day's letters: by default those of the reminder agenda at the
// date (each customer's letter or formal notice at its level, formal notices only with
// --with-manual since they need a validation); with --stage, that stage's letter to every
// overdue customer. One PDF each in --out, optionally all of them in --merged, and with
// --issue they are archived and recorded in the customers' histories in one transaction.
func runLetters(env *Env, args []string) (err error) {
	fs := env.flags("letters")
	rf := env.reportFlags(fs)
	stageFlag := fs.String("stage", "", "pre|r1|r2|r3|med|block|statement (default: the letters of the day's agenda)")
	withManual := fs.Bool("with-manual", false, "from the agenda: also the steps that need a validation (formal notices)")
	out := fs.String("out", "", "directory for the PDFs")
	merged := fs.String("merged", "", "also one PDF with every letter, for printing")
	issue := fs.Bool("issue", false, "archive the letters in the dossier (frozen, hash-chained)")
	by := fs.String("by", "", "with --issue: who issues them")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *rf.db, "out", *out); err != nil {
		return err
	}
	if *issue {
		if err := env.required("by", *by); err != nil {
			return err
		}
	}
	var stage templates.Stage
	if *stageFlag != "" {
		s, err := templates.ParseStage(*stageFlag)
		if err != nil {
			return &usageError{msg: ledger.Localize(err, env.Lang)}
		}
		stage = s
	}
	asOf, err := env.date("at", *rf.at, env.Today)
	if err != nil {
		return err
	}
	ss, err := openLetters(*rf.db, *issue)
	if err != nil {
		return err
	}
	defer env.closeWrite(ss, &err)
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("letters: %w", err)
	}
	opt := letterpdf.BatchOptions{Dir: *out, Merged: *merged, Factory: pdfdoc.NewFactory()}
	defer opt.Factory.Warn(env.Stderr, env.Lang) // characters replaced in the PDFs
	var batch *desk.LetterBatch
	if stage != "" {
		batch, err = ss.WriteStageLetters(asOf, stage, opt)
	} else {
		var ag *desk.Agenda
		if ag, err = ss.Agenda(asOf, false, nil); err == nil {
			batch, err = ss.WriteAgendaLetters(asOf, ag.Writings([]dunning.Channel{dunning.ChanLetter, dunning.ChanNotice, dunning.ChanEmail}, *withManual), &ag.Records, opt)
		}
	}
	if err != nil {
		return err
	}
	res, entries := batch.Results, batch.Entries
	written := 0
	for i, r := range res {
		if r.Err == nil && entries[desk.JobKey(r.Job)].Channel == dunning.ChanEmail && r.Letter.Email == "" {
			r.Err = &ledger.Problem{Key: "letters.cli.no_email", Args: []string{"customer", r.Job.Customer}}
			res[i] = r
		}
		if r.Err != nil {
			fmt.Fprintln(env.Stderr, i18n.T(env.Lang, "letters.cli.skipped", "customer", r.Job.Customer,
				"reason", ledger.Localize(r.Err, env.Lang)))
			continue
		}
		written++
	}
	// Issued, the PDFs are written once the archive's transaction committed (Issue):
	// none is left in the folder for a letter that was not archived.
	if *issue && written > 0 {
		// An agenda letter carries out its entry: the step is done (and the planned
		// action it stood for, e.g. a promise's confirmation, is closed).
		if _, err := ss.Issue(batch, *by, asOf, time.Now()); err != nil {
			return err
		}
	} else if err := batch.WriteFiles(); err != nil {
		return err
	}
	for _, r := range batch.Results {
		if r.Err == nil && r.File != "" && entries[desk.JobKey(r.Job)].Channel == dunning.ChanEmail {
			// The e-mail channel: an .eml carrying the PDF beside it, for the mail program.
			if err := letters.WriteFile(strings.TrimSuffix(r.File, ".pdf")+".eml", func(w io.Writer) error {
				return lmail.Write(w, emailOf(r.Letter, r.PDF, time.Local))
			}); err != nil {
				return err
			}
		}
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, i18n.N(env.Lang, "letters.cli.written", written), "count", strconv.Itoa(written), "dir", *out))
	if *merged != "" && written > 0 {
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "letters.cli.merged", "file", *merged))
	}
	if *issue && written > 0 {
		printHead(env, batch.Head)
	}
	return nil
}
