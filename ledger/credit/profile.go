package credit

import (
	"github.com/shopspring/decimal"

	"relance/ledger"
)

// PaymentMethod is how a customer usually pays, read from the labels of its payments.
type PaymentMethod string

// Payment methods, in the order they are recognised in a label.
const (
	MethodLCR         PaymentMethod = "lcr"          // lettre de change relevé / effet (or FlagPromissoryNote)
	MethodDirectDebit PaymentMethod = "direct_debit" // prélèvement (PRLV, SDD)
	MethodCheque      PaymentMethod = "cheque"       // chèque (CHQ)
	MethodCard        PaymentMethod = "card"         // carte bancaire (CB, TPE)
	MethodTransfer    PaymentMethod = "transfer"     // virement (VIR)
	MethodUnknown     PaymentMethod = "unknown"      // nothing recognisable in the labels
)

// methodOrder lists the methods in the order a label is read for them.
func methodOrder() []PaymentMethod {
	return []PaymentMethod{MethodLCR, MethodDirectDebit, MethodCheque, MethodCard, MethodTransfer, MethodUnknown}
}

// methodWord returns the method a word of a folded label (lower case, no accents) names.
func methodWord(w string) PaymentMethod {
	switch w {
	case "lcr", "effet", "effets", "traite", "lcrbor":
		return MethodLCR
	case "prlv", "prelevement", "prelev", "prel", "sdd":
		return MethodDirectDebit
	case "chq", "cheque", "cheques", "check":
		return MethodCheque
	case "cb", "carte", "card", "tpe":
		return MethodCard
	case "vir", "virt", "virement", "transfer", "wire":
		return MethodTransfer
	}
	return MethodUnknown
}

// rank is a method's position in methodOrder.
func rank(m PaymentMethod) int {
	for i, o := range methodOrder() {
		if o == m {
			return i
		}
	}
	return len(methodOrder())
}

