package cli

import (
	"fmt"
	"io"
	"net/mail"
	"path/filepath"
	"strings"
	"time"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/letters"
	"relance/letters/compose"
	"relance/letters/letterpdf"
	lmail "relance/letters/mail"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// openLetters opens the dossier of a letter command (read-write when letters are issued).
func openLetters(path string, write bool) (*desk.Session, error) {
	if write {
		return desk.OpenWrite(path)
	}
	return desk.OpenRead(path)
}

// runLetter writes one letter to one customer as a PDF, or as an .eml with the PDF
// attached, and with --issue freezes it in the dossier's archive.
func runLetter(env *Env, args []string) (err error) {
	fs := env.flags("letter")
	rf := env.reportFlags(fs)
	customer := fs.String("customer", "", "customer ID")
	stageFlag := fs.String("stage", "", "pre|r1|r2|r3|med|conf|plan|dispute|block|statement")
	lang := fs.String("lang", "", "fr|en (default: the customer's language)")
	items := fs.String("items", "", "invoice numbers or item IDs, comma-separated (default: the stage's selection)")
	out := fs.String("out", "", "FILE.pdf or FILE.eml")
	issue := fs.Bool("issue", false, "archive the letter in the dossier (frozen, hash-chained)")
	by := fs.String("by", "", "with --issue: who issues it")
	promise := fs.String("promise", "", "conf: AMOUNT:YYYY-MM-DD promised on the phone")
	instalments := fs.Int("instalments", 3, "plan: number of monthly instalments")
	first := fs.String("first", "", "plan: first instalment date (default: --at + 30 days)")
	disputeID := fs.String("dispute", "", "dispute: the dispute's ID (L2026-0001)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *rf.db, "customer", *customer, "stage", *stageFlag, "out", *out); err != nil {
		return err
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if ext != ".pdf" && ext != ".eml" {
		return &usageError{msg: i18n.T(env.Lang, "letters.cli.out_ext", "value", *out)}
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
	firstDate, err := env.date("first", *first, asOf.AddDays(30))
	if err != nil {
		return err
	}
	var prom *compose.Promise
	if *promise != "" {
		amt, day, ok := strings.Cut(*promise, ":")
		c, err1 := ledger.ParseCents(amt)
		d, err2 := ledger.ParseDate(day)
		if !ok || err1 != nil || err2 != nil {
			return &usageError{msg: i18n.T(env.Lang, "letters.cli.promise", "value", *promise)}
		}
		prom = &compose.Promise{Amount: c, Date: d}
	}
	ss, err := openLetters(*rf.db, *issue)
	if err != nil {
		return err
	}
	defer env.closeWrite(ss, &err)
	book := ss.Book
	if _, err := account(book, *customer); err != nil {
		return err
	}
	req := desk.LetterRequest{Customer: *customer, Stage: stage, Lang: *lang, Date: asOf, Promise: prom,
		Plan: &compose.Plan{Count: *instalments, First: firstDate}, Dispute: *disputeID}
	if *items != "" {
		req.ItemIDs = strings.Split(*items, ",")
	}
	l, err := ss.ComposeLetter(req)
	if err != nil {
		return err
	}
	factory := pdfdoc.NewFactory()
	defer factory.Warn(env.Stderr, env.Lang) // characters replaced in the PDF
	pdf, err := ss.RenderLetter(l, factory)
	if err != nil {
		return err
	}
	channel := l.Channel
	write := func(w io.Writer) error { _, err := w.Write(pdf); return err }
	if ext == ".eml" {
		channel = templates.Email
		if l.Email == "" {
			return &ledger.Problem{Key: "letters.cli.no_email", Args: []string{"customer", l.Customer}}
		}
		msg := emailOf(l, pdf, time.Local)
		write = func(w io.Writer) error { return lmail.Write(w, msg) }
	}
	if *issue {
		r, err := ss.IssueLetter(l, pdf, channel, *by, time.Now())
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "letters.cli.issued", "id", r.ID, "hash", r.PDFHash))
	}
	return letters.WriteFile(*out, write)
}

// emailOf returns the e-mail carrying letter l's PDF, dated the letter's issue date at
// noon in loc (the machine's zone, passed in by the command): the mail program shows the
// letter's own day with the user's offset, and the same letter still gives the same
// bytes (the Message-ID is derived from the content, date included), which the clock's
// time of day would not.
func emailOf(l *compose.Letter, pdf []byte, loc *time.Location) lmail.Message {
	from := l.Signatory.Email
	if from == "" {
		from = l.Company.Email
	}
	body := i18n.T(l.Lang, "letters.mail.body", "salutation", strings.TrimSuffix(l.Salutation, ","),
		"date", pdfdoc.FormatLongDate(l.Lang, l.Date), "ref", l.Reference,
		"customer", l.Customer, "signatory", l.Signatory.Name, "company", l.Company.Name)
	return lmail.Message{
		From: mail.Address{Name: l.Company.Name, Address: from}, To: mail.Address{Name: l.CustomerName, Address: l.Email},
		Subject: l.Subject, Date: noonIn(l.Date, loc), Body: body,
		Attachments: []lmail.Attachment{{Name: letterpdf.FileName(l), ContentType: "application/pdf", Data: pdf}},
	}
}

// noonIn is d at 12:00 in loc.
func noonIn(d ledger.Date, loc *time.Location) time.Time {
	y, m, day := d.Time().Date()
	return time.Date(y, m, day, 12, 0, 0, 0, loc)
}
