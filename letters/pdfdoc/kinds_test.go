package pdfdoc_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/demo"
	"relance/ledger/demo/demotest"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/store"
	"relance/letters/agedpdf"
	"relance/letters/callsheet"
	"relance/letters/check"
	"relance/letters/checkpdf"
	"relance/letters/compose"
	"relance/letters/dashpdf"
	"relance/letters/digest"
	"relance/letters/injonction"
	"relance/letters/insolvency"
	"relance/letters/letterpdf"
	"relance/letters/pdfdoc"
	"relance/letters/statement"
	"relance/letters/templates"
)

var today = ledger.NewDate(2026, time.November, 23)

// names are the hostile customer names of issue 20, and what must be read back from
// the PDFs ("" : only the replacement mark).
var names = []struct{ name, in, read string }{
	{"emoji", "Café 😀 🇫🇷 𝔘nion", "Café"},
	{"cjk", "株式会社テスト 北京", ""},
	{"greek", "Ελληνικά Εταιρεία", "Ελληνικά"},
	{"cyrillic", "ООО Москва", "Москва"},
	{"arabic", "شركة الاختبار", ""},
	{"combining", "Cafe\u0301 Noe\u0308l", "Café Noël"},
	{"controls", "Ctrl\x00\x07\x1b\u0085 SARL", "Ctrl SARL"},
	{"mixed", "Ωmega Москва 😀 株式会社", "Ωmega Москва"},
}

// fixture is the demo dossier with the customers each document kind is about.
type fixture struct {
	db             *store.DB
	book           *ledger.Book
	rates          *law.Rates
	letter, insolv string
	call           []string
	agenda         dunning.Agenda
	records        dunning.Records
	disputes       []dispute.Dispute
	proc           *law.Procedure
	checker        *check.Engine
	factory        *pdfdoc.Factory // the statement's, for its warning
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db, book := demotest.Open(t, today)
	fx := &fixture{db: db, book: book}
	var err error
	if fx.rates, err = db.Rates(); err != nil {
		t.Fatal(err)
	}
	sc, rec, err := db.LoadDunning()
	if err != nil {
		t.Fatal(err)
	}
	fx.records = rec
	if fx.disputes, _, err = db.LoadDisputes(); err != nil {
		t.Fatal(err)
	}
	fx.agenda = dunning.Run(dunning.Input{Book: fx.book, AsOf: today, Scenarios: sc, Records: rec, Disputes: dispute.NewIndex(fx.disputes)})
	ps, err := db.LoadProcedures()
	if err != nil || len(ps) == 0 {
		t.Fatalf("demo procedures %v %v", ps, err)
	}
	if fx.proc, err = insolvency.Procedure(db, ps[0].Customer, today); err != nil {
		t.Fatal(err)
	}
	fx.insolv = fx.proc.Customer
	for _, a := range fx.book.Accounts {
		if fx.letter == "" && statement.HasOverdue(a, today) && a.Customer.ID != fx.insolv {
			fx.letter = a.Customer.ID
		}
	}
	fx.call = []string{fx.letter}
	if len(rec.Plans) > 0 {
		fx.call = append(fx.call, rec.Plans[0].Customer)
	}
	if fx.checker, err = check.New(); err != nil {
		t.Fatal(err)
	}
	return fx
}

// rename gives every customer and the company hostile names (the company's only in
// the "mixed" case, so that the other cases test the customers' names alone).
func (fx *fixture) rename(name, in string) {
	for _, a := range fx.book.Accounts {
		a.Customer.Name = in + " " + a.Customer.ID
		if len(a.Customer.Address.Lines) > 0 {
			a.Customer.Address.Lines[0] = in
		}
	}
	if name == "mixed" {
		fx.book.Settings.Company.Name = in
	}
}

