package desk_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
)

// The form is parsed the way both fronts type it; a bad value names the field.
func TestParseJudgmentForm(t *testing.T) {
	f := desk.JudgmentForm{Customer: "C1", Kind: "ordonnance", Decision: "10/03/2026", Enforceable: "2026-04-15",
		Principal: "12 500,00", Rate: "8,5 %", InterestFrom: "01/02/2026", Art700: "1 000", Costs: "95,38", Capitalise: true}
	j, err := desk.ParseJudgmentForm(f)
	if err != nil {
		t.Fatal(err)
	}
	if j.Kind != law.JudgmentInjonction || j.Principal != 1250000 || j.Interest != law.InterestContract ||
		j.Rate.Decimal.String() != "8.5" || j.InterestFrom.String() != "2026-02-01" || j.Art700 != 100000 ||
		j.Costs != 9538 || !j.Capitalise || j.Enforceable.String() != "2026-04-15" {
		t.Errorf("parsed %+v", j)
	}
	for rate, want := range map[string]law.InterestKind{"": law.InterestLegal, "légal": law.InterestLegal, "L441-10": law.InterestL441} {
		g := f
		g.Rate = rate
		if j, err := desk.ParseJudgmentForm(g); err != nil || j.Interest != want || j.Rate.Valid {
			t.Errorf("rate %q: %v %+v", rate, err, j)
		}
	}
	for _, c := range []struct {
		change func(*desk.JudgmentForm)
		key    string
		fr     string
	}{
		{func(f *desk.JudgmentForm) { f.Decision = "31/02/2026" }, "judgment.err.typed", "Valeur invalide pour « date de la décision » : « 31/02/2026 »"},
		{func(f *desk.JudgmentForm) { f.Kind = "arrêt" }, "judgment.err.typed", "« arrêt »"},
		{func(f *desk.JudgmentForm) { f.Rate = "beaucoup" }, "judgment.err.typed", "« beaucoup »"},
		{func(f *desk.JudgmentForm) { f.Costs = "-3" }, "judgment.err.typed", "dépens"},
		{func(f *desk.JudgmentForm) { f.Enforceable = "01/03/2026" }, "judgment.err.enforceable_before", "01/03/2026"},
	} {
		g := f
		c.change(&g)
		_, err := desk.ParseJudgmentForm(g)
		if !errors.Is(err, &ledger.Problem{Key: c.key}) || !strings.Contains(ledger.Localize(err, "fr"), c.fr) {
			t.Errorf("%+v: %v (fr: %s), want %s saying %q", g, err, ledger.Localize(err, "fr"), c.key, c.fr)
		}
	}
}

