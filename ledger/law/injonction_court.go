package law

import (
	"strings"
	"time"

	"relance/ledger"
)

// CourtKind is the court a request goes to.
type CourtKind string

// Courts of an injonction de payer (CPC 1406) and the European order.
const (
	CourtCommerce   CourtKind = "commerce"   // président du tribunal de commerce
	CourtTAE        CourtKind = "tae"        // tribunal des activités économiques (pilot, loi 2023-1059 art. 26)
	CourtJudiciaire CourtKind = "judiciaire" // tribunal judiciaire
	CourtProtection CourtKind = "protection" // juge des contentieux de la protection (within the tribunal judiciaire)
	CourtEU         CourtKind = "eu"         // court of the debtor's member state, Reg. 1896/2006
	CourtAdmin      CourtKind = "admin"      // tribunal administratif
	CourtNone       CourtKind = "none"       // no court: the debtor's own country's rules
)

// Court is the competent court for a request and what goes with it.
type Court struct {
	Kind CourtKind `json:"kind"`
	// Place is where the court sits or the debtor's town whose court has territorial
	// jurisdiction (CPC 1406: the judge of the place where the debtor lives).
	Place    string `json:"place"`
	Postcode string `json:"postcode,omitempty"`
	Country  string `json:"country,omitempty"`
	Cerfa    string `json:"cerfa,omitempty"` // form number per legal-fr §6.1
	Rule     string `json:"rule"`
	// Fee is the court clerk's fee for the request (TC ≈ €35.21 incl. VAT; none at the
	// tribunal judiciaire — legal-fr §6.1).
	Fee    ledger.Cents `json:"fee"`
	Online bool         `json:"online"` // can be filed online (Infogreffe / Tribunal Digital)
}

// Name returns the court's name in lang.
func (c Court) Name(lang string) string {
	return Note{Key: "law.court." + string(c.Kind), Args: []string{"place", c.Place, "postcode", c.Postcode,
		"country", c.Country}}.Text(lang)
}

// FormName returns the name of the court's request form in lang: "Cerfa n° 12946*02",
// "Form A" of the European order, or "no form".
func (c Court) FormName(lang string) string {
	switch c.Cerfa {
	case "":
		return Note{Key: "ip.pdf.no_form"}.Text(lang)
	case "Form A":
		return Note{Key: "ip.pdf.form_a"}.Text(lang)
	}
	return Note{Key: "ip.pdf.cerfa", Args: []string{"n", c.Cerfa}}.Text(lang)
}

// taeSeats are the 12 commercial courts renamed tribunal des activités économiques for
// the pilot of 1 Jan 2025 – 31 Dec 2028 (loi 2023-1059 art. 26; arrêté 5 Jul 2024).
var taeSeats = []string{"avignon", "auxerre", "le havre", "le mans", "limoges", "lyon", "marseille", "nancy",
	"nanterre", "paris", "saint brieuc", "versailles"}

// TAE pilot period (loi 2023-1059 art. 26).
var (
	taeFrom = ledger.NewDate(2025, time.January, 1)
	taeTo   = ledger.NewDate(2028, time.December, 31)
)

// normCity lowercases a town name, drops accents of the usual French letters, turns
// hyphens and apostrophes into spaces and strips "cedex" and arrondissement numbers.
func normCity(s string) string {
	r := strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "î", "i", "ï", "i", "ô", "o",
		"û", "u", "ù", "u", "ç", "c", "-", " ", "'", " ", "’", " ")
	s = r.Replace(strings.ToLower(strings.TrimSpace(s)))
	var keep []string
	for _, w := range strings.Fields(s) {
		if w == "cedex" || strings.ContainsAny(w, "0123456789") && strings.Trim(w, "0123456789er") == "" {
			continue
		}
		keep = append(keep, w)
	}
	return strings.Join(keep, " ")
}

// TAESeat returns the pilot court's seat when the debtor's town is one of the 12 TAE
// seats at asOf, and "" otherwise. Only the seat town itself is recognised: a town in
// the seat's district but not the seat must be checked by the user (the note says so).
func TAESeat(a ledger.Address, asOf ledger.Date) string {
	if asOf < taeFrom || asOf > taeTo {
		return ""
	}
	city := normCity(a.City)
	if strings.HasPrefix(a.Postcode, "75") && len(a.Postcode) == 5 {
		city = "paris"
	}
	for _, s := range taeSeats {
		if city == s {
			return strings.TrimSpace(a.City)
		}
	}
	return ""
}

// CompetentCourt returns the court for an injonction de payer against c at asOf
// (CPC 1406, public order: the judge of the place where the debtor lives):
//   - a business → the président of the tribunal de commerce (C. com. L721-3), or of the
//     tribunal des activités économiques in the 12 pilot courts (loi 2023-1059 art. 26);
//   - a consumer → the tribunal judiciaire, or its juge des contentieux de la protection
//     for consumer credit and residential leases (COJ L213-4-3 ff.);
//   - a debtor in another EU state → that state's court under Reg. 1896/2006;
//   - a public body → the administrative court (CJA R541-1).
func CompetentCourt(c *ledger.Customer, consumerCreditOrLease bool, home string, asOf ledger.Date) Court {
	country := strings.ToUpper(c.Address.Country)
	if home == "" {
		home = "FR"
	}
	if country == "" {
		country = strings.ToUpper(home)
	}
	ct := Court{Place: strings.TrimSpace(c.Address.City), Postcode: c.Address.Postcode, Country: country,
		Rule: "CPC 1406"}
	switch {
	case country != "FR" && InEUOrderState(country):
		// Reg. 1896/2006 art. 6 and Reg. 1215/2012 art. 4: the courts of the defendant's domicile.
		ct.Kind, ct.Cerfa, ct.Rule = CourtEU, "Form A", "Reg. (EC) 1896/2006 art. 6, 7"
	case country != "FR":
		ct.Kind, ct.Rule = CourtNone, "CPC 1406"
	case c.Kind == ledger.PublicBody:
		ct.Kind, ct.Rule = CourtAdmin, "CJA R541-1"
	case c.Kind == ledger.Consumer && consumerCreditOrLease:
		ct.Kind, ct.Cerfa, ct.Rule = CourtProtection, "16040*01", "CPC 1406; COJ L213-4-4"
	case c.Kind == ledger.Consumer:
		ct.Kind, ct.Cerfa, ct.Rule = CourtJudiciaire, "12948*06", "CPC 1406; COJ L211-3"
	default:
		ct.Kind, ct.Cerfa, ct.Rule, ct.Online = CourtCommerce, "12946*02", "CPC 1406; C. com. L721-3", true
		ct.Fee = GreffeFeeIP(asOf).Amount // greffe du TC (legal-fr §6.1), dated data in cost.go
		if seat := TAESeat(c.Address, asOf); seat != "" {
			ct.Kind, ct.Place, ct.Rule = CourtTAE, seat, "CPC 1406; loi 2023-1059 art. 26"
		}
	}
	return ct
}

