package desk

import (
	"iter"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"relance/ledger"
	"relance/ledger/bank"
	"relance/ledger/bank/match"
	"relance/ledger/credit"
	"relance/ledger/dunning"
	"relance/ledger/importer/source"
	"relance/ledger/payment"
	"relance/ledger/store"
)

// Importing a bank statement (issue 19): read the file (ledger/bank), suggest for each
// credit the customers and invoices it may settle and for each reversal the payment it
// takes back (ledger/bank/match), let the person confirm, change or leave each line
// (the window's review table, the command line's --auto and --take), then record the
// lines decided in one transaction. The window and `relance bank import` both call
// ReviewStatement and ApplyStatement.

// The states of a statement line in a review (BankLine.State).
const (
	BankCredit = "credit" // money received: a payment to record
	BankReturn = "return" // a payment taken back: a cheque returned unpaid, a direct debit rejected
	BankOther  = "other"  // money paid out, a fee: not a customer's payment
	BankDone   = "done"   // recorded by an earlier import of this file or of another one
)

// BankLine is one line of a statement under review.
type BankLine struct {
	bank.Line
	Index int    // in Statement.Lines
	State string // BankCredit, BankReturn, BankOther or BankDone
	// Candidates are the customers a credit may come from, best first.
	Candidates []match.Candidate
	// Takes are the payments a return may take back, best first.
	Takes []match.Taken
	// TakenBack is, for a credit, the index of the later line of this statement that
	// takes it back (a direct debit credited then rejected), or -1.
	TakenBack int
	// Auto is true when the line is safe to record without asking: its best
	// candidate is an unambiguous exact match.
	Auto bool
	// Payment is the payment recorded from the line by an earlier import (BankDone).
	Payment string
}

// BankReview is a statement read and matched, as of a date, for the person to decide.
type BankReview struct {
	Statement *bank.Statement
	AsOf      ledger.Date
	// Seen is the record of an earlier import of the same file (same bytes), or nil.
	Seen  *store.Statement
	Lines []BankLine
}

// BankChoice is what the person decided for one line.
type BankChoice struct {
	Line int // index in Statement.Lines
	// Customer is, for a credit, the customer who paid.
	Customer string
	// Items are, for a credit, the invoices (item IDs) it settles, in order; none:
	// the oldest due first.
	Items []string
	// Numbers are, for a credit, invoices named by their document numbers (the
	// command line's --take N=CUSTOMER:FA1,FA2), after Items.
	Numbers []string
	// Take is, for a return, the payment it takes back.
	Take *match.Taken
}

// BankResult is what ApplyStatement recorded.
type BankResult struct {
	Payments []payment.Payment `json:"payments"` // payments received and returns recorded, in line order
	Lines    []int             `json:"lines"`    // the line (index in Statement.Lines) of each of Payments
	Left     int               `json:"left"`     // credits and returns not decided
	Done     int               `json:"done"`     // lines recorded by an earlier import, left as they were
}

// ReadStatement reads the bank statement at path (camt.053/052/054, CSV or XLSX, found
// from the content), the CSV's columns found by their header.
func ReadStatement(path string) (*bank.Statement, error) {
	f, _, err := source.OpenRegular(path)
	if err != nil {
		return nil, source.AsProblem(err, func(err error) *ledger.Problem {
			return &ledger.Problem{Key: "bank.err.open", Args: []string{"file", filepath.Base(path)}, Err: err}
		})
	}
	defer f.Close()
	return bank.Read(filepath.Base(path), f, nil)
}

// bankSource is the Source of a payment recorded from line l of the statement of hash.
func bankSource(hash string, l *bank.Line) string {
	if len(hash) > 16 {
		hash = hash[:16]
	}
	return "bank:" + hash + ":" + l.Key()
}

// lineKeyOf returns the line key of a payment's bank source, or "".
func lineKeyOf(source string) string {
	rest, ok := strings.CutPrefix(source, "bank:")
	if !ok {
		return ""
	}
	_, key, _ := strings.Cut(rest, ":")
	return key
}