// A decision is recorded in one transaction (nothing when refused), a payment is
// added to it, the list and the décompte show what remains due, the PDF is written,
// and the agenda lists its enforcement deadline once it is six months away.
func TestRecordJudgmentAndDecompte(t *testing.T) {
	s := openDemo(t)
	acc, _ := undisputedOverdue(t, s)
	f := desk.JudgmentForm{Customer: acc.Customer.ID, Kind: "jugement", Court: "Tribunal de commerce de Lyon", Ref: "RG 2025/123",
		Decision: "10/03/2025", Enforceable: "15/04/2025", Principal: "10000", Art700: "1500", Costs: "80"}
	j, err := desk.ParseJudgmentForm(f)
	if err != nil {
		t.Fatal(err)
	}
	rev := revision(t, s)
	future := j
	future.Enforceable = anchor.AddDays(1)
	if err := s.RecordJudgment(&future, anchor, "test"); !errors.Is(err, &ledger.Problem{Key: "judgment.err.future"}) {
		t.Errorf("future: %v", err)
	}
	unknown := j
	unknown.Customer = "NOPE"
	refused(t, s, "unknown customer", s.RecordJudgment(&unknown, anchor, "test"), "judgment.err.customer", rev)
	if err := s.RecordJudgment(&j, anchor, "test"); err != nil {
		t.Fatal(err)
	}
	written(t, s, "judgment", rev)
	if j.ID != "JG2025-0001" || j.Recorded != anchor || j.By != "test" {
		t.Errorf("recorded %+v", j)
	}
	rev = revision(t, s)
	if _, err := s.AddJudgmentPayment(j.ID, "30/13/2025", "100", "", anchor); !errors.Is(err, &ledger.Problem{Key: "judgment.err.typed"}) {
		t.Errorf("bad payment date: %v", err)
	}
	refused(t, s, "payment before the decision", func() error {
		_, err := s.AddJudgmentPayment(j.ID, "01/03/2025", "100", "", anchor)
		return err
	}(), "", rev)
	if _, err := s.AddJudgmentPayment(j.ID, "30/09/2025", "1 580,00", "VIR 42", anchor); err != nil {
		t.Fatal(err)
	}
	written(t, s, "payment", rev)

	// On 30/09/2025 the payment goes to the dépens (80) and art. 700 (1 500); the
	// interest is that of the first hand-computed test of ledger/law (same decision):
	// 10 000 + 329.97 (principal) + 49.50 (art. 700, 14.79 + 5.37 + 29.34) = 10 379.47.
	d, err := s.JudgmentDecompte(acc.Customer.ID, "", ledger.NewDate(2025, time.September, 30))
	if err != nil {
		t.Fatal(err)
	}
	if d.Totals.TotalDue != 1037947 || d.Totals.Paid != 158000 || d.Events[0].ToCosts != 158000 {
		t.Errorf("décompte at %s: %+v %+v", d.AsOf, d.Totals, d.Events)
	}
	if _, err := s.JudgmentDecompte(acc.Customer.ID, "JG1999-0001", anchor); !errors.Is(err, &ledger.Problem{Key: "judgment.err.unknown"}) {
		t.Errorf("unknown ID: %v", err)
	}
	if _, err := s.JudgmentDecompte("C-NONE", "", anchor); !errors.Is(err, &ledger.Problem{Key: "judgment.err.none"}) {
		t.Errorf("no decision: %v", err)
	}

	rows, err := s.Judgments(anchor, "fr")
	if err != nil || len(rows) != 1 || rows[0].Name != acc.Customer.Name || rows[0].EnforceUntil.String() != "2035-04-15" ||
		rows[0].TotalDue <= 1000000 || rows[0].Problem != "" {
		t.Fatalf("rows %+v %v", rows, err)
	}

	d, err = s.JudgmentDecompte(acc.Customer.ID, j.ID, anchor)
	if err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	if err := s.WriteJudgmentPDF(&pdf, d, "fr", nil); err != nil || !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF")) {
		t.Fatalf("PDF: %v", err)
	}

	// Not on the agenda ten years ahead of the deadline; on it six months before.
	ag, err := s.Agenda(anchor, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ag.Legal {
		if l.Kind == desk.EnforcementKind {
			t.Errorf("enforcement deadline listed ten years ahead: %+v", l)
		}
	}
	old := law.Judgment{Customer: acc.Customer.ID, Kind: law.JudgmentInjonction, Decision: anchor.AddMonths(-120).AddDays(-20),
		Enforceable: anchor.AddMonths(-120).AddDays(30), Principal: 50000, Interest: law.InterestLegal}
	if err := s.RecordJudgment(&old, anchor, ""); err != nil {
		t.Fatal(err)
	}
	ag, err = s.Agenda(anchor, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, l := range ag.Legal {
		if l.Kind == desk.EnforcementKind {
			found = l.Date == anchor.AddDays(30) && l.DaysLeft == 30 && l.Rule == "CPCE L111-4" && l.Customer == acc.Customer.ID
		}
	}
	if !found {
		t.Errorf("enforcement deadline not on the agenda: %+v", ag.Legal)
	}
}
