// Package desk holds the use cases of the collection desk that both the window (ui/)
// and the command line (cli/) perform, so that the two compute them in one place:
// what composing a dossier's letters needs, the day's letters of the agenda, and
// issuing a batch into the archive.
package desk

import (
	"time"

	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/compose"
	"relance/letters/letterpdf"
	"relance/letters/templates"
)

// LetterSources is what composing a dossier's letters needs beyond its book, read once:
// the rate tables (with the dossier's half-years), its edited templates, the letters
// already issued on each item, and its disputes (disputed items leave the letters).
type LetterSources struct {
	Rates    *law.Rates
	Disputes []dispute.Dispute
	// Exclude leaves out of a letter the items under dispute at the as-of date.
	Exclude func(*ledger.Item) bool
	// Template is the dossier's template of a stage and language, or the shipped one.
	Template func(templates.Stage, string) (*templates.Template, error)
	// Previous lists the letters already issued on a customer's items.
	Previous func(customer string, items []string) []compose.Previous
}

// LoadLetterSources reads the letter sources of db at asOf.
func LoadLetterSources(db *store.DB, asOf ledger.Date) (*LetterSources, error) {
	s := &LetterSources{}
	var err error
	if s.Rates, err = db.Rates(); err != nil {
		return nil, err
	}
	if s.Disputes, _, err = db.LoadDisputes(); err != nil {
		return nil, err
	}
	idx := dispute.NewIndex(s.Disputes)
	s.Exclude = func(it *ledger.Item) bool { return idx.Excluded(it, asOf) }
	tpls := map[string]*templates.Template{}
	err = db.View(func(tx *store.Tx) error {
		all, err := templates.All(tx)
		if err != nil {
			return err
		}
		for _, t := range all {
			tpls[t.Key()] = t
		}
		s.Previous, err = archive.PreviousIndex(tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	s.Template = func(st templates.Stage, lang string) (*templates.Template, error) {
		if t := tpls[templates.Key(st, lang)]; t != nil {
			return t, nil
		}
		return templates.Shipped(st, lang)
	}
	return s, nil
}

// Batch returns o with the sources filled in: the options of every batch of letters.
func (s *LetterSources) Batch(o letterpdf.BatchOptions) letterpdf.BatchOptions {
	o.Rates, o.Template, o.Previous, o.Exclude = s.Rates, s.Template, s.Previous, s.Exclude
	return o
}

// AgendaJobs turns agenda entries into letter jobs (an entry without a letter template
// is left out) and indexes the entries by JobKey, to record them once issued.
func AgendaJobs(entries []dunning.Entry, rec *dunning.Records) ([]letterpdf.Job, map[string]dunning.Entry) {
	var jobs []letterpdf.Job
	byJob := map[string]dunning.Entry{}
	for _, e := range entries {
		st, err := templates.ParseStage(e.Template)
		if err != nil {
			continue
		}
		job := letterpdf.Job{Customer: e.Customer, Stage: st, ItemIDs: e.Items}
		if st == templates.Conf {
			job.Promise = compose.PromiseOf(rec, e.Customer)
		}
		jobs = append(jobs, job)
		byJob[JobKey(job)] = e
	}
	return jobs, byJob
}

// JobKey identifies a job's agenda entry: its customer and stage.
func JobKey(j letterpdf.Job) string { return j.Customer + "/" + string(j.Stage) }

// Issue freezes the letters written by a batch in the archive, in one transaction: a
// letter of an agenda entry (entries, by JobKey) carries out that entry (the step is
// done, the planned action it stood for closed), another one is recorded in the
// customer's history. It returns the archive ID of each result ("" for a letter that
// was not written).
func Issue(db *store.DB, book *ledger.Book, res []letterpdf.Result, entries map[string]dunning.Entry,
	by string, asOf ledger.Date, now time.Time) ([]string, error) {
	ids := make([]string, len(res))
	err := db.Update(func(tx *store.Tx) error {
		for i, r := range res {
			if r.Err != nil || r.Letter == nil {
				continue
			}
			in := archive.Input{Letter: r.Letter, PDF: r.PDF, By: by, At: now}
			en, ok := entries[JobKey(r.Job)]
			if ok && en.Channel == dunning.ChanEmail {
				in.Channel = templates.Email
			}
			if !ok {
				rec, err := archive.IssueRecorded(tx, in)
				if err != nil {
					return err
				}
				ids[i] = rec.ID
				continue
			}
			rec, err := archive.Issue(tx, in)
			if err != nil {
				return err
			}
			eff, err := dunning.Record(en, book.Account(en.Customer), dunning.Outcome{Kind: dunning.OutcomeSent,
				Date: asOf, By: by, Letter: rec.ID})
			if err != nil {
				return err
			}
			if err := tx.ApplyOutcome(&eff); err != nil {
				return err
			}
			ids[i] = rec.ID
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}
