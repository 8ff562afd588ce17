package dunning

import (
	"slices"
	"strconv"

	"relance/ledger"
	"relance/ledger/dispute"
)

// Reason says why the engine decided something: a catalogue key and its parameters.
type Reason struct {
	Key  string   `json:"key"`
	Args []string `json:"args,omitempty"`
}

// Text renders the reason in lang, amounts in euros (Say with the dossier's currency).
func (r Reason) Text(lang string) string { return r.Say(lang, "EUR") }

// DefaultWeights are the class weights of the priority, in tenths: a customer at risk
// (D) comes before a standard one (B) for the same amount and lateness.
var DefaultWeights = map[string]int{"A": 15, "B": 10, "C": 20, "D": 30}

// Input is what the engine needs to draw up the agenda of a day.
type Input struct {
	Book      *ledger.Book
	AsOf      ledger.Date
	Scenarios Scenarios                    // nil: DefaultScenarios
	Class     func(customer string) string // risk class of a customer; nil or "": DefaultClass
	Records   Records                      // actions, promises and plans recorded
	Disputes  *dispute.Index               // nil: no dispute
	Weights   map[string]int               // class weights in tenths; nil: DefaultWeights
	DryRun    bool                         // also explain, for every customer with nothing due, why
	// Held says whether a legal status keeps a customer out of the reminder flow at
	// AsOf (an over-indebtedness file: C. consom. L722-2, L722-5), and why; nil: none.
	Held func(customer string) (Reason, bool)
}

// Entry is one action of the agenda: one customer, one channel, every overdue item.
type Entry struct {
	Customer string       `json:"customer"`
	Name     string       `json:"name"`
	Class    string       `json:"class"`
	Channel  Channel      `json:"channel"`
	Stage    string       `json:"stage"`              // scenario step code, or callback, conf, plan, contact…
	Template string       `json:"template,omitempty"` // letter stage to issue
	Level    int          `json:"level"`              // 1-based rank of the step in the scenario (0: not a step)
	Due      ledger.Date  `json:"due"`                // when the action fell due (before AsOf: overdue)
	Items    []string     `json:"items"`
	Amount   ledger.Cents `json:"amount"`
	DaysLate int          `json:"days_late"` // of the oldest item
	Priority int64        `json:"priority"`
	Manual   bool         `json:"manual,omitempty"`   // needs a manual validation
	Assignee string       `json:"assignee,omitempty"` // from a reschedule or assignment
	Refs     []string     `json:"refs,omitempty"`     // planned actions this entry carries out
	Why      []Reason     `json:"why"`
}

// Overdue reports whether the entry fell due before asOf and is still not done.
func (e *Entry) Overdue(asOf ledger.Date) bool { return e.Due < asOf }

// Decision explains, in a dry run, why a customer has nothing on the agenda.
type Decision struct {
	Customer string   `json:"customer"`
	Name     string   `json:"name"`
	Class    string   `json:"class"`
	Why      []Reason `json:"why"`
}

// Signal kinds.
const (
	SignalPromiseKept   = "promise_kept"
	SignalPromiseBroken = "promise_broken"
	SignalPlanCompleted = "plan_completed"
	SignalPlanDefaulted = "plan_defaulted"
	SignalPlanLate      = "plan_late"
)

// Signal is an event the engine found at the as-of date: a promise kept or broken, a
// payment plan completed, late or defaulted.
type Signal struct {
	Customer string       `json:"customer"`
	Kind     string       `json:"kind"`
	Ref      string       `json:"ref"`  // promise or plan ID
	Date     ledger.Date  `json:"date"` // promised date, or the missed instalment's
	Amount   ledger.Cents `json:"amount"`
}

// Agenda is the day's work: the actions due, highest priority first.
type Agenda struct {
	AsOf    ledger.Date `json:"as_of"`
	Entries []Entry     `json:"entries"`
	Skipped []Decision  `json:"skipped,omitempty"` // dry run only
	Signals []Signal    `json:"signals,omitempty"`
	// Promises and Plans are the records whose stored status is stale at AsOf (a
	// pending promise now kept or broken, an active plan completed or defaulted), with
	// the new status and closing date set: storing them records what happened.
	Promises []Promise `json:"promises,omitempty"`
	Plans    []Plan    `json:"plans,omitempty"`
}

// ByChannel returns the entries grouped by channel, each group in priority order, the
// channels in escalation order (Channels).
func (g *Agenda) ByChannel() map[Channel][]Entry {
	out := map[Channel][]Entry{}
	for _, e := range g.Entries {
		out[e.Channel] = append(out[e.Channel], e)
	}
	return out
}