func isWordByte(c byte) bool {
	return c >= 0x80 || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// MethodOf returns the payment method a payment's label (or flags) shows, or MethodUnknown.
func MethodOf(it *ledger.Item) PaymentMethod {
	if it.Flags&ledger.FlagPromissoryNote != 0 {
		return MethodLCR
	}
	best := MethodUnknown
	label := it.Label
	var buf [24]byte
	for i := 0; i < len(label); {
		// A word is a run of letters, digits or non-ASCII bytes (accented letters).
		j := i
		for j < len(label) && isWordByte(label[j]) {
			j++
		}
		if j == i {
			i++
			continue
		}
		w, ascii := buf[:0], true
		if j-i <= len(buf) {
			for k := i; k < j; k++ {
				c := label[k]
				if c >= 0x80 {
					ascii = false
				} else if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				w = append(w, c)
			}
			var m PaymentMethod
			if ascii {
				m = methodWord(string(w)) // no allocation: the conversion is only compared
			} else {
				m = methodWord(ledger.Fold(label[i:j]))
			}
			if rank(m) < rank(best) {
				best = m
			}
		}
		i = j
	}
	return best
}

// PromiseFunc counts a customer's payment promises kept and broken whose date falls in
// (from, to]. It is the hook of the promises feature; until promises are recorded it is
// nil and the profile's promise figures are zero and not Defined.
type PromiseFunc func(customer string, from, to ledger.Date) (kept, broken int)

// ProfileOptions tune Profile.
type ProfileOptions struct {
	Promises PromiseFunc
}

// Payer-profile figure keys (i18n keys of their names; methods under kpi.method.profile.*).
const (
	KeyLate6m         = "kpi.profile.late_6m"
	KeyLate12m        = "kpi.profile.late_12m"
	KeyLateTrend      = "kpi.profile.trend"
	KeyOnTime         = "kpi.profile.on_time"
	KeyPartial        = "kpi.profile.partial"
	KeyOpenInvoices   = "kpi.profile.open_invoices"
	KeyOpenLateness   = "kpi.profile.open_lateness"
	KeyUsualMethod    = "kpi.profile.method"
	KeyPromisesKept   = "kpi.profile.promises_kept"
	KeyPromisesBroken = "kpi.profile.promises_broken"
)

// PayerProfile is how a customer pays, at a date. Every figure carries its inputs.
// Windows are the 6 or 12 months up to AsOf: (AsOf − 6 months, AsOf].
type PayerProfile struct {
	Customer string      `json:"customer"`
	AsOf     ledger.Date `json:"as_of"`
	// Late6m and Late12m are the average days late (settlement date − due date, negative
	// when early) of the invoices settled in the window, weighted by invoice amount.
	Late6m  Figure `json:"late_6m"`
	Late12m Figure `json:"late_12m"`
	// Trend is Late6m minus the same average over the 6 months before (positive: the
	// customer pays later than before).
	Trend Figure `json:"trend"`
	// OnTime is the share (by number) of the invoices settled in the last 12 months that
	// were settled on or before their due date.
	OnTime Figure `json:"on_time"`
	// Partial is the share of the invoices of the last 12 months (by document date) that
	// received a payment and were paid in part: their lettering group holds a payment
	// smaller than the group's invoices net of its credit notes (so also a group still
	// open, "lettrage partiel"). Customers without lettering give no figure.
	Partial Figure `json:"partial"`
	// OpenInvoices is the number of invoices open at AsOf; OpenLateness their average
	// days past due (0 for those not due), weighted by open amount.
	OpenInvoices Figure `json:"open_invoices"`
	OpenLateness Figure `json:"open_lateness"`
	// Method is the most frequent payment method of the payments of the last 12 months
	// (all earlier ones when there are none), MethodUnknown when no label says;
	// MethodShare is its share of those payments, with the count per method as inputs.
	Method      PaymentMethod `json:"method"`
	MethodShare Figure        `json:"method_share"`
	// PromisesKept and PromisesBroken over the last 12 months, from ProfileOptions.Promises;
	// zero and not Defined while promises are not recorded.
	PromisesKept   Figure `json:"promises_kept"`
	PromisesBroken Figure `json:"promises_broken"`
}

// Figures returns the profile's figures in display order.
func (p *PayerProfile) Figures() []Figure {
	return []Figure{p.Late6m, p.Late12m, p.Trend, p.OnTime, p.Partial, p.OpenInvoices, p.OpenLateness,
		p.MethodShare, p.PromisesKept, p.PromisesBroken}
}

// lateness accumulates days late weighted by amount.
type lateness struct {
	n        int
	amount   ledger.Cents
	weighted int64 // Σ amount (cents) × days
}

func (l *lateness) add(amount ledger.Cents, days int) {
	l.n++
	l.amount += amount
	l.weighted += int64(amount) * int64(days)
}

func (l *lateness) avg() (decimal.Decimal, bool) {
	if l.amount <= 0 {
		return decimal.Zero, false
	}
	return decimal.NewFromInt(l.weighted).Div(decimal.NewFromInt(int64(l.amount))), true
}

func (l *lateness) figure(key, cur string, from, to ledger.Date) Figure {
	v, ok := l.avg()
	return figure(key, UnitDays, v, ok, nil, countInput("invoices", l.n, from, to),
		amountInput("amount", cur, l.amount, from, to))
}

func countInput(name string, n int, from, to ledger.Date) Input {
	return Input{Name: name, Unit: UnitCount, Value: decimal.NewFromInt(int64(n)), From: from, To: to}
}

// Profiles returns the payer profile of every customer of the book at asOf, in ID order.
func Profiles(book *ledger.Book, asOf ledger.Date, opt ProfileOptions) []PayerProfile {
	out := make([]PayerProfile, len(book.Accounts))
	for i, a := range book.Accounts {
		out[i] = Profile(a, asOf, book.Settings.Currency, opt)
	}
	return out
}

// Profile computes the payer profile of one account at asOf; cur is the dossier's currency.
func Profile(a *ledger.Account, asOf ledger.Date, cur string, opt ProfileOptions) PayerProfile {
	p := PayerProfile{Customer: a.Customer.ID, AsOf: asOf}
	m6, m12 := asOf.AddMonths(-6), asOf.AddMonths(-12)
	var l6, lPrev, l12 lateness
	var onTimeAmt, settledAmt ledger.Cents
	nOnTime := 0
	type group struct {
		net      ledger.Cents // invoices + credit notes
		smallest ledger.Cents // smallest payment (positive), 0 when none
		invoices int          // invoices of the 12-month window
	}
	groups := map[string]*group{}
	methods := map[PaymentMethod]int{}
	var methodsAll map[PaymentMethod]int
	for i := range a.Items {
		it := &a.Items[i]
		if it.DocDate > asOf {
			continue
		}
		if it.Kind == ledger.Invoice && it.Amount > 0 && it.Settled.Valid() && it.Settled <= asOf && it.Settled > m12 && it.DueDate.Valid() {
			days := it.Settled.DaysSince(it.DueDate)
			l12.add(it.Amount, days)
			if it.Settled > m6 {
				l6.add(it.Amount, days)
			} else {
				lPrev.add(it.Amount, days)
			}
			settledAmt += it.Amount
			if days <= 0 {
				nOnTime++
				onTimeAmt += it.Amount
			}
		}
		if it.Match != "" && it.Flags&ledger.FlagFIFO == 0 {
			g := groups[it.Match]
			if g == nil {
				g = &group{}
				groups[it.Match] = g
			}
			switch it.Kind {
			case ledger.Invoice, ledger.CreditNote:
				g.net += it.Amount
				if it.Kind == ledger.Invoice && it.DocDate > m12 {
					g.invoices++
				}
			case ledger.Payment:
				if pay := -it.Amount; pay > 0 && (g.smallest == 0 || pay < g.smallest) {
					g.smallest = pay
				}
			}
		}
		if it.Kind == ledger.Payment {
			m := MethodOf(it)
			if it.DocDate > m12 {
				methods[m]++
			} else {
				if methodsAll == nil {
					methodsAll = map[PaymentMethod]int{}
				}
				methodsAll[m]++
			}
		}
	}
	p.Late6m = l6.figure(KeyLate6m, cur, m6+1, asOf)
	p.Late12m = l12.figure(KeyLate12m, cur, m12+1, asOf)
	a6, ok6 := l6.avg()
	ap, okp := lPrev.avg()
	p.Trend = figure(KeyLateTrend, UnitDays, a6.Sub(ap), ok6 && okp, nil,
		Input{Name: "late_6m", Unit: UnitDays, Value: a6.Round(2), From: m6 + 1, To: asOf},
		Input{Name: "late_prev_6m", Unit: UnitDays, Value: ap.Round(2), From: m12 + 1, To: m6})
	ot, otOK := ratio(nOnTime, l12.n)
	p.OnTime = figure(KeyOnTime, UnitPct, ot, otOK, nil, countInput("invoices_on_time", nOnTime, m12+1, asOf),
		countInput("invoices", l12.n, m12+1, asOf), amountInput("amount_on_time", cur, onTimeAmt, m12+1, asOf),
		amountInput("amount", cur, settledAmt, m12+1, asOf))

	paid, partial := 0, 0
	for _, g := range groups {
		if g.smallest == 0 || g.invoices == 0 {
			continue
		}
		paid += g.invoices
		if g.smallest < g.net {
			partial += g.invoices
		}
	}
	pr, prOK := ratio(partial, paid)
	p.Partial = figure(KeyPartial, UnitPct, pr, prOK, nil, countInput("invoices_partial", partial, m12+1, asOf),
		countInput("invoices_paid", paid, m12+1, asOf))

	var open lateness
	var overdue ledger.Cents
	for _, o := range OpenAt(a, asOf) {
		if o.Kind == ledger.Invoice && o.OpenAt > 0 {
			open.add(o.OpenAt, o.DaysLate(asOf))
			if o.DueDate.Valid() && o.DueDate < asOf {
				overdue += o.OpenAt
			}
		}
	}
	p.OpenInvoices = figure(KeyOpenInvoices, UnitCount, decimal.NewFromInt(int64(open.n)), true, nil,
		amountInput("open_amount", cur, open.amount, ledger.NoDate, asOf), amountInput("overdue", cur, overdue, ledger.NoDate, asOf))
	ol, olOK := open.avg()
	p.OpenLateness = figure(KeyOpenLateness, UnitDays, ol, olOK, nil, countInput("invoices", open.n, ledger.NoDate, asOf),
		amountInput("open_amount", cur, open.amount, ledger.NoDate, asOf))

	from := m12 + 1
	if len(methods) == 0 && methodsAll != nil {
		methods, from = methodsAll, ledger.NoDate
	}
	p.Method = MethodUnknown
	total, best := 0, 0
	var in []Input
	for _, m := range methodOrder() {
		n := methods[m]
		total += n
		if n > 0 {
			in = append(in, countInput("method_"+string(m), n, from, asOf))
		}
		if m != MethodUnknown && n > best {
			p.Method, best = m, n
		}
	}
	share, shOK := ratio(best, total)
	p.MethodShare = figure(KeyUsualMethod, UnitPct, share, shOK && best > 0, []string{"method", string(p.Method)}, in...)

	kept, broken, hooked := 0, 0, opt.Promises != nil
	if hooked {
		kept, broken = opt.Promises(a.Customer.ID, m12, asOf)
	}
	p.PromisesKept = figure(KeyPromisesKept, UnitCount, decimal.NewFromInt(int64(kept)), hooked, nil)
	p.PromisesBroken = figure(KeyPromisesBroken, UnitCount, decimal.NewFromInt(int64(broken)), hooked, nil)
	return p
}

// ratio returns part / whole × 100, false when whole is 0.
func ratio(part, whole int) (decimal.Decimal, bool) {
	if whole == 0 {
		return decimal.Zero, false
	}
	return decimal.NewFromInt(int64(part) * 100).Div(decimal.NewFromInt(int64(whole))), true
}
