package law

import (
	"relance/ledger"
)

// notes explains the décompte: the rate of the principal and why it is or is not
// raised, the accessories' interest, the dépens, the capitalisation, the imputation
// of payments, the day convention, the enforcement deadline, where the rate tables
// stop and the rates the dossier gave.
func (d *JudgmentDecompte) notes(r *Rates) {
	j := &d.Judgment
	start := j.InterestStart().String()
	switch j.Interest {
	case InterestLegal:
		d.note("judgment.note.principal_legal", "date", start)
	case InterestContract:
		d.note("judgment.note.principal_contract", "date", start, "pct", j.Rate.Decimal.String())
	case InterestL441:
		d.note("judgment.note.principal_l441", "date", start)
	}
	switch { // C. civ. 1231-7: the sums awarded bear legal interest from the decision
	case j.Indemnity > 0 && j.Art700 > 0:
		d.note("judgment.note.accessories", "date", j.Decision.String())
	case j.Indemnity > 0:
		d.note("judgment.note.accessories_indemnity", "date", j.Decision.String())
	case j.Art700 > 0:
		d.note("judgment.note.accessories_art700", "date", j.Decision.String())
	}
	legal := j.Interest == InterestLegal || j.Indemnity > 0 || j.Art700 > 0
	switch {
	case !legal:
	case d.Majoration <= d.InterestEnd:
		d.note("judgment.note.majoration", "date", d.Majoration.String(), "end", j.Enforceable.String())
	default:
		d.note("judgment.note.majoration_later", "date", d.Majoration.String(), "end", j.Enforceable.String())
	}
	if j.Costs > 0 {
		d.note("judgment.note.costs")
	}
	if j.Capitalise {
		d.note("judgment.note.capitalise")
	}
	if len(j.Payments) > 0 {
		d.note("judgment.note.imputation")
	}
	d.note("judgment.note.basis", "end", d.InterestEnd.String())
	if d.InterestEnd < d.AsOf {
		d.note("judgment.note.rates_cap", "date", d.InterestEnd.String(), "end", d.AsOf.String())
	}
	if d.DaysLeft >= 0 {
		d.note("judgment.note.enforcement", "date", d.EnforceUntil.String(), "end", j.Enforceable.String())
	} else {
		d.note("judgment.note.enforcement_passed", "date", d.EnforceUntil.String(), "end", j.Enforceable.String())
	}
	for _, ln := range d.Lines { // a rate the dossier gave: when it was entered, from what source
		if n, ok := ln.Rate.EntryNote(); ok {
			d.note(n.Key, n.Args...)
		}
	}
}

func (d *JudgmentDecompte) note(key string, args ...string) {
	for _, n := range d.Notes {
		if n.Key == key && equalArgs(n.Args, args) {
			return
		}
	}
	d.Notes = append(d.Notes, Note{Key: key, Args: args})
}

// ForDebtor adds what the debtor's kind changes: against a public person no forced
// enforcement is possible; payment is obtained by mandatement d'office (loi 80-539 of
// 16 July 1980 art. 1; CJA L911-9).
func (d *JudgmentDecompte) ForDebtor(kind ledger.CustomerKind) {
	if kind == ledger.PublicBody {
		d.note("judgment.note.public")
	}
}

// NoteText renders a note of the décompte in lang, dates and amounts in the reader's
// way (FormatNote).
func (d *JudgmentDecompte) NoteText(n Note, lang string) string {
	return FormatNote(n, lang, d.Currency)
}

// AwardKey is the catalogue key naming a sum of a judgment: « Principal »,
// « Article 700 du CPC »…
func AwardKey(c Award) string { return "judgment.claim." + string(c) }

// KindKey is the catalogue key naming a kind of decision.
func (k JudgmentKind) KindKey() string { return "judgment.kind." + string(k) }

// InterestKey is the catalogue key naming the rate a decision awards.
func (k InterestKind) InterestKey() string { return "judgment.interest." + string(k) }

// Decompte returns the décompte's interest lines as a Decompte whose Invoice column
// names each sum in lang, for the shared table (letters/decomptepdf.Lines).
func (d *JudgmentDecompte) Decompte(lang string) *Decompte {
	lines := make([]Line, len(d.Lines))
	for i, ln := range d.Lines {
		ln.Invoice = Note{Key: AwardKey(Award(ln.Invoice))}.Text(lang)
		lines[i] = ln
	}
	return &Decompte{Debtor: DebtorB2B, End: d.InterestEnd, Basis: 365, Currency: d.Currency, Lines: lines,
		Invoices: []InvoiceTotal{}, Totals: Totals{Interest: d.Totals.Accrued}, Notes: []Note{}}
}

// Sum returns the décompte's sum c (zero when the decision awarded none).
func (d *JudgmentDecompte) Sum(c Award) JudgmentSum {
	for _, s := range d.Sums {
		if s.Award == c {
			return s
		}
	}
	return JudgmentSum{Award: c}
}

// EnforcementLevel says how close the L111-4 deadline is at the as-of date, on the
// limitation scale: expired, within three months, within six, or not near.
func EnforcementLevel(deadline, asOf ledger.Date) Level {
	left := deadline.DaysSince(asOf)
	switch {
	case left < 0:
		return LevelExpired
	case asOf.AddMonths(3) >= deadline:
		return LevelWarn3
	case asOf.AddMonths(6) >= deadline:
		return LevelWarn6
	}
	return LevelOK
}
