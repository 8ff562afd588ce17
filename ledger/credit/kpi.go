package credit

import (
	"strconv"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

// Conventions of the credit dashboard (reference/legal-fr.md §8), shared by KPIsAt and
// History so that a month of the history and the figures at that date are the same:
//
//   - Sales are credit sales incl. VAT (TTC): Σ invoices + Σ credit notes (negative) by
//     document date, every customer included. Opening balances, payments and
//     adjustments are not sales.
//   - Receivables at a date are Σ open amounts at that date (open debits − open credits,
//     as rebuilt by OpenAt, the same figure as the aged balance's total), excluding the
//     doubtful customers (ledger.Customer.Doubtful, account 416): §8.1 says to exclude
//     doubtful accounts from the DSO, and every KPI uses the same receivables so that
//     they add up. The doubtful amount is reported apart (kpi.doubtful and an input).
//   - Overdue = open debits past their due date (due date < as-of date); current =
//     receivables − overdue (not-yet-due debits net of unapplied credits), so that
//     receivables = current + overdue in the overdue rate, the BPDSO and the CEI.
//   - A period "of N days to d" is (d−N, d]; a month's sales for the count-back are those
//     of the calendar month, the as-of date's own month being counted up to the date.

// Unit of a figure or an input.
const (
	UnitDays  = "days"
	UnitPct   = "%"
	UnitCount = "count"
	// Amounts carry the dossier's currency code (Settings.Currency, "EUR" by default).
)

// Over90Days is the lateness beyond which an amount counts in the "> 90 days" KPI,
// whatever the aged-balance buckets of the dossier (§8.3: the reporting buckets end at > 90).
const Over90Days = 90

// KPI keys: each is also the i18n key of the KPI's name; its method text is the key
// with "kpi." replaced by "kpi.method.".
const (
	KeyReceivables   = "kpi.receivables"
	KeyDSOAccounting = "kpi.dso_accounting"
	KeyDSOCountBack  = "kpi.dso_countback"
	KeyBPDSO         = "kpi.bpdso"
	KeyADD           = "kpi.add"
	KeyOverdue       = "kpi.overdue"
	KeyOverdueRate   = "kpi.overdue_rate"
	KeyDisputes      = "kpi.disputes_weight"
	KeyCEI           = "kpi.cei"
	KeyOver90        = "kpi.over_90"
	KeyOver90Share   = "kpi.over_90_share"
	KeyDoubtful      = "kpi.doubtful"
)

// Input is one named figure a KPI was computed from: an amount, a number of days, a
// count or a rate, with the period or date it refers to.
type Input struct {
	Name  string          `json:"name"` // i18n key "kpi.input.<name>"
	Unit  string          `json:"unit"` // a currency code, "days", "%" or "count"
	Value decimal.Decimal `json:"value"`
	From  ledger.Date     `json:"from,omitempty"` // first day of the period covered, if any
	To    ledger.Date     `json:"to,omitempty"`   // last day of the period, or the date of a position
}

// Figure is an explainable figure: a KPI of the dashboard or of a payer profile, with
// how it was computed and from what.
type Figure struct {
	Key   string          `json:"key"`   // stable identifier, also the i18n key of its name
	Value decimal.Decimal `json:"value"` // rounded to 2 decimals for days and %, exact for amounts
	Unit  string          `json:"unit"`
	// Defined is false when the figure cannot be computed (no sales, no receivables…);
	// Value is then 0 and the UI shows a dash.
	Defined bool `json:"defined"`
	// AtLeast marks a lower bound (count-back DSO whose receivables exceed the history).
	AtLeast bool `json:"at_least,omitempty"`
	// Method is the i18n key of the text that explains the computation; MethodArgs are
	// its name/value parameters for i18n.T.
	Method     string   `json:"method"`
	MethodArgs []string `json:"method_args,omitempty"`
	Inputs     []Input  `json:"inputs"`
}

// KPIOptions set the conventions of the KPIs. The zero value gives the defaults.
type KPIOptions struct {
	// Days is the period of the accounting DSO and of the BPDSO (90 by default).
	Days int
	// CountBackMonths is how many months the count-back DSO may go back (24 by default).
	CountBackMonths int
	// CEIMonths is the CEI period in months (3 by default).
	CEIMonths int
	// CEIMonthlyAverage selects the monthly-average CEI variant (creditguru: sales /
	// months); the default is the total-sales variant (wizedu), §8.4.
	CEIMonthlyAverage bool
	// Disputed feeds the disputed amounts (nil: no disputes recorded yet, weight 0).
	Disputed DisputedFunc
}

func (o KPIOptions) norm() KPIOptions {
	if o.Days <= 0 {
		o.Days = 90
	}
	if o.CountBackMonths <= 0 {
		o.CountBackMonths = 24
	}
	if o.CEIMonths <= 0 {
		o.CEIMonths = 3
	}
	return o
}

// ceiBegin returns the date of the CEI's beginning receivables for a period ending at
// d: CEIMonths months earlier (end of that month when d is a month end).
func (o KPIOptions) ceiBegin(d ledger.Date) ledger.Date {
	b := d.AddMonths(-o.CEIMonths)
	if d == d.EndOfMonth() {
		b = b.EndOfMonth()
	}
	return b
}

// Position is the state of the receivables at a date, the base of every KPI.
type Position struct {
	AsOf        ledger.Date  `json:"as_of"`
	Receivables ledger.Cents `json:"receivables"` // Σ open, doubtful customers excluded
	NotDue      ledger.Cents `json:"not_due"`     // open debits not yet due
	Overdue     ledger.Cents `json:"overdue"`     // open debits past due
	Over90      ledger.Cents `json:"over_90"`     // open debits more than 90 days past due
	Credits     ledger.Cents `json:"credits"`     // open credits (≤ 0)
	Disputed    ledger.Cents `json:"disputed"`    // part of the receivables in dispute
	Doubtful    ledger.Cents `json:"doubtful"`    // Σ open of doubtful customers, kept out of the above
}

// Current returns receivables − overdue: not-yet-due debits net of unapplied credits.
func (p *Position) Current() ledger.Cents { return p.Receivables - p.Overdue }

// add counts an item open for open at p.AsOf.
func (p *Position) add(it *ledger.Item, open ledger.Cents, doubtful bool, dispute DisputedFunc) {
	if doubtful {
		p.Doubtful += open
		return
	}
	p.Receivables += open
	switch {
	case open < 0:
		p.Credits += open
	case !it.DueDate.Valid() || it.DueDate >= p.AsOf:
		p.NotDue += open
	default:
		p.Overdue += open
		if p.AsOf.DaysSince(it.DueDate) > Over90Days {
			p.Over90 += open
		}
	}
	if dispute != nil {
		p.Disputed += dispute(it, p.AsOf, open)
	}
}

// PositionAt computes the position at asOf from the aged balance (AgedBalance), the
// reference the fast History is checked against.
func PositionAt(book *ledger.Book, asOf ledger.Date, dispute DisputedFunc) Position {
	p := Position{AsOf: asOf}
	ag := AgedBalance(book, asOf, nil)
	for _, lines := range [][]AgedLine{ag.Lines, ag.Doubtful} {
		for i := range lines {
			l := &lines[i]
			for _, o := range l.Items {
				p.add(o.Item, o.OpenAt, l.Customer.Doubtful, dispute)
			}
		}
	}
	return p
}

// Snapshot is the dashboard at a date: the position, the month's sales and the KPIs.
type Snapshot struct {
	AsOf     ledger.Date `json:"as_of"`
	Position Position    `json:"position"`
	// MonthSales are the sales of AsOf's calendar month up to AsOf.
	MonthSales ledger.Cents `json:"month_sales"`
	KPIs       []Figure     `json:"kpis"`
}

// KPI returns the figure with the given key, or nil.
func (s *Snapshot) KPI(key string) *Figure {
	for i := range s.KPIs {
		if s.KPIs[i].Key == key {
			return &s.KPIs[i]
		}
	}
	return nil
}

// salesFunc returns the sales with a document date in (from, to].
type salesFunc func(from, to ledger.Date) ledger.Cents

func amountInput(name, cur string, c ledger.Cents, from, to ledger.Date) Input {
	return Input{Name: name, Unit: cur, Value: c.Decimal(), From: from, To: to}
}

func daysInput(name string, n int) Input {
	return Input{Name: name, Unit: UnitDays, Value: decimal.NewFromInt(int64(n))}
}

func figure(key, unit string, v decimal.Decimal, ok bool, args []string, in ...Input) Figure {
	if !ok {
		v = decimal.Zero
	} else if unit == UnitDays || unit == UnitPct {
		v = v.Round(2)
	}
	return Figure{Key: key, Value: v, Unit: unit, Defined: ok, Method: methodKey(key), MethodArgs: args, Inputs: in}
}

func methodKey(key string) string { return "kpi.method." + key[len("kpi."):] }

// assemble computes the KPIs at end.AsOf from the positions at the date and at the
// beginning of the CEI period, and the sales.
func assemble(end, begin *Position, sales salesFunc, o KPIOptions, cur string) Snapshot {
	d := end.AsOf
	s := Snapshot{AsOf: d, Position: *end, MonthSales: sales(d.StartOfMonth()-1, d)}
	R := end.Receivables
	recv := amountInput("receivables", cur, R, ledger.NoDate, d)
	doubt := amountInput("doubtful", cur, end.Doubtful, ledger.NoDate, d)
	from := d.AddDays(-o.Days)
	salesN := sales(from, d)
	salesIn := amountInput("sales", cur, salesN, from+1, d)
	nDays := daysInput("period_days", o.Days)
	dargs := []string{"days", strconv.Itoa(o.Days)}

	s.KPIs = append(s.KPIs, figure(KeyReceivables, cur, R.Decimal(), true, nil, recv, doubt,
		amountInput("credits", cur, end.Credits, ledger.NoDate, d)))

	// §8.1 accounting DSO.
	dso, dsoOK := DSOAccounting(R, salesN, o.Days)
	s.KPIs = append(s.KPIs, figure(KeyDSOAccounting, UnitDays, dso, dsoOK, dargs, recv, salesIn, nDays, doubt))

	// §8.2 count-back DSO: the as-of month to date, then whole calendar months back.
	var months []MonthSales
	var monthIn []Input
	mEnd := d
	for range o.CountBackMonths {
		mStart := mEnd.StartOfMonth()
		months = append(months, MonthSales{Sales: sales(mStart-1, mEnd), Days: mEnd.DaysSince(mStart) + 1})
		monthIn = append(monthIn, amountInput("month_sales", cur, months[len(months)-1].Sales, mStart, mEnd))
		mEnd = mStart - 1
	}
	cb, exhausted := DSOCountBack(R, months)
	in := []Input{recv}
	rest := R
	for i, m := range months {
		if rest <= 0 {
			break
		}
		in = append(in, monthIn[i])
		if rest <= m.Sales {
			break
		}
		rest -= m.Sales
	}
	cbFig := figure(KeyDSOCountBack, UnitDays, cb, true, []string{"months", strconv.Itoa(o.CountBackMonths)}, append(in, doubt)...)
	cbFig.AtLeast = !exhausted
	s.KPIs = append(s.KPIs, cbFig)

	// §8.5 best possible DSO and average days delinquent.
	cur0 := end.Current()
	curIn := amountInput("current", cur, cur0, ledger.NoDate, d)
	overIn := amountInput("overdue", cur, end.Overdue, ledger.NoDate, d)
	bp, bpOK := BestPossibleDSO(cur0, salesN, o.Days)
	s.KPIs = append(s.KPIs, figure(KeyBPDSO, UnitDays, bp, bpOK, dargs, curIn, salesIn, nDays))
	add := dso.Sub(bp)
	s.KPIs = append(s.KPIs, figure(KeyADD, UnitDays, add, dsoOK && bpOK, dargs,
		Input{Name: "dso", Unit: UnitDays, Value: dso.Round(2)}, Input{Name: "bpdso", Unit: UnitDays, Value: bp.Round(2)},
		overIn, salesIn, nDays))

	// §8.3 overdue amount and rate.
	s.KPIs = append(s.KPIs, figure(KeyOverdue, cur, end.Overdue.Decimal(), true, nil, overIn))
	rate, rateOK := Rate(end.Overdue, R)
	s.KPIs = append(s.KPIs, figure(KeyOverdueRate, UnitPct, rate, rateOK && R > 0, nil, overIn, recv))

	// Weight of disputes: disputed / receivables (0 until disputes are recorded).
	dw, dwOK := Rate(end.Disputed, R)
	s.KPIs = append(s.KPIs, figure(KeyDisputes, UnitPct, dw, dwOK && R > 0, nil,
		amountInput("disputed", cur, end.Disputed, ledger.NoDate, d), recv))

	// §8.4 CEI over CEIMonths months.
	ceiSales := sales(begin.AsOf, d)
	n, key := 1, KeyCEI
	args := []string{"months", strconv.Itoa(o.CEIMonths)}
	if o.CEIMonthlyAverage {
		n = o.CEIMonths
	}
	cei, ceiOK := CEI(begin.Receivables, ceiSales, R, cur0, n)
	f := figure(key, UnitPct, cei, ceiOK, args,
		amountInput("begin_receivables", cur, begin.Receivables, ledger.NoDate, begin.AsOf),
		amountInput("sales", cur, ceiSales, begin.AsOf+1, d), recv, curIn)
	if o.CEIMonthlyAverage {
		f.Method = "kpi.method.cei_average"
	}
	s.KPIs = append(s.KPIs, f)

	// Amounts more than 90 days past due, and their share of the receivables.
	o90 := amountInput("over_90", cur, end.Over90, ledger.NoDate, d)
	s.KPIs = append(s.KPIs, figure(KeyOver90, cur, end.Over90.Decimal(), true, nil, o90))
	sh, shOK := Rate(end.Over90, R)
	s.KPIs = append(s.KPIs, figure(KeyOver90Share, UnitPct, sh, shOK && R > 0, nil, o90, recv))

	s.KPIs = append(s.KPIs, figure(KeyDoubtful, cur, end.Doubtful.Decimal(), true, nil, doubt))
	return s
}
