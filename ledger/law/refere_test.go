package law

import (
	"strings"
	"testing"

	"relance/ledger"
)

// refereAccount is a commune of Lyon with, at 2025-11-20:
//   - A: €10,000 due 2025-06-15, unpaid;
//   - B: €5,000 due 2025-03-31, unpaid, wholly disputed;
//   - C: €2,000 due 2025-08-31, unpaid, €500 of it disputed;
//   - D: €4,000 due 2025-01-31, paid 2025-04-01 (60 days late), its interest not paid;
//   - E: €3,000 due 2025-09-30, paid 2025-10-31: its 45 days run to 2025-12-15;
//   - F: €1,000 due 2025-05-31, paid on time;
//   - G: €700 of 2020, time-barred (loi 68-1250: 1 January 2021 + 4 years).
func refereAccount(kind ledger.CustomerKind) *ledger.Account {
	c := ledger.Customer{ID: "P1", Name: "Commune de Lyon", Kind: kind,
		Address:  ledger.Address{Lines: []string{"1 place de la Comédie"}, Postcode: "69001", City: "Lyon"},
		Contacts: []ledger.Contact{{Name: "Service de gestion comptable", Role: "Comptable public", Email: "sgc@example.fr"}}}
	inv := func(id string, doc, due string, amount, open string, settled string, label string) ledger.Item {
		it := ledger.Item{ID: id, Customer: "P1", Kind: ledger.Invoice, Number: "F" + id, Label: label,
			DocDate: day(doc), DueDate: day(due), Amount: cents(amount), Open: cents(open)}
		if settled != "" {
			it.Settled = day(settled)
		}
		return it
	}
	return &ledger.Account{Customer: c, Items: []ledger.Item{
		inv("A", "2025-05-16", "2025-06-15", "10000", "10000", "", "Facture FA — marché n° 2024-015"),
		inv("B", "2025-03-01", "2025-03-31", "5000", "5000", "", ""),
		inv("C", "2025-08-01", "2025-08-31", "2000", "2000", "", "Bon de commande BC-7731"),
		inv("D", "2025-01-01", "2025-01-31", "4000", "0", "2025-04-01", ""),
		inv("E", "2025-09-01", "2025-09-30", "3000", "0", "2025-10-31", ""),
		inv("F", "2025-05-01", "2025-05-31", "1000", "0", "2025-05-20", ""),
		inv("G", "2020-03-01", "2020-03-31", "700", "700", "", ""),
	}}
}

func refereLine(t *testing.T, p *ReferePack, number string) *RefereLine {
	t.Helper()
	for i := range p.Lines {
		if p.Lines[i].Number == number {
			return &p.Lines[i]
		}
	}
	t.Fatalf("no line %s in %+v", number, p.Lines)
	return nil
}

