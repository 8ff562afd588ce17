package insolvency

import (
	"sort"
	"strings"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/law"
	"relance/letters/pdfdoc"
)

// FollowUpKind is one of the letters a creditor writes as a procedure goes on, after
// the claim filing.
type FollowUpKind string

// Follow-up letters.
const (
	// Forclusion: the request to the juge-commissaire for relief from the time bar
	// (requête en relevé de forclusion, C. com. L622-26, R622-25).
	Forclusion FollowUpKind = "forclusion"
	// Contract: the mise en demeure asking the administrator whether an ongoing
	// contract is continued (C. com. L622-13).
	Contract FollowUpKind = "contract"
	// PostOpening: the information of the administrator (or mandataire) of the claims
	// born after the opening judgment and not paid (C. com. L622-17 — à vérifier: the
	// project's legal reference does not source it).
	PostOpening FollowUpKind = "post-opening"
)

// FollowUpKinds lists the follow-up letters in the order the window offers them.
var FollowUpKinds = []FollowUpKind{Forclusion, Contract, PostOpening}

// ParseFollowUpKind parses "forclusion", "contract" or "post-opening" ("post_opening"
// too).
func ParseFollowUpKind(s string) (FollowUpKind, bool) {
	k := FollowUpKind(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "_", "-"))
	for _, x := range FollowUpKinds {
		if x == k {
			return k, true
		}
	}
	return "", false
}

// ForclusionReason is why the creditor did not file its claim in time: the request
// must show that the default is not its fault (C. com. L622-26 al. 1).
type ForclusionReason string

// Reasons for a relevé de forclusion.
const (
	// ReasonOmitted: the debtor omitted the creditor from the list of creditors it
	// gave the mandataire (C. com. L622-6 — à vérifier: the reference states the rule
	// without its article).
	ReasonOmitted ForclusionReason = "omitted"
	// ReasonUnknown: the creditor could not know its claim within the 6 months; the
	// request may then be made within 1 year (C. com. L622-26 al. 3).
	ReasonUnknown ForclusionReason = "unknown"
	// ReasonOther: another cause outside the creditor's fault, set out in the facts.
	ReasonOther ForclusionReason = "other"
)

// ForclusionReasons lists the reasons in the order the window offers them.
var ForclusionReasons = []ForclusionReason{ReasonOmitted, ReasonUnknown, ReasonOther}

// ParseForclusionReason parses "omitted", "unknown" or "other".
func ParseForclusionReason(s string) (ForclusionReason, bool) {
	r := ForclusionReason(strings.ToLower(strings.TrimSpace(s)))
	for _, x := range ForclusionReasons {
		if x == r {
			return r, true
		}
	}
	return "", false
}

// FollowUpRequest is what the user chooses for a follow-up letter.
type FollowUpRequest struct {
	Kind FollowUpKind
	// Reason and Facts: a relevé de forclusion's cause and the facts that show it
	// (required for ReasonOther and ReasonUnknown).
	Reason ForclusionReason
	Facts  string
	// Contract is the ongoing contract a Contract letter is about (required).
	Contract string
	// CourtAddress is the court's (greffe's) postal address for the relevé request;
	// empty: the court's name only.
	CourtAddress ledger.Address
	// Lang is the letter's language, "fr" or "en" (a courtesy translation); "" is the
	// dossier's.
	Lang string
}

// FollowUp is a follow-up letter's content, every sentence resolved in its language:
// the PDF draws it and the archive records the same text.
type FollowUp struct {
	Kind         FollowUpKind
	Lang         string
	Currency     string
	Procedure    law.Procedure
	Customer     string
	CustomerName string
	AsOf         ledger.Date
	// To and ToAddress are the recipient; CopyTo who gets a copy ("" none).
	To         string
	ToAddress  ledger.Address
	CopyTo     string
	Object     string
	Salutation string
	Intro      []string        // paragraphs before the invoice table
	Items      []law.ClaimItem // the invoice table (none for a contract letter)
	Total      ledger.Cents    // what the letter claims or reports
	Body       []string        // paragraphs after the table
	// Warning is a paragraph printed in red: the deadline has passed ("" none).
	Warning    string
	Closing    string
	Enclosures string
	// Deadline is the date the letter's rule sets, with its article (NoDate: none
	// known yet); Late is true when it has passed at AsOf.
	Deadline ledger.Date
	Rule     string
	Late     bool
}

