package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/risk"
)

// riskView is the risk part of the Clients screen: the assessment of the book at the
// as-of date cached (the classes and signals of every customer, without reasons;
// riskDetail explains one), the class and signal filters, the risk map, the policy
// editor and a customer's Risque tab with its decisions.
type riskView struct {
	a       *App
	book    *ledger.Book // the book and date the cache was computed for
	asOf    ledger.Date
	version int // bumped by each risk write, so the cache is recomputed after it
	done    int
	in      risk.Input
	res     *risk.Result
	err     error
	class   string // Clients filter: class in force ("" = all)
	signal  string // Clients filter: active signal key ("" = all, "any" = any signal)
	// clientsTab is the Clients screen's tab: 0 the list, 1 the risk map, 2 the
	// ledger's upkeep (hygienePane).
	clientsTab int
}

// Extra columns of the Clients table (beyond ledger's summary columns).
const (
	colClass   ledger.SummaryColumn = 100 + iota // class in force
	colSignals                                   // active signals
)

// riskResult returns the assessment of the open book at the as-of date, computing it
// when the book, the date or the risk records changed; nil when it cannot be computed
// (the error is kept in a.risk.err).
func (sv *riskView) riskResult() *risk.Result {
	a := sv.a
	st := sv
	if a.sess == nil || a.sess.DB == nil { // no dossier (or a book shown without one)
		return nil
	}
	if st.res != nil && st.book == a.book && st.asOf == a.asOf && st.done == st.version {
		return st.res
	}
	st.book, st.asOf, st.done, st.res = a.book, a.asOf, st.version, nil
	st.res, st.in, st.err = a.sess.Risk(a.asOf, false)
	if st.err != nil {
		st.res = nil
	}
	return st.res
}

// riskDetail explains customer id: every axis's reasons and the signals' evidence.
func (sv *riskView) riskDetail(id string) *risk.Assessment {
	res := sv.riskResult()
	if res == nil {
		return nil
	}
	in := sv.in
	in.Explain = true
	return risk.Detail(in, res, id)
}

// riskChanged drops the cache after a risk write and redraws the screen.
func (sv *riskView) riskChanged(status string) {
	a := sv.a
	sv.version++
	a.showScreen(a.screen)
	a.setStatus(status)
}

// policyChanged is riskChanged after the policy changed: a session holding part of the
// history has read its part again (desk.Session.SaveRiskPolicy), since the new policy may
// look further back (ui/staged.go).
func (sv *riskView) policyChanged() {
	a := sv.a
	if a.sess != nil && a.book != a.sess.Book {
		a.setSession(a.sess)
		a.recompute()
	}
	sv.riskChanged(a.t("uirisk.status.policy"))
}

// className is "A — Stratégique" in the user's language.
func (a *App) className(code string) string {
	if res := a.risk.riskResult(); res != nil {
		if c := res.Policy.Class(code); c != nil {
			return c.Code + " — " + c.Name(a.lang)
		}
	}
	return code
}

// classImportance colours a class: the worst class in danger, the one before in warning.
func (a *App) classImportance(code string) widget.Importance {
	res := a.risk.riskResult()
	if res == nil {
		return widget.MediumImportance
	}
	n, r := len(res.Policy.Classes), res.Policy.Rank(code)
	switch {
	case r == n-1:
		return widget.DangerImportance
	case r == n-2:
		return widget.WarningImportance
	case r == 0:
		return widget.SuccessImportance
	}
	return widget.MediumImportance
}

// signalNames lists the active signals of as in words.
func (a *App) signalNames(as *risk.Assessment) string {
	var names []string
	for i := range as.Signals {
		if as.Signals[i].Active() {
			names = append(names, a.t("risk.signal."+as.Signals[i].Key))
		}
	}
	return strings.Join(names, ", ")
}

