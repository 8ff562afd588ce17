package risk

import (
	"runtime"
	"sync"

	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
	"relance/ledger/law"
)

// Input is everything an assessment reads: the book, the dossier's disputes, promises
// and actions, the risk decisions recorded so far, the policy and the as-of date.
// Nothing is read from a store or a clock, so the same input gives the same result.
type Input struct {
	Book     *ledger.Book
	Policy   Policy
	AsOf     ledger.Date
	Disputes []dispute.Dispute
	Promises []dunning.Promise
	Actions  []dunning.Action
	// Procedures are the insolvency procedures recorded (evidence of the insolvency signal).
	Procedures []law.Procedure
	Records    Records
	// OpenAt rebuilds open amounts at a past as-of date (see OpenAtFunc); nil uses an
	// approximation from the settlement dates.
	OpenAt OpenAtFunc
	// Explain builds the per-axis reasons and the class's "why" for every customer.
	// Without it (the class list of the Clients screen) only points, classes and
	// signals with their evidence are computed; Detail explains one customer.
	Explain bool
}

// AxisScore is one axis of a customer's assessment: its points (0–100), its weight in
// the policy, its contribution to the score in tenths of a point, and the reasons.
type AxisScore struct {
	Axis         string   `json:"axis"`
	Points       int      `json:"points"`
	Weight       int      `json:"weight"`
	Contribution int      `json:"contribution_tenths"`
	Reasons      []Reason `json:"reasons"`
}

// Assessment is a customer's risk at the as-of date.
type Assessment struct {
	Customer    string `json:"customer"`
	Name        string `json:"name"`
	Salesperson string `json:"salesperson,omitempty"`
	// Class is the class in force: the override if any, else the assigned class (last
	// accepted proposal or initial adoption), else the computed class.
	Class    string `json:"class"`
	Computed string `json:"computed"`
	Assigned string `json:"assigned,omitempty"`
	// Override is the manual override in force, nil when none.
	Override *Override   `json:"override,omitempty"`
	Score    int         `json:"score"`
	Why      Reason      `json:"why"` // why the computed class
	Axes     []AxisScore `json:"axes"`
	Signals  []Signal    `json:"signals"`
	// Pending is the open proposal of a class change, nil when none.
	Pending *Proposal    `json:"pending,omitempty"`
	Balance ledger.Cents `json:"balance"`
	Overdue ledger.Cents `json:"overdue"`
	Sales12 ledger.Cents `json:"sales_12m"`
	// ShareBP is the customer's share of the dossier's sales over 12 months, in basis points.
	ShareBP int `json:"share_bp"`
}

// ActiveSignals returns the number of signals not covered by an acknowledgement.
func (a *Assessment) ActiveSignals() int {
	n := 0
	for i := range a.Signals {
		if a.Signals[i].Active() {
			n++
		}
	}
	return n
}

// Worst returns the highest severity of the active signals, and false when none.
func (a *Assessment) Worst() (Severity, bool) {
	var w Severity
	found := false
	for i := range a.Signals {
		if s := &a.Signals[i]; s.Active() && (!found || s.Severity > w) {
			w, found = s.Severity, true
		}
	}
	return w, found
}

// HasSignal reports whether the assessment holds signal key (acknowledged or not).
func (a *Assessment) HasSignal(key string) bool {
	for i := range a.Signals {
		if a.Signals[i].Key == key {
			return true
		}
	}
	return false
}

// Result is the assessment of every customer of a book, in the book's order.
type Result struct {
	AsOf        ledger.Date  `json:"as_of"`
	Policy      Policy       `json:"-"`
	Assessments []Assessment `json:"customers"`
	TotalSales  ledger.Cents `json:"total_sales_12m"`
	index       map[string]int
}

// Get returns the assessment of customer id, or nil.
func (r *Result) Get(id string) *Assessment {
	if r == nil {
		return nil
	}
	if i, ok := r.index[id]; ok {
		return &r.Assessments[i]
	}
	return nil
}

// ClassOf returns the class in force of a customer ("" when unknown): the hook
// credit.GroupByClass and credit.SummaryFilter take.
func (r *Result) ClassOf(c *ledger.Customer) string { return r.ClassOfID(c.ID) }

// ClassOfID is the class in force of customer id, "" when it is not assessed (the form
// the reminder engine takes: dunning.Input.Class).
func (r *Result) ClassOfID(id string) string {
	if a := r.Get(id); a != nil {
		return a.Class
	}
	return ""
}

// Counts returns the number of customers per class in force, in policy order.
func (r *Result) Counts() map[string]int {
	m := map[string]int{}
	for i := range r.Assessments {
		m[r.Assessments[i].Class]++
	}
	return m
}

