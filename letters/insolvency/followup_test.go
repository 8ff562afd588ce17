package insolvency

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/demo/demotest"
	"relance/ledger/law"
	"relance/letters/pdfdoc"
)

// followDemo is the demo dossier anchored at today with its procedure and rates.
type followDemo struct {
	book  *ledger.Book
	acct  *ledger.Account
	p     law.Procedure
	rates *law.Rates
}

func openFollowDemo(t *testing.T, today ledger.Date) followDemo {
	t.Helper()
	db, book := demotest.Open(t, today)
	ps, err := db.LoadProcedures()
	if err != nil || len(ps) != 1 {
		t.Fatalf("demo procedures %v %v", ps, err)
	}
	p := &ps[0]
	rates, err := db.Rates()
	if err != nil {
		t.Fatal(err)
	}
	return followDemo{book: book, acct: book.Account(p.Customer), p: *p, rates: rates}
}

// text renders f and returns its text on one line.
func (fd followDemo) text(t *testing.T, f *FollowUp) string {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderFollowUp(&buf, fd.book, fd.acct, f, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	file := filepath.Join(t.TempDir(), "f.pdf")
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	txt := strings.Join(strings.Fields(string(out)), " ")
	if strings.Contains(txt, "…") {
		t.Errorf("text cut with « … »: %s", txt)
	}
	return txt
}

// contains checks that txt holds every want, spaces (the amounts' narrow no-break
// spaces) compared as single spaces.
func contains(t *testing.T, what, txt string, want ...string) {
	t.Helper()
	txt = strings.Join(strings.Fields(txt), " ")
	var missing []string
	for _, w := range want {
		if w = strings.Join(strings.Fields(w), " "); !strings.Contains(txt, w) {
			missing = append(missing, w)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%s lacks %q:\n%s", what, missing, txt)
	}
}

// The requête en relevé de forclusion cites its articles, the reason, the claim's
// amounts and the deadline of the request; before the filing period ends it is refused.
func TestForclusionLetter(t *testing.T) {
	today := ledger.NewDate(2026, time.November, 23)
	fd := openFollowDemo(t, today)
	_, err := BuildFollowUp(fd.book, fd.acct, fd.p, fd.rates, FollowUpRequest{Kind: Forclusion}, today)
	var pb *ledger.Problem
	if !errors.As(err, &pb) || pb.Key != "insolv2.err.forclusion_early" {
		t.Fatalf("relevé before the filing deadline: %v", err)
	}
	asOf := fd.p.BODACC.AddMonths(3)
	claim, err := law.BuildClaim(fd.rates, fd.acct, fd.p, law.Unsecured, asOf)
	if err != nil {
		t.Fatal(err)
	}
	money := func(c ledger.Cents) string { return c.Format("fr", fd.book.Settings.Currency) }
	date := func(d ledger.Date) string { return pdfdoc.FormatDate("fr", d) }
	if _, err := BuildFollowUp(fd.book, fd.acct, fd.p, fd.rates, FollowUpRequest{Kind: Forclusion, Reason: ReasonOther}, asOf); err == nil {
		t.Error("« other » without facts accepted")
	}
	f, err := BuildFollowUp(fd.book, fd.acct, fd.p, fd.rates, FollowUpRequest{Kind: Forclusion, Reason: ReasonOmitted,
		CourtAddress: ledger.ParseAddressLine("Palais de la Bourse, 69289 Lyon")}, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if f.Total != claim.Total || f.Deadline != fd.p.BODACC.AddMonths(6) || f.Late {
		t.Errorf("total %v deadline %s late %v; claim %v", f.Total, f.Deadline, f.Late, claim.Total)
	}
	txt := fd.text(t, f)
	contains(t, "relevé", txt, "requête en relevé de forclusion", "L622-26", "R622-25", "L622-6", "Juge-commissaire",
		"Palais de la Bourse", money(claim.Total), money(claim.DueTotal), money(claim.FallTotal), date(f.Deadline),
		"délai de six mois", "répartitions postérieures", "Copie : "+fd.p.Mandataire, fd.p.Court)
	for _, it := range append(claim.Due, claim.ToFallDue...) {
		contains(t, "relevé", txt, it.Number, money(it.Open))
	}

	// Could not know its claim: 1 year; after it, the letter says the period expired.
	late := fd.p.BODACC.AddMonths(13)
	f, err = BuildFollowUp(fd.book, fd.acct, fd.p, fd.rates, FollowUpRequest{Kind: Forclusion, Reason: ReasonUnknown,
		Facts: "facture découverte lors d'un audit", Lang: "en"}, late)
	if err != nil {
		t.Fatal(err)
	}
	if f.Deadline != fd.p.BODACC.AddMonths(12) || !f.Late {
		t.Errorf("1 year: %s late %v", f.Deadline, f.Late)
	}
	txt = fd.text(t, f)
	contains(t, "relief (en)", txt, "Courtesy translation", "relief from the time bar", "within one year",
		"facture découverte lors d'un audit.", "Warning: the applicable period expired on "+pdfdoc.FormatDate("en", f.Deadline))
}

// The mise en demeure on an ongoing contract goes to the administrator with a copy to
// the mandataire, states the one-month consequence (L622-13) and the payment of the
// later performance: cash in a redressement, the contract's terms in a sauvegarde;
// without an administrator it goes to the debtor.
func TestContractLetter(t *testing.T) {
	today := ledger.NewDate(2026, time.November, 23)
	fd := openFollowDemo(t, today)
	req := FollowUpRequest{Kind: Contract, Contract: "contrat de maintenance n° 2025-14"}
	f, err := BuildFollowUp(fd.book, fd.acct, fd.p, nil, req, today)
	if err != nil {
		t.Fatal(err)
	}
	if f.To != fd.p.Administrator || f.CopyTo != fd.p.Mandataire || len(f.Items) != 0 {
		t.Errorf("to %q copy %q items %d", f.To, f.CopyTo, len(f.Items))
	}
	txt := fd.text(t, f)
	contains(t, "contract", txt, "L622-13 III 1°", "contrat de maintenance n° 2025-14.", "délai d'un mois",
		"résilié de plein droit", "au comptant", "Copie : "+fd.p.Mandataire)

	p := fd.p
	p.Kind, p.Administrator = law.Sauvegarde, ""
	f, err = BuildFollowUp(fd.book, fd.acct, p, nil, req, today)
	if err != nil {
		t.Fatal(err)
	}
	if f.To != fd.acct.Customer.Name || f.CopyTo != p.Mandataire {
		t.Errorf("sauvegarde without administrator: to %q copy %q", f.To, f.CopyTo)
	}
	txt = fd.text(t, f)
	contains(t, "contract (sauvegarde)", txt, "conditions du contrat", "Madame, Monsieur,")
}

// The information of post-opening claims lists the invoices dated after the judgment
// with their amounts and total, cites L622-17 (L641-13 in a liquidation) and, once
// the observation period's end is recorded, the one-year deadline.
func TestPostOpeningLetter(t *testing.T) {
	today := ledger.NewDate(2026, time.November, 23)
	fd := openFollowDemo(t, today)
	claim, err := law.BuildClaim(nil, fd.acct, fd.p, law.Unsecured, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(claim.Later) == 0 {
		t.Skip("no post-opening invoice in the demo at this date")
	}
	p := fd.p
	p.Events = []law.ProcEvent{{Kind: law.EventObservationEnd, Date: today.AddDays(-1)}}
	f, err := BuildFollowUp(fd.book, fd.acct, p, nil, FollowUpRequest{Kind: PostOpening}, today)
	if err != nil {
		t.Fatal(err)
	}
	var total ledger.Cents
	for _, it := range claim.Later {
		total += it.Open
	}
	money := func(c ledger.Cents) string { return c.Format("fr", fd.book.Settings.Currency) }
	if f.Total != total || f.Deadline != today.AddDays(-1).AddMonths(12) {
		t.Errorf("total %v want %v, deadline %s", f.Total, total, f.Deadline)
	}
	txt := fd.text(t, f)
	contains(t, "post-opening", txt, "L622-17", "payées par privilège", money(total), pdfdoc.FormatDate("fr", f.Deadline))
	for _, it := range claim.Later {
		contains(t, "post-opening", txt, it.Number, money(it.Open))
	}
	rec := f.Record(fd.book).PlainText()
	contains(t, "post-opening record", rec, "L622-17", money(total), claim.Later[0].Number)

	p.Kind, p.Events = law.Liquidation, nil
	f, err = BuildFollowUp(fd.book, fd.acct, p, nil, FollowUpRequest{Kind: PostOpening}, today)
	if err != nil {
		t.Fatal(err)
	}
	if f.To != p.Mandataire || f.Deadline.Valid() {
		t.Errorf("liquidation: to %q deadline %s", f.To, f.Deadline)
	}
	contains(t, "post-opening (liquidation)", fd.text(t, f), "L641-13")

	p.Judgment = today
	p.BODACC = today
	if _, err := BuildFollowUp(fd.book, fd.acct, p, nil, FollowUpRequest{Kind: PostOpening}, today); err == nil {
		t.Error("a letter without a post-opening invoice")
	}
}
