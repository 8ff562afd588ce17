package law

import (
	"slices"
	"testing"

	"relance/ledger"
)

// fakeDisputes puts a fixed amount of named items in dispute.
type fakeDisputes map[string]ledger.Cents

func (f fakeDisputes) DisputedAmount(it *ledger.Item, _ ledger.Date) ledger.Cents {
	return min(f[it.ID], it.Open)
}

func ipCustomer(kind ledger.CustomerKind, city, postcode, country string) *ledger.Customer {
	return &ledger.Customer{ID: "C1", Name: "Débiteur", Kind: kind, SIREN: "123456789",
		Address: ledger.Address{Lines: []string{"1 rue de la Paix"}, Postcode: postcode, City: city, Country: country}}
}

func ipItems() []ledger.Item {
	return []ledger.Item{
		{ID: "1", Customer: "C1", Kind: ledger.Invoice, Number: "F1", DocDate: day("2025-05-01"), DueDate: day("2025-06-01"), Amount: 300000, Open: 300000},
		{ID: "2", Customer: "C1", Kind: ledger.Invoice, Number: "F2", DocDate: day("2025-06-01"), DueDate: day("2025-07-01"), Amount: 120000, Open: 120000},
		{ID: "3", Customer: "C1", Kind: ledger.Invoice, Number: "F3", DocDate: day("2025-11-01"), DueDate: day("2025-12-31"), Amount: 50000, Open: 50000},
	}
}

func TestCheckEligibility(t *testing.T) {
	asOf := day("2025-11-23")
	cases := []struct {
		name     string
		cust     *ledger.Customer
		items    func([]ledger.Item) []ledger.Item
		disputes fakeDisputes
		edit     func(in *IPInput)
		eligible bool
		route    Route
		claimed  ledger.Cents
		alt      Route
	}{
		{"undisputed business in France", ipCustomer(ledger.Business, "Grenoble", "38000", ""), nil, nil, nil, true, RouteInjonction, 420000, ""},
		{"partly disputed: the rest is claimed", ipCustomer(ledger.Business, "Grenoble", "38000", "FR"), nil,
			fakeDisputes{"1": 100000}, nil, true, RouteInjonction, 320000, ""},
		{"all disputed → référé-provision", ipCustomer(ledger.Business, "Grenoble", "38000", ""), nil,
			fakeDisputes{"1": 300000, "2": 120000}, nil, false, RouteRefere, 0, RouteMerits},
		{"debtor in Germany → European order", ipCustomer(ledger.Business, "Berlin", "10115", "DE"), nil, nil, nil,
			false, RouteEuropean, 420000, ""},
		{"small claim in Belgium → European small claims too", ipCustomer(ledger.Business, "Liège", "4000", "BE"),
			func(its []ledger.Item) []ledger.Item { return its[1:] }, nil, nil, false, RouteEuropean, 120000, RouteSmallEU},
		{"debtor in Denmark → not the EU order", ipCustomer(ledger.Business, "Aarhus", "8000", "DK"), nil, nil, nil, false, RouteForeign, 420000, ""},
		{"debtor in the UK → foreign", ipCustomer(ledger.Business, "Leeds", "LS1", "GB"), nil, nil, nil, false, RouteForeign, 420000, ""},
		{"amount not determined", ipCustomer(ledger.Business, "Grenoble", "38000", ""), func([]ledger.Item) []ledger.Item {
			return []ledger.Item{{ID: "9", Customer: "C1", Kind: ledger.Adjustment, Number: "OD", DocDate: day("2025-01-01"), Amount: 80000, Open: 80000}}
		}, nil, nil, false, RouteMerits, 0, ""},
		{"damages claimed", ipCustomer(ledger.Business, "Grenoble", "38000", ""), nil, nil, func(in *IPInput) { in.Damages = true },
			false, RouteMerits, 420000, ""},
		{"insolvent → claim filing", ipCustomer(ledger.Business, "Grenoble", "38000", ""), nil, nil, func(in *IPInput) { in.Insolvent = true },
			false, RouteClaim, 420000, ""},
		{"public body → administrative court", ipCustomer(ledger.PublicBody, "Grenoble", "38000", ""), nil, nil, nil, false, RouteAdmin, 420000, ""},
		{"nothing due yet", ipCustomer(ledger.Business, "Grenoble", "38000", ""), func(its []ledger.Item) []ledger.Item { return its[2:] },
			nil, nil, false, RouteNone, 0, ""},
		{"unpaid cheque only", ipCustomer(ledger.Business, "Grenoble", "38000", ""), func([]ledger.Item) []ledger.Item {
			return []ledger.Item{{ID: "7", Customer: "C1", Kind: ledger.Invoice, Number: "CHQ", DocDate: day("2025-03-01"),
				DueDate: day("2025-03-01"), Amount: 90000, Open: 90000, Flags: ledger.FlagUnpaidCheque}}
		}, nil, nil, false, RouteCheque, 0, ""},
		{"no known address", ipCustomer(ledger.Business, "", "", ""), nil, nil, nil, false, RouteMerits, 420000, ""},
		{"small claim: simplified procedure offered", ipCustomer(ledger.Consumer, "Lyon", "69003", ""),
			func(its []ledger.Item) []ledger.Item { return its[1:] }, nil, nil, true, RouteInjonction, 120000, RouteSimplified},
		{"time-barred consumer invoice left out", ipCustomer(ledger.Consumer, "Lyon", "69003", ""), func(its []ledger.Item) []ledger.Item {
			return append(its, ledger.Item{ID: "8", Customer: "C1", Kind: ledger.Invoice, Number: "OLD", DocDate: day("2023-01-01"),
				DueDate: day("2023-02-01"), Amount: 10000, Open: 10000})
		}, nil, nil, true, RouteInjonction, 420000, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			items := ipItems()
			if c.items != nil {
				items = c.items(items)
			}
			in := IPInput{Customer: c.cust, Items: items, AsOf: asOf, Country: "FR"}
			if c.disputes != nil {
				in.Disputes = c.disputes
			}
			if c.edit != nil {
				c.edit(&in)
			}
			e, lines, claimed := CheckEligibility(in)
			if e.Eligible != c.eligible || e.Route != c.route || claimed != c.claimed {
				t.Errorf("eligible %v route %s claimed %d, want %v %s %d; checks %+v", e.Eligible, e.Route, claimed,
					c.eligible, c.route, c.claimed, e.Checks)
			}
			if c.alt != "" && !slices.Contains(e.Alternatives, c.alt) {
				t.Errorf("alternatives %v lack %s", e.Alternatives, c.alt)
			}
			if len(e.Checks) == 0 {
				t.Error("no reasons given")
			}
			for _, l := range lines {
				if l.Claimed < l.Open && l.Excluded == "" {
					t.Errorf("line %s: %d of %d claimed with no reason", l.Number, l.Claimed, l.Open)
				}
			}
		})
	}
}