// kinds renders every kind of PDF of the application for fx's current names.
func (fx *fixture) kinds(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	render := func(kind string, f func(*bytes.Buffer) error) {
		var buf bytes.Buffer
		if err := f(&buf); err != nil {
			t.Errorf("%s: %v", kind, err)
			return
		}
		out[kind] = buf.Bytes()
	}
	b := fx.book
	fx.factory = pdfdoc.NewFactory()
	render("statement", func(w *bytes.Buffer) error {
		return statement.Render(w, b, fx.letter, today, statement.Options{Factory: fx.factory})
	})
	for _, lang := range []string{"fr", "en"} {
		for _, st := range templates.Stages() {
			render("letter-"+string(st)+"-"+lang, func(w *bytes.Buffer) error {
				l, err := compose.Compose(letterInput(b, fx, st, lang))
				if err != nil {
					return err
				}
				return letterpdf.Render(w, l, letterpdf.Options{Enclose: letterpdf.EncloseStatement(b)})
			})
		}
	}
	render("batch", func(w *bytes.Buffer) error {
		dir := t.TempDir()
		res, err := letterpdf.Batch(b, []letterpdf.Job{{Customer: fx.letter, Stage: templates.R1}, {Customer: fx.letter, Stage: templates.MED}},
			letterpdf.BatchOptions{Date: today, Dir: dir, Merged: filepath.Join(dir, "all.pdf"), Rates: fx.rates})
		for _, r := range res {
			if r.Err != nil {
				return r.Err
			}
		}
		if err != nil {
			return err
		}
		all, err := os.ReadFile(filepath.Join(dir, "all.pdf"))
		w.Write(all)
		return err
	})
	for _, id := range fx.call {
		render("callsheet-"+id, func(w *bytes.Buffer) error {
			s := callsheet.Gather(b, b.Account(id), today, fx.agenda, fx.records, fx.disputes, "")
			return callsheet.Render(w, s, callsheet.Options{})
		})
	}
	render("aged", func(w *bytes.Buffer) error {
		return agedpdf.Render(w, b.Settings, agedpdf.FromAged(credit.AgedBalance(b, today, nil)), agedpdf.Options{})
	})
	render("kpi", func(w *bytes.Buffer) error {
		hist := credit.History(b, today, 24, credit.KPIOptions{})
		r := dashpdf.Report{Snapshot: &hist[len(hist)-1], History: hist, Aged: credit.AgedBalance(b, today, nil),
			Top: ledger.TopOverdue(credit.Summaries(b, today), 10)}
		return dashpdf.Render(w, b.Settings, r, dashpdf.Options{Lang: "fr"})
	})
	ds, bs := demo.Disputes(b, today)
	render("digest", func(w *bytes.Buffer) error {
		dg := dispute.Digest(b, dispute.NewIndex(ds), bs, b.Salespeople[0], today)
		return digest.RenderPDF(w, b.Settings, &dg, digest.Options{})
	})
	render("ack", func(w *bytes.Buffer) error {
		acct := b.Account(ds[0].Customer)
		return digest.RenderAck(w, b.Settings, &acct.Customer, &ds[0], acct.Items, digest.Options{Lang: "fr"})
	})
	render("injonction", func(w *bytes.Buffer) error {
		p, err := injonction.Prepare(fx.db, b, fx.letter, today, nil)
		if err != nil {
			return err
		}
		return injonction.Render(w, b, p, "fr", injonction.Options{})
	})
	acct := b.Account(fx.insolv)
	render("claim", func(w *bytes.Buffer) error {
		return insolvency.RenderClaim(w, b, acct, *fx.proc, fx.rates, today, insolvency.Options{})
	})
	render("retention", func(w *bytes.Buffer) error {
		return insolvency.RenderRetention(w, b, acct, *fx.proc, today, insolvency.Options{})
	})
	render("check", func(w *bytes.Buffer) error {
		text := "Madame, Monsieur,\n\nNotre client " + b.Account(fx.letter).Customer.Name + " reste redevable de 1 200 €.\n\nCordialement."
		res := fx.checker.Check(text, check.Options{Lang: "fr", Stage: check.Stage("r1")})
		return checkpdf.Render(w, checkpdf.Report{Lang: "fr", Result: res, Original: text, Created: today.Time()})
	})
	return out
}

func letterInput(b *ledger.Book, fx *fixture, st templates.Stage, lang string) compose.Input {
	acct := b.Account(fx.letter)
	in := compose.Input{Settings: b.Settings, Account: acct, Stage: st, Lang: lang, Date: today, Rates: fx.rates,
		Previous: []compose.Previous{{Date: today.AddDays(-30), Stage: templates.R1}, {Date: today.AddDays(-15), Stage: templates.R2}}}
	switch st {
	case templates.Conf:
		in.Promise = &compose.Promise{Amount: 50000, Date: today.AddDays(10)}
	case templates.Plan:
		in.Plan = &compose.Plan{Count: 3, First: today.AddDays(15)}
	case templates.Dispute:
		d := &compose.DisputeInfo{Ref: "L2026-0042", Opened: today.AddDays(-2), Reason: "prix", DueBy: today.AddDays(15),
			Items: map[string]ledger.Cents{}}
		for _, it := range acct.Items {
			if it.Kind == ledger.Invoice && it.Open > 0 && it.DueDate < today {
				d.Items[it.ID] = it.Open
				break
			}
		}
		in.Dispute = d
	}
	return in
}

// pdfText returns the text pdftotext reads in pdf (the test is skipped without it).
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

// Issue 20: every kind of PDF, with customers named in emoji, CJK, Greek, Cyrillic,
// Arabic, combining marks and control characters: no panic, a valid PDF that
// pdftotext reads, Greek and Cyrillic readable, the unknown characters replaced
// visibly. PDFSAFE_OUT=DIR keeps the PDFs.
func TestEveryKindHostileNames(t *testing.T) {
	fx := newFixture(t)
	// The documents that print the customer's name (the others list top debtors only).
	named := []string{"statement", "letter-r1-fr", "letter-med-en", "callsheet-" + fx.letter, "injonction", "ack", "check"}
	for _, c := range names {
		t.Run(c.name, func(t *testing.T) {
			fx.rename(c.name, c.in)
			docs := fx.kinds(t)
			texts := map[string]string{}
			for kind, pdf := range docs {
				if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
					t.Errorf("%s: not a PDF", kind)
					continue
				}
				text := pdfText(t, pdf)
				texts[kind] = text
				if dir := os.Getenv("PDFSAFE_OUT"); dir != "" {
					os.WriteFile(filepath.Join(dir, c.name+"-"+kind+".pdf"), pdf, 0o644)
				}
				for _, bad := range []string{"\x00", "\x07", "\x1b", "\u0085"} {
					if strings.Contains(text, bad) {
						t.Errorf("%s: %q in the text", kind, bad)
					}
				}
			}
			for _, kind := range named {
				if docs[kind] == nil {
					continue
				}
				text := strings.Join(strings.Fields(texts[kind]), " ")
				if c.read != "" && !strings.Contains(text, c.read) {
					t.Errorf("%s: %q not readable in\n%.600s", kind, c.read, text)
				}
				if (c.name == "emoji" || c.name == "cjk" || c.name == "mixed") && !strings.Contains(text, "\uFFFD") {
					t.Errorf("%s: no visible replacement", kind)
				}
			}
			warned := fx.factory.Warning("fr") != ""
			if want := c.name == "emoji" || c.name == "cjk" || c.name == "mixed"; warned != want {
				t.Errorf("statement warning %q, want one: %v", fx.factory.Warning("fr"), want)
			}
		})
	}
}
