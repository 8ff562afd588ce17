package law

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
)

func TestProcedureDeadlines(t *testing.T) {
	cases := []struct {
		name                         string
		bodacc                       string
		abroad                       bool
		asOf                         string
		claim, retention, forclusion string
		claimLevel                   ProcLevel
	}{
		{"BODACC + 2 months", "2026-10-02", false, "2026-11-23", "2026-12-02", "2027-01-02", "2027-04-02", ProcUrgent},
		{"abroad: + 4 months", "2026-10-02", true, "2026-11-23", "2027-02-02", "2027-01-02", "2027-04-02", ProcOK},
		{"end of month clamped", "2026-12-31", false, "2027-02-20", "2027-02-28", "2027-03-31", "2027-06-30", ProcUrgent},
		{"claim passed", "2026-08-10", false, "2026-11-23", "2026-10-10", "2026-11-10", "2027-02-10", ProcExpired},
		{"last day still in time", "2026-09-23", false, "2026-11-23", "2026-11-23", "2026-12-23", "2027-03-23", ProcUrgent},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := Procedure{Customer: "C1", Kind: Redressement, Judgment: day(c.bodacc).AddDays(-10), BODACC: day(c.bodacc),
				Mandataire: "Me X", Abroad: c.abroad}
			got := map[ProcDeadlineKind]ProcDeadline{}
			for _, d := range ProcedureDeadlines(p, day(c.asOf)) {
				got[d.Kind] = d
			}
			if g := got[DeadlineClaim]; g.Date != day(c.claim) || g.Level != c.claimLevel {
				t.Errorf("claim %s %s, want %s %s", g.Date, g.Level, c.claim, c.claimLevel)
			}
			if g := got[DeadlineRetention]; g.Date != day(c.retention) {
				t.Errorf("retention %s, want %s", g.Date, c.retention)
			}
			if g := got[DeadlineForclusion]; g.Date != day(c.forclusion) {
				t.Errorf("relevé de forclusion %s, want %s", g.Date, c.forclusion)
			}
			if got[DeadlineClaim].Rule == "" || got[DeadlineRetention].Rule != "C. com. L624-9" {
				t.Errorf("rules %+v", got)
			}
		})
	}
}

func TestProcedureValidate(t *testing.T) {
	ok := Procedure{Customer: "C1", Kind: Liquidation, Judgment: day("2026-10-01"), BODACC: day("2026-10-10"), Mandataire: "Me X"}
	cases := []struct {
		name  string
		edit  func(p *Procedure)
		field string
	}{
		{"ok", func(*Procedure) {}, ""},
		{"kind", func(p *Procedure) { p.Kind = "faillite" }, "kind"},
		{"no judgment", func(p *Procedure) { p.Judgment = ledger.NoDate }, "judgment"},
		{"no bodacc", func(p *Procedure) { p.BODACC = ledger.NoDate }, "bodacc"},
		{"no mandataire", func(p *Procedure) { p.Mandataire = " " }, "mandataire"},
		{"bodacc before judgment", func(p *Procedure) { p.BODACC = day("2026-09-01") }, "bodacc_before"},
	}
	for _, c := range cases {
		p := ok
		c.edit(&p)
		err := p.Validate()
		var pr *ledger.Problem
		switch {
		case c.field == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.field == "":
		case !errors.As(err, &pr):
			t.Errorf("%s: %v, want a problem", c.name, err)
		case c.field == "bodacc_before" && pr.Key != "law.proc.err.bodacc_before":
			t.Errorf("%s: %s", c.name, pr.Key)
		case c.field != "bodacc_before" && (pr.Key != "law.proc.err.field" || pr.Args[3] != c.field):
			t.Errorf("%s: %s %v", c.name, pr.Key, pr.Args)
		}
	}
}

func TestParseProcedureKind(t *testing.T) {
	for in, want := range map[string]ProcedureKind{"sauvegarde": Sauvegarde, "RJ": Redressement, " liquidation ": Liquidation} {
		if k, ok := ParseProcedureKind(in); !ok || k != want {
			t.Errorf("%q → %q %v", in, k, ok)
		}
	}
	if _, ok := ParseProcedureKind("faillite"); ok {
		t.Error("faillite accepted")
	}
}