func TestCompetentCourt(t *testing.T) {
	cases := []struct {
		name   string
		cust   *ledger.Customer
		credit bool
		asOf   string
		kind   CourtKind
		cerfa  string
		place  string
		fee    ledger.Cents
	}{
		{"business → tribunal de commerce", ipCustomer(ledger.Business, "Grenoble", "38000", ""), false, "2026-11-23", CourtCommerce, "12946*02", "Grenoble", 3521},
		{"business in Lyon → TAE pilot", ipCustomer(ledger.Business, "Lyon", "69003", "FR"), false, "2026-11-23", CourtTAE, "12946*02", "Lyon", 3521},
		{"business in Paris 8e → TAE", ipCustomer(ledger.Business, "PARIS CEDEX 08", "75008", ""), false, "2026-11-23", CourtTAE, "12946*02", "PARIS CEDEX 08", 3521},
		{"Saint-Brieuc with accents and hyphen", ipCustomer(ledger.Business, "Saint-Brieuc", "22000", ""), false, "2026-11-23", CourtTAE, "12946*02", "Saint-Brieuc", 3521},
		{"Lyon before the pilot → TC", ipCustomer(ledger.Business, "Lyon", "69003", ""), false, "2024-11-23", CourtCommerce, "12946*02", "Lyon", 3521},
		{"Lyon after the pilot → TC", ipCustomer(ledger.Business, "Lyon", "69003", ""), false, "2029-01-01", CourtCommerce, "12946*02", "Lyon", 3521},
		{"consumer → tribunal judiciaire", ipCustomer(ledger.Consumer, "Lyon", "69003", ""), false, "2026-11-23", CourtJudiciaire, "12948*06", "Lyon", 0},
		{"consumer credit → JCP", ipCustomer(ledger.Consumer, "Lyon", "69003", ""), true, "2026-11-23", CourtProtection, "16040*01", "Lyon", 0},
		{"public body → administrative court", ipCustomer(ledger.PublicBody, "Lyon", "69003", ""), false, "2026-11-23", CourtAdmin, "", "Lyon", 0},
		{"Germany → Form A", ipCustomer(ledger.Business, "Berlin", "10115", "DE"), false, "2026-11-23", CourtEU, "Form A", "Berlin", 0},
		{"Switzerland → none", ipCustomer(ledger.Business, "Genève", "1201", "CH"), false, "2026-11-23", CourtNone, "", "Genève", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ct := CompetentCourt(c.cust, c.credit, "FR", day(c.asOf))
			if ct.Kind != c.kind || ct.Cerfa != c.cerfa || ct.Place != c.place || ct.Fee != c.fee || ct.Rule == "" {
				t.Errorf("got %+v", ct)
			}
			if n := ct.Name("fr"); n == "" || n == "law.court."+string(c.kind) {
				t.Errorf("name %q", n)
			}
		})
	}
}