// Cost is one line of a cost estimate.
type Cost struct {
	Key      string       `json:"key"` // i18n key of the label
	Amount   ledger.Cents `json:"amount"`
	Optional bool         `json:"optional"` // only if needed (enforcement); not in the total
	Rule     string       `json:"rule"`
	// Tariff is the dated tariff the amount comes from, when it is one (the greffe fee).
	Tariff *Tariff `json:"tariff,omitempty"`
}

// AmountText writes the cost's amount in lang, with the date and source of its tariff
// when it has one: the CLI, the window and the pack's PDF show it the same way.
func (c Cost) AmountText(lang, currency string) string {
	if c.Tariff != nil {
		return c.Tariff.Text(lang, currency)
	}
	return c.Amount.Format(lang, currency)
}

// Signification returns the estimated cost incl. VAT of serving an order by a
// commissaire de justice for a claim of amount: base emolument €25.74 × 0.5 (≤ €128),
// 1 (≤ €1,280) or 2 (above) (C. com. A444-10 ff.), plus €19.00 of travel, VAT and
// disbursements — derived from the published example of €70.48 for a claim above
// €1,280 (legal-fr §6.1, order of magnitude).
func Signification(amount ledger.Cents) ledger.Cents {
	const base, extra = 2574, 1900
	switch {
	case amount <= 12800:
		return base/2 + extra
	case amount <= 128000:
		return base + extra
	}
	return 2*base + extra
}

// EngagementFee returns the "droit d'engagement des poursuites" charged on the first
// enforcement act: €4.29 up to €76, else 5.60 % of the first €304, 2.80 % to €912,
// 1.40 % to €3,040 and 0.28 % above, capped at €268.13 (C. com. A444-15, tariff of
// legal-fr §6.1).
func EngagementFee(amount ledger.Cents) ledger.Cents {
	if amount <= 7600 {
		return 429
	}
	type tier struct {
		upTo ledger.Cents
		pm   int64 // per ten thousand
	}
	tiers := []tier{{30400, 560}, {91200, 280}, {304000, 140}, {1 << 62, 28}}
	var fee, prev int64
	for _, t := range tiers {
		hi := min(int64(amount), int64(t.upTo))
		if hi > prev {
			fee += (hi - prev) * t.pm
		}
		prev = int64(t.upTo)
		if int64(amount) <= prev {
			break
		}
	}
	c := ledger.Cents((fee + 5000) / 10000) // round to the cent, half up
	return min(c, 26813)
}

// CostEstimate returns what an injonction de payer costs the creditor in advance for a
// claim of amount before court at asOf, and notes: greffe fee (its dated tariff), service
// of the order, and, only if enforcement is needed, the engagement fee. These costs are
// dépens the debtor is ordered to pay (CPC 695) when the order is granted. Against a
// public body there are none of them: the administrative court notifies its order itself
// and no forced execution lies against a public person (its payment is obtained by
// mandatement d'office, loi 80-539 art. 1).
func CostEstimate(court Court, amount ledger.Cents, asOf ledger.Date) ([]Cost, ledger.Cents, []Note) {
	var out []Cost
	var notes []Note
	if court.Kind == CourtAdmin {
		return nil, 0, []Note{{Key: "law.cost.note.admin"}}
	}
	switch court.Kind {
	case CourtCommerce, CourtTAE:
		tariff := GreffeFeeIP(asOf)
		out = append(out, Cost{Key: "law.cost.greffe", Amount: court.Fee, Rule: "C. com. R743-140 ff.", Tariff: &tariff})
	case CourtJudiciaire, CourtProtection:
		out = append(out, Cost{Key: "law.cost.greffe_tj", Amount: 0, Rule: "CPC 1405 ff."})
	}
	out = append(out, Cost{Key: "law.cost.signification", Amount: Signification(amount), Rule: "CPC 1411; C. com. A444-10"})
	out = append(out, Cost{Key: "law.cost.engagement", Amount: EngagementFee(amount), Optional: true, Rule: "C. com. A444-15"})
	var total ledger.Cents
	for _, c := range out {
		if !c.Optional {
			total += c.Amount
		}
	}
	notes = append(notes, Note{Key: "law.cost.note.depens"}, Note{Key: "law.cost.note.lawyer"})
	if court.Kind == CourtTAE && amount > 5000000 {
		// loi 2023-1059 art. 27, décret 2024-1225: contribution pour la justice économique.
		notes = append(notes, Note{Key: "law.cost.note.tae"})
	}
	return out, total, notes
}