func TestBuildClaim(t *testing.T) {
	r := mustRates(t)
	acc := &ledger.Account{Customer: ledger.Customer{ID: "C1", Name: "Débiteur SA", Kind: ledger.Business}, Items: []ledger.Item{
		{ID: "1", Customer: "C1", Kind: ledger.Invoice, Number: "F1", DocDate: day("2025-06-01"), DueDate: day("2025-07-01"), Amount: 100000, Open: 100000},
		{ID: "2", Customer: "C1", Kind: ledger.Invoice, Number: "F2", DocDate: day("2025-09-15"), DueDate: day("2025-10-15"), Amount: 50000, Open: 50000},
		{ID: "3", Customer: "C1", Kind: ledger.Invoice, Number: "F3", DocDate: day("2025-10-20"), DueDate: day("2025-11-20"), Amount: 20000, Open: 20000},
		{ID: "4", Customer: "C1", Kind: ledger.CreditNote, Number: "A1", DocDate: day("2025-09-01"), Amount: -5000, Open: -5000},
		{ID: "5", Customer: "C1", Kind: ledger.Invoice, Number: "F0", DocDate: day("2025-01-01"), DueDate: day("2025-02-01"), Amount: 10000, Settled: day("2025-02-01")},
	}}
	p := Procedure{Customer: "C1", Kind: Redressement, Judgment: day("2025-10-01"), BODACC: day("2025-10-10"), Mandataire: "Me X"}
	c, err := BuildClaim(r, acc, p, RetentionOfTitle, day("2025-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Due) != 1 || c.DueTotal != 100000 || len(c.ToFallDue) != 1 || c.FallTotal != 50000 || len(c.Later) != 1 || c.Credits != -5000 {
		t.Fatalf("due %v %d, to fall due %v %d, later %v, credits %d", c.Due, c.DueTotal, c.ToFallDue, c.FallTotal, c.Later, c.Credits)
	}
	// F1: 1,000.00 from 2025-07-02 to 2025-09-30 (91 days, interest stops the day
	// before the judgment) at ECB 2.15 + 10 = 12.15 %: 1000 × 12.15 % × 91/365 = 30.29.
	if c.Decompte == nil || c.Penalties != 3029 || c.Indemnity != 4000 {
		t.Fatalf("penalties %d, indemnity %d, décompte %+v", c.Penalties, c.Indemnity, c.Decompte)
	}
	if want := ledger.Cents(100000 + 50000 + 3029 + 4000 - 5000); c.Total != want {
		t.Errorf("total %d, want %d", c.Total, want)
	}
	if last := c.Decompte.Lines[len(c.Decompte.Lines)-1]; last.To != day("2025-09-30") {
		t.Errorf("interest until %s", last.To)
	}

	rc, err := BuildRetention(acc, p, day("2025-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rc.Invoices) != 2 || rc.Total != 150000 || rc.Deadline != day("2026-01-10") || rc.Late || rc.To != "Me X" {
		t.Errorf("retention %+v", rc)
	}
	p.Administrator = "Me Admin"
	rc, _ = BuildRetention(acc, p, day("2026-02-01"))
	if rc.To != "Me Admin" || rc.CopyTo != "Me X" || !rc.Late {
		t.Errorf("administrator: %+v", rc)
	}
}

func TestActiveProcedure(t *testing.T) {
	procs := []Procedure{
		{ID: "J2026-0001", Customer: "C1", Kind: Redressement, Judgment: day("2026-03-01")},
		{ID: "J2026-0002", Customer: "C1", Kind: Liquidation, Judgment: day("2026-09-01")},
		{ID: "J2026-0003", Customer: "C2", Kind: Sauvegarde, Judgment: day("2026-05-01")},
	}
	if p := Active(procs, "C1", day("2026-06-01")); p == nil || p.ID != "J2026-0001" {
		t.Errorf("June: %v", p)
	}
	if p := Active(procs, "C1", day("2026-11-23")); p == nil || p.Kind != Liquidation {
		t.Errorf("November: %v", p)
	}
	if p := Active(procs, "C3", day("2026-11-23")); p != nil {
		t.Errorf("C3: %v", p)
	}
}

// Interest stops the day before the opening judgment of the procedure governing the
// account (C. com. L622-28); before the judgment, or for another customer, it does not.
func TestInterestStop(t *testing.T) {
	d := func(m time.Month, day int) ledger.Date { return ledger.NewDate(2026, m, day) }
	procs := []Procedure{{ID: "J1", Customer: "C1", Kind: Redressement, Judgment: d(10, 11), BODACC: d(10, 25), Mandataire: "Me X"}}
	for _, c := range []struct {
		customer string
		end      ledger.Date
		want     ledger.Date
		stopped  bool
	}{
		{"C1", d(11, 23), d(10, 10), true},
		{"C1", d(10, 11), d(10, 10), true},
		{"C1", d(10, 10), d(10, 10), false},
		{"C2", d(11, 23), d(11, 23), false},
	} {
		got, p := InterestStop(procs, c.customer, c.end)
		if got != c.want || (p != nil) != c.stopped {
			t.Errorf("%s up to %s: %s, stopped %v", c.customer, c.end, got, p != nil)
		}
	}
}