// BuildFollowUp prepares the follow-up letter req asks for, for acct under procedure
// p at asOf (rates: the penalties stopped at the opening judgment in a relevé
// request; nil: none). Errors are *ledger.Problem naming the missing or bad field.
func BuildFollowUp(book *ledger.Book, acct *ledger.Account, p law.Procedure, rates *law.Rates, req FollowUpRequest, asOf ledger.Date) (*FollowUp, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	lang := req.Lang
	if lang == "" {
		lang = book.Settings.Lang
	}
	if lang != "fr" && lang != "en" {
		return nil, &ledger.Problem{Key: "insolv2.err.field", Args: []string{"field", "lang", "value", req.Lang}}
	}
	f := &FollowUp{Kind: req.Kind, Lang: lang, Currency: book.Settings.Currency, Procedure: p, Customer: acct.Customer.ID,
		CustomerName: acct.Customer.Name, AsOf: asOf, Items: []law.ClaimItem{}}
	w := writer{lang: lang, currency: book.Settings.Currency}
	debtor := acct.Customer.Name
	kind := w.t("ins.pdf.kind." + string(p.Kind))
	court := p.Court
	if court == "" {
		court = w.t("ins.pdf.claim.court_unknown")
	}
	opening := w.t("insolv2.pdf.opening", "judgment", w.date(p.Judgment), "court", court, "kind", kind, "debtor", debtor,
		"bodacc", w.date(p.BODACC))
	var err error
	switch req.Kind {
	case Forclusion:
		err = f.forclusion(w, book, acct, rates, req, opening, court, kind)
	case Contract:
		err = f.contract(w, acct, req, opening, kind)
	case PostOpening:
		err = f.postOpening(w, acct, opening, kind)
	default:
		err = &ledger.Problem{Key: "insolv2.err.field", Args: []string{"field", "kind", "value", string(req.Kind)}}
	}
	if err != nil {
		return nil, err
	}
	if f.Deadline.Valid() {
		f.Late = asOf > f.Deadline
	}
	return f, nil
}

// writer resolves a letter's sentences in its language.
type writer struct{ lang, currency string }

func (w writer) t(key string, args ...string) string { return i18n.T(w.lang, key, args...) }
func (w writer) date(d ledger.Date) string           { return pdfdoc.FormatDate(w.lang, d) }
func (w writer) money(c ledger.Cents) string         { return c.Format(w.lang, w.currency) }

