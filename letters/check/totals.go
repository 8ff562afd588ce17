package check

import (
	"regexp"
	"strings"

	"relance/ledger"
)

// Arithmetic of the amounts a letter writes (CLAR.TOTAL_CONSISTENCY): totals against the
// amounts listed before them, a list's or a schedule's sum, an invoice cited with two
// amounts or with another than the ledger's, HT + TVA = TTC, and the total row of a table.

// checkTotals: a stated total that is not the sum of the amounts listed before it, the
// same invoice cited with two amounts, an amount that matches neither the ledger's
// amount nor the open amount of the invoice it is written with (CLAR.TOTAL_CONSISTENCY).
func (l *letter) checkTotals() {
	type am struct {
		e    Entity
		ref  string
		item bool // on a list item line (« - premier versement de 1 350,00 € … »)
	}
	var items []am
	byRef := map[string]Entity{}
	l.checkTables()
	l.checkSchedule()
	var sec Section
	for _, e := range l.ents {
		if e.Kind != EntAmount || !l.inMessage(e.Start) || l.inTable(e.Start) {
			continue
		}
		if s := l.sectionAt(e.Start); s != sec {
			items, sec = nil, s // a total sums amounts of its own part (the body, an annex)
		}
		s := l.sentenceAt(e.Start)
		ref := ""
		// the invoice reference written closest before the amount in its sentence, or
		// right after it
		for _, x := range l.ents {
			if x.Kind == EntInvoice && x.Start >= s.start && x.End <= s.end && (x.End <= e.Start || ref == "") {
				ref = refKey(l.t.slice(x.Start, x.End))
			}
		}
		from := max(s.start, e.Start-40)
		sent := l.t.slice(from, e.Start)
		if loc := reTotalCue.FindAllStringIndex(sent, -1); loc != nil && len(items) >= 2 {
			// a list just above the total: the total is its sum
			var list ledger.Cents
			n := 0
			for k := len(items) - 1; k >= 0 && items[k].item; k-- {
				list += items[k].e.Cents
				n++
			}
			if n >= 2 {
				if list != e.Cents {
					l.hit("CLAR.TOTAL_CONSISTENCY", e.Start, e.End, map[string]string{"_msg": "sum", "stated": l.t.slice(e.Start, e.End), "sum": list.Format(l.lang, e.Currency)}, nil)
				}
				items = nil
				continue
			}
			var sum ledger.Cents
			for _, it := range items {
				sum += it.e.Cents
			}
			var principal ledger.Cents
			for _, it := range items {
				if it.ref != "" {
					principal += it.e.Cents
				}
			}
			if sum != e.Cents && principal != e.Cents {
				l.hit("CLAR.TOTAL_CONSISTENCY", e.Start, e.End, map[string]string{"_msg": "sum", "stated": l.t.slice(e.Start, e.End), "sum": sum.Format(l.lang, e.Currency)}, nil)
			}
			items = nil
			continue
		}
		if ref != "" && strings.Count(l.t.slice(s.start, s.end), "€")+strings.Count(l.t.slice(s.start, s.end), "£") <= 2 {
			if prev, ok := byRef[ref]; ok && prev.Cents != e.Cents && !isIndemnity(e) && !isIndemnity(prev) && l.countRefs(s) == 1 && !l.partOfInvoice(e) && !l.partOfInvoice(prev) {
				l.hit("CLAR.TOTAL_CONSISTENCY", e.Start, e.End, map[string]string{"_msg": "twice", "ref": ref, "other": prev.Cents.Format(l.lang, prev.Currency)}, nil)
			}
			if !isIndemnity(e) {
				if _, ok := byRef[ref]; !ok {
					byRef[ref] = e
				}
				if it := l.ledgerItem(ref); it != nil && e.Cents != it.Amount && e.Cents != it.Open && l.countRefs(s) == 1 {
					l.hit("CLAR.TOTAL_CONSISTENCY", e.Start, e.End, map[string]string{"_msg": "ledger", "ref": it.Number,
						"amount": it.Amount.Format(l.lang, e.Currency), "open": it.Open.Format(l.lang, e.Currency)}, nil)
				}
			}
		}
		items = append(items, am{e, ref, bullet(l.lineAt(e.Start).text)})
	}
}