// ReviewStatement matches the lines of st against the dossier as of asOf: for each
// credit its candidates (an invoice number or a customer code in the text, the amount
// of one open invoice or of a group, the payer's name, a promise of that amount due
// near that date), for each reversal the payment it takes back; the lines recorded by
// an earlier import are marked done. It writes nothing.
func (s *Session) ReviewStatement(st *bank.Statement, asOf ledger.Date) (*BankReview, error) {
	r := &BankReview{Statement: st, AsOf: asOf}
	var pays []payment.Payment
	var promises []match.Promise
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		if r.Seen, err = tx.Statement(st.Hash); err != nil {
			return err
		}
		if pays, err = tx.Payments(""); err != nil {
			return err
		}
		ps, err := tx.Promises("")
		if err != nil {
			return err
		}
		for _, p := range ps {
			if p.Status == dunning.PromisePending {
				promises = append(promises, match.Promise{Customer: p.Customer, Amount: p.Amount, Due: p.Due})
			}
		}
		plans, err := tx.Plans("")
		if err != nil {
			return err
		}
		for _, p := range plans {
			if p.Status != dunning.PlanActive {
				continue
			}
			for _, in := range p.Instalments {
				promises = append(promises, match.Promise{Customer: p.Customer, Amount: in.Amount, Due: in.Due})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	done := map[string]string{}
	for _, p := range pays {
		if k := lineKeyOf(p.Source); k != "" {
			done[k] = p.ID
		}
	}
	lines := st.Lines
	r.Lines = make([]BankLine, len(lines))
	recorded := map[int]bool{}
	for i := range lines {
		l := &lines[i]
		bl := BankLine{Line: *l, Index: i, TakenBack: -1}
		switch {
		case done[l.Key()] != "":
			bl.State, bl.Payment = BankDone, done[l.Key()]
			recorded[i] = true
		case l.Credit && !l.Reversal:
			bl.State = BankCredit
		case !l.Credit && l.Reversal:
			bl.State = BankReturn
		default:
			bl.State = BankOther
		}
		r.Lines[i] = bl
	}
	for _, sg := range match.Suggest(s.Book, credit.OpenAtMap, asOf, lines, promises) {
		if bl := &r.Lines[sg.Line]; bl.State == BankCredit {
			bl.Candidates = sg.Candidates
			bl.Auto = len(sg.Candidates) > 0 && sg.Candidates[0].Exact
		}
	}
	var reversals []match.ReversalSuggestion
	if s.Partial { // the payment taken back may be older than the session's part
		err = s.overWhole(func(accounts iter.Seq[*ledger.Account]) {
			reversals = match.ReversalsOver(s.Book, accounts, lines, pays, recorded)
		})
		if err != nil {
			return nil, err
		}
	} else {
		reversals = match.Reversals(s.Book, lines, pays, recorded)
	}
	for _, sg := range reversals {
		bl := &r.Lines[sg.Line]
		if bl.State != BankReturn {
			continue
		}
		bl.Takes = sg.Candidates
		if len(sg.Candidates) == 0 || !sg.Candidates[0].Exact {
			continue
		}
		t := sg.Candidates[0]
		if t.Line < 0 {
			bl.Auto = true
			continue
		}
		credit := &r.Lines[t.Line]
		credit.TakenBack = sg.Line
		bl.Auto = credit.Auto
	}
	return r, nil
}

// AutoChoices returns the choices of the lines safe to record without asking: each
// credit's exact match, each return's exact match (a credit of this statement taken
// back is recorded too, with its return).
func (r *BankReview) AutoChoices() []BankChoice {
	var out []BankChoice
	for i := range r.Lines {
		if bl := &r.Lines[i]; bl.Auto {
			out = append(out, r.Choose(i, 0))
		}
	}
	return out
}

// Choose returns the choice of candidate k of line i (of its Candidates for a credit,
// of its Takes for a return); an index out of range leaves the line (zero choice with
// the line only).
func (r *BankReview) Choose(i, k int) BankChoice {
	c := BankChoice{Line: i}
	if i < 0 || i >= len(r.Lines) {
		return c
	}
	bl := &r.Lines[i]
	switch {
	case bl.State == BankCredit && k >= 0 && k < len(bl.Candidates):
		c.Customer, c.Items = bl.Candidates[k].Customer, bl.Candidates[k].Items
	case bl.State == BankReturn && k >= 0 && k < len(bl.Takes):
		t := bl.Takes[k]
		c.Take = &t
	}
	return c
}

// Pending counts the credits and returns of the review not recorded yet.
func (r *BankReview) Pending() int {
	n := 0
	for i := range r.Lines {
		if s := r.Lines[i].State; s == BankCredit || s == BankReturn {
			n++
		}
	}
	return n
}

// lineProblem is a refusal naming the statement's file and the line.
func (r *BankReview) lineProblem(key string, i int, args ...string) *ledger.Problem {
	l := &r.Statement.Lines[i]
	return &ledger.Problem{Key: key, Args: append([]string{"file", r.Statement.File, "line", strconv.Itoa(l.Row),
		"date", l.Booked.French(), "amount", l.Amount.String()}, args...)}
}

// lineError is lineProblem with its cause.
func (r *BankReview) lineError(key string, i int, err error) error {
	p := r.lineProblem(key, i)
	p.Err = err
	return p
}

// ApplyStatement records the choices made on review r, entered at date at by by, in
// one transaction with the statement's record: each credit chosen becomes a payment of
// its customer (Source naming the file and the line), allocated to the invoices chosen
// or the oldest due first, with « Règlement » in the customer's history; each return
// chosen becomes a payment taken back (payment.KindReturn: the debt open again, the
// unpaid-cheque or rejected-debit signal raised) with « Impayé » in the history. A
// return of a credit of this statement records that credit first. A line recorded by
// an earlier import, or chosen twice, is refused; a line left is not recorded and can
// be decided by importing the file again. It refuses everything, nothing written, on
// the first line it cannot record, naming the file, the line and why. The fronts
// Reload after it.
func (s *Session) ApplyStatement(r *BankReview, choices []BankChoice, at ledger.Date, by string) (*BankResult, error) {
	st := r.Statement
	who := s.Who(by)
	byLine := map[int]BankChoice{}
	for _, c := range choices {
		if c.Line < 0 || c.Line >= len(r.Lines) {
			return nil, &ledger.Problem{Key: "bankimp.err.line", Args: []string{"file", st.File, "line", strconv.Itoa(c.Line + 1)}}
		}
		if _, dup := byLine[c.Line]; dup {
			return nil, r.lineProblem("bankimp.err.twice", c.Line)
		}
		if c.Customer == "" && c.Take == nil {
			continue // left
		}
		byLine[c.Line] = c
	}
	order := make([]int, 0, len(byLine))
	custs := make([]string, 0, len(byLine))
	for i, c := range byLine {
		order = append(order, i)
		custs = append(custs, c.Customer)
		if c.Take != nil {
			custs = append(custs, c.Take.Customer)
		}
	}
	slices.Sort(order)
	// The accounts written to, whole: a return opens again invoices a payment of more
	// than a year ago had settled.
	s, err := s.WithAccounts(custs)
	if err != nil {
		return nil, err
	}
	// Working copies of the accounts written to, so that two lines of one customer
	// do not settle the same invoice twice.
	accts := map[string]*ledger.Account{}
	account := func(id string) *ledger.Account {
		if a, ok := accts[id]; ok {
			return a
		}
		var a *ledger.Account
		if src := s.Book.Account(id); src != nil {
			a = &ledger.Account{Customer: src.Customer, Items: slices.Clone(src.Items)}
		}
		accts[id] = a
		return a
	}
	res := &BankResult{}
	rec := store.Statement{Hash: st.Hash, File: st.File, Format: st.Format, Lines: len(st.Lines), Imports: []ledger.Date{at}, By: who}
	for i := range st.Lines {
		l := &st.Lines[i]
		if rec.Account == "" {
			rec.Account = l.Account
		}
		if !rec.From.Valid() || l.Booked < rec.From {
			rec.From = l.Booked
		}
		if l.Booked > rec.To {
			rec.To = l.Booked
		}
	}
	recordedID := map[int]*payment.Payment{} // line → payment recorded in this transaction
	err = s.DB.Update(func(tx *store.Tx) error {
		var record func(i int) (*payment.Payment, error)
		record = func(i int) (*payment.Payment, error) {
			if p, ok := recordedID[i]; ok {
				return p, nil
			}
			c, bl := byLine[i], &r.Lines[i]
			l := &st.Lines[i]
			if bl.State == BankDone {
				return nil, r.lineProblem("bankimp.err.done", i, "payment", bl.Payment)
			}
			if l.Booked > at {
				return nil, r.lineProblem("bankimp.err.future", i, "at", at.String())
			}
			var p payment.Payment
			switch {
			case bl.State == BankCredit && c.Customer != "":
				a := account(c.Customer)
				if a == nil {
					return nil, r.lineProblem("bankimp.err.customer", i, "customer", c.Customer)
				}
				p = payment.Payment{Customer: c.Customer, Date: l.Booked, Amount: l.Amount, Method: methodOf(l), Ref: refOf(l),
					Entered: at, By: who, Source: bankSource(st.Hash, l)}
				var wants []payment.Want
				for _, it := range c.Items {
					wants = append(wants, payment.Want{Item: it})
				}
				for _, n := range c.Numbers {
					wants = append(wants, payment.Want{Number: n})
				}
				if err := payment.Allocate(a, &p, wants, credit.OpenAtMap); err != nil {
					return nil, r.lineError("bankimp.err.alloc", i, err)
				}
			case bl.State == BankReturn && c.Take != nil:
				t := c.Take
				p = payment.Payment{Kind: payment.KindReturn, Date: l.Booked, Amount: l.Amount, Method: returnMethod(l), Ref: refOf(l),
					Entered: at, By: who, Source: bankSource(st.Hash, l), Customer: t.Customer, Returns: t.Payment}
				if p.Ref == "" {
					p.Ref = t.Ref
				}
				if t.Item != "" {
					p.Returns = t.Item
				}
				var settled []payment.Allocation
				if t.Line >= 0 {
					if _, ok := byLine[t.Line]; !ok {
						return nil, r.lineProblem("bankimp.err.return_left", i, "credit", strconv.Itoa(st.Lines[t.Line].Row))
					}
					taken, err := record(t.Line)
					if err != nil {
						return nil, err
					}
					p.Customer, p.Returns, settled = taken.Customer, taken.ID, taken.Allocations
				} else {
					a := account(t.Customer)
					if a == nil {
						return nil, r.lineProblem("bankimp.err.customer", i, "customer", t.Customer)
					}
					rest := p.Amount
					for k, id := range t.Settled {
						j := slices.IndexFunc(a.Items, func(x ledger.Item) bool { return x.ID == id })
						if j < 0 || rest == 0 {
							continue
						}
						it := &a.Items[j]
						take := min(it.Amount, rest)
						settled = append(settled, payment.Allocation{Item: id, Number: t.Numbers[k], Amount: take})
						rest -= take
					}
				}
				p.Allocations = settled
			default:
				return nil, r.lineProblem("bankimp.err.kind", i)
			}
			if err := addPayment(tx, &p, at); err != nil {
				return nil, r.lineError("bankimp.err.alloc", i, err)
			}
			if a := account(p.Customer); a != nil {
				payment.Apply(a, []payment.Payment{p})
			}
			recordedID[i] = &p
			rec.Payments = append(rec.Payments, p.ID)
			return &p, nil
		}
		for _, i := range order {
			if _, err := record(i); err != nil {
				return err
			}
		}
		return tx.PutStatement(rec)
	})
	if err != nil {
		return nil, err
	}
	for _, i := range order {
		if p := recordedID[i]; p != nil {
			res.Payments = append(res.Payments, *p)
			res.Lines = append(res.Lines, i)
		}
	}
	for i := range r.Lines {
		switch {
		case r.Lines[i].State == BankDone:
			res.Done++
		case (r.Lines[i].State == BankCredit || r.Lines[i].State == BankReturn) && recordedID[i] == nil:
			res.Left++
		}
	}
	return res, nil
}

// methodOf is the payment method of a credit line: the bank's, or a transfer when it
// does not say.
func methodOf(l *bank.Line) payment.Method {
	if m := payment.Method(l.Method); m.Known() {
		return m
	}
	return payment.Transfer
}

// returnMethod is the method of the payment a reversal takes back: a cheque returned
// unpaid, else a direct debit rejected.
func returnMethod(l *bank.Line) payment.Method {
	if l.Method == bank.Cheque || l.ChequeNo != "" {
		return payment.Cheque
	}
	return payment.DirectDebit
}

// refOf is the payment's reference from its line: the cheque's number, else the
// end-to-end reference, else the bank's reference.
func refOf(l *bank.Line) string {
	for _, s := range []string{l.ChequeNo, l.EndToEnd, l.BankRef} {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
