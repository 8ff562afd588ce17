package cli

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/letterpdf"
	"relance/letters/templates"
)

// runLetters writes one stage's letter to every overdue customer at a date, one PDF
// each in --out, optionally all of them in --merged, and with --issue archives them
// all in one transaction.
func runLetters(env *Env, args []string) error {
	fs := env.flags("letters")
	rf := env.reportFlags(fs)
	stageFlag := fs.String("stage", "r1", "pre|r1|r2|r3|med|block|statement")
	out := fs.String("out", "", "directory for the PDFs")
	merged := fs.String("merged", "", "also one PDF with every letter, for printing")
	issue := fs.Bool("issue", false, "archive the letters in the dossier (frozen, hash-chained)")
	by := fs.String("by", "", "with --issue: who issues them")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	for _, f := range [][2]string{{"db", *rf.db}, {"out", *out}} {
		if err := env.required(f[0], f[1]); err != nil {
			return err
		}
	}
	if *issue {
		if err := env.required("by", *by); err != nil {
			return err
		}
	}
	stage, err := templates.ParseStage(*stageFlag)
	if err != nil {
		return &usageError{msg: ledger.Localize(err, env.Lang)}
	}
	asOf, err := env.date("at", *rf.at, env.Today)
	if err != nil {
		return err
	}
	db, book, le, err := openLetters(*rf.db, *issue, asOf)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("letters: %w", err)
	}
	jobs := letterpdf.OverdueJobs(book, asOf, stage, le.exclude)
	res, err := letterpdf.Batch(book, jobs, letterpdf.BatchOptions{Date: asOf, Dir: *out, Merged: *merged, KeepPDF: *issue,
		Rates: le.rates, Template: le.template, Previous: le.previous, Exclude: le.exclude})
	if err != nil {
		return err
	}
	written := 0
	for _, r := range res {
		if r.Err != nil {
			fmt.Fprintln(env.Stderr, i18n.T(env.Lang, "letters.cli.skipped", "customer", r.Job.Customer,
				"reason", ledger.Localize(r.Err, env.Lang)))
			continue
		}
		written++
	}
	if *issue && written > 0 {
		now := time.Now()
		err := db.Update(func(tx *store.Tx) error {
			for _, r := range res {
				if r.Err != nil {
					continue
				}
				if _, err := archive.IssueRecorded(tx, archive.Input{Letter: r.Letter, PDF: r.PDF, By: *by, At: now}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "letters.cli.written", "count", strconv.Itoa(written), "dir", *out))
	if *merged != "" && written > 0 {
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "letters.cli.merged", "file", *merged))
	}
	return nil
}
