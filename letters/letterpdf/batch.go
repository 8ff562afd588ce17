package letterpdf

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"time"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/law"
	"relance/letters"
	"relance/letters/compose"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// Job is one letter of a batch: a customer, a stage, and the items it is about
// (empty: the stage's default selection). The agenda (ledger/dunning) produces these.
type Job struct {
	Customer string
	Stage    templates.Stage
	ItemIDs  []string
	Lang     string // empty: the customer's language
	// Promise is the promise a confirmation letter (stage conf) confirms.
	Promise *compose.Promise
}

// BatchOptions tune Batch.
type BatchOptions struct {
	Date ledger.Date // letter date and as-of date
	// Dir receives one PDF per letter (nothing is written when empty).
	Dir string
	// Merged, when set, receives every letter in one PDF for printing. Its page
	// contents are left uncompressed (twice as fast to write, about four times larger,
	// for a file that goes to the printer) unless CompressMerged is set.
	Merged         string
	CompressMerged bool
	// KeepPDF keeps each letter's bytes in its Result (to issue them afterwards).
	KeepPDF bool
	Factory *pdfdoc.Factory
	Rates   *law.Rates
	// Procedures are the dossier's insolvency procedures (penalties stop at a judgment).
	Procedures []law.Procedure
	// Template returns the template of a stage and language (the dossier's edited
	// ones); nil: the shipped templates.
	Template func(templates.Stage, string) (*templates.Template, error)
	// Previous returns the letters already issued on a customer's items.
	Previous func(customer string, items []string) []compose.Previous
	// Exclude leaves items out of the default selection (under dispute).
	Exclude func(it *ledger.Item) bool
	// Progress is called after each letter with the number done and the total.
	Progress func(done, total int)
	// Cancel, when it returns true, stops the batch after the current letter.
	Cancel func() bool
	// Enclose draws what goes in each envelope after its letter (see Options.Enclose).
	Enclose func(d *pdfdoc.Doc, l *compose.Letter)
}

// Result is what became of one job: the letter and its file, or why it was skipped.
type Result struct {
	Job    Job
	Letter *compose.Letter
	PDF    []byte // with KeepPDF
	File   string
	Err    error // a *ledger.Problem: the letter was not written
}

// Batch composes and renders the letters of jobs at opt.Date, one PDF each in
// opt.Dir and all of them in opt.Merged. A job that cannot be composed (missing field,
// no item…) is reported in its Result and the others go on; the error returned is for
// the files (a write failure stops the batch). Files are written through temporary
// names, so a failure never leaves a half-written PDF.
func Batch(book *ledger.Book, jobs []Job, opt BatchOptions) ([]Result, error) {
	if opt.Factory == nil {
		opt.Factory = pdfdoc.NewFactory()
	}
	created := opt.Date.Time().Add(12 * time.Hour)
	out := make([]Result, 0, len(jobs))
	var merged []*compose.Letter
	var buf bytes.Buffer
	for i, j := range jobs {
		if opt.Cancel != nil && opt.Cancel() {
			break
		}
		r := Result{Job: j}
		r.Letter, r.Err = composeJob(book, j, &opt)
		if r.Err == nil {
			buf.Reset()
			if err := Render(&buf, r.Letter, Options{Factory: opt.Factory, Created: created, Enclose: opt.Enclose}); err != nil {
				r.Err = err
			}
		}
		if r.Err == nil {
			if opt.KeepPDF {
				r.PDF = bytes.Clone(buf.Bytes())
			}
			if opt.Dir != "" {
				r.File = filepath.Join(opt.Dir, FileName(r.Letter))
				b := buf.Bytes()
				if err := letters.WriteFile(r.File, func(w io.Writer) error {
					_, err := w.Write(b)
					return err
				}); err != nil {
					return out, err
				}
			}
			merged = append(merged, r.Letter)
		}
		out = append(out, r)
		if opt.Progress != nil {
			opt.Progress(i+1, len(jobs))
		}
	}
	if opt.Merged != "" && len(merged) > 0 {
		lang := book.Settings.Normalize().Lang
		title := i18n.T(lang, "letters.pdf.merged", "date", pdfdoc.FormatDate(lang, opt.Date), "count", itoa(len(merged)))
		err := letters.WriteFile(opt.Merged, func(w io.Writer) error {
			return RenderMerged(w, merged, title, Options{Factory: opt.Factory, Created: created, Uncompressed: !opt.CompressMerged, Enclose: opt.Enclose})
		})
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

func composeJob(book *ledger.Book, j Job, opt *BatchOptions) (*compose.Letter, error) {
	acct := book.Account(j.Customer)
	if acct == nil {
		return nil, &ledger.Problem{Key: "letters.err.customer", Args: []string{"value", j.Customer}}
	}
	lang := j.Lang
	if lang == "" {
		lang = acct.Customer.Language()
	}
	in := compose.Input{Settings: book.Settings, Account: acct, Stage: j.Stage, Lang: lang, Date: opt.Date,
		ItemIDs: j.ItemIDs, Exclude: opt.Exclude, Rates: opt.Rates, Procedures: opt.Procedures, Promise: j.Promise}
	if opt.Template != nil {
		t, err := opt.Template(j.Stage, lang)
		if err != nil {
			return nil, err
		}
		in.Template = t
	}
	if opt.Previous != nil {
		var items []string
		if len(j.ItemIDs) > 0 {
			items = j.ItemIDs
		} else {
			for _, it := range acct.Items {
				items = append(items, it.ID)
			}
		}
		in.Previous = opt.Previous(j.Customer, items)
	}
	return compose.Compose(in)
}

// OverdueJobs returns a job at stage for every customer with an overdue open debit at
// date that is not excluded, leaving out customers whose reminders are suspended
// (Customer.NoReminderUntil) or written off. It is the batch's selection until the
// agenda provides one.
func OverdueJobs(book *ledger.Book, date ledger.Date, stage templates.Stage, exclude func(*ledger.Item) bool) []Job {
	var jobs []Job
	for _, a := range book.Accounts {
		c := &a.Customer
		if c.NoReminderUntil.Valid() && c.NoReminderUntil >= date || c.Status == ledger.StatusWrittenOff || c.Status == ledger.StatusAgency {
			continue
		}
		for _, o := range credit.OpenAt(a, date) {
			if o.OpenAt > 0 && o.DueDate.Valid() && o.DueDate < date && (exclude == nil || !exclude(o.Item)) {
				jobs = append(jobs, Job{Customer: c.ID, Stage: stage})
				break
			}
		}
	}
	return jobs
}

// FileName is the file name of a letter: "r2-C00030-2026-11-23.pdf".
func FileName(l *compose.Letter) string {
	id := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, l.Customer)
	return string(l.Stage) + "-" + id + "-" + l.Date.String() + ".pdf"
}
