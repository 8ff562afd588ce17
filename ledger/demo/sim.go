package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"relance/ledger"
)

// spec describes a dossier to build.
type spec struct {
	today     ledger.Date
	seed      uint64
	customers int  // total number of customers
	items     int  // exact number of items in scale mode
	scale     bool // scale mode: exactly items items, generic names
	named     bool
}

func demoSpec(today ledger.Date) spec {
	return spec{today: today, seed: 20261123, customers: 150, named: true}
}

// profile is how a customer pays.
type profile uint8

const (
	punctual    profile = iota // pays around the due date
	drifter                    // pays later and later
	late                       // pays 25–60 days late
	veryLate                   // pays 75–130 days late, then stops
	partial                    // pays part, the rest later or never
	stopped                    // punctual, then stops paying in the last quarter
	publicPayer                // public body: slow, but pays everything
)

// account being built.
type acct struct {
	c       ledger.Customer
	terms   ledger.Terms
	prof    profile
	every   int // mean days between invoices
	scale   float64
	quota   int // item quota in scale mode
	items   []ledger.Item
	matchNo int
}

type builder struct {
	s     spec
	rng   *rand.Rand
	start ledger.Date
	accts []*acct
	seq   map[string]int // document number sequences per prefix+year
	chq   int
}

func build(s spec) *ledger.Book {
	b := &builder{s: s, rng: rand.New(rand.NewPCG(s.seed, 0x5eed)), seq: map[string]int{}}
	b.start = s.today.AddMonths(-18)
	settings := companySettings(s.today)
	sales := salespeople()
	b.customers(sales)
	b.invoices()
	accounts := make([]*ledger.Account, len(b.accts))
	for i, a := range b.accts {
		accounts[i] = &ledger.Account{Customer: a.c, Items: a.items}
	}
	return ledger.NewBook(settings, sales, accounts)
}

func companySettings(today ledger.Date) ledger.Settings {
	s := ledger.DefaultSettings()
	s.Company = ledger.Company{
		Name: "Société Exemple SAS", LegalForm: "SAS", Capital: 15000000, SIREN: "552100554",
		RCSCity: "Lyon", VATNumber: "FR32552100554",
		Address: ledger.Address{Lines: []string{"12 rue de la Charité"}, Postcode: "69002", City: "Lyon", Country: "FR"},
		Phone:   "04 72 00 12 34", Email: "recouvrement@exemple.fr",
		IBAN: "FR76 3000 4000 0312 3456 7890 143", BIC: "BNPAFRPPXXX",
	}
	s.Signatory = ledger.Signatory{Name: "Claire Moreau", Title: "Responsable du recouvrement",
		Phone: "04 72 00 12 40", Email: "claire.moreau@exemple.fr"}
	// The SAS acts in court through its président (C. com. L227-6), not through the
	// collection manager who signs the letters.
	s.Representative = ledger.Representative{Name: "Hélène Garnier-Vidal"}
	s.Demo = true
	s.DemoToday = today
	return s
}

func salespeople() []ledger.Salesperson {
	return []ledger.Salesperson{
		{ID: "SLA", Name: "Sophie Laurent", Email: "sophie.laurent@exemple.fr", Phone: "06 12 34 56 01"},
		{ID: "MBE", Name: "Marc Bernard", Email: "marc.bernard@exemple.fr", Phone: "06 12 34 56 02"},
		{ID: "NGU", Name: "Nadia Guérin", Email: "nadia.guerin@exemple.fr", Phone: "06 12 34 56 03"},
		{ID: "TFA", Name: "Thomas Fabre", Email: "thomas.fabre@exemple.fr", Phone: "06 12 34 56 04"},
	}
}

// pick returns a uniformly chosen element.
func pick[T any](r *rand.Rand, v []T) T { return v[r.IntN(len(v))] }

// siren returns a random 9-digit SIREN with a valid Luhn key.
func siren(r *rand.Rand) string {
	d := make([]int, 9)
	d[0] = 3 + r.IntN(6)
	for i := 1; i < 8; i++ {
		d[i] = r.IntN(10)
	}
	sum := 0
	for i := 0; i < 8; i++ {
		v := d[i]
		if i%2 == 1 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	for k := 0; k < 10; k++ {
		v := k * 2
		if v > 9 {
			v -= 9
		}
		if (sum+v)%10 == 0 {
			d[8] = k
			break
		}
	}
	var sb strings.Builder
	for _, v := range d {
		sb.WriteByte(byte('0' + v))
	}
	return sb.String()
}

func phone(r *rand.Rand, prefix string) string {
	return fmt.Sprintf("%s %02d %02d %02d %02d", prefix, r.IntN(100), r.IntN(100), r.IntN(100), r.IntN(100))
}

func slug(s string) string {
	repl := strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "ç", "c", "î", "i",
		"ï", "i", "ô", "o", "ù", "u", "û", "u", "ü", "u", "É", "e", "'", "", " ", "", "-", "", "&", "", ".", "")
	return strings.ToLower(repl.Replace(s))
}