// index holds the records by customer.
type index struct {
	actions  map[string][]*Action
	promises map[string][]*Promise
	plans    map[string][]*Plan
	closed   map[string]bool // planned action IDs carried out, replaced or cancelled
}

func newIndex(r *Records) *index {
	x := &index{actions: map[string][]*Action{}, promises: map[string][]*Promise{}, plans: map[string][]*Plan{}, closed: map[string]bool{}}
	for i := range r.Actions {
		a := &r.Actions[i]
		x.actions[a.Customer] = append(x.actions[a.Customer], a)
		if a.Ref != "" {
			x.closed[a.Ref] = true
		}
	}
	for i := range r.Promises {
		p := &r.Promises[i]
		x.promises[p.Customer] = append(x.promises[p.Customer], p)
	}
	for i := range r.Plans {
		p := &r.Plans[i]
		x.plans[p.Customer] = append(x.plans[p.Customer], p)
	}
	for _, acts := range x.actions {
		slices.SortStableFunc(acts, func(a, b *Action) int { return int(a.Date - b.Date) })
	}
	return x
}

// Run draws up the agenda at in.AsOf. For each customer it finds the oldest unpaid,
// undisputed item not under a pending promise or an honoured payment plan, the last
// scenario step done for it, and the next step; that step is due on the later of its
// offset from the item's due date and the previous step's date plus the gap between
// the two offsets, so that a skipped day never skips a step. One entry per customer and
// channel covers every overdue item; planned actions (callbacks, reschedules,
// confirmation letters) join the entry of their channel.
func Run(in Input) Agenda {
	e := engine{in: in, idx: newIndex(&in.Records)}
	if e.in.Scenarios == nil {
		e.in.Scenarios = DefaultScenarios()
	}
	if e.in.Weights == nil {
		e.in.Weights = DefaultWeights
	}
	e.ag.AsOf = in.AsOf
	if in.Book != nil {
		e.ag.Entries = make([]Entry, 0, len(in.Book.Accounts)/2+8)
		for _, a := range in.Book.Accounts {
			e.customer(a)
		}
	}
	slices.SortStableFunc(e.ag.Entries, func(a, b Entry) int {
		switch {
		case a.Priority != b.Priority:
			if a.Priority > b.Priority {
				return -1
			}
			return 1
		case a.Customer != b.Customer:
			return cmpString(a.Customer, b.Customer)
		}
		return cmpString(string(a.Channel), string(b.Channel))
	})
	return e.ag
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

type engine struct {
	in  Input
	idx *index
	ag  Agenda
}

func (e *engine) class(id string) string {
	if e.in.Class != nil {
		if c := e.in.Class(id); c != "" {
			return c
		}
	}
	return DefaultClass
}

func (e *engine) skip(c *ledger.Customer, class string, why ...Reason) {
	if e.in.DryRun {
		e.ag.Skipped = append(e.ag.Skipped, Decision{Customer: c.ID, Name: c.Name, Class: class, Why: why})
	}
}

func r(key string, args ...string) Reason { return Reason{Key: key, Args: args} }

func itoa(n int) string { return strconv.Itoa(n) }

// dstr formats d as ledger.Date.String does, without fmt (the agenda formats tens of
// thousands of dates for its reasons).
func dstr(d ledger.Date) string {
	if !d.Valid() {
		return ""
	}
	y, m, dd := d.YMD()
	b := make([]byte, 0, 10)
	b = appendPad(b, y, 4)
	b = append(b, '-')
	b = appendPad(b, int(m), 2)
	b = append(b, '-')
	b = appendPad(b, dd, 2)
	return string(b)
}

// cstr formats c as ledger.Cents.String does, without fmt.
func cstr(c ledger.Cents) string {
	b := make([]byte, 0, 16)
	u := int64(c)
	if u < 0 {
		b = append(b, '-')
		u = -u
	}
	b = strconv.AppendInt(b, u/100, 10)
	b = append(b, '.')
	b = appendPad(b, int(u%100), 2)
	return string(b)
}

func appendPad(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// Writings are the agenda's entries issued as a document on one of channels (letters,
// formal notices, e-mails): those naming a template, the ones that need a manual
// validation only when withManual (formal notices are validated one by one).
func (g *Agenda) Writings(channels []Channel, withManual bool) []Entry {
	var out []Entry
	for _, e := range g.Entries {
		if e.Template != "" && slices.Contains(channels, e.Channel) && (withManual || !e.Manual) {
			out = append(out, e)
		}
	}
	return out
}