// forclusion writes the requête en relevé de forclusion to the juge-commissaire
// (C. com. L622-26, R622-25): the claim, why the default is not the creditor's fault,
// the deadline of the request (6 months from the BODACC, 1 year when the creditor
// could not know its claim) and what follows (the claim filed within the halved
// period; only later distributions shared).
func (f *FollowUp) forclusion(w writer, book *ledger.Book, acct *ledger.Account, rates *law.Rates, req FollowUpRequest, opening, court, kind string) error {
	p := f.Procedure
	reason := req.Reason
	if reason == "" {
		reason = ReasonOmitted
	}
	if _, ok := ParseForclusionReason(string(reason)); !ok {
		return &ledger.Problem{Key: "insolv2.err.field", Args: []string{"field", "reason", "value", string(req.Reason)}}
	}
	facts := sentence(req.Facts)
	if facts == "" && reason != ReasonOmitted {
		return &ledger.Problem{Key: "insolv2.err.facts", Args: []string{"reason", w.t("insolv2.reason_name." + string(reason))}}
	}
	c, err := law.BuildClaim(rates, acct, p, law.Unsecured, f.AsOf)
	if err != nil {
		return err
	}
	f.Items = append(append(f.Items, c.Due...), c.ToFallDue...)
	sort.SliceStable(f.Items, func(i, j int) bool { return f.Items[i].DocDate < f.Items[j].DocDate })
	f.Total = c.Total
	if f.Total <= 0 || len(f.Items) == 0 {
		return &ledger.Problem{Key: "insolv2.err.no_claim", Args: []string{"customer", acct.Customer.ID}}
	}
	f.To = w.t("insolv2.pdf.jc")
	addr := req.CourtAddress
	addr.Lines = append([]string{court}, addr.Lines...)
	f.ToAddress = addr
	f.CopyTo = p.Mandataire
	f.Deadline, f.Rule = law.ForclusionDeadline(p, reason == ReasonUnknown), "C. com. L622-26, R622-25"
	claimEnd := ledger.NoDate
	for _, d := range law.ProcedureDeadlines(p, f.AsOf) {
		if d.Kind == law.DeadlineClaim {
			claimEnd = d.Date
		}
	}
	if f.AsOf <= claimEnd { // still in time to file: a relief request has no object yet
		return &ledger.Problem{Key: "insolv2.err.forclusion_early", Args: []string{"customer", acct.Customer.ID,
			"date", claimEnd.String()}}
	}
	f.Object = w.t("insolv2.pdf.fc.object", "kind", kind, "debtor", acct.Customer.Name, "judgment", w.date(p.Judgment),
		"bodacc", w.date(p.BODACC))
	f.Salutation = w.t("insolv2.pdf.fc.salutation")
	f.Intro = []string{
		w.t("insolv2.pdf.fc.intro", "company", book.Settings.Company.Name, "opening", opening),
		w.t("insolv2.pdf.organs", "organs", organs(w, p)),
		w.t("insolv2.pdf.fc.claim", "debtor", acct.Customer.Name, "total", w.money(c.Total), "due", w.money(c.DueTotal),
			"fall", w.money(c.FallTotal), "penalties", w.money(c.Penalties+c.Indemnity), "eve", w.date(law.OpeningEve(&p))),
	}
	if c.Credits < 0 {
		f.Intro[2] += " " + w.t("insolv2.pdf.fc.credits", "credits", w.money(-c.Credits))
	}
	period := "insolv2.pdf.fc.period6"
	if reason == ReasonUnknown {
		period = "insolv2.pdf.fc.period12"
	}
	why := w.t("insolv2.pdf.fc.why."+string(reason), "facts", facts)
	if reason == ReasonOmitted && facts != "" {
		why += " " + w.t("insolv2.pdf.fc.facts", "facts", facts)
	}
	f.Body = []string{
		w.t("insolv2.pdf.fc.missed", "date", w.date(claimEnd)),
		why,
		w.t("insolv2.pdf.fc.request"),
		w.t("insolv2.pdf.fc.effect"),
		w.t(period, "bodacc", w.date(p.BODACC), "date", w.date(f.Deadline), "rule", f.Rule),
	}
	if f.AsOf > f.Deadline {
		f.Warning = w.t("insolv2.pdf.late", "date", w.date(f.Deadline))
	}
	f.Closing = w.t("insolv2.pdf.fc.closing")
	f.Enclosures = w.t("insolv2.pdf.fc.enclosures")
	return nil
}

// contract writes the mise en demeure asking whether an ongoing contract is continued
// (C. com. L622-13 III 1°): unanswered for one month, the contract is terminated by
// right. It goes to the administrator; in a liquidation to the liquidateur (C. com.
// L641-11-1 — à vérifier); without an administrator, to the debtor with a copy to the
// mandataire (C. com. L627-2 — à vérifier).
func (f *FollowUp) contract(w writer, acct *ledger.Account, req FollowUpRequest, opening, kind string) error {
	p := f.Procedure
	what := strings.TrimSpace(req.Contract)
	if what == "" {
		return &ledger.Problem{Key: "insolv2.err.field", Args: []string{"field", "contract", "value", ""}}
	}
	f.Salutation = w.t("ins.pdf.claim.salutation")
	switch {
	case p.Kind == law.Liquidation:
		f.To, f.ToAddress = p.Mandataire, p.MandataireAddress
	case p.Administrator != "":
		f.To, f.ToAddress, f.CopyTo = p.Administrator, p.AdministratorAddress, p.Mandataire
	default:
		f.To, f.ToAddress, f.CopyTo = acct.Customer.Name, acct.Customer.Address, p.Mandataire
		f.Salutation = w.t("insolv2.pdf.salutation_debtor")
	}
	f.Rule = "C. com. L622-13"
	f.Object = w.t("insolv2.pdf.ct.object", "kind", kind, "debtor", acct.Customer.Name, "judgment", w.date(p.Judgment))
	f.Intro = []string{
		opening + " " + w.t("insolv2.pdf.organs", "organs", organs(w, p)),
		w.t("insolv2.pdf.ct.contract", "debtor", acct.Customer.Name, "contract", sentence(what)),
	}
	// After the option for continuation, post-opening performance is paid cash in a
	// redressement (and a liquidation — à vérifier); in a sauvegarde the contract's
	// terms apply since ord. 2014-326 (C. com. L622-13 II).
	pay := "insolv2.pdf.ct.cash"
	if p.Kind == law.Sauvegarde {
		pay = "insolv2.pdf.ct.terms"
	}
	f.Body = []string{
		w.t("insolv2.pdf.ct.request"),
		w.t("insolv2.pdf.ct.consequence"),
		w.t(pay),
		w.t("insolv2.pdf.ct.before"),
	}
	f.Closing = w.t("ins.pdf.claim.closing")
	return nil
}