// The pack's figures, computed by hand with the embedded rates:
//   - A: 2025-06-16 → 2025-11-20 = 158 days at 3.15 + 8 = 11.15 %, the rate of the
//     half-year the interest started (R2192-31), fixed across 1 July 2025 (when the
//     ECB rate had fallen to 2.15): 10,000 × 11.15 % × 158 / 365 = 482.6575 → 482.66
//     (re-read each half-year it would be 45.82 + 397.66 = 443.48);
//   - C: its undisputed €1,500 from 2025-09-01, 81 days at 2.15 + 8 = 10.15 %:
//     1,500 × 10.15 % × 81 / 365 = 33.7870 → 33.79;
//   - D: 2025-02-01 → 2025-04-01 = 60 days at 11.15 %: 4,000 × 11.15 % × 60 / 365 =
//     73.3151 → 73.32; €40; not paid by 2025-05-16 (R2192-36): legal interest (2025 H2,
//     other cases, 2.76 %) on 113.32 from the notice of 2025-09-10, 71 days:
//     113.32 × 2.76 % × 71 / 365 = 0.6084 → 0.61;
//   - €40 for A, C and D; B (disputed), E (within its 45 days), F (paid on time) and G
//     (time-barred) add nothing.
func TestBuildRefere(t *testing.T) {
	r := mustRates(t)
	s := ledger.Settings{Company: ledger.Company{Name: "Société Exemple", LegalForm: "SAS"}}
	notice := &NoticeRef{Date: day("2025-09-10"), Ref: "LR123", InDossier: true}
	in := RefereInput{Account: refereAccount(ledger.PublicBody), AsOf: day("2025-11-20"),
		Disputes: fakeDisputes{"B": cents("5000"), "C": cents("500")}, Notice: notice}
	p, err := BuildRefere(r, s, in)
	if err != nil {
		t.Fatal(err)
	}
	a := refereLine(t, p, "FA")
	if a.Interest != cents("482.66") || a.Indemnity != cents("40") {
		t.Errorf("A: interest %s indemnity %s, want 482.66 and 40", a.Interest, a.Indemnity)
	}
	var aLines []Line
	for _, l := range p.Decompte.Lines {
		if l.Invoice == "FA" {
			aLines = append(aLines, l)
		}
	}
	if len(aLines) != 1 || !aLines[0].Rate.Rate.Equal(dec("11.15")) || aLines[0].Days != 158 {
		t.Errorf("A must be one line at 11.15 %% fixed over 158 days: %+v", aLines)
	}
	if b := refereLine(t, p, "FB"); b.Excluded != "law.ip.excl.disputed" || b.ClaimLine.Claimed != 0 || b.Indemnity != 0 {
		t.Errorf("B disputed must be left out: %+v", b)
	}
	if c := refereLine(t, p, "FC"); c.ClaimLine.Claimed != cents("1500") || c.Interest != cents("33.79") || c.Indemnity != cents("40") {
		t.Errorf("C: %+v", c)
	}
	d := refereLine(t, p, "FD")
	if d.Paid != day("2025-04-01") || d.Deadline45 != day("2025-05-16") || d.Excluded != "" ||
		d.Interest != cents("73.32") || d.Indemnity != cents("40") || d.LegalInterest != cents("0.61") {
		t.Errorf("D paid late: %+v", d)
	}
	if e := refereLine(t, p, "FE"); e.Excluded != "refere.excl.within45" || e.Interest != 0 {
		t.Errorf("E within its 45 days must be left out: %+v", e)
	}
	for _, l := range p.Lines {
		if l.Number == "FF" {
			t.Errorf("F was paid on time: %+v", l)
		}
	}
	if g := refereLine(t, p, "FG"); g.Excluded != "law.ip.excl.limitation" {
		t.Errorf("G must be time-barred: %+v", g)
	}
	if p.Principal != cents("11500") || p.Interest != cents("589.77") || p.Indemnity != cents("120") ||
		p.LegalInterest != cents("0.61") || p.Total != cents("12210.38") {
		t.Errorf("totals: principal %s interest %s indemnity %s legal %s total %s", p.Principal, p.Interest,
			p.Indemnity, p.LegalInterest, p.Total)
	}
	if p.LateInterest == nil || len(p.LateInterest.Lines) != 1 || !p.LateInterest.Lines[0].Rate.Rate.Equal(dec("2.76")) ||
		p.LateInterest.Lines[0].From != day("2025-09-11") || p.LateInterest.Lines[0].Days != 71 {
		t.Errorf("legal interest on D's interest: %+v", p.LateInterest)
	}
	if p.Court.Seat != "Lyon" || p.Court.Name("fr") != "Tribunal administratif de Lyon" {
		t.Errorf("court %+v %q", p.Court, p.Court.Name("fr"))
	}
	if !strings.Contains(p.Debtor.Accountant, "Service de gestion comptable") {
		t.Errorf("accountant %q", p.Debtor.Accountant)
	}
	if strings.Join(p.Contracts, "|") != "marché n° 2024-015|Bon de commande BC-7731" {
		t.Errorf("contracts %q", p.Contracts)
	}
	if p.Prior.Rejection != day("2025-11-10") || !p.Eligible {
		t.Errorf("prior %+v eligible %v checks %+v", p.Prior, p.Eligible, p.Checks)
	}
	want := map[string]CheckStatus{"refere.check.public": CheckOK, "refere.check.amount": CheckOK,
		"refere.check.disputed_part": CheckWarn, "refere.check.limitation_part": CheckWarn, "refere.check.prior_rejected": CheckOK}
	for _, c := range p.Checks {
		if st, ok := want[c.Note.Key]; ok && st == c.Status {
			delete(want, c.Note.Key)
		}
	}
	if len(want) > 0 {
		t.Errorf("checks missing %v in %+v", want, p.Checks)
	}
	// Every text of the pack exists in both languages, with its amounts written out.
	for _, lang := range []string{"fr", "en"} {
		var all []Note
		all = append(all, p.Facts...)
		all = append(all, p.After...)
		all = append(all, p.Notes...)
		for _, c := range p.Checks {
			all = append(all, c.Note)
		}
		for _, c := range p.Conclusions() {
			all = append(all, c.Note)
		}
		for _, d := range p.Documents {
			all = append(all, Note{Key: d.Key, Args: d.Args})
		}
		for _, n := range all {
			if txt := p.Text(n, lang); strings.HasPrefix(txt, "refere.") || strings.Contains(txt, "{") {
				t.Errorf("%s: %s untranslated or unfilled: %q", lang, n.Key, txt)
			}
		}
	}
	for _, c := range p.Checks {
		if c.Note.Key == "refere.check.prior_rejected" && !strings.Contains(p.Text(c.Note, "fr"), "rejet implicite né le 10/11/2025") {
			t.Errorf("dates in French: %q", p.Text(c.Note, "fr"))
		}
	}
	if f := p.Text(p.Facts[len(p.Facts)-1], "fr"); !strings.Contains(f, "12\u202f210,38\u00a0€") || !strings.Contains(f, "Commune de Lyon") {
		t.Errorf("request paragraph %q", f)
	}

	// Without the notice: no prior claim (the request would be inadmissible), and the
	// legal interest on D's interest is not computed.
	in.Notice = nil
	p, err = BuildRefere(r, s, in)
	if err != nil {
		t.Fatal(err)
	}
	if p.Eligible || p.LegalInterest != 0 || refereLine(t, p, "FD").Interest != cents("73.32") {
		t.Errorf("without a notice: eligible %v legal %s", p.Eligible, p.LegalInterest)
	}
	// The creditor who received the interest of its invoices paid late leaves them out.
	in.SkipPaidLate = true
	p, _ = BuildRefere(r, s, in)
	for _, l := range p.Lines {
		if l.Paid.Valid() {
			t.Errorf("paid-late line kept: %+v", l)
		}
	}
	if p.Total != cents("11500")+cents("482.66")+cents("33.79")+cents("80") {
		t.Errorf("total without paid-late invoices: %s", p.Total)
	}
}

