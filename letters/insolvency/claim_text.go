package insolvency

import (
	"slices"
	"strings"

	"relance/ledger"
	"relance/ledger/law"
)

// claimText is the claim filing's sentences in its language: drawClaim prints them
// and ClaimRecord archives the same words.
type claimText struct {
	object, salutation, intro string
	// the headings of the sections, in the order the letter prints them
	hDue, hFall, hPenalties, hPenaltyInvoices, hSummary, hSecurity string
	interestMethod                                                 string
	rateNotes                                                      []string // a rate entered in the dossier: when, from what source
	summary                                                        [][2]string
	security, docs                                                 string
	deadline                                                       string // "" when no filing period is known
	sincere, closing                                               string
}

// newClaimText resolves the sentences of claim c of acct in w's language.
func newClaimText(w writer, acct *ledger.Account, c *law.InsolvencyClaim) claimText {
	p := c.Procedure
	debtor := acct.Customer.Name
	kind := w.t("ins.pdf.kind." + string(p.Kind))
	ct := claimText{
		object: w.t("ins.pdf.claim.object", "kind", kind, "debtor", debtor, "judgment", w.date(p.Judgment), "bodacc", w.date(p.BODACC)),
		intro: w.t("ins.pdf.claim.intro", "judgment", w.date(p.Judgment), "court", courtName(w, p), "kind", kind,
			"debtor", debtor, "bodacc", w.date(p.BODACC), "total", w.money(c.Total)),
		salutation:       w.t("ins.pdf.claim.salutation"),
		hDue:             w.t("ins.pdf.claim.h.due"),
		hFall:            w.t("ins.pdf.claim.h.fall"),
		hPenaltyInvoices: w.t("penaltyinv.claim.h"),
		hSummary:         w.t("ins.pdf.claim.h.summary"),
		hSecurity:        w.t("ins.pdf.claim.h.security"),
		security:         w.t("ins.pdf.claim.security." + string(c.Security)),
		docs:             w.t("ins.pdf.claim.docs"),
		sincere:          w.t("ins.pdf.claim.sincere"),
		closing:          w.t("ins.pdf.claim.closing"),
	}
	if c.Decompte != nil && len(c.Decompte.Lines) > 0 {
		ct.hPenalties = w.t("ins.pdf.claim.h.penalties", "date", w.date(c.Decompte.End))
		ct.interestMethod = w.t("ins.pdf.claim.interest_method")
		for _, n := range c.Decompte.Notes {
			if strings.HasPrefix(n.Key, "rates.note.") {
				ct.rateNotes = append(ct.rateNotes, law.FormatNote(n, w.lang, c.Decompte.Currency))
			}
		}
	}
	rows := []struct {
		key string
		v   ledger.Cents
	}{{"ins.pdf.claim.sum.due", c.DueTotal}, {"ins.pdf.claim.sum.fall", c.FallTotal}, {"ins.pdf.claim.sum.penalties", c.Penalties},
		{"ins.pdf.claim.sum.indemnity", c.Indemnity}, {"penaltyinv.claim.sum", c.PenaltyInvoiceTotal},
		{"ins.pdf.claim.sum.credits", c.Credits}, {"ins.pdf.claim.sum.total", c.Total}}
	if c.PenaltyInvoiceTotal == 0 {
		rows = slices.Delete(rows, 4, 5)
	}
	for _, r := range rows {
		ct.summary = append(ct.summary, [2]string{w.t(r.key), w.money(r.v)})
	}
	for _, dl := range law.ProcedureDeadlines(p, c.AsOf) {
		if dl.Kind == law.DeadlineClaim {
			ct.deadline = w.t("ins.pdf.claim.deadline", "date", w.date(dl.Date), "rule", dl.Rule)
		}
	}
	return ct
}

// retentionText is the retention-of-title claim's sentences in its language.
type retentionText struct {
	object, salutation, intro, goods, request, warning string
	// deadline is the period's end, or the warning that it has passed (late true)
	deadline string
	late     bool
	closing  string
	copyTo   string // "" when no copy is sent
}

// newRetentionText resolves the sentences of retention claim rc of acct in w's language.
func newRetentionText(w writer, acct *ledger.Account, rc *law.RetentionClaim) retentionText {
	p := rc.Procedure
	debtor := acct.Customer.Name
	rt := retentionText{
		object: w.t("ins.pdf.ret.object", "kind", w.t("ins.pdf.kind."+string(p.Kind)), "debtor", debtor,
			"judgment", w.date(p.Judgment), "bodacc", w.date(p.BODACC)),
		salutation: w.t("ins.pdf.claim.salutation"),
		intro:      w.t("ins.pdf.ret.intro", "debtor", debtor),
		goods:      w.t("ins.pdf.ret.goods"),
		request:    w.t("ins.pdf.ret.request"),
		warning:    w.t("ins.pdf.ret.warning"),
		deadline:   w.t("ins.pdf.ret.deadline", "date", w.date(rc.Deadline)),
		late:       rc.Late,
		closing:    w.t("ins.pdf.ret.closing"),
	}
	if rc.Late {
		rt.deadline = w.t("ins.pdf.ret.late", "date", w.date(rc.Deadline))
	}
	if rc.CopyTo != "" {
		rt.copyTo = w.t("ins.pdf.ret.copy", "name", rc.CopyTo)
	}
	return rt
}

// courtName is the court that opened p, or the words for an unknown one.
func courtName(w writer, p law.Procedure) string {
	if p.Court != "" {
		return p.Court
	}
	return w.t("ins.pdf.claim.court_unknown")
}