// postOpening writes the information of the claims born after the opening judgment
// and not paid at their due date (C. com. L622-17 I, II, IV — à vérifier; in a
// liquidation C. com. L641-13 — à vérifier): the invoices dated after the judgment,
// to the administrator (failing one, the mandataire or liquidateur), within 1 year of
// the end of the observation period when it is recorded.
func (f *FollowUp) postOpening(w writer, acct *ledger.Account, opening, kind string) error {
	p := f.Procedure
	c, err := law.BuildClaim(nil, acct, p, law.Unsecured, f.AsOf)
	if err != nil {
		return err
	}
	for _, it := range c.Later {
		f.Items = append(f.Items, it)
		f.Total += it.Open
	}
	if len(f.Items) == 0 {
		return &ledger.Problem{Key: "insolv2.err.no_post_opening", Args: []string{"customer", acct.Customer.ID,
			"judgment", p.Judgment.String()}}
	}
	f.Salutation = w.t("ins.pdf.claim.salutation")
	f.To, f.ToAddress = p.Mandataire, p.MandataireAddress
	if p.Administrator != "" && p.Kind != law.Liquidation {
		f.To, f.ToAddress, f.CopyTo = p.Administrator, p.AdministratorAddress, p.Mandataire
	}
	article := "L622-17"
	if p.Kind == law.Liquidation {
		article = "L641-13"
	}
	f.Rule = "C. com. " + article
	deadline := w.t("insolv2.pdf.po.deadline_open")
	if e, ok := law.LastEvent(p, law.EventObservationEnd); ok {
		f.Deadline = e.Date.AddMonths(12)
		deadline = w.t("insolv2.pdf.po.deadline", "end", w.date(e.Date), "date", w.date(f.Deadline))
	}
	f.Object = w.t("insolv2.pdf.po.object", "article", article, "kind", kind, "debtor", acct.Customer.Name,
		"judgment", w.date(p.Judgment))
	f.Intro = []string{
		opening + " " + w.t("insolv2.pdf.organs", "organs", organs(w, p)),
		w.t("insolv2.pdf.po.intro", "debtor", acct.Customer.Name, "count", itoa(len(f.Items)), "total", w.money(f.Total)),
	}
	f.Body = []string{
		w.t("insolv2.pdf.po.rank", "article", article),
		w.t("insolv2.pdf.po.inform", "article", article) + " " + deadline,
		w.t("insolv2.pdf.po.request"),
	}
	if f.Deadline.Valid() && f.AsOf > f.Deadline {
		f.Warning = w.t("insolv2.pdf.late", "date", w.date(f.Deadline))
	}
	f.Closing = w.t("ins.pdf.claim.closing")
	f.Enclosures = w.t("insolv2.pdf.po.enclosures")
	return nil
}

// sentence is s trimmed, ending with a full stop unless it ends with punctuation ("" stays "").
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?)»") || strings.HasSuffix(s, "…") {
		return s
	}
	return s + "."
}

// organs names the procedure's mandataire and administrator as recorded.
func organs(w writer, p law.Procedure) string {
	s := p.Mandataire
	if p.Administrator != "" {
		s += w.t("insolv2.pdf.and") + p.Administrator
	}
	return s
}
