package desk

import (
	"io"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/payment"
	"relance/ledger/store"
	"relance/letters/judgmentpdf"
	"relance/letters/pdfdoc"
)

// JudgmentForm is a decision as a person types it, in the window's form or on the
// command line: both fronts parse it with ParseJudgmentForm.
type JudgmentForm struct {
	Customer, Kind, Court, Ref string
	Decision, Enforceable      string // DD/MM/YYYY or YYYY-MM-DD
	Principal                  string // "12 500,00"
	// Rate is "legal" (or « légal », empty), "l441-10" (or « L441 »), or a rate in % a
	// year set by the decision ("8", "8,5 %").
	Rate                     string
	InterestFrom             string // empty: from the decision
	Indemnity, Art700, Costs string // empty: none
	Capitalise               bool
}

// ParseJudgmentForm reads a typed decision. A bad value is refused naming the field
// and the value as typed (judgment.err.typed); the judgment then validates
// (law.Judgment.Validate).
func ParseJudgmentForm(f JudgmentForm) (law.Judgment, error) {
	j := law.Judgment{Customer: strings.TrimSpace(f.Customer), Court: strings.TrimSpace(f.Court),
		Ref: strings.TrimSpace(f.Ref), Capitalise: f.Capitalise, Payments: []law.JudgmentPayment{}}
	typed := func(field, value string) error {
		if strings.TrimSpace(value) == "" { // a field left empty: say it is needed
			return &ledger.Problem{Key: "judgment.err.missing", Args: []string{"field_key", "judgment.field." + field}}
		}
		return &ledger.Problem{Key: "judgment.err.typed", Args: []string{"field_key", "judgment.field." + field, "value", value}}
	}
	k, ok := law.ParseJudgmentKind(f.Kind)
	if !ok {
		return j, typed("kind", f.Kind)
	}
	j.Kind = k
	for _, d := range []struct {
		field, text string
		dst         *ledger.Date
		optional    bool
	}{{"decision", f.Decision, &j.Decision, false}, {"enforceable", f.Enforceable, &j.Enforceable, false},
		{"interest_from", f.InterestFrom, &j.InterestFrom, true}} {
		if strings.TrimSpace(d.text) == "" && d.optional {
			continue
		}
		v, err := payment.ParseDay(d.text)
		if err != nil {
			return j, typed(d.field, d.text)
		}
		*d.dst = v
	}
	for _, a := range []struct {
		field, text string
		dst         *ledger.Cents
		optional    bool
	}{{"principal", f.Principal, &j.Principal, false}, {"indemnity", f.Indemnity, &j.Indemnity, true},
		{"art700", f.Art700, &j.Art700, true}, {"costs", f.Costs, &j.Costs, true}} {
		if strings.TrimSpace(a.text) == "" && a.optional {
			continue
		}
		v, err := payment.ParseAmount(a.text)
		if err != nil || v < 0 {
			return j, typed(a.field, a.text)
		}
		*a.dst = v
	}
	rate := strings.ToLower(strings.TrimSpace(f.Rate))
	switch strings.NewReplacer("é", "e", " ", "").Replace(rate) {
	case "", "legal", "legale", "taux legal":
		j.Interest = law.InterestLegal
	case "l441-10", "l441", "l441-10ii", "bce+10", "ecb+10":
		j.Interest = law.InterestL441
	default:
		t := strings.TrimSpace(strings.TrimSuffix(strings.Replace(rate, ",", ".", 1), "%"))
		v, err := decimal.NewFromString(t)
		if err != nil {
			return j, typed("rate", f.Rate)
		}
		j.Interest, j.Rate = law.InterestContract, decimal.NewNullDecimal(v)
	}
	return j, j.Validate()
}

// RecordJudgment records decision j against its customer, entered today by by (the
// dossier's signatory when empty), in one transaction; j's ID is written back. A
// decision dated after today, or not yet enforceable by today, is refused, as is one
// that does not validate or names an unknown customer: nothing is written.
func (s *Session) RecordJudgment(j *law.Judgment, today ledger.Date, by string) error {
	for _, d := range []struct {
		field string
		v     ledger.Date
	}{{"decision", j.Decision}, {"enforceable", j.Enforceable}} {
		if d.v > today {
			return &law.NoteError{Note: law.Note{Key: "judgment.err.future", Args: []string{"field_key", "judgment.field." + d.field,
				"date", d.v.String(), "end", today.String()}}}
		}
	}
	c := *j
	c.Recorded, c.By = today, s.Who(by)
	if err := s.DB.Update(func(tx *store.Tx) error { return tx.PutJudgment(&c) }); err != nil {
		return err
	}
	*j = c
	return nil
}

// AddJudgmentPayment records a payment received on judgment id (date and amount as
// typed: DD/MM/YYYY or YYYY-MM-DD, « 1 234,56 »), not after today, in one
// transaction, and returns the judgment with it.
func (s *Session) AddJudgmentPayment(id, date, amount, ref string, today ledger.Date) (*law.Judgment, error) {
	d, err := payment.ParseDay(date)
	if err != nil {
		return nil, &ledger.Problem{Key: "judgment.err.typed", Args: []string{"field_key", "judgment.field.payment_date", "value", date}}
	}
	a, err := payment.ParseAmount(amount)
	if err != nil || a <= 0 {
		return nil, &ledger.Problem{Key: "judgment.err.typed", Args: []string{"field_key", "judgment.field.payment_amount", "value", amount}}
	}
	if d > today {
		return nil, &law.NoteError{Note: law.Note{Key: "judgment.err.future", Args: []string{"field_key", "judgment.field.payment_date",
			"date", d.String(), "end", today.String()}}}
	}
	var j *law.Judgment
	err = s.DB.Update(func(tx *store.Tx) error {
		var err error
		j, err = tx.AddJudgmentPayment(id, law.JudgmentPayment{Date: d, Amount: a, Ref: strings.TrimSpace(ref)})
		return err
	})
	return j, err
}