func TestCosts(t *testing.T) {
	for _, c := range []struct{ amount, sig, eng ledger.Cents }{
		{5000, 1287 + 1900, 429},
		{50000, 2574 + 1900, 2251}, // 5.60 % × 304 + 2.80 % × 196 = 17.024 + 5.488
		{500000, 7048, 6933},       // legal-fr §6.1: €70.48 above €1,280
		{100000000, 7048, 26813},   // capped
	} {
		if got := Signification(c.amount); got != c.sig {
			t.Errorf("signification(%d) = %d, want %d", c.amount, got, c.sig)
		}
		if got := EngagementFee(c.amount); got != c.eng {
			t.Errorf("engagement(%d) = %d, want %d", c.amount, got, c.eng)
		}
	}
	costs, total, notes := CostEstimate(Court{Kind: CourtTAE, Fee: 3521}, 6000000, ledger.NewDate(2026, 11, 23))
	if total != 3521+7048 || len(costs) != 3 || len(notes) != 3 {
		t.Errorf("TAE estimate %v %d %v", costs, total, notes)
	}
	if _, total, _ := CostEstimate(Court{Kind: CourtJudiciaire}, 100000, ledger.NewDate(2026, 11, 23)); total != 2574+1900 {
		t.Errorf("TJ estimate %d", total)
	}
}

func TestBuildInjonction(t *testing.T) {
	r := mustRates(t)
	s := ledger.DefaultSettings()
	s.Company = ledger.Company{Name: "Créancier SAS", SIREN: "999888777", Address: ledger.Address{City: "Lyon", Postcode: "69002"}}
	s.Signatory = ledger.Signatory{Name: "Claire Moreau", Title: "Credit manager"}
	in := IPInput{Customer: ipCustomer(ledger.Business, "Grenoble", "38000", ""), Items: ipItems(), AsOf: day("2025-11-23")}
	notice := &NoticeRef{Date: day("2025-09-01"), Ref: "LRAR 1A", Receipt: day("2025-09-03")}
	p, err := BuildInjonction(r, s, in, PackOptions{Notice: notice})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Eligibility.Eligible || p.Principal != 420000 || p.Decompte == nil || p.Court.Cerfa != "12946*02" {
		t.Fatalf("pack %+v", p)
	}
	if p.Decompte.Totals.Indemnity != 8000 || p.Total != p.Decompte.Totals.TotalDue || p.Total <= p.Principal {
		t.Errorf("totals %+v total %d", p.Decompte.Totals, p.Total)
	}
	// contract, delivery, 2 invoices, statement, notice, receipt, décompte
	if len(p.Documents) != 8 || p.Documents[5].Key != "law.doc.notice" || p.Documents[6].Key != "law.doc.receipt" {
		t.Errorf("bordereau %+v", p.Documents)
	}
	if p.Form[0].Section != "law.form.s.applicant" || p.Form[len(p.Form)-1].Section != "law.form.s.signature" {
		t.Errorf("form order %+v", p.Form)
	}
	if p.CostTotal != 3521+7048 || len(p.European) != 0 {
		t.Errorf("costs %d european %d", p.CostTotal, len(p.European))
	}
	for _, f := range p.Form {
		if v := f.Value("fr", "EUR"); v == "" && f.Label != "law.form.siren" {
			t.Errorf("empty field %s", f.Label)
		}
	}

	in.Customer = ipCustomer(ledger.Business, "Berlin", "10115", "DE")
	p, err = BuildInjonction(r, s, in, PackOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Eligibility.Route != RouteEuropean || len(p.European) == 0 || p.Court.Kind != CourtEU || p.Documents[5].Key != "law.doc.notice_none" {
		t.Errorf("european pack %+v", p)
	}

	in.Customer = ipCustomer(ledger.Consumer, "Lyon", "69003", "")
	p, err = BuildInjonction(r, s, in, PackOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Decompte != nil || p.Total != p.Principal {
		t.Errorf("consumer without notice: interest claimed %+v", p.Decompte)
	}
	p, err = BuildInjonction(r, s, in, PackOptions{Notice: notice})
	if err != nil {
		t.Fatal(err)
	}
	if p.Decompte == nil || p.Decompte.Totals.Indemnity != 0 || p.Decompte.Lines[0].From != day("2025-09-02") {
		t.Errorf("consumer with notice: %+v", p.Decompte)
	}
}
