package desk

import (
	"io"
	"path/filepath"
	"strconv"
	"time"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/store"
	"relance/letters"
	"relance/letters/archive"
	"relance/letters/compose"
	"relance/letters/letterpdf"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// LetterSources is what composing a dossier's letters needs beyond its book, read once:
// the rate tables (with the dossier's half-years), its edited templates, the letters
// already issued on each item, and its disputes (disputed items leave the letters).
type LetterSources struct {
	Rates      *law.Rates
	Procedures []law.Procedure
	Disputes   []dispute.Dispute
	// Exclude leaves out of a letter the items under dispute at the as-of date.
	Exclude func(*ledger.Item) bool
	// Template is the dossier's template of a stage and language, or the shipped one.
	Template func(templates.Stage, string) (*templates.Template, error)
	// Previous lists the letters already issued on a customer's items.
	Previous func(customer string, items []string) []compose.Previous
}

// LetterSources reads the letter sources of the dossier at asOf.
func (ss *Session) LetterSources(asOf ledger.Date) (*LetterSources, error) {
	s := &LetterSources{Rates: ss.Rates, Procedures: ss.Procedures, Disputes: ss.Disputes}
	idx := ss.Index
	s.Exclude = func(it *ledger.Item) bool { return idx.Excluded(it, asOf) }
	tpls := map[string]*templates.Template{}
	err := ss.DB.View(func(tx *store.Tx) error {
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
	o.Rates, o.Procedures, o.Template, o.Previous, o.Exclude = s.Rates, s.Procedures, s.Template, s.Previous, s.Exclude
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

// LetterBatch is a batch of letters composed and rendered, not yet issued nor
// written: each job's result and, for a batch of the agenda, the entry of each job (by
// JobKey). Issue writes the PDFs once the archive's transaction has committed, so that
// no PDF of a letter that was not archived is left in the folder; WriteFiles writes
// them without issuing (a preview).
type LetterBatch struct {
	Results []letterpdf.Result
	Entries map[string]dunning.Entry
	// Head is the archive's head once Issue committed.
	Head archive.Head

	book *ledger.Book
	opt  letterpdf.BatchOptions // the folder and the merged file to write
}

// newBatch renders the letters of jobs with opt but writes nothing: the folder and the
// merged file are kept for WriteFiles.
func (s *Session) newBatch(jobs []letterpdf.Job, opt letterpdf.BatchOptions) (*LetterBatch, error) {
	b := &LetterBatch{book: s.Book, opt: opt}
	opt.Dir, opt.Merged, opt.KeepPDF = "", "", true
	res, err := letterpdf.Batch(s.Book, jobs, opt)
	if err != nil {
		return nil, err
	}
	b.Results = res
	return b, nil
}

// WriteFiles writes each letter written without error to its PDF in the batch's
// folder (setting its Result's File) and all of them to the merged file, each through
// a temporary name (letters.WriteFile): a failure leaves no partial file.
func (b *LetterBatch) WriteFiles() error {
	var merged []*compose.Letter
	for i := range b.Results {
		r := &b.Results[i]
		if r.Err != nil || r.Letter == nil || r.PDF == nil {
			continue
		}
		merged = append(merged, r.Letter)
		if b.opt.Dir == "" {
			continue
		}
		r.File = filepath.Join(b.opt.Dir, letterpdf.FileName(r.Letter))
		pdf := r.PDF
		if err := letters.WriteFile(r.File, func(w io.Writer) error { _, err := w.Write(pdf); return err }); err != nil {
			return err
		}
	}
	if b.opt.Merged == "" || len(merged) == 0 {
		return nil
	}
	lang := b.book.Settings.Normalize().Lang
	title := i18n.T(lang, "letters.pdf.merged", "date", pdfdoc.FormatDate(lang, b.opt.Date), "count", strconv.Itoa(len(merged)))
	o := letterpdf.Options{Factory: b.opt.Factory, Created: b.opt.Date.Time().Add(12 * time.Hour),
		Uncompressed: !b.opt.CompressMerged, Enclose: b.opt.Enclose}
	if o.Factory == nil {
		o.Factory = pdfdoc.NewFactory()
	}
	return letters.WriteFile(b.opt.Merged, func(w io.Writer) error { return letterpdf.RenderMerged(w, merged, title, o) })
}

// WriteAgendaLetters composes and renders the letters of the agenda entries at asOf
// (opt gives the folder, the merged file, the progress…): with the dossier's edited
// templates, the letters already sent, the disputed items left out and the penalties
// stopped at an insolvency judgment. Nothing is written, to the dossier nor to the
// folder: Issue does it (or WriteFiles, for letters not issued).
func (s *Session) WriteAgendaLetters(asOf ledger.Date, entries []dunning.Entry, rec *dunning.Records, opt letterpdf.BatchOptions) (*LetterBatch, error) {
	custs := make([]string, 0, len(entries))
	for _, e := range entries {
		custs = append(custs, e.Customer)
	}
	s, err := s.WithAccounts(custs) // the statements enclosed
	if err != nil {
		return nil, err
	}
	src, err := s.LetterSources(asOf)
	if err != nil {
		return nil, err
	}
	jobs, byJob := AgendaJobs(entries, rec)
	opt.Date, opt.KeepPDF = asOf, true
	if opt.Enclose == nil {
		opt.Enclose = letterpdf.EncloseStatement(s.Book)
	}
	b, err := s.newBatch(jobs, src.Batch(opt))
	if err != nil {
		return nil, err
	}
	b.Entries = byJob
	return b, nil
}

// WriteStageLetters composes and renders the letter of stage to every customer with an
// overdue item not in dispute at asOf, as WriteAgendaLetters does.
func (s *Session) WriteStageLetters(asOf ledger.Date, stage templates.Stage, opt letterpdf.BatchOptions) (*LetterBatch, error) {
	s, err := s.WithAccounts(owing(s.Book)) // the letters sent on their paid items, the statements enclosed
	if err != nil {
		return nil, err
	}
	src, err := s.LetterSources(asOf)
	if err != nil {
		return nil, err
	}
	opt.Date, opt.KeepPDF = asOf, true
	if opt.Enclose == nil {
		opt.Enclose = letterpdf.EncloseStatement(s.Book)
	}
	jobs, err := s.withoutHeld(letterpdf.OverdueJobs(s.Book, asOf, stage, src.Exclude), stage, asOf) // overindebt.go
	if err != nil {
		return nil, err
	}
	return s.newBatch(jobs, src.Batch(opt))
}

// Issue freezes the letters written by a batch in the archive, in one transaction
// after a rotating backup of the state before: a
// letter of an agenda entry (entries, by JobKey) carries out that entry (the step is
// done, the planned action it stood for closed), another one is recorded in the
// customer's history. Once the transaction committed, the PDFs are written to the
// batch's folder (WriteFiles) and b.Head is the archive's new head: if the transaction
// fails, no PDF is written. It returns the archive ID of each result ("" for a letter
// that was not issued), also when the letters are archived but their files could not
// be written (then with a Problem saying so).
func (s *Session) Issue(b *LetterBatch, by string, asOf ledger.Date, now time.Time) ([]string, error) {
	res, entries := b.Results, b.Entries
	ids := make([]string, len(res))
	book := s.Book
	// The state before can be restored (File > Restore, relance restore).
	if err := s.BackupBeforeChange(); err != nil {
		return nil, err
	}
	err := s.DB.Update(func(tx *store.Tx) error {
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
	if b.Head, err = s.ArchiveHead(); err != nil {
		return ids, err
	}
	if err := b.WriteFiles(); err != nil {
		return ids, &ledger.Problem{Key: "archive2.err.files", Args: []string{"dir", b.opt.Dir}, Err: err}
	}
	return ids, nil
}

// Archive lists the issued letters that match f.
func (s *Session) Archive(f archive.Filter) ([]archive.Record, error) {
	var recs []archive.Record
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		recs, err = archive.List(tx, f)
		return err
	})
	return recs, err
}