// customers creates the customer population: a few public bodies and foreign customers,
// some consumers, businesses for the rest.
func (b *builder) customers(sales []ledger.Salesperson) {
	r := b.rng
	n := b.s.customers
	nPublic, nForeign, nConsumer := 3, 5, 10
	if !b.s.named {
		nPublic, nForeign, nConsumer = n/50, n/30, n/15
	}
	used := map[string]bool{}
	for i := 0; i < n; i++ {
		a := &acct{terms: ledger.Terms{Days: 30}}
		c := &a.c
		c.ID = fmt.Sprintf("C%05d", i+1)
		c.Account = "411" + c.ID[1:]
		c.Salesperson = sales[i%len(sales)].ID
		c.Lang = "fr"
		cty := pick(r, frenchCities)
		c.Address = ledger.Address{
			Lines:    []string{fmt.Sprintf("%d %s", 1+r.IntN(180), pick(r, streets))},
			Postcode: cty.postcode, City: cty.name, Country: "FR",
		}
		switch {
		case i < nPublic:
			c.Kind = ledger.PublicBody
			p := publicBodies[i%len(publicBodies)]
			c.Name = p.name
			if !b.s.named || i >= len(publicBodies) {
				c.Name = fmt.Sprintf("%s (%d)", p.name, i+1)
			}
			c.Address = ledger.Address{Lines: []string{p.street}, Postcode: p.postcode, City: p.city, Country: "FR"}
			a.terms = ledger.Terms{Days: p.termDays}
			a.prof, a.every, a.scale = publicPayer, 21, 6000
			c.Contacts = []ledger.Contact{{Name: "Service facturier", Role: "Comptabilité publique",
				Email: "facturier@" + slug(p.city) + ".fr", Phone: phone(r, "04")}}
		case i < nPublic+nForeign:
			f := foreign[(i-nPublic)%len(foreign)]
			c.Kind = ledger.Business
			c.Name = f.name
			if !b.s.named || i-nPublic >= len(foreign) {
				c.Name = fmt.Sprintf("%s (%d)", f.name, i+1)
			}
			c.Lang, c.Law = f.lang, f.law
			c.Address = ledger.Address{Lines: []string{f.street}, Postcode: f.postcode, City: f.city, Country: f.country}
			a.prof = pick(r, []profile{punctual, punctual, late, drifter})
			a.every, a.scale = 30+r.IntN(30), 4000
			c.Contacts = []ledger.Contact{{Name: "Accounts payable", Email: "ap@" + slug(f.name)[:8] + ".eu"}}
		case i < nPublic+nForeign+nConsumer:
			c.Kind = ledger.Consumer
			fn, last := pick(r, firstNames), pick(r, surnames)
			first := fn.name
			c.Name = first + " " + strings.ToUpper(last)
			c.Civility = fn.civility
			a.terms = ledger.Terms{Days: 15}
			a.prof = pick(r, []profile{punctual, punctual, punctual, late, partial, veryLate})
			a.every, a.scale = 45+r.IntN(60), 350
			c.Contacts = []ledger.Contact{{Name: first + " " + last, Email: slug(first) + "." + slug(last) + "@courriel.fr",
				Phone: phone(r, "06")}}
		default:
			c.Kind = ledger.Business
			for {
				c.Name = fmt.Sprintf("%s %s %s", pick(r, trades), pick(r, surnames), pick(r, legalForms))
				if !used[c.Name] || !b.s.named {
					break
				}
			}
			c.SIREN = siren(r)
			c.VATNumber = fmt.Sprintf("FR%02d%s", (12+3*(mod97(c.SIREN)))%97, c.SIREN)
			a.prof = businessProfile(r)
			a.every = pick(r, []int{7, 14, 14, 21, 30, 30, 30, 45, 60})
			a.scale = pick(r, []float64{600, 1200, 2500, 2500, 5000, 9000})
			switch x := r.IntN(10); {
			case x < 6:
				a.terms = ledger.Terms{Days: 30}
			case x < 8:
				a.terms = ledger.Terms{Days: 45, EOM: ledger.DaysThenEOM}
			case x < 9:
				a.terms = ledger.Terms{Days: 60}
			default:
				a.terms = ledger.Terms{Days: 45, EOM: ledger.EOMThenDays}
			}
			first, last := pick(r, firstNames).name, pick(r, surnames)
			dom := slug(strings.SplitN(c.Name, " ", 3)[1]) + ".fr"
			c.Contacts = []ledger.Contact{{Name: first + " " + last, Role: pick(r, roles),
				Email: "compta@" + dom, Phone: phone(r, "04")}}
			if r.IntN(3) == 0 {
				f2, l2 := pick(r, firstNames).name, pick(r, surnames)
				c.Contacts = append(c.Contacts, ledger.Contact{Name: f2 + " " + l2, Role: "Gérant",
					Email: slug(f2) + "." + slug(l2) + "@" + dom, Phone: phone(r, "06")})
			}
			monthly := a.scale * 30 / float64(a.every)
			c.CreditLimit = ledger.Cents(math.Ceil(monthly*3/1000)*1000) * 100
		}
		used[c.Name] = true
		if a.terms != ledger.DefaultTerms {
			t := a.terms
			c.Terms = &t
		}
		b.accts = append(b.accts, a)
	}
	if b.s.scale {
		base, extra := b.s.items/n, b.s.items%n
		for i, a := range b.accts {
			a.quota = base
			if i < extra {
				a.quota++
			}
		}
	}
}