// riskFilter keeps the rows matching the Clients screen's class and signal filters.
func (sv *riskView) riskFilter(rows []ledger.CustomerSummary) []ledger.CustomerSummary {
	st := sv
	if st.class == "" && st.signal == "" {
		return rows
	}
	res := sv.riskResult()
	if res == nil {
		return rows
	}
	out := rows[:0]
	for _, r := range rows {
		as := res.Get(r.ID)
		if as == nil || (st.class != "" && as.Class != st.class) {
			continue
		}
		if st.signal == "any" && as.ActiveSignals() == 0 {
			continue
		}
		if st.signal != "" && st.signal != "any" && !hasActive(as, st.signal) {
			continue
		}
		out = append(out, r)
	}
	return out
}

func hasActive(as *risk.Assessment, key string) bool {
	for i := range as.Signals {
		if as.Signals[i].Key == key && as.Signals[i].Active() {
			return true
		}
	}
	return false
}

// riskSort sorts rows by class (best first) or number of active signals when col is
// one of the risk columns, and reports whether it did.
func (sv *riskView) riskSort(rows []ledger.CustomerSummary, col ledger.SummaryColumn, desc bool) bool {
	if col != colClass && col != colSignals {
		return false
	}
	res := sv.riskResult()
	if res == nil {
		return true
	}
	key := func(id string) int {
		as := res.Get(id)
		if as == nil {
			return -1
		}
		if col == colClass {
			return res.Policy.Rank(as.Class)*1000 - as.Score
		}
		return as.ActiveSignals()
	}
	slices.SortStableFunc(rows, func(x, y ledger.CustomerSummary) int {
		c := key(x.ID) - key(y.ID)
		if desc {
			c = -c
		}
		if c == 0 {
			return strings.Compare(x.ID, y.ID)
		}
		return c
	})
	return true
}

// riskCell is the text and colour of a Clients cell in a risk column.
func (sv *riskView) riskCell(id string, col ledger.SummaryColumn) (string, widget.Importance) {
	a := sv.a
	res := sv.riskResult()
	as := res.Get(id)
	if as == nil {
		return "", widget.MediumImportance
	}
	if col == colClass {
		text := a.className(as.Class)
		if as.Override != nil {
			text += " *" // set by hand (override)
		}
		if as.Pending != nil {
			text += " →" // a class change is proposed
		}
		return text, a.classImportance(as.Class)
	}
	imp := widget.MediumImportance
	if w, ok := as.Worst(); ok && w == risk.High {
		imp = widget.DangerImportance
	} else if ok {
		imp = widget.WarningImportance
	}
	return a.signalNames(as), imp
}

// riskFilterBar is the class and signal filters of the Clients screen (none when the
// classes are not computed); apply refilters.
func (sv *riskView) riskFilterBar(apply func()) []fyne.CanvasObject {
	a := sv.a
	st := sv
	res := sv.riskResult()
	if res == nil {
		return nil
	}
	codes := res.Policy.Codes()
	classOpts := []string{a.t("uirisk.filter.all_classes")}
	for _, c := range codes {
		classOpts = append(classOpts, a.className(c))
	}
	class := widget.NewSelect(classOpts, nil)
	class.SetSelectedIndex(slices.Index(codes, st.class) + 1)
	class.OnChanged = func(string) {
		st.class = ""
		if i := class.SelectedIndex(); i > 0 {
			st.class = codes[i-1]
		}
		apply()
	}
	keys := append([]string{"any"}, risk.SignalKeys()...)
	sigOpts := []string{a.t("uirisk.filter.all_signals"), a.t("uirisk.filter.any_signal")}
	for _, k := range risk.SignalKeys() {
		sigOpts = append(sigOpts, a.t("risk.signal."+k))
	}
	sig := widget.NewSelect(sigOpts, nil)
	sig.SetSelectedIndex(slices.Index(keys, st.signal) + 1)
	sig.OnChanged = func(string) {
		st.signal = ""
		if i := sig.SelectedIndex(); i > 0 {
			st.signal = keys[i-1]
		}
		apply()
	}
	return []fyne.CanvasObject{labelled(a.t("uirisk.filter.class"), class),
		labelled(a.t("uirisk.filter.signal"), sig)}
}