// JudgmentRow is a recorded decision with its customer's name (its ID when the
// customer is gone) and, at a date, its enforcement deadline and what remains due.
type JudgmentRow struct {
	law.Judgment
	Name         string       `json:"name"`
	EnforceUntil ledger.Date  `json:"enforce_until"`
	DaysLeft     int          `json:"days_left"`
	Level        law.Level    `json:"level"`
	TotalDue     ledger.Cents `json:"total_due"`
	// Problem says why the décompte could not be made (a payment above what was owed):
	// the row is listed without TotalDue.
	Problem string `json:"problem,omitempty"`
}

// Judgments lists the dossier's decisions in ID order with, at asOf, their L111-4
// deadline and the total due (law.ComputeJudgment); lang words a décompte's problem.
func (s *Session) Judgments(asOf ledger.Date, lang string) ([]JudgmentRow, error) {
	js, err := s.DB.LoadJudgments("")
	if err != nil {
		return nil, err
	}
	rows := []JudgmentRow{}
	for _, j := range js {
		r := JudgmentRow{Judgment: j, Name: j.Customer, EnforceUntil: j.EnforcementDeadline()}
		if acc := s.Book.Account(j.Customer); acc != nil {
			r.Name = acc.Customer.Name
		}
		r.DaysLeft = r.EnforceUntil.DaysSince(asOf)
		r.Level = law.EnforcementLevel(r.EnforceUntil, asOf)
		if asOf >= j.Decision {
			d, err := law.ComputeJudgment(s.Rates, j, asOf, s.Book.Settings.Currency)
			if err != nil {
				r.Problem = ledger.Localize(err, lang)
			} else {
				r.TotalDue = d.Totals.TotalDue
			}
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// JudgmentDecompte computes the post-judgment décompte at asOf of decision id or, id
// empty, of customer's latest decision (law.ComputeJudgment).
func (s *Session) JudgmentDecompte(customer, id string, asOf ledger.Date) (*law.JudgmentDecompte, error) {
	js, err := s.DB.LoadJudgments(customer)
	if err != nil {
		return nil, err
	}
	var j *law.Judgment
	for i := range js {
		switch {
		case id != "" && js[i].ID == id:
			j = &js[i]
		case id == "" && (j == nil || js[i].Decision >= j.Decision):
			j = &js[i]
		}
	}
	if j == nil {
		if id != "" {
			return nil, &ledger.Problem{Key: "judgment.err.unknown", Args: []string{"value", id}}
		}
		return nil, &ledger.Problem{Key: "judgment.err.none", Args: []string{"value", customer}}
	}
	d, err := law.ComputeJudgment(s.Rates, *j, asOf, s.Book.Settings.Currency)
	if err != nil {
		return nil, err
	}
	if acc := s.Book.Account(j.Customer); acc != nil {
		d.ForDebtor(acc.Customer.Kind)
	}
	return d, nil
}

// WriteJudgmentPDF writes the décompte d as the PDF for the commissaire de justice:
// creditor, debtor, decision, the décompte with its L313-3 and 1343-2 lines and the
// L111-4 deadline (letters/judgmentpdf), in lang. f may be nil.
func (s *Session) WriteJudgmentPDF(w io.Writer, d *law.JudgmentDecompte, lang string, f *pdfdoc.Factory) error {
	return judgmentpdf.Render(w, s.Book, d, lang, judgmentpdf.Options{Factory: f})
}

// EnforcementSoonDays is how far ahead the agenda lists a decision's enforcement
// deadline (CPCE L111-4): six months, enforcement measures take time.
const EnforcementSoonDays = 183

// enforcementDeadlines returns, for the agenda, the L111-4 deadlines still to come
// within EnforcementSoonDays at asOf; once passed a deadline leaves the agenda (the
// Après jugement tab shows it as expired).
func (s *Session) enforcementDeadlines(asOf ledger.Date) ([]dunning.LegalDeadline, error) {
	js, err := s.DB.LoadJudgments("")
	if err != nil {
		return nil, err
	}
	var out []dunning.LegalDeadline
	for _, j := range js {
		end := j.EnforcementDeadline()
		left := end.DaysSince(asOf)
		if left < 0 || left > EnforcementSoonDays {
			continue
		}
		name := j.Customer
		if acc := s.Book.Account(j.Customer); acc != nil {
			name = acc.Customer.Name
		}
		out = append(out, dunning.LegalDeadline{Customer: j.Customer, Name: name, Kind: EnforcementKind, Item: j.Ref,
			Date: end, DaysLeft: left, Rule: "CPCE L111-4"})
	}
	return out, nil
}

// EnforcementKind is the Kind of a decision's enforcement deadline among the agenda's
// legal deadlines (dunning.LegalDeadline).
const EnforcementKind = "enforcement"

// withEnforcement adds the decisions' enforcement deadlines near at asOf to legal,
// soonest first.
func (s *Session) withEnforcement(legal []dunning.LegalDeadline, asOf ledger.Date) ([]dunning.LegalDeadline, error) {
	more, err := s.enforcementDeadlines(asOf)
	if err != nil || len(more) == 0 {
		return legal, err
	}
	out := append(slices.Clone(legal), more...)
	slices.SortStableFunc(out, func(a, b dunning.LegalDeadline) int { return int(a.Date - b.Date) })
	return out, nil
}