// reScheduleIntro announces a schedule: « … de 1 300,00 € en trois versements : ».
var reScheduleIntro = lazyRegexp(`(?i)(?:[ée]ch[ée]ances|versements|mensualit[ée]s|paiements|instal?ments|payments)\s*:\s*$`)

// checkSchedule: an amount announced as paid in instalments listed line by line must be
// their sum (CLAR.TOTAL_CONSISTENCY).
func (l *letter) checkSchedule() {
	amounts := func(ln line) []Entity {
		var out []Entity
		for _, e := range l.ents {
			if e.Kind == EntAmount && e.Start >= ln.start && e.End <= ln.end {
				out = append(out, e)
			}
		}
		return out
	}
	for i, ln := range l.lines {
		if !reScheduleIntro.MatchString(ln.text) {
			continue
		}
		intro := amounts(ln)
		if len(intro) == 0 {
			continue
		}
		total := intro[len(intro)-1]
		k := i + 1
		for k < len(l.lines) && strings.TrimSpace(l.lines[k].text) == "" {
			k++
		}
		var sum ledger.Cents
		n := 0
		for ; k < len(l.lines); k++ {
			am := amounts(l.lines[k])
			if len(am) != 1 || am[0].Currency != total.Currency {
				break
			}
			sum += am[0].Cents
			n++
		}
		if n >= 2 && sum != total.Cents {
			l.hit("CLAR.TOTAL_CONSISTENCY", total.Start, total.End, map[string]string{"_msg": "sum", "stated": l.t.slice(total.Start, total.End), "sum": sum.Format(l.lang, total.Currency)}, nil)
		}
	}
}

// rePartBefore and rePartAfter name an amount that is a part of an invoice, not its
// amount: tax base, VAT, deposit, balance, penalties or interest on it.
var (
	rePartBefore = lazyRegexp(`(?i)\bHT\b|hors taxes?|\bTVA\b|acompte|solde|p[ée]nalit[ée]s?|int[ée]r[êe]ts?|indemnit|frais|restant d[ûu]|reste d[ûu]|d[ée]j[àa] (?:r[ée]gl|vers)|vers[ée]|deposit|balance|interest|part[- ]payment|already paid|instalment|[ée]ch[ée]ances? :`)
	rePartAfter  = lazyRegexp(`(?i)^\s*(?:HT\b|hors taxes|de TVA|TVA\b|excl|\+ ?VAT|VAT\b)`)
)

// partOfInvoice reports an amount named as a part of an invoice, in the words just
// after it (« 870,00 € HT ») or in its paragraph before it (« un acompte de 8 050,00 € »,
// « Pénalités de retard : – sur FA-1 (78 jours) 221,56 € »).
func (l *letter) partOfInvoice(e Entity) bool {
	if rePartAfter.MatchString(l.t.slice(e.End, min(e.End+14, len(l.t.runes)))) {
		return true
	}
	from := max(0, e.Start-300)
	before := l.t.slice(from, e.Start)
	if i := strings.LastIndex(before, "\n\n"); i >= 0 {
		before = before[i:]
	}
	// on its own line, only the words since the amount written before it
	if i := strings.LastIndexAny(before, "€£"); i >= 0 && !strings.Contains(before[i:], "\n") {
		before = before[i:]
	}
	return rePartBefore.MatchString(before)
}

// The labels of an amount before or after tax.
var (
	reTTC = lazyRegexp(`(?i)\bTTC\b|toutes taxes comprises|incl(?:\.|uding)? VAT|VAT incl`)
	reHT  = lazyRegexp(`(?i)\bHT\b|hors taxes?|excl(?:\.|uding)? VAT|net of VAT|before VAT`)
	reTVA = lazyRegexp(`(?i)\bTVA\b|\bVAT\b`)
)