// Assess computes the class and the signals of every customer of in.Book at in.AsOf.
// Accounts are read once each, in parallel (one goroutine per CPU). An invalid policy
// gives its validation problem.
func Assess(in Input) (*Result, error) {
	if err := in.Policy.Validate(); err != nil {
		return nil, err
	}
	e := newEngine(&in)
	accounts := in.Book.Accounts
	res := &Result{AsOf: in.AsOf, Policy: in.Policy, Assessments: make([]Assessment, len(accounts)),
		index: make(map[string]int, len(accounts))}
	parallel(len(accounts), func() func(int) {
		scratch, pool := &groupTable{}, []group{}
		return func(i int) { e.first(accounts[i], &res.Assessments[i], scratch, &pool, in.Explain) }
	})
	for i, a := range accounts {
		res.index[a.Customer.ID] = i
		if s := res.Assessments[i].Sales12; s > 0 {
			res.TotalSales += s
		}
	}
	parallel(len(accounts), func() func(int) {
		return func(i int) { e.second(&res.Assessments[i], res.TotalSales, in.Explain) }
	})
	return res, nil
}

// Detail assesses customer id alone with every reason (Input.Explain), against the
// dossier-wide sales total of res (an assessment of the same input without Explain).
// It returns nil when the customer is not in the book.
func Detail(in Input, res *Result, id string) *Assessment {
	a := in.Book.Account(id)
	if a == nil || in.Policy.Validate() != nil {
		return nil
	}
	e := newEngine(&in)
	as := &Assessment{}
	e.first(a, as, &groupTable{}, &[]group{}, true)
	e.second(as, res.TotalSales, true)
	return as
}

// engine holds what every account's assessment shares.
type engine struct {
	p       *Policy
	w       window
	extras  map[string]*extra
	decided map[string]*Decision
	openAt  OpenAtFunc
}

func newEngine(in *Input) *engine {
	e := &engine{p: &in.Policy, w: newWindow(in.AsOf, in.Policy.Signals), extras: byCustomer(in), openAt: in.OpenAt}
	e.decided = make(map[string]*Decision, len(in.Records.Decisions))
	for i := range in.Records.Decisions {
		e.decided[in.Records.Decisions[i].Proposal] = &in.Records.Decisions[i]
	}
	return e
}

// first reads the account: figures, signals and the axes that need only the account.
func (e *engine) first(a *ledger.Account, as *Assessment, scratch *groupTable, pool *[]group, ex bool) {
	st := gather(a, &e.w, e.openAt, scratch, pool)
	x := e.extras[a.Customer.ID]
	if x == nil {
		x = &extra{}
	}
	sig, broken, nd, da := signals(a, &st, x, &e.w, e.p)
	as.Customer, as.Name, as.Salesperson = a.Customer.ID, a.Customer.Name, a.Customer.Salesperson
	as.Signals, as.Balance, as.Overdue, as.Sales12 = sig, st.balance, st.overdue, st.sales12
	as.Axes = make([]AxisScore, 3, 4)
	as.Axes[0] = outstandingAxis(a, &st, e.p, ex)
	as.Axes[1] = riskAxis(a, &st, sig, broken, e.p, ex)
	as.Axes[2] = disputesAxis(&st, nd, da, e.p, ex)
}

// second adds the dependency axis (which needs the dossier's sales), the class and
// what is in force.
func (e *engine) second(as *Assessment, total ledger.Cents, ex bool) {
	as.ShareBP = shareBP(as.Sales12, total)
	as.Axes = append(as.Axes, dependencyAxis(as.Sales12, total, as.ShareBP, e.p, ex))
	classify(as, e.p, ex)
	inForce(as, e.extras[as.Customer], &e.w, e.decided)
}

// byCustomer splits the records of in by customer.
func byCustomer(in *Input) map[string]*extra {
	m := map[string]*extra{}
	get := func(id string) *extra {
		x := m[id]
		if x == nil {
			x = &extra{}
			m[id] = x
		}
		return x
	}
	for i := range in.Disputes {
		x := get(in.Disputes[i].Customer)
		x.disputes = append(x.disputes, &in.Disputes[i])
	}
	for i := range in.Promises {
		x := get(in.Promises[i].Customer)
		x.promises = append(x.promises, &in.Promises[i])
	}
	for i := range in.Actions {
		if in.Actions[i].Kind == dunning.KindTermRequest {
			x := get(in.Actions[i].Customer)
			x.actions = append(x.actions, &in.Actions[i])
		}
	}
	for i := range in.Procedures {
		x := get(in.Procedures[i].Customer)
		x.procs = append(x.procs, &in.Procedures[i])
	}
	r := &in.Records
	for i := range r.Overrides {
		x := get(r.Overrides[i].Customer)
		x.overrides = append(x.overrides, &r.Overrides[i])
	}
	for i := range r.Acks {
		x := get(r.Acks[i].Customer)
		x.acks = append(x.acks, &r.Acks[i])
	}
	for i := range r.Proposals {
		x := get(r.Proposals[i].Customer)
		x.proposals = append(x.proposals, &r.Proposals[i])
	}
	for i := range r.Assignments {
		x := get(r.Assignments[i].Customer)
		x.assigns = append(x.assigns, &r.Assignments[i])
	}
	return m
}

// parallel runs the function each worker makes (with its own scratch space) over
// 0..n-1, one worker per CPU, interleaved.
func parallel(n int, worker func() func(int)) {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/500))
	var wg sync.WaitGroup
	for k := 0; k < workers; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn := worker()
			for i := k; i < n; i += workers {
				fn(i)
			}
		}()
	}
	wg.Wait()
}
