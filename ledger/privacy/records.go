package privacy

import (
	"strings"
	"unicode/utf8"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/store"
)

// The legal records of a customer — the register of limitation interruptions, the
// judgments obtained and the insolvency procedures with their events — are kept by an
// erasure, for the rules below; only their free text, which may say anything about the
// person, is erased.

// recordRetentions says what an erasure keeps of the legal records, and why.
func recordRetentions() []Retention {
	return []Retention{
		{What: "the register of limitation interruptions: each act's kind, date, end, invoices concerned, the record it corrects or withdraws, who recorded it and when (its proof and note are erased)",
			Rule: "C. civ. 2224, 2238, 2240 to 2244",
			Why:  "the acts that interrupted or suspended the limitation period decide until when the debt can be claimed"},
		{What: "the judgments obtained: kind, court, reference, dates, sums awarded and the payments received on them (the person's name, contacts and address taken out of their texts)",
			Rule: "CPCE L111-4, C. com. L123-22",
			Why:  "a decision can be enforced for ten years from the day it became enforceable; the payments are accounting records"},
		{What: "the insolvency procedures: kind, court, dates, mandataire and administrator, and their events' kinds and dates (the procedure's note and the events' subjects are erased)",
			Rule: "C. com. L622-24, C. civ. 2241 and 2242",
			Why:  "the claim filed in the procedure interrupts the limitation period until the procedure is closed"},
	}
}

// Kept counts the legal records and the collection history an erasure kept (their
// free text erased).
type Kept struct {
	Interruptions int `json:"interruptions"`
	Judgments     int `json:"judgments"`
	Procedures    int `json:"procedures"`
	// The collection history kept (EraseHistory), its free text erased.
	Actions  int `json:"actions"`
	Promises int `json:"promises"`
	Plans    int `json:"plans"`
	Payments int `json:"payments"`
	// The disputes and delivery blocks kept (EraseDisputes), their free text erased.
	Disputes int `json:"disputes"`
	Blocks   int `json:"blocks"`
	// The proof records of the customer's invoices kept (EraseProofs), their
	// references erased.
	Proofs int `json:"proofs"`
	// The over-indebtedness file kept (EraseOverindebt), its reference and note erased.
	Overindebt int `json:"overindebtedness"`
	// The unpaid cheques kept (EraseCheques), their notes erased.
	Cheques int `json:"cheques"`
	// The contract (0 or 1) and the causes of late payment kept (EraseContract), their
	// free text erased.
	Contract int `json:"contract"`
	Causes   int `json:"causes"`
	// The negotiation sheets deleted (EraseContract).
	Negotiations int `json:"negotiations"`
}

// EraseRecords erases, inside tx, the free text of the legal records of customer c
// (c as it was before Erase; name is its name after): the proof and note of its
// register acts, the note of its insolvency procedures and the subject of their
// events are replaced by a mark saying they were erased (a text that was empty stays
// empty; a withdrawal and a contract notice keep a non-empty text, as their rules
// require); in its judgments, kept whole for their enforcement (CPCE L111-4), the
// person's name, contacts' names, e-mails, phones and address lines are replaced by
// name in the court, the reference and the payments' references. Kinds, dates,
// amounts, items and links stay (the store refuses any other change).
func EraseRecords(tx *store.Tx, c *ledger.Customer, name, lang string) (Kept, error) {
	var k Kept
	mark := i18n.T(lang, "privacy2.erased_text")
	clear := func(s *string) {
		if strings.TrimSpace(*s) != "" {
			*s = mark
		}
	}
	var err error
	if k.Interruptions, err = tx.EraseInterruptionText(c.ID, func(r *dunning.InterruptionRecord) {
		clear(&r.Proof)
		clear(&r.Note)
	}); err != nil {
		return Kept{}, err
	}
	if k.Procedures, err = tx.EraseProcedureText(c.ID, func(p *law.Procedure) {
		clear(&p.Note)
		for i := range p.Events {
			clear(&p.Events[i].Subject)
		}
	}); err != nil {
		return Kept{}, err
	}
	scrub := Scrubber(c, name)
	if k.Judgments, err = tx.EraseJudgmentText(c.ID, func(j *law.Judgment) {
		j.Court, j.Ref = scrub(j.Court), scrub(j.Ref)
		for i := range j.Payments {
			j.Payments[i].Ref = scrub(j.Payments[i].Ref)
		}
	}); err != nil {
		return Kept{}, err
	}
	return k, nil
}

// Scrubber returns a function that replaces, in a text, the personal data of customer
// c — its name, its contacts' names, e-mails and phones, its address lines — by name.
// Texts shorter than three characters are left alone (they would match inside words).
func Scrubber(c *ledger.Customer, name string) func(string) string {
	var personal []string
	add := func(s string) {
		if s = strings.TrimSpace(s); utf8.RuneCountInString(s) >= 3 {
			personal = append(personal, s)
		}
	}
	add(c.Name)
	for _, ct := range c.Contacts {
		add(ct.Name)
		add(ct.Email)
		add(ct.Phone)
	}
	for _, l := range c.Address.Lines {
		add(l)
	}
	return func(s string) string {
		for _, p := range personal {
			s = strings.ReplaceAll(s, p, name)
		}
		return s
	}
}