// checkVAT: an amount before tax, its VAT and the amount after tax written together
// whose sum is wrong (HT + TVA ≠ TTC; CLAR.TOTAL_CONSISTENCY). Each amount takes the
// label written nearest to it on its line, before or after; a group is read in the order of
// the letter and closed by its amount after tax.
func (l *letter) checkVAT() {
	var ht, tva *Entity
	for i := range l.ents {
		e := &l.ents[i]
		if e.Kind != EntAmount || !l.inMessage(e.Start) {
			continue
		}
		from, to := max(0, e.Start-25), min(len(l.t.runes), e.End+25)
		before, after := l.t.slice(from, e.Start), l.t.slice(e.End, to)
		if j := strings.LastIndexByte(before, '\n'); j >= 0 {
			before = before[j+1:]
		}
		if j := strings.IndexByte(after, '\n'); j >= 0 {
			after = after[:j]
		}
		label, best := "", 1<<30
		for _, c := range []struct {
			name string
			re   *regexp.Regexp
		}{{"ttc", reTTC.get()}, {"ht", reHT.get()}, {"tva", reTVA.get()}} {
			for _, m := range c.re.FindAllStringIndex(before, -1) {
				if d := len(before) - m[1]; d < best {
					label, best = c.name, d
				}
			}
			if m := c.re.FindStringIndex(after); m != nil && m[0] < best {
				label, best = c.name, m[0]
			}
		}
		switch label {
		case "ttc":
			if ht != nil && tva != nil && ht.Currency == e.Currency && tva.Currency == e.Currency {
				if d := ht.Cents + tva.Cents - e.Cents; d > 1 || d < -1 {
					l.hit("CLAR.TOTAL_CONSISTENCY", e.Start, e.End, map[string]string{"_msg": "vat", "stated": l.t.slice(e.Start, e.End),
						"ht": ht.Cents.Format(l.lang, e.Currency), "tva": tva.Cents.Format(l.lang, e.Currency),
						"sum": (ht.Cents + tva.Cents).Format(l.lang, e.Currency)}, nil)
				}
			}
			ht, tva = nil, nil
		case "ht":
			ht = e
		case "tva":
			tva = e
		}
	}
}

// refBefore reports an invoice reference ending less than n runes before offset i.
func (l *letter) refBefore(i, n int) bool {
	for _, x := range l.ents {
		if x.Kind == EntInvoice && x.End <= i && i-x.End < n {
			return true
		}
	}
	return false
}

func (l *letter) countRefs(s sentence) int {
	n := 0
	for _, x := range l.ents {
		if x.Kind == EntInvoice && x.Start >= s.start && x.End <= s.end {
			n++
		}
	}
	return n
}

// checkTables checks the total row of each invoice table (SecTable lines, see
// markTables): every amount column of the total row must be the sum of the rows above it.
func (l *letter) checkTables() {
	var rows [][]Entity // amounts per row, in column order
	var rowText []string
	flush := func() {
		defer func() { rows, rowText = nil, nil }()
		if len(rows) < 2 {
			return
		}
		last := len(rows) - 1
		if !reTotalCue.MatchString(rowText[last]) {
			return
		}
		for c, tot := range rows[last] {
			var sum ledger.Cents
			ok := true
			for _, r := range rows[:last] {
				if c >= len(r) || len(r) != len(rows[last]) {
					ok = false
					break
				}
				sum += r[c].Cents
			}
			if ok && sum != tot.Cents {
				l.hit("CLAR.TOTAL_CONSISTENCY", tot.Start, tot.End, map[string]string{"_msg": "sum", "stated": l.t.slice(tot.Start, tot.End), "sum": sum.Format(l.lang, tot.Currency)}, nil)
			}
		}
	}
	for _, ln := range l.lines {
		if ln.sec != SecTable {
			flush()
			continue
		}
		var am []Entity
		for _, e := range l.ents {
			if e.Kind == EntAmount && e.Start >= ln.start && e.End <= ln.end {
				am = append(am, e)
			}
		}
		if len(am) == 0 {
			continue // the header row
		}
		rows = append(rows, am)
		rowText = append(rowText, ln.text)
	}
	flush()
}