// A private customer is refused, with a message naming it and the route to take.
func TestBuildRefereRefusesPrivate(t *testing.T) {
	for _, k := range []ledger.CustomerKind{ledger.Business, ledger.Consumer} {
		_, err := BuildRefere(mustRates(t), ledger.Settings{}, RefereInput{Account: refereAccount(k), AsOf: day("2025-11-20")})
		if err == nil {
			t.Fatalf("%v: no error", k)
		}
		fr := ledger.Localize(err, "fr")
		if !strings.Contains(fr, "Commune de Lyon (P1)") || !strings.Contains(fr, "injonction de payer") ||
			!strings.Contains(fr, "pas un acheteur public") {
			t.Errorf("%v: %q", k, fr)
		}
		if en := ledger.Localize(err, "en"); !strings.Contains(en, "not a public buyer") {
			t.Errorf("%v: %q", k, en)
		}
	}
}

// The administrative court is named from the postcode by the districts of CJA R221-3.
func TestAdminCourtOf(t *testing.T) {
	cases := []struct{ postcode, country, seat, name string }{
		{"69100", "", "Lyon", "Tribunal administratif de Lyon"},
		{"38200", "FR", "Grenoble", "Tribunal administratif de Grenoble"},
		{"80000", "", "Amiens", "Tribunal administratif d’Amiens"},
		{"20000", "", "Bastia", "Tribunal administratif de Bastia"},
		{"20200", "", "Bastia", "Tribunal administratif de Bastia"},
		{"93100", "", "Montreuil", "Tribunal administratif de Montreuil"},
		{"92000", "", "Cergy-Pontoise", "Tribunal administratif de Cergy-Pontoise"},
		{"97133", "", "Saint-Barthélemy", "Tribunal administratif de Saint-Barthélemy"},
		{"97110", "", "Basse-Terre", "Tribunal administratif de la Guadeloupe"},
		{"", "", "", ""},
		{"1000", "BE", "", ""},
	}
	for _, c := range cases {
		ct := AdminCourtOf(&ledger.Customer{Name: "X", Address: ledger.Address{Postcode: c.postcode, City: "Ville", Country: c.country}})
		if ct.Seat != c.seat || (c.name != "" && ct.Name("fr") != c.name) {
			t.Errorf("%s %s: %+v %q", c.postcode, c.country, ct, ct.Name("fr"))
		}
		if c.seat == "" && !strings.Contains(ct.Name("fr"), "dans le ressort duquel") {
			t.Errorf("%s: %q", c.postcode, ct.Name("fr"))
		}
	}
	// Every metropolitan département has its court, once.
	seen := map[string]int{}
	for _, s := range adminSeats {
		for _, d := range s.depts {
			seen[d[0]]++
		}
	}
	for n := 1; n <= 95; n++ {
		code := string(rune('0'+n/10)) + string(rune('0'+n%10))
		if n == 20 {
			continue
		}
		if seen[code] != 1 {
			t.Errorf("département %s: %d courts", code, seen[code])
		}
	}
}