func mod97(s string) int {
	m := 0
	for _, ch := range s {
		m = (m*10 + int(ch-'0')) % 97
	}
	return m
}

func businessProfile(r *rand.Rand) profile {
	switch x := r.IntN(100); {
	case x < 62:
		return punctual
	case x < 76:
		return drifter
	case x < 85:
		return late
	case x < 90:
		return veryLate
	case x < 95:
		return partial
	default:
		return stopped
	}
}

// nextNumber returns the next document number for a prefix in the date's year.
func (b *builder) nextNumber(prefix string, d ledger.Date, width int) string {
	key := fmt.Sprintf("%s%d", prefix, d.Year())
	b.seq[key]++
	return fmt.Sprintf("%s%d-%0*d", prefix, d.Year(), width, b.seq[key])
}

type invoiceEvent struct {
	a          *acct
	date       ledger.Date
	amount     ledger.Cents
	creditAt   ledger.Date // credit note date, NoDate if none
	creditFrac float64
	payAt      ledger.Date // payment date, NoDate while unpaid at today
	payFrac    float64     // share of the invoice paid at payAt
	restAt     ledger.Date // payment of the rest of a partial payment, NoDate if none
}

// invoices generates every customer's invoices, numbers them in date order across the
// dossier, then settles each according to the customer's payment profile.
func (b *builder) invoices() {
	r := b.rng
	span := b.s.today.DaysSince(b.start)
	var events []*invoiceEvent
	for _, a := range b.accts {
		every := a.every
		if b.s.scale {
			// about 1.9 items per invoice; plan 60 % more than needed, fit trims the oldest
			every = min(max(1, int(float64(span)*1.9/1.6/float64(max(1, a.quota)))), max(1, span/2))
		}
		var mine []*invoiceEvent
		d := b.start.AddDays(r.IntN(every) + 1)
		for d <= b.s.today {
			if d.Weekday() == time.Saturday {
				d = d.AddDays(2)
			} else if d.Weekday() == time.Sunday {
				d = d.AddDays(1)
			}
			if d > b.s.today {
				break
			}
			amt := a.scale * math.Exp(r.NormFloat64()*0.45)
			e := &invoiceEvent{a: a, date: d, amount: ledger.Cents(math.Round(amt*100)) + 1000}
			b.plan(e)
			mine = append(mine, e)
			step := every/2 + r.IntN(every+1)
			d = d.AddDays(max(1, step))
		}
		if b.s.scale {
			mine = fit(mine, a.quota)
		}
		events = append(events, mine...)
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].date < events[j].date })
	for _, e := range events {
		b.settle(e)
	}
	if b.s.named {
		b.extras()
	}
	for _, a := range b.accts {
		ledger.SortItems(a.items)
	}
}

func (a *acct) nextMatch() string {
	n := a.matchNo
	a.matchNo++
	s := ""
	for {
		s = string(rune('A'+n%26)) + s
		n = n/26 - 1
		if n < 0 {
			break
		}
	}
	if len(s) < 2 {
		s = "A" + s
	}
	return s
}

// delay returns the days between the due date and the payment for an invoice issued at
// fraction frac of the history, and false when the customer does not pay it.
func (b *builder) delay(p profile, frac float64) (int, bool) {
	r := b.rng
	switch p {
	case punctual:
		return r.IntN(9) - 4, true
	case drifter:
		return 2 + int(frac*45) + r.IntN(11) - 5, true
	case late:
		return 25 + r.IntN(36), true
	case veryLate:
		if frac > 0.72 {
			return 0, false
		}
		return 75 + r.IntN(56), true
	case partial:
		return 10 + r.IntN(21), true
	case stopped:
		if frac > 0.78 {
			return 0, false
		}
		return r.IntN(7) - 2, true
	case publicPayer:
		return 5 + r.IntN(36), true
	}
	return 0, true
}
